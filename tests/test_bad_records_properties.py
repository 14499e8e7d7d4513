"""Property: whatever unicode arrives as title, text or language in a JSON input (lone surrogates,
control characters, bidi marks, NUL), analysis never raises, every input is an article or exactly
one error line, and the corpus serialises as analysis.json."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import Settings, analyze

ANY = st.characters(blacklist_categories=())  # every code point, surrogates and controls included
SPICE = st.sampled_from(["\u200f", "\u202e", "\u061c", "\x00", "\x1b", "\ud800", "\udfff", "İ", "\n", "\"", "“"])
TEXT = st.lists(st.one_of(st.text(alphabet=ANY, max_size=40), SPICE,
                          st.sampled_from(["Korsa closed the border on Friday, officials in Lindhaven said. ",
                                           '"We will reopen it," the minister said. ', "next Tuesday "])),
                max_size=12).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=st.lists(st.fixed_dictionaries({"title": st.text(alphabet=ANY, max_size=60), "text": TEXT,
                                               "language": st.one_of(st.text(alphabet=ANY, max_size=12),
                                                                     st.sampled_from(["en", "de", "tr"]))}),
                        min_size=1, max_size=3),
       published=st.sampled_from(["2025-03-14", "9999-12-31", "", "0000-00-00"]))
def test_any_unicode_gives_an_article_or_one_error(records: list[dict[str, str]], published: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for k, rec in enumerate(records):
            body = json.dumps({**rec, "published": published})  # ensure_ascii: lone surrogates as \\udXXX
            Path(tmp, f"r{k}.json").write_text(body, encoding="utf-8")
        corpus = analyze([tmp], Settings(workers=1))
        names = [f"r{k}.json" for k in range(len(records))]
        made = [Path(a.source).name for a in corpus.articles]
        failed = [n for n in names for e in corpus.errors if e.startswith(str(Path(tmp, n)) + ":")]
        assert all("\n" not in e for e in corpus.errors)
        assert len(corpus.errors) == len(failed)
        # same cleaned text from two inputs is two articles; every input is one or the other, once
        assert sorted(made + failed) == sorted(names)
        corpus.model_dump_json()
