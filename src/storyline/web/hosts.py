"""Which Host names the server answers to: the rest get a 400, so a page on another name that
resolves to this machine (DNS rebinding) cannot read the data."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def _host_pattern(host: str) -> str:
    """A host as Starlette compares it: lower case, IPv6 literals in brackets."""
    host = host.strip().lower()
    try:
        if isinstance(ipaddress.ip_address(host.strip("[]")), ipaddress.IPv6Address):
            return f"[{host.strip('[]')}]"
    except ValueError:
        pass
    return host


def trusted_hosts(allowed_hosts: Iterable[str] | None = None, bind_host: str | None = None) -> list[str]:
    """localhost, 127.0.0.1 and ::1, the address the server binds to (not a wildcard one: binding every
    interface does not make every name trusted), and any names given; "*" allows any host."""
    hosts = [*LOCAL_HOSTS, *(allowed_hosts or ())]
    if bind_host and bind_host.strip("[]") not in ("0.0.0.0", "::", ""):
        hosts.append(bind_host)
    return list(dict.fromkeys(h if h == "*" else _host_pattern(h) for h in hosts if h and h.strip()))
