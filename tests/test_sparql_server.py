"""graphkit push against a real SPARQL server: `oxigraph serve` on 127.0.0.1.

The server comes from the `oxigraph` package (a dev dependency, so `make test` installs it);
the test starts it on a free port with its own storage folder and stops it afterwards.
"""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import cli

from .conftest import sparql_rows


def _oxigraph() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is missing: `make test` installs it (pip: oxigraph)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen(
        [_oxigraph(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                err = proc.stderr.read().decode() if proc.stderr else ""
                pytest.fail(f"oxigraph serve did not start: {err[:500]}")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def _select(base: str, query: str) -> list[dict]:
    url = f"{base}/query?{urllib.parse.urlencode({'query': query})}"
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)["results"]["bindings"]


def _dump(base: str) -> list[str]:
    req = urllib.request.Request(f"{base}/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return sorted(resp.read().decode("utf-8").splitlines())


def test_push_then_query_over_http_and_push_again_changes_nothing(server, seed_out):
    graph = str(seed_out / "graph.json")
    r = CliRunner().invoke(cli, ["push", graph, "--endpoint", f"{server}/store"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("pushed ")
    rows = _select(
        server,
        """PREFIX gk: <https://w3id.org/graphkit/ontology/0.1/>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
           SELECT ?g ?group WHERE { GRAPH ?g {
             ?kh rdfs:label "Kataib Hezbollah" ; gk:partOf ?p . ?p rdfs:label ?group } }""",
    )
    assert {r["group"]["value"] for r in rows} == {"Popular Mobilization Forces"}
    assert rows[0]["g"]["value"] == "https://w3id.org/graphkit/id/graph/iraq-strikes"
    first = _dump(server)
    assert len(first) > 200

    r = CliRunner().invoke(cli, ["push", graph, "--endpoint", f"{server}/store", "-q"])
    assert r.exit_code == 0 and r.output == ""
    assert _dump(server) == first  # idempotent per named graph


def test_push_into_one_named_graph(server, seed_out):
    iri = "https://example.org/graphs/seed"
    r = CliRunner().invoke(
        cli, ["push", str(seed_out / "graph.ttl"), "--endpoint", f"{server}/store", "--graph", iri]
    )
    assert r.exit_code == 0, r.output
    rows = _select(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    assert int(rows[0]["n"]["value"]) > 200


def test_unreachable_endpoint_is_one_line(seed_out):
    port = _free_port()
    r = CliRunner().invoke(
        cli, ["push", str(seed_out / "graph.json"), "--endpoint", f"http://127.0.0.1:{port}/store"]
    )
    assert r.exit_code == 1
    assert len(r.output.strip().splitlines()) == 1 and "cannot connect" in r.output


SERVICE_QUERY = """SELECT ?label WHERE {
  SERVICE <%s/query> { GRAPH ?g { ?kh rdfs:label ?label . FILTER(?label = "Kataib Hezbollah") } }
}"""


def test_service_reaches_an_endpoint_only_when_allowed(server, seed_out):
    graph = str(seed_out / "graph.json")
    assert CliRunner().invoke(cli, ["push", graph, "--endpoint", f"{server}/store"]).exit_code == 0
    query = SERVICE_QUERY % server
    refused = CliRunner().invoke(cli, ["query", graph, query])
    assert refused.exit_code == 1
    assert "asks another endpoint (SERVICE)" in refused.output
    allowed = CliRunner().invoke(cli, ["query", graph, query, "--allow-service", "-f", "json"])
    assert allowed.exit_code == 0, allowed.output
    assert {r["label"] for r in sparql_rows(allowed.output)} == {"Kataib Hezbollah"}


def test_a_big_graph_goes_in_chunks_and_gives_the_same_store(server, three_graph_docs):
    graph = str(three_graph_docs)
    whole = CliRunner().invoke(cli, ["push", graph, "--endpoint", f"{server}/store"])
    assert whole.exit_code == 0, whole.output
    once = _dump(server)
    r = CliRunner().invoke(
        cli, ["push", graph, "--endpoint", f"{server}/store", "--chunk", "7", "--progress"]
    )
    assert r.exit_code == 0, r.output
    assert _dump(server) == once  # PUT of the first chunk, POST of the rest
    assert "pushed 1/3 <https://w3id.org/graphkit/id/graph/d0>" in r.output


class _FailsAfter(http.server.BaseHTTPRequestHandler):
    """A store that accepts two requests and then fails every one (a server going away)."""

    accepted = 0

    def do_PUT(self):  # the name http.server calls
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ok = type(self).accepted < 2
        type(self).accepted += ok
        self.send_response(204 if ok else 503)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_failure_mid_push_says_which_graph_and_how_many_went_before(three_graph_docs):
    _FailsAfter.accepted = 0
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _FailsAfter)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = f"http://127.0.0.1:{httpd.server_address[1]}/store"
        r = CliRunner().invoke(cli, ["push", str(three_graph_docs), "--endpoint", endpoint])
    finally:
        httpd.shutdown()
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1
    assert "HTTP 503 for graph <https://w3id.org/graphkit/id/graph/d2>" in r.output
    assert "2 of 3 graphs were pushed before it" in r.output


@pytest.mark.parametrize("option", [["--timeout", "-1"], ["--timeout", "0"], ["--chunk", "0"]])
def test_push_options_are_validated(seed_out, option):
    r = CliRunner().invoke(
        cli, ["push", str(seed_out / "graph.json"), "--endpoint", "http://127.0.0.1:9/s", *option]
    )
    assert r.exit_code == 2 and "Traceback" not in r.output


@pytest.fixture(scope="module")
def three_graph_docs(tmp_path_factory):
    import graphkit

    texts = ["Hamas attacked Israel.", "Iran condemned Israel.", "Egypt praised Jordan."]
    kg = graphkit.build([graphkit.document_from_text(f"d{i}", t) for i, t in enumerate(texts)])
    out = tmp_path_factory.mktemp("three-graphs")
    kg.write(out, ("json",))
    return out / "graph.json"


# issue 39 item 3: push never loses data quietly


class _Redirects(http.server.BaseHTTPRequestHandler):
    """A store that accepts the first request and answers every later one with a 303 to
    another host (where urllib would re-send a POST as a bodiless GET)."""

    seen = 0

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        first = type(self).seen == 0
        type(self).seen += 1
        self.send_response(204 if first else 303)
        if not first:
            self.send_header("Location", "http://127.0.0.2:9/elsewhere")
        self.end_headers()

    do_PUT = do_POST = _answer

    def log_message(self, *args):
        pass


class _Trickles(http.server.BaseHTTPRequestHandler):
    """A store that answers one header byte a second, for ever."""

    def do_PUT(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.wfile.write(b"HTTP/1.1 204 No Content\r\n")
        for _ in range(60):
            self.wfile.write(b"X")
            self.wfile.flush()
            time.sleep(1)

    def log_message(self, *args):
        pass


def _serve(handler):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/store"


def test_push_follows_no_redirect_and_says_what_was_not_stored(three_graph_docs):
    _Redirects.seen = 0
    httpd, endpoint = _serve(_Redirects)
    try:
        r = CliRunner().invoke(
            cli, ["push", str(three_graph_docs), "--endpoint", endpoint, "--chunk", "2"]
        )
    finally:
        httpd.shutdown()
    assert r.exit_code == 1 and len(r.output.strip().splitlines()) == 1
    assert "HTTP 303 redirect to http://127.0.0.2:9/elsewhere" in r.output
    assert "0 of 3 graphs were pushed before it" in r.output


def test_a_trickling_server_cannot_hold_push_past_its_timeout(three_graph_docs):
    httpd, endpoint = _serve(_Trickles)
    started = time.monotonic()
    try:
        r = CliRunner().invoke(
            cli, ["push", str(three_graph_docs), "--endpoint", endpoint, "--timeout", "2"]
        )
    finally:
        httpd.shutdown()
    assert r.exit_code == 1 and "no full answer within 2 s" in r.output
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--endpoint", "http://127.0.0.1:9/s\r\nX-Evil: 1"], "space or control character"),
        (["--endpoint", "ftp://127.0.0.1/s"], "must be an http(s) URL"),
        (["--endpoint", "http://127.0.0.1:9/s", "--graph", "not an iri"], "no absolute IRI"),
        (["--endpoint", "http://127.0.0.1:9/s", "--graph", "urn:x<y>"], "no absolute IRI"),
    ],
)
def test_a_bad_endpoint_or_graph_name_is_one_line_before_anything_is_sent(
    three_graph_docs, args, message
):
    r = CliRunner().invoke(cli, ["push", str(three_graph_docs), *args])
    assert r.exit_code == 1 and message in r.output, r.output
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
