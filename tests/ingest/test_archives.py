"""Compressed files and archives (.gz, .zip, .tar, .tar.gz...): members read in memory through the
ordinary dispatch, one error per bad member naming ``archive!member``, limits against bombs."""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from storyline.ingest.article import article_id, build_article
from storyline.ingest.readers import read_inputs
from storyline.ingest.readers import archive, files

from .conftest import split

KORSA = ("Korsa closes border crossing at Lindhaven\n\n"
         "Korsa closed its busiest border crossing with Aldoria at Lindhaven on Friday, the interior ministry "
         "said, after two days of protests by hauliers over new customs checks on grain shipments.\n\n"
         "Queues of lorries stretched for eleven kilometres on the Aldorian side by the evening, and the port "
         "authority in Lindhaven said ferries to Varnia would run on a reduced timetable until Monday.\n")
ALDORIA = ("Aldoria's parliament approved a new fisheries agreement with Varnia on Thursday by 88 votes to "
           "41, ending a dispute over quotas in the northern strait that had lasted three years.\n\n"
           "The agreement allows boats from both countries to fish in a shared zone east of Lindhaven and "
           "sets up a joint commission to review quotas every spring.\n")
VARNIA = ("Varnia's central bank left its main interest rate unchanged at 4.5 percent on Wednesday, saying "
          "that inflation had eased for a third month but that wage growth remained strong.\n\n"
          "Economists had expected the decision, which the bank's board took unanimously.\n")
HTML = ("<!DOCTYPE html><html><head><title>Korsa closes border crossing at Lindhaven</title></head><body>"
        "<article><h1>Korsa closes border crossing at Lindhaven</h1>"
        + "".join(f"<p>{p}</p>" for p in KORSA.split("\n\n")[1:]) + "</article></body></html>")
JUNK = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def read(paths, **kw):
    return split(list(read_inputs(paths, **kw)))


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _tar(path: Path, members: dict[str, bytes | str], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            raw = data.encode() if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            tf.addfile(info, io.BytesIO(raw))
    return path


def _broken_gzip(text: str) -> bytes:
    data = bytearray(gzip.compress(text.encode() * 20))
    data[20:60] = b"\xff" * 40  # a damaged deflate stream
    return bytes(data)


def _batch(tmp_path: Path) -> Path:
    return _zip(tmp_path / "batch.zip", {
        "2025/korsa.html": HTML,
        "notes/aldoria.txt": ALDORIA,
        "img/logo.bin": JUNK,
        "broken.txt.gz": _broken_gzip(VARNIA),
        "__MACOSX/2025/._korsa.html": b"\x00\x05\x16\x07junk",  # macOS resource fork: skipped
        "empty-folder/": b"",
    })


def test_zip_good_members_are_articles_bad_ones_one_error_each(tmp_path: Path):
    path = _batch(tmp_path)
    docs, errors = read([path])
    assert sorted(d.source for d in docs) == [f"{path}!2025/korsa.html", f"{path}!notes/aldoria.txt"]
    assert {d.source: d.kind for d in docs}[f"{path}!2025/korsa.html"] == "html"
    assert sorted(e.source for e in errors) == [f"{path}!broken.txt.gz", f"{path}!img/logo.bin"]
    assert all("\n" not in str(e) and str(e).startswith(f"{path}!") for e in errors)
    assert "binary" in str(next(e for e in errors if e.source.endswith("logo.bin")))
    arts = {a.source.rsplit("!", 1)[1]: a for a in map(build_article, docs)}
    assert arts["2025/korsa.html"].title == "Korsa closes border crossing at Lindhaven"
    assert arts["2025/korsa.html"].text.startswith("Korsa closed its busiest border crossing")
    assert arts["notes/aldoria.txt"].text.startswith("Aldoria's parliament approved")


def test_member_ids_are_stable(tmp_path: Path):
    path = _batch(tmp_path)
    first = [build_article(d) for d in read([path])[0]]
    again = [build_article(d) for d in read([path])[0]]
    assert [a.id for a in first] == [a.id for a in again]
    assert all(a.id == article_id(a.source, a.text) and "!" in a.source for a in first)


def test_html_gz_is_read_as_html_and_text_gz_as_text(tmp_path: Path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ALDORIA.encode("cp1252")))
    (tmp_path / "x.json.gz").write_bytes(gzip.compress(json.dumps(
        {"title": "Rates on hold in Varnia", "outlet": "Nordwire", "text": VARNIA}).encode()))
    (tmp_path / "plain.gz").write_bytes(gzip.compress(VARNIA.encode()))  # no inner type: sniffed, text
    docs, errors = read([tmp_path])
    assert not errors
    by = {Path(d.source).name: d for d in docs}
    assert set(by) == {"page.html.gz!page.html", "a.txt.gz!a.txt", "x.json.gz!x.json", "plain.gz!plain"}
    assert by["page.html.gz!page.html"].kind == "html"
    assert by["a.txt.gz!a.txt"].kind == "text" and by["a.txt.gz!a.txt"].content.startswith("Aldoria's")
    assert by["x.json.gz!x.json"].meta["outlet"] == "Nordwire"
    assert build_article(by["page.html.gz!page.html"]).text.startswith("Korsa closed its busiest")


def test_tar_gz_with_nested_folders_and_other_compressions(tmp_path: Path):
    members = {"./2025/03/korsa.txt": KORSA, "2025/04/varnia/rates.html":
               HTML.replace("Korsa closes", "Varnia holds"), "2025/.DS_Store": JUNK}
    paths = [_tar(tmp_path / "news.tar.gz", members), _tar(tmp_path / "news.tgz", members),
             _tar(tmp_path / "news.tar", members, "w"), _tar(tmp_path / "news.tar.bz2", members, "w:bz2"),
             _tar(tmp_path / "news.tar.xz", members, "w:xz")]
    for path in paths:
        docs, errors = read([path])
        assert not errors, errors
        assert sorted(d.source for d in docs) == [f"{path}!2025/03/korsa.txt", f"{path}!2025/04/varnia/rates.html"]


def test_tar_links_devices_and_unsafe_paths_never_touch_disk(tmp_path: Path):
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tf:
        for name, data in {"ok/korsa.txt": KORSA, "../../escape.txt": ALDORIA, "/tmp/absolute.txt": VARNIA}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data.encode())
            tf.addfile(info, io.BytesIO(data.encode()))
        for kind, name in ((tarfile.SYMTYPE, "ok/passwd"), (tarfile.LNKTYPE, "ok/hard"), (tarfile.CHRTYPE, "ok/tty"),
                           (tarfile.FIFOTYPE, "ok/fifo"), (tarfile.DIRTYPE, "ok/sub")):
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, "/etc/passwd"
            tf.addfile(info)
    before = sorted(p.name for p in tmp_path.parent.rglob("*"))
    docs, errors = read([path])
    assert [d.source for d in docs] == [f"{path}!ok/korsa.txt"]
    assert sorted(str(e) for e in errors) == [f"{path}!../../escape.txt: member path with '..' refused",
                                              f"{path}!/tmp/absolute.txt: absolute member path refused"]
    assert sorted(p.name for p in tmp_path.parent.rglob("*")) == before  # nothing written anywhere
    assert not Path("/tmp/absolute.txt").exists() or Path("/tmp/absolute.txt").read_text() != VARNIA


def test_zip_traversal_and_symlink_members(tmp_path: Path):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("../outside.txt", ALDORIA)
        zf.writestr("fine.txt", KORSA)
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16)  # a symlink as Info-ZIP stores it
        zf.writestr(link, "/etc/passwd")
    docs, errors = read([path])
    assert [d.source for d in docs] == [f"{path}!fine.txt"]
    assert [str(e) for e in errors] == [f"{path}!../outside.txt: member path with '..' refused"]
    assert not (tmp_path.parent / "outside.txt").exists()


def test_gzip_bomb_member_is_refused_without_reading_it_all(tmp_path: Path):
    (tmp_path / "zeros.txt.gz").write_bytes(gzip.compress(bytes(60 * 1024 * 1024), compresslevel=1))
    (tmp_path / "good.txt").write_text(KORSA)
    docs, errors = read([tmp_path])
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    (e,) = errors
    assert e.source.endswith("zeros.txt.gz!zeros.txt")
    assert "over 50 MB" in e.reason and "decompression bomb" in e.reason


def test_zip_member_over_the_limit_and_total_over_the_limit(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1_000_000)
    big = _zip(tmp_path / "big.zip", {"a.txt": KORSA, "huge.txt": "Lindhaven " * 200_000, "b.txt": ALDORIA})
    docs, errors = read([big])
    assert [d.source.rsplit("!", 1)[1] for d in docs] == ["a.txt", "b.txt"]
    assert [e.source for e in errors] == [f"{big}!huge.txt"] and "decompression bomb" in errors[0].reason

    monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", 1_500_000)
    many = _zip(tmp_path / "many.zip", {f"{i}.txt": f"Report {i}. " + "Lindhaven " * 90_000 for i in range(4)})
    docs, errors = read([many])
    assert [d.source.rsplit("!", 1)[1] for d in docs] == ["0.txt"]
    (e,) = errors
    assert e.source == str(many) and "in total" in e.reason and "not read" in e.reason


def test_tar_gz_total_limit_stops_decompression(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ARCHIVE_BYTES", 2_000_000)
    path = _tar(tmp_path / "bomb.tar.gz", {"a.txt": KORSA, "zeros.bin": bytes(5_000_000), "b.txt": ALDORIA})
    docs, errors = read([path])
    assert [d.source for d in docs] == [f"{path}!a.txt"]
    assert [e.source for e in errors] == [str(path)] and "decompression bomb" in errors[0].reason


def test_member_count_is_capped(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    path = _zip(tmp_path / "five.zip", {f"{i}.txt": KORSA.replace("Friday", f"day {i}") for i in range(5)})
    docs, errors = read([path])
    assert len(docs) == 3
    assert [e.source for e in errors] == [str(path)] and "more than 3 members" in errors[0].reason


def test_corrupt_archives_are_one_error_naming_the_archive(tmp_path: Path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    (tmp_path / "bad.tar.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 500)
    (tmp_path / "bad.txt.gz").write_bytes(gzip.compress(KORSA.encode())[:40])  # truncated
    (tmp_path / "bad.tar").write_bytes(b"not a tar at all " * 100)
    docs, errors = read([tmp_path])
    assert not docs
    assert sorted(Path(e.source).name for e in errors) == ["bad.tar", "bad.tar.gz", "bad.txt.gz", "bad.zip"]
    assert all("\n" not in str(e) for e in errors)


def test_nested_archive_one_level_deep(tmp_path: Path):
    inner = io.BytesIO()
    with tarfile.open(fileobj=inner, mode="w:gz") as tf:
        info = tarfile.TarInfo("wire/varnia.txt")
        info.size = len(VARNIA.encode())
        tf.addfile(info, io.BytesIO(VARNIA.encode()))
    deepest = io.BytesIO()
    with zipfile.ZipFile(deepest, "w") as zf:
        zf.writestr("a.txt", KORSA)
    middle = io.BytesIO()
    with zipfile.ZipFile(middle, "w") as zf:
        zf.writestr("deeper.zip", deepest.getvalue())
    path = _zip(tmp_path / "outer.zip", {"inner.tar.gz": inner.getvalue(), "page.html.gz": gzip.compress(HTML.encode()),
                                         "middle.zip": middle.getvalue()})
    docs, errors = read([path])
    assert sorted(d.source for d in docs) == [f"{path}!inner.tar.gz!wire/varnia.txt",
                                              f"{path}!page.html.gz!page.html"]
    assert [e.source for e in errors] == [f"{path}!middle.zip!deeper.zip"] and "nested" in errors[0].reason


def test_warc_gz_still_streamed_alone_and_inside_a_zip(tmp_path: Path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://nordwire.example/korsa", "response",
                                        payload=io.BytesIO(HTML.encode()), http_headers=headers))
    (tmp_path / "crawl.warc.gz").write_bytes(buf.getvalue())
    (tmp_path / "crawl.bin").write_bytes(buf.getvalue())  # sniffed: a gzipped WARC, not a plain gzip
    (tmp_path / "crawl.gz").write_bytes(buf.getvalue())  # and under a plain .gz name
    _zip(tmp_path / "crawls.zip", {"crawl.warc.gz": buf.getvalue()})
    docs, errors = read([tmp_path])
    assert not errors
    assert sorted(d.source.removeprefix(f"{tmp_path}/") for d in docs) == [
        "crawl.bin#https://nordwire.example/korsa", "crawl.gz#https://nordwire.example/korsa",
        "crawl.warc.gz#https://nordwire.example/korsa",
        "crawls.zip!crawl.warc.gz#https://nordwire.example/korsa"]
    assert files.reader_for_name("x.warc.gz").__name__ == "read_warc"


def test_sniffed_by_magic_bytes_on_stdin_and_unknown_suffixes(tmp_path: Path, monkeypatch):
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_STORED) as zf:  # stored: the HTML shows through
        zf.writestr("korsa.html", HTML)
        zf.writestr("aldoria.txt", ALDORIA)
    (tmp_path / "download.bin").write_bytes(zipped.getvalue())
    docs, errors = read([tmp_path / "download.bin"])
    assert not errors and sorted(d.source.rsplit("!", 1)[1] for d in docs) == ["aldoria.txt", "korsa.html"]

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(HTML.encode()))))
    docs, errors = read(["-"])
    assert not errors and docs[0].kind == "html" and docs[0].source == "<stdin>!<stdin>"

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(zipped.getvalue())))
    docs, errors = read(["-"])
    assert not errors and sorted(d.source for d in docs) == ["<stdin>!aldoria.txt", "<stdin>!korsa.html"]


def test_office_documents_are_not_opened_as_archives(tmp_path: Path):
    doc = io.BytesIO()
    with zipfile.ZipFile(doc, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "report.docx").write_bytes(doc.getvalue())
    docs, errors = read([tmp_path / "report.docx"])
    assert not docs and len(errors) == 1 and "binary" in errors[0].reason


def test_archives_in_folders_are_read_like_any_file(tmp_path: Path):
    sub = tmp_path / "inbox" / "march"
    sub.mkdir(parents=True)
    _zip(sub / "batch.zip", {"korsa.html": HTML})
    (tmp_path / "inbox" / "aldoria.txt.gz").write_bytes(gzip.compress(ALDORIA.encode()))
    (tmp_path / "inbox" / "varnia.txt").write_text(VARNIA)
    assert sorted(p.name for p in files.expand_paths([tmp_path])) == ["aldoria.txt.gz", "batch.zip", "varnia.txt"]
    docs, errors = read([tmp_path])
    assert not errors
    assert sorted(Path(d.source).name for d in docs) == ["aldoria.txt.gz!aldoria.txt", "batch.zip!korsa.html",
                                                         "varnia.txt"]


def test_archive_larger_than_a_document_is_streamed_from_disk(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 500)  # a plain file this size would be refused
    path = _zip(tmp_path / "batch.zip", {"korsa.txt": KORSA, "aldoria.txt": ALDORIA, "varnia.txt": VARNIA})
    assert path.stat().st_size > 500
    docs, errors = read([path])
    assert len(docs) == 3 and not errors


@pytest.fixture
def storyline_bin() -> Path:
    exe = Path(sys.executable).with_name("storyline")
    if not exe.exists():
        pytest.skip("the storyline console script is not installed next to this python")
    return exe


def test_cli_extract_zip_json(tmp_path: Path, storyline_bin: Path):
    path = _batch(tmp_path)
    r = subprocess.run([str(storyline_bin), "extract", str(path), "--json"], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 1
    rows = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
    arts = {row["source"].rsplit("!", 1)[1]: row for row in rows if "error" not in row}
    assert set(arts) == {"2025/korsa.html", "notes/aldoria.txt"}
    assert arts["2025/korsa.html"]["title"] == "Korsa closes border crossing at Lindhaven"
    err_lines = [ln for ln in r.stderr.splitlines() if "error:" in ln]
    assert len(err_lines) == 2
    assert any(f"{path}!img/logo.bin" in ln for ln in err_lines)
    assert any(f"{path}!broken.txt.gz" in ln for ln in err_lines)
