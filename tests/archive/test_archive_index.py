"""The archive's index follows the database, and its saved copy is only ever a copy."""

import threading

import numpy as np
import pytest
from sqlmodel import Session, delete

from factcheck.archive import archiveindex
from factcheck.archive.archiveindex import ArchiveIndex, archive_index, archive_stamp
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


@pytest.mark.parametrize("kind", ["exact", "approximate"])
def test_index_follows_new_replaced_and_deleted_vectors(session, kind):
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
    approximate(saved).refresh(session)
    assert [stamp for stamp, _ in saved.saved()] == [archive_stamp(session, MODEL)]

    def no_building(*args):
        raise AssertionError("the saved index should have been opened")

    monkeypatch.setattr(archiveindex, "new_index", no_building)
    again = approximate(saved)
    assert closest(again, session, 7) == labels[7]
    assert len(again.index) == 20


def test_saved_index_is_brought_up_to_date_and_saved_again(session, saved, monkeypatch):
    monkeypatch.setattr(archiveindex, "SAVE_EVERY", 2)
    for seed in range(10):
        archived(session, seed)
    approximate(saved).refresh(session)
    newer = [archived(session, seed) for seed in (10, 11)]
    again = approximate(saved)
    assert closest(again, session, 11) == newer[1]
    # saved afresh (two rows added), the copy of fewer rows deleted
    assert [stamp for stamp, _ in saved.saved()] == [archive_stamp(session, MODEL)]
    assert closest(approximate(saved), session, 10) == newer[0]


def test_new_rows_are_searched_beside_the_memory_mapped_index(session, saved, monkeypatch):
    monkeypatch.setattr(archiveindex, "SAVE_EVERY", 3)
    labels = [archived(session, seed) for seed in range(10)]
    approximate(saved).refresh(session)
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


def test_saved_index_of_rows_that_changed_is_not_used(session, saved):
    labels = [archived(session, seed) for seed in range(10)]
    approximate(saved).refresh(session)
    replace_vector(session, labels[4], 40)
    archived(session, 41)
    again = approximate(saved)
    assert closest(again, session, 40) == labels[4]
    assert closest(again, session, 4) != labels[4]
    assert [stamp for stamp, _ in saved.saved()] == [archive_stamp(session, MODEL)]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other rows"])
def test_damaged_saved_index_is_rebuilt(session, saved, damage):
    labels = [archived(session, seed) for seed in range(30)]
    approximate(saved).refresh(session)
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
    assert closest(again, session, 12) == labels[12]
    assert len(again.index) == 30
    assert [s for s, _ in saved.saved()] == [stamp]
    assert len(saved.open(stamp, DIM)[0]) == 30


def test_processes_finding_the_index_out_of_date_build_it_once(session, saved, monkeypatch):
    labels = [archived(session, seed) for seed in range(200)]
    builds, errors = [], []
    build = archiveindex.new_index
    monkeypatch.setattr(archiveindex, "new_index", lambda *a: builds.append(1) or build(*a))
    barrier = threading.Barrier(4)

    def search_in_a_new_process():
        try:
            barrier.wait()
            with Session(session.get_bind()) as mine:
                approximate(saved).refresh(mine)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=search_in_a_new_process) for _ in range(4)]
    [thread.start() for thread in threads]
    [thread.join() for thread in threads]
    assert errors == [] and len(builds) == 1
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
    assert len(index.saved.saved()) == 1
