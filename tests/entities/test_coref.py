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
