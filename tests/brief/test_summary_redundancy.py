"""Regression: a machine-translated sentence shown in an outlet's own wording must not let that same
wording appear a second time as its own summary point."""

from storyline.brief.summary import summary_sentences
from storyline.model import Article, Provenance, Story

# shares 0.25-0.35 of its words with OWN's first sentence: corroborated by it, yet not "the same point"
MT = ("The defence ministers of 18 lands have in the past Friday in Lindhaven agreed in principle on a monitoring "
      "mission along the eastern frontier line. "
      "The ministry of Korsa has confirmed the meeting of the ministers on Sunday.")
OWN = ("Defence ministers of 18 countries will meet in Lindhaven on Friday to decide on a Varnia border mission. "
       "The Korsan defence ministry confirmed the meeting on Sunday evening.")
THIRD = ("Eighteen defence ministers meet in Lindhaven on Friday about the border mission for Varnia. "
         "Aldoria has sent only an envoy to the talks, officials said.")


def _sentences(text):
    out, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        out.append((start, min(end, len(text))))
        start = end + 1
    return out


def test_translated_point_shown_in_own_wording_is_not_repeated():
    arts = {
        "mt": Article(id="mt", source="vd.txt", outlet="Varnia Daily", text=MT, language="en",
                      provenance=Provenance(translated_by="DeepL")),
        "own": Article(id="own", source="kh.txt", outlet="Korsa Herald", text=OWN, language="en"),
        "third": Article(id="third", source="lp.txt", outlet="Lindhaven Post", text=THIRD, language="en"),
    }
    story = Story(id="s", title="t", article_ids=list(arts))
    chosen = summary_sentences(story, arts, {k: _sentences(a.text) for k, a in arts.items()})
    texts = [s.text for s in chosen]
    assert len(texts) == len(set(texts)), texts


def test_timeline_skips_a_bare_reporting_tail_but_keeps_dated_statements():
    from storyline.brief.sections import timeline
    from storyline.model import Event

    text = ("Ministers will meet on Friday, the ministry confirmed on Sunday. "
            "Volkhov said on Saturday that Aldoria would decide later.")
    a = Article(id="a", source="a.txt", text=text)

    def event(eid, date, phrase, action, status="happened"):
        i = text.index(phrase)
        return Event(id=eid, date=date, description=phrase, action=action, status=status,
                     evidence=[a.span(i, i + len(phrase))])

    tail = event("e1", "2025-03-09", "the ministry confirmed on Sunday.", "statement")
    meet = event("e2", "2025-03-14", "Ministers will meet on Friday", "meet", "planned")
    said = event("e3", "2025-03-15", "Volkhov said on Saturday that Aldoria would decide later.", "statement")
    lines = [s.text for s in timeline(Story(id="s", title="t", article_ids=["a"], timeline=[tail, meet, said]))]
    assert lines == ["2025-03-14 (planned): Ministers will meet on Friday",
                     "2025-03-15: Volkhov said on Saturday that Aldoria would decide later."]
