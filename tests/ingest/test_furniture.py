"""Page furniture after an article ends, in pastes that have no blank lines (a clipboard copy) as
well as in blank-line ones: every widget is removed with its reason, none becomes body text."""

from __future__ import annotations

import pytest

from storyline.ingest.clean import clean_text

BODY = [
    "LINDHAVEN — Korsa closed its main border crossing with Aldoria on Tuesday, hours after talks on "
    "grain transit broke down for the second time this month.",
    "“We had no choice. The convoys were not inspected,” Interior Minister Anna Kowalczyk told reporters.",
    "Aldoria's envoy, Tomas Brenner, called the closure a breach of the 2019 transit treaty.",
    "About 240 lorries were waiting on the Aldorian side on Tuesday evening, the border guard said.",
]
HEADER = ["Nordwire", "World", "Korsa closes Lindhaven crossing as grain talks stall", "By Anna Berg"]
FOOTER = {
    "Read more:": "related",
    "Grain row at Port Selvik spills into border talks": "related",
    "What do you think? Should Korsa reopen the crossing?": "reader-question",
    "Join the conversation": "comments",
    "Share this article": "share",
    "WhatsApp": "share",
    "Get the Nordwire morning briefing in your inbox": "promo",
    "Enter your email": "promo",
    "Most read": "related",
    "1. Varnia elects new president after recount": "related",
    "2. Heatwave grips Lindhaven for a third week": "related",
}


def _page(sep: str) -> str:
    return sep.join(HEADER + BODY + list(FOOTER)) + "\n"


@pytest.mark.parametrize("sep", ["\n", "\n\n"], ids=["single-line", "blank-line"])
def test_trailing_widgets_are_removed_with_their_reason(sep):
    c = clean_text(_page(sep), language="en")
    assert c.text.split("\n\n") == BODY
    reasons = {r.text: r.reason for r in c.removed}
    for line, reason in FOOTER.items():
        assert reasons.get(line) == reason, line
    assert c.title == HEADER[2] and c.byline == "Anna Berg" and c.outlet == "Nordwire"


def test_reader_comments_are_not_body_even_when_they_are_long_prose():
    page = "\n".join(BODY + [
        "Comments (2)",
        "Marek T.",
        "This is a disgrace, the government should have closed the crossing months ago when the first "
        "convoys arrived from Aldoria without papers.",
        "2 hours ago",
        "Reply",
        "Lena K.",
        "The minister is right. Nobody inspected those trucks and everybody knows it.",
        "Reply",
    ])
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == BODY
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Comments (2)"] == "comments"
    assert reasons["Marek T."] == "comment" and reasons["Lena K."] == "comment"
    assert reasons["The minister is right. Nobody inspected those trucks and everybody knows it."] == "comment"


def test_a_comments_link_before_the_article_does_not_end_it():
    page = "\n".join(["Comments (12)", "Share"] + BODY)
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == BODY


def test_reading_list_questions_and_summary_bullets_are_furniture():
    page = "\n".join(["Korsa Herald", "Korsa closes Lindhaven crossing as grain talks stall", "AI summary",
                      "• Korsa closed the Lindhaven crossing on Tuesday after grain talks failed.",
                      "• Aldoria says the closure breaks a treaty."] + BODY + [
        "Questions to consider",
        "Why did Korsa close the crossing now?",
        "What could the regional court decide about the transit treaty?",
    ])
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == BODY
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["• Aldoria says the closure breaks a treaty."] == "summary"
    assert reasons["Why did Korsa close the crossing now?"] == "questions"


def test_author_promo_and_poll_lines_go_but_a_sentence_about_followers_stays():
    kept = "More than two million people follow him on X, where he posts several times a day, aides said."
    page = "\n".join(BODY + [kept, "Anna Berg is Nordwire's correspondent in Lindhaven. Follow her on X.",
                             "Poll: Should Korsa reopen the crossing? Yes 54% No 46%", "Download the Nordwire app"])
    c = clean_text(page, language="en")
    assert c.text.split("\n\n") == BODY + [kept]
    reasons = {r.text: r.reason for r in c.removed}
    assert reasons["Poll: Should Korsa reopen the crossing? Yes 54% No 46%"] == "poll"
    assert reasons["Download the Nordwire app"] == "promo"


def test_furniture_never_becomes_quotes_people_or_open_questions(tmp_path):
    from storyline import Settings, analyze

    page = "\n".join(HEADER + BODY + list(FOOTER) + [
        "Comments (1)", "Petra Holm", "“This will not end well,” I said to my neighbour. Does anyone know when it reopens?",
    ])
    (tmp_path / "paste.txt").write_text(page, encoding="utf-8")
    corpus = analyze([tmp_path], Settings(workers=1))
    names = {e.name for e in corpus.entities if e.type == "PERSON"}
    assert "Petra Holm" not in names and not any("Varnia elects" in n for n in names)
    assert not any("neighbour" in q.text or "end well" in q.text for q in corpus.quotes)
    questions = [oq.text for s in corpus.stories for oq in s.open_questions]
    assert not any("reopen" in t for t in questions), questions


def test_an_articles_own_summary_section_and_questions_stay():
    # found on the extraction benchmark: a blog's "Summary" section and a rhetorical list are content
    body = BODY + ["Summary", "- Why the crossing matters for the harvest.", "- What the court can decide.",
                   "Think about it:", "- Who pays for the lorries that wait?", "Are you ready to wait a month?"]
    c = clean_text("\n\n".join(body), zones=False, language="en")
    for line in body:
        assert line in c.text, line
