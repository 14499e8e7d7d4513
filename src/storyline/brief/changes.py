"""What changed since the last run, for ``analyze --extend-stories``: a reader coming back to a
story wants the new articles and the new summary points, not the whole brief again.

The previous run's briefs are the JSON files in ``OUT/briefs/`` (read before the new run replaces
the folder), its articles those of its saved per-article results. A story compares with the
previous brief of the same story id; a story that is new has no "since", every line of it is new.
Each line cites: a new article by its lead sentence, a new summary point by the bullet's own spans.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Article, Brief, BriefSentence, Corpus
from .panels import lead_span
from .render import render_markdown


def previous_briefs(briefs_dir: Path) -> dict[str, Brief]:
    """story id -> the brief the last run wrote; an unreadable file is skipped (its story then
    shows no changes, which is what a reader would see without the file)."""
    out: dict[str, Brief] = {}
    for path in sorted(briefs_dir.glob("*.json")) if briefs_dir.is_dir() else []:
        try:
            b = Brief.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        out[b.story_id] = b
    return out


def _changes(brief: Brief, before: Brief, new_articles: list[Article],
             sentences: dict[str, list[tuple[int, int]]]) -> list[BriefSentence]:
    out = []
    for a in new_articles:
        span = lead_span(a, sentences)
        if span is not None:
            when = f" ({a.published})" if a.published else ""
            out.append(BriefSentence(text=f"New article from {a.label}{when}: {a.title or span.text}",
                                     citations=[span], section="changes"))
    known = {s.text for s in before.sentences if s.section == "summary"}
    out += [BriefSentence(text=f"New in the summary: {s.text}", citations=s.citations, section="changes")
            for s in brief.sentences if s.section == "summary" and s.text not in known]
    return out


def since_last_run(corpus: Corpus, previous: dict[str, Brief], earlier_ids: set[str],
                   sentences: dict[str, list[tuple[int, int]]]) -> Corpus:
    """``corpus`` with a ``changes`` section in each brief whose story the previous run had."""
    articles = {a.id: a for a in corpus.articles}
    stories = {s.id: s for s in corpus.stories}
    briefs = []
    for b in corpus.briefs:
        story = stories.get(b.story_id)
        if story is None or b.story_id not in previous:
            briefs.append(b)
            continue
        new = [articles[i] for i in story.article_ids if i in articles and i not in earlier_ids]
        lines = _changes(b, previous[b.story_id], new, sentences)
        b = b.model_copy(update={"sentences": lines + b.sentences})
        briefs.append(b.model_copy(update={"markdown": render_markdown(b, story, articles)}))
    return corpus.model_copy(update={"briefs": briefs})
