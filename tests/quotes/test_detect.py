"""Detection and kind: every style of the issue, on realistic sentences."""

import pytest


def test_said_after_the_quote(quotes_of, one):
    q = one(quotes_of('"We will rebuild the bridge before winter," Mayor Tomas Berg said on Monday.'), "rebuild")
    assert q.kind == "direct" and q.speaker == "Tomas Berg" and q.cue == "said"
    assert q.text == "We will rebuild the bridge before winter"  # the closing comma is punctuation, not speech


def test_colon_introduction(quotes_of, one):
    q = one(quotes_of('Union leader Marco Bellini told the crowd: "We will strike until the contracts are signed."'), "strike")
    assert q.kind == "direct" and q.speaker == "Marco Bellini"


def test_partial_quote_inside_a_sentence(quotes_of, one):
    qs = quotes_of('Analyst Anna Lindqvist called the purchase "a reckless gamble with money Korsa does not have".')
    q = one([q for q in qs if q.kind == "partial"], "reckless")
    assert q.text.startswith("a reckless") and q.speaker == "Anna Lindqvist"


def test_multi_paragraph_quote_is_one_quote_with_the_final_speaker(quotes_of, one):
    text = ('"We followed every procedure that was in place at the time. The tender was open.\n\n'
            '"If this committee finds that any rule was bent, I will go," Minister Anna Kowalczyk said.')
    qs = [q for q in quotes_of(text) if q.kind == "direct"]
    assert len(qs) == 1
    assert "tender was open" in qs[0].text and "I will go" in qs[0].text
    assert qs[0].speaker == "Anna Kowalczyk"


def test_dash_paragraph_with_attribution_between_dashes(quotes_of, one):
    text = ("The minister Lena Varga met farmers in Brask.\n\n"
            "— We will not accept this, — said the minister. — Aldoria holds our grain as a hostage.")
    qs = quotes_of(text)
    assert one(qs, "We will not accept this").speaker == "Lena Varga"
    assert one(qs, "hostage").speaker == "Lena Varga"  # continuity after the attribution


def test_dash_paragraph_with_speaker_named_in_the_next_sentence(quotes_of, one):
    text = ("Analyst Anna Lindqvist has followed the planning for months.\n\n"
            "— The mission is a gamble. Not because the soldiers are not ready, but because the politics are not.\n\n"
            "This was stated by Anna Lindqvist in a conversation with our newspaper.")
    q = one(quotes_of(text), "gamble")
    assert q.kind == "direct" and q.speaker == "Anna Lindqvist"


def test_dash_list_items_are_not_speech(quotes_of, one):
    text = "What we know:\n\n- The bridge is closed until March.\n\n- Buses replace the trams on line 4."
    assert quotes_of(text) == []


def test_indirect_speech_forms(quotes_of, one):
    q = one(quotes_of("Speaker Marek Sobel said the delay was technical and would not change the outcome."), "delay")
    assert q.kind == "indirect" and q.speaker == "Marek Sobel"
    assert q.text == "the delay was technical and would not change the outcome"
    q = one(quotes_of("According to Sobel, the government motion asks for a mandate of up to 2,000 soldiers."), "motion")
    assert q.kind == "indirect" and q.speaker == "Sobel"
    q = one(quotes_of("Board chairman Henrik Molnar told Nordwire that contracts abroad were being cancelled."), "contracts")
    assert q.kind == "indirect" and q.speaker == "Henrik Molnar"
    q = one(quotes_of("Anna Lindqvist believes the inquiry should focus on who changed the requirements."), "inquiry")
    assert q.speaker == "Anna Lindqvist"


def test_statement_clause_is_reported_speech(quotes_of, one):
    # regression: "said in a statement that ..." hangs the clause off the noun, not the verb
    q = one(quotes_of("Selvik Aerospace said in a statement that the contract had been awarded lawfully."), "lawfully")
    assert q.kind == "indirect" and q.speaker == "Selvik Aerospace"


def test_german_quote_and_report_without_a_parse(quotes_of, one):
    text = ("Außenminister Dmitri Wolchow erklärte in Port Selvik, sein Land unterstütze die Ziele der Mission. "
            "NDC-Generalsekretär Piet Aldenburg zeigte sich zufrieden. „Wir haben einen Plan“, sagte er.")
    qs = quotes_of(text, language="de")
    assert one(qs, "sein Land").speaker == "Dmitri Wolchow"
    # regression: the NER tagged "Generalsekretär Piet Aldenburg" as a place; "er" must still find him
    assert one(qs, "Wir haben").speaker == "Piet Aldenburg"


def test_report_runs_to_the_end_of_a_coordinated_clause(quotes_of, one):
    q = one(quotes_of("The minister said that critics had predicted a withdrawal for decades, but this would not happen."),
            "critics")
    assert q.kind == "indirect" and q.text.endswith("but this would not happen")


def test_doubled_apostrophe_quote_with_attribution_is_direct(quotes_of, one):
    # regression: the two-character marks made the quote look embedded in a sentence (partial)
    q = one(quotes_of("''You don't have to come up with a fortune for your kid,'' Sarah Holt said."), "fortune")
    assert q.kind == "direct" and q.speaker == "Sarah Holt"


def test_quote_resumed_after_its_attribution_is_direct(quotes_of, one):
    # regression: the lower-case second half read as a partial quote woven into "he said,"
    text = ('"We have to start treating people the same," Mayor Tomas Berg said on Monday, '
            '"and finding out what people really think of the harbour plan."')
    qs = quotes_of(text)
    assert one(qs, "treating people").kind == "direct"
    second = one(qs, "finding out")
    assert second.kind == "direct" and second.speaker in (None, "Tomas Berg")


def test_partial_quote_after_a_quote_and_a_verb_clause_stays_partial(quotes_of, one):
    text = ('"We will rebuild the bridge," Mayor Tomas Berg said, calling the delay '
            '"a disgrace to the whole valley."')
    assert one(quotes_of(text), "disgrace").kind == "partial"


def test_quote_resumed_after_a_titled_speaker_in_doubled_apostrophes_is_direct(quotes_of, one):
    # regression: "Mr." read as a sentence end, and the comma before '' went unseen
    text = ("''Our company, with American workers,'' Mr. Hayes added, "
            "''builds a heck of a lot of stuff in the U.S.''")
    assert one(quotes_of(text), "heck of a lot").kind == "direct"


def test_quote_on_its_own_line_after_a_parenthesis_is_direct(quotes_of, one):
    # regression: a single line break did not end the previous paragraph, so the quote looked
    # woven into "(Oh hey there, Olivia Pope.)" and came out partial
    text = ("Pop culture representations of women have vastly improved. (Oh hey there, Olivia Pope.)\n"
            "“It’s really important that we take away the stigma around these decisions,” Cecile Richards said.")
    q = one(quotes_of(text), "stigma")
    assert q.kind == "direct" and q.speaker == "Cecile Richards"


@pytest.mark.parametrize("text,needle", [
    ("The former governor was upbeat. He says “it’s interesting that a lot of people claim they’re undecided this late.”",
     "interesting"),
    ("A woman asked for a photo. Clinton said, “as long as we’re not violating any election laws.”", "election laws"),
])
def test_lower_case_quote_that_is_the_whole_report_is_direct(quotes_of, one, text, needle):
    # regression: nothing but the speaker and the verb precede it, yet the small first letter made it partial
    assert one(quotes_of(text), needle).kind == "direct"


def test_lower_case_quote_after_fronted_words_stays_partial(quotes_of, one):
    text = "In other words, he said, “the era of Silicon Valley exceptionalism is over.”"
    assert one(quotes_of(text), "exceptionalism").kind == "partial"


def test_quote_our_sentence_runs_on_through_is_partial(quotes_of, one):
    # regression: nothing stood before the quote, so it was taken whole although the sentence goes on
    text = "“We’re extremely happy” about the decision, said RoseAnn DeMoro, the union’s executive director."
    quoted = [q for q in quotes_of(text) if q.kind != "indirect"]
    assert one(quoted, "extremely happy").kind == "partial"


def test_quote_followed_by_its_attribution_stays_direct(quotes_of, one):
    text = "“We will not sign this contract” said Anna Lindqvist, the union’s negotiator."
    assert one(quotes_of(text), "not sign").kind == "direct"


def test_quote_inside_a_headline_sentence_is_partial(quotes_of):
    # regression: every headline word is capitalised, so the quote looked like a sentence of its own
    text = ("Dr. Ben Carson: Hillary Clinton ‘Not Fit To Serve As President Of The United States.’\n\n"
            "Dr. Ben Carson told reporters on Monday that Hillary Clinton was not fit to serve.")
    assert not [q for q in quotes_of(text) if q.kind == "direct" and "Not Fit" in q.text]


def test_headline_quote_after_a_colon_stays_direct(quotes_of, one):
    text = ("Trump: ‘I’m the Worst Thing That Ever Happened to the Establishment.’\n\n"
            "Donald Trump spoke in Iowa on Monday.")
    assert one(quotes_of(text), "Worst Thing").kind == "direct"


@pytest.mark.parametrize("text,needle", [
    ("The party chairman called a voice vote. (“I don’t want to have fisticuffs,” said one party activist.)", "fisticuffs"),
    ('Clinton suggested that the plan was unserious - "Again, we need to get into the details," she said - '
     "and charged that Sanders would jeopardize the law.", "details"),
])
def test_quote_opening_a_parenthesis_with_its_own_attribution_is_direct(quotes_of, one, text, needle):
    # regression: the words before the parenthesis or dash made it look woven into our sentence (partial)
    assert one(quotes_of(text), needle).kind == "direct"


def test_quote_in_a_parenthesis_without_attribution_stays_partial(quotes_of):
    text = "Many voters delay casting their ballots (“sit on it” in consultant-speak) so as not to waste them."
    assert not [q for q in quotes_of(text) if q.kind == "direct"]


def test_a_quote_opening_after_a_wire_dateline_is_direct(quotes_of, one):
    text = ('DAYTON, March 3 (Nordwire) - "We will not accept this deal under any circumstances," '
            'Senator Maria Okafor told reporters in Dayton on Monday.')
    q = one(quotes_of(text), "not accept this deal")
    assert q.kind == "direct" and q.speaker == "Maria Okafor"


def test_an_attribution_closing_its_sentence_reports_all_before_the_comma(quotes_of):
    # regression: the parser hung "said" under the content's clause (or the content under "said"
    # as an adverbial), so no complement was found and the report was lost
    text = ("Teen girl pepper-sprayed in scuffle outside Wisconsin Trump rally.\n\nAs GOP front-runner Donald Trump "
            "prepared to speak to supporters in Wisconsin on Tuesday, a 15-year-old girl outside the venue was "
            "pepper-sprayed by another bystander, police said.")
    assert any(q.kind == "indirect" and q.text.startswith("As GOP front-runner") and q.text.endswith("bystander")
               for q in quotes_of(text))
    text = ("Misinformation travels fast online, said Angie Holan, the site's editor. The Internet has also made it "
            "possible for people with like-minded, if bogus, ideas and theories to organize into communities and "
            "reach others, she said.")
    q = next(q for q in quotes_of(text) if q.text.startswith("The Internet has also made"))
    assert q.kind == "indirect" and q.text.endswith("reach others") and q.speaker == "Angie Holan"



def test_according_to_reports_the_whole_sentence_not_the_clause_it_hangs_on(quotes_of):
    text = ("On Tuesday, Anna Lindqvist drew deep support among farmers, while Marek Sobel was outpacing her "
            "among city voters, according to exit polls.")
    reports = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert len(reports) == 1 and reports[0].text.startswith("On Tuesday, Anna Lindqvist drew deep support")


def test_according_to_does_not_swallow_another_report_in_its_sentence(quotes_of):
    # regression: the whole sentence was the news agency's report, and Weaver's words were lost in it
    text = ("His campaign manager, Jeff Weaver, says it's proof the candidate can still close the gap in "
            "pledged delegates, which stood at 263 entering Tuesday's primary, according to the Associated Press.")
    quotes = quotes_of(text)
    assert any(q.speaker == "Jeff Weaver" and "can still close the gap" in q.text for q in quotes)


def test_a_quote_signed_on_the_next_line_is_the_signers(quotes_of, one):
    # fact-check and pull-quote layout: the quote alone, then "- Name." in its own paragraph
    text = ("Bernie Sanders and Hillary Clinton debated in New Hampshire on Thursday.\n\n"
            "\"The idea that I would dismantle health care in America is just not accurate.\"\n\n"
            "- Sanders.\n\n"
            "Sanders exaggerates when he says he wrote the law.\n\n"
            "\"Great speech. She's tested. She's ready.\"\n\n"
            "—President Obama, tweeting after Clinton's speech.\n\n"
            "\"We will cut taxes for every family.\"\n\n"
            "- Trump's plan, by contrast, would cut rates for the top bracket.\n")
    qs = quotes_of(text)
    assert one(qs, "dismantle health care").speaker == "Bernie Sanders"
    assert one(qs, "She's tested").speaker == "Obama"
    assert one(qs, "cut taxes for every family").speaker is None  # a list item opening with a name


def test_quote_completing_a_reported_that_clause_is_partial(quotes_of):
    # PolNeAR takes 'said that once ..., "I intend ..."' as one reported relation, not a direct quote
    qs = quotes_of('Senator Lena Varga said that once the session ends, "I intend to campaign wherever I can be helpful."')
    assert not [q for q in qs if q.kind == "direct"]
    assert any("intend to campaign" in q.text for q in qs)
