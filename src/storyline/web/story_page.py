"""The story page: what a journalist reads first about a story, every line cited.

Built from the brief's sentences (the cited artefact) plus the parts of the story model the brief
only summarises: the supports/contradicts/omits table, the key figures, the people in it, and the
sources split into originals and copies.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..brief.render import MAX_TEXT_CHARS, clip, source_numbers, source_relations
from ..model import Article, Brief, BriefSentence, Entity, Story
from ..text.plural import counted
from .cite import Citer
from .entities_page import type_name
from .layout import article_href, date_range, esc, href, table, time_tag

MAX_PEOPLE = 16
_DATED = re.compile(r"^(?P<date>\S+)(?P<estimated> \(date estimated\))?(?: \((?P<status>[a-z]+)\))?: (?P<text>.+)$",
                    re.S)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def members(story: Story, articles: Mapping[str, Article]) -> list[Article]:
    return [articles[a] for a in story.article_ids if a in articles]


def counts_line(story: Story, articles: Mapping[str, Article]) -> str:
    """"5 outlets · 8 articles: 6 originals + 2 copies", the numbers agreeing with their nouns."""
    arts = members(story, articles)
    outlets = {a.outlet or a.source for a in arts}
    copies = sum(1 for a in arts if a.id in story.copies)
    line = f"{counted(len(outlets), 'outlet')} · {counted(len(arts), 'article')}"
    return line + (f": {counted(len(arts) - copies, 'original')} + {counted(copies, 'copy', 'copies')}"
                   if copies else "")


def languages_line(story: Story, articles: Mapping[str, Article]) -> str:
    """"languages: de, en (1 machine-translated)": what a reader can check in the original."""
    arts = members(story, articles)
    langs = sorted({a.language for a in arts if a.language})
    translated = sum(1 for a in arts if a.provenance.translated_by)
    if not langs:
        return ""
    return "languages: " + ", ".join(langs) + (f" ({translated} machine-translated)" if translated else "")


def _items(brief: Brief, section: str) -> list[BriefSentence]:
    return [s for s in brief.sentences if s.section == section]


def _li(s: BriefSentence, citer: Citer, more_href: str | None = None) -> str:
    return f"<li>{esc(clip(s.text, MAX_TEXT_CHARS))}{citer.cite(s.citations, more_href)}</li>"


def _section(key: str, title: str, inner: str) -> str:
    return f'<section id="{key}" aria-labelledby="h-{key}"><h2 id="h-{key}">{title}</h2>{inner}</section>' if inner else ""


def _list(items: Sequence[BriefSentence], citer: Citer, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>{''.join(_li(s, citer) for s in items)}</ul>" if items else ""


def lead(brief: Brief, citer: Citer) -> str:
    """The first summary sentence as the lead paragraph, the rest as a list under it."""
    summary = _items(brief, "summary")
    if not summary:
        return ""
    first = f'<p class="lead">{esc(clip(summary[0].text, MAX_TEXT_CHARS))}{citer.cite(summary[0].citations)}</p>'
    return _section("lead", "What happened", first + _list(summary[1:], citer))


def timeline(brief: Brief, citer: Citer) -> str:
    rows = []
    for s in _items(brief, "timeline"):
        m = _DATED.match(s.text)
        if not m:
            rows.append(_li(s, citer))
            continue
        date = m["date"]
        when = time_tag(date) if _ISO_DAY.match(date) else f"<b>{esc(date)}</b>"
        status = f" <span class='tag'>{esc(m['status'])}</span>" if m["status"] else ""
        if m["estimated"]:  # resolved against an estimated publication date: a likely day, not a stated one
            when += " <span class='tag' title='the article states no publication date'>date estimated</span>"
        rows.append(f"<li>{when}{status} {esc(clip(m['text'], MAX_TEXT_CHARS))}{citer.cite(s.citations)}</li>")
    return _section("timeline", "Timeline", f"<ol class='timeline'>{''.join(rows)}</ol>" if rows else "")


def claims_table(story: Story, citer: Citer) -> str:
    """Where each outlet stands on the story's main claims: supports, contradicts, or leaves out."""
    rows = [[esc(clip(r.text, MAX_TEXT_CHARS)) + citer.cite(r.evidence), esc(", ".join(r.support)) or "—",
             esc(", ".join(r.contradict)) or "—", esc(", ".join(r.omit)) or "—"] for r in story.comparison.claims]
    inner = table(["Claim", "Supports", "Contradicts", "Omits"], rows, "Main claims by outlet") if rows else ""
    return _section("claims", "Where outlets stand", inner)


def differences(brief: Brief, story: Story, citer: Citer) -> str:
    """The brief's differences, with the framing notes (loaded words, scare quotes) apart."""
    framing = {f.text for f in story.comparison.framing}
    items = _items(brief, "differences")
    return (_section("differences", "Where sources differ", _list([s for s in items if s.text not in framing], citer))
            + _section("framing", "Framing", _list([s for s in items if s.text in framing], citer)))


def voices(brief: Brief, story: Story, articles: Mapping[str, Article], citer: Citer) -> str:
    """Who each outlet quotes; a line resting on many passages links to that outlet's quotes."""
    rows = []
    for s in _items(brief, "voices"):
        first = articles.get(s.citations[0].article_id) if s.citations else None
        more = href("/quotes", story=story.id, outlet=first.outlet) if first and first.outlet else None
        rows.append(_li(s, citer, more))
    return _section("voices", "Voices by outlet", f"<ul>{''.join(rows)}</ul>" if rows else "")


def people(story: Story, entities: Sequence[Entity]) -> str:
    """The names in the story, most widely mentioned first, each linking to its entity page."""
    ids = set(story.article_ids)
    reach = {e.id: len({m.article_id for m in e.mentions} & ids) for e in entities}
    chosen = sorted((e for e in entities if reach[e.id]), key=lambda e: -reach[e.id])[:MAX_PEOPLE]
    links = ", ".join(f"<a href='{esc(href('/entities', e.id))}'>{esc(e.name)}</a> "
                      f"<span class='dim'>({esc(type_name(e.type))})</span>" for e in chosen)
    return _section("people", "Who and where", f"<p>{links}</p>" if links else "")


def related(story: Story, titles: Mapping[str, str]) -> str:
    rows = "".join(f"<li><a href='{esc(href('/stories', r.story_id))}'>{esc(titles[r.story_id])}</a> "
                   f"<span class='dim'>{esc(r.why)}</span></li>" for r in story.related if r.story_id in titles)
    return _section("related", "Related", f"<ul>{rows}</ul>" if rows else "")


def _source_li(a: Article, story: Story, nums: Mapping[str, int]) -> str:
    bits = [esc(a.label), time_tag(a.published), *([esc(a.byline)] if a.byline else []),
            *source_relations(a, story, nums, esc)]
    return (f"<li value='{nums[a.id]}' id='source-{nums[a.id]}'><a href='{esc(article_href(a.id))}'>"
            f"{esc(clip(a.title or a.source, 300))}</a><br><span class='meta'>{' · '.join(bits)}</span></li>")


def sources(story: Story, articles: Mapping[str, Article], nums: Mapping[str, int]) -> str:
    arts = members(story, articles)
    originals = [a for a in arts if a.id not in story.copies]
    copies = [a for a in arts if a.id in story.copies]
    inner = (f"<h3>{counted(len(originals), 'original')}</h3>"
             f"<ol>{''.join(_source_li(a, story, nums) for a in originals)}</ol>"
             + (f"<h3>{counted(len(copies), 'copy', 'copies')}</h3><ol>"
                f"{''.join(_source_li(a, story, nums) for a in copies)}</ol>" if copies else ""))
    return _section("sources", "Sources", inner)


def header(brief: Brief, story: Story, articles: Mapping[str, Article], citer: Citer, has_brief: bool = True) -> str:
    """Headline, then dates · counts · places (cited: the places are read from the articles)."""
    bits = [date_range(story.first_seen, story.last_seen), esc(counts_line(story, articles))]
    bits += [esc(line) for line in [languages_line(story, articles)] if line]
    bits += [esc(s.text.removeprefix("Places: ").rstrip(".")) + citer.cite(s.citations)
             for s in _items(brief, "overview")]
    kind = "<span class='tag'>roundup: several stories in one page</span> " if story.kind == "roundup" else ""
    formats = " · ".join(f"<a href='{esc(href('/api/stories', story.id, 'brief', format=f))}'>{label}</a>"
                         for f, label in (("md", "Markdown"), ("html", "HTML"), ("json", "JSON")))
    brief_line = (f"Brief as {formats}" if has_brief else
                  "No brief for this story in this run (briefs were skipped, or see the run's errors).")
    return (f"<p class='dim'><a href='/'>← all stories</a></p><h1>{esc(brief.headline)}</h1>"
            f"<p class='meta'>{kind}{' · '.join(bits)}</p><p class='meta'>{brief_line}</p>")


def panel(brief: Brief, citer: Citer, section: str, key: str, title: str, cls: str = "") -> str:
    """One of the brief's own panels, as the brief builds it (key numbers, first report, headlines,
    what changed since the last run): the page shows the brief's figures, never a second reckoning."""
    return _section(key, title, _list(_items(brief, section), citer, cls))


def story_body(story: Story, brief: Brief, articles: Mapping[str, Article],
               entities: Sequence[Entity], titles: Mapping[str, str], has_brief: bool = True) -> str:
    """The page body, sections in reading order; a section with nothing to show is left out.
    Without a brief (``has_brief`` False, ``brief`` empty) the story's own parts still show."""
    nums = source_numbers(story)
    citer = Citer(articles, nums)
    quotes_more = f"<p><a href='{esc(href('/quotes', story=story.id))}'>All quotes in this story →</a></p>"
    quotes = _list(_items(brief, "quotes"), citer)
    return "".join([
        header(brief, story, articles, citer, has_brief),
        panel(brief, citer, "changes", "changes", "Since the last run"),
        lead(brief, citer),
        panel(brief, citer, "key_numbers", "numbers", "Key numbers", "numbers"),
        panel(brief, citer, "first_report", "first-report", "First reported"),
        timeline(brief, citer),
        _section("quotes", "Who said what", quotes + quotes_more if quotes else ""),
        claims_table(story, citer),
        differences(brief, story, citer),
        voices(brief, story, articles, citer),
        _section("open-questions", "Open questions", _list(_items(brief, "open_questions"), citer)),
        people(story, entities),
        related(story, titles),
        panel(brief, citer, "headlines", "headlines", "Headlines by outlet"),
        sources(story, articles, nums),
    ])
