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
``run.unit()``, reports ``run.progress`` and returns one line.

The kinds today: ``fetch_sources`` (fetch, then embed each new snapshot's passages, one unit
per source), ``embed_sources``, ``match_article`` (all suggestions replaced in one commit),
``reextract``, ``propose_claims`` and ``ingest_url`` (adding an article), ``watch_sources``
(re-checking cited pages), ``import_feed`` (a ClaimReview feed, all-or-nothing per feed),
``embed_archive`` (claim vectors for "checked before") and ``ping``.
"""
