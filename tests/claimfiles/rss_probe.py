"""Run by test_streaming in its own process: python rss_probe.py FILE FOLDER.

Imports the claim file FILE into a new SQLite database in FOLDER and exports it again, in
batches of 200 claims, and prints how much the process's peak memory (max RSS) grew over
that import and export, in MB. A round trip of the demo file comes first, so that modules
and caches loaded on first use are not counted.
"""

import resource
import sys
from pathlib import Path

from factcheck import db
from factcheck.claimfiles import dump, load
from factcheck.models import Article

DEMO = Path(__file__).resolve().parents[2] / "claims" / "kazakhstan-abraham-accords.yaml"


def round_trip(engine, path: Path, out: Path) -> None:
    with db.transaction(engine) as session:
        article_id = load.import_path(session, path, trusted=True).article.id
    with db.transaction(engine) as session, open(out, "w", encoding="utf-8") as file:
        for chunk in dump.dump_chunks(session, session.get(Article, article_id)):
            file.write(chunk)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def main() -> None:
    path, folder = Path(sys.argv[1]), Path(sys.argv[2])
    load.BATCH_SIZE = dump.BATCH_SIZE = 200
    engine = db.make_engine(f"sqlite:///{folder / 'probe.db'}")
    db.upgrade(engine)
    round_trip(engine, DEMO, folder / "demo.yaml")
    before = peak_mb()
    round_trip(engine, path, folder / "out.yaml")
    if (folder / "out.yaml").read_bytes() != path.read_bytes():
        raise SystemExit("the exported file differs from the imported one")
    print(f"{peak_mb() - before:.1f}")


if __name__ == "__main__":
    main()
