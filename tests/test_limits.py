"""Limits ("Nothing lost"): inputs that never end must end as one error, and the batch goes on.

Each slow or endless case runs under a guard, so a regression fails the test instead of hanging the
suite."""

from __future__ import annotations

import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from storyline.ingest.readers import RawDoc, ReadError, read_inputs
from storyline.ingest.readers import base as readers_base
from storyline.ingest.readers import files as files_reader
from storyline.ingest.readers import url as url_reader

PAGE = (b"<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>"
        b"<p>The harbour board of Eastmere agreed on Monday to add two evening crossings to the winter "
        b"ferry timetable, after months of complaints from commuters on the island.</p></article></body></html>")


def guarded(fn, seconds: float):
    """fn() in a daemon thread; (result, elapsed) or a test failure after ``seconds``."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - reported below
            box["error"] = e

    t0 = time.monotonic()
    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        pytest.fail(f"still running after {seconds} s: a limit is missing")
    if "error" in box:
        raise box["error"]
    return box["value"], time.monotonic() - t0


def split(items):
    return [i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, ReadError)]


class Drip(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        try:
            if self.path == "/page":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)
                return
            if self.path == "/slow-headers":  # the status line and headers, one byte a second
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"p" * 200 + b"\r\n\r\n"
                for i in range(len(head)):
                    self.wfile.write(head[i:i + 1])
                    self.wfile.flush()
                    time.sleep(0.25)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(600):  # a body without a length, one byte every quarter second
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.25)
        except (BrokenPipeError, ConnectionResetError, OSError):
            return


@pytest.fixture(scope="module")
def drip_server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("path", ["/drip", "/slow-headers"])
def test_a_dripping_url_stops_at_the_overall_deadline_and_the_batch_goes_on(drip_server, monkeypatch, path):
    monkeypatch.setattr(url_reader, "URL_DEADLINE", 1.5)
    url = f"{drip_server}{path}"
    (docs, errors), elapsed = guarded(
        lambda: split(list(read_inputs([url, f"{drip_server}/page"], allow_private=True))), 20)
    assert len(errors) == 1 and len(docs) == 1
    msg = str(errors[0])
    assert url in msg and "timed out" in msg and "\n" not in msg
    assert elapsed < 6  # the deadline, not the per-read timeout, ended the dripping URL


def test_url_deadline_is_a_named_limit():
    assert 0 < url_reader.URL_DEADLINE <= 60 and url_reader.MAX_URL_BYTES > 0


# -- files that never end ---------------------------------------------------------------------------

def read_in_child(*paths: str | Path, seconds: float = 20) -> list[str]:
    """read_inputs over ``paths`` in a child process, killed after ``seconds``: a regression that reads
    forever fails here instead of hanging (or filling the memory of) the test run. One line per item:
    'doc <source>' or 'error <message>'."""
    import subprocess
    import sys

    import storyline

    code = ("import sys\nfrom storyline.ingest.readers import ReadError, read_inputs\n"
            "for i in read_inputs(sys.argv[1:]):\n"
            "    print(('error ' + str(i)) if isinstance(i, ReadError) else ('doc ' + i.source), flush=True)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(storyline.__file__).parents[1])}
    try:
        res = subprocess.run([sys.executable, "-c", code, *map(str, paths)], capture_output=True, text=True,
                             timeout=seconds, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"still reading after {seconds} s: a limit is missing")
    assert res.returncode == 0, res.stderr
    return res.stdout.splitlines()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_read(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    ok = tmp_path / "ok.txt"
    ok.write_text("The harbour board of Eastmere agreed on Monday to add two evening crossings.\n")
    assert read_in_child(fifo, ok) == [f"error {fifo}: not a regular file", f"doc {ok}"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_dev_zero_is_not_read(tmp_path: Path):
    link = tmp_path / "zero.txt"  # a harmless-looking name pointing at a device
    link.symlink_to("/dev/zero")
    assert read_in_child("/dev/zero", link) == ["error /dev/zero: not a regular file",
                                                f"error {link}: not a regular file"]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets here")
def test_a_socket_is_not_read(tmp_path: Path):
    path = tmp_path / "s.sock"
    s = socket.socket(socket.AF_UNIX)
    try:
        s.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a unix socket here")
    try:
        (docs, errors), _ = guarded(lambda: split(list(read_inputs([path]))), 10)
    finally:
        s.close()
    assert not docs and "not a regular file" in str(errors[0])


def test_the_size_cap_counts_bytes_read_not_the_stat_size(tmp_path: Path, monkeypatch):
    """A file whose stat size lies (a /proc file says 0, a growing file says less) is still capped."""
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 400)
    monkeypatch.setattr(readers_base, "MAX_BYTES", 1000)
    monkeypatch.setattr(files_reader, "MAX_BYTES", 1000)

    class Lying:
        def __init__(self, st):
            self._st = st

        def __getattr__(self, name):
            return 0 if name == "st_size" else getattr(self._st, name)

    real_fstat = os.fstat
    monkeypatch.setattr(files_reader.os, "fstat", lambda fd: Lying(real_fstat(fd)))
    real_path_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **kw: Lying(real_path_stat(self, **kw)))
    docs, errors = split(list(read_inputs([big])))
    assert not docs and len(errors) == 1 and "too large" in str(errors[0])
    small = tmp_path / "small.txt"
    small.write_bytes(b"The ferry runs twice in the evening now. " * 10)
    docs, errors = split(list(read_inputs([small])))
    assert len(docs) == 1 and not errors
