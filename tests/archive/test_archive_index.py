"""The archive's index follows the database, its saved copy is only ever a copy, and a search
never builds the approximate index (the job and the command do)."""

import threading

import numpy as np
import pytest
from sqlmodel import Session, delete

from factcheck.archive import archiveindex, indexupkeep
from factcheck.archive.archiveindex import ArchiveIndex, archive_index, archive_stamp
from factcheck.archive.indexupkeep import update_saved_index, upkeep_due
from factcheck.archive.savedindex import SavedIndexes
from factcheck.archive.vectorindex import ApproximateIndex, label
from factcheck.models import ArchiveVector, ReferenceFactCheck

MODEL, DIM = "test model", 16


def unit(seed: int) -> np.ndarray:
    vector = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
    return vector / np.linalg.norm(vector)


def archived(session, seed: int) -> int:
    """A reference fact-check with a vector made from ``seed``; returns its label."""
    reference = ReferenceFactCheck(url=f"https://x.example/{seed}", claim_reviewed="c", raw="{}")
    session.add(reference)
    session.flush()
    vector = unit(seed).astype(np.float16).tobytes()
    session.add(ArchiveVector(reference_id=reference.id, model=MODEL, digest="d", vector=vector))
    session.commit()
    return label(None, reference.id)


def replace_vector(session, reference_label: int, seed: int) -> None:
    """What re-embedding does: the old row deleted, a new one stored."""
    reference_id = reference_label // 2
    session.exec(delete(ArchiveVector).where(ArchiveVector.reference_id == reference_id))
    vector = unit(seed).astype(np.float16).tobytes()
    session.add(ArchiveVector(reference_id=reference_id, model=MODEL, digest="e", vector=vector))
    session.commit()


def closest(index: ArchiveIndex, session, seed: int) -> int:
    labels, _ = index.search(session, unit(seed), 1)
    return int(labels[0])


@pytest.fixture
def saved(tmp_path):
    return SavedIndexes(tmp_path / "archive-index", "a database " + MODEL)


def approximate(saved=None) -> ArchiveIndex:
    """A new process's index (nothing in memory yet)."""
    return ArchiveIndex(MODEL, DIM, kind="approximate", saved=saved)


def delete_vector(session, reference_label: int) -> None:
    session.exec(delete(ArchiveVector).where(ArchiveVector.reference_id == reference_label // 2))
    session.commit()


@pytest.fixture
def no_building(monkeypatch):
    """Fails a test in which a search builds an index of the rows."""

    def refused(*args):
        raise AssertionError("a search built an index")

    monkeypatch.setattr(archiveindex, "new_index", refused)


@pytest.mark.parametrize("label_range", [4096, 2])
@pytest.mark.parametrize("kind", ["exact", "approximate"])
def test_index_follows_new_replaced_and_deleted_vectors(session, kind, monkeypatch, label_range):
    monkeypatch.setattr(archiveindex, "LABEL_RANGE", label_range)
    first, second = archived(session, 1), archived(session, 2)
    index = ArchiveIndex(MODEL, DIM, kind=kind)
    assert closest(index, session, 1) == first
    third = archived(session, 3)
    assert closest(index, session, 3) == third
    replace_vector(session, second, 4)
    assert closest(index, session, 4) == second
    assert len(index.index) == 3
    session.exec(delete(ArchiveVector).where(ArchiveVector.reference_id == third // 2))
    session.commit()
    fourth = archived(session, 5)  # a deletion is noticed with the next row stored
    assert closest(index, session, 3) != third
    assert closest(index, session, 5) == fourth
    assert len(index.index) == 3


def test_stamp_read_before_each_search_uses_indexes_not_the_table(session):
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("reads SQLite's query plan")
    archived(session, 1)
    plans = [
        " ".join(str(row[-1]) for row in session.connection().exec_driver_sql(
            f"EXPLAIN QUERY PLAN SELECT max({column}) FROM archivevector WHERE model = ?",
            (MODEL,),
        ))
        for column in ("id", "created_at")
    ]  # fmt: skip
    assert all("USING" in plan and "INDEX" in plan for plan in plans), plans


def test_vector_replaced_under_a_reused_id_is_not_missed(session):
    # SQLite gives a new row the id of a deleted newest row: count and newest id stay equal
    labels = [archived(session, seed) for seed in range(20)]
    index = ArchiveIndex(MODEL, DIM, kind="exact")
    index.refresh(session)
    replace_vector(session, labels[-1], 50)
    assert index.search(session, unit(50), 1)[1][0] == pytest.approx(1, abs=1e-3)
    assert index.search(session, unit(19), 1)[1][0] < 0.99
    assert len(index.index) == 20


def test_auto_switches_to_the_approximate_index_past_the_exact_limit(session):
    index = ArchiveIndex(MODEL, DIM, kind="auto", exact_limit=3)
    for seed in range(3):
        archived(session, seed)
    index.refresh(session)
    assert index.index.kind == "exact"
    fourth = archived(session, 3)
    assert closest(index, session, 3) == fourth
    assert index.index.kind == "approximate"


def test_next_process_opens_the_saved_index_instead_of_building_it(session, saved, monkeypatch):
    labels = [archived(session, seed) for seed in range(20)]
    assert update_saved_index(session, approximate(saved)) == "archive index of 20 vectors built"
    assert [stamp for stamp, _ in saved.saved()] == [archive_stamp(session, MODEL)]

    def no_building(*args):
        raise AssertionError("the saved index should have been opened")

    monkeypatch.setattr(archiveindex, "new_index", no_building)
    again = approximate(saved)
    assert closest(again, session, 7) == labels[7]
    assert len(again.index) == 20


def test_saved_index_is_brought_up_to_date_by_the_job_not_the_search(session, saved, monkeypatch):
    monkeypatch.setattr(indexupkeep, "SAVE_EVERY", 2)
    for seed in range(10):
        archived(session, seed)
    update_saved_index(session, approximate(saved))
    first = saved.saved()
    newer = [archived(session, seed) for seed in (10, 11)]
    again = approximate(saved)
    assert closest(again, session, 11) == newer[1]
    assert saved.saved() == first  # a search writes nothing
    assert upkeep_due(session, again) == "grown"
    done = update_saved_index(session, again)
    assert done == "archive index of 12 vectors updated (+2 since the last)"
    # saved afresh, the copy of fewer rows deleted
    assert [stamp for stamp, _ in saved.saved()] == [archive_stamp(session, MODEL)]
    assert upkeep_due(session, again) is None
    assert closest(approximate(saved), session, 10) == newer[0]
    assert closest(again, session, 10) == newer[0]  # opened the new file
    assert again.recent is None and len(again.index) == 12


def test_new_rows_are_searched_beside_the_memory_mapped_index(session, saved):
    labels = [archived(session, seed) for seed in range(10)]
    update_saved_index(session, approximate(saved))
    again = approximate(saved)
    assert closest(again, session, 3) == labels[3]
    newer = [archived(session, seed) for seed in (10, 11)]
    assert closest(again, session, 11) == newer[1]
    assert closest(again, session, 3) == labels[3]
    assert again.index.path is not None and len(again.recent) == 2  # not loaded whole
    for path in saved.folder.iterdir():  # another process saved newer rows meanwhile
        path.unlink()
    newest = archived(session, 12)
    assert closest(again, session, 12) == newest
    assert len(again.index) + len(again.recent or ()) == 13


@pytest.mark.parametrize("process", ["new", "running"])
def test_search_after_a_delete_or_replace_hides_the_old_vectors_without_rebuilding(
    session, saved, no_building, process
):
    labels = [archived(session, seed) for seed in range(30)]
    update_saved_index(session, approximate(saved))
    ((stamp, path),) = saved.saved()
    written = path.stat().st_mtime_ns
    running = approximate(saved)
    assert closest(running, session, 4) == labels[4]
    replace_vector(session, labels[4], 40)
    delete_vector(session, labels[7])
    newest = archived(session, 41)
    index = running if process == "running" else approximate(saved)
    assert closest(index, session, 40) == labels[4]
    assert closest(index, session, 4) != labels[4]
    assert closest(index, session, 7) != labels[7]
    assert closest(index, session, 41) == newest
    assert sorted(index.hidden) == sorted([labels[4], labels[7]])
    assert index.builds == 0 and index.index.path == path
    assert saved.saved() == [(stamp, path)] and path.stat().st_mtime_ns == written
    # the job brings the saved file up to date; the next search opens it
    assert upkeep_due(session, index) == "changed"
    assert update_saved_index(session, index) == (
        "archive index of 30 vectors updated (+0 since the last)"
    )
    assert [s for s, _ in saved.saved()] == [archive_stamp(session, MODEL)]
    assert closest(index, session, 40) == labels[4]
    assert len(index.hidden) == 0 and index.recent is None and len(index.index) == 30


@pytest.mark.parametrize("label_range", [4096, 4])  # deleted rows looked for range by range
def test_hidden_vectors_do_not_cost_a_search_its_k_results(
    session, saved, no_building, monkeypatch, label_range
):
    monkeypatch.setattr(archiveindex, "LABEL_RANGE", label_range)
    seeds = {archived(session, seed): seed for seed in range(60)}
    update_saved_index(session, approximate(saved))
    index = approximate(saved)
    query = unit(5)
    first, _ = index.search(session, query, 10)
    for gone in first[:6].tolist():  # the six closest to the query deleted
        delete_vector(session, gone)
        del seeds[gone]
    seeds[archived(session, 99)] = 99
    found, _ = index.search(session, query, 10)
    assert len(index.hidden) == 6 and index.builds == 0
    stored = {lab: unit(seed).astype(np.float16).astype(np.float32) for lab, seed in seeds.items()}
    assert found.tolist() == sorted(stored, key=lambda lab: -float(stored[lab] @ query))[:10]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other rows"])
def test_damaged_saved_index_is_deleted_and_rebuilt_by_the_job(session, saved, damage):
    labels = [archived(session, seed) for seed in range(30)]
    update_saved_index(session, approximate(saved))
    ((stamp, path),) = saved.saved()
    whole = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"not an index" * 100)
    elif damage == "truncated":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # a whole index, but not of these rows
        other = ApproximateIndex(DIM)
        other.add(np.array([2]), unit(99)[None, :])
        other.save(path)
    again = approximate(saved)
    assert closest(again, session, 12) == labels[12]  # searched exactly meanwhile
    assert again.index.kind == "exact" and again.builds == 0
    assert saved.saved() == [] and upkeep_due(session, again) == "missing"
    assert update_saved_index(session, again) == "archive index of 30 vectors built"
    assert [s for s, _ in saved.saved()] == [stamp]
    assert len(saved.open(stamp, DIM)[0]) == 30
    assert closest(again, session, 12) == labels[12]
    assert again.index.kind == "approximate" and len(again.index) == 30


def test_jobs_asked_at_once_build_the_index_once(session, saved):
    labels = [archived(session, seed) for seed in range(200)]
    done, errors = [], []
    barrier = threading.Barrier(4)

    def job_in_a_new_process():
        try:
            barrier.wait()
            with Session(session.get_bind()) as mine:
                done.append(update_saved_index(mine, approximate(saved)))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=job_in_a_new_process) for _ in range(4)]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    assert errors == [] and sorted(done) == [
        "archive index of 200 vectors built",
        *["the archive index of 200 vectors is up to date"] * 3,
    ]
    assert len(saved.saved()) == 1
    assert not [p for p in saved.folder.iterdir() if p.name.startswith(".saving-")]
    assert closest(approximate(saved), session, 150) == labels[150]


def test_app_saves_its_approximate_index_in_the_instance_folder(app, session):
    app.config["ARCHIVE_INDEX"] = "approximate"
    engine = app.extensions["factcheck.engine"]
    index = archive_index(engine, app.config, MODEL, DIM)
    first = archived(session, 1)
    assert closest(index, session, 1) == first
    assert index.saved.folder.parent.samefile(app.instance_path)
    assert index.saved.saved() == []  # searched exactly until the job saves it
    update_saved_index(session, index)
    assert len(index.saved.saved()) == 1
    assert closest(index, session, 1) == first and index.index.kind == "approximate"
