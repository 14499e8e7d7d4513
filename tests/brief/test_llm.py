"""--llm mode against a fake OpenAI-compatible endpoint served from a thread."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from storyline.brief.build import build_brief
from storyline.brief.llm import rewrite_summary, unsupported
from storyline.model import check_spans


def serve(reply):
    """Start a fake endpoint whose answer is ``reply(user_prompt)``; returns (url, requests, server)."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            seen.append({"path": self.path, **body})
            text = reply(body["messages"][-1]["content"])
            data = json.dumps({"choices": [{"message": {"role": "assistant", "content": text}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/v1", seen, server


@pytest.fixture
def brief(inputs):
    return build_brief(inputs.story, inputs.articles, inputs.sentences, inputs.quotes, inputs.entities)


def faithful(prompt: str) -> str:
    """Shortens the sentence using only its own words (drops a leading clause)."""
    sentence = prompt.rsplit("Sentence: ", 1)[1]
    parts = sentence.split(", ", 1)
    return (parts[1][0].upper() + parts[1][1:]) if len(parts) == 2 and len(parts[1]) > 30 else sentence


def inventive(prompt: str) -> str:
    return "Mayor Klaus Winter said 12 bridges across Europe will close next year."


def test_supported_rewrites_are_kept_with_their_citations(inputs, brief):
    url, seen, server = serve(faithful)
    try:
        new, report = rewrite_summary(brief, inputs.story, inputs.articles, url, "fake-model")
    finally:
        server.shutdown()
    n = sum(1 for s in brief.sentences if s.section == "summary")
    assert report.kept == n and len(seen) == n
    assert seen[0]["path"] == "/v1/chat/completions" and seen[0]["model"] == "fake-model"
    old = [s for s in brief.sentences if s.section == "summary"]
    got = [s for s in new.sentences if s.section == "summary"]
    assert [s.citations for s in got] == [s.citations for s in old]
    assert check_spans(inputs.articles.values(), new.sentences) == []


def test_unsupported_rewrites_are_rejected_and_the_extract_stays(inputs, brief):
    url, _, server = serve(inventive)
    try:
        new, report = rewrite_summary(brief, inputs.story, inputs.articles, url, "fake-model")
    finally:
        server.shutdown()
    assert report.kept == 0 and report.rejected > 0
    assert [s.text for s in new.sentences] == [s.text for s in brief.sentences]
    assert "Klaus Winter" not in new.markdown


def test_unreachable_endpoint_keeps_the_extractive_brief(inputs, brief):
    new, report = rewrite_summary(brief, inputs.story, inputs.articles, "http://127.0.0.1:9/v1", "m", timeout=2)
    assert report.failed > 0 and new.sentences == brief.sentences


def test_support_check_catches_new_numbers_names_and_words():
    src = ["The repair is expected to cost about 4 million euros, the authority said."]
    assert unsupported("The authority expects the repair to cost about 4 million euros.", src) == []
    assert any("number" in p for p in unsupported("The repair will cost 9 million euros.", src))
    assert any("name" in p for p in unsupported("The authority and Mayor Brandt expect a repair.", src))
    assert any("words" in p for p in unsupported("Protesters blocked the motorway demanding compensation.", src))
