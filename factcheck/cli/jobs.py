"""The job queue from the command line: ``factcheck worker`` runs one, ``factcheck jobs``
lists jobs and checks that a worker answers."""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

import click
from flask import current_app

from factcheck.cli import transaction, user_errors

if TYPE_CHECKING:
    from factcheck.jobs.broker import JobQueue

# The domain layer is imported inside the commands: `factcheck --help` loads this module.


def _queue() -> JobQueue:
    return current_app.extensions["factcheck.jobs"]


@click.command("worker")
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=2,
    show_default=True,
    help="Jobs run at the same time by this worker.",
)
@click.option("--burst", is_flag=True, help="Run the jobs waiting now, then stop.")
@click.option(
    "--no-watch",
    is_flag=True,
    help="Never start the periodic re-check of watched sources from this worker.",
)
@user_errors
def worker_command(threads: int, burst: bool, no_watch: bool) -> None:
    """Run a worker: take jobs off the queue and run them, until Ctrl+C or SIGTERM.

    Run as many as you like, on as many machines as share the database and (with REDIS_URL)
    the queue; each job runs once. Jobs of a worker that dies are handed on after
    JOB_STALE_SECONDS.
    """
    from factcheck.jobs import consumer

    queue = _queue()
    if burst:
        click.echo(f"worker: ran {queue.run_pending()} jobs from the {queue.describe()}")
        return
    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    watch = 0.0 if no_watch else consumer.watch_hours(queue.config)
    click.echo(
        f"worker: {threads} thread{'s' if threads > 1 else ''} on the {queue.describe()}; "
        + (f"watched sources every {watch:g} hours" if watch else "watched sources: off"),
        err=True,
    )
    consumer.run_worker(queue, threads=threads, watch=not no_watch)


@click.group("jobs", invoke_without_command=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.pass_context
def jobs_group(context: click.Context, limit: int) -> None:
    """List the newest jobs (id, state, progress, kind, result)."""
    if context.invoked_subcommand is not None:
        return
    from factcheck.jobs import status

    with transaction() as session:
        for job in status.recent_jobs(session, limit):
            progress = f"{job.done}/{job.total}" if job.total else "-"
            click.echo(
                f"{job.id:>6}  {job.state:<8} {progress:>7}  {job.kind:<14} {job.result or ''}"
            )


@jobs_group.command("ping")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=30, show_default=True)
@user_errors
def ping_command(timeout: float) -> None:
    """Check that a worker answers: queue a job that does nothing and wait for it."""
    from sqlmodel import Session

    from factcheck.models import Job

    queue = _queue()
    with Session(queue.engine, expire_on_commit=False) as session:
        job = queue.submit(session, "ping", user=None).job
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(queue.engine) as session:
            found = session.get(Job, job.id)
            if found.state in ("done", "failed"):
                click.echo(f"job {job.id}: {found.result}")
                return
        time.sleep(0.1)
    raise click.ClickException(
        f"no worker answered within {timeout:g} seconds (job {job.id} is still waiting on the "
        f"{queue.describe()}); start one with `factcheck worker`"
    )


COMMANDS = [worker_command, jobs_group]
