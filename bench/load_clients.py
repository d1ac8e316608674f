"""The clients of bench/load.py: readers (http.client, keep-alive) and checkers (a browser-like
requests.Session that logs in and saves verdicts through the real HTML forms), and the
figures they collect."""

from __future__ import annotations

import http.client
import random
import statistics
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests

VERDICTS = ["true", "mostly_true", "half_true", "mostly_false", "false"]
STAGGER = True  # bench/load.py --in-step: paced clients all start at once (the old way)
TRACE = False  # bench/load.py --trace: keep every request's timing (see Stats.trace)


@dataclass
class Stats:
    """Latencies and outcomes per kind of request."""

    latencies: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(Counter))
    conn_errors: Counter = field(default_factory=Counter)
    conflicts: int = 0
    elapsed: float = 0.0
    cpu: float = 0.0  # server CPU seconds (see load_setup.server_cpu)
    # with TRACE on: (wall-clock start, kind, path, seconds, status, tag) of every request; a
    # reader's tag is also sent as X-Load-Trace, for gunicorn's access log (load_setup)
    trace: list = field(default_factory=list)

    def add(self, kind: str, seconds: float, status: int, path: str = "", tag: str = "-") -> None:
        self.latencies[kind].append(seconds)
        self.statuses[kind][status] += 1
        if TRACE:
            self.trace.append((time.time() - seconds, kind, path, seconds, status, tag))

    def merge(self, other: Stats) -> None:
        for kind, values in other.latencies.items():
            self.latencies[kind] += values
        for kind, counts in other.statuses.items():
            self.statuses[kind].update(counts)
        self.conn_errors.update(other.conn_errors)
        self.conflicts += other.conflicts
        self.trace += other.trace

    @property
    def server_errors(self) -> int:
        return sum(n for c in self.statuses.values() for s, n in c.items() if s >= 500)

    def rate(self, kinds: list[str]) -> float:
        """Requests per second answered (any status) for ``kinds``."""
        done = sum(len(self.latencies.get(k, ())) for k in kinds)
        return done / self.elapsed if self.elapsed else 0.0

    def rows(self, label: str) -> list[str]:
        """One Markdown table row per kind."""
        rows = []
        for kind in sorted(self.latencies):
            values = sorted(self.latencies[kind])
            p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
            server = sum(n for s, n in self.statuses[kind].items() if s >= 500)
            rows.append(
                f"| {label} | {kind} | {len(values)} | {self.rate([kind]):.1f} | "
                f"{statistics.median(values) * 1000:.1f} | {p99 * 1000:.1f} | "
                f"{server} | {self.conn_errors[kind]} |"
            )
        return rows


def kind_of(path: str) -> str:
    if path == "/claimreview.json":
        return "feed"
    if "/claims/" in path:
        return "claim page"
    return "article page" if path.startswith("/articles/") else "page"


def reader(base: str, paths: list[str], deadline: float, seed: int, rate: float = 0.0) -> Stats:
    """GET random ``paths`` over one keep-alive connection until ``deadline``: as fast as
    answers come, or ``rate`` requests a second (a reader on a schedule; latency is still
    measured from sending to the end of the answer)."""
    rng, stats = random.Random(seed), Stats()
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    # Paced readers start at a random point of their period: independent readers are not in
    # step (started together, 32 of them sent their requests in bursts of 32).
    due, count = time.monotonic() + (rng.random() / rate if rate and STAGGER else 0.0), 0
    while time.monotonic() < deadline:
        if rate:
            time.sleep(max(0.0, due - time.monotonic()))
            due += 1.0 / rate
        path = rng.choice(paths)
        count += 1
        tag = f"{seed}-{deadline:.3f}-{count}"
        started = time.perf_counter()
        try:
            connection.request("GET", path, headers={"X-Load-Trace": tag} if TRACE else {})
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            stats.conn_errors[kind_of(path)] += 1
            connection.close()  # http.client reconnects on the next request
            continue
        stats.add(kind_of(path), time.perf_counter() - started, response.status, path, tag)
    connection.close()
    return stats


def settings(trace: bool, stagger: bool) -> None:
    """TRACE and STAGGER in this process (a client process of its own)."""
    global TRACE, STAGGER
    TRACE, STAGGER = trace, stagger


def readers_group(
    base: str, paths: list[str], deadline: float, seeds: list[int], rate: float = 0.0
) -> Stats:
    """``reader`` for each of ``seeds``, each in a thread of this process; their figures."""
    stats = Stats()
    with ThreadPoolExecutor(max(1, len(seeds))) as pool:
        for part in pool.map(lambda seed: reader(base, paths, deadline, seed, rate), seeds):
            stats.merge(part)
    return stats


def walk(base: str, paths: list[str], start: int) -> int:
    """GET every one of ``paths`` once, in order from ``start``, over one keep-alive
    connection (so all from the one gunicorn worker that accepted it); the 5xx count."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    errors = 0
    try:
        for path in paths[start:] + paths[:start]:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            errors += response.status >= 500
    finally:
        connection.close()
    return errors


class _Forms(HTMLParser):
    """Every <form> of a page with its action and the values a browser would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"]
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select:
            if self._select not in fields or "selected" in a:
                fields[self._select] = a.get("value") or ""
        elif tag == "textarea":
            self._textarea = a.get("name")
            fields[self._textarea] = ""

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def form_with(html: str, field_name: str) -> dict | None:
    """The first form of ``html`` that has a field called ``field_name``."""
    parser = _Forms()
    parser.feed(html)
    return next((f for f in parser.forms if field_name in f["fields"]), None)


def _timed(stats: Stats, kind: str, call, *args, **kwargs):
    started = time.perf_counter()
    try:
        response = call(*args, timeout=30, allow_redirects=False, **kwargs)
    except requests.RequestException:
        stats.conn_errors[kind] += 1
        return None
    stats.add(
        kind, time.perf_counter() - started, response.status_code, urlsplit(response.url).path
    )
    # The app runs in production mode (Secure cookies) but on plain-HTTP loopback: keep
    # sending the session cookie as a TLS-terminating proxy in front of it would.
    for cookie in call.__self__.cookies:
        cookie.secure = False
    return response


def log_in(session: requests.Session, base: str, name: str, password: str, stats: Stats) -> bool:
    page = _timed(stats, "login", session.get, base + "/login")
    form = form_with(page.text, "password") if page is not None else None
    if form is None:
        return False
    form["fields"].update(name=name, password=password)
    done = _timed(
        stats, "login", session.post, urljoin(page.url, form["action"]), data=form["fields"]
    )
    return done is not None and done.status_code in (302, 303)


def checker(
    base: str,
    name: str,
    password: str,
    claim_ids: list[int],
    deadline: float,
    seed: int,
    tag: str,
    logins: dict,
    rate: float = 0.0,
) -> tuple[Stats, list[dict]]:
    """Save a verdict with a uniquely marked rationale on random claims until ``deadline``
    (as fast as answers come, or ``rate`` saves a second), logging in first unless ``logins``
    holds this checker's session from an earlier slice. Returns the figures and the saves the
    server acknowledged (with a redirect)."""
    rng, stats, saves = random.Random(f"{seed}-{deadline}"), Stats(), []
    session = logins.get(name)
    if session is None:
        session = requests.Session()
        if not log_in(session, base, name, password, stats):
            stats.conn_errors["login failed"] += 1
            return stats, saves
        logins[name] = session
    due = time.monotonic() + (rng.random() / rate if rate and STAGGER else 0.0)  # as readers
    while time.monotonic() < deadline:
        if rate:
            time.sleep(max(0.0, due - time.monotonic()))
            due += 1.0 / rate
        claim_id = rng.choice(claim_ids)
        marker = f"load-{tag}-{name}-{uuid.uuid4().hex[:12]}"
        while time.monotonic() < deadline:  # a 409 means: reload and try again
            saved = _save_once(session, base, claim_id, rng.choice(VERDICTS), marker, stats)
            if saved is not None:
                if saved:
                    saves.append(saved)
                break
    session.close()  # idle keep-alive connections would be closed by the server meanwhile
    return stats, saves


def _save_once(
    session: requests.Session, base: str, claim_id: int, verdict: str, marker: str, stats: Stats
) -> dict | None:
    """One load-and-save; the save's record, {} when refused, None on a conflict."""
    url = f"{base}/review/claims/{claim_id}"
    page = _timed(stats, "review page", session.get, url)
    form = form_with(page.text, "rationale") if page is not None else None
    if form is None:
        stats.conn_errors["no verdict form"] += 1
        return {}
    fields = form["fields"]
    fields.update(verdict=verdict, rationale=f"Checked against the cited sources. {marker}")
    answer = _timed(
        stats, "save verdict", session.post, urljoin(url, form["action"] or url), data=fields
    )
    if answer is not None and answer.status_code == 409:
        stats.conflicts += 1
        return None
    if answer is None or answer.status_code not in (302, 303):
        return {}
    return {
        "claim_id": claim_id,
        "version": int(fields.get("version") or 0),
        "marker": marker,
        "rationale": fields["rationale"],
    }
