from storyline.entities.coref import resolve_references


def _resolved(ms):
    return {(m.span.text, m.span.start): (m.resolved_to, m.resolved_by) for m in ms}


def test_short_forms_and_honorifics_resolve_to_the_full_name(make_article, mention):
    a = make_article("Anna Kowalczyk arrived. Ms. Kowalczyk said the talks went well. Kowalczyk left.")
    ms = resolve_references(a, [mention(a, "Anna Kowalczyk"), mention(a, "Kowalczyk", nth=1, role="Ms."),
                                mention(a, "Kowalczyk", nth=2)])
    got = [m.resolved_to for m in ms]
    assert got == [None, "Anna Kowalczyk", "Anna Kowalczyk"]
    assert [m.resolved_by for m in ms][1:] == ["honorific", "surname"]


def test_ambiguous_surname_left_unresolved_unless_the_title_decides(make_article, mention):
    a = make_article("Minister Varga spoke. The minister of agriculture Lena Varga met Jonas Varga, a farmer. "
                     "Varga was angry.")
    ms = resolve_references(a, [mention(a, "Varga", role="Minister"), mention(a, "Lena Varga"),
                                mention(a, "Jonas Varga"), mention(a, "Varga", nth=3)])
    by_start = {m.span.start: m.resolved_to for m in ms}
    assert by_start[a.text.index("Varga")] == "Lena Varga"
    assert by_start[a.text.rindex("Varga")] is None


def test_role_references_resolve_to_the_person_introduced_with_that_role(make_article, mention):
    a = make_article("Defence Minister Anna Kowalczyk defended the deal. Anna Lindqvist of the Lindhaven "
                     "Institute for Security Studies disagreed. \u201cIt is a gamble,\u201d the expert said. "
                     "The minister did not reply.")
    ms = resolve_references(a, [mention(a, "Anna Kowalczyk", role="Defence Minister"), mention(a, "Anna Lindqvist")])
    roles = {m.span.text: m.resolved_to for m in ms if m.resolved_by == "role"}
    assert roles == {"the expert": "Anna Lindqvist", "The minister": "Anna Kowalczyk"}


def test_interlocutor_of_the_outlet_and_unlicensed_roles(make_article, mention):
    a = make_article("This was stated by Anna Lindqvist, an analyst, in a conversation with Baltic Ledger. "
                     "According to the interlocutor of Baltic Ledger, the plan is late. The general disagreed.")
    ms = resolve_references(a, [mention(a, "Anna Lindqvist")])
    roles = {m.span.text: m.resolved_to for m in ms if m.resolved_by == "role"}
    assert roles == {"the interlocutor of Baltic Ledger": "Anna Lindqvist"}  # nobody was a general


def test_honorific_must_fit_the_first_name(make_article, mention):
    # regression: on real news 'Mr. Obama' resolved to Michelle Obama, the only full Obama named
    a = make_article("Michelle Obama spoke in Ohio. Mr. Obama later praised her. Mrs. Obama thanked the crowd.")
    ms = resolve_references(a, [mention(a, "Michelle Obama"), mention(a, "Obama", nth=1, role="Mr."),
                                mention(a, "Obama", nth=2, role="Mrs.")])
    assert [m.resolved_to for m in ms] == [None, None, "Michelle Obama"]


def test_a_title_that_contradicts_the_introduced_role_is_not_resolved(make_article, mention):
    # regression: 'President Clinton' resolved to Hillary Clinton, introduced as a former secretary
    a = make_article("Hillary Clinton, the former secretary of state, spoke. President Clinton campaigned too.")
    ms = resolve_references(a, [mention(a, "Hillary Clinton"), mention(a, "Clinton", nth=1, role="President")])
    assert ms[1].resolved_to is None


def test_a_garbled_surname_with_the_right_title_resolves_but_not_without_it(make_article, mention):
    a = make_article("Defence Minister Anna Kowalczyk met her counterparts. Later Minister Kowalski said the "
                     "mission was ready. Kowalski, a farmer, disagreed.")
    ms = resolve_references(a, [mention(a, "Anna Kowalczyk", role="Defence Minister"),
                                mention(a, "Kowalski", role="Minister"), mention(a, "Kowalski", nth=1)])
    assert [(m.resolved_to, m.resolved_by) for m in ms] == [(None, None), ("Anna Kowalczyk", "title"), (None, None)]


def test_a_first_name_alone_resolves_to_the_one_person_introduced_with_it(make_article, mention):
    a = make_article("Hillary Clinton spoke in Ohio. Hillary later met Tim Scott. Scott and Tim left.")
    ms = resolve_references(a, [mention(a, "Hillary Clinton"), mention(a, "Hillary", nth=1), mention(a, "Tim Scott"),
                                mention(a, "Scott", nth=1), mention(a, "Tim", nth=1)])
    got = {(m.span.text, m.span.start): (m.resolved_to, m.resolved_by) for m in ms}
    assert got[("Hillary", a.text.index("Hillary later"))] == ("Hillary Clinton", "given name")
    assert got[("Scott", a.text.index("Scott and"))] == ("Tim Scott", "surname")
    assert got[("Tim", a.text.index("Tim left"))] == ("Tim Scott", "given name")
