"""Work that takes time, done outside the web request: a job queue and the jobs.

In: a request for work (fetch an article's sources, match its claims, re-extract them,
re-check the sources of published claims) from a page or the system. Out: a Job row that
says who asked, when, its state (queued, running, done, failed), its progress (n of m) and a
one-line result or error, which the pages poll; and the work itself, done by a worker
(``factcheck worker``, or the one ``factcheck serve`` runs in its own process).

- ``broker``: Huey, on a SQLite file in the instance folder by default, on Redis when
  REDIS_URL (or JOBS_QUEUE) says so; ``JobQueue.submit`` stores the row and sends its id.
- ``backend``: which queue the settings choose (checked when the app starts).
- ``tracking``: the Job rows; each change of state is one conditional UPDATE, so a job runs
  once even with many workers, and a worker that died is noticed by its silent heartbeat.
- ``runner``: the registry of job kinds and ``execute``: retries (JOB_MAX_ATTEMPTS), errors.
- ``kinds``: the jobs themselves, one function each.
- ``consumer``: the worker processes and their pulse (heartbeat, recovery, watch rounds).
- ``status``: what the pages show.

Adding a kind of job is one function in ``kinds``, registered with ``@job``; it gets a
``JobRun`` and its submitted keyword arguments, commits each unit of work on its own with
``run.unit()``, reports ``run.progress`` and returns one line. Two that are coming:

Embedding new snapshots (the evidence issue), one unit per snapshot, so that a killed worker
leaves every snapshot either embedded or not::

    @job("embed_snapshots", label="Embedding new snapshots")
    def embed_snapshots(run: JobRun, article_id: int) -> str:
        with run.unit() as session:
            todo = [s.id for s in snapshots_without_embeddings(session, article_id)]
        run.progress(0, len(todo))
        for snapshot_id in todo:
            with run.unit() as session:
                store_embeddings(session, session.get(Snapshot, snapshot_id))
            run.progress()
        return f"embedded {len(todo)} snapshots"

Importing a ClaimReview feed (the archive issue), one kind of job that is not tied to an
article (``one_at_a_time="global"`` keeps two imports of feeds from overlapping; the
feed's address is its keyword argument), one unit per batch of reviews::

    @job("import_feed", label="Importing a ClaimReview feed", one_at_a_time="global")
    def import_feed(run: JobRun, url: str) -> str:
        reviews = read_feed(fetch_url(url, FetchSettings.from_config(run.config)))
        batches = list(batched(reviews, 100))
        run.progress(0, len(batches))
        for batch in batches:
            with run.unit() as session:
                import_reviews(session, batch)
            run.progress()
        return f"imported {len(reviews)} fact-checks from {url}"

A page asks for either with ``queue.submit(session, "embed_snapshots", user=me(),
article=article)``; the worker, the progress bar and the status endpoint need nothing more.
"""
