"""URL fetching against a local server: private addresses refused by default, allowed on request."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyline.ingest.readers import read_inputs, url as url_reader
from storyline.ingest.readers.url import check_host

from .conftest import split

ARTICLE = (b"<!DOCTYPE html><html><head><title>Tram approved</title></head><body><article>"
           b"<h1>Tram approved</h1><p>Riverton's city council voted 31 to 18 late on Thursday to approve a "
           b"14-kilometre tram line linking the harbour to the university, ending two years of debate.</p>"
           b"<p>The mayor said the vote showed that the city was ready to invest in its future.</p>"
           b"</article></body></html>")
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
        b"<item><title>One</title><link>http://x.example/1</link><description>First item text.</description></item>"
        b"<item><title>Two</title><link>http://x.example/2</link><description>Second item text.</description></item>"
        b"</channel></rss>")


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        routes = {
            "/article": (200, "text/html; charset=utf-8", ARTICLE),
            "/feed": (200, "application/rss+xml", FEED),
            "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
            "/big": (200, "text/html", b"<html><body>" + b"x" * 50_000 + b"</body></html>"),
            "/missing": (404, "text/html", b"not found"),
        }
        if self.path.startswith("/redirect/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/redirect/{n - 1}" if n > 0 else "/article")
            self.end_headers()
            return
        if self.path == "/to-metadata":
            self.send_response(301)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        status, ctype, body = routes.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def fetch(url, allow_private=True):
    return split(list(read_inputs([url], allow_private=allow_private)))


def test_loopback_is_refused_by_default(server):
    docs, errors = fetch(f"{server}/article", allow_private=False)
    assert not docs and "refusing private/loopback" in str(errors[0]) and "--allow-private" in str(errors[0])


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "192.168.0.10", "169.254.169.254", "[::1]",
                                  "0.0.0.0", "[::ffff:127.0.0.1]"])
def test_private_addresses_are_refused(host):
    with pytest.raises(ValueError, match="refusing"):
        check_host(f"http://{host}/x", allow_private=False)


def test_non_http_schemes_are_refused():
    for u in ("file:///etc/passwd", "ftp://example.org/x", "gopher://x"):
        with pytest.raises(ValueError):
            check_host(u, allow_private=True)


def test_html_fetched_with_allow_private(server):
    docs, errors = fetch(f"{server}/article")
    assert not errors and docs[0].kind == "html" and docs[0].meta["url"].endswith("/article")
    from storyline.ingest.article import build_article

    a = build_article(docs[0])
    assert "city council voted 31 to 18" in a.text and a.title == "Tram approved"


def test_feed_url_uses_the_feed_reader(server):
    docs, errors = fetch(f"{server}/feed")
    assert [d.meta["title"] for d in docs] == ["One", "Two"] and not errors


def test_redirects_are_followed_and_limited(server):
    docs, errors = fetch(f"{server}/redirect/2")
    assert docs and docs[0].meta["url"].endswith("/article")
    docs, errors = fetch(f"{server}/redirect/9")
    assert not docs and "redirects" in str(errors[0])


def test_redirect_to_a_blocked_address_is_checked_again(server, monkeypatch):
    # the first hop is allowed (as if public), the redirect target is link-local metadata
    real = url_reader.check_host

    def check(u, allow_private):
        if u.startswith(server):
            return None
        return real(u, False)

    monkeypatch.setattr(url_reader, "check_host", check)
    monkeypatch.setattr(url_reader, "_check_peer", lambda url, resp: None)  # the local server plays a public one
    docs, errors = fetch(f"{server}/to-metadata", allow_private=False)
    assert not docs and "169.254.169.254" in str(errors[0])


def test_http_errors_content_type_and_size(server, monkeypatch):
    assert "HTTP 404" in str(fetch(f"{server}/missing")[1][0])
    assert "unsupported content type" in str(fetch(f"{server}/image")[1][0])
    monkeypatch.setattr(url_reader, "MAX_URL_BYTES", 10_000)
    assert "too large" in str(fetch(f"{server}/big")[1][0])


def test_unreachable_url_is_one_error_and_the_batch_goes_on(server):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    dead = s.getsockname()[1]
    s.close()
    docs, errors = split(list(read_inputs([f"http://127.0.0.1:{dead}/x", f"{server}/article"],
                                          allow_private=True)))
    assert len(docs) == 1 and len(errors) == 1 and "unreachable" in str(errors[0])


def test_dns_rebinding_is_caught_at_the_connected_address(server, monkeypatch):
    """The name passed the check (as if it resolved to a public address) but the connection went to
    loopback: the response is refused, its body unread."""
    monkeypatch.setattr(url_reader, "check_host", lambda u, allow_private: None)
    docs, errors = fetch(f"{server}/article", allow_private=False)
    assert not docs and "127.0.0.1" in str(errors[0]) and "DNS" in str(errors[0])
    docs, errors = fetch(f"{server}/article", allow_private=True)
    assert docs and not errors
