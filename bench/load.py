"""Load bench: readers and checkers against the real app under gunicorn, on loopback.

For each database engine it prepares a fresh database (the demo claim file, synthetic
published articles, checker users), starts gunicorn, and for ``--seconds`` lets many readers
GET verdict pages while a few checkers log in and save verdicts through the real review form
(a 409 conflict is expected: the checker reloads and tries again). Then it checks in the
database that every acknowledged save is in the history exactly once and that no update was
lost. The same gunicorn settings serve bench/ceiling_app.py first: the smallest Flask page,
the ceiling the verdict pages are compared with.

    python bench/load.py --engine both --seconds 20 [--write]

Targets: verdict pages >= 50% of the ceiling, zero 5xx, zero lost or doubled saves.

Checkers go as fast as answers come unless ``--checker-rate`` is given: a stress test of the
saves' correctness (conflicts, lost updates), in which the readers' share of the ceiling is a
balance between 16 readers and four clients that each take as much of the 2-core machine as
they can (a cheaper review page is met by more of them; checkers in client processes of their
own made more). The ceiling's run has no checkers at all. Issue 16's share targets are
measured with ``--checker-rate 1`` (four saves, and four review pages, a second: far beyond
any newsroom's pace), so that the share measures the verdict pages and the checkers' load is
the same whatever their client or their page costs; the unpaced run is reported beside it.

With ``--feed-clients N`` (and ``--feed-claims`` published claims behind the feed), each slice
runs the app twice: as above, then with N anonymous clients asking for /claimreview.json as
fast as they can, as an attacker would. With ``--reader-rate`` the readers keep a schedule
(requests a second each) instead of going as fast as they can; the target is then that
readers' p99 stays under ``--reader-p99-ms``, alone and under the attack.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent)]

import load_clients  # noqa: E402
from load_clients import Stats, checker, reader, readers_group, walk  # noqa: E402
from load_setup import PASSWORD, database, gunicorn, prepare, server_cpu, verify  # noqa: E402

TARGET_RATIO = 0.5
BENCHMARKS = BENCH.parent / "BENCHMARKS.md"
SECTION = "## Load (issue 6)"


def drive(
    base: str,
    *,
    seconds: float,
    readers: int,
    paths: list[str],
    checkers: list[str] = (),
    claim_ids: list[int] = (),
    tag: str = "",
    logins: dict | None = None,
    feed_clients: int = 0,
    rate: float = 0.0,
    checker_rate: float = 0.0,
    reader_processes: int = 1,
    checkers_apart: bool = False,
) -> tuple:
    """Run readers (and checkers, and feed clients) for ``seconds``; returns (Stats, saves,
    elapsed). With ``reader_processes`` > 1 the readers run in that many processes of
    their own (threads in each), so that the client's own interpreter lock and scheduling
    weigh less on the latencies they measure. With ``checkers_apart`` each checker runs in a
    process of its own: a checker parses each 19 KB review page in pure Python, which in the
    readers' process held its interpreter lock and slowed the readers' own clock and pace in
    the app's run only (the ceiling's run has no checkers), so the ratio measured the client
    (issue 16, 2026-12-06). The sessions they log in with travel to them pickled; a login they
    make there stays there (``run_engine`` logs in before the clock, in this process)."""
    deadline = time.monotonic() + seconds
    started = time.monotonic()
    cpu = server_cpu(base)
    # The attackers run in processes of their own (reading megabytes here would hold the GIL
    # and slow the readers' clocks, not the server), at the lowest CPU priority: in a real
    # attack their CPU is someone else's, and only the server's work should count.
    with (
        ThreadPoolExecutor(max(1, readers + len(checkers))) as pool,
        ProcessPoolExecutor(max(1, feed_clients), initializer=os.nice, initargs=(19,)) as attackers,
        ProcessPoolExecutor(
            max(1, reader_processes),
            initializer=load_clients.settings,
            initargs=(load_clients.TRACE, load_clients.STAGGER),
        ) as reader_pool,
        ProcessPoolExecutor(
            max(1, len(checkers) if checkers_apart else 1),
            initializer=load_clients.settings,
            initargs=(load_clients.TRACE, load_clients.STAGGER),
        ) as checker_pool,
    ):
        if reader_processes > 1:
            reading = [
                reader_pool.submit(
                    readers_group,
                    base,
                    paths,
                    deadline,
                    list(range(readers))[k::reader_processes],
                    rate,
                )
                for k in range(reader_processes)
            ]
        else:
            reading = [pool.submit(reader, base, paths, deadline, n, rate) for n in range(readers)]
        reading += [
            attackers.submit(reader, base, ["/claimreview.json"], deadline, 1000 + n)
            for n in range(feed_clients)
        ]
        checking = [
            (checker_pool if checkers_apart else pool).submit(
                checker,
                base,
                name,
                PASSWORD,
                claim_ids,
                deadline,
                n,
                tag,
                logins if logins is not None else {},
                checker_rate,
            )
            for n, name in enumerate(checkers)
        ]
        stats, saves = Stats(), []
        for future in reading:
            stats.merge(future.result())
        for future in checking:
            part, saved = future.result()
            stats.merge(part)
            saves += saved
    stats.cpu = server_cpu(base) - cpu
    return stats, saves, time.monotonic() - started


def warm_up(base: str, paths: list[str], readers: int) -> None:
    """Every reader's connection GETs every page once: each gunicorn worker that holds one
    of them renders and keeps every page, however long that takes on a busy machine (a
    warm-up in seconds left workers rendering during the measurement when the machine was
    slow). Raises if any page answered 5xx."""
    with ThreadPoolExecutor(max(1, readers)) as pool:
        starts = [n * len(paths) // readers for n in range(readers)]
        errors = sum(pool.map(lambda start: walk(base, paths, start), starts))
    if errors:
        raise RuntimeError(f"{errors} pages answered 5xx during the warm-up")


def run_engine(engine: str, args, ceiling: str) -> dict:
    """Prepare a database on ``engine``, load it in slices that alternate with the ceiling
    server at ``ceiling`` (so both see the same background load), verify; the figures."""
    with (
        tempfile.TemporaryDirectory(prefix="fc-load-") as folder,
        database(engine, Path(folder)) as url,
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
        env.update(
            DATABASE_URL=url,
            FACTCHECK_INSTANCE=str(Path(folder) / "instance"),
            SECRET_KEY=os.urandom(24).hex(),
            FACTCHECK_PRODUCTION="1",
            FACTCHECK_PUBLIC_BASE_URL="https://factcheck.example.org",
            FACTCHECK_AUTO_MIGRATE="0",
        )
        if args.public_cache_seconds is not None:
            env["FACTCHECK_PUBLIC_CACHE_SECONDS"] = str(args.public_cache_seconds)
        plan = prepare(
            url,
            env,
            checkers=args.checkers,
            work_claims=args.work_claims,
            feed_claims=args.feed_claims,
        )
        app_stats, ceiling_stats, attack_stats, saves, logins = Stats(), Stats(), Stats(), [], {}
        access_log = args.trace / f"access-{engine}.log" if args.trace else None
        with gunicorn(args.app, env, BENCH.parent, args.workers, args.threads, access_log) as base:
            if plan.checkers:  # log in before the clock runs: password hashing is slow
                app_stats.merge(
                    drive(
                        base, seconds=0, readers=0, paths=[], checkers=plan.checkers, logins=logins
                    )[0]
                )
            if args.warmup:  # every worker renders and keeps the pages before the clock runs
                drive(base, seconds=args.warmup, readers=args.readers, paths=plan.reader_paths)
            for _ in range(args.warmup_passes):
                warm_up(base, plan.reader_paths, args.readers)
            slice_seconds = args.seconds / args.slices
            for _ in range(args.slices):
                part, _, elapsed = drive(
                    ceiling,
                    seconds=slice_seconds,
                    readers=args.readers,
                    paths=["/"],
                    rate=args.reader_rate,
                    reader_processes=args.reader_processes,
                )
                ceiling_stats.merge(part)
                ceiling_stats.elapsed += elapsed
                ceiling_stats.cpu += part.cpu
                # the app alone, then (with --feed-clients) the same under the feed attack
                for stats, feed in ((app_stats, 0), (attack_stats, args.feed_clients)):
                    if stats is attack_stats and not feed:
                        continue
                    part, saved, elapsed = drive(
                        base,
                        seconds=slice_seconds,
                        readers=args.readers,
                        paths=plan.reader_paths,
                        checkers=plan.checkers,
                        claim_ids=plan.work_claim_ids,
                        tag=engine,
                        logins=logins,
                        feed_clients=feed,
                        rate=args.reader_rate,
                        checker_rate=args.checker_rate,
                        reader_processes=args.reader_processes,
                        checkers_apart=not args.checkers_with_readers,
                    )
                    stats.merge(part)
                    stats.elapsed += elapsed
                    stats.cpu += part.cpu
                    saves += saved
        check = verify(url, saves)
    if args.trace:
        _write_trace(args.trace / f"requests-{engine}.tsv", app_stats)
        _write_trace(args.trace / f"requests-ceiling-{engine}.tsv", ceiling_stats)
    return {
        "engine": engine,
        "stats": app_stats,
        "attack": attack_stats if args.feed_clients else None,
        "ceiling": ceiling_stats,
        "saves": len(saves),
        "check": check,
    }


def _write_trace(path: Path, stats: Stats) -> None:
    """Every request of ``stats``: start (epoch seconds), kind, path, ms, status, tag."""
    with path.open("w", encoding="utf-8") as out:
        for started, kind, where, seconds, status, tag in sorted(stats.trace):
            out.write(f"{started:.4f}\t{kind}\t{where}\t{seconds * 1000:.2f}\t{status}\t{tag}\n")


def table(results: list[dict]) -> list[str]:
    """The figures as Markdown lines."""
    lines = [
        "| run | kind | requests | req/s | p50 ms | p99 ms | 5xx | conn. errors |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines += result["ceiling"].rows(f"ceiling, beside {result['engine']}")
        lines += result["stats"].rows(f"factcheck on {result['engine']}")
        if result["attack"] is not None:
            lines += result["attack"].rows(f"factcheck on {result['engine']}, feed hammered")
    lines.append("")
    for result in results:
        if result["attack"] is not None:
            quiet, attack = reader_p99_ms(result["stats"]), reader_p99_ms(result["attack"])
            lines.append(
                f"- {result['engine']}: readers' p99 (article and claim pages) **{quiet:.1f} ms "
                f"alone, {attack:.1f} ms with the feed hammered**; feed answers "
                f"{result['attack'].rate(['feed']):.0f}/s; 5xx under attack: "
                f"{result['attack'].server_errors}"
            )
        stats, check = result["stats"], result["check"]
        pages = stats.rate(["article page", "claim page"])
        ceiling_rate = result["ceiling"].rate(["page"])
        result["ratio"] = ratio = pages / ceiling_rate if ceiling_rate else 0.0
        lines.append(
            f"- {result['engine']}: server CPU per request (every kind) "
            f"{_cpu_ms(stats):.2f} ms, the ceiling's {_cpu_ms(result['ceiling']):.2f} ms "
            f"(gunicorn and its workers, user + system, from /proc)"
        )
        lines.append(
            f"- {result['engine']}: verdict pages {pages:.0f} req/s = **{ratio:.0%} of the "
            f"ceiling** ({ceiling_rate:.0f} req/s); {result['saves']} saves acknowledged, "
            f"{stats.conflicts} conflicts (409, reloaded and retried); history: "
            f"{check['missing']} missing, {check['doubled']} doubled, "
            f"{check['unacknowledged']} unacknowledged; lost updates: {check['lost']} "
            f"(of {check['claims']} claims saved); 5xx: {stats.server_errors}; "
            f"readers' p99 (article and claim pages): {reader_p99_ms(stats):.1f} ms"
        )
    return lines


def _cpu_ms(stats) -> float:
    requests = sum(len(v) for v in stats.latencies.values())
    return stats.cpu / requests * 1000 if requests else 0.0


def reader_p99_ms(stats) -> float:
    """The 99th percentile of the readers' verdict pages (article and claim pages), in ms."""
    values = sorted(stats.latencies.get("article page", []) + stats.latencies.get("claim page", []))
    return values[min(len(values) - 1, int(len(values) * 0.99))] * 1000 if values else 0.0


def passed(results: list[dict], p99_limit: float | None = None) -> bool:
    """The targets: with a reader rate, readers' p99 (also under the feed attack) instead of
    the share of the ceiling (paced readers cannot show a rate)."""
    return all(
        (r["ratio"] >= TARGET_RATIO if p99_limit is None else True)
        and (
            p99_limit is None
            or max(reader_p99_ms(r["stats"]), reader_p99_ms(r["attack"] or r["stats"])) < p99_limit
        )
        and (r["attack"] is None or r["attack"].server_errors == 0)
        and r["stats"].server_errors == 0
        and not r["stats"].conn_errors
        and r["check"]["missing"] == 0
        and r["check"]["doubled"] == 0
        and r["check"]["lost"] == 0
        for r in results
    )


def write_section(lines: list[str], path: Path = BENCHMARKS, section: str = SECTION) -> None:
    """Replace the figures of ``section`` (default "## Load (issue 6)") of BENCHMARKS.md (or
    add the section); its hand-written "### Notes" and every other section are kept."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    before, found, rest = text.partition(section)
    old, after = (rest if found else ""), ""
    if found and "\n## " in rest:
        cut = rest.index("\n## ")
        old, after = rest[: cut + 1], rest[cut + 1 :]
    notes = old[old.index("### Notes") :] if "### Notes" in old else ""
    body = "\n".join([section, "", *lines]).rstrip() + "\n"
    if notes:
        body += "\n" + notes.rstrip() + "\n"
    path.write_text(
        before.rstrip() + "\n\n" + body + ("\n" + after if after else ""), encoding="utf-8"
    )


def _cache_seconds(args) -> str:
    if args.public_cache_seconds is not None:
        return f"{args.public_cache_seconds:g}"
    from factcheck.config import DEFAULTS

    return f"{DEFAULTS.get('PUBLIC_CACHE_SECONDS', 'none'):g} (default)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--checkers", type=int, default=4)
    parser.add_argument(
        "--work-claims",
        type=int,
        default=6,
        help="claims the checkers share (few: conflicts must happen)",
    )
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--slices", type=int, default=4, help="alternate app and ceiling this many times per engine"
    )
    parser.add_argument(
        "--app",
        default="factcheck:create_app()",
        help="WSGI app to load (to measure a candidate fix)",
    )
    parser.add_argument(
        "--public-cache-seconds",
        type=float,
        help="the app's PUBLIC_CACHE_SECONDS (default: the app's default)",
    )
    parser.add_argument(
        "--feed-clients", type=int, default=0, help="anonymous clients looping on the feed"
    )
    parser.add_argument(
        "--feed-claims", type=int, default=0, help="extra published claims behind the feed"
    )
    parser.add_argument(
        "--reader-p99-ms",
        type=float,
        default=100.0,
        help="readers' p99 target (checked when --reader-rate is given)",
    )
    parser.add_argument(
        "--reader-rate",
        type=float,
        default=0.0,
        help="requests a second per reader (0: as fast as answers come)",
    )
    parser.add_argument(
        "--checker-rate",
        type=float,
        default=0.0,
        help="verdict saves a second per checker (0: as fast as answers come)",
    )
    parser.add_argument(
        "--warmup", type=float, default=0.0, help="seconds of reading before measuring"
    )
    parser.add_argument(
        "--warmup-passes",
        type=int,
        default=0,
        help="before measuring, each reader's connection GETs every page this many times",
    )
    parser.add_argument(
        "--in-step",
        action="store_true",
        help="paced readers and checkers all start at once, so their requests come in bursts "
        "(before 2026-12-05 always so); by default each starts at a random point of its period",
    )
    parser.add_argument(
        "--reader-processes",
        type=int,
        default=1,
        help="run the readers in this many client processes (default 1: threads of this one)",
    )
    parser.add_argument(
        "--checkers-with-readers",
        action="store_true",
        help="run the checkers as threads of the readers' client process (before 2026-12-06 "
        "always so: their page parsing slowed the readers' clock in the app's run only); by "
        "default each checker has a client process of its own",
    )
    parser.add_argument(
        "--trace",
        type=Path,
        help="folder for every request's client-side timing (requests-*.tsv) and gunicorn's "
        "access logs with the worker's time per request (access-*.log); costs some CPU",
    )
    parser.add_argument("--section", default=SECTION, help="BENCHMARKS.md section to write")
    parser.add_argument("--write", action="store_true", help="record in BENCHMARKS.md")
    args = parser.parse_args(argv)
    if args.trace:
        args.trace.mkdir(parents=True, exist_ok=True)
        load_clients.TRACE = True
    load_clients.STAGGER = not args.in_step
    command = "python bench/load.py " + shlex.join(argv if argv is not None else sys.argv[1:])
    header = [
        f"Command: `{command.strip()}`",
        "",
        f"Machine: os.cpu_count() = {os.cpu_count()}; load average at the start "
        f"{os.getloadavg()[0]:.1f}; client and server share it. "
        f"gunicorn -w {args.workers} -k gthread --threads {args.threads}; "
        f"{args.readers} readers (keep-alive"
        + (
            f", {args.reader_rate:g} requests/s each, "
            + ("all starting at once" if args.in_step else "each from a random point of its period")
            if args.reader_rate
            else ""
        )
        + (f", in {args.reader_processes} client processes" if args.reader_processes > 1 else "")
        + f"), {args.checkers} checkers"
        + (f" ({args.checker_rate:g} saves/s each)" if args.checker_rate else "")
        + (" in the readers' process" if args.checkers_with_readers else ", each in a process")
        + " on "
        f"{args.work_claims} shared claims, {args.feed_clients} anonymous clients looping on "
        f"/claimreview.json ({args.feed_claims} extra published claims behind it); "
        + (f"{args.warmup:g} s of warm-up reading, then " if args.warmup else "")
        + (
            f"every reader's connection GETs every page {args.warmup_passes}x (warm-up), then "
            if args.warmup_passes
            else ""
        )
        + f"{args.seconds:g} s per engine for the app and "
        f"as much for the ceiling, alternating in {args.slices} slices. "
        f"PUBLIC_CACHE_SECONDS: {_cache_seconds(args)}.",
        "",
    ]
    print("\n".join(header), flush=True)
    engines = ["sqlite", "postgres"] if args.engine == "both" else [args.engine]
    with gunicorn(
        "ceiling_app:app", dict(os.environ), BENCH, args.workers, args.threads
    ) as ceiling:
        results = [run_engine(engine, args, ceiling) for engine in engines]
    lines = table(results)
    p99_limit = args.reader_p99_ms if args.reader_rate else None
    ok = passed(results, p99_limit)
    first = (
        f"readers' p99 < {p99_limit:g} ms, alone and with the feed hammered"
        if p99_limit
        else f"verdict pages >= {TARGET_RATIO:.0%} of the ceiling"
    )
    lines += [
        "",
        f"Targets ({first}, zero 5xx, zero lost updates): {'met' if ok else 'MISSED'}.",
    ]
    print("\n".join(lines))
    if args.write:
        write_section(header + lines, section=args.section)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
