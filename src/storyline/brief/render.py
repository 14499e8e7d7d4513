"""Renderings of a brief. Both escape every piece of article text: input pages are untrusted.

The Markdown and HTML carry the same content; every ``[n]`` is a source number whose spans are in
the JSON brief, and in HTML each citation opens to the cited words highlighted in their context.
In Markdown, article-derived text (titles, outlets, sentences, quotes, names) is shown as text:
``& < >`` become entities so raw HTML is not passed through, brackets are escaped so the text cannot
make links or images (the ``[n]`` citations are the renderer's own), and a line break in the text
cannot start a heading, quote or list. No piece is copied longer than a cap, with an ellipsis.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import quote

from ..model import Article, Brief, BriefSentence, Span, Story
from ..text.plural import counted

SECTIONS = [("changes", "Since the last run"), ("summary", "Summary"), ("key_numbers", "Key numbers"), ("first_report", "First reported"),
            ("timeline", "Timeline"), ("quotes", "Who said what"),
            ("differences", "Where sources differ"), ("voices", "Voices by outlet"),
            ("headlines", "Headlines by outlet"), ("open_questions", "Open questions")]
CONTEXT = 160
MAX_PASSAGES = 4  # passages of one source shown under one citation; the rest are counted
MAX_HEADLINE_CHARS = 300  # a headline, an article title, an outlet name
MAX_TEXT_CHARS = 1000  # any one sentence, quote or table cell


def clip(text: str, limit: int) -> str:
    """``text`` if it fits, else its first words up to ``limit`` characters with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…"


_BREAKS = re.compile(r"\s*[\r\n\v\f\x85\u2028\u2029]+\s*")
_MD_INLINE = {"\\": "\\\\", "&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "\\[", "]": "\\]", "`": "\\`"}
_MD_INLINE_RE = re.compile("|".join(re.escape(c) for c in _MD_INLINE))
_MD_LEAD = re.compile(r"^(?:[#>+*=|~-]|(\d{1,9})([.)]))")


def md(text: str, limit: int = MAX_TEXT_CHARS, block: bool = False) -> str:
    """Article-derived text for Markdown: one line, capped, shown as text wherever it lands.
    ``block``: the text opens a list item, where a leading '#', '>', '-' or '1.' would be structure."""
    text = clip(_BREAKS.sub(" ", text).strip(), limit)
    text = _MD_INLINE_RE.sub(lambda m: _MD_INLINE[m.group()], text)
    m = _MD_LEAD.match(text) if block else None
    if m:
        text = f"{m.group(1)}\\{m.group(2)}{text[m.end():]}" if m.group(1) else "\\" + text
    return text


def _plain(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    return clip(text, limit)


def source_numbers(story: Story) -> dict[str, int]:
    return {aid: i for i, aid in enumerate(story.article_ids, 1)}


def _fmt_day(d: str | None) -> str:
    return d or "date unknown"


def meta_line(brief: Brief, story: Story, articles: dict[str, Article],
              esc: Callable[..., str] = _plain) -> str:
    arts = [articles[a] for a in story.article_ids if a in articles]
    outlets = {a.outlet or a.source for a in arts}
    originals = len(arts) - len(story.copies)
    langs = sorted({a.language or "?" for a in arts})
    translated = sum(1 for a in arts if a.provenance.translated_by)
    dates = (f"{story.first_seen} – {story.last_seen}" if story.first_seen and story.last_seen != story.first_seen
             else story.first_seen or "dates unknown")
    places = next((s.text.removeprefix("Places: ").rstrip(".") for s in brief.sentences if s.section == "overview"), "")
    bits = (["roundup page: several stories in one"] if story.kind == "roundup" else []) + [esc(dates)] + \
        ([esc(places)] if places else []) + [
        f"{counted(len(outlets), 'outlet')}, {counted(len(arts), 'article')} = {counted(originals, 'original')} + "
        f"{counted(len(story.copies), 'copy', 'copies')}",
        "languages: " + esc(", ".join(langs)) + (f" ({translated} machine-translated)" if translated else "")]
    return " · ".join(bits)


def source_line(a: Article, story: Story, nums: dict[str, int], esc: Callable[..., str] = _plain) -> str:
    """The sources entry; ``esc`` prepares each article-derived piece for the output format."""
    bits = [esc(a.label, MAX_HEADLINE_CHARS),
            esc(_fmt_day(a.published[:10] if a.published else None), MAX_HEADLINE_CHARS),
            *source_relations(a, story, nums, lambda v: esc(v, MAX_HEADLINE_CHARS))]
    return f"{' · '.join(bits)} — {esc(a.title or a.source, MAX_HEADLINE_CHARS)}"


def source_relations(a: Article, story: Story, nums: Mapping[str, int], esc: Callable[[str], str]) -> list[str]:
    """How a source relates to the others, by their numbers in the sources list: copies, the copied,
    rewrites, translations. One wording for the brief and the reader; ``esc`` prepares the one
    article-derived piece (the translator's credit) for the output format."""
    bits = []
    if a.id in story.copies:
        bits.append(f"copy of [{nums.get(story.copies[a.id], '?')}]")
    copied_by = [nums[c] for c, o in story.copies.items() if o == a.id and c in nums]
    if copied_by:
        bits.append("copied by " + "".join(f"[{n}]" for n in copied_by))
    if a.rewrite_of and a.rewrite_of in nums:
        bits.append(f"rewrite of [{nums[a.rewrite_of]}]")
    if a.provenance.translated_by:
        bits.append(f"translated ({esc(a.provenance.translated_by)})")
    return bits


def _refs(s: BriefSentence, nums: dict[str, int]) -> str:
    return "".join(f"[{nums[i]}]" for i in dict.fromkeys(c.article_id for c in s.citations) if i in nums)


def _md_cell(text: str, limit: int = MAX_TEXT_CHARS) -> str:
    return md(text, limit).replace("|", "\\|")


def render_markdown(brief: Brief, story: Story, articles: dict[str, Article]) -> str:
    nums = source_numbers(story)
    lines = [f"# {md(brief.headline, MAX_HEADLINE_CHARS)}", "", f"**{meta_line(brief, story, articles, md)}**", ""]
    for key, heading in SECTIONS:
        items = [s for s in brief.sentences if s.section == key]
        if key == "differences" and story.comparison.claims:
            lines += [f"## {heading}", "", "| claim | supports | contradicts | omits | sources |", "|---|---|---|---|---|"]
            for row in story.comparison.claims:
                refs = "".join(f"[{nums[i]}]" for i in dict.fromkeys(s.article_id for s in row.evidence) if i in nums)
                lines.append(f"| {_md_cell(row.text)} | {_md_cell(', '.join(row.support))} | "
                             f"{_md_cell(', '.join(row.contradict))} | {_md_cell(', '.join(row.omit))} | {refs} |")
            lines.append("")
            heading = ""
        if not items:
            continue
        if heading:
            lines += [f"## {heading}", ""]
        lines += [f"- {md(s.text, block=True)} {_refs(s, nums)}" for s in items]
        lines.append("")
    if brief.related:  # a plain list, not brief sentences: it cites the other story's articles
        lines += ["## Related stories", ""]
        lines += [f"- [{md(r.title or r.story_id, MAX_HEADLINE_CHARS)}]({quote(r.story_id)}.md) — {md(r.why)}"
                  for r in brief.related]
        lines.append("")
    lines += ["## Sources", ""]
    lines += [f"[{nums[a]}] {source_line(articles[a], story, nums, md)}  " for a in story.article_ids if a in articles]
    return "\n".join(lines) + "\n"


_STYLE = ("body{font:16px/1.5 system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
          "blockquote{color:#444;border-left:3px solid #ccc;margin:.2em 0;padding-left:.6em}"
          "mark{background:#fe9}details{display:inline-block;vertical-align:baseline}"
          "details[open]{display:block;margin:.2em 0 .6em 1em}"
          "summary{display:inline;list-style:none;cursor:pointer;color:#036}summary::-webkit-details-marker{display:none}"
          "table{border-collapse:collapse}"
          "td,th{border:1px solid #ccc;padding:.2em .4em;vertical-align:top}")


def group_spans(spans: Iterable[Span]) -> dict[str, list[Span]]:
    """Distinct spans by article, articles and spans in first-cited order: one citation marker per
    source, however many of its passages a sentence rests on (a voices line rests on dozens)."""
    out: dict[str, dict[tuple[int, int], Span]] = {}
    for s in spans:
        out.setdefault(s.article_id, {}).setdefault((s.start, s.end), s)
    return {aid: list(by_pos.values()) for aid, by_pos in out.items()}


def _cite_html(s: BriefSentence, articles: dict[str, Article], nums: dict[str, int]) -> str:
    """One ``<details>`` per cited article; opened, it shows each distinct passage in its context."""
    e = html.escape
    out = []
    for aid, spans in group_spans(s.citations).items():
        a = articles.get(aid)
        if a is None:
            continue
        passages = []
        for c in spans[:MAX_PASSAGES]:
            lo, hi = max(0, c.start - CONTEXT), min(len(a.text), c.end + CONTEXT)
            cited = clip(a.text[c.start:c.end], MAX_TEXT_CHARS)
            passages.append(f"<blockquote>…{e(a.text[lo:c.start])}<mark>{e(cited)}</mark>{e(a.text[c.end:hi])}…"
                            f"<br><small>chars {c.start}–{c.end}</small></blockquote>")
        extra = len(spans) - MAX_PASSAGES
        more = f"<small>and {counted(extra, 'more passage')}</small>" if extra > 0 else ""
        out.append(f"<details><summary>[{nums.get(aid, '?')}]</summary>"
                   f"<small>{e(clip(a.label, MAX_HEADLINE_CHARS))}</small>{''.join(passages)}{more}"
                   f"</details>")
    return " ".join(out)


def render_html(brief: Brief, story: Story, articles: dict[str, Article],
                story_href: Callable[[str], str] | None = None) -> str:
    """Self-contained page: no scripts, no external assets; every text node escaped. ``story_href``:
    where a related story's page is (default: its brief beside this one in briefs/)."""
    e = html.escape
    nums = source_numbers(story)
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>{e(clip(brief.headline, MAX_HEADLINE_CHARS))}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{e(clip(brief.headline, MAX_HEADLINE_CHARS))}</h1><p><b>{e(meta_line(brief, story, articles))}</b></p>"]
    for key, heading in SECTIONS:
        items = [s for s in brief.sentences if s.section == key]
        if key == "differences" and story.comparison.claims:
            parts.append(f"<h2>{e(heading)}</h2><table><tr><th>claim</th><th>supports</th><th>contradicts</th>"
                         "<th>omits</th></tr>")
            for row in story.comparison.claims:
                parts.append(f"<tr><td>{e(clip(row.text, MAX_TEXT_CHARS))}</td>"
                             f"<td>{e(clip(', '.join(row.support), MAX_TEXT_CHARS))}</td>"
                             f"<td>{e(clip(', '.join(row.contradict), MAX_TEXT_CHARS))}</td>"
                             f"<td>{e(clip(', '.join(row.omit), MAX_TEXT_CHARS))}</td></tr>")
            parts.append("</table>")
            heading = ""
        if not items:
            continue
        if heading:
            parts.append(f"<h2>{e(heading)}</h2>")
        parts.append("<ul>" + "".join(f"<li>{e(clip(s.text, MAX_TEXT_CHARS))} {_cite_html(s, articles, nums)}</li>"
                                      for s in items) + "</ul>")
    if brief.related:  # a plain list, not brief sentences: it cites the other story's articles
        href = story_href or (lambda sid: quote(sid) + ".html")
        parts.append("<h2>Related stories</h2><ul>" + "".join(
            f"<li><a href='{e(href(r.story_id), quote=True)}'>{e(clip(r.title or r.story_id, MAX_HEADLINE_CHARS))}</a>"
            f" — {e(clip(r.why, MAX_TEXT_CHARS))}</li>" for r in brief.related) + "</ul>")
    parts.append("<h2>Sources</h2><ol>")
    for aid in story.article_ids:
        if aid in articles:
            parts.append(f"<li>{e(source_line(articles[aid], story, nums))}</li>")
    parts.append("</ol></body></html>")
    return "".join(parts)


def render_json(brief: Brief) -> str:
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2)
