"""Indirect speech whose source is a lone surname or a document (poll, report), and cues that
report findings rather than speech ("the poll found that ...")."""


def test_lone_surname_tagged_as_plural_noun_resolves_to_the_full_name(quotes_of, one):
    # regression: the parser tags "Rivers" as a plural common noun and the NER leaves it untagged;
    # the speaker was dropped as "a group" although the article named Tom Rivers just before
    text = ("Governor Tom Rivers toured the flooded district on Monday. "
            "Rivers said the state would pay for temporary housing until the spring.")
    q = one(quotes_of(text), "temporary housing")
    assert q.kind == "indirect" and q.speaker == "Tom Rivers"
    assert q.speaker_span is not None and q.speaker_span.text == "Rivers"


def test_a_capitalised_pronoun_is_never_taken_for_a_surname(quotes_of, one):
    # "He" must resolve as a pronoun, not as the last word of a garbled name like "Voters Told He"
    text = ("Anna Petrov met the press. Voters Told He was the headline of the day. "
            "He said the budget would be balanced by next year.")
    q = one(quotes_of(text), "balanced")
    assert q.speaker != "Voters Told He"


def test_poll_findings_are_reported_content_of_the_named_pollster(quotes_of, one):
    text = ("A Harbor Research poll released on Sunday found that most voters in the county oppose the new toll. "
            "The report also found that turnout could fall.")
    qs = quotes_of(text)
    poll = one(qs, "oppose the new toll")
    assert poll.kind == "indirect" and poll.speaker is not None and "Harbor Research" in poll.speaker
    bare = one(qs, "turnout could fall")
    assert bare.speaker is None  # "the report": nobody named, so nobody guessed


def test_a_finding_verb_without_a_clause_reports_nothing(quotes_of):
    text = "Investigators found the missing ledger in a storage unit outside Dayton last week."
    assert quotes_of(text) == []


def test_clause_holding_a_partial_quote_is_reported_whole(quotes_of, one):
    # regression: the clause was dropped because the partial quote covers most of it
    text = ("Mayor Lena Ortiz visited the bridge on Friday. Ortiz says she “appreciates the patience and the "
            "good humour” shown by residents during the repairs.")
    q = one([q for q in quotes_of(text) if q.kind == "indirect"], "shown by residents")
    assert q.text.startswith("she “appreciates") and q.speaker == "Lena Ortiz"


def test_clause_that_is_only_a_partial_quote_is_not_repeated(quotes_of):
    text = "Mayor Lena Ortiz visited the bridge on Friday. Ortiz says that “when the river rises, the town rises with it.”"
    assert [q for q in quotes_of(text) if "river rises" in q.text and q.kind == "indirect"] == []


def test_second_cue_with_its_own_clause_ends_the_first_report(quotes_of, one):
    text = ("Mayor Lena Ortiz visited the bridge on Friday. She says she met the contractors and says that "
            "the bridge will reopen in May.")
    qs = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert one(qs, "contractors").text == "she met the contractors"
    assert one(qs, "reopen").text == "the bridge will reopen in May"
    text = ("Mayor Lena Ortiz visited the bridge on Friday. She said she saw no need to change the schedule, "
            "telling reporters that the crews had worked through the night.")
    assert one(quotes_of(text), "no need").text == "she saw no need to change the schedule"


def test_relative_who_speaks_for_the_name_it_follows(quotes_of, one):
    text = "The crowd cheered for Governor Lena Ortiz, who announced she is ending her campaign for the Senate."
    q = one(quotes_of(text), "ending her campaign")
    assert q.speaker == "Lena Ortiz"


def test_relative_who_after_two_names_stays_unattributed(quotes_of, one):
    text = ("Okafor was attacked by her rivals, particularly Tom Rivers and Lena Ortiz, who say the senator "
            "lacks the experience the job needs.")
    assert one(quotes_of(text), "lacks the experience").speaker is None


def test_quoted_headline_after_a_bare_surname_goes_to_the_full_name(quotes_of, one):
    # regression: the NER tags no person in a title-case headline, so the quote had no speaker
    text = "Okafor: ‘We Will Not Sign This Deal.’\n\nSenator Maria Okafor spoke in Dayton on Sunday."
    assert one(quotes_of(text), "Sign This Deal").speaker == "Maria Okafor"


def test_poll_results_are_attributed_to_the_organisation_that_ran_the_poll(quotes_of, one):
    # regression: "results" is plural, so the source was dropped as a group
    text = ("According to early results of exit polls conducted for the Associated Press and television networks "
            "by Edison Research, most Democratic voters want the next president to continue the current policies.")
    q = one(quotes_of(text), "most Democratic voters")
    assert q.kind == "indirect" and q.speaker == "Edison Research"


def test_reported_question_belongs_to_the_asker_not_the_person_asked(quotes_of, one):
    text = "At the town hall, a reporter asked Senator Maria Okafor whether she would support the port deal."
    q = one(quotes_of(text), "support the port deal")
    assert q.kind == "indirect" and q.speaker is None  # "a reporter": nobody named, and never Okafor
    text = "Senator Maria Okafor asked the minister whether the port deal had been signed in secret."
    assert one(quotes_of(text), "signed in secret").speaker == "Maria Okafor"


def test_posts_and_hopes_report_their_clause(quotes_of, one):
    text = ("Senator Maria Okafor tweeted that the port deal had been signed in secret. "
            "Okafor hopes the courts will block the deal.")
    qs = quotes_of(text)
    assert one(qs, "signed in secret").speaker == "Maria Okafor"
    assert one(qs, "courts will block").speaker == "Maria Okafor"


def test_stance_verbs_report_a_clause_but_not_the_writers_own_voice(quotes_of, one):
    text = ("Tom Rivers met the dock workers on Monday. Rivers feels that the port deal will cost the town "
            "its jobs. You know the vote will be close, and I think the workers deserve better.")
    qs = quotes_of(text)
    assert one(qs, "cost the town").speaker == "Tom Rivers"
    assert [q for q in qs if "vote will be close" in q.text and q.kind == "indirect"] == []


def test_relative_who_hung_on_the_auxiliary_speaks_for_the_name(quotes_of, one):
    # regression: the parser hangs "who" on "is", so the cue's subject was the bare "who"
    text = ("The change is unlikely, especially for Marek Sobel, who is by all accounts enjoying his new role "
            "and is saying he won't rush into picking a successor.")
    assert one(quotes_of(text), "successor").speaker == "Marek Sobel"


def test_cue_the_parser_left_without_subject_takes_the_name_right_before_it(quotes_of, one):
    # regression: the parser hangs the name under "in" and the verb has no subject, so nobody was named
    text = ("At a June Trump campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also said that "
            "immigrants should speak English in public.")
    assert one(quotes_of(text), "speak English").speaker == "Brenda Johnson"
    # the name after the verb is its object, not its speaker
    text = "At the rally in Dayton on Sunday, endorsed Senator Ted Cruz as the only candidate who can win."
    assert all(q.speaker is None for q in quotes_of(text))
