"""Screenshots of the reader for the README, taken in Debian's Chromium through Playwright.

    .venv/bin/python benchmarks/screenshots.py [--from OUT]   (default: analyses demo/corpus first)

Writes benchmarks/results/screenshots/{home,story,quotes,article}.png at 1280 px and
story_375.png at phone width. The pages are the ones the browser tests check (tests/web/browser).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web" / "browser"))

from conftest import CHROMIUM_ARGS, _free_port  # noqa: E402  (one set of launch flags for tests and this)

from storyline.model import Corpus  # noqa: E402
from storyline.web.app import create_app  # noqa: E402

OUT = ROOT / "benchmarks" / "results" / "screenshots"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="folder", help="an analyze --out folder (default: analyse the demo)")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.folder or tmp)
        if not args.folder:
            subprocess.run([str(Path(sys.executable).parent / "storyline"), "analyze", str(ROOT / "demo" / "corpus"),
                            "--out", str(folder), "--quiet"], check=False)
        corpus = Corpus.model_validate_json((folder / "analysis.json").read_text(encoding="utf-8"))
        story = max(corpus.stories, key=lambda s: len(s.article_ids))
        quote = next(q for q in corpus.quotes if q.speaker)
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(folder), host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        pages = {"home": "/", "story": f"/stories/{story.id}", "quotes": "/quotes",
                 "article": f"/articles/{quote.span.article_id}?start={quote.span.start}&end={quote.span.end}"}
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            for width, suffix in ((1280, ""), (375, "_375")):
                page = browser.new_page(viewport={"width": width, "height": 1000})
                for name, path in pages.items():
                    if suffix and name != "story":
                        continue
                    page.goto(base + path)
                    page.screenshot(path=str(OUT / f"{name}{suffix}.png"))
                page.close()
            browser.close()
        server.should_exit = True
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
