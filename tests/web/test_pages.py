"""The reader's pages over the demo corpus: every page renders whole, never says "None", counts
agree with their nouns, citations are deduplicated popovers, filters filter, search shows context."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from storyline.config import Settings
from storyline.outputs import write_outputs
from storyline.web.app import create_app

TestClient = pytest.importorskip("fastapi.testclient").TestClient

NONE = re.compile(r"\bNone\b")
CITE_LABEL = re.compile(r'<button type="button" class="cite" popovertarget="([^"]+)"[^>]*>([^<]+)</button>')


def pages(corpus) -> list[str]:
    return ["/", "/?sort=size", "/entities", "/entities?type=PERSON", "/quotes", "/api", "/search?q=grain",
            "/search?q=zzzqqx", "/search",
            *(f"/stories/{s.id}" for s in corpus.stories), *(f"/entities/{e.id}" for e in corpus.entities),
            *(f"/articles/{a.id}" for a in corpus.articles)]


def test_every_page_renders_a_whole_document_and_never_says_none(demo, demo_corpus):
    for path in pages(demo_corpus):
        r = demo.get(path)
        assert r.status_code == 200, path
        page = r.text
        assert page.startswith("<!doctype html>") and page.endswith("</html>"), path
        assert "name='viewport' content='width=device-width, initial-scale=1'" in page, path
        assert "<main id='main'" in page and "href='#main'" in page and 'id="q"' in page, path
        assert not NONE.search(page), (path, NONE.search(page))
        assert "<script" not in page.lower(), path
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp, path


def test_docs_are_gone_and_openapi_stays(demo):
    assert demo.get("/docs").status_code == 404
    assert demo.get("/redoc").status_code == 404
    spec = demo.get("/openapi.json")
    assert spec.status_code == 200 and "/api/search" in spec.json()["paths"]
    help_page = demo.get("/api").text
    assert "/api/search" in help_page and "/api/quotes" in help_page and "/openapi.json" in help_page


@pytest.mark.parametrize("path", ["/stories/nope", "/entities/nope", "/articles/nope", "/quotes?story=nope"])
def test_unknown_ids_are_404_pages(demo, path):
    r = demo.get(path)
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text
    assert r.headers["content-security-policy"].startswith("default-src 'none'")


def test_the_api_keeps_json_errors(demo):
    r = demo.get("/api/stories/nope")
    assert r.status_code == 404 and r.json() == {"detail": "no story nope"}


def test_home_sorts_by_recency_and_by_size(demo, demo_corpus):
    def order(path):
        page = demo.get(path).text
        return [s.id for s in sorted(demo_corpus.stories, key=lambda s: page.index(f"/stories/{s.id}'"))]

    recent = order("/")
    last = {s.id: s.last_seen or "" for s in demo_corpus.stories}
    assert [last[i] for i in recent] == sorted(last.values(), reverse=True)
    size = {s.id: len(s.article_ids) for s in demo_corpus.stories}
    assert [size[i] for i in order("/?sort=size")] == sorted(size.values(), reverse=True)
    assert demo.get("/?sort=bogus").status_code == 422


def test_counts_agree_with_their_nouns(demo, demo_corpus):
    roundup = next(s for s in demo_corpus.stories if len(s.article_ids) == 1)
    page = demo.get(f"/stories/{roundup.id}").text
    assert "1 outlet · 1 article" in page
    paths = pages(demo_corpus)[:3] + [f"/stories/{s.id}" for s in demo_corpus.stories]
    everything = "".join(demo.get(p).text for p in paths)
    assert not re.search(r"\b1 (outlets|articles|originals|copies|quotes|mentions|stories)\b", everything)
    with_copies = next(s for s in demo_corpus.stories if s.copies)
    n = len(with_copies.copies)
    assert f"{len(with_copies.article_ids) - n} originals + {n} cop{'y' if n == 1 else 'ies'}" in \
        demo.get(f"/stories/{with_copies.id}").text


def test_story_page_has_every_section(demo, demo_corpus):
    s = next(s for s in demo_corpus.stories if s.comparison.claims and s.comparison.voices)
    page = demo.get(f"/stories/{s.id}").text
    for section in ("lead", "numbers", "timeline", "quotes", "claims", "voices", "open-questions", "people", "sources"):
        assert f'<section id="{section}"' in page, section
    table = page[page.index('<section id="claims"'):page.index("</section>", page.index('<section id="claims"'))]
    assert all(f"<th scope=col>{h}</th>" in table for h in ("Claim", "Supports", "Contradicts", "Omits"))
    for row in s.comparison.claims:
        assert ", ".join(row.support) in table


def test_citations_are_one_popover_per_source_per_sentence(demo, demo_corpus):
    for s in demo_corpus.stories:
        page = demo.get(f"/stories/{s.id}").text
        targets = [t for t, _ in CITE_LABEL.findall(page)]
        assert len(targets) == len(set(targets))
        for t in targets:
            assert page.count(f'<span popover id="{t}" class="pop"') == 1
        for chunk in re.split(r"<li|<p class=\"lead\"|<td", page):
            labels = [label for _, label in CITE_LABEL.findall(chunk.split("</li>")[0])]
            assert len(labels) == len(set(labels)), (s.id, labels)


def test_each_popover_quotes_the_source_and_links_to_the_span(demo, demo_corpus):
    s = demo_corpus.stories[0]
    page = demo.get(f"/stories/{s.id}").text
    brief = next(b for b in demo_corpus.briefs if b.story_id == s.id)
    c = next(x for x in brief.sentences if x.section == "summary").citations[0]
    lead = page[page.index('<section id="lead"'):]
    lead = lead[:lead.index("</section>")]
    link = f"/articles/{c.article_id}?start={c.start}&amp;end={c.end}#span"
    pops = [p[:p.index("</span></span>")] for p in lead.split('<span popover id="cite-')[1:]]
    pop = next(p for p in pops if link in p)  # the lead's markers are one per source, in source order
    assert "<mark>" in pop


def test_a_long_voices_line_collapses_to_a_count_and_a_link(demo, demo_corpus):
    s = max(demo_corpus.stories, key=lambda s: max((len(v.evidence) for v in s.comparison.voices), default=0))
    page = demo.get(f"/stories/{s.id}").text
    voices = page[page.index('<section id="voices"'):]
    voices = voices[:voices.index("</section>")]
    links = re.findall(r'<a class="cite-more" href="([^"]+)">(\d+) passages in (\d+) articles?</a>', voices)
    assert links
    href, n, _ = links[0]
    assert int(n) > 4 and 'class="cite"' not in voices.split("cite-more")[0].split("<li>")[-1]
    listed = demo.get(href.replace("&amp;", "&"))
    assert listed.status_code == 200 and "class='quote'" in listed.text


def test_quotes_filter_by_speaker_outlet_and_story(demo, demo_corpus):
    by_varga = demo.get("/quotes", params={"speaker": "Varga"}).text
    n = sum(1 for q in demo_corpus.quotes if q.speaker and "varga" in q.speaker.lower())
    assert by_varga.count("<article class='quote'") == n > 0
    assert "speaker confidence" in by_varga
    nordwire = demo.get("/quotes", params={"outlet": "Nordwire"}).text
    arts = {a.id: a for a in demo_corpus.articles}
    expected = sum(1 for q in demo_corpus.quotes if arts[q.span.article_id].outlet == "Nordwire")
    assert nordwire.count("<article class='quote'") == expected > 0
    assert "<option value='Nordwire' selected>" in nordwire
    both = demo.get("/quotes", params={"speaker": "Varga", "outlet": "Nordwire"}).text
    assert 0 < both.count("<article class='quote'") < min(n, expected)
    story = demo_corpus.stories[0]
    in_story = demo.get("/quotes", params={"story": story.id}).text
    members = set(story.article_ids)
    assert in_story.count("<article class='quote'") == sum(1 for q in demo_corpus.quotes if q.span.article_id in members)
    assert "No quotes match" in demo.get("/quotes", params={"speaker": "Nobody Atall"}).text


def test_an_uncertain_speaker_reads_as_attributed_on_the_quotes_page(demo, demo_corpus):
    """Issue: confidence visible wherever a speaker is shown; below the sure level it is not a fact."""
    sure = Settings().speaker_sure
    page = demo.get("/quotes", params={"limit": 1000}).text
    items = re.findall(r"<article class='quote'.*?</article>", page, flags=re.S)
    uncertain = [i for i in items if "speaker uncertain, confidence" in i]
    stated = [i for i in items if re.search(r"speaker confidence (\d\.\d\d)", i)]
    assert uncertain and stated
    assert all("— attributed to " in i for i in uncertain)
    assert all(float(re.search(r"speaker confidence (\d\.\d\d)", i).group(1)) >= sure for i in stated)
    assert not any("— attributed to " in i for i in stated)


def test_entity_page_lists_aliases_quotes_and_stories(demo, demo_corpus):
    said = Counter(q.speaker_entity for q in demo_corpus.quotes if q.speaker_entity)
    e = next(x for x in demo_corpus.entities if x.id == said.most_common(1)[0][0])
    page = demo.get(f"/entities/{e.id}").text
    assert f"<h1>{e.name}</h1>" in page
    assert page.count("<article class='quote'") == said[e.id]
    assert "<h2 id='stories'>Stories</h2><ul>" in page
    for alias in e.aliases:
        assert alias in page
    listing = demo.get("/entities").text
    assert f"/entities/{e.id}'" in listing
    people = demo.get("/entities", params={"type": "PERSON"}).text
    assert all(f"/entities/{x.id}'" not in people for x in demo_corpus.entities if x.type != "PERSON")


def test_search_shows_highlighted_context_for_every_hit(demo):
    page = demo.get("/search", params={"q": "air"}).text
    snippets = re.findall(r"<p class='snippet'>(.*?)</p>", page)
    assert snippets and all("<mark>" in s for s in snippets)
    for s in snippets:
        words = re.sub(r"<[^>]+>", "", s).split()
        assert 3 <= len(words) <= 40, s
    assert 'value="air"' in page and "<h2 id='h-articles'>" in page


def test_search_covers_names_and_says_when_nothing_matches(demo):
    page = demo.get("/search", params={"q": "Varga"}).text
    assert "<h2 id='h-entities'>Names" in page and "<h2 id='h-quotes'>Quotes" in page
    nothing = demo.get("/search", params={"q": "zzqx <b>"}).text
    assert "No results for “zzqx &lt;b&gt;”." in nothing and "<b>" not in nothing


def test_article_view_marks_cited_spans_and_the_requested_one(demo, demo_corpus):
    brief = demo_corpus.briefs[0]
    c = brief.sentences[1].citations[0]
    page = demo.get(f"/articles/{c.article_id}", params={"start": c.start, "end": c.end}).text
    assert page.count('id="span"') == 1 and '<mark class="here" id="span">' in page
    assert page.count("<mark>") >= 1
    a = next(x for x in demo_corpus.articles if x.id == c.article_id)
    assert a.outlet in page and (a.byline or "") in page
    out_of_range = demo.get(f"/articles/{c.article_id}", params={"start": 0, "end": 10 ** 6})
    assert out_of_range.status_code == 200 and 'id="span"' not in out_of_range.text


def test_an_undated_article_says_date_unknown(demo, demo_corpus):
    undated = next(a for a in demo_corpus.articles if not a.published)
    page = demo.get(f"/articles/{undated.id}").text
    assert "date unknown" in page and not NONE.search(page)


def test_story_page_shows_the_briefs_own_panels(demo, demo_corpus):
    """Key numbers, first report and headlines are the brief's (one reckoning), each line cited."""
    b = max(demo_corpus.briefs, key=lambda b: sum(s.section == "key_numbers" for s in b.sentences))
    page = demo.get(f"/stories/{b.story_id}").text
    for section, key in (("key_numbers", "numbers"), ("first_report", "first-report"), ("headlines", "headlines")):
        lines = [s for s in b.sentences if s.section == section]
        assert lines, section
        part = page[page.index(f'<section id="{key}"'):]
        part = part[:part.index("</section>")]
        assert part.count("<li>") == len(lines) and part.count('class="cite"') >= len(lines)


def test_a_story_without_a_brief_still_has_its_page(tmp_path, demo_corpus):
    """A run with --skip briefs, or a story whose brief failed, links its stories from home: each
    link must lead to the story's page (sources, people, claims), not to a 404."""
    story = demo_corpus.stories[0]
    corpus = demo_corpus.model_copy(update={"briefs": [b for b in demo_corpus.briefs if b.story_id != story.id]})
    write_outputs(corpus, tmp_path)
    client = TestClient(create_app(tmp_path), base_url="http://localhost")
    assert f"/stories/{story.id}" in client.get("/").text
    page = client.get(f"/stories/{story.id}")
    assert page.status_code == 200
    assert "No brief for this story" in page.text and "Sources" in page.text
    assert client.get(f"/api/stories/{story.id}/brief").status_code == 404
