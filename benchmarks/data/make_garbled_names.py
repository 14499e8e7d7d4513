"""Stress set of real people's names garbled the way machine translation and transliteration garble them.

Why real names: the synthetic benchmark (benchmarks/entities.py) draws from a fixed list of East European
names; real news names (ECB+ development people, PolNeAR politicians) are short English surnames,
Spanish and Arabic names, famous namesakes (several people with one surname), which is where a
"similar surname" rule would over-merge. The names are READ AT RUN TIME from ../shared/data and never
written into the repository (the shared data may not be copied): `build()` returns the set in memory,
`main()` writes it only where asked (default /tmp).

Each person gets a small "story": a few short articles sharing invented context entities (places,
organisations), one introducing the person in full, the others spelling them with one corruption
(transliteration round trip, a mangled ending, a doubled or dropped letter, a translated or initialised
first name, a title with a garbled surname, a bare garbled surname right after the full introduction
or alone in an article of the same story). Some people get a never-merge partner: a namesake with
another first name (in the same story or not), a spouse named in the same article, a Jr., the other
gender's form of a Slavic surname, or the same first name with a similar but genuinely different
surname ('-son'/'-sen', one vowel) in another story. A bare surname that fits two people of its
article or story has a gold id of its own: linking it to anybody is a false merge.

The set is split by a hash of the folded surname (everything built on one surname falls in one half):
"tune" (thresholds may be chosen on it) and "heldout" (reported, never tuned on).

Run: .venv/bin/python benchmarks/data/make_garbled_names.py [--out /tmp/garbled_names.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ecb_people import ECB, case_counts, is_proper_name  # noqa: E402

from storyline.entities.names import is_given_name  # noqa: E402
from storyline.entities.translit import fold  # noqa: E402

SHARED = ECB.parent
POLNEAR = SHARED / "polnear" / "dev" / "text"
SEED = 20261207

ROLES = ["senator", "governor", "minister", "spokesperson", "analyst", "actor", "singer", "coach", "judge",
         "prosecutor", "mayor", "ambassador", "chief executive", "general", "professor", "lawyer"]
# realistic round trips through Cyrillic or Arabic script and back (letter patterns, either direction)
TRANSLIT = [("ov", "off"), ("ov", "ow"), ("ev", "eff"), ("sky", "ski"), ("ski", "sky"), ("sky", "skiy"),
            ("j", "y"), ("j", "i"), ("y", "i"), ("i", "y"), ("kh", "h"), ("kh", "ch"), ("ch", "kh"),
            ("w", "v"), ("v", "w"), ("ph", "f"), ("f", "ph"), ("ou", "u"), ("u", "ou"), ("ck", "k"), ("c", "k"),
            ("x", "ks"), ("sh", "sch"), ("ts", "tz"), ("ee", "i"), ("oo", "u"), ("ie", "i")]
# endings MT glues on or mangles: Slavic case endings, a final letter dropped or swapped for a vowel
ENDINGS = ["a", "u", "om", "e", "y", "ov", "ym"]
# first names as MT renders them in another language (or back), and a few short forms
GIVEN_TRANSLATED = {
    "john": "Ivan", "michael": "Mikhail", "peter": "Pyotr", "paul": "Pavel", "george": "Georgy",
    "alexander": "Aleksandr", "joseph": "Iosif", "james": "Jakob", "william": "Wilhelm", "charles": "Karl",
    "stephen": "Stefan", "steven": "Stefan", "thomas": "Tomas", "mark": "Marek", "andrew": "Andrei",
    "nicholas": "Nikolai", "daniel": "Danil", "david": "Dawid", "robert": "Roberto", "richard": "Ricardo",
    "mary": "Maria", "catherine": "Ekaterina", "elizabeth": "Elizaveta", "anne": "Anna", "helen": "Elena",
    "mohammed": "Muhammad", "muhammad": "Mohamed", "ahmed": "Ahmad", "yusuf": "Joseph", "juan": "John",
    "jose": "Joseph", "carlos": "Charles", "sergei": "Sergey", "vladimir": "Volodymyr", "dmitry": "Dmitri",
}
SYLLABLES = ["lin", "var", "kor", "sel", "tar", "nor", "bra", "ost", "hel", "ves", "rav", "dun", "mar", "bel",
             "kas", "ter", "ulm", "gor", "fen", "dal", "ser", "mon", "quin", "zar"]
NEVER_KINDS = ["namesake", "spouse", "generation", "gendered", "similar"]


def available() -> bool:
    return (ECB / "gold.json").exists() and POLNEAR.exists()


def _split(surface: str) -> tuple[str, str] | None:
    """(first name, surname) of a plain real name: 2-3 capitalised alphabetic words, a known first name
    first, no particle or generational suffix (kept out so each corruption has one clear meaning)."""
    words = re.sub(r"['’]s$", "", surface.strip()).split()
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\.?", w) or
                                           re.fullmatch(r"[A-Z]\.", w) for w in words):
        return None
    given, surname = words[0], words[-1]
    if len(given) < 3 or len(surname) < 4 or surname.endswith(".") or not is_given_name(given):
        return None
    return given, surname


def ecb_names() -> list[str]:
    """Proper-name human mentions of the ECB+ gold (the development people)."""
    gold = json.loads((ECB / "gold.json").read_text(encoding="utf-8"))["files"]
    texts = {n: (ECB / "text" / n).read_text(encoding="utf-8") for n in gold if (ECB / "text" / n).exists()}
    case = case_counts(list(texts.values()))
    out = []
    for n, f in sorted(gold.items()):
        for start, end, _ in f["people"]:
            surface = texts.get(n, "")[start:end]
            if surface and is_proper_name(surface, case):
                out.append(surface)
    return out


def polnear_names() -> list[str]:
    """PERSON entities spaCy finds in the PolNeAR development texts."""
    from storyline.config import Settings  # spaCy is loaded only when the set is built
    from storyline.nlp.spacy_pipeline import load

    nlp = load(Settings().spacy_model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR.glob("*.txt"))]
    return [e.text for doc in nlp.pipe(texts, batch_size=8) for e in doc.ents if e.label_ == "PERSON"]


def real_people(surfaces: list[str]) -> list[tuple[str, str]]:
    """Distinct (first name, surname) pairs; two names with one surname and one initial ('Mike'/'Michael')
    may be one person, so only the first seen is kept."""
    seen: dict[str, set[str]] = {}
    out = []
    for s in surfaces:
        split = _split(s)
        if not split:
            continue
        g, sn = split
        initials = seen.setdefault(fold(sn), set())
        if fold(g)[:1] in initials:
            continue
        initials.add(fold(g)[:1])
        out.append((g, sn))
    return out


def half_of(surname: str) -> str:
    return "tune" if int(hashlib.md5(fold(surname).encode()).hexdigest(), 16) % 2 == 0 else "heldout"


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def translit(word: str, rng: random.Random) -> str:
    low = word.lower()
    if low.startswith("h") and rng.random() < 0.3:
        return "Kh" + low[1:]  # Russian renders an initial H as Kh ('Kholdren'); elsewhere h is silent
    options = [(a, b) for a, b in TRANSLIT if a in low[1:]] or [(a, b) for a, b in TRANSLIT if a in low]
    if not options:
        return letters(word, rng)
    a, b = rng.choice(options)
    i = low.rindex(a)
    return _cap(low[:i] + b + low[i + len(a):])


def ending(word: str, rng: random.Random) -> str:
    """'Clinton' -> 'Clintona', 'Clintom', 'Clintonom': a mangled ending (similarity about 0.85-0.9)."""
    low = word.lower()
    r = rng.random()
    if r < 0.5:
        return _cap(low + rng.choice(ENDINGS))
    if r < 0.75 or len(low) < 6:
        return _cap(low[:-1] + rng.choice([e for e in "aeiouy" if e != low[-1]]))
    return _cap(low[:-2] + rng.choice(ENDINGS))


def letters(word: str, rng: random.Random) -> str:
    """A doubled or a dropped letter (never the first)."""
    i = rng.randrange(1, len(word) - 1)
    if rng.random() < 0.5 or word[i] != word[i - 1] and len(word) < 6:
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1:]


def different_surname(word: str, rng: random.Random) -> str | None:
    """A genuinely different, similar surname: '-son'/'-sen', '-ez'/'-es', or one inner vowel changed."""
    low = word.lower()
    for a, b in (("sson", "ssen"), ("son", "sen"), ("sen", "son"), ("ez", "es")):
        if low.endswith(a):
            return _cap(low[: -len(a)] + b)
    vowels = [i for i in range(1, len(low) - 1) if low[i] in "aeiou"]
    if not vowels or len(low) < 5:
        return None
    i = rng.choice(vowels)
    return _cap(low[:i] + rng.choice([v for v in "aeio" if v != low[i]]) + low[i + 1:])


def feminine(word: str) -> str | None:
    for m, f in (("ski", "ska"), ("sky", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina")):
        if word.endswith(m):
            return word[: -len(m)] + f
    return None


class _Article:
    """Text built piece by piece, so every mention's span is exact."""

    def __init__(self, aid: str, outlet: str) -> None:
        self.id, self.outlet, self.text, self.mentions = aid, outlet, "", []

    def say(self, s: str) -> _Article:
        self.text += s
        return self

    def person(self, surface: str, gold: str, kind: str, role: str | None = None) -> _Article:
        if role:
            self.text += _cap(role) + " " if role.islower() else role + " "
        start = len(self.text)
        self.text += surface
        self.mentions.append({"start": start, "end": len(self.text), "label": "PERSON",
                              "role": _title(role) if role else None, "gold": gold, "kind": kind})
        return self

    def thing(self, name: str) -> _Article:
        start = len(self.text)
        self.text += name
        self.mentions.append({"start": start, "end": len(self.text), "label": "GPE" if " " not in name else "ORG",
                              "role": None, "gold": None, "kind": "context"})
        return self

    def record(self) -> dict:
        return {"id": self.id, "outlet": self.outlet, "text": self.text, "mentions": self.mentions}


def _title(role: str) -> str:
    return " ".join(_cap(w) for w in role.split())


def _story_entities(rng: random.Random) -> list[str]:
    def word() -> str:
        return _cap("".join(rng.sample(SYLLABLES, 2)))
    return [word(), word(), f"{word()} Council", f"{word()} Institute"]


class StoryMaker:
    """Stories of one half: each person's articles, then their never-merge partner's, if any."""

    def __init__(self, half: str, people: list[tuple[str, str]], given_pool: list[str], rng: random.Random):
        self.half, self.people, self.pool, self.rng = half, people, given_pool, rng
        self.stories: list[dict] = []
        self.n = 0
        self.ambiguous = 0

    def _art(self) -> _Article:
        self.n += 1
        return _Article(f"{self.half}{self.n:04d}", self.rng.choice(["Herald", "Wire", "Daily", "Post", "Ledger"]))

    def _ambiguous(self) -> str:
        self.ambiguous += 1
        return f"{self.half}:ambiguous{self.ambiguous}"

    def _other_given(self, given: str) -> str:
        return self.rng.choice([g for g in self.pool if fold(g)[:1] != fold(given)[:1]])

    def intro(self, given: str, surname: str, gid: str, role: str, ents: list[str], bare: str | None) -> dict:
        a = self._art().person(f"{given} {surname}", gid, "clean", role).say(" spoke in ").thing(ents[0])
        a.say(" about the ").thing(ents[2]).say(".")
        if bare:
            a.say(" \u201cWe will not wait,\u201d ").person(surname, bare, "bare_exact").say(" said.")
        return a.record()

    def variant(self, given: str, surname: str, gid: str, role: str, ents: list[str], kind: str) -> dict:
        rng = self.rng
        e1, e2 = rng.sample(ents, 2)
        a = self._art()
        role_here = role if rng.random() < 0.7 else None
        if kind in ("translit", "ending", "letters"):
            g = given if kind != "translit" or rng.random() < 0.7 else translit(given, rng)
            s = {"translit": translit, "ending": ending, "letters": letters}[kind](surname, rng)
            a.person(f"{g} {s}", gid, kind, role_here)
        elif kind == "given_translated":
            a.person(f"{GIVEN_TRANSLATED.get(given.lower(), translit(given, rng))} {surname}", gid, kind, role_here)
        elif kind == "given_initial":
            a.person(f"{given[0]}. {surname}", gid, kind, role_here)
        elif kind == "title_surname":
            a.person(rng.choice([translit, ending])(surname, rng), gid, kind, role)
        elif kind == "bare_after_intro":
            a.person(f"{given} {surname}", gid, "clean", role_here).say(" arrived in ").thing(e1).say(". ")
            a.say("\u201cNothing is decided,\u201d ").person(rng.choice([ending, translit])(surname, rng), gid, kind)
            a.say(" said about the ").thing(e2).say(".")
            return a.record()
        else:  # bare_story: the surname alone, garbled, in another article of the story
            a.say("In ").thing(e1).say(", ").person(rng.choice([ending, translit])(surname, rng), gid, kind)
            a.say(" said the ").thing(e2).say(" would wait.")
            return a.record()
        a.say(" met officials in ").thing(e1).say(" and at the ").thing(e2).say(".")
        return a.record()

    def person_story(self, idx: int, given: str, surname: str) -> None:
        rng = self.rng
        gid = f"{self.half}:{idx}"
        role = rng.choice(ROLES)
        ents = _story_entities(rng)
        never = rng.choice(NEVER_KINDS) if rng.random() < 0.5 else None
        partner = self.partner(never, given, surname)
        same_story = never in ("spouse", "generation") or never == "namesake" and rng.random() < 0.5
        rivals = same_story and partner is not None  # a bare surname in this story may be either person
        articles = [self.intro(given, surname, gid, role, ents, gid)]
        kinds = ["translit", "ending", "letters", "given_translated", "given_initial", "title_surname",
                 "bare_after_intro", "bare_story"]
        for kind in rng.sample(kinds, rng.randint(3, 5)):
            rec = self.variant(given, surname, gid, role, ents, kind)
            if rivals and kind == "bare_story":
                for m in rec["mentions"]:
                    if m["kind"] == kind:
                        m["gold"] = self._ambiguous()
            articles.append(rec)
        if partner is not None:
            articles += self.partner_articles(never, partner, given, surname, gid, role,
                                              ents if same_story else _story_entities(rng))
        self.stories.append({"id": gid, "half": self.half, "person": f"{given} {surname}", "never": never,
                             "articles": articles})

    def partner(self, never: str | None, given: str, surname: str) -> tuple[str, str] | None:
        if never in ("namesake", "spouse"):
            return self._other_given(given), surname
        if never == "generation":
            return given, f"{surname} Jr."
        if never == "gendered":
            f = feminine(surname)
            return (self._other_given(given), f) if f else None
        if never == "similar":
            d = different_surname(surname, self.rng)
            return (given, d) if d and fold(d) != fold(surname) else None
        return None

    def partner_articles(self, never: str, partner: tuple[str, str], given: str, surname: str, gid: str,
                         role: str, ents: list[str]) -> list[dict]:
        rng = self.rng
        qid = f"{gid}:{never}"
        qrole = rng.choice([r for r in ROLES if r != role]) if never != "similar" or rng.random() < 0.5 else role
        g2, s2 = partner
        out = [self.intro(g2, s2, qid, qrole, ents, None)]
        if never == "spouse":
            a = self._art().person(f"{given} {surname}", gid, "clean").say(" and ")
            a.person(f"{g2} {surname}", qid, "clean").say(" visited ").thing(ents[0]).say(". ")
            a.say("\u201cIt was moving,\u201d ").person(surname, self._ambiguous(), "bare_ambiguous").say(" said.")
            out.append(a.record())
        elif never == "generation":
            a = self._art().person(f"{g2} {translit(surname, rng)} Jr.", qid, "translit", qrole)
            out.append(a.say(" toured ").thing(ents[1]).say(".").record())
        else:
            kind = rng.choice(["translit", "letters"])
            out.append(self.variant(g2, s2, qid, qrole, ents, kind))
        return out


def build(seed: int = SEED, names: list[str] | None = None) -> dict[str, list[dict]]:
    """{'tune': stories, 'heldout': stories}, deterministic for a seed and the shared data."""
    surfaces = names if names is not None else ecb_names() + polnear_names()
    people = real_people(surfaces)
    pool = sorted({g for g, _ in people})
    rng = random.Random(seed)
    out = {}
    for half in ("tune", "heldout"):
        maker = StoryMaker(half, [p for p in people if half_of(p[1]) == half], pool, rng)
        for i, (g, s) in enumerate(maker.people):
            maker.person_story(i, g, s)
        out[half] = maker.stories
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/garbled_names.json"))
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    if not available():
        sys.exit(f"skipped: the garbled-names set is built from {ECB} and {POLNEAR}, which are absent")
    data = build(args.seed)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print({h: {"stories": len(s), "articles": sum(len(x["articles"]) for x in s)} for h, s in data.items()}, args.out)


if __name__ == "__main__":
    main()
