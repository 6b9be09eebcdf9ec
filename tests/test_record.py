"""Tests for the learner record: resume, concurrent writers, damaged and old files (the portfolio page: test_pages_portfolio)."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from fncoach.record import (
    SCHEMA_VERSION,
    Progress,
    Record,
    RecordError,
    clean_learner_name,
    default_record_path,
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "rec" / "record.sqlite3"


def fixed_clock(*times: str):
    values = iter(times)
    last = [times[-1]]

    def clock() -> str:
        try:
            last[0] = next(values)
        except StopIteration:
            pass
        return last[0]

    return clock


def test_resume_after_reopening(db: Path):
    first = Record(db)
    first.save_answers("Sam", "tiny", "card_sort", {"c1": "harm", "c2": "strength"})
    first.save_answers("Sam", "tiny", "card_sort", {"c1": "danger", "c2": "strength"})  # later change wins
    again = Record(db)  # a new kernel opening the same record
    assert again.load_answers("Sam", "tiny", "card_sort") == {"c1": "danger", "c2": "strength"}
    assert again.load_answers("Sam", "tiny", "scaling") is None
    assert again.load_answers("Someone else", "tiny", "card_sort") is None
    assert again.notice == "" and again.moved_aside is None


def test_started_date_kept_and_saved_date_moves(db: Path):
    rec = Record(db, clock=fixed_clock("2026-01-01T09:00:00+00:00", "2026-01-01T09:00:00+00:00",
                                       "2026-01-02T10:00:00+00:00", "2026-01-03T11:00:00+00:00"))
    rec.save_answers("Sam", "tiny", "plan", {"a": 1})
    rec.save_answers("Sam", "tiny", "plan", {"a": 2})
    entry = rec.entry("Sam", "tiny", "plan")
    assert entry.started_at == "2026-01-01T09:00:00+00:00"
    assert entry.saved_at == "2026-01-02T10:00:00+00:00"
    assert not entry.done
    rec.mark_complete("Sam", "tiny", "plan")
    entry = rec.entry("Sam", "tiny", "plan")
    assert entry.completed_at == "2026-01-03T11:00:00+00:00"
    assert entry.answers == {"a": 2}  # marking done keeps the answers


def test_progress_counts_and_undo(db: Path):
    rec = Record(db)
    rec.save_answers("Sam", "tiny", "a", {"x": 1})
    rec.save_answers("Sam", "tiny", "b", {"x": 2})
    rec.mark_complete("Sam", "tiny", "a")
    rec.mark_complete("Sam", "other", "c")  # done without answers still counts
    progress = rec.progress("Sam")
    assert (progress.started_count, progress.done_count) == (3, 2)
    assert progress.is_done("tiny", "a") and not progress.is_done("tiny", "b")
    assert progress.summary() == "Sam has finished 2 of 3 exercises started."
    rec.mark_complete("Sam", "tiny", "a", done=False)
    assert rec.progress("Sam").done_count == 1
    assert rec.learners() == ("Sam",)


def test_names_are_tidied_so_the_same_learner_is_found(db: Path):
    rec = Record(db)
    rec.save_answers("  Sam  Okafor ", "tiny", "a", {"x": 1})
    assert rec.load_answers("Sam Okafor", "tiny", "a") == {"x": 1}


def test_names_match_whatever_the_capitals_and_spaces(db: Path):
    rec = Record(db)
    rec.save_answers("Dana Carer", "tiny", "a", {"x": 1})
    rec.save_answers("dana  carer", "tiny", "b", {"y": 2})  # typed again in lower case on another day
    rec.mark_complete("DANA CARER", "tiny", "b")
    assert Record(db).load_answers("dana carer", "tiny", "a") == {"x": 1}
    assert rec.learners() == ("Dana Carer",)  # one learner, kept as first written
    progress = rec.progress("  DANA carer")
    assert progress.learner == "Dana Carer" and progress.started_count == 2 and progress.done_count == 1


def test_where_each_learner_was_is_remembered(db: Path):
    rec = Record(db, clock=fixed_clock("2026-01-01T09:00:00+00:00", "2026-01-01T09:00:00+00:00",
                                       "2026-01-01T10:00:00+00:00", "2026-01-01T11:00:00+00:00"))
    assert rec.last_learner() is None and rec.last_place("Sam") is None
    rec.remember_place("Sam", "tiny")
    rec.remember_place("Ali", "other_case")
    rec.remember_place("sam", "third_case")  # the same Sam, later
    again = Record(db)
    assert again.last_place("SAM") == "third_case" and again.last_place("Ali") == "other_case"
    assert again.last_learner() == "Sam"


def test_an_older_record_gains_the_places_table(db: Path):
    Record(db).save_answers("Sam", "tiny", "a", {"x": 1})
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE places")
    again = Record(db)
    assert again.notice == "" and again.load_answers("Sam", "tiny", "a") == {"x": 1}
    again.remember_place("Sam", "tiny")
    assert again.last_place("Sam") == "tiny"


@pytest.mark.parametrize("bad", ["", "   ", "x" * 81, "Sam\x07"])
def test_bad_names_are_refused_plainly(bad: str):
    with pytest.raises(RecordError):
        clean_learner_name(bad)


def test_answers_that_are_not_plain_data_are_refused_and_nothing_written(db: Path):
    rec = Record(db)
    rec.save_answers("Sam", "tiny", "a", {"x": 1})
    with pytest.raises(RecordError, match="plain data"):
        rec.save_answers("Sam", "tiny", "a", {"x": object()})
    with pytest.raises(RecordError):
        rec.save_answers("Sam", "tiny", "a", ["not", "a", "dict"])  # type: ignore[arg-type]
    assert rec.load_answers("Sam", "tiny", "a") == {"x": 1}


def _writer(path: str, learner: str, count: int) -> None:
    rec = Record(path)
    for i in range(count):
        rec.save_answers(learner, "tiny", f"exercise_{i}", {"n": i, "who": learner})
        if i % 5 == 0:
            rec.mark_complete(learner, "tiny", f"exercise_{i}")


def test_two_kernels_writing_at_the_same_time_lose_nothing(db: Path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(db), name, 40)) for name in ("Ann", "Ben")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    rec = Record(db)
    for name in ("Ann", "Ben"):
        progress = rec.progress(name)
        assert progress.started_count == 40
        assert progress.done_count == 8
        assert rec.load_answers(name, "tiny", "exercise_39") == {"n": 39, "who": name}
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damaged_file_is_kept_aside_and_the_learner_told(db: Path):
    db.parent.mkdir(parents=True)
    garbage = b"this is not a database at all\n" * 200
    db.write_bytes(garbage)
    rec = Record(db)
    assert rec.moved_aside is not None and rec.moved_aside.exists()
    assert rec.moved_aside.read_bytes() == garbage  # kept exactly, never overwritten
    assert ".damaged-" in rec.moved_aside.name
    assert "Nothing has been deleted" in rec.notice and rec.moved_aside.name in rec.notice
    assert str(rec.moved_aside.parent) not in rec.notice  # learners never see the server's folders
    rec.save_answers("Sam", "tiny", "a", {"x": 1})  # a fresh record works
    assert Record(db).load_answers("Sam", "tiny", "a") == {"x": 1}


def test_damaged_pages_inside_a_real_database_are_found(db: Path):
    rec = Record(db)
    for i in range(300):
        rec.save_answers("Sam", "tiny", f"e{i}", {"text": "x" * 500})
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    assert len(data) > 8192
    for offset in range(4096 + 16, len(data), 4096):  # scribble over every page but the header page
        data[offset : offset + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    fresh = Record(db)
    assert fresh.moved_aside is not None
    assert fresh.progress("Sam").started_count == 0


@pytest.mark.parametrize("version, label", [(0, "older-version"), (SCHEMA_VERSION + 1, "newer-version")])
def test_other_version_is_kept_aside(db: Path, version: int, label: str):
    db.parent.mkdir(parents=True)
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE fncoach_schema (version INTEGER NOT NULL, created_at TEXT NOT NULL)")
        conn.execute("INSERT INTO fncoach_schema VALUES (?, '2025-01-01')", (version,))
        conn.execute("CREATE TABLE answers (learner TEXT, stuff TEXT)")
        conn.execute("INSERT INTO answers VALUES ('Sam', 'old work')")
    conn.close()
    rec = Record(db)
    assert rec.moved_aside is not None and label in rec.moved_aside.name
    assert ("older" if version == 0 else "newer") in rec.notice
    with sqlite3.connect(rec.moved_aside) as old:  # the old work is still there
        assert old.execute("SELECT stuff FROM answers").fetchone() == ("old work",)
    old.close()
    assert rec.progress("Sam").started_count == 0


def test_moving_aside_twice_never_overwrites(db: Path):
    db.parent.mkdir(parents=True)
    db.write_bytes(b"first broken file" * 100)
    first = Record(db).moved_aside
    db.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.write_bytes(b"second broken file" * 100)
    second = Record(db).moved_aside
    assert first != second and first.exists() and second.exists()
    assert first.read_bytes().startswith(b"first") and second.read_bytes().startswith(b"second")


def test_default_path_follows_environment(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "mine.sqlite3"))
    assert default_record_path() == tmp_path / "mine.sqlite3"
    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path))  # a folder: the file goes inside it
    assert default_record_path() == tmp_path / "record.sqlite3"
    monkeypatch.delenv("FNCOACH_RECORD")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_record_path() == tmp_path / "xdg" / "fncoach" / "record.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_record_path() == tmp_path / "home" / ".local" / "share" / "fncoach" / "record.sqlite3"


def test_unwritable_folder_gives_a_plain_message(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(RecordError, match="could not be made"):
        Record(blocker / "record.sqlite3")


def test_progress_summary_single():
    from fncoach.record import Entry

    entry = Entry("Sam", "t", "e", {}, "2026-01-01", "2026-01-01", None)
    assert Progress("Sam", (entry,)).summary() == "Sam has finished 0 of 1 exercise started."
