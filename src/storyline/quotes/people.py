"""Who is in an article, in order, with what can be known of gender and role: the referents that a
pronoun ("he"), a role ("the diplomat", "the interlocutor of Baltic Ledger") or an organisation
reference ("it") in an attribution resolves to.

Why here and not in entities/: resolution for attribution needs the quote context (mentions inside
quotes are poor antecedents) and a policy of abstaining; the entity stage's within-article
resolution covers short names, which we reuse through ``Mention.resolved_to``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from ..entities.names import first_name_gender, known_first_name
from ..model import Mention, Span
from ..resources import table
from ..text.glyphs import DOUBLE_CLOSE
from .lexicon import cue_words, is_role_noun, pronouns, role_nouns

_HONORIFIC = re.compile(r"(?i)\b(mr|mrs|ms|miss|herr|frau|mme|madame|monsieur|sir|lady)\.?\s+$")
_FEMALE_HON = {"mrs", "ms", "miss", "frau", "mme", "madame", "lady"}
_WORD = re.compile(r"[\w-]+")
_CYRILLIC_NAME = re.compile(r"(?<![\w-])([А-ЯЁІЇЄҐ][а-яёіїєґ'’]+)\s+([А-ЯЁІЇЄҐ][а-яёіїєґ'’-]+)\b")
_NAME_LIKE = re.compile(r"(?<![\w-])(?=([A-ZÀ-Þ][a-zà-ÿ]+)\s+((?:[A-ZÀ-Þ][a-zà-ÿ'’-]+\s+)?[A-ZÀ-Þ][a-zà-ÿ'’-]+)\b)")
# capitalised function words that name lists also know as first names ("On Monday", "In Washington")
_NOT_FIRST = {"on", "in", "at", "as", "for", "by", "from", "with", "after", "before", "since", "when", "while",
              "if", "but", "and", "or", "the", "a", "an", "his", "her", "its", "their", "our", "my", "even",
              "during", "under", "over", "of", "to", "then", "so", "yet", "also", "last", "next", "this", "that",
              "these", "those", "both", "all", "some", "many", "most", "each", "every", "why", "how", "what",
              "where", "who", "now", "here", "there", "still", "just", "only", "not", "no", "yes", "than", "into"}
_PLACE_LEAD = re.compile(r"\b(?:New|Los|Las|San|Santa|Fort|Port|Saint|St\.|Mount|Palm|Des|El|Baton|Salt|Little)\s+$")
_FEMALE_ROLES = {"spokeswoman", "chairwoman", "hostess", "woman", "businesswoman", "congresswoman"}
_MALE_ROLES = {"spokesman", "chairman", "man", "businessman", "congressman"}
_TITLE_LINKS = {"of", "named", "known", "as", "called"}  # "Secretary of State X", "the base chief known as Bob"
_ANYONE = {"man", "woman", "resident", "witness", "guest", "student", "mother", "father", "veteran"}


@dataclass
class Referent:
    mention: Mention
    name: str
    kind: str  # "person" | "org"
    gender: str | None = None
    roles: set[str] = field(default_factory=set)

    @property
    def start(self) -> int:
        return self.mention.span.start


@cache
def _states() -> dict[str, str]:
    """US state -> AP abbreviation ('Vermont' -> 'Vt.'), from resources/quotes/us_states.tsv."""
    return {row[0]: row[1] for row in table("quotes/us_states.tsv") if len(row) >= 2}


def _roles_near(text: str, m: Mention) -> set[str]:
    """Role nouns said of this mention: its title, a few words before it, an appositive after it."""
    before = text[max(0, m.span.start - 60) : m.span.start]
    before = re.split(r"[.;:!?\n" + re.escape(DOUBLE_CLOSE) + "]", before)[-1]
    # a title right before the name ("presidential nominee Donald Trump", "FBI Director James
    # Comey"), not any word of the clause: "The nominee explained that Comey" makes Comey no nominee
    words: list[str] = []
    for w in reversed(_WORD.findall(before)[-3:]):
        if not (w[:1].isupper() or w in _TITLE_LINKS or is_role_noun(w.lower())):
            break
        words.append(w.lower())
    after = text[m.span.end : m.span.end + 90]
    app = re.match(r"\s*,\s*(?:(?:a|an|the|who is|who was|now|former|[\w'’-]+'s)\s+)?([^,.;:\n]{0,70})", after)
    if app:
        words += [w.lower() for w in _WORD.findall(app.group(1))][:8]
    if m.role:
        words += [w.lower() for w in _WORD.findall(m.role)]
    out = set()
    for w in words:
        for cand in (w, w.rstrip("s")):
            if cand in role_nouns():
                out.add(cand)
        for part in w.split("-"):
            if part in role_nouns():
                out.add(part)
    return out


def _gender(text: str, m: Mention, name: str, roles: set[str]) -> str | None:
    hon = _HONORIFIC.search(text[max(0, m.span.start - 12) : m.span.start])
    if hon:
        return "f" if hon.group(1).lower() in _FEMALE_HON else "m"
    if roles & _FEMALE_ROLES:
        return "f"
    if roles & _MALE_ROLES:
        return "m"
    parts = name.split()
    return first_name_gender(parts[0]) if len(parts) >= 2 else None


def _looks_like_person(name: str) -> bool:
    """An NER 'ORG' like 'Paul Girard': two or three capitalised words led by a known first name."""
    parts = name.split()
    return 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts) and known_first_name(parts[0])


def _titled(text: str, m: Mention) -> bool:
    """Is the mention right after a person's title ("Fox News host Sean Hannity", which the NER
    tags ORG)? Only the word just before counts: "networks by Edison Research" is no title."""
    before = _WORD.findall(text[max(0, m.span.start - 30) : m.span.start])
    return bool(before) and text[m.span.start - 1 : m.span.start] == " " and before[-1].lower() in role_nouns()


class People:
    """The article's referents in text order, and the resolution of references to them."""

    def __init__(self, text: str, mentions: list[Mention], quoted: list[tuple[int, int]] | None = None,
                 article_id: str = "_", trust_ner: bool = True, subjects: set[int] | None = None):
        self.text = text
        self.subjects = subjects  # start offsets of subject tokens, when a parse is at hand
        self.speakers: list[tuple[int, Referent]] = []  # (end of quote, its speaker), in text order
        quoted = quoted or []
        mentions = list(mentions) + _names_ner_missed(text, mentions, article_id)
        mentions += _surnames_ner_missed(text, mentions, article_id, subjects or set())
        refs: list[Referent] = []
        by_name: dict[str, Referent] = {}
        for m in sorted(mentions, key=lambda m: m.span.start):
            if m.label not in ("PERSON", "ORG"):
                continue
            if any(a <= m.span.start < b for a, b in quoted):
                continue  # a name inside someone's quote is rarely who a later "he" means
            name = m.resolved_to or m.span.text
            # without a parse the NER is not trusted; with one, only a titled name overrides its ORG
            looks = _looks_like_person(name) and (not trust_ner or _titled(text, m))
            kind = "person" if m.label == "PERSON" or looks else "org"
            if kind == "org" and name.lower().startswith("the "):
                name = name[4:]
            roles = _roles_near(text, m) if kind == "person" else set()
            r = Referent(m, name, kind, roles=roles)
            # what is known of a person from earlier mentions carries to later ones
            prev = by_name.get(name)  # the same name, or a short form of a full name seen before
            if prev is not None:
                r.roles |= prev.roles
                prev.roles |= r.roles
            r.gender = _gender(text, m, name, r.roles) if kind == "person" else None
            if r.gender is None and prev is not None:
                r.gender = prev.gender
            by_name[name] = r
            if kind == "person" and len(name.split()) >= 2:
                by_name.setdefault(name.split()[-1], r)
            refs.append(r)
        # a full name's gender is known for its short forms too
        for r in refs:
            full = by_name.get(r.name)
            if r.gender is None and full is not None:
                r.gender = full.gender
        self.refs = refs
        self._fullest: dict[tuple[str, ...], str] | None = None
        self._placed_memo: dict[tuple[str, str], bool] = {}
        self._proper_names: dict[str, bool] = {}
        self._starts = [r.start for r in refs]

    def at(self, start: int, end: int) -> Referent | None:
        """The referent whose mention overlaps [start, end), preferring a person."""
        hits = [r for r in self.refs if r.mention.span.start < end and start < r.mention.span.end]
        hits.sort(key=lambda r: r.kind != "person")
        return hits[0] if hits else None

    def surname(self, word: str, pos: int) -> Referent | None:
        """The one person named earlier whose last name is ``word`` ("Sanders" after "Bernie
        Sanders"): the NER often leaves a lone surname untagged or mistags it as a plural noun."""
        found = {r.name: r for r in self.before(pos) if r.kind == "person" and len(r.name.split()) >= 2
                 and r.name.split()[-1] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def before(self, pos: int) -> list[Referent]:
        """Referents mentioned before ``pos``, nearest first."""
        return self.refs[: bisect_left(self._starts, pos)][::-1]

    def heard(self, pos: int, span: tuple[int, int] | None) -> None:
        """Note that the person at ``span`` spoke a quote ending at ``pos``."""
        r = self.at(*span) if span else None
        if r is not None and r.kind == "person":
            self.speakers.append((pos, r))
            self.speakers.sort(key=lambda x: x[0])

    def is_subject(self, r: Referent) -> bool:
        return bool(self.subjects) and any(r.mention.span.start <= i < r.mention.span.end for i in self.subjects)  # type: ignore[union-attr]

    def pronoun(self, kind: str, pos: int) -> Referent | None:
        """The compatible referent a pronoun of kind m / f / p / pl / org most likely means: the
        nearest compatible grammatical subject of the last paragraphs (subjects are what later
        pronouns continue; 1500 characters, as news often names its subject once and then describes
        at length), else the nearest compatible mention."""
        return self.pronoun_firm(kind, pos)[0]

    def pronoun_firm(self, kind: str, pos: int) -> tuple[Referent | None, bool]:
        """``pronoun``, and whether the answer is firm: not firm when, with a parse at hand, no
        compatible subject was found and the nearest mention, a mere object or name in a
        prepositional phrase more than 400 characters back, stands in -- right one time in three in
        political news (PolNeAR train)."""
        nearest = self._pronoun_nearest(kind, pos)
        # a lone surname that just spoke a quote is a person, though its gender is unknown
        spoke = [(at, r) for at, r in self.speakers if at < pos and pos - at < 600 and self._compatible(r, kind, lone_ok=True)]
        if spoke and (nearest is None or nearest.start < spoke[-1][0] or self._still_speaking(nearest, spoke[-1], pos)):
            return spoke[-1][1], True  # "… ," Trump said. He added: the voice just heard goes on
        if nearest is None or not self.subjects or self.is_subject(nearest):
            return nearest, True
        for r in self.before(pos):
            if pos - r.start > 1500:
                break
            if r.kind == nearest.kind and self.is_subject(r) and self._compatible(r, kind, lone_ok=self._proper(r)):
                return r, True
        return nearest, pos - nearest.start <= 400

    def _still_speaking(self, nearest: Referent, spoke: tuple[int, Referent], pos: int) -> bool:
        """The nearest name is the voice just heard, named with its quote ("…," Ramos, 58, told AFP.
        "…," he said), and no other person has been a subject since: the voice goes on, whether or
        not the parse made that name a subject."""
        at, speaker = spoke
        return nearest.name == speaker.name and not any(
            self.is_subject(r) and r.kind == "person" and r.name != nearest.name for r in self.before(pos) if r.start > at)

    def _proper(self, r: Referent) -> bool:
        """Is a lone word a name of its own: capitalised inside a sentence somewhere ("Media Research
        Center's Bozell"; "Filmmaker Dinesh D'Souza" is a common noun at a sentence start), and not
        the surname of anyone named in full (left unresolved, it may be any of them)?"""
        if r.name not in self._proper_names:  # asked for each pronoun: one answer per name and article
            shared = any(x.kind == "person" and len(x.name.split()) > 1 and x.name.split()[-1] == r.name for x in self.refs)
            # shared: "Trump" left unresolved in a story of Donald, Ivanka and Melania Trump: any of them
            self._proper_names[r.name] = not shared and re.search(rf"[a-z,’']\s+{re.escape(r.name)}\b", self.text) is not None
        return self._proper_names[r.name]

    def _compatible(self, r: Referent, kind: str, lone_ok: bool = False) -> bool:
        if kind == "org":
            return r.kind == "org"
        return r.kind == "person" and not (kind in ("m", "f") and r.gender not in (kind, None)) and (lone_ok or not _lone(r))

    def _pronoun_nearest(self, kind: str, pos: int) -> Referent | None:
        for r in self.before(pos):
            if kind == "org":
                if r.kind == "org":
                    return r
                continue
            if r.kind != "person":
                continue
            if kind in ("m", "f") and r.gender not in (kind, None):
                continue
            if _lone(r) and not (self.is_subject(r) and self._proper(r)):
                continue  # a lone capitalised word of unknown gender is too often an NER error, unless
                # the parse makes it a clause's subject ("Media Research Center's Bozell agrees")
            if kind == "pl":
                return None  # "they" is a group: never guess one person
            return r
        return None

    def full_name(self, r: Referent) -> str:
        """A person's name in its fullest form seen in the article ('Vela' -> 'Ana Vela')."""
        return self._full(r) if r.kind == "person" else r.name

    def _full(self, r: Referent) -> str:
        """A person's name in its fullest form seen ('Sobel' -> 'Marek Sobel'); the table is built
        once per article (asked for every pair of people, a scan each time was cubic)."""
        if self._fullest is None:
            self._fullest = {}
            for x in self.refs:
                last = tuple(x.name.split()[-1:])
                if x.kind == "person" and len(x.name) > len(self._fullest.get(last, "")):
                    self._fullest[last] = x.name
        return self._fullest.get(tuple(r.name.split()[-1:]), r.name)

    def _placed(self, r: Referent, place: str) -> bool:
        """Is ``place`` (a US state, or its AP abbreviation) said of this person's name somewhere:
        'Vermont Sen. <name>', 'Sen. <name> (R-Fla.)', '<name> of New Jersey'? Asked for every
        mention of every person before a role noun, so the answer is kept per person and place
        (scanning every mention each time grows as mentions squared on long articles)."""
        key = (self._full(r), place)
        if key not in self._placed_memo:
            self._placed_memo[key] = self._scan_placed(key[0], place)
        return self._placed_memo[key]

    def _scan_placed(self, full: str, place: str) -> bool:
        st = "(?:" + "|".join(re.escape(f) for f in {place, _states().get(place, place)}) + ")"
        # the state as a title ('Florida Sen.', 'Texas Gov.', 'Vermont'), right before the name
        title = re.compile(rf"(?<!\w){st}(?:\s+(?:Sen\.|Gov\.|Rep\.|Sens\.|Senator|Governor|Attorney General))?\s+$")
        # after it: '(I-Vt.)', ', R-Texas', 'of New Jersey'
        tail = re.compile(rf"\s*(?:\(\s*(?:[RDI]-\s*)?{st}\s*\)|,\s*[RDI]-{st}|\s+of\s+{st})(?!\w)")
        for x in self.refs:
            if x.kind == "person" and self._full(x) == full:
                a, b = x.mention.span.start, x.mention.span.end
                if title.search(self.text[max(0, a - 40):a]) or tail.match(self.text[b:b + 40]):
                    return True
        return False

    def role(self, noun: str, pos: int, places: tuple[str, ...] = ()) -> tuple[Referent | None, bool]:
        """Last person holding ``noun`` as a role; else the last person. The flag says whether the
        answer is firm: one person holds the role, or only one person has been named at all.
        ``places`` ('the Vermont senator', 'the former Florida governor') pick the one person named
        before whose name comes with that state, a firm answer when only one does."""
        noun = noun.lower()
        want = "f" if noun in _FEMALE_ROLES else "m" if noun in _MALE_ROLES else None
        people = [r for r in self.before(pos) if r.kind == "person"]
        for place in places:
            placed = [r for r in people if self._placed(r, place)]
            if placed and len({self._full(r) for r in placed}) == 1:
                return placed[0], True
        holders = [r for r in people if noun in r.roles or noun.rstrip("s") in r.roles]
        if holders:
            # "the senator" in a story of several senators is any of them: a weaker guess
            return holders[0], len({self._full(r) for r in holders}) == 1
        fits = [r for r in people if want is None or r.gender in (want, None)]
        if not fits:
            return None, False
        if len({self._full(r) for r in fits}) == 1:
            # the only person named so far ("Jonas Weber looked at the silo. ... the farmer said") is
            # as good as a held role
            return fits[0], True
        # "Donald Trump rallied in Ohio on Monday. The Republican nominee said ...": a description
        # names anew the person the last sentences were about, when nobody else was named since and
        # nothing said of them contradicts it ("FBI Director James Comey ... The nominee" is not him);
        # "the man", "the woman" are more often somebody new
        lead = next((r for r in fits if self.is_subject(r)), None)
        if lead is not None and pos - lead.start <= 400 and not _lone(lead) and noun not in _ANYONE \
                and not _other_post(lead.roles, noun) \
                and all(self._full(r) == self._full(lead) for r in people if r.start > lead.start):
            return lead, True
        return fits[0], False


# posts a person holds one at a time; a candidate or nominee may hold any of them besides
_POSTS = {"director", "president", "senator", "governor", "mayor", "minister", "secretary", "chairman",
          "chairwoman", "chair", "judge", "prosecutor", "ambassador", "speaker", "commissioner", "sheriff",
          "chancellor", "premier", "general", "commander", "nominee", "candidate"}
_RUNNING = {"candidate", "nominee"}


def _other_post(roles: set[str], noun: str) -> bool:
    """Does a post said of a person rule out the description ("FBI Director James Comey ... the
    nominee")? An occupation ("the businessman") or a candidacy never does."""
    held = roles & _POSTS
    return noun in _POSTS and bool(held - _RUNNING) and noun not in held


def _lone(r: Referent) -> bool:
    """A lone capitalised word of unknown gender, too often an NER error to continue a pronoun --
    unless a title or role is said of it ('President Obama', 'Obama, the president')."""
    return r.gender is None and not r.mention.resolved_to and len(r.name.split()) < 2 and not r.roles


def state_in(words: str) -> tuple[str, ...]:
    """The US states named in a description's modifiers ('New Jersey' in 'the former New Jersey')."""
    return tuple(st for st in _states() if re.search(rf"(?<!\w){re.escape(st)}(?!\w)", words))


def _names_ner_missed(text: str, mentions: list[Mention], article_id: str) -> list[Mention]:
    """'Firstname Lastname' pairs the NER did not tag (it misses many in translated or non-English
    text); the first word must be a known first name, which keeps German nouns out."""
    from ..model import Span

    taken = [(m.span.start, m.span.end) for m in mentions if m.label in ("PERSON", "ORG") and not m.span.text[:1].islower()
             and not (m.label == "ORG" and not _looks_like_person(m.span.text) and _NAME_LIKE.search(m.span.text))]
    out = []
    for m in _NAME_LIKE.finditer(text):
        a, b = m.start(1), m.end(2)
        if any(x < b and a < y for x, y in taken) or m.group(1).lower() in _NOT_FIRST or not known_first_name(m.group(1)) \
                or m.group(2).lower() in role_nouns():  # "Vice President": a title, though "Vice" is a first name
            continue
        if _PLACE_LEAD.search(text, max(0, a - 8), a):
            continue  # "New York Times", "San Antonio Express": a place's second word, no first name
        taken.append((a, b))
        out.append(Mention(span=Span(article_id=article_id, start=a, end=b, text=text[a:b]), label="PERSON"))
    # Cyrillic: common nouns are lower-case, so two capitalised words in a row are a name
    for m in _CYRILLIC_NAME.finditer(text):
        a, b = m.start(1), m.end(2)
        if any(x < b and a < y for x, y in taken):
            continue
        taken.append((a, b))
        out.append(Mention(span=Span(article_id=article_id, start=a, end=b, text=text[a:b]), label="PERSON"))
    return out


_NOT_NAME = _NOT_FIRST | {"says", "said", "tells", "asks"}  # headline verbs the NER folds into a name
_CAPITALISED = re.compile(r"(?<![\w.'’-])[A-ZÀ-Þ][a-zà-ÿ'’-]+(?![\w'’-])")


def _surnames_ner_missed(text: str, mentions: list[Mention], article_id: str, subjects: set[int]) -> list[Mention]:
    """A bare surname the NER left untagged as a clause's subject ('Sanders wasn’t impressed.') of
    the one person named in full before it: otherwise a later "he" passes over the subject it
    continues for a person named earlier. Only subjects of the parse (a surname modifying a noun,
    'the Sanders campaign manager', is not who a pronoun continues), not inside a longer
    capitalised name ('Trump Tower'), and not when two people named before share the surname.
    The full name must look like one ('Christie Says He' from a headline does not)."""
    full: dict[str, list[tuple[int, str]]] = {}
    for m in sorted(mentions, key=lambda m: m.span.start):
        name = m.resolved_to or m.span.text
        if m.label == "PERSON" and _looks_like_person(name) and not any(
                w.lower() in _NOT_NAME or w.lower() in pronouns() or w.lower() in cue_words() for w in name.split()):
            full.setdefault(name.split()[-1], []).append((m.span.start, name))
    taken = sorted((m.span.start, m.span.end) for m in mentions)
    out = []
    for w in _CAPITALISED.finditer(text):
        if w.start() not in subjects or w.group(0) not in full:
            continue
        seen = {n for at, n in full[w.group(0)] if at < w.start()}
        if len(seen) != 1 or any(a < w.end() and w.start() < b for a, b in taken) \
                or re.search(r"[A-ZÀ-Þ][\w'’-]*\s+$", text[max(0, w.start() - 30):w.start()]) \
                or re.match(r"\s+[A-ZÀ-Þ]", text[w.end():w.end() + 2]):
            continue
        out.append(Mention(span=Span(article_id=article_id, start=w.start(), end=w.end(), text=w.group(0)), label="PERSON",
                           resolved_to=seen.pop(), resolved_by="surname"))
    return out
