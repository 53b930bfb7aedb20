"""Fake arXiv and Crossref APIs on 127.0.0.1, answering in their documented formats.

arXiv: ``GET /api/query?id_list=…&max_results=N`` answers an Atom feed (arXiv API User's
Manual): per known id an ``<entry>`` with ``<id>`` (abstract URL, latest version),
``<published>`` (v1), ``<updated>`` (latest version), ``<title>``, ``<author><name>``,
``<summary>``, and optionally ``<arxiv:comment>``, ``<arxiv:journal_ref>``, ``<arxiv:doi>``;
unknown ids are simply absent; a malformed id makes the whole answer one "Error" entry.

Crossref: ``GET /works/{doi}`` and ``GET /works?query.bibliographic=…`` answer
``{"status": "ok", "message-type": "work" | "work-list", "message": …}`` with the rate-limit
headers ``X-Rate-Limit-Limit`` / ``X-Rate-Limit-Interval``; 404 ``Resource not found.`` for
an unknown DOI.

Both record every request (path, query, headers, arrival time, client port) and can be
told to answer the next requests with a failure (429, 503, an empty feed).
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, unquote, urlsplit
from xml.sax.saxutils import escape

from awesome_lint.papers.arxiv import canonical_id


@dataclass
class Request:
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    arrived: float  # time.monotonic()
    finished: float = 0.0
    port: int = 0  # the client's port: one port = one connection


@dataclass
class ArxivPaper:
    id: str  # canonical, e.g. "2309.05904"
    title: str
    authors: list[str]
    versions: list[str]  # submission date of each version, "YYYY-MM-DD"
    journal_ref: str | None = None
    doi: str | None = None
    comment: str | None = None
    summary: str = "We study things."


@dataclass
class CrossrefWork:
    doi: str
    title: str
    authors: list[tuple[str, str]]  # (given, family)
    issued: tuple[int, ...]  # date-parts
    container: str = ""
    type: str = "journal-article"

    def message(self) -> dict:
        return {
            "DOI": self.doi,
            "type": self.type,
            "title": [self.title],
            "author": [
                {
                    "given": g,
                    "family": f,
                    "sequence": "first" if i == 0 else "additional",
                    "affiliation": [],
                }
                for i, (g, f) in enumerate(self.authors)
            ],
            "container-title": [self.container] if self.container else [],
            "issued": {"date-parts": [list(self.issued)]},
            "published": {"date-parts": [list(self.issued)]},
            "URL": f"https://doi.org/{self.doi}",
        }


class FakeService:
    def __init__(self) -> None:
        self.requests: list[Request] = []
        # Consumed one per request: "429", "503", "empty" (arXiv), "drop" (the connection
        # closed without an answer), "429-long" (Retry-After: an hour), and for Crossref
        # "500", "not-json", "wrong-type", "no-message".
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.delay = 0.0  # seconds each answer takes
        self.server: HTTPServer | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeService:
        service = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 5  # a connection the client left open ends, so shutdown never hangs

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                req = Request(
                    unquote(parts.path),
                    query,
                    {k.lower(): v for k, v in self.headers.items()},
                    time.monotonic(),
                    port=self.client_address[1],
                )
                with service.lock:
                    service.requests.append(req)
                    failure = service.failures.pop(0) if service.failures else None
                if service.delay:
                    time.sleep(service.delay)
                if failure == "drop":
                    self.close_connection = True
                    return
                if failure == "429-long":
                    status, headers, body = 429, {"Retry-After": "3600"}, b"Slow down."
                else:
                    status, headers, body = service.answer(req, failure)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                req.finished = time.monotonic()

        # One thread answering one connection at a time, like a single-worker server:
        # a client that opened a second connection in parallel would be seen waiting.
        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.02,), daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def answer(self, req: Request, failure: str | None) -> tuple[int, dict, bytes]:
        raise NotImplementedError

    def gaps(self) -> list[float]:
        """Seconds between the arrivals of consecutive requests.

        Arrivals are stamped before the answer's ``delay``, and the next request can only
        arrive after the answer, so a client that waits ``spacing`` after each answer shows
        gaps of at least ``delay + spacing`` (end times would be stamped late: the server
        thread may run only after the client has read the answer and moved on).
        """
        return [b.arrived - a.arrived for a, b in zip(self.requests, self.requests[1:])]


class FakeArxiv(FakeService):
    def __init__(self, papers: list[ArxivPaper] = ()) -> None:
        super().__init__()
        self.papers = {p.id: p for p in papers}

    @property
    def api(self) -> str:
        return self.url + "/api/query"

    def answer(self, req: Request, failure: str | None) -> tuple[int, dict, bytes]:
        if req.path != "/api/query":
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if failure in ("429", "503"):
            return (
                int(failure),
                {"Content-Type": "text/plain", "Retry-After": "0"},
                b"Rate exceeded.",
            )
        ids = [i for i in req.query.get("id_list", "").split(",") if i]
        if any(canonical_id(i) is None for i in ids):
            bad = next(i for i in ids if canonical_id(i) is None)
            return 200, _ATOM, _feed([_error_entry(bad)], 1)
        if failure == "empty":
            return 200, _ATOM, _feed([], 0)
        entries = [
            _entry(self.papers[canonical_id(i)]) for i in ids if canonical_id(i) in self.papers
        ]
        return 200, _ATOM, _feed(entries, len(entries))


_ATOM = {"Content-Type": "application/atom+xml; charset=utf-8"}


def _feed(entries: list[str], total: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" '
        'xmlns:arxiv="http://arxiv.org/schemas/atom">\n'
        '  <link href="http://arxiv.org/api/query" rel="self" type="application/atom+xml"/>\n'
        '  <title type="html">ArXiv Query</title>\n'
        "  <id>http://arxiv.org/api/fake</id>\n"
        "  <updated>2026-01-01T00:00:00-05:00</updated>\n"
        f"  <opensearch:totalResults>{total}</opensearch:totalResults>\n"
        "  <opensearch:startIndex>0</opensearch:startIndex>\n"
        f"  <opensearch:itemsPerPage>{max(total, 1)}</opensearch:itemsPerPage>\n"
        + "".join(entries)
        + "</feed>\n"
    ).encode()


def _entry(p: ArxivPaper) -> str:
    version = len(p.versions)
    # Titles arrive hard-wrapped in the real feed.
    title = escape(p.title).replace(": ", ":\n  ", 1)
    extra = ""
    if p.comment:
        extra += f"    <arxiv:comment>{escape(p.comment)}</arxiv:comment>\n"
    if p.journal_ref:
        extra += f"    <arxiv:journal_ref>{escape(p.journal_ref)}</arxiv:journal_ref>\n"
    if p.doi:
        extra += f"    <arxiv:doi>{escape(p.doi)}</arxiv:doi>\n"
        extra += f'    <link title="doi" href="http://dx.doi.org/{escape(p.doi)}" rel="related"/>\n'
    authors = "".join(
        f"    <author>\n      <name>{escape(a)}</name>\n    </author>\n" for a in p.authors
    )
    return (
        "  <entry>\n"
        f"    <id>http://arxiv.org/abs/{p.id}v{version}</id>\n"
        f"    <updated>{p.versions[-1]}T17:59:01Z</updated>\n"
        f"    <published>{p.versions[0]}T12:00:00Z</published>\n"
        f"    <title>{title}</title>\n"
        f"    <summary>  {escape(p.summary)}\n</summary>\n"
        + authors
        + extra
        + f'    <link href="http://arxiv.org/abs/{p.id}v{version}" rel="alternate" type="text/html"/>\n'
        f'    <link title="pdf" href="http://arxiv.org/pdf/{p.id}v{version}" rel="related" type="application/pdf"/>\n'
        '    <arxiv:primary_category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>\n'
        '    <category term="cs.CV" scheme="http://arxiv.org/schemas/atom"/>\n'
        "  </entry>\n"
    )


def _error_entry(bad: str) -> str:
    return (
        "  <entry>\n"
        f"    <id>http://arxiv.org/api/errors#incorrect_id_format_for_{escape(bad)}</id>\n"
        "    <title>Error</title>\n"
        f"    <summary>incorrect id format for {escape(bad)}</summary>\n"
        "    <updated>2026-01-01T00:00:00-05:00</updated>\n"
        "    <author><name>arXiv api core</name></author>\n"
        "  </entry>\n"
    )


class FakeCrossref(FakeService):
    def __init__(
        self, works: list[CrossrefWork] = (), limit: int = 50, interval: str = "1s"
    ) -> None:
        super().__init__()
        self.works = {w.doi.lower(): w for w in works}
        self.limit = limit
        self.interval = interval

    def answer(self, req: Request, failure: str | None) -> tuple[int, dict, bytes]:
        headers = {
            "Content-Type": "application/json",
            "X-Rate-Limit-Limit": str(self.limit),
            "X-Rate-Limit-Interval": self.interval,
        }
        if failure in ("429", "503"):
            return int(failure), {**headers, "Retry-After": "0"}, b"Too many requests"
        if failure == "500":
            return 500, {**headers, "Content-Type": "text/plain"}, b"Internal Server Error"
        if failure == "not-json":
            return 200, {**headers, "Content-Type": "text/html"}, b"<html>maintenance</html>"
        if failure == "wrong-type":
            return 200, headers, json.dumps({"status": "ok", "message-type": "member"}).encode()
        if failure == "no-message":
            body = {"status": "ok", "message-type": "work", "message": ["not", "a", "work"]}
            return 200, headers, json.dumps(body).encode()
        if req.path.startswith("/works/"):
            work = self.works.get(req.path[len("/works/") :].lower())
            if work is None:
                return 404, {**headers, "Content-Type": "text/plain"}, b"Resource not found."
            body = {
                "status": "ok",
                "message-type": "work",
                "message-version": "1.0.0",
                "message": work.message(),
            }
            return 200, headers, json.dumps(body).encode()
        if req.path == "/works":
            words = set(req.query.get("query.bibliographic", "").lower().split())
            scored = sorted(
                self.works.values(),
                key=lambda w: -len(words & set(w.title.lower().split())),
            )
            rows = int(req.query.get("rows", "20"))
            items = [w.message() for w in scored if words & set(w.title.lower().split())][:rows]
            body = {
                "status": "ok",
                "message-type": "work-list",
                "message-version": "1.0.0",
                "message": {"total-results": len(items), "items": items, "items-per-page": rows},
            }
            return 200, headers, json.dumps(body).encode()
        return 404, {**headers, "Content-Type": "text/plain"}, b"Resource not found."


@dataclass
class Services:
    arxiv: FakeArxiv
    crossref: FakeCrossref
    env: dict = field(default_factory=dict)
