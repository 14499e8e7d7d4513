"""URLs fetched with httpx, defensively: the fetcher must not become a way into the user's network.

Every hop (the URL and each redirect) is resolved first and refused if any address is private,
loopback, link-local, reserved or multicast, unless the user allows private addresses. Redirects
are followed by hand, at most MAX_REDIRECTS, so each one is checked. Bodies are streamed with a
size cap and the content type must be one a reader understands. The timeout applies to each read, so a
server that drips a byte at a time could hold a batch for hours: every URL also has an overall
deadline (URL_DEADLINE, redirects included), enforced by a watchdog that shuts the connection's
socket down when it passes, wherever the fetch is waiting. Known gap: DNS may answer
differently between our check and httpx's own lookup (rebinding); pinning the address would break
TLS name checks, so it is not done here.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from .base import Item, ReadError, reader_for_content_type, sniff_reader

MAX_URL_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = 15.0  # per connect / read
URL_DEADLINE = 30.0  # whole fetch of one URL, redirects included
USER_AGENT = "storyline/0.1 (+https://github.com/storyline; news analysis)"


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
            or ip.is_unspecified or not ip.is_global)


def check_host(url: str, allow_private: bool) -> None:
    """Raise ValueError if ``url`` is not http(s) or resolves to an address we must not contact."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"unsupported scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise ValueError("no host in URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as e:
        raise ValueError(f"cannot resolve {host}: {e}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if _blocked(ip):
            raise ValueError(f"refusing private/loopback address {ip} for {host} (use --allow-private)")


def _check_peer(url: str, resp) -> None:
    """The address actually connected to, checked again: a name that resolved to a public address
    for :func:`check_host` may resolve to a private one a moment later (DNS rebinding). The body of
    such a response is never read."""
    stream = resp.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if not peer:
        return
    try:
        ip = ipaddress.ip_address(peer[0])
    except ValueError:
        return
    if _blocked(ip):
        raise ReadError(url, f"refusing private/loopback address {ip} reached after the check "
                             "(DNS changed; use --allow-private)")


class _Watchdog:
    """Shuts down the socket of the connection in use once the deadline passes. httpx waits per read,
    so without this a byte every few seconds keeps a fetch alive; a shut-down socket ends any wait at
    once. Sockets are learnt from httpcore's trace extension as connections are made."""

    def __init__(self, seconds: float):
        self.expired = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list = []
        self._timer = threading.Timer(max(seconds, 0.0), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def trace(self, event: str, info: dict) -> None:
        if event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if sock is not None:
                with self._lock:
                    self._sockets.append(sock)
                if self.expired.is_set():
                    self._shut(sock)

    @staticmethod
    def _shut(sock) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except (OSError, ValueError):
            pass

    def _expire(self) -> None:
        self.expired.set()
        with self._lock:
            for sock in self._sockets:
                self._shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def fetch(url: str, allow_private: bool = False, client=None) -> tuple[str, str, bytes]:
    """(final URL, content type, body) or ReadError naming the URL; at most URL_DEADLINE seconds."""
    import httpx

    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=False,
                                    headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                             "application/rss+xml,application/atom+xml,application/json,text/plain;q=0.8"})
    deadline = time.monotonic() + URL_DEADLINE
    dog = _Watchdog(URL_DEADLINE)
    expired = ReadError(url, f"timed out (no complete answer within {URL_DEADLINE:g} s)")
    current = url
    try:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                check_host(current, allow_private)
            except ValueError as e:
                raise ReadError(url, str(e)) from None
            left = deadline - time.monotonic()
            if left <= 0 or dog.expired.is_set():
                raise expired
            try:
                with client.stream("GET", current, timeout=httpx.Timeout(min(TIMEOUT, left)),
                                   extensions={"trace": dog.trace}) as resp:
                    if not allow_private:
                        _check_peer(url, resp)
                    if resp.is_redirect:
                        loc = resp.headers.get("location")
                        if not loc:
                            raise ReadError(url, f"redirect {resp.status_code} without location")
                        current = urljoin(current, loc)
                        continue
                    if resp.status_code >= 400:
                        raise ReadError(url, f"HTTP {resp.status_code}")
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > MAX_URL_BYTES:
                        raise ReadError(url, f"too large ({int(declared) // 1_000_000} MB)")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > MAX_URL_BYTES:
                            raise ReadError(url, f"too large (over {MAX_URL_BYTES // 1_000_000} MB)")
                        if dog.expired.is_set():
                            raise expired
                        chunks.append(chunk)
                    if dog.expired.is_set():  # a body without a length ends at the shut-down socket
                        raise expired
                    return current, resp.headers.get("content-type", ""), b"".join(chunks)
            except ReadError:
                raise
            except httpx.TimeoutException:
                raise (expired if dog.expired.is_set() else ReadError(url, "timed out")) from None
            except httpx.HTTPError as e:
                if dog.expired.is_set():
                    raise expired from None
                raise ReadError(url, f"unreachable: {type(e).__name__}: {e}") from None
            except Exception:
                if dog.expired.is_set():  # whatever a socket shut mid-read raised, the deadline is why
                    raise expired from None
                raise
        raise ReadError(url, f"more than {MAX_REDIRECTS} redirects")
    finally:
        dog.cancel()
        if own:
            client.close()


def read_url(url: str, allow_private: bool = False) -> Iterator[Item]:
    try:
        final, ctype, body = fetch(url, allow_private)
    except ReadError as e:
        yield e
        return
    reader = reader_for_content_type(ctype) if ctype else None
    if reader is None:
        reader = sniff_reader(body)
    if reader is None:
        if ctype.split(";")[0].strip().lower().startswith("text/"):
            from .text import read_txt

            reader = read_txt
        else:
            yield ReadError(url, f"unsupported content type {ctype or 'unknown'!r}")
            return
    try:
        for item in reader(url, body):
            if not isinstance(item, ReadError) and "url" not in item.meta:
                item = type(item)(item.source, item.content, item.kind, {**item.meta, "url": final})
            yield item
    except ReadError as e:
        yield e
