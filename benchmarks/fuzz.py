"""Fuzz the whole CLI as a user runs it: "nothing lost" (issue item 5).

    .venv/bin/python benchmarks/fuzz.py                # 10,000 inputs, 100 batches of 100
    .venv/bin/python benchmarks/fuzz.py --quick        # 600 inputs, 6 batches, a fast check
    .venv/bin/python benchmarks/fuzz.py --n 2000 --seed 7 --src /path/to/other/src

Generates inputs of every kind the readers take (random bytes; text in many encodings, invalid
sequences, lone surrogates; JSON/JSONL of random and wrong shapes; broken and hostile HTML; RSS/Atom
with broken XML, entity expansion and external entities; WARC with and without URIs, truncated,
gzipped; zip/tar/gz with bad members, path traversal, nesting; hostile file names) mixed with GOOD
inputs: short valid articles that each carry a unique marker word (``Qx`` + 8 letters). The inputs
are shuffled into batch folders and each batch runs through

    python -m storyline.cli analyze BATCH --out OUT --workers 2 --no-cache --quiet

in a subprocess (PYTHONPATH = ``--src``) with a timeout. Counted per input and per batch:

- crash: a traceback on stderr, an exit code other than 0/1, or no analysis.json written
- hang: the batch ran past ``--timeout``
- lost_good: a good marker missing from the articles of analysis.json (batches that wrote one)
- wrong_error_count: an input expected to fail exactly k times (k=1 for a bad single-document
  file) whose error lines (``error: <path>...`` on stderr) number otherwise; ``spurious_error``: an
  error line for a good input; ``silently_dropped``: an input with neither an article nor an error
- unnamed_error_line: an ``error:`` line naming no input of the batch; ``mangled_name``: it names the
  input's token but not its path (raw or escaped); ``stray_stderr_line``: a line on stderr that is
  neither an error line nor a traceback (a multi-line error, a markup leak)
- control_chars: terminal control characters (C0 except tab/newline, DEL, C1, ESC) on stdout/stderr
- forbidden_leak: a word that must never reach an article (script/style/iframe text, the content of
  a local file named by an XML external entity) found in analysis.json

Every input's file name starts with a batch-unique token ``fNNNN_`` so an error line or an
article source can be traced to its input whatever the rest of the name does. Tracebacks are
requested in the standard format (``_TYPER_STANDARD_TRACEBACK=1``) so they can be classified; the
run is otherwise exactly the user's. A crash class is (exception type, deepest storyline frame);
for the first batch of each class the script bisects the batch to one input that reproduces it
(``--bisect`` classes at most). Writes benchmarks/results/fuzz.json (``--out`` to change).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import hashlib
import io
import json
import lzma
import os
import random
import re
import shutil
import signal
import string
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from _machine import machine_info  # noqa: E402

MARKER_RE = re.compile(r"Qx[a-z]{8}")
FORBIDDEN_RE = re.compile(r"Zz(?:script|style|iframe|secret|comment)[a-z]{6}")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


@dataclass
class Case:
    """One generated input. ``name`` is relative to the batch folder (may contain a sub folder and
    surrogate-escaped bytes); the batch-unique token is prepended when the batch is written."""

    kind: str
    name: str
    data: bytes
    markers: list[str] = field(default_factory=list)  # must each appear in an output article
    n_errors: int | None = 0  # exact number of error lines naming it; None = any number
    forbidden: list[str] = field(default_factory=list)  # must never appear in the output
    must_account: bool = True  # an article or an error, never silence
    desc: str = ""

    def describe(self, full_name: str | None = None) -> dict:
        return {"kind": self.kind, "name": ascii(full_name or self.name), "bytes": len(self.data),
                "head": ascii(self.data[:120]), "markers": self.markers, "n_errors_expected": self.n_errors,
                "desc": self.desc}


# ---------------------------------------------------------------------------------------------
# building blocks

PLACES = ["Lindhaven", "Korsa", "Varnia", "Aldoria", "Mirsk", "Dovel", "Bellport", "Kelmar", "Ostrin", "Tarvik",
          "Halden", "Sorvo", "Brannick", "Elmfield", "Quenby"]
PEOPLE = [("Anna", "Berg"), ("Dmytro", "Volkhov"), ("Maria", "Kowalczyk"), ("Jonas", "Eide"), ("Lena", "Hart"),
          ("Tomas", "Novak"), ("Ingrid", "Sol"), ("Pavel", "Drozd"), ("Sara", "Lind"), ("Omar", "Haddad"),
          ("Nadia", "Petrenko"), ("Karl", "Brandt")]
ORGS = ["the transport ministry", "the city council", "the port authority", "the health agency", "the grain board",
        "the water utility", "the regional assembly", "the teachers' union"]
ACTIONS = ["close the northern bridge for repairs", "raise the price of bus tickets", "open a new grain terminal",
           "delay the budget vote", "hire 200 nurses", "build a second runway", "cut school fees",
           "ban trucks from the old town", "extend the metro line", "rebuild the flood wall"]
QUOTES = ["We had no other choice", "This is a good day for the region", "The work will take two years",
          "Nobody will lose their job", "We listened to the residents", "The costs are under control"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
RU = ["Правительство объявило о новом плане в понедельник.", "Жители города приветствовали это решение.",
      "Министр сказал, что работы займут два года."]
JA = ["政府は月曜日に新しい計画を発表した。", "市民はこの決定を歓迎した。", "工事には二年かかるという。"]
DE = ["Die Regierung kündigte am Montag einen neuen Plan an.", "Die Bürger begrüßten die Entscheidung."]
FR = ["Le gouvernement a annoncé un nouveau plan lundi.", "Les habitants ont salué la décision à Genève."]
SUFFIXES = ["", ".txt", ".html", ".json", ".jsonl", ".rss", ".atom", ".warc", ".warc.gz", ".gz", ".zip", ".tar",
            ".tar.gz", ".tgz", ".xml", ".md", ".bin", ".htm", ".ndjson", ".tar.bz2", ".xz"]


def word(rng: random.Random, n: int = 8) -> str:
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(n))


def marker(rng: random.Random) -> str:
    return "Qx" + word(rng)


def forbidden(rng: random.Random, what: str) -> str:
    return f"Zz{what}{word(rng, 6)}"


def article(rng: random.Random, mark: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of a short, valid news text carrying ``mark``."""
    place, org, act = rng.choice(PLACES), rng.choice(ORGS), rng.choice(ACTIONS)
    first, last = rng.choice(PEOPLE)
    title = f"{place} to {act}"
    paras = [f"{place.upper()} — {org[0].upper() + org[1:]} said on {rng.choice(WEEKDAYS)} that it would {act}.",
             f"The {mark} plan will cost {rng.randint(2, 900)} million euros, according to a statement.",
             f"\u201c{rng.choice(QUOTES)},\u201d said {first} {last}, a spokesperson for {org}.",
             rng.choice(["Critics said the decision came too late.", "The opposition asked for a public hearing.",
                         f"Work is due to start in {rng.choice(['March', 'May', 'the autumn'])}."])]
    return title, paras


def text_doc(rng: random.Random, mark: str, sep: str = "\n\n") -> str:
    title, paras = article(rng, mark)
    return title + sep + sep.join(paras) + "\n"


def html_doc(rng: random.Random, mark: str, extra_head: str = "", extra_body: str = "", attrs: str = "") -> str:
    title, paras = article(rng, mark)
    body = "".join(f"<p>{xml_escape(p)}</p>\n" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{xml_escape(title)}</title>{extra_head}"
            f"</head><body{attrs}><article><h1>{xml_escape(title)}</h1>\n{body}</article>{extra_body}</body></html>")


def record(rng: random.Random, mark: str) -> dict:
    title, paras = article(rng, mark)
    return {"title": title, "outlet": rng.choice(["Nordwire", "Baltic Ledger", "Aldoria Today"]),
            "published": f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "url": f"https://news.example/{mark}",
            "text": "\n\n".join(paras)}


def rss(items: list[tuple[str, str]], atom: bool = False, prolog: str = "") -> str:
    if atom:
        entries = "".join(f"<entry><title>{xml_escape(t)}</title><id>urn:x:{i}</id><updated>2025-03-0{1 + i % 9}T10:00:00Z"
                          f"</updated><content type=\"text\">{body}</content></entry>"
                          for i, (t, body) in enumerate(items))
        return f"<?xml version=\"1.0\" encoding=\"utf-8\"?>{prolog}<feed xmlns=\"http://www.w3.org/2005/Atom\">" \
               f"<title>Feed</title>{entries}</feed>"
    entries = "".join(f"<item><title>{xml_escape(t)}</title><link>https://news.example/{i}</link>"
                      f"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>{body}</description></item>"
                      for i, (t, body) in enumerate(items))
    return f"<?xml version=\"1.0\" encoding=\"utf-8\"?>{prolog}<rss version=\"2.0\"><channel><title>Nordwire</title>" \
           f"{entries}</channel></rss>"


def warc_record(body: bytes, uri: str | None, rtype: str = "response", ctype: str = "text/html") -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n\r\n" + body if rtype == "response" else body
    head = [b"WARC/1.0", b"WARC-Type: " + rtype.encode(), b"WARC-Date: 2025-03-03T10:00:00Z",
            b"WARC-Record-ID: <urn:uuid:" + hashlib.sha1(body + rtype.encode() + (uri or "").encode("utf-8", "surrogateescape")).hexdigest()[:32].encode() + b">"]
    if uri is not None:
        head.append(b"WARC-Target-URI: " + uri.encode("utf-8", "surrogateescape"))
    head.append(b"Content-Type: " + (b"application/http; msgtype=response" if rtype == "response" else b"text/plain"))
    head.append(b"Content-Length: " + str(len(http)).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + http + b"\r\n\r\n"


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(2025, 3, 3, 10, 0, 0))
            info.filename = name  # keep '..' and leading '/' as a hostile archive would
            zf.writestr(info, data)
    return buf.getvalue()


def tar_bytes(members: list[tuple[str, bytes]], mode: str = "w:gz") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 1740996000
            tf.addfile(info, io.BytesIO(data))
    raw = buf.getvalue()  # compressed here: tarfile's gzip header would stamp the current time
    return {"w:gz": lambda: gzip.compress(raw, mtime=0), "w:bz2": lambda: bz2.compress(raw),
            "w:xz": lambda: lzma.compress(raw), "w": lambda: raw}[mode]()


def gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def random_json(rng: random.Random, depth: int = 0):
    r = rng.random()
    if depth > 3 or r < 0.35:
        return rng.choice([None, True, False, rng.randint(-10**6, 10**6), rng.random() * 1e6, -0.0, "",
                           word(rng, rng.randint(1, 30)), "\ud800", "2025-13-45", "x" * rng.randint(0, 3000),
                           float("nan") if rng.random() < 0.1 else 1e308])
    if r < 0.65:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ["title", "text", "html", "published", "date", "language", "lang", "author", "authors", "url", "outlet",
            "source", "body", "content", "extra", word(rng, 5)]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 6))}


HOSTILE_NAMES = [
    lambda rng: "[red]" + word(rng, 4) + ".txt",
    lambda rng: "x[/x]" + word(rng, 4) + ".txt",
    lambda rng: "[/]" + word(rng, 3) + "[bold].txt",
    lambda rng: "[link=http://evil.example]" + word(rng, 3) + ".txt",
    lambda rng: os.fsdecode(b"caf\xe9_" + word(rng, 4).encode() + b".txt"),  # latin-1 byte: not UTF-8
    lambda rng: os.fsdecode(b"\xff\xfe" + word(rng, 4).encode() + b".txt"),
    lambda rng: "esc\x1b[31mred\x1b[0m" + word(rng, 3) + ".txt",
    lambda rng: "bell\x07" + word(rng, 3) + ".txt",
    lambda rng: "cr\r" + word(rng, 3) + ".txt",
    lambda rng: "new\nline" + word(rng, 3) + ".txt",
    lambda rng: "tab\t" + word(rng, 3) + ".txt",
    lambda rng: "c1\u009b31m" + word(rng, 3) + ".txt",
    lambda rng: "bidi\u202e" + word(rng, 3) + "txt.exe.txt",
    lambda rng: "x" * rng.randint(150, 235) + ".txt",
    lambda rng: "\u00e9" * rng.randint(80, 115) + ".txt",  # 2 bytes each: near the 255-byte limit
    lambda rng: "bang!" + word(rng, 4) + ".txt",
    lambda rng: "a!b!" + word(rng, 3) + ".zip.txt",
    lambda rng: "hash#1" + word(rng, 3) + ".txt",
    lambda rng: "pct%s%d{}" + word(rng, 3) + ".txt",
    lambda rng: " lead and trail " + word(rng, 3) + ".txt ",
    lambda rng: "-" + word(rng, 3) + ".txt",
    lambda rng: "日本語の記事" + word(rng, 3) + ".txt",
    lambda rng: "emoji\U0001f4f0" + word(rng, 3) + ".txt",
    lambda rng: "dots..." + word(rng, 3) + "..txt",
]


def hostile_name(rng: random.Random) -> str:
    return rng.choice(HOSTILE_NAMES)(rng)


# ---------------------------------------------------------------------------------------------
# generators: one per kind, (rng) -> Case. Names without the batch token.

def g_good_txt(rng):
    m = marker(rng)
    sep = rng.choice(["\n\n", "\n", "\r\n\r\n", "\r\n"])
    return Case("good.txt", word(rng, 6) + rng.choice([".txt", ".md", ""]), text_doc(rng, m, sep).encode(), [m])


def g_good_txt_enc(rng):
    m = marker(rng)
    enc = rng.choice(["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "cp1251",
                      "shift_jis", "koi8-r", "iso-8859-2"])
    extra = {"cp1251": RU, "koi8-r": RU, "shift_jis": JA, "latin-1": FR + DE, "cp1252": FR + DE,
             "iso-8859-2": ["Rząd ogłosił nowy plan w poniedziałek."]}.get(enc, RU + JA)
    title, paras = article(rng, m)
    paras.insert(rng.randint(0, len(paras)), " ".join(extra))
    text = title + "\n\n" + "\n\n".join(paras) + "\n"
    text = text.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    return Case("good.txt_encoding", word(rng, 6) + ".txt", text.encode(enc, "replace"), [m], desc=enc)


def g_good_front_matter(rng):
    m = marker(rng)
    title, paras = article(rng, m)
    pub = rng.choice(["2025-03-14", "14 March 2025", "0000-00-00", "2025-02-30", "yesterday", "9999-99-99", "",
                      "2025-03-14T25:61:00Z", "-1", "1e308"])
    lang = rng.choice(["en", "EN", "english", "xx", "zz-ZZ", "", "de", "ja", "en" * 50])
    fm = f"---\ntitle: {title}\npublished: {pub}\nlanguage: {lang}\noutlet: Nordwire\n---\n"
    return Case("good.txt_front_matter", word(rng, 6) + ".txt", (fm + "\n\n".join(paras)).encode(), [m],
                desc=f"published={pub!r} language={lang!r}")


def g_good_html(rng):
    m = marker(rng)
    return Case("good.html", word(rng, 6) + rng.choice([".html", ".htm", ""]), html_doc(rng, m).encode(), [m])


def g_good_html_hostile(rng):
    """A valid article wrapped in hostile markup; the script/style/iframe words must not leak."""
    m = marker(rng)
    fs, fst, fi, fc = (forbidden(rng, w) for w in ("script", "style", "iframe", "comment"))
    junk = rng.choice(["entities", "huge_attr", "deep", "scripts", "all"])
    head = f"<style>.{fst} {{ content: '{fst}' }}</style><script>var a = '{fs}'; document.write('{fs}');</script>"
    body_extra = f"<iframe srcdoc=\"<p>{fi}</p>\">{fi}</iframe><!-- {fc} --><noscript><script>{fs}</script></noscript>"
    attrs = ""
    if junk in ("entities", "all"):
        body_extra += "<p>&amp;&lt;&gt;&#0;&#x110000;&#xD800;&#99999999999;&nbsp;&bogus;&#;&#x;</p>"
    if junk in ("huge_attr", "all"):
        attrs = f" data-x=\"{'A' * rng.randint(100_000, 2_000_000)}\""
    if junk in ("deep", "all"):
        d = rng.choice([300, 3000, 30_000])
        body_extra += "<div>" * d + "deep" + "</div>" * d
    return Case("good.html_hostile", word(rng, 6) + ".html", html_doc(rng, m, head, body_extra, attrs).encode(), [m],
                forbidden=[fs, fst, fi, fc], desc=junk)


def g_good_json(rng):
    m = marker(rng)
    return Case("good.json", word(rng, 6) + ".json", json.dumps(record(rng, m), ensure_ascii=rng.random() < 0.5).encode(),
                [m])


def g_good_json_list(rng):
    ms = [marker(rng) for _ in range(rng.randint(2, 4))]
    return Case("good.json_list", word(rng, 6) + ".json", json.dumps([record(rng, m) for m in ms]).encode(), ms)


def g_good_json_wrong_meta(rng):
    """A valid text with wrong-typed or absurd metadata: the article must still come out."""
    m = marker(rng)
    rec = record(rng, m)
    odd = [123, -1, 0, 1e308, 10**30, True, None, [], {}, ["a", 1], {"name": 5}, {"x": {"y": [1]}}, "", "   ",
           "2025-99-99", "0000-00-00", "\u0000", "x" * 100_000, "not a date", "1970-01-01T00:00:00+25:00",
           "2025-03-14T10:00:00" + "Z" * 50, "+275760-09-13", "\ud800"]
    for k in rng.sample(["title", "published", "language", "author", "url", "outlet", "date", "lang"], rng.randint(1, 4)):
        rec[k] = rng.choice(odd)
    s = json.dumps(rec)
    return Case("good.json_wrong_meta", word(rng, 6) + ".json", s.encode(), [m],
                desc=ascii({k: (v if not isinstance(v, str) or len(v) < 40 else f"<str {len(v)}>") for k, v in rec.items()
                            if k != "text"})[:300])


def g_good_json_lone_surrogate(rng):
    """Valid JSON whose text holds a lone surrogate escape: one bad character, not a lost article."""
    m = marker(rng)
    rec = record(rng, m)
    where = rng.choice(["text", "title", "author", "extra"])
    if where == "text":
        rec["text"] = rec["text"].replace(" plan", rng.choice([" \ud800plan", " plan\udfff", " \udc80"]) + " plan", 1)
    elif where == "extra":
        rec["note\udc00"] = "\ud83d"
    else:
        rec[where] = "Anna \ud800 Berg"
    return Case("good.json_lone_surrogate", word(rng, 6) + rng.choice([".json", ".jsonl"]), json.dumps(rec).encode(),
                [m], desc=where)


def g_good_json_deep_extra(rng):
    """A valid article with a deeply nested unknown field (kept in ``extra``)."""
    m = marker(rng)
    rec = record(rng, m)
    d = rng.choice([50, 200, 500, 900])
    rec_s = json.dumps(rec)[:-1] + ', "nested": ' + "[" * d + "1" + "]" * d + "}"
    return Case("good.json_deep_extra", word(rng, 6) + ".json", rec_s.encode(), [m], desc=f"depth {d}")


def g_good_jsonl(rng):
    ms = [marker(rng) for _ in range(rng.randint(2, 5))]
    sep = rng.choice(["\n", "\r\n"])
    return Case("good.jsonl", word(rng, 6) + rng.choice([".jsonl", ".ndjson", ".json"]),
                sep.join(json.dumps(record(rng, m)) for m in ms).encode() + b"\n", ms)


BAD_JSON_LINES = [
    ('{"title": "x", "text": "trunc', "truncated line"),
    ("42", "number"), ("null", "null"), ('"just a string"', "string"), ("[1, 2]", "array"),
    ('{"title": "no body"}', "no text field"), ('{"text": 12345}', "text is a number"),
    ('{"text": ["a", "b"]}', "text is a list"), ('{"text": {"nested": "x"}}', "text is an object"),
    ('{"text": null}', "text is null"), ('{"text": "   "}', "blank text"),
    ("[" * 5000 + "]" * 5000, "nested 5000 deep"),
    ('{"text": "x", "n": ' + "9" * 5000 + "}", "5000-digit integer"),
    ("{\"text\": \"caf\xe9\"}", "latin-1 byte in a UTF-8 line (recoverable: an article 'café' is fine)"),
    ("\x00\x01\x02", "binary"),
]


def g_mixed_jsonl(rng):
    """Good lines with bad lines among them: every good line an article, every bad line one error."""
    lines, ms, bad = [], [], []
    for _ in range(rng.randint(3, 7)):
        if rng.random() < 0.5:
            m = marker(rng)
            ms.append(m)
            lines.append(json.dumps(record(rng, m)).encode())
        else:
            s, what = rng.choice(BAD_JSON_LINES)
            bad.append(what)
            lines.append(s.encode("latin-1") if "\xe9" in s else s.encode())
    if not bad:
        s, what = rng.choice(BAD_JSON_LINES)
        bad.append(what)
        lines.insert(rng.randint(0, len(lines)), s.encode("latin-1") if "\xe9" in s else s.encode())
    n_bad = sum("recoverable" not in w for w in bad)
    return Case("mixed.jsonl", word(rng, 6) + ".jsonl", b"\n".join(lines) + b"\n", ms, n_errors=n_bad,
                desc="bad lines: " + ", ".join(bad))


def g_good_feed(rng):
    ms = [marker(rng) for _ in range(rng.randint(1, 3))]
    atom = rng.random() < 0.4
    items = []
    for m in ms:
        title, paras = article(rng, m)
        body = xml_escape("".join(f"<p>{p}</p>" for p in paras)) if rng.random() < 0.5 else xml_escape(" ".join(paras))
        items.append((title, body))
    return Case("good.feed", word(rng, 6) + rng.choice([".atom" if atom else ".rss", ".xml", ""]),
                rss(items, atom).encode(), ms, desc="atom" if atom else "rss")


def g_hostile_feed(rng):
    """Entity expansion, external entities, broken XML. The XXE target holds a forbidden word; a
    good item is included so that a parser that gives up loses it visibly."""
    m = marker(rng)
    title, paras = article(rng, m)
    kind = rng.choice(["billion_laughs", "quadratic", "xxe", "broken", "truncated", "bad_entity"])
    prolog, body, forb = "", xml_escape(" ".join(paras)), []
    if kind == "billion_laughs":
        ents = '<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
                                               for i in range(1, 10))
        prolog, body = f"<!DOCTYPE rss [{ents}]>", body + " &lol9;"
    elif kind == "quadratic":
        prolog, body = f'<!DOCTYPE rss [<!ENTITY a "{"A" * 50_000}">]>', body + " " + "&a;" * 2000
    elif kind == "xxe":
        prolog, body = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{SECRET_PATH}">]>', body + " &xxe;"
        forb = [SECRET_WORD]
    elif kind == "bad_entity":
        body = body.replace(" ", " &undefined; ", 1)
    xml = rss([(title, body)], atom=rng.random() < 0.3, prolog=prolog)
    if kind == "broken":
        xml = xml.replace("</description>", "</descr>", 1).replace("<channel>", "<channel><unclosed>", 1)
    elif kind == "truncated":
        xml = xml[: rng.randint(len(xml) // 2, len(xml) - 1)]
    good = kind in ("bad_entity",)  # a lenient parser keeps the item; the others may lose it
    return Case("hostile.feed", word(rng, 6) + rng.choice([".rss", ".xml"]), xml.encode(), [m] if good else [],
                n_errors=None, forbidden=forb, desc=kind)


def g_good_warc(rng):
    ms = [marker(rng) for _ in range(rng.randint(1, 3))]
    no_uri = rng.random() < 0.4
    recs = [warc_record(b"software: fuzz\r\n", None, "warcinfo")]
    for m in ms:
        recs.append(warc_record(b"GET / HTTP/1.1\r\n\r\n", f"https://news.example/{m}", "request"))
        recs.append(warc_record(html_doc(rng, m).encode(), None if no_uri else f"https://news.example/{m}"))
    recs.append(warc_record(b"\x89PNG\r\n\x1a\n", "https://news.example/logo.png", ctype="image/png"))
    zipped = rng.random() < 0.5
    data = b"".join(gz(r) for r in recs) if zipped else b"".join(recs)
    return Case("good.warc", word(rng, 6) + (".warc.gz" if zipped else ".warc"), data, ms,
                desc=("gzip " if zipped else "") + ("no URI" if no_uri else "with URI"))


def g_bad_warc(rng):
    m = marker(rng)
    kind = rng.choice(["truncated", "no_response", "bad_length", "garbage_after", "gz_truncated"])
    rec = warc_record(html_doc(rng, m).encode(), f"https://news.example/{m}")
    n_err: int | None = None
    if kind == "truncated":
        data, name = rec[: rng.randint(40, len(rec) - 10)], ".warc"
    elif kind == "no_response":
        data, name, n_err = warc_record(b"software: fuzz\r\n", None, "warcinfo"), ".warc", 1
    elif kind == "bad_length":
        data, name = rec.replace(b"Content-Length: ", b"Content-Length: 99", 1), ".warc"
    elif kind == "garbage_after":
        data, name = rec + os.urandom(0) + bytes(rng.randrange(256) for _ in range(200)), ".warc"
    else:
        z = gz(rec)
        data, name = z[: rng.randint(10, len(z) - 5)], ".warc.gz"
    return Case("bad.warc", word(rng, 6) + name, data, [], n_errors=n_err, desc=kind)


def g_good_archive(rng):
    """zip / tar.gz / .gz holding good articles (and, nested, an archive of them)."""
    fmt = rng.choice(["zip", "tar.gz", "tgz", "gz", "zip_in_zip", "tar_in_zip", "tar.bz2", "tar.xz"])
    ms = [marker(rng) for _ in range(rng.randint(1, 3))]
    members = [(f"2025/{word(rng, 5)}.{rng.choice(['txt', 'html', 'json'])}", b"") for _ in ms]
    members = [(n, (html_doc(rng, m) if n.endswith("html") else json.dumps(record(rng, m)) if n.endswith("json")
                    else text_doc(rng, m)).encode()) for (n, _), m in zip(members, ms)]
    if fmt == "gz":
        ms = ms[:1]
        return Case("good.archive", word(rng, 6) + ".txt.gz", gz(text_doc(rng, ms[0]).encode()), ms, desc=fmt)
    if fmt == "zip":
        data, ext = zip_bytes(members + [("__MACOSX/._x.txt", b"\x00\x05"), (".hidden.txt", b"x")]), ".zip"
    elif fmt in ("tar.gz", "tgz"):
        data, ext = tar_bytes(members), "." + fmt
    elif fmt == "tar.bz2":
        data, ext = tar_bytes(members, "w:bz2"), ".tar.bz2"
    elif fmt == "tar.xz":
        data, ext = tar_bytes(members, "w:xz"), ".tar.xz"
    elif fmt == "zip_in_zip":
        data, ext = zip_bytes([("inner.zip", zip_bytes(members))]), ".zip"
    else:
        data, ext = zip_bytes([("inner.tar.gz", tar_bytes(members))]), ".zip"
    return Case("good.archive", word(rng, 6) + ext, data, ms, desc=fmt)


def g_bad_archive(rng):
    """Archives with one bad thing each; the good member beside it must still come out."""
    m = marker(rng)
    good = (f"ok/{word(rng, 5)}.txt", text_doc(rng, m).encode())
    kind = rng.choice(["traversal", "absolute", "empty_member", "binary_member", "nested_twice", "corrupt_zip",
                       "corrupt_gz", "truncated_tgz", "markup_member", "non_utf8_member", "only_hidden",
                       "tar_traversal", "bad_json_member"])
    ms, n_err, ext = [m], 1, ".zip"
    if kind == "traversal":
        data = zip_bytes([good, (f"../../evil_{word(rng, 4)}.txt", b"evil text here")])
    elif kind == "absolute":
        data = zip_bytes([good, (f"/etc/evil_{word(rng, 4)}.txt", b"evil text here")])
    elif kind == "tar_traversal":
        data, ext = tar_bytes([good, (f"../evil_{word(rng, 4)}.txt", b"evil text here")]), ".tar.gz"
    elif kind == "empty_member":
        data = zip_bytes([good, ("empty.txt", b"")])
    elif kind == "binary_member":
        data = zip_bytes([good, ("junk.bin", bytes(rng.randrange(256) for _ in range(300)) + b"\x00")])
    elif kind == "bad_json_member":
        data = zip_bytes([good, ("broken.json", b'{"text": "unterminated')])
    elif kind == "markup_member":
        data = zip_bytes([good, (f"[/x][red]{word(rng, 3)}.txt", b"")])
    elif kind == "non_utf8_member":
        buf = zip_bytes([good, ("caf\u00e9_" + word(rng, 3) + ".txt", b"")])
        data = buf  # zipfile writes UTF-8 names with the flag; the member is empty: one error
    elif kind == "nested_twice":
        data = zip_bytes([good, ("a.zip", zip_bytes([("b.zip", zip_bytes([("c.txt", b"deep")]))]))])
    elif kind == "only_hidden":
        data, ms = zip_bytes([(".a.txt", b"hidden"), ("__MACOSX/._b.txt", b"x")]), []
    elif kind == "corrupt_zip":
        z = zip_bytes([good])
        data, ms = z[:30] + bytes(rng.randrange(256) for _ in range(len(z) - 30)), []
    elif kind == "corrupt_gz":
        z = gz(text_doc(rng, m).encode())
        data, ms, ext = z[:12] + bytes(rng.randrange(256) for _ in range(40)), [], ".txt.gz"
    else:
        z = tar_bytes([good, ("second.txt", text_doc(rng, marker(rng)).encode())])
        data, ms, n_err, ext = z[: rng.randint(20, len(z) - 4)], [], None, ".tgz"
    return Case("bad.archive", word(rng, 6) + ext, data, ms, n_errors=n_err, desc=kind)


def g_bad_single(rng):
    """A single-document file that cannot be an article: exactly one error naming it."""
    kind = rng.choice(["empty", "whitespace", "nul_text", "binary_bin", "json_truncated", "json_scalar", "json_no_text",
                       "json_text_wrong_type", "json_deep", "json_empty_list", "feed_no_items", "front_matter_only",
                       "bom_invalid_utf8", "json_huge_int", "html_empty"])
    name, data = word(rng, 6) + ".txt", b""
    if kind == "whitespace":
        data = rng.choice([b"   \n\t\n", b"\r\n" * 50, "\u00a0\u2003\n".encode(), b"\xef\xbb\xbf  \n"])
    elif kind == "nul_text":
        data = b"\x00" * 10 + os.urandom(0) + bytes(rng.randrange(256) for _ in range(200))
    elif kind == "binary_bin":
        name, data = word(rng, 6) + rng.choice([".bin", ""]), b"\x00\x01" + bytes(rng.randrange(256) for _ in range(500))
    elif kind == "json_truncated":
        s = json.dumps(record(rng, marker(rng)))
        name, data = word(rng, 6) + ".json", s[: rng.randint(1, len(s) - 2)].encode()
    elif kind == "json_scalar":
        name, data = word(rng, 6) + ".json", rng.choice([b"42", b"null", b"true", b'"a string"', b"-1e999"])
    elif kind == "json_no_text":
        name, data = word(rng, 6) + ".json", json.dumps({"title": "A headline", "published": "2025-03-03"}).encode()
    elif kind == "json_text_wrong_type":
        name, data = word(rng, 6) + ".json", json.dumps({"title": "t", "text": rng.choice([1, None, [], {}, True, 2.5])}).encode()
    elif kind == "json_deep":
        d = rng.choice([2000, 100_000])
        name, data = word(rng, 6) + ".json", (rng.choice(["[", '{"a":']) * d).encode()
    elif kind == "json_empty_list":
        name, data = word(rng, 6) + ".json", b"[]"
    elif kind == "json_huge_int":
        name, data = word(rng, 6) + ".json", b'{"text": "Some text here.", "n": ' + b"7" * 6000 + b"}"
    elif kind == "feed_no_items":
        name, data = word(rng, 6) + ".rss", rss([]).encode()
    elif kind == "front_matter_only":
        data = b"---\ntitle: Only metadata\npublished: 2025-03-03\n---\n\n"
    elif kind == "bom_invalid_utf8":
        data = b"\xef\xbb\xbfGood start \xff\xfe\xfd bad bytes " * 5
    elif kind == "html_empty":
        name, data = word(rng, 6) + ".html", b"<html><body></body></html>"
    return Case("bad.single", name, data, [], n_errors=1, desc=kind)


def g_random_bytes(rng):
    n = rng.choice([1, 2, 10, 100, 1000, 4000, rng.randint(0, 20_000)])
    head = rng.choice([b"", b"", b"PK\x03\x04", b"\x1f\x8b", b"WARC/1.0\r\n", b"<html>", b"{", b"[", b"<rss",
                       b"\xef\xbb\xbf", b"\xff\xfe", b"BZh9", b"\xfd7zXZ\x00", b"---\n"])
    data = head + bytes(rng.randrange(256) for _ in range(n))
    return Case("any.random_bytes", word(rng, 6) + rng.choice(SUFFIXES), data, [], n_errors=None,
                desc=f"head {head!r} + {n} random bytes")


def g_text_invalid(rng):
    """Mostly-good text with invalid sequences: the article (and its marker) should survive."""
    m = marker(rng)
    raw = text_doc(rng, m).encode()
    kind = rng.choice(["invalid_utf8", "surrogateescape", "surrogatepass", "overlong", "truncated_multibyte",
                       "mixed_encodings", "nul_in_middle", "controls"])
    cut = raw.index(b"\n") + 1  # damage after the title line, never inside the marker sentence's word
    if kind == "invalid_utf8":
        ins = bytes(rng.choice([0x80, 0xBF, 0xC0, 0xF5, 0xFF, 0xFE]) for _ in range(rng.randint(1, 6)))
    elif kind == "surrogateescape":
        ins = ("x\udce9\udcff y " * rng.randint(1, 3)).encode("utf-8", "surrogateescape")
    elif kind == "surrogatepass":
        ins = "a \ud800 b \udfff c ".encode("utf-8", "surrogatepass")
    elif kind == "overlong":
        ins = b"\xc0\xaf\xe0\x80\xaf"
    elif kind == "truncated_multibyte":
        ins = "日本".encode()[:4]
    elif kind == "mixed_encodings":
        ins = "Caf\u00e9 ".encode("latin-1") + "Привет ".encode("cp1251") + "naïve ".encode()
    elif kind == "nul_in_middle":
        ins = b"word\x00word "
    else:
        ins = b"\x1b[31m\x07\x08\x0b\x0c\x1b]0;title\x07 "
    data = raw[:cut] + ins + b"\n\n" + raw[cut:]
    return Case("any.text_invalid", word(rng, 6) + rng.choice([".txt", ""]), data, [m], desc=kind)


def g_json_random(rng):
    obj = random_json(rng)
    if rng.random() < 0.3:
        obj = [random_json(rng) for _ in range(rng.randint(0, 5))]
    s = json.dumps(obj, ensure_ascii=rng.random() < 0.5)
    enc = s.encode("utf-8", "surrogatepass")
    return Case("any.json_random", word(rng, 6) + rng.choice([".json", ".jsonl", ""]), enc, [], n_errors=None,
                desc=s[:200])


def g_json_huge(rng):
    """One valid article with huge fields beside it (title, author, unknown field, or the text)."""
    m = marker(rng)
    rec = record(rng, m)
    where = rng.choice(["title", "author", "blob", "text_long_word", "text_many_paras"])
    size = rng.choice([100_000, 1_000_000, 3_000_000])
    if where == "text_long_word":
        rec["text"] += "\n\n" + "a" * size
    elif where == "text_many_paras":
        rec["text"] += "\n\n" + "\n\n".join(["More."] * (size // 200))
    else:
        rec[where] = "B" * size
    return Case("any.json_huge", word(rng, 6) + ".json", json.dumps(rec).encode(), [m], desc=f"{where} {size}")


def g_html_broken(rng):
    m = marker(rng)
    s = html_doc(rng, m)
    kind = rng.choice(["truncated_end", "unclosed", "no_html_tag", "garbage_tags", "cdata", "xml_pi", "svg_script"])
    ms = [m]
    if kind == "truncated_end":
        s = s[: s.index("</article>") - rng.randint(0, 5)]
    elif kind == "unclosed":
        s = s.replace("</p>", "").replace("</article>", "").replace("</body>", "")
    elif kind == "no_html_tag":
        s = s[s.index("<body>"):]
    elif kind == "garbage_tags":
        s = s.replace("<p>", "<p><<<>>><a href=\"javascript:alert(1)\"><//a>< b>", 1)
    elif kind == "cdata":
        s = s.replace("<h1>", "<![CDATA[ ]]> <h1>", 1)
    elif kind == "xml_pi":
        s = '<?xml version="1.0" encoding="bogus-enc"?>' + s
    else:
        s = s.replace("</article>", "</article><svg><script>alert(1)</script></svg><math><mi>x</mi></math>", 1)
    return Case("any.html_broken", word(rng, 6) + ".html", s.encode(), ms, desc=kind)


def g_hostile_name_good(rng):
    m = marker(rng)
    name = hostile_name(rng)
    return Case("name.good", name, text_doc(rng, m).encode(), [m], desc="good text, hostile name")


def g_hostile_name_bad(rng):
    name = hostile_name(rng)
    return Case("name.bad", name, rng.choice([b"", b"  \n"]), [], n_errors=1, desc="empty file, hostile name")


def g_nested_dir(rng):
    m = marker(rng)
    sub = rng.choice(["dir", "[red]dir", "dir!x", os.fsdecode(b"d\xe9r"), "a/b/c", "sp ace"])
    return Case("good.nested_dir", f"{sub}/{word(rng, 5)}.txt", text_doc(rng, m).encode(), [m], desc=f"sub folder {sub!r}")


KINDS: dict[str, tuple[float, object]] = {  # kind: (weight, generator)
    "good.txt": (8, g_good_txt),
    "good.txt_encoding": (6, g_good_txt_enc),
    "good.txt_front_matter": (3, g_good_front_matter),
    "good.html": (5, g_good_html),
    "good.html_hostile": (3, g_good_html_hostile),
    "good.json": (4, g_good_json),
    "good.json_list": (2, g_good_json_list),
    "good.json_wrong_meta": (4, g_good_json_wrong_meta),
    "good.json_lone_surrogate": (2, g_good_json_lone_surrogate),
    "good.json_deep_extra": (1.5, g_good_json_deep_extra),
    "good.jsonl": (3, g_good_jsonl),
    "mixed.jsonl": (3, g_mixed_jsonl),
    "good.feed": (3, g_good_feed),
    "hostile.feed": (3, g_hostile_feed),
    "good.warc": (2.5, g_good_warc),
    "bad.warc": (2, g_bad_warc),
    "good.archive": (3, g_good_archive),
    "bad.archive": (4, g_bad_archive),
    "bad.single": (8, g_bad_single),
    "any.random_bytes": (8, g_random_bytes),
    "any.text_invalid": (4, g_text_invalid),
    "any.json_random": (5, g_json_random),
    "any.json_huge": (0.6, g_json_huge),
    "any.html_broken": (3, g_html_broken),
    "name.good": (4, g_hostile_name_good),
    "name.bad": (3, g_hostile_name_bad),
    "good.nested_dir": (1.5, g_nested_dir),
}

SECRET_WORD = "Zzsecretxxeleak"
SECRET_PATH = "/tmp/storyline_fuzz_secret.txt"  # what an XML external entity would read


def generate(n: int, seed: int, kinds: list[str] | None = None) -> list[Case]:
    """``n`` cases, deterministic for ``seed`` (case i depends only on seed and i)."""
    names = kinds or list(KINDS)
    weights = [KINDS[k][0] for k in names]
    out = []
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        k = rng.choices(names, weights)[0]
        case = KINDS[k][1](rng)  # type: ignore[operator]
        assert case.kind == k, (case.kind, k)
        out.append(case)
    return out


def one_of_each(seed: int) -> dict[str, Case]:
    """One case of every kind (the smoke test's check that every generator runs)."""
    return {k: KINDS[k][1](random.Random(f"{seed}:{k}")) for k in KINDS}  # type: ignore[operator]


# ---------------------------------------------------------------------------------------------
# running a batch and judging it

COUNTERS = ["inputs", "good_markers", "batches", "crash", "hang", "lost_good", "good_in_failed_batches",
            "wrong_error_count", "spurious_error", "silently_dropped", "unnamed_error_line", "mangled_name",
            "stray_stderr_line", "control_chars", "forbidden_leak"]


def write_batch(cases: list[Case], folder: Path) -> list[str]:
    """Write the cases under ``folder``, each name prefixed with its token; returns the relative names."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for j, c in enumerate(cases):
        rel = f"f{j:04d}_{c.name}"
        path = os.path.join(os.fsencode(folder), os.fsencode(rel))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(c.data)
        names.append(rel)
    return names


def run_cli(batch: Path, out: Path, src: str, timeout: float, workers: int = 2) -> dict:
    env = dict(os.environ, PYTHONPATH=src, _TYPER_STANDARD_TRACEBACK="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("COLUMNS", None)
    cmd = [sys.executable, "-m", "storyline.cli", "analyze", str(batch), "--out", str(out), "--workers", str(workers),
           "--no-cache", "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    try:
        so, se = proc.communicate(timeout=timeout)
        hang = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group (its workers too)
        so, se = proc.communicate()
        hang = True
    return {"rc": proc.returncode, "stdout": so.decode("utf-8", "surrogateescape"),
            "stderr": se.decode("utf-8", "surrogateescape"), "hang": hang, "seconds": time.perf_counter() - t0}


def renderings(s: str) -> set[str]:
    """Ways an error line may legitimately show a path: as is, or escaped."""
    controls = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", s)  # the \xNN of a source
    return {s, controls, os.path.normpath(s),  # a name with "//" in it is folders on disk: one "/" shows
            s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"),
            s.encode("utf-8", "backslashreplace").decode("utf-8"), ascii(s)[1:-1], repr(s)[1:-1]}


def split_stderr(stderr: str) -> tuple[list[str], list[str], str]:
    """(error lines, stray lines, traceback text) of one run's stderr."""
    errors, stray, tb = [], [], []
    in_tb = False
    for line in stderr.split("\n"):
        if "Traceback (most recent call last)" in line or "_RemoteTraceback" in line:
            in_tb = True
        if in_tb:
            tb.append(line)
        elif line.startswith("error: "):
            errors.append(line)
        elif line.strip():
            stray.append(line)
    return errors, stray, "\n".join(tb)


FRAME_RE = re.compile(r'File "([^"]*storyline/[^"]+)", line (\d+), in (\S+)')


def crash_class(tb: str, rc: int | None, wrote: bool) -> tuple[str, str, str]:
    """(exception, stage frame, message) of a crash."""
    frames = FRAME_RE.findall(tb)
    last = next((ln for ln in reversed(tb.strip().split("\n")) if ln and not ln.startswith(" ")), "")
    exc, _, msg = last.partition(": ")
    if not tb.strip():
        exc, msg = (f"exit code {rc}" if rc not in (0, 1) else "no analysis.json"), ""
    where = ""
    if frames:
        f, ln, fn = frames[-1]
        where = f"{f.split('storyline/', 1)[1]}:{fn}"
    return exc.strip(), where, msg.strip()[:300]


def judge(cases: list[Case], names: list[str], batch: Path, run: dict) -> dict:
    """Counters and failure examples of one batch run."""
    c: Counter = Counter(inputs=len(cases), batches=1, good_markers=sum(len(x.markers) for x in cases))
    fails: dict[str, list[dict]] = defaultdict(list)
    prefix = str(batch) + "/"
    token_re = re.compile(r"^error: " + re.escape(prefix) + r"(f\d{4})_")
    errors, stray, tb = split_stderr(run["stderr"])
    errors_of: dict[int, list[str]] = defaultdict(list)
    for line in errors:
        m = token_re.match(line)
        if not m:
            c["unnamed_error_line"] += 1
            fails["unnamed_error_line"].append({"line": ascii(line[:300])})
            continue
        j = int(m.group(1)[1:])
        errors_of[j].append(line)
        rest = line[len("error: ") + len(prefix):]
        if not any(rest.startswith(r) for r in renderings(names[j])):
            c["mangled_name"] += 1
            fails["mangled_name"].append({**cases[j].describe(names[j]), "line": ascii(line[:300])})
    for line in stray:
        c["stray_stderr_line"] += 1
        fails["stray_stderr_line"].append({"line": ascii(line[:300])})
    ctrl = CONTROL_RE.findall(run["stdout"] + "\n".join(errors + stray))
    if ctrl:
        c["control_chars"] += len(ctrl)
        fails["control_chars"].append({"chars": ascii("".join(sorted(set(ctrl)))),
                                       "lines": [ascii(ln[:200]) for ln in errors + stray if CONTROL_RE.search(ln)][:3]})
    analysis = Path(run["out"]) / "analysis.json"
    crashed = bool(tb.strip()) or run["rc"] not in (0, 1) or not analysis.exists()
    tail = "\n".join(run["stderr"].rstrip().split("\n")[-15:])
    if run["hang"]:
        c["hang"] += 1
        fails["hang"].append({"batch": str(batch), "seconds": round(run["seconds"], 1), "stderr_tail": tail})
    elif crashed:
        c["crash"] += 1
        exc, where, msg = crash_class(tb, run["rc"], analysis.exists())
        fails["crash"].append({"batch": str(batch), "rc": run["rc"], "exception": exc, "where": where, "message": msg,
                               "stderr_tail": tail})
    if run["hang"] or crashed or not analysis.exists():
        c["good_in_failed_batches"] += sum(len(x.markers) for x in cases)
        return {"counts": c, "fails": fails, "crash_key": (crash_class(tb, run["rc"], False)[:2] if crashed and not run["hang"]
                                                           else None)}
    try:
        data = json.loads(analysis.read_text(encoding="utf-8", errors="surrogateescape"))
    except ValueError as e:
        c["crash"] += 1
        fails["crash"].append({"batch": str(batch), "exception": "unreadable analysis.json", "message": str(e)[:200]})
        return {"counts": c, "fails": fails, "crash_key": ("unreadable analysis.json", "")}
    found: set[str] = set()
    leaked: set[str] = set()
    arts_of: Counter = Counter()
    src_re = re.compile(re.escape(prefix) + r"(f\d{4})_")
    for a in data.get("articles", []):
        blob = f"{a.get('title') or ''}\n{a.get('text') or ''}"
        found.update(MARKER_RE.findall(blob))
        leaked.update(FORBIDDEN_RE.findall(blob + json.dumps(a.get("extra") or {})))
        if (m := src_re.match(a.get("source") or "")):
            arts_of[int(m.group(1)[1:])] += 1
    for j, case in enumerate(cases):
        lost = [m for m in case.markers if m not in found]
        if lost:
            c["lost_good"] += len(lost)
            fails["lost_good"].append({**case.describe(names[j]), "lost": lost,
                                       "errors": [ascii(e[:300]) for e in errors_of[j]]})
        n = len(errors_of[j])
        if case.n_errors is not None and n != case.n_errors:
            key = "spurious_error" if case.n_errors == 0 else "wrong_error_count"
            c[key] += 1
            fails[key].append({**case.describe(names[j]), "error_lines": n, "errors": [ascii(e[:300]) for e in errors_of[j][:4]]})
        if case.must_account and not n and not arts_of[j]:
            c["silently_dropped"] += 1
            fails["silently_dropped"].append(case.describe(names[j]))
        bad = [w for w in case.forbidden if w in leaked]
        if bad:
            c["forbidden_leak"] += len(bad)
            fails["forbidden_leak"].append({**case.describe(names[j]), "leaked": bad})
    return {"counts": c, "fails": fails, "crash_key": None}


def bisect(cases: list[Case], key: tuple, src: str, work: Path, timeout: float, workers: int,
           budget: int = 14) -> Case | None:
    """One input of ``cases`` that alone reproduces the crash class ``key`` (None if it needs company)."""
    runs = 0

    # plain good inputs ride along in every trial: a lone input runs in-process (one chunk, no pool),
    # which would hide the crashes of the process boundary
    pad = [c for c in cases if c.kind == "good.txt"][:12]
    suspects = [c for c in cases if c not in pad]

    def reproduces(sub: list[Case]) -> bool:
        nonlocal runs
        runs += 1
        d = Path(tempfile.mkdtemp(dir=work, prefix="bis"))
        names = write_batch(sub + pad, d / "b")
        run = run_cli(d / "b", d / "o", src, timeout, workers)
        run["out"] = str(d / "o")
        res = judge(sub + pad, names, d / "b", run)
        shutil.rmtree(d, ignore_errors=True)
        return res["crash_key"] == key

    cur = suspects
    first = [c for c in cur if not c.kind.startswith("good.")]  # try the inputs that are not plain good ones first
    if first and reproduces(first):
        cur = first
    while len(cur) > 1 and runs < budget:
        half = len(cur) // 2
        a, b = cur[:half], cur[half:]
        if reproduces(a):
            cur = a
        elif reproduces(b):
            cur = b
        else:
            return None
    return cur[0] if len(cur) == 1 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="inputs (default 10,000)")
    ap.add_argument("--batch-size", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="600 inputs in 6 batches")
    ap.add_argument("--src", default=str(REPO / "src"), help="storyline sources under test (PYTHONPATH)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per batch before it counts as a hang")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--bisect", type=int, default=8, help="crash classes to reduce to one input (0: none)")
    ap.add_argument("--exclude", default="", help="comma-separated kinds not to generate (to look past a known crash)")
    ap.add_argument("--keep", action="store_true", help="keep the batch folders (printed)")
    ap.add_argument("--out", default=str(HERE / "results" / "fuzz.json"))
    args = ap.parse_args(argv)
    if args.quick:
        args.n = min(args.n, 600)
    Path(SECRET_PATH).write_text(f"{SECRET_WORD} must never be read\n", encoding="utf-8")
    t0 = time.perf_counter()
    kinds = [k for k in KINDS if k not in set(filter(None, args.exclude.split(",")))]
    cases = generate(args.n, args.seed, kinds)
    gen_s = time.perf_counter() - t0
    rng = random.Random(args.seed)
    order = list(range(len(cases)))
    rng.shuffle(order)
    batches = [[cases[i] for i in order[k:k + args.batch_size]] for k in range(0, len(order), args.batch_size)]
    work = Path(tempfile.mkdtemp(prefix="storyline_fuzz_"))
    total: Counter = Counter()
    examples: dict[str, list[dict]] = defaultdict(list)
    classes: dict[tuple, dict] = {}
    per_kind: dict[str, Counter] = defaultdict(Counter)
    batch_seconds = []
    print(f"{len(cases)} inputs in {len(batches)} batches (generated in {gen_s:.1f}s); work dir {work}", file=sys.stderr)
    t_run = time.perf_counter()
    for b, bcases in enumerate(batches):
        bdir, odir = work / f"b{b:03d}", work / f"o{b:03d}"
        names = write_batch(bcases, bdir)
        run = run_cli(bdir, odir, args.src, args.timeout, args.workers)
        run["out"] = str(odir)
        batch_seconds.append(run["seconds"])
        res = judge(bcases, names, bdir, run)
        total.update(res["counts"])
        for k, lst in res["fails"].items():
            for x in lst:
                per_kind[x.get("kind", "-")][k] += 1
                if len(examples[k]) < 5:
                    examples[k].append({"batch": b, **x})
        if (key := res["crash_key"]) is not None:
            cl = classes.setdefault(key, {"exception": key[0], "where": key[1], "batches": 0, "example": None,
                                          "first_batch": b})
            cl["batches"] += 1
            cl.setdefault("message", res["fails"]["crash"][0].get("message") if res["fails"].get("crash") else "")
            if cl["example"] is None and len([x for x in classes.values() if x.get("bisected")]) < args.bisect:
                cl["bisected"] = True
                culprit = bisect(bcases, key, args.src, work, args.timeout, args.workers)
                cl["example"] = culprit.describe() if culprit else "needs several inputs (not reduced)"
        print(f"batch {b + 1}/{len(batches)}: {run['seconds']:.1f}s rc={run['rc']} "
              + " ".join(f"{k}={v}" for k, v in res["counts"].items() if k not in ("inputs", "batches", "good_markers") and v),
              file=sys.stderr, flush=True)
        if not args.keep:
            shutil.rmtree(bdir, ignore_errors=True)
            shutil.rmtree(odir, ignore_errors=True)
    run_s = time.perf_counter() - t_run
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    by_kind = Counter(c.kind for c in cases)
    result = {
        "benchmark": "fuzz", "machine": machine_info(),
        "params": {"n": args.n, "seed": args.seed, "batch_size": args.batch_size, "workers": args.workers,
                   "timeout_s": args.timeout, "src": args.src, "quick": args.quick,
                   "excluded": [k for k in KINDS if k not in kinds]},
        "runtime": {"generate_s": round(gen_s, 1), "run_s": round(run_s, 1),
                    "mean_batch_s": round(run_s / max(1, len(batches)), 1), "max_batch_s": round(max(batch_seconds or [0]), 1),
                    "inputs_per_s": round(len(cases) / max(run_s, 1e-9), 2)},
        "counts": {k: total.get(k, 0) for k in COUNTERS},
        "inputs_by_kind": dict(sorted(by_kind.items())),
        "failures_by_kind": {k: dict(v) for k, v in sorted(per_kind.items())},
        "crash_classes": [{k: v for k, v in cl.items() if k != "bisected"} for cl in
                          sorted(classes.values(), key=lambda x: -x["batches"])],
        "examples": dict(examples),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
    print(json.dumps({"counts": result["counts"], "runtime": result["runtime"],
                      "crash_classes": [(c["exception"], c["where"], c["batches"]) for c in result["crash_classes"]]},
                     indent=1), file=sys.stderr)
    print(f"written {args.out}", file=sys.stderr)
    bad = sum(result["counts"][k] for k in COUNTERS if k not in ("inputs", "good_markers", "batches"))
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
