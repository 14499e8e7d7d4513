"""Property tests: whatever bytes arrive, every reader yields RawDocs or one-line ReadErrors naming
the input, and cleaning never loses or invents text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings, strategies as st

from storyline.ingest.article import build_article
from storyline.ingest.clean import clean_text
from storyline.ingest.readers import RawDoc, ReadError, dispatch
from storyline.ingest.readers.feed import read_feed
from storyline.ingest.readers.html import read_html
from storyline.ingest.readers.jsonfmt import read_json, read_jsonl
from storyline.ingest.readers.text import read_txt
from storyline.ingest.readers.warc import read_warc

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

junk = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=2000).map(lambda s: s.encode("utf-8")),
    st.text(max_size=500).map(lambda s: s.encode("utf-16")),
    st.text(alphabet="абвгдежзийклмнопрстуфхцчшщыэюя .,\n", max_size=500).map(lambda s: s.encode("cp1251")),
)


def run(reader, source: str, data: bytes) -> list:
    try:
        items = list(reader(source, data))
    except ReadError as e:
        items = [e]
    for it in items:
        assert isinstance(it, (RawDoc, ReadError))
        if isinstance(it, ReadError):
            assert source in str(it) and "\n" not in str(it)
        else:
            assert it.source.startswith(source) and isinstance(it.content, str)
    return items


@FAST
@given(junk)
def test_txt_reader(data):
    run(read_txt, "in.txt", data)


@FAST
@given(junk)
def test_html_reader(data):
    run(read_html, "in.html", data)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=50),
                           lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=8), c, max_size=4),
                           max_leaves=20)


@FAST
@given(st.one_of(junk, json_values.map(lambda v: json.dumps(v).encode())))
def test_json_reader(data):
    run(read_json, "in.json", data)


@FAST
@given(st.lists(st.one_of(json_values.map(json.dumps), st.text(max_size=80)), max_size=8))
def test_jsonl_reader_one_item_per_nonblank_line(lines):
    text = "\n".join(line.replace("\n", " ").replace("\r", " ") for line in lines)
    data = text.encode("utf-8")
    items = run(read_jsonl, "in.jsonl", data)
    if text.strip() and not any(isinstance(i, ReadError) and i.source == "in.jsonl" for i in items):
        assert len(items) == sum(1 for ln in text.splitlines() if ln.strip())


@FAST
@given(junk)
def test_feed_reader(data):
    run(read_feed, "in.rss", data)


@FAST
@given(junk)
def test_warc_reader(data):
    run(read_warc, "in.warc", data)


@FAST
@given(junk)
def test_dispatch_by_sniffing(data):
    run(dispatch, "unknown-input", data)


hostile = st.sampled_from([
    "<div>" * 5000 + "deep" + "</div>" * 5000,
    "<p onclick='alert(1)'>Click</p><script>document.write('owned')</script><p>The council met on Friday.</p>",
    "<html><body><table>" + "<tr><td>x</td></tr>" * 3000 + "</table></body></html>",
    "<!-- " + "x" * 10000,
    "<html><body><p>" + "word " * 20000 + "</p></body></html>",
    "<svg><script>alert(1)</script></svg><iframe src='javascript:alert(1)'></iframe><p>Text after.</p>",
])


@SLOW
@given(st.one_of(hostile, st.text(max_size=1500)))
def test_build_article_on_hostile_html_never_crashes_or_runs_scripts(html):
    try:
        a = build_article(RawDoc("in.html", html, "html"))
    except ReadError as e:
        assert "in.html" in str(e)
        return
    assert "alert(1)" not in a.text and "document.write" not in a.text
    assert a.text.strip()


lines = st.lists(st.one_of(st.sampled_from(["", "Advertisement", "Share", "Home | News | Sport", "Read more:",
                                            "Published: 4 April 2024", "By Anna Berg", "Related stories"]),
                           st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)),
                 max_size=40)


@FAST
@given(lines)
def test_cleaning_partitions_lines_into_kept_and_removed(page):
    raw = "\n".join(page)
    c = clean_text(raw, language="en")
    originals = [ln.strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    removed = [r.text for r in c.removed]
    for r in c.removed:  # removed lines are real lines, at their real line numbers
        assert r.line_no is not None and originals[r.line_no - 1] == r.text
    kept_words = "".join(c.text.split())
    for ln in originals:  # every non-empty line is either kept (verbatim) or removed
        if ln and ln not in removed:
            assert "".join(ln.split()) in kept_words


@FAST
@given(st.ip_addresses())
def test_url_guard_refuses_every_non_global_address(ip):
    from storyline.ingest.readers.url import check_host

    host = f"[{ip}]" if ip.version == 6 else str(ip)
    try:
        check_host(f"http://{host}/article", allow_private=False)
        refused = False
    except ValueError:
        refused = True
    target = ip.ipv4_mapped if ip.version == 6 and ip.ipv4_mapped else ip  # ::ffff:a.b.c.d is a.b.c.d
    assert refused == (not target.is_global or target.is_multicast or target.is_reserved)
