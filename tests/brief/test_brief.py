from __future__ import annotations

import re

from storyline.brief.build import build_brief
from storyline.brief.render import render_html, render_json
from storyline.brief.summary import summary_sentences
from storyline.model import Brief, check_spans
from storyline.text.words import jaccard, words

from .conftest import sentences_of


def test_every_sentence_is_cited_with_valid_spans(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    assert b.sentences and all(s.citations for s in b.sentences)
    assert check_spans(inputs.articles.values(), b.sentences) == []


def test_summary_leads_with_the_most_corroborated_sentence_and_never_repeats(inputs):
    summ = summary_sentences(inputs.story, inputs.articles, inputs.sentences)
    assert 3 <= len(summ) <= 8
    first = summ[0]
    assert "bridge" in first.text.lower() and len({c.article_id for c in first.citations}) == 3
    for i, a in enumerate(summ):
        for b in summ[i + 1:]:
            assert jaccard(words(a.text), words(b.text)) < 0.35
    assert all(c.article_id != "a4" for s in summ for c in s.citations)  # a copy is not corroboration


def test_summary_skips_bare_quotes_and_markup_free_of_sentence_role(inputs):
    summ = summary_sentences(inputs.story, inputs.articles, inputs.sentences)
    assert not any(s.text.startswith(('"', "“")) for s in summ)


def test_sources_list_copies_and_originals(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    assert "[4] Reprint Daily · 2025-04-02 · copy of [3]" in b.markdown
    assert "[3] Nordwire · 2025-04-02 · copied by [4]" in b.markdown
    assert "3 originals + 1 copy" in b.markdown


def test_who_said_what_merges_the_same_quote_from_two_outlets(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    q = [s for s in b.sentences if s.section == "quotes"]
    assert len(q) == 1 and q[0].text.startswith("Ilse Brandt said:")
    assert {c.article_id for c in q[0].citations} == {"a1", "a3"}


def test_html_escapes_hostile_article_text_and_metadata(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    page = render_html(b, inputs.story, inputs.articles)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "<b>Herald</b>" not in page
    assert "&lt;script&gt;" in page
    assert re.search(r"<mark>[^<]+</mark>", page)


def test_json_round_trips(inputs):
    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    assert Brief.model_validate_json(render_json(b)) == b


def test_summary_drops_sentences_that_lean_on_the_previous_one(inputs):
    from storyline.model import Article, Story

    text = ("The river authority closed the Harlow bridge on Tuesday after engineers found cracks in two piers. "
            "She said the repairs would take at least a month and cost about 4 million euros.")
    a = Article(id="x", source="x.txt", outlet="X", text=text, language="en")
    sents = [(0, text.index("She") - 1), (text.index("She"), len(text))]
    summ = summary_sentences(Story(id="s", title="t", article_ids=["x"]), {"x": a}, {"x": sents})
    assert [s.text[:3] for s in summ] == ["The"]


def test_html_stays_well_formed_around_hostile_text(inputs):
    from html.parser import HTMLParser

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.mismatched = [], 0

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            if self.stack and self.stack[-1] == tag:
                self.stack.pop()
            else:
                self.mismatched += 1

    b = build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    p = Tags()
    p.feed(render_html(b, inputs.story, inputs.articles))
    assert p.stack == [] and p.mismatched == 0


def test_brief_renders_comparison_sections_with_citations(inputs):
    from storyline.compare.compare import compare_story

    comp = compare_story(inputs.story, inputs.articles, inputs.quotes, [], [], inputs.sentences, inputs.entities)
    story = inputs.story.model_copy(update={"comparison": comp})
    b = build_brief(story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)
    voices = [s for s in b.sentences if s.section == "voices"]
    assert voices and all(s.citations for s in voices)
    assert any("quotes Ilse Brandt" in s.text for s in voices)
    assert "## Voices by outlet" in b.markdown and b.markdown.index("## Voices by outlet") > b.markdown.index("## Summary")


def test_summary_shows_an_outlets_own_wording_over_a_machine_translation(inputs):
    arts = dict(inputs.articles)
    a1 = arts["a1"]
    arts["a1"] = a1.model_copy(update={"provenance": a1.provenance.model_copy(update={"translated_by": "DeepL"})})
    summ = summary_sentences(inputs.story, arts, inputs.sentences)
    for s in summ:
        if len({c.article_id for c in s.citations}) > 1:
            assert s.citations[0].article_id != "a1" and s.text == s.citations[0].text


def test_the_same_figure_twice_is_redundant():
    from storyline.brief.facts import content_words, figures, key_terms, same_fact

    a = "About 40,000 tonnes of Varnian wheat and barley are now stuck in wagons and silos near the port."
    b = ("More than 40 000 tonnes of Varnian grain remained stuck at Aldoria's Port Selvik on Friday, a week "
         "after customs halted transit trains.")
    c = "The fee alone would cost exporters more than 20,000 euros a week, officials in Brask said."
    assert figures(key_terms(a)) == figures(key_terms(b)) == {"40000"}
    assert same_fact(content_words(a), content_words(b), key_terms(a), key_terms(b))
    assert not same_fact(content_words(a), content_words(c), key_terms(a), key_terms(c))


def test_summary_sentence_drops_the_wire_dateline_but_keeps_its_support(inputs):
    arts = dict(inputs.articles)
    a2 = arts["a2"]
    text = "HARLOW, May 6 (Riverwire) - " + a2.text
    arts["a2"] = a2.model_copy(update={"text": text})
    sents = dict(inputs.sentences, a2=sentences_of(text))
    summ = summary_sentences(inputs.story, arts, sents)
    for s in summ:
        assert "Riverwire" not in s.text and not s.text.startswith("HARLOW")
        for c in s.citations:
            assert c.text == arts[c.article_id].text[c.start:c.end]
    lead = [c for s in summ for c in s.citations if c.article_id == "a2" and c.start == len("HARLOW, May 6 (Riverwire) - ")]
    assert lead, "the dateline sentence is still cited, from after its dateline"


def test_dateline_prefixes():
    from storyline.text.datelines import dateline_end

    for head in ("LINDHAVEN, March 14 (Nordwire) - ", "LINDHAVEN, Korsa, Mon Mar 17 2025 — ", "BRASK/LINDHAVEN. "):
        assert dateline_end(head + "Defence ministers met.") == len(head)
    for text in ("NATO said on Friday it would meet.", "The EU - and others - agreed.", "UN. then"):
        assert dateline_end(text) == 0


def test_quote_over_two_paragraphs_reads_as_one_line_without_the_reopening_mark(inputs):
    from storyline.brief.sections import quotes
    from storyline.model import Quote

    words_ = 'Nobody asked us what it would cost.\n\n"If they want a partner, they must talk to us'
    text = f'She told the Herald:\n\n"{words_}," the minister said.'
    art = inputs.articles["a2"].model_copy(update={"text": text})
    i = text.index("Nobody")
    q = Quote(id="qx", span=art.span(i, i + len(words_)), text=words_, kind="direct", speaker="Ilse Brandt",
              speaker_entity="p_brandt")
    lines = quotes(inputs.story, [q], inputs.entities, dict(inputs.articles, a2=art))
    assert lines[0].text == ('Ilse Brandt said: "Nobody asked us what it would cost. If they want a partner, '
                             'they must talk to us"')
    assert lines[0].citations[0].text == words_  # the evidence keeps the article's exact characters


def test_stock_sentences_and_lead_ins_never_lead_the_summary(inputs):
    """Regression (PolNeAR news): 'X did not immediately respond to requests for comment' was the
    most 'corroborated' sentence of an election story, and AP's '(all times EDT):' lead-in second."""
    arts = dict(inputs.articles)
    stock = ("The river authority did not immediately respond to requests for comment on the bridge. "
             "The Latest on the Harlow bridge closure and the detour through Ostend Vale (all times CET):")
    sents = dict(inputs.sentences)
    for aid in ("a1", "a2", "a3"):
        text = stock + " " + arts[aid].text
        arts[aid] = arts[aid].model_copy(update={"text": text})
        sents[aid] = sentences_of(text)
    summ = summary_sentences(inputs.story, arts, sents)
    assert summ and not any("respond to requests" in s.text or "all times" in s.text for s in summ)
