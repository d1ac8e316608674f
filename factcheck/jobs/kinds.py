"""Every kind of job, one function each (how to add one: see factcheck.jobs).

A job function takes a ``JobRun`` and the keyword arguments it was submitted with (JSON
values), does its work in units that each commit on their own (``run.unit()``), reports
``run.progress`` and returns one line for people. It calls the domain layer; it holds no logic
of its own beyond looping over units.
"""

from __future__ import annotations

from sqlmodel import Session

from factcheck.archive import claimvectors, earlier, feeds, indexupkeep
from factcheck.archive.archiveindex import archive_index
from factcheck.articles.adding import add_parsed, read_url
from factcheck.articles.lookup import count_claims
from factcheck.articles.reextract import reextract
from factcheck.errors import InputError, NotFound
from factcheck.jobs.runner import KINDS, JobRun, job
from factcheck.matching import suggest
from factcheck.matching.embedding import Embedder, embedder
from factcheck.matching.index import glossary_path
from factcheck.matching.vectors import embed_source
from factcheck.messages import N_, NP_, Message, joined
from factcheck.models import Article, Claim, Job, Source
from factcheck.review.workflow import run_retrying
from factcheck.sources import watch
from factcheck.sources.cited import article_sources
from factcheck.sources.fetch import FetchSettings
from factcheck.sources.snapshots import fetch_article_sources, fetch_source, fetch_summary

__all__ = ["KINDS"]


@job("fetch_sources", label=N_("Fetching sources"))
def fetch_sources(run: JobRun, article_id: int, source_id: int | None = None) -> str:
    """Fetch and archive the article's sources (only ``source_id`` if given); each source's
    snapshot is committed as soon as it is fetched, then its passages are embedded (a unit of
    their own), so matching later only reads vectors."""
    settings = FetchSettings.from_config(run.config)
    if source_id is not None:
        return _fetch_one(run, article_id, source_id, settings)
    with Session(run.engine, expire_on_commit=False) as session:
        article = run.article(session, article_id)
        run.progress(0, len(article_sources(session, article)))
        outcomes = fetch_article_sources(
            session,
            article,
            settings,
            progress=lambda _outcome: run.progress(),
            actor=run.requester(session),
        )
    _embed(run, [o.source.id for o in outcomes if o.snapshot is not None])
    tried = [o for o in outcomes if o.status != "skipped"]
    if tried and all(o.status != "ok" for o in tried):
        raise InputError(
            N_("no source could be fetched: %(errors)s"),
            errors=joined([o.error or "" for o in tried]),
        )
    return fetch_summary(outcomes)


def _fetch_one(run: JobRun, article_id: int, source_id: int, settings: FetchSettings) -> str:
    run.progress(0, 1)
    with run.unit() as session:
        source = session.get(Source, source_id)
        if source is None or source.article_id != article_id:
            raise NotFound(N_("source %(id)s no longer exists"), id=source_id)
        outcome = fetch_source(session, source, settings, actor=run.requester(session))
    if outcome.status != "ok":
        raise InputError(outcome.describe())  # a Message: the viewer's language
    if outcome.snapshot is not None:
        _embed(run, [source_id])
    run.progress(1)
    return outcome.describe()


def _model(run: JobRun) -> Embedder:
    return embedder(run.config.get("EMBEDDING_MODEL"))


def _embed(run: JobRun, source_ids: list[int]) -> int:
    """Embed each source's title and newest snapshot, one unit per source; returns how many
    passages were embedded (sources already current cost nothing)."""
    model, embedded = _model(run) if source_ids else None, 0
    for source_id in source_ids:
        with run.unit() as session:
            source = session.get(Source, source_id)
            if source is not None:
                embedded += embed_source(session, source, model)
    return embedded


@job("embed_sources", label=N_("Embedding source passages"))
def embed_sources(run: JobRun, article_id: int) -> str:
    """Give every source of the article current passage vectors (after a paste, or a change
    of model); each source is one unit."""
    with run.unit() as session:
        ids = [s.id for s in article_sources(session, run.article(session, article_id))]
    run.progress(0, len(ids))
    embedded = 0
    for source_id in ids:
        embedded += _embed(run, [source_id])
        run.progress()
    return Message(
        N_("%(embedded)s passages embedded in %(sources)s sources"),
        embedded=embedded,
        sources=len(ids),
    )


@job("match_article", label=N_("Matching claims against sources"))
def match_article(run: JobRun, article_id: int, top: int = 5) -> str:
    """Match every claim of the article and store the suggestions. The new suggestions of all
    claims replace the old ones in one commit: a claim's list is never half old, half new."""
    with run.unit() as session:
        ids = [s.id for s in article_sources(session, run.article(session, article_id))]
    # Vectors missing (a source archived before embedding existed) are stored first, each
    # source in its own unit, so the matching unit below only reads until its one write.
    _embed(run, ids)
    with run.unit() as session:
        article = run.article(session, article_id)
        run.progress(0, len(suggest.claims_to_match(session, article)))
        summary = suggest.match_article(
            session,
            article,
            top=top,
            progress=lambda _claim: run.progress(),
            model=_model(run),
            glossary_path=glossary_path(run.config.get("MATCH_GLOSSARY")),
        )
    return summary.describe()


@job("reextract", label=N_("Re-running claim extraction"))
def reextract_article(run: JobRun, article_id: int, min_score: float = 0.4) -> str:
    """Propose the article's claims again as the person who asked (see articles.reextract)."""
    run.progress(0, 1)
    with run.unit() as session:
        article = run.article(session, article_id)
        found = reextract(session, article, user=run.requester(session), min_score=min_score)
    run.progress(1)
    return found.describe()


@job("propose_claims", label=N_("Proposing claims"))
def propose_claims(run: JobRun, article_id: int) -> str:
    """Propose the claims of an article just added on the web (every proposal, as ingest
    stores them; re-running it later keeps what someone has worked on)."""
    run.progress(0, 1)
    with run.unit() as session:
        article = run.article(session, article_id)
        found = reextract(session, article, user=run.requester(session), min_score=0.0)
    run.progress(1)
    return Message.plural(
        NP_("%(num)s claim proposed", "%(num)s claims proposed"), len(found.added)
    )


@job("ingest_url", label=N_("Adding an article from its address"), one_at_a_time=None)
def ingest_url(
    run: JobRun,
    url: str,
    title: str | None = None,
    language: str | None = None,
    publisher: str | None = None,
    article_id: int | None = None,
) -> str:
    """Fetch the page at ``url`` with the one safe fetcher, store it as an article with its
    sources and proposed claims (as ``factcheck ingest URL`` does), and link the job to it.
    A page whose text is already stored links to that article and changes nothing."""
    if article_id is not None:  # a retry after the article was stored and linked
        return Message(N_("the article was added"))
    run.progress(0, 2)
    parsed = read_url(url, FetchSettings.from_config(run.config), title=title, language=language)
    run.progress(1)
    with Session(run.engine, expire_on_commit=False) as session:

        def store() -> tuple[Article, bool]:
            user = run.requester(session)
            article, created = add_parsed(session, parsed, user=user, publisher=publisher)
            session.get(Job, run.job_id).article_id = article.id  # the job lists it
            return article, created

        # a unique slug or text taken by a racing request: again, seeing theirs
        article, created = run_retrying(session, store)
        claims = count_claims(session, article=article)
    run.progress(2)
    if not created:
        return Message(N_("already added as “%(title)s”; nothing changed"), title=article.title)
    return Message(
        N_("added “%(title)s” (%(language)s): %(sources)s sources, %(claims)s proposed claims"),
        title=article.title,
        language=article.language,
        sources=len(parsed.sources),
        claims=claims,
    )


@job(
    "watch_sources", label=N_("Re-checking the sources of published claims"), one_at_a_time="global"
)
def watch_sources(run: JobRun) -> str:
    """Fetch again every source a published claim relies on, politely (WATCH_HOST_SECONDS
    between two requests to one host); each source is one unit: its new snapshot and the
    claims it puts in the editors' queue are committed together."""
    settings = FetchSettings.from_config(run.config)
    with run.unit() as session:
        watched = [(s.id, s.url) for s in watch.polite_order(watch.watched_sources(session))]
    pacer = watch.HostPacer(float(run.config.get("WATCH_HOST_SECONDS", 5.0)))
    run.progress(0, len(watched))
    tally = watch.WatchTally()
    for source_id, url in watched:
        with pacer.turn(url), run.unit() as session:
            source = session.get(Source, source_id)
            if source is not None:
                tally.add(watch.recheck_source(session, source, settings))
        run.progress()
    return tally.describe()


@job("import_feed", label=N_("Importing a ClaimReview feed"), one_at_a_time=None)
def import_feed(run: JobRun, url: str) -> str:
    """Import the ClaimReview feed at ``url`` (all or nothing: one unit), then embed what it
    added and look again for the earlier checks of the claims still being checked."""
    run.progress(0, 1)
    with run.unit() as session:
        done = feeds.import_feed_url(
            session, url, feeds.feed_settings(run.config), actor=run.requester(session)
        )
    run.progress(1)
    embedded = _embed_archive(run)
    return Message(
        N_("%(done)s; %(embedded)s archived claims embedded"),
        done=done.describe(),
        embedded=embedded,
    )


@job("embed_archive", label=N_("Embedding archived claims"), one_at_a_time="global")
def embed_archive(run: JobRun, claim_ids: list[int] | None = None) -> str:
    """Embed the archive's claims that have no current vector (only ``claim_ids`` if given),
    a batch per unit, then store the earlier checks and repeats of the claims embedded."""
    embedded = _embed_archive(run, claim_ids)
    return Message(N_("%(embedded)s archived claims embedded"), embedded=embedded)


def _embed_archive(run: JobRun, claim_ids: list[int] | None = None) -> int:
    model, done, embedded_claims = _model(run), 0, []
    with Session(run.engine) as reader:
        batches = claimvectors.pending_batches(reader, model, claim_ids)
        for batch in batches:
            vectors = model.embed_passages([item.text for item in batch])
            with run.unit() as session:
                claimvectors.store_vectors(session, batch, model, vectors)
            done += len(batch)
            embedded_claims += [item.claim_id for item in batch if item.claim_id is not None]
            run.progress(done)
    index = archive_index(run.engine, run.config, model.name, model.dim)
    for claim_id in embedded_claims:
        with run.unit() as session:
            claim = session.get(Claim, claim_id)
            if claim is not None:
                earlier.find_earlier(session, claim, model, index)
    return done


@job("update_archive_index", label=N_("Updating the archive's index"), one_at_a_time="global")
def update_archive_index(run: JobRun, full: bool = False) -> str:
    """Build or update the saved approximate index of the archive (searches never build
    it; factcheck.archive.indexupkeep), anew when ``full``."""
    model = _model(run)
    index = archive_index(run.engine, run.config, model.name, model.dim)
    run.progress(0, 1)
    with Session(run.engine) as session:
        done = indexupkeep.update_saved_index(session, index, full=full)
    run.progress(1)
    return done


@job("ping", label=N_("Checking that a worker answers"), one_at_a_time=None)
def ping(run: JobRun) -> str:
    """Nothing but an answer: shows a worker is running (``factcheck jobs ping``), and
    measures the queue's own cost (bench/bench_jobs.py)."""
    return Message(N_("answered by %(worker)s"), worker=run.worker)
