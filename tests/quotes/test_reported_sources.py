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


def test_a_partial_quote_that_names_something_reports_what_it_names(quotes_of, one):
    text = ("Senator Maria Okafor toured the harbour on Monday. She called the port contract "
            "\u201ca reckless gamble with public money.\u201d")
    qs = quotes_of(text)
    clause = one([q for q in qs if q.kind == "indirect"], "reckless gamble")
    assert clause.text.startswith("the port contract") and clause.speaker == "Maria Okafor"
    assert one([q for q in qs if q.kind == "partial"], "reckless gamble").text.startswith("a reckless gamble")


def test_that_said_links_sentences_and_reports_nothing(quotes_of):
    text = ("Mayor Lena Ortiz expects the bridge to reopen in May. That said, a wet spring would "
            "push the work into the summer.")
    assert not [q for q in quotes_of(text) if "wet spring" in q.text]


def test_according_to_inside_the_clause_leaves_the_longer_side(quotes_of, one):
    text = "Now, according to a poll by Quinnipiac University, most voters in Ohio are undecided."
    q = one(quotes_of(text), "undecided")
    assert q.text == "most voters in Ohio are undecided" and q.speaker == "Quinnipiac University"


def test_two_words_around_a_partial_quote_keep_the_reported_clause(quotes_of):
    text = ("Senator Maria Okafor spoke in Dayton on Monday. She said Trump had \u201cthe opportunity and the "
            "obligation to bring us together.\u201d")
    clauses = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [q.text[:9] for q in clauses] == ["Trump had"] and clauses[0].speaker == "Maria Okafor"


def test_a_parenthetical_cue_reports_the_sentence_around_it(quotes_of, one):
    text = ("Mayor Lena Ortiz toured the harbour on Monday. A new harbour master, she said, could set a new "
            "tone for the port authority.")
    q = one([q for q in quotes_of(text) if q.kind == "indirect"], "new tone")
    assert q.text == "could set a new tone for the port authority" and q.speaker == "Lena Ortiz"


def test_a_naming_verb_conjoined_in_the_clause_starts_a_report_of_its_own(quotes_of):
    text = ("Senator Maria Okafor spoke in Dayton. She says she respects the governor and calls him "
            "\u201can extremely capable administrator.\u201d")
    clauses = [q.text for q in quotes_of(text) if q.kind == "indirect"]
    assert "she respects the governor" in clauses
    assert any(c.startswith("him") for c in clauses)


def test_but_without_that_does_not_stretch_the_report_over_the_writers_clause(quotes_of, one):
    text = ("Hillary Clinton says the emails were personal, but for Republicans the matter is far from "
            "settled.")
    q = one([q for q in quotes_of(text) if q.kind == "indirect"], "personal")
    assert "Republicans" not in q.text


def test_as_x_said_reports_the_main_clause(quotes_of, one):
    text = "As Senator Maria Okafor said, the harbour tax has become the least popular law in Aldoria."
    q = one([q for q in quotes_of(text) if q.kind == "indirect"], "harbour tax")
    assert q.text == "the harbour tax has become the least popular law in Aldoria" and q.speaker == "Maria Okafor"


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


def test_a_nominal_cue_belongs_to_the_subject_of_its_light_verb(quotes_of, one):
    # regression: "offered praise for ..." had no subject (only a possessive counted for a noun
    # cue), so the report went unattributed although Cruz is the clause's subject
    text = "Senator Ted Cruz toured Iowa. Cruz offered praise for the governor's plan to cut property taxes."
    q = one(quotes_of(text), "cut property taxes")
    assert q.speaker == "Ted Cruz"


def test_in_addition_to_stating_belongs_to_the_main_clause_subject(quotes_of, one):
    text = ("In addition to stating that the tax plan would hurt small farms, Governor Maria Lopez "
            "has vowed to veto any bill that raises the fuel levy.")
    q = one(quotes_of(text), "hurt small farms")
    assert q.speaker == "Maria Lopez"


def test_a_capitalised_poll_with_an_indefinite_article_is_its_pollsters(quotes_of, one):
    # regression: "a national Gallup Poll" was taken for a group ("a ...") and left unattributed
    text = ("Still, almost two in three Republican-leaning voters now view Trump favorably, "
            "according to a national Gallup Poll taken last week.")
    q = one(quotes_of(text), "view Trump favorably")
    assert q.speaker is not None and "Gallup" in q.speaker


def test_a_relative_clause_after_a_comma_closes_no_report(quotes_of):
    # regression: ", who added to her delegate lead." was read as '…, she added.', making Clinton
    # the source of the writer's own sentence about Sanders' defeats
    text = ("Sanders lost Ohio, Florida and North Carolina to Democratic rival Hillary Clinton, "
            "who added to her delegate lead.")
    assert not [q for q in quotes_of(text) if "lost Ohio" in q.text]


def test_the_name_after_an_opening_phrase_speaks_for_a_cue_the_parse_left_without_subject(quotes_of, one):
    # regression: an opening phrase set off by a comma ("At Boca West, where …,") hid the name that
    # opens the clause, and the report went unattributed
    text = ("At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's 78-year-old "
            "president and general manager, suggested that the troubles besetting some of his competitors "
            "could be self-inflicted.")
    assert one(quotes_of(text), "troubles besetting").speaker == "Jay DiPietro"
