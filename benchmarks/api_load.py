"""The JSON API under load: 50 concurrent clients against the real server, endpoint by endpoint.

    .venv/bin/python benchmarks/api_load.py [--from DIR] [--clients 50] [--requests 400] [--runs 3]

Builds the demo store (``storyline analyze demo/corpus``; exit 1 is expected, the demo has broken
inputs on purpose) unless ``--from`` names one, then starts ``storyline serve`` from this checkout's
sources (uvicorn, one process, as users run it) on a free port in a subprocess. The driver is one
asyncio loop of bare keep-alive HTTP/1.1 connections (see :class:`Connection`), and its own CPU use
is recorded beside the numbers: on a small machine it shares the cores with the server.

Each endpoint is driven on its own, first by one client (the baseline) and then by ``--clients``
at once, for a fixed number of requests cycling over realistic URLs: the story list, one story, a
brief (JSON and Markdown), the entity list (all, by type), quotes by speaker, and search (names,
words, phrases, a query with no hit, several limits). Then "mix" sends all of them interleaved, and
"search_uncached" asks searches never asked before (see :class:`FreshSearches`): the server keeps
answers, and a benchmark of eleven queries repeated would otherwise measure only that. Per endpoint: requests/s, p50/p95/p99/max latency, errors, the server's CPU time per
request, and the ratio of each to the single-client baseline. Shared machines are noisy, so the
whole thing runs ``--runs`` times on one warm server and every figure reported is the median over
runs (each run is kept). Goal: p99 < 200 ms for story, entities and search under 50 clients.

Result: benchmarks/results/api_load.json.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_info  # noqa: E402

GOAL_MS = 200.0
GOAL_ENDPOINTS = ("story", "entities", "search")
CONTENT_LENGTH = re.compile(rb"(?im)^content-length:\s*(\d+)")
CLOSE = re.compile(rb"(?im)^connection:\s*close")
SEARCHES = [  # names, words, phrases, a query with no hit; (query, limit)
    ("Anna Kowalczyk", 20), ("Volkhov", 20), ("Marek Sobel", 5), ("grain", 20), ("helicopter", 50),
    ("inspection", 20), ("border mission vote", 20), ("grain talks at Port Selvik", 10),
    ("we are not asking for charity", 20), ("air cover", 200), ("zeppelin submarine", 20)]


def env() -> dict[str, str]:
    """This checkout's sources first, so the benchmark measures the code it sits beside."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}


def checkout() -> dict:
    """Which code was served: this checkout's commit, and whether its src/ had uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "src"], capture_output=True, text=True).stdout
    return {"commit": commit or None, "src_dirty": bool(dirty.strip())}


def build_store(out: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "storyline.cli", "analyze", str(ROOT / "demo" / "corpus"),
                        "--out", str(out), "--quiet"], env=env(), capture_output=True, text=True)
    if not (out / "analysis.json").is_file():  # exit 1 alone is the demo's broken inputs
        raise SystemExit(f"analyze failed ({p.returncode}):\n{p.stderr}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(folder: Path) -> Iterator[tuple[str, int]]:
    """``storyline serve`` on a free port; yields its base URL and pid once it answers."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "storyline.cli", "serve", "--from", str(folder),
                             "--port", str(port)], env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"server exited ({proc.returncode}):\n{proc.stderr.read().decode()}")
            try:
                with urlopen(f"{base}/api/stories", timeout=2) as r:
                    if r.status == 200:
                        break
            except (URLError, OSError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit("server did not answer within 60 s")
            time.sleep(0.2)
        yield base, proc.pid
    finally:
        proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def endpoint_urls(folder: Path) -> dict[str, list[str]]:
    """Realistic URLs per endpoint, taken from the analysis being served."""
    corpus = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
    stories = [s["id"] for s in corpus["stories"]]
    speakers: dict[str, int] = {}
    for q in corpus["quotes"]:
        if q.get("speaker"):
            speakers[q["speaker"]] = speakers.get(q["speaker"], 0) + 1
    top = sorted(speakers, key=lambda s: -speakers[s])[:4]
    types = sorted({e["type"] for e in corpus["entities"]})

    def url(path: str, **params: object) -> str:
        return f"{path}?{urlencode(params)}" if params else path

    return {
        "stories": [url("/api/stories"), url("/api/stories", limit=2)],
        "story": [url(f"/api/stories/{s}") for s in stories],
        "brief": [url(f"/api/stories/{s}/brief", format=f) for s in stories for f in ("json", "md")],
        "entities": [url("/api/entities"), *(url("/api/entities", type=t) for t in types)],
        "quotes": [url("/api/quotes", speaker=s) for s in top] + [url("/api/quotes", speaker=top[0].split()[-1])],
        "search": [url("/api/search", q=q, limit=n) for q, n in SEARCHES],
    }


class FreshSearches:
    """Two-word searches never asked before in this run of the benchmark (pairs of words from the
    served titles), so that no answer kept by the server helps: the cost of a search the first
    time it is asked."""

    def __init__(self, folder: Path):
        corpus = json.loads((folder / "analysis.json").read_text(encoding="utf-8"))
        words = sorted({w.lower() for a in corpus["articles"] for w in re.findall(r"[^\W\d_]{4,}", a["title"] or "")})
        pairs = list(itertools.combinations(words, 2))
        random.Random(1).shuffle(pairs)
        self.vocabulary = len(words)
        self._pairs = iter(pairs)

    def take(self, n: int) -> list[str]:
        return [f"/api/search?{urlencode({'q': f'{a} {b}'})}" for a, b in itertools.islice(self._pairs, n)]


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Connection:
    """One keep-alive HTTP/1.1 connection that GETs and reads the whole answer. Deliberately bare:
    httpx costs the driver about 4 ms of CPU per request at 50 connections, more than the server
    spends, so on a 2-core machine the driver, not the server, would be what is measured."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        length = CONTENT_LENGTH.search(head)
        if length is None:  # uvicorn sends a length with every non-streaming answer
            raise ConnectionError(f"no Content-Length in {head[:200]!r}")
        await self.reader.readexactly(int(length.group(1)))
        if CLOSE.search(head):
            await self.close()
        return int(head.split(b" ", 2)[1])

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def drive(base: str, urls: list[str], n: int, clients: int) -> dict:
    """``n`` GETs over ``urls`` (cycled) by ``clients`` concurrent keep-alive connections."""
    host, port = base.rsplit("/", 1)[1].rsplit(":", 1)
    todo = iter(range(n))
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def one_client(con: Connection) -> None:
        for i in todo:  # a shared iterator: each request is taken by exactly one client
            t0 = time.perf_counter()
            try:
                status = await con.get(urls[i % len(urls)])
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1
            except (OSError, asyncio.IncompleteReadError, ValueError) as e:
                errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                await con.close()
            latencies.append(time.perf_counter() - t0)

    cons = [Connection(host, int(port)) for _ in range(clients)]
    t0 = time.perf_counter()
    await asyncio.gather(*(one_client(c) for c in cons))
    wall = time.perf_counter() - t0
    for c in cons:
        await c.close()
    return {"latencies": latencies, "errors": errors, "wall": wall}


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with at least p % of the values at or below it."""
    k = max(0, min(len(sorted_values) - 1, -(-len(sorted_values) * p // 100) - 1))
    return sorted_values[int(k)]


def phase(base: str, pid: int, urls: list[str], n: int, clients: int) -> dict:
    cpu0, me0 = cpu_seconds(pid), time.process_time()
    got = asyncio.run(drive(base, urls, n, clients))
    server_cpu, driver_cpu = cpu_seconds(pid) - cpu0, time.process_time() - me0
    lat = sorted(got["latencies"])
    ms = {f"p{p}_ms": round(percentile(lat, p) * 1000, 1) for p in (50, 95, 99)}
    return {"requests": n, "clients": clients, "requests_per_s": round(n / got["wall"], 1), **ms,
            "max_ms": round(lat[-1] * 1000, 1), "errors": got["errors"],
            "server_cpu_ms_per_request": round(server_cpu * 1000 / n, 2),
            "driver_cpu_ms_per_request": round(driver_cpu * 1000 / n, 2)}


def one_run(base: str, pid: int, urls: dict[str, list[str]], fresh: FreshSearches,
            args: argparse.Namespace) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    mixed = [u for group in urls.values() for u in group]
    random.Random(0).shuffle(mixed)
    phases = [(name, group, group) for name, group in [*urls.items(), ("mix", mixed)]]
    phases.append(("search_uncached", fresh.take(args.single_requests), fresh.take(args.requests)))
    for name, one, many in phases:
        single = phase(base, pid, one, args.single_requests, 1)
        load = phase(base, pid, many, args.requests, args.clients)
        rows[name] = {"single": single, "load": load}
        print(f"  {name:9} 1 client {single['requests_per_s']:7.1f}/s p99 {single['p99_ms']:7.1f} ms | "
              f"{args.clients} clients {load['requests_per_s']:7.1f}/s p50 {load['p50_ms']:7.1f} "
              f"p99 {load['p99_ms']:7.1f} ms, errors {sum(load['errors'].values())}", file=sys.stderr)
    return rows


def median_rows(runs: list[dict[str, dict]]) -> dict[str, dict]:
    """Per endpoint and figure, the median over runs; ratios are of those medians."""
    out: dict[str, dict] = {}
    for name in runs[0]:
        row: dict[str, dict] = {}
        for side in ("single", "load"):
            figures = [r[name][side] for r in runs]
            row[side] = {k: statistics.median(f[k] for f in figures) for k, v in figures[0].items()
                         if isinstance(v, (int, float))}
            row[side]["errors"] = sum(sum(f["errors"].values()) for f in figures)
        s, ld = row["single"], row["load"]
        row["load_vs_single"] = {"requests_per_s": round(ld["requests_per_s"] / s["requests_per_s"], 2),
                                 "p99": round(ld["p99_ms"] / s["p99_ms"], 1)}
        out[name] = row
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="folder", help="an `analyze --out` folder to serve (default: build the demo)")
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint under load")
    ap.add_argument("--single-requests", type=int, default=100, help="requests per endpoint, one client")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "api_load.json"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="api_load_") as tmp:
        folder = Path(args.folder) if args.folder else Path(tmp) / "out"
        if not args.folder:
            print(f"building the demo store in {folder} ...", file=sys.stderr)
            build_store(folder)
        urls, fresh = endpoint_urls(folder), FreshSearches(folder)
        load0 = os.getloadavg()
        with server(folder) as (base, pid):
            phase(base, pid, [u for group in urls.values() for u in group], 200, 4)  # warm-up, not counted
            runs = []
            for i in range(args.runs):
                print(f"run {i + 1}/{args.runs}", file=sys.stderr)
                runs.append(one_run(base, pid, urls, fresh, args))
    result = median_rows(runs)
    out = {
        "clients": args.clients, "requests_per_endpoint": args.requests, "single_client_requests": args.single_requests,
        "runs": args.runs, "urls": urls, "uncached_search_vocabulary": fresh.vocabulary,
        "goal": {"p99_ms_below": GOAL_MS, "endpoints": list(GOAL_ENDPOINTS),
                 "met": all(result[e]["load"]["p99_ms"] < GOAL_MS for e in GOAL_ENDPOINTS)},
        "median_over_runs": result, "every_run": runs,
        "code": checkout(), "load_average_before": [round(x, 2) for x in load0],
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "machine": machine_info(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps({k: {"load": v["load"], "load_vs_single": v["load_vs_single"]} for k, v in result.items()},
                     indent=1))
    print(f"goal (p99 < {GOAL_MS:.0f} ms for {', '.join(GOAL_ENDPOINTS)}): {'met' if out['goal']['met'] else 'NOT met'}")


if __name__ == "__main__":
    main()
