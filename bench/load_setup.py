"""The setting of bench/load.py: a fresh database (SQLite or PostgreSQL) with the demo claim
file, synthetic published articles and checker users; gunicorn as a subprocess; and the check
afterwards that every acknowledged save is in the history once and no update was lost."""

from __future__ import annotations

import importlib.util
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests
from sqlmodel import Session, select

from factcheck import db
from factcheck.articles.ingest import content_hash
from factcheck.models import Article, Claim, Evidence, ReviewEvent, Source, User
from factcheck.review import verdict_changes, workflow
from factcheck.review.ratings import RatingScale

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "claims" / "kazakhstan-abraham-accords.yaml"
PASSWORD = "load-bench-password"
PG_SERVER = os.environ.get("LOAD_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")
ARTICLES, CLAIMS_PER_ARTICLE = 5, 20


@contextmanager
def database(engine: str, folder: Path) -> Iterator[str]:
    """The URL of a brand-new database on ``engine``; a PostgreSQL one is dropped after."""
    if engine == "sqlite":
        yield f"sqlite:///{folder / 'load.sqlite3'}"
        return
    name = f"fc_load_{uuid.uuid4().hex[:10]}"
    server = re.match(r"postgresql://(\w+)@([\w.]+):(\d+)", PG_SERVER)
    user, host, port = server.groups()
    subprocess.run(["createdb", "-h", host, "-p", port, "-U", user, name], check=True)
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        subprocess.run(["dropdb", "--force", "-h", host, "-p", port, "-U", user, name], check=True)


@dataclass
class Plan:
    reader_paths: list[str]
    checkers: list[str]
    work_claim_ids: list[int]


def _cli(env: dict, *args: str, stdin: str | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "factcheck", *args],
        env=env,
        cwd=ROOT,
        input=stdin,
        text=True,
        capture_output=True,
    )
    if done.returncode:
        raise RuntimeError(f"factcheck {' '.join(args)} failed:\n{done.stdout}{done.stderr}")


def prepare(url: str, env: dict, *, checkers: int, work_claims: int, feed_claims: int = 0) -> Plan:
    """Schema, demo claim file and users through the CLI; then published verdicts and the
    checkers' claims through the review workflow; then ``feed_claims`` more published claims
    (written directly, in articles the readers do not visit) for the ClaimReview feed."""
    _cli(env, "db", "upgrade")
    _cli(env, "import", str(DEMO))
    names = [f"checker{n}" for n in range(1, max(checkers, 1) + 1)]
    for name, role in [*((n, "checker") for n in names), ("editor1", "editor")]:
        _cli(env, "user", "add", name, "--role", role, stdin=PASSWORD + "\n")
    engine = db.make_engine(url)
    scale = RatingScale(None)
    with db.transaction(engine) as session:
        checker = session.exec(select(User).where(User.name == names[0])).one()
        editor = session.exec(select(User).where(User.name == "editor1")).one()
        demo = session.exec(select(Article)).one()
        articles = [demo] + [_synthetic(session, n) for n in range(1, ARTICLES + 1)]
        paths = []
        for article in articles:
            paths.append(f"/articles/{article.slug}")
            for claim in _claims(session, article):
                _publish(session, claim, checker, editor, scale)
                paths.append(f"/articles/{article.slug}/claims/{claim.key}")
        work = _synthetic(session, 0, claims=work_claims, title="Claims under review")
        work_ids = []
        for claim in _claims(session, work):
            workflow.change_status(
                session, claim, "in_review", user=checker, expected_version=claim.version
            )
            work_ids.append(claim.id)
        _feed_claims(session, feed_claims, checker, editor)
    engine.dispose()
    return Plan(paths, names[:checkers], work_ids)


def _feed_claims(session: Session, count: int, checker: User, editor: User) -> None:
    """``count`` published claims with a verdict and confirmed evidence, in articles of 100
    claims, inserted directly: a big feed without minutes of set-up."""
    now = workflow.utcnow()
    for number in range(0, count, 100):
        article = _synthetic(session, 1000 + number // 100, claims=min(100, count - number))
        for claim in _claims(session, article):
            claim.status, claim.verdict = "published", "mostly_true"
            claim.rationale = f"The **official count** for {claim.key} matches."
            claim.verdict_by_id, claim.published_by_id = checker.id, editor.id
            claim.reviewed_at = claim.published_at = now
            session.add(claim)
        session.flush()


def _claims(session: Session, article: Article) -> list[Claim]:
    return list(
        session.exec(
            select(Claim).where(Claim.article_id == article.id).order_by(Claim.position)
        ).all()
    )


def _synthetic(
    session: Session,
    number: int,
    *,
    claims: int = CLAIMS_PER_ARTICLE,
    title: str = "Synthetic article",
) -> Article:
    """An article with ``claims`` claims, one cited source and a confirmed passage each."""
    body = " ".join(f"In town {n}, {n * 1000} people voted in {2000 + n}." for n in range(claims))
    article = Article(
        slug=f"synthetic-{number}",
        title=f"{title} {number}",
        text=body,
        content_hash=content_hash(body + str(number)),
        language="en",
        publisher="Load Bench Gazette",
    )
    session.add(article)
    session.flush()
    source = Source(
        article_id=article.id,
        position=1,
        title="Election office results",
        url="https://elections.example.org/results",
    )
    session.add(source)
    session.flush()
    for n in range(claims):
        sentence = f"In town {n}, {n * 1000} people voted in {2000 + n}."
        claim = Claim(
            article_id=article.id, key=f"c{n + 1}", position=n + 1, text=sentence, sentence=sentence
        )
        session.add(claim)
        session.flush()
        session.add(
            Evidence(
                claim_id=claim.id,
                source_id=source.id,
                state="confirmed",
                passage=f"Town {n}: {n * 1000} ballots cast ({2000 + n}).",
            )
        )
    return article


def _publish(
    session: Session, claim: Claim, checker: User, editor: User, scale: RatingScale
) -> None:
    workflow.change_status(
        session, claim, "in_review", user=checker, expected_version=claim.version
    )
    confirmed = select(Evidence.id).where(
        Evidence.claim_id == claim.id, Evidence.state == "confirmed"
    )
    if session.exec(confirmed).first() is None:  # the demo's claims: evidence before verdict
        session.add(Evidence(claim_id=claim.id, passage=claim.sentence, state="confirmed"))
    verdict_changes.set_verdict(
        session,
        claim,
        "mostly_true",
        f"The **official count** for {claim.key} matches, within rounding.",
        user=checker,
        expected_version=claim.version,
        scale=scale,
    )
    workflow.change_status(session, claim, "verified", user=checker, expected_version=claim.version)
    workflow.change_status(session, claim, "published", user=editor, expected_version=claim.version)


def verify(url: str, saves: list[dict]) -> dict:
    """Compare the acknowledged saves with the history and the claims' final state."""
    engine = db.make_engine(url)
    with Session(engine) as session:
        texts = session.exec(
            select(ReviewEvent.to_value).where(
                ReviewEvent.action == "rationale", ReviewEvent.to_value.like("%load-%")
            )
        ).all()
        in_history = Counter(m for t in texts for m in re.findall(r"load-\S+", t or ""))
        by_claim = defaultdict(list)
        for save in saves:
            by_claim[save["claim_id"]].append(save)
        lost = 0
        for claim_id, claim_saves in by_claim.items():
            final = session.get(Claim, claim_id).rationale
            last = max(claim_saves, key=lambda s: s["version"])
            # Two acknowledged saves from the same version: one overwrote the other unseen.
            versions = Counter(s["version"] for s in claim_saves)
            lost += sum(n - 1 for n in versions.values()) + (final != last["rationale"])
    engine.dispose()
    acknowledged = {s["marker"] for s in saves}
    return {
        "missing": sum(1 for m in acknowledged if in_history[m] == 0),
        "doubled": sum(1 for m in acknowledged if in_history[m] > 1),
        "unacknowledged": sum(1 for m in in_history if m not in acknowledged),
        "lost": lost,
        "claims": len(by_claim),
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


ACCESS_FORMAT = '%(p)s "%(r)s" %(s)s %(D)s %({x-load-trace}i)s %(t)s'
SERVERS: dict[str, int] = {}  # base URL: gunicorn master's pid


def server_cpu(base: str) -> float:
    """CPU seconds (user + system) the gunicorn serving ``base`` and its workers used so far."""
    master = SERVERS[base]
    pids = [master]
    for task in Path(f"/proc/{master}/task").iterdir():
        pids += [int(p) for p in (task / "children").read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue  # a worker that exited
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(
    spec: str, env: dict, cwd: Path, workers: int, threads: int, access_log: Path | None = None
) -> Iterator[str]:
    """Serve ``spec`` with gunicorn on a free loopback port; yields the base URL; stops it.
    With ``access_log``, gunicorn writes each request there: worker pid, request line,
    status and the time the worker spent on it in microseconds."""
    if importlib.util.find_spec("gunicorn") is None:
        raise SystemExit("load: gunicorn is not installed; pip install -e '.[server]'")
    port = _free_port()
    log = Path(env.get("FACTCHECK_INSTANCE") or "/tmp") / f"gunicorn-{port}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-w",
            str(workers),
            "-k",
            "gthread",
            "--threads",
            str(threads),
            "-b",
            f"127.0.0.1:{port}",
            "--error-logfile",
            str(log),
            "--no-control-socket",
            *(
                ["--access-logfile", str(access_log), "--access-logformat", ACCESS_FORMAT]
                if access_log
                else []
            ),
            spec,
        ],  # the default control socket is one shared path
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # its own process group: the workers go down with it
    base = f"http://127.0.0.1:{port}"
    SERVERS[base] = process.pid
    try:
        _wait_ready(process, base, log, workers)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def _wait_ready(process: subprocess.Popen, base: str, log: Path, workers: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        booted = log.exists() and log.read_text().count("Booting worker") >= workers
        try:
            if booted and requests.get(base + "/", timeout=30).status_code < 500:
                for _ in range(workers * 4):  # let every worker build its app and pool
                    requests.get(base + "/", timeout=30)
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start in 120 s:\n{log.read_text()[-3000:]}")
