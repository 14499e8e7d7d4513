"""`storyline extract`: JSONL per input, one-line errors, exit code, private URLs refused by default."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

PAGE = ("Riverton Gazette\nHome | City | Sport\nTram line approved\nBy Olivia Marsh\nPublished: 4 April 2024\n\n"
        "Riverton's city council voted 31 to 18 late on Thursday to approve a 14-kilometre tram line linking "
        "the harbour to the university, ending two years of debate.\n\nAdvertisement\n\n"
        "The mayor said the vote showed that the city was ready to invest in its future.\n\n"
        "Translated from Swedish by DeepL\n")


def test_extract_json_lines_and_exit_code(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(PAGE.replace("4 April", "5 April"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    r = CliRunner().invoke(app, ["extract", str(tmp_path), "--json"])
    assert r.exit_code == 1  # one input failed
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    errors = [row for row in rows if "error" in row]
    arts = {Path(row["source"]).name: row for row in rows if "error" not in row}
    assert [Path(e["source"]).name for e in errors] == ["empty.txt"]
    a = arts["a.txt"]
    assert (a["title"], a["outlet"], a["byline"], a["published"]) == \
        ("Tram line approved", "Riverton Gazette", "Olivia Marsh", "2024-04-04")
    assert a["provenance"]["translated_by"] == "DeepL" and "machine_translated" in a["quality"]
    assert {"advert", "nav", "translation-credit"} <= {x["reason"] for x in a["removed"]}
    assert arts["copy.txt"]["duplicate_of"] == a["id"]


def test_extract_human_readable_lists_removed_lines(tmp_path: Path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    r = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert r.exit_code == 0
    assert "removed (advert): Advertisement" in r.stdout and "translated by DeepL from Swedish" in r.stdout


def test_extract_url_needs_allow_private_for_localhost(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Tram line approved</title></head><body><article><p>"
        + PAGE.split("\n\n")[1] + "</p></article></body></html>", encoding="utf-8")
    srv = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{srv.server_address[1]}/page.html"
    try:
        refused = CliRunner().invoke(app, ["extract", url, "--json"])
        assert refused.exit_code == 3 and "refusing" in refused.stdout  # its one input failed
        ok = CliRunner().invoke(app, ["extract", url, "--json", "--allow-private"])
        assert ok.exit_code == 0
        row = json.loads(ok.stdout.splitlines()[0])
        assert row["url"] == url and "voted 31 to 18" in row["text"]
    finally:
        srv.shutdown()
        srv.server_close()
