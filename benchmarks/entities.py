"""Stress test for cross-document person canonicalization under machine-translation damage.

Generates (seeded, deterministic) 240 real-looking people, many of whom share a first name or a
surname or have confusable surnames (Kowalski / Kowalczyk / Kowalska), and mentions of each across
several short articles, each spelled with one kind of corruption: transliteration variants, a dropped,
doubled or swapped letter, a translated or transliterated first name, an initial, or a bare surname.
Every article also names a few story entities (places, organisations), which is the context evidence;
half of the people who share a surname with someone also share that person's story (relatives in one
story: context cannot tell them apart, only the names can).
Reports pairwise precision / recall / F1 of merges over person mentions (precision is what matters: a
false merge corrupts every quote of that person), the number of entities fusing two real people, and
recall per corruption kind; plus an exact-string baseline.

Second section, real news: cross-document coreference of named people on ECB+ (ecb_people.py), scored
with B-cubed over the gold human mentions that are proper names, from an `analyze` run over the ECB+
texts (--ecb-out DIR; skipped when the directory has no analysis.json).

Third section, garbled real names (garbled_names.py): real people's names from ../shared/data spelled
with MT and transliteration damage in small stories, with never-merge pairs; pairwise precision /
recall and B-cubed on the "tune" half (thresholds in config.NameSettings were chosen on it) and the
held-out half. Skipped when ../shared/data is absent; nothing of it is stored in the repository.

Run: .venv/bin/python benchmarks/entities.py [--ecb-out DIR]   -> benchmarks/results/entities.json
(without --ecb-out the ECB+ section of the previous results file is kept as it was)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import machine_info  # noqa: E402
from _scores import pairwise  # noqa: E402
from ecb_people import ecb_people  # noqa: E402
from garbled_names import garbled_names  # noqa: E402

from storyline.entities.canonical import canonicalize  # noqa: E402
from storyline.model import Article, Mention  # noqa: E402

SEED = 20250314
N_PEOPLE = 240

GIVEN = {
    "pl": ["Anna", "Piotr", "Katarzyna", "Tomasz", "Marek", "Agnieszka", "Jan", "Ewa", "Wojciech", "Magdalena",
           "Krzysztof", "Joanna", "Pawel", "Zofia"],
    "ru": ["Dmitri", "Sergei", "Yelena", "Mikhail", "Olga", "Aleksandr", "Tatiana", "Nikolai", "Irina", "Yuri",
           "Natalia", "Andrei", "Vladimir", "Svetlana"],
    "de": ["Klaus", "Sabine", "Jurgen", "Monika", "Stefan", "Ursula", "Wolfgang", "Petra", "Matthias", "Heike"],
    "hu": ["Lena", "Gabor", "Zsofia", "Laszlo", "Eszter", "Istvan", "Katalin", "Balazs"],
    "nord": ["Lars", "Ingrid", "Henrik", "Astrid", "Jonas", "Sigrid", "Erik", "Maja"],
    "ar": ["Mohammed", "Fatima", "Ahmed", "Layla", "Yusuf", "Omar", "Khalid", "Amira"],
}
SURNAMES = {
    "pl": ["Kowalczyk", "Kowalski", "Kowalska", "Nowak", "Nowicki", "Wisniewski", "Wojcik", "Kaminski",
           "Lewandowski", "Zielinski", "Szymanski", "Wozniak", "Dabrowski", "Kozlowski", "Jankowski",
           "Mazur", "Krawczyk", "Piotrowski", "Grabowski", "Pawlowski", "Michalski", "Krol", "Wieczorek",
           "Jablonski", "Wrobel", "Majewski", "Olszewski", "Stepien", "Malinowski", "Jaworski"],
    "ru": ["Volkhov", "Volkov", "Ivanov", "Ivanova", "Petrov", "Petrenko", "Smirnov", "Kuznetsov", "Sokolov",
           "Popov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Pavlov", "Zaitsev", "Shevchenko", "Kovalenko",
           "Bondarenko", "Tkachenko", "Kravchenko", "Oliynyk", "Chernyshov", "Zhukov", "Yakovlev", "Orlov",
           "Belov", "Vinogradov", "Bogdanov", "Vorobyov"],
    "de": ["Muller", "Schmidt", "Schmitt", "Schneider", "Fischer", "Weber", "Wegner", "Meyer", "Wagner",
           "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schroder", "Neumann",
           "Schwarz", "Zimmermann", "Braun", "Kruger", "Hartmann", "Lange", "Werner", "Krause", "Lehmann"],
    "hu": ["Varga", "Nagy", "Kovacs", "Toth", "Szabo", "Horvath", "Kiss", "Molnar", "Nemeth", "Farkas",
           "Balogh", "Papp", "Takacs", "Juhasz", "Meszaros", "Olah", "Simon", "Racz", "Fekete"],
    "nord": ["Lindqvist", "Lindgren", "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson",
             "Halvorsen", "Haugen", "Berg", "Dahl", "Lund", "Strand", "Bakke", "Solberg", "Holm"],
    "ar": ["Haddad", "Khalil", "Nasser", "Saleh", "Hamdan", "Mansour", "Aziz", "Rahman", "Karimi", "Farouk"],
}
# MT renders a first name in another language or transliteration (some pairs are not in storyline's table)
GIVEN_VARIANTS = {
    "Dmitri": ["Dmitry", "Dmytro"], "Sergei": ["Sergey", "Serhiy"], "Yelena": ["Elena", "Olena"],
    "Mikhail": ["Michael", "Mykhailo"], "Aleksandr": ["Alexander", "Oleksandr"], "Yuri": ["Yury", "Yuriy"],
    "Nikolai": ["Nikolay", "Mykola"], "Andrei": ["Andrey", "Andriy"], "Tatiana": ["Tatyana", "Tetiana"],
    "Natalia": ["Natalya"], "Irina": ["Iryna"], "Olga": ["Olha"], "Vladimir": ["Volodymyr"],
    "Piotr": ["Peter", "Petr"], "Jan": ["John"], "Pawel": ["Paul", "Pavel"], "Wojciech": ["Adalbert"],
    "Katarzyna": ["Catherine"], "Tomasz": ["Thomas"], "Marek": ["Mark"], "Krzysztof": ["Christopher"],
    "Zofia": ["Sophia"], "Istvan": ["Stephen"], "Laszlo": ["Ladislaus"], "Yusuf": ["Joseph"],
    "Mohammed": ["Muhammad", "Mohamed"], "Ahmed": ["Ahmad"], "Jurgen": ["Juergen"], "Gabor": ["Gabriel"],
    "Svetlana": ["Swetlana"], "Zsofia": ["Sofia"],
}
TRANSLIT = [("w", "v"), ("v", "w"), ("ch", "kh"), ("kh", "ch"), ("cz", "ch"), ("sz", "sh"), ("y", "i"),
            ("ii", "iy"), ("ov", "off"), ("ks", "x"), ("c", "k"), ("ph", "f"), ("sch", "sh"), ("ou", "u"),
            ("ck", "k"), ("j", "y"), ("i", "y")]
PLACES = ["Lindhaven", "Port Selvik", "Brask", "Varnia", "Aldoria", "Korsa", "Ostmark", "Heller Bay", "Tarvik",
          "Nordholm", "Selmar", "Vessen", "Kordun", "Ravna", "Sorvik", "Elbing"]
ORGS = ["Northern Defence Council", "Varnian Grain Board", "Selvik Aerospace", "Sejmar", "Lindhaven Institute",
        "Aldorian Foreign Ministry", "Korsan Army", "Baltic Rail", "Tarvik Energy", "Nordholm University",
        "Green Union", "Free Farmers Party"]
ROLES = ["foreign minister", "defence minister", "analyst", "spokesperson", "farmer", "chairman", "MP",
         "ambassador", "economist", "general", "mayor", "professor"]


def make_people(rng: random.Random) -> list[dict]:
    """Distinct people; the draw favours collisions: a third reuse a surname, many share a first name."""
    people: list[dict] = []
    seen = set()
    cultures = list(GIVEN)
    while len(people) < N_PEOPLE:
        c = rng.choice(cultures)
        story = rng.sample(PLACES, 3) + rng.sample(ORGS, 2)
        if people and rng.random() < 0.3:  # same surname (family name shared by two people)
            other = rng.choice(people)
            c, surname = other["culture"], other["surname"]
            if rng.random() < 0.5:
                story = list(other["story"])  # the hard case: relatives in the same story
        else:
            surname = rng.choice(SURNAMES[c])
        given = rng.choice(GIVEN[c])
        if (given, surname) in seen:
            continue
        seen.add((given, surname))
        people.append({"id": len(people), "given": given, "surname": surname, "culture": c,
                       "role": rng.choice(ROLES), "story": story})
    return people


def _translit(word: str, rng: random.Random) -> str:
    options = [(a, b) for a, b in TRANSLIT if a in word.lower()]
    if not options:
        return word
    a, b = rng.choice(options)
    low = word.lower()
    i = low.index(a) if rng.random() < 0.5 else low.rindex(a)
    out = low[:i] + b + low[i + len(a):]
    return out[:1].upper() + out[1:]


def _typo(word: str, rng: random.Random, kind: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)  # MT and OCR rarely touch the first letter
    if kind == "dropped":
        return word[:i] + word[i + 1:]
    if kind == "doubled":
        return word[:i] + word[i] + word[i:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]  # swapped


KINDS = ["clean", "translit", "dropped", "doubled", "swapped", "given_variant", "initial", "surname_only"]


def corrupt(p: dict, kind: str, rng: random.Random) -> str:
    g, s = p["given"], p["surname"]
    if kind == "translit":
        return f"{_translit(g, rng) if rng.random() < 0.3 else g} {_translit(s, rng)}"
    if kind in ("dropped", "doubled", "swapped"):
        if rng.random() < 0.75:
            return f"{g} {_typo(s, rng, kind)}"
        return f"{_typo(g, rng, kind)} {s}"
    if kind == "given_variant":
        return f"{rng.choice(GIVEN_VARIANTS.get(g, [g]))} {s}"
    if kind == "initial":
        return f"{g[0]}. {s}"
    if kind == "surname_only":
        return s
    return f"{g} {s}"


def make_corpus(people: list[dict], rng: random.Random) -> tuple[list[Article], list[Mention], dict, dict]:
    """One article per mention: the name, sometimes with its role, beside story entities."""
    articles, mentions, gold, kind_of = [], [], {}, {}
    for p in people:
        n = rng.randint(2, 6)
        kinds = ["clean"] + [rng.choice(KINDS[1:]) for _ in range(n - 1)]
        for k, kind in enumerate(kinds):
            aid = f"p{p['id']}a{k}"
            name = corrupt(p, kind, rng)
            ctx = rng.sample(p["story"], 2) + ([rng.choice(PLACES)] if rng.random() < 0.5 else [])
            role = p["role"] if rng.random() < 0.5 else None
            lead = f"{role.title()} " if role else ""
            text = f"{lead}{name} spoke in {ctx[0]} about {ctx[1]}." + (f" Later in {ctx[2]}." if len(ctx) > 2 else "")
            art = Article(id=aid, source=f"{aid}.txt", outlet=rng.choice(["Herald", "Wire", "Daily", "Post"]),
                          text=text, language="en")
            start = len(lead)
            m = Mention(span=art.span(start, start + len(name)), label="PERSON", role=role.title() if role else None)
            ms = [m]
            for c in ctx:
                i = text.index(c)
                ms.append(Mention(span=art.span(i, i + len(c)), label="ORG" if c in ORGS else "GPE"))
            articles.append(art)
            mentions += ms
            gold[(aid, start, start + len(name))] = p["id"]
            kind_of[(aid, start, start + len(name))] = kind
    return articles, mentions, gold, kind_of


def merge_scores(gold: dict, pred: dict, kind_of: dict) -> dict:
    scores, _ = pairwise(gold, pred, kind_of)
    fused: dict[str, set[int]] = defaultdict(set)
    for k in gold:
        fused[pred[k]].add(gold[k])
    by_kind = scores.pop("recall_vs_clean_by_corruption")
    return {**scores, "entities_fusing_people": sum(1 for s in fused.values() if len(s) > 1),
            "recall_vs_clean_by_corruption": by_kind}


OUT = ROOT / "benchmarks" / "results" / "entities.json"


def _previous(section: str) -> object:
    """A section of the last results file, for a section this run did not measure."""
    try:
        return json.loads(OUT.read_text(encoding="utf-8")).get(section, "skipped: no --ecb-out")
    except (OSError, ValueError):
        return "skipped: no --ecb-out"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ecb-out", type=Path, default=None,
                    help="output directory of `storyline analyze <ecbplus>/text --out DIR` (holds analysis.json)")
    args = ap.parse_args()
    rng = random.Random(SEED)
    people = make_people(rng)
    articles, mentions, gold, kind_of = make_corpus(people, rng)
    t0 = time.perf_counter()
    canonicalize(mentions[:40], articles)  # loads lexicons (first names, tables) once
    warmup = time.perf_counter() - t0
    t0 = time.perf_counter()
    _, index = canonicalize(mentions, articles)
    seconds = time.perf_counter() - t0
    ours = merge_scores(gold, {k: index[k] for k in gold}, kind_of)
    exact = merge_scores(gold, {k: next(m.span.text for m in mentions if (m.span.article_id, m.span.start, m.span.end) == k)
                            for k in gold}, kind_of)
    shared_first = sum(1 for a, b in combinations(people, 2) if a["given"] == b["given"])
    shared_last = sum(1 for a, b in combinations(people, 2) if a["surname"] == b["surname"])
    result = {
        "benchmark": "entities: cross-document person canonicalization under MT-style corruption",
        "seed": SEED, "people": len(people), "person_mentions": len(gold), "articles": len(articles),
        "people_pairs_sharing_first_name": shared_first, "people_pairs_sharing_surname": shared_last,
        "storyline": ours, "baseline_exact_string": exact, "canonicalize_seconds": round(seconds, 2), "lexicon_load_seconds": round(warmup, 2),
        "ecbplus_named_people": ecb_people(args.ecb_out) if args.ecb_out else _previous("ecbplus_named_people"),
        "garbled_real_names": garbled_names(),
        "machine": machine_info(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in result.items() if k != "machine"}, indent=1))


if __name__ == "__main__":
    main()
