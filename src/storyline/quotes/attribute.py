"""Speaker attribution: from a cue ("said", "according to", "sagte") to the person or organisation
that speaks, via the parse where we have one and a short text window where we do not.

Why confidence and abstention: a wrong speaker is worse than none, so each route to a speaker
carries its own confidence ("Kowalczyk said" beats "the expert said" beats "said" with a single
name nearby) and the caller leaves the speaker empty below a threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..nlp.casing import lower, lower_key
from ..text.datelines import parse_dateline
from ..text.glyphs import DOUBLE_CLOSE, ENGLISH_DOUBLE
from .characterise import accusing_verb
from .lexicon import cue_phrases, cue_words, finding_documents, is_role_noun, pronouns, role_nouns, source_documents
from .people import People, Referent, state_in

THRESHOLD = 0.5
# 'the senator said' with no senator (or several) named before: the last person is a guess that is
# wrong more often than right in political news (PolNeAR train), so it stays under the threshold
_ROLE_GUESS = 0.45
_ORG_NOUNS = {"ministry", "government", "office", "council", "committee", "company", "board", "agency",
              "police", "army", "party", "campaign", "commission", "department", "embassy", "court",
              "parliament", "presidency", "administration", "firm", "group", "union", "bank"}
_CAMPAIGN_NOUNS = {"campaign", "camp", "team", "office", "staff"}  # "Gowdy's office said": his office
BODY_NOUNS = frozenset(_ORG_NOUNS | _CAMPAIGN_NOUNS)  # nouns of bodies that speak as one
# "the Wisconsin Republican", "the Vermont independent": a person described by party, not a name
_PARTISANS = {"republican", "democrat", "independent", "libertarian"}
_INDEFINITE = {"a", "an", "one", "some", "another", "several", "two", "three", "many", "other", "any", "most", "more",
               "few", "both", "all"}
_WORD = re.compile(r"[\w'’-]+")
# "the interlocutor of Baltic Ledger said", "a spokesman for the ministry said": the name after the
# role noun is whom the speaker talks to or works for, not who speaks
_ROLE_OF = re.compile(r"(?i)\b(" + "|".join(sorted(map(re.escape, role_nouns()), key=len, reverse=True))
                      + r")s?\s+(?:of|for|at|from|with)\s+(?:the\s+)?$")
_STOP_OR_QUOTE = re.compile(r"[.!?;" + re.escape(DOUBLE_CLOSE) + "]")  # a sentence or a quotation ends in the gap
_TITLES = {"sen", "gov", "rep", "mr", "mrs", "ms", "dr"}  # abbreviated titles before a name ("Sen. Cruz")
_RANKS = {"capt", "gen", "lt", "col", "sgt", "maj", "adm", "cpl", "cmdr", "prof"}  # and ranks ("Capt. Jeff Davis")
# prepositions whose gerund is done, or claimed, by the clause's subject ("by saying", "in describing",
# "after noting"; "scolded Romney for suggesting ...": PolNeAR's source is the one who scolds)
_DOER_PREPS = {"by", "in", "after", "before", "while", "when", "without", "upon", "on", "since", "for"}


@dataclass
class Attribution:
    speaker: str | None = None
    span: tuple[int, int] | None = None  # the name mention (or the resolved person's mention)
    cue: str | None = None
    cue_pos: int | None = None
    confidence: float = 0.0
    how: str = "none"  # name | pronoun | role | org | continuity | group | turn | none

    def below(self, threshold: float = THRESHOLD) -> Attribution:
        """The same attribution, with the speaker dropped when confidence is under ``threshold``."""
        if self.speaker is not None and self.confidence < threshold:
            return Attribution(None, None, self.cue, self.cue_pos, self.confidence, "abstained")
        return self


def _from_referent(r: Referent | None, cue: str | None, cue_pos: int | None, conf: float, how: str) -> Attribution:
    if r is None:
        return Attribution(None, None, cue, cue_pos, 0.2, "none")
    span = (r.mention.span.start, r.mention.span.end)
    return Attribution(r.name, span, cue, cue_pos, conf, how if r.kind == "person" else "org")


# ---------------------------------------------------------------- the parse route


@cache
def _two_word_cues() -> frozenset[str]:
    return frozenset(p for p in cue_phrases() if len(p.split()) == 2)


def cue_token_ok(tok: Token) -> bool:
    """Is this token a speech cue: a cue word, or the verb of a two-word cue ("fired back")?"""
    low = tok.lower_
    if low not in cue_words():
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and tok.pos_ == "VERB" and f"{low} {nxt.lower_}" in _two_word_cues()
    if low in ("according", "zufolge", "laut", "selon", "según"):
        return True
    if low in ("so",):
        return False
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB")


def subjects_nearest_first(verb: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass", "csubj")) -> list[Token]:
    """The verb's subjects, the nearest first: two subjects is a parse error, mostly a live-blog
    time stamp or a distant noun taken for one ("12:15 p.m.:\n\nPresident Barack Obama says");
    the one nearest the verb is the real one."""
    return sorted((c for c in verb.children if c.dep_ in deps), key=lambda c: abs(c.i - verb.i))


def finding_document(tok: Token) -> Token | None:
    """The document of a bare "in" attribution: 'Clinton led by five points in the latest Quinnipiac
    poll', 'In a new survey, 60 percent back the plan' -- the poll (resources/quotes/
    finding_documents_en.txt) reports the rest of the sentence, with no verb. None for any other
    "in" (and for "in its poll of ..." as an adjective's or a name's part: only a clause's modifier)."""
    if tok.lower_ != "in" or tok.dep_ != "prep" or tok.head is tok:
        return None
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or tok.head.pos_ not in ("VERB", "AUX"):
        return None  # "his lead in the poll" is a noun's; the clause is not reported by it
    return obj if obj.lower_ in finding_documents() else None


def subject_of(cue: Token) -> Token | None:
    """The grammatical speaker of a cue, climbing from participles and conjuncts to their clause."""
    tok = cue
    if (doc_noun := finding_document(cue)) is not None:
        return doc_noun
    for _ in range(4):
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            return obj
        for c in subjects_nearest_first(tok):
            if c.dep_ == "nsubjpass":
                agent = next((a for a in tok.children if a.dep_ == "agent"), None)
                pobj = next((p for p in agent.children if p.dep_ == "pobj"), None) if agent is not None else None
                if pobj is not None:
                    return pobj
                if c.lower_ in ("this", "that", "it"):
                    continue
            return _antecedent(c, tok)
        for aux in (c for c in tok.children if c.dep_ in ("aux", "auxpass")):
            # the parser hangs the subject on the auxiliary when words split them, as machine
            # translation does ("The minister X has from Port Selvik again repeated that ...", "Mr.
            # Murdoch, who is by all accounts enjoying ...")
            s = next((x for x in aux.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                return _antecedent(s, tok)
        agent = next((a for a in tok.children if a.dep_ == "agent"), None)
        if agent is not None:
            return next((p for p in agent.children if p.dep_ == "pobj"), None)
        if tok.pos_ == "NOUN" and (poss := next((c for c in tok.children if c.dep_ == "poss"), None)) is not None:
            return poss  # a nominal cue's holder: "his criticism of ...", "Clinton's claim that ..."
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
            # a nominal cue held by the subject of its light verb: "He expressed concern that ...",
            # "All three candidates issued statements condemning ...", "she outlined a plan to ..."
            tok = tok.head
            continue
        if tok.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "acomp") and tok.head is not tok:
            if tok.dep_ == "acl" and _object_of_issuing(tok.head):
                # "Trump's campaign released a statement saying ...", "The senator emailed supporters
                # saying ...": the one who issued it speaks, not the statement or its readers
                tok = tok.head.head
                continue
            tok = tok.head
            continue
        if tok.dep_ == "prep" and tok.head.lower_ == "addition" and tok.head.head.dep_ == "prep":
            tok = tok.head.head  # "In addition to stating that ..., Clinton has vowed": as "in stating"
            continue
        if tok.dep_ == "prep" and (tok.lower_ in _DOER_PREPS or tok.lower_ == "of" and (any(
                c.lower_ == "instead" for c in tok.children) or accusing_verb(tok) is not None)) \
                and tok.head.pos_ in ("VERB", "AUX"):
            # "Sullivan responded by explaining ...", "In describing Trump, Cuban said": the clause's
            # subject speaks; "Clinton chastised Snyder for refusing ...", "Ridge accused Vela of
            # arguing ...": the claim is Clinton's, Ridge's
            tok = tok.head
            continue
        return None
    return None


_ISSUING = {"released", "issued", "sent", "emailed", "posted", "published", "tweeted", "put", "wrote", "told",
            "releases", "issues", "sends", "emails", "posts", "publishes", "tweets", "writes", "tells"}


def _object_of_issuing(noun: Token) -> bool:
    """Is ``noun`` the object of a verb of issuing or telling ("released a statement", "emailed
    supporters"), so that a participle hung on it ("saying ...") is the issuer's?"""
    return noun.dep_ in ("dobj", "dative") and noun.head.lower_ in _ISSUING


def _antecedent(subj: Token, verb: Token) -> Token:
    """A relative pronoun subject stands for the noun its clause is about ("Jeb Bush, who announced
    he is out"), unless that noun is one of several joined ("Rivers and Ortiz, who say").
    "who" is a person: after "Matt Duss, the president of the Foundation for Middle East Peace,
    who criticizes ..." the clause hangs from "Peace", but the person it describes speaks."""
    rel = verb
    while rel.dep_ == "conj" and rel.head is not rel:  # "Cruz, who threatened ..., and who has been hoping"
        rel = rel.head
    if subj.lower_ in ("who", "that", "which") and rel.dep_ == "relcl" and rel.head.pos_ in ("PROPN", "NOUN") \
            and (not _joined(rel.head) or _each_described(rel.head)):
        head = rel.head
        if subj.lower_ == "who" and head.ent_type_ != "PERSON":
            up = head
            for _ in range(6):
                if up.dep_ not in ("pobj", "prep", "appos", "compound") or up.head is up:
                    break
                up = up.head
                if up.ent_type_ == "PERSON":
                    return up
        return head
    return subj


def _joined(noun: Token) -> bool:
    return noun.dep_ == "conj" or any(x.dep_ == "conj" for x in noun.children)


def _each_described(noun: Token) -> bool:
    """'Mr. Carson, who claimed ..., and Donald J. Trump, who suggested ...': joined nouns each with a
    relative clause of their own; each clause is about its own noun."""
    def own(t: Token) -> bool:
        return any(c.dep_ == "relcl" for c in t.children)
    if noun.dep_ == "conj":
        return own(noun.head)
    return any(x.dep_ == "conj" and own(x) for x in noun.children)


def _name_tokens(tok: Token) -> tuple[int, int]:
    """Character extent of a proper-noun head with its compound name parts ('Marek Sobel')."""
    parts = [tok] + [c for c in tok.children if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"]
    return min(p.idx for p in parts), max(p.idx + len(p) for p in parts)


def speaker_from_subject(subj: Token, people: People, cue: Token) -> Attribution:
    """Subject token -> speaker: a name, a pronoun, a role noun, an organisation, or nobody."""
    cue_text, cue_pos = cue.text, cue.idx
    line = people.text.rfind("\n", 0, subj.idx) + 1
    if (dl := parse_dateline(people.text[line:])) is not None and dl.agency and subj.idx < line + dl.end:
        # "Washington (AFP) – Democrat Hillary Clinton has taken a swipe …": the parser makes the
        # dateline's city the subject; the speaker is the person named first after it, before the cue
        r = next((r for r in people.refs if line + dl.end <= r.start < cue_pos and r.kind == "person"), None)
        return _from_referent(r, cue_text, cue_pos, 0.85, "name") if r is not None else Attribution(None, None, cue_text, cue_pos, 0.2, "none")
    if (named := _name_after_title(subj, people, cue_pos)) is not None:
        return _from_referent(named, cue_text, cue_pos, 0.9, "name")
    ref = people.at(subj.idx, subj.idx + len(subj))
    if ref is not None:
        return _from_referent(ref, cue_text, cue_pos, 0.95, "name")
    dets = {c.lower_ for c in subj.children if c.dep_ in ("det", "nummod", "quantmod", "amod")}
    # "several GOP leaders", "Clinton aides", "some Republicans", "Democrats": a group, whatever name
    # modifies it; "House Republicans", "the Saudis", "the Khans" are a body or a family that speaks
    body = subj.tag_ == "NNPS" and any(c.lower_ == "the" or c.dep_ == "compound" and c.pos_ == "PROPN"
                                       for c in subj.children)
    group = bool(dets & _INDEFINITE) or subj.tag_ == "NNS" or subj.tag_ == "NNPS" and not body
    if body and not group:
        a, b = min([c.idx for c in subj.children if c.dep_ == "compound"] + [subj.idx]), subj.idx + len(subj)
        return Attribution(people.text[a:b], (a, b), cue_text, cue_pos, 0.7, "org")
    if subj.lower_ in _CAMPAIGN_NOUNS | {"administration"} and not group:
        # "The Trump campaign said", "the Obama administration said": the body speaks, not the
        # person it is named after
        owners = [c for c in subj.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                  and people.at(c.idx, c.idx + len(c)) is not None]
        if owners:
            a, b = min(t.idx for t in owners[0].subtree), subj.idx + len(subj)
            return Attribution(people.text[a:b], (a, b), cue_text, cue_pos, 0.8, "org")
    role_head = is_role_noun(subj.lower_)
    # "a farmer, Jonas Varga," / "the analyst Anna Lindqvist"; an apposition names the subject before
    # any modifier does ("Trump's Indiana chairman, Rex Early, said": not "Trump's Indiana")
    for c in sorted(subj.children, key=lambda c: c.dep_ != "appos"):
        if c.dep_ in ("appos", "compound", "flat") and not (group and c.dep_ == "compound") \
                and (r := people.at(c.idx, c.idx + len(c))) is not None:
            if role_head and c.dep_ == "compound" and r.kind == "org":
                continue  # "The GOP nominee", "Former DNC chairman": a person of that body, not the body
            return _from_referent(r, cue_text, cue_pos, 0.9, "name")
    if subj.dep_ == "appos" and subj.pos_ == "NOUN" and (r := people.at(subj.head.idx, subj.head.idx + len(subj.head))) is not None \
            and r.kind == "person":
        # "Megyn Kelly, a star anchor at Fox News who questioned …": the relative clause's noun is
        # an apposition; the person it describes speaks
        return _from_referent(r, cue_text, cue_pos, 0.9, "name")
    if subj.text[:1].isupper() and subj.lower_ not in pronouns() and (r := people.surname(subj.text, subj.idx)) is not None:
        return Attribution(r.name, (subj.idx, subj.idx + len(subj)), cue_text, cue_pos, 0.9, "name")
    low = subj.lower_
    if low == "both" and subj.pos_ in ("DET", "PRON"):
        return _joint(subj, people, cue_text, cue_pos)
    if low in pronouns():
        kind = pronouns()[low]
        if kind == "pl":
            return _joint(subj, people, cue_text, cue_pos)
        if low in ("i", "we", "you"):
            return Attribution(None, None, cue_text, cue_pos, 0.1, "none")
        if (bound := _bound_possessive(subj, people, kind)) is not None:
            return _from_referent(bound, cue_text, cue_pos, 0.85, "pronoun")
        r, firm = people.pronoun_firm(kind, subj.idx)
        if kind == "org":
            # "it said": the nearest organisation is a poor guess (a poll, a bill, a party?) unless it
            # is the subject of a main clause just before ("The Harbour Authority closed the port on
            # Monday. It said ..."), what "it" continues, with no other organisation named since
            firm = r is not None and people.is_subject(r) and subj.idx - r.start <= 300 and not any(
                x.kind == "org" and x.name != r.name and x.start > r.start for x in people.before(subj.idx))
        # kept under the threshold, as is a person that no subject, only a nearer mention, stands for
        return _from_referent(r, cue_text, cue_pos, 0.75 if kind == "org" and firm else 0.8 if firm else _ROLE_GUESS, "pronoun")
    plural = subj.tag_ in ("NNS", "NNPS")
    head = low.rstrip("s") if plural else low
    partisan = low in _PARTISANS and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children)
    if subj.pos_ == "PROPN" and subj.text[:1].isupper() and not group and not partisan \
            and "\n" not in people.text[min(subj.idx, cue_pos):max(subj.idx, cue_pos)]:
        a, b = _name_tokens(subj)
        return Attribution(people.text[a:b], (a, b), cue_text, cue_pos, 0.6, "name")
    if head in source_documents() and (subj.text.islower() or dets & _INDEFINITE):
        # "a national Gallup Poll": a document however it is capitalised, not a group for its "a"
        return _document_source(subj, people, cue_text, cue_pos)
    if dets & _INDEFINITE or plural or subj.pos_ == "NUM":
        return Attribution(None, None, cue_text, cue_pos, 0.2, "group")
    if head in _CAMPAIGN_NOUNS and not plural and (poss := next((c for c in subj.children if c.dep_ == "poss"), None)) is not None:
        # "Clinton's campaign said", "his campaign said": the candidate's campaign, named after its
        # candidate; the span is the phrase itself, not the candidate's mention
        if poss.lower_ in pronouns():
            owner = people.pronoun(pronouns()[poss.lower_], poss.idx) if pronouns()[poss.lower_] in ("m", "f") else None
        else:
            owner = people.at(poss.idx, poss.idx + len(poss)) or people.surname(poss.text, poss.idx)
        if owner is not None and owner.kind == "person":
            a, b = min(t.idx for t in poss.subtree), subj.idx + len(subj)
            return Attribution(f"{owner.name} {subj.text}", (a, b), cue_text, cue_pos, 0.8, "org")
    if head in _ORG_NOUNS:
        r = next((people.at(c.idx, c.idx + len(c)) for c in subj.subtree if people.at(c.idx, c.idx + len(c))), None)
        if r is not None and r.kind == "org":
            return _from_referent(r, cue_text, cue_pos, 0.85, "org")
        parts = [t for t in subj.subtree if t.dep_ not in ("det", "poss", "case") and t.i <= subj.i]
        if len(parts) > 1:  # "the finance ministry": a name in itself
            a, b = parts[0].idx, subj.idx + len(subj)
            return Attribution(people.text[a:b], (a, b), cue_text, cue_pos, 0.7, "org")
        # "the ministry": the last organisation of that kind named before
        r = next((r for r in people.before(subj.idx) if r.kind == "org" and head in r.name.lower()), None)
        if r is None and head == "campaign" and (camp := _campaign_before(subj, people)) is not None:
            return Attribution(camp, (subj.idx, subj.idx + len(subj)), cue_text, cue_pos, 0.7, "org")
        return _from_referent(r, cue_text, cue_pos, 0.7, "org") if r else Attribution(None, None, cue_text, cue_pos, 0.2, "group")
    if (head in role_nouns() or partisan) and not dets & _INDEFINITE:
        mods = " ".join(t.text for t in subj.subtree if t.i < subj.i)  # "the former New Jersey"
        r, matched = people.role(head, subj.idx, state_in(mods))
        return _from_referent(r, cue_text, cue_pos, 0.8 if matched else _ROLE_GUESS, "role")
    return Attribution(None, None, cue_text, cue_pos, 0.2, "none")


def _joint(pron: Token, people: People, cue_text: str, cue_pos: int) -> Attribution:
    """'They'/'both': the people named together just before, as one joint speaker ("Hillary Clinton
    and Bernie Sanders"), else a group nobody in particular speaks for."""
    pair = _named_pair_before(pron, people)
    if pair is None:
        return Attribution(None, None, cue_text, cue_pos, 0.2, "group")
    names = [r.name for r in pair]
    return Attribution(", ".join(names[:-1]) + " and " + names[-1], (pron.idx, pron.idx + len(pron)),
                       cue_text, cue_pos, 0.8, "pronoun")


def _named_pair_before(pron: Token, people: People) -> list[Referent] | None:
    """'Clinton and Sanders met union leaders on Monday. They said ...': "they" is the named people
    joined as the subject of the nearest clause with a plural subject before, within two sentences;
    any other plural subject there ("voters", "they", "both campaigns") leaves "they" unnamed."""
    doc = pron.doc
    first = pron.sent.start
    for _ in range(2):
        if first > 0:
            first = doc[first - 1].sent.start
    for t in reversed(doc[first:pron.i]):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if t.lower_ in ("they", "both"):
            continue  # the same group again ("Both are progressives. Both want ...")
        head = next((c for c in t.children if c.dep_ == "appos"), t) if t.tag_ == "NNS" else t
        joined = [head] + [c for c in head.conjuncts if c.i > head.i]  # "candidates Clinton and Sanders"
        if len(joined) == 1:
            if t.tag_ in ("NNS", "NNPS") or t.lower_ == "we":
                return None
            continue
        refs = [people.at(c.idx, c.idx + len(c)) for c in joined]
        if all(r is not None and r.kind == "person" for r in refs) and len({r.name for r in refs}) == len(refs):  # type: ignore[union-attr]
            return refs  # type: ignore[return-value]
        return None
    return None


def _name_after_title(subj: Token, people: People, cue_pos: int) -> Referent | None:
    """'Sirius XM Vice President for news and talk Dave Gorab called', 'said Pentagon spokesman Navy
    Capt. Jeff Davis': the parser made the title the subject (the NER may even have tagged "Navy
    Capt" a name); the person named right after it, in the same clause, is the speaker."""
    word = subj.lower_.rstrip(".")
    if not subj.text[:1].isupper() or (word not in role_nouns() and word not in _TITLES | _RANKS):
        return None
    end = subj.idx + len(subj)
    limit = cue_pos if subj.idx < cue_pos else len(people.text)
    for r in people.refs:
        if r.kind == "person" and end <= r.start < min(end + 40, limit) \
                and not re.search(r"[,;:\n" + re.escape(ENGLISH_DOUBLE) + "]", people.text[end:r.start]):
            return r
    return None


def _bound_possessive(poss: Token, people: People, kind: str) -> Referent | None:
    """'Donald Trump is keeping up his criticism of ...': a possessive pronoun in its own clause
    means the clause's subject, whoever was named or spoke before."""
    if poss.dep_ != "poss" or kind not in ("m", "f"):
        return None
    verb = poss.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < poss.i), None)
    r = people.at(subj.idx, subj.idx + len(subj)) if subj is not None else None
    if r is None or r.kind != "person" or r.gender not in (kind, None):
        return None
    return r


def _document_source(subj: Token, people: People, cue_text: str, cue_pos: int) -> Attribution:
    """'A Morning Consult poll found ...': the named organisation behind the document, else the
    named document itself ('the Reuters/Ipsos poll'); a bare 'the report' is nobody in particular."""
    before = [t for t in subj.subtree if t.i < subj.i]
    for t in before:
        r = people.at(t.idx, t.idx + len(t))
        if r is not None and r.kind == "org":
            return _from_referent(r, cue_text, cue_pos, 0.8, "org")
    names = [t for t in before if t.pos_ == "PROPN" and t.text[:1].isupper()]
    if names:
        a, b = names[0].idx, subj.idx + len(subj)
        return Attribution(people.text[a:b], (a, b), cue_text, cue_pos, 0.7, "org")
    # "results of exit polls conducted by Edison Research", "a new article in Politico": the
    # organisation the document comes from, the one after "by" first
    after = [t for t in subj.subtree if t.i > subj.i and t.head.lower_ in ("by", "from", "in", "of")]
    after.sort(key=lambda t: t.head.lower_ != "by")
    for t in after:
        r = people.at(t.idx, t.idx + len(t))
        if r is not None and r.kind == "org":
            return _from_referent(r, cue_text, cue_pos, 0.75, "org")
    if any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subj.children) and (r := _issuer_before(subj, people)):
        # "A CNN/ORC poll out Monday shows … The poll found …": the document named just before
        return _from_referent(r, cue_text, cue_pos, 0.7, "org")
    return Attribution(None, None, cue_text, cue_pos, 0.2, "group")


_CAMPAIGN_OF = re.compile(r"\b([A-Z][\w.'’-]+)(?:['’]s)?\s+(?:(?:presidential|Senate|reelection|re-election)\s+)?campaign\b")


def _campaign_before(subj: Token, people: People) -> str | None:
    """'the campaign' after "the Trump campaign" or "Clinton's campaign" in the 1,500 characters
    before: that candidate's campaign, when the candidate is a person named in the article and the
    last two campaigns named there (or the only one) are that candidate's."""
    text = people.text
    lo = max(0, subj.idx - 1500)
    owners = []
    for m in _CAMPAIGN_OF.finditer(text, lo, subj.idx):
        r = people.at(m.start(1), m.end(1))
        if r is not None and r.kind == "person" or people.surname(m.group(1), m.start(1)) is not None:
            owners.append(m.group(1))  # a candidate: the NER often tags "Trump" in "Trump campaign" ORG
    if not owners or len({o for o in owners[-2:]}) > 1:
        return None  # "the Trump campaign ... Clinton's campaign ... the campaign": whose?
    return f"{owners[-1]} campaign"


def _issuer_before(subj: Token, people: People) -> Referent | None:
    """The organisation named with the latest mention of the same kind of document that names one
    ("the Quinnipiac University poll", "a poll by Gallup") in the 1,500 characters before ``subj``."""
    text, noun = people.text, subj.lower_.rstrip("s")
    lo = max(0, subj.idx - 1500)
    hits = [m.start() for m in re.finditer(rf"\b{re.escape(noun)}s?\b", text[lo:subj.idx], re.IGNORECASE)]
    orgs = [r for r in people.refs if r.kind == "org" and lo <= r.start < subj.idx]
    for h in (lo + h for h in reversed(hits)):
        # the issuer right before the noun ("CNN/ORC poll") or after "by"/"from" ("poll by Gallup")
        near = [r for r in orgs if 0 <= h - r.mention.span.end <= 12 and not re.search(r"[.;:\n]", text[r.mention.span.end:h])]
        near += [r for r in orgs if 0 < r.start - h <= 40 and re.match(rf"{re.escape(noun)}s?\s+(?:\w+\s+){{0,3}}(?:by|from)\s+$",
                                                                         text[h:r.start], re.IGNORECASE)]
        if near:
            return near[0]
    return None


_LEAD_WORDS = {"but", "and", "still", "yet", "meanwhile", "also", "now", "then", "later", "so"}


def _possessive(text: str, end: int) -> bool:
    """Does a name ending at ``end`` own something ("Mr. Khan's criticism")? Then it is not who speaks."""
    return text[end:end + 2] in ("'s", "’s")


def lead_name(cue: Token, people: People) -> Attribution | None:
    """The name that opens the cue's sentence, when the parse found the cue no subject: "Sen.
    Chuck Grassley, facing a spirited challenge in Iowa, said ..." hangs "said" off the
    participle's clause. Only a name in subject position (first words, before the cue, no "'s")
    and no second person or verb with its own subject in between."""
    sent = cue.sent
    refs = [r for r in people.refs if sent.start_char <= r.start and r.mention.span.end <= cue.idx]
    if not refs:
        return None
    r = refs[0]
    opener = people.text[sent.start_char:r.start]
    lead = [w.lower() for w in _WORD.findall(opener)]
    # "At Boca West, where it costs $70,000 to join, Jay DiPietro, the club's president, suggested":
    # an opening phrase set off by a comma is no subject either
    if any(w not in _LEAD_WORDS and w not in _TITLES for w in lead) and not opener.rstrip().endswith(",") \
            or _possessive(people.text, r.mention.span.end):
        return None
    last = next((t for t in sent if t.idx < r.mention.span.end <= t.idx + len(t)), None)
    if last is None or last.dep_ in ("compound", "amod", "nmod", "poss"):
        return None  # "White House hopeful Hillary Clinton": a name modifying another is no speaker
    if any(x.name != r.name and x.kind == "person" for x in refs[1:]):
        return None
    between = [t for t in sent if r.mention.span.end <= t.idx < cue.idx]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i != cue.i for t in between):
        return None  # another clause with its own subject stands between ("Trump, who Clinton said ...")
    return _from_referent(r, cue.text, cue.idx, 0.7, "name")


def attribute_with_parse(doc: Doc, people: People, cue_tokens: list[Token],
                         speech: list[tuple[int, int]] = ()) -> Attribution:  # type: ignore[assignment]
    """First cue (callers order them by preference) whose subject resolves; else the best failure.
    A subject inside ``speech`` (quoted words) is never the speaker: '"Meh," wrote a supporter'
    parses "Meh" as a subject of "wrote"; the cue's other subject is the one."""
    best = Attribution()
    lead: Attribution | None = None
    for cue in cue_tokens:
        subj = subject_of(cue)
        if subj is not None and any(a <= subj.idx < b for a, b in speech):
            subj = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")
                         and not any(a <= c.idx < b for a, b in speech)), None)
        if subj is None:
            lead = lead or lead_name(cue, people)
            continue
        att = speaker_from_subject(subj, people, cue)
        if att.speaker is not None or att.how == "group":
            return att  # a group ("two officials", "they") is an answer too: nobody in particular
        if att.confidence > best.confidence or best.cue is None:
            best = att
    if lead is not None:
        return lead
    if best.cue is None and cue_tokens:
        best = Attribution(None, None, cue_tokens[0].text, cue_tokens[0].idx, 0.1, "none")
    return best


# ---------------------------------------------------------------- the text-window route

_PRON_RX = re.compile(r"(?i)\b(" + "|".join(sorted(map(re.escape, pronouns()), key=len, reverse=True)) + r")\b")


def find_cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Cue words and phrases in text[lo:hi] as (start, end, cue)."""
    out = []
    low = lower(text[lo:hi])  # offsets into low are offsets into text (İ stays one character)
    for phrase in cue_phrases():
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", low):
            if not any(a <= lo + m.start() < b for a, b, _ in out):
                out.append((lo + m.start(), lo + m.end(), phrase))
    for m in _WORD.finditer(low):
        w = m.group(0)
        if w in cue_words() and w not in ("so",) and not any(a <= lo + m.start() < b for a, b, _ in out):
            out.append((lo + m.start(), lo + m.end(), w))
    return sorted(out)


def attribute_in_window(text: str, people: People, lo: int, hi: int, cue: tuple[int, int, str]) -> Attribution:
    """The speaker next to a cue in text[lo:hi]: a name right before or after it, else a pronoun
    or a 'the <role>' phrase; nothing when two different names compete."""
    c0, c1, cue_text = cue
    # names on either side of the cue, nearest first, within the attribution window
    near = [r for r in people.refs if lo <= r.mention.span.start < hi]
    after = [r for r in near if r.mention.span.start >= c1 and r.mention.span.start - c1 <= 45]
    if cue_text in ("told", "tells", "tell", "telling", "asked", "asks") and re.search(r"\w", text[lo:c0]):
        after = []  # "X told the Post", "X asked Sobel": the name after is the listener (not so in '"…?" asked X')
    before = [r for r in near if r.mention.span.end <= c0 and c0 - r.mention.span.end <= 60
              and not _possessive(text, r.mention.span.end) and not _ROLE_OF.search(text, lo, r.start)]
    is_prep = cue_text in cue_phrases() and cue_text.endswith((" to", " by", " of", " with"))
    if is_prep or cue_text in ("zufolge", "laut", "selon", "según", "according"):
        first = after[:1] if cue_text != "zufolge" else before[-1:]
        if first:
            return _from_referent(first[0], cue_text, c0, 0.85, "name")
    own = _PRON_RX.search(cue_text)  # "in his view", "in her words": the speaker is in the phrase
    if own and (kind := pronouns().get(lower_key(own.group(1)))) in ("m", "f"):
        r = people.pronoun(kind, c0)
        if r is not None:
            return _from_referent(r, cue_text, c0, 0.75, "pronoun")
    cands = []
    gap_after = text[c1 : after[0].mention.span.start] if after else ""
    gap_before = text[before[-1].mention.span.end : c0] if before else ""
    if before and len(_WORD.findall(gap_before)) <= 4 and not _STOP_OR_QUOTE.search(gap_before):
        cands.append(before[-1])
    if after and len(_WORD.findall(gap_after)) <= 2 and not _STOP_OR_QUOTE.search(gap_after):
        cands.append(after[0])
    if len({r.name for r in cands}) == 1:
        return _from_referent(cands[0], cue_text, c0, 0.85, "name")
    if len(cands) > 1:
        return Attribution(None, None, cue_text, c0, 0.3, "none")
    # a pronoun or 'the <role>' adjacent to the cue
    left = text[max(lo, c0 - 30) : c0]
    right = text[c1 : min(hi, c1 + 40)]
    for side, chunk, base in (("l", left, max(lo, c0 - 30)), ("r", right, c1)):
        pm = list(_PRON_RX.finditer(chunk))
        pm = pm[-1:] if side == "l" else pm[:1]
        for m in pm:
            kind = pronouns().get(lower_key(m.group(1)))  # the regex ignores case: 'İt', 'ſhe'
            if kind is None:
                continue
            if kind == "pl":
                return Attribution(None, None, cue_text, c0, 0.2, "group")
            r = people.pronoun(kind, base + m.start())
            gap = chunk[m.end():] if side == "l" else chunk[: m.start()]
            if r is not None and len(_WORD.findall(gap)) <= 3:
                return _from_referent(r, cue_text, c0, 0.75, "pronoun")
        rm = re.search(r"(?i)\b(the|our|this)\s+(?:[\w-]+\s+){0,2}?([\w-]+)(?:\s+of\s+[\w ]{1,30})?\s*$", chunk) if side == "l" \
            else re.match(r"(?i)\s*(the|our|this)\s+(?:[\w-]+\s+){0,2}?([\w-]+)\b", chunk)
        if rm and rm.group(2).lower() in role_nouns():
            r, matched = people.role(rm.group(2).lower(), base + rm.start(), state_in(rm.group(0)))
            return _from_referent(r, cue_text, c0, 0.8 if matched else _ROLE_GUESS, "role")
    return Attribution(None, None, cue_text, c0, 0.1, "none")
