"""Renderings of a brief. HTML escapes every piece of article text: input pages are untrusted."""

from __future__ import annotations

import html
import json

from ..model import Article, Brief, Story

SECTIONS = [("summary", "Summary"), ("timeline", "Timeline"), ("quotes", "Who said what"),
            ("differences", "Where sources differ"), ("open_questions", "Open questions")]


def source_numbers(story: Story) -> dict[str, int]:
    return {aid: i for i, aid in enumerate(story.article_ids, 1)}


def _meta_line(story: Story, articles: dict[str, Article]) -> str:
    outlets = {articles[a].outlet or "?" for a in story.article_ids}
    originals = len(story.article_ids) - len(story.copies)
    langs = sorted({articles[a].language or "?" for a in story.article_ids})
    span = f"{story.first_seen} – {story.last_seen}" if story.first_seen else "dates unknown"
    return (f"{span} · {len(outlets)} outlets, {len(story.article_ids)} articles = {originals} originals + "
            f"{len(story.copies)} copies · languages: {', '.join(langs)}")


def _source_line(n: int, a: Article, story: Story, nums: dict[str, int]) -> str:
    bits = [a.outlet or a.source, a.published or "date unknown"]
    if a.id in story.copies:
        bits.append(f"copy of [{nums.get(story.copies[a.id], '?')}]")
    if a.rewrite_of and a.rewrite_of in nums:
        bits.append(f"rewrite of [{nums[a.rewrite_of]}]")
    if a.provenance.translated_by:
        bits.append(f"translated ({a.provenance.translated_by})")
    return f"[{n}] {' · '.join(bits)} — {a.title or a.source}"


def render_markdown(brief: Brief, story: Story, articles: dict[str, Article]) -> str:
    nums = source_numbers(story)
    lines = [f"# {brief.headline}", "", f"**{_meta_line(story, articles)}**", ""]
    for key, heading in SECTIONS:
        items = [s for s in brief.sentences if s.section == key]
        if not items:
            continue
        lines += [f"## {heading}", ""]
        for s in items:
            refs = "".join(f"[{nums[i]}]" for i in dict.fromkeys(c.article_id for c in s.citations) if i in nums)
            lines.append(f"- {s.text} {refs}")
        lines.append("")
    lines += ["## Sources", ""]
    lines += [_source_line(nums[a], articles[a], story, nums) for a in story.article_ids]
    return "\n".join(lines) + "\n"


def render_html(brief: Brief, story: Story, articles: dict[str, Article]) -> str:
    """Self-contained page: no scripts, no external assets; every text node escaped."""
    e = html.escape
    nums = source_numbers(story)
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             f"<title>{e(brief.headline)}</title><style>body{{font:16px/1.5 system-ui;max-width:50em;margin:2em auto}}"
             "blockquote{color:#444;border-left:3px solid #ccc;margin:.2em 0;padding-left:.6em}"
             "mark{background:#fe9}details{margin:.2em 0 .6em 1em}</style></head><body>",
             f"<h1>{e(brief.headline)}</h1><p><b>{e(_meta_line(story, articles))}</b></p>"]
    for key, heading in SECTIONS:
        items = [s for s in brief.sentences if s.section == key]
        if not items:
            continue
        parts.append(f"<h2>{e(heading)}</h2><ul>")
        for s in items:
            cites = []
            for c in s.citations:
                a = articles[c.article_id]
                lo, hi = max(0, c.start - 120), min(len(a.text), c.end + 120)
                ctx = (e(a.text[lo:c.start]) + "<mark>" + e(a.text[c.start:c.end]) + "</mark>" + e(a.text[c.end:hi]))
                cites.append(f"<details><summary>[{nums.get(c.article_id, '?')}] {e(a.outlet or a.source)}</summary>"
                             f"<blockquote>…{ctx}…</blockquote></details>")
            parts.append(f"<li>{e(s.text)}{''.join(cites)}</li>")
        parts.append("</ul>")
    parts.append("<h2>Sources</h2><ol>")
    for aid in story.article_ids:
        parts.append(f"<li>{e(_source_line(nums[aid], articles[aid], story, nums)[len(str(nums[aid])) + 3:])}</li>")
    parts.append("</ol></body></html>")
    return "".join(parts)


def render_json(brief: Brief) -> str:
    return json.dumps(brief.model_dump(mode="json"), ensure_ascii=False, indent=2)
