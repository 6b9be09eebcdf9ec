"""The learner record: answers and progress saved as a learner works.

One small SQLite file per user (the standard library's ``sqlite3``; nothing to
install) holds, for each learner, scenario and exercise, the learner's latest
answers as JSON, when they started, when they last saved and when they marked
the exercise as done. A learner's portfolio page is made from it by
:func:`fncoach.pages.portfolio.portfolio_html`.

Where the record lives
    ``$FNCOACH_RECORD`` if set; otherwise ``$XDG_DATA_HOME/fncoach/record.sqlite3``
    (``~/.local/share/fncoach/record.sqlite3`` when ``XDG_DATA_HOME`` is unset).
    On a shared JupyterHub each user has their own home folder, so each has
    their own record.

Safe writing
    Every write is one short transaction started with ``BEGIN IMMEDIATE`` on a
    database in write-ahead-log mode with a busy timeout, so two notebooks
    (two kernels) can save at the same moment without losing either answer or
    leaving a half-written record.

Damaged or unfamiliar files
    A file that is not a readable SQLite database, fails SQLite's own check,
    or was written by an older or newer version of the record format is never
    overwritten or deleted: it is renamed with a timestamp (for example
    ``record.sqlite3.damaged-20261123T101500Z``), a fresh record is started and
    :attr:`Record.notice` says so in plain words for the learner.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> record = Record(folder / "record.sqlite3")
>>> record.save_answers("Sam", "tiny", "card_sort", {"c1": "harm"})
>>> record.load_answers("Sam", "tiny", "card_sort")
{'c1': 'harm'}
>>> record.mark_complete("Sam", "tiny", "card_sort")
>>> record.progress("Sam").done_count
1
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from .errors import FncoachError

__all__ = [
    "SCHEMA_VERSION",
    "RecordError",
    "Entry",
    "Progress",
    "Record",
    "default_record_path",
    "default_learner",
    "clean_learner_name",
    "learner_key",
    "learner_folder",
    "open_record",
]

#: Version of the record's table layout. Bump it when the tables change.
SCHEMA_VERSION = 1

#: How long a writer waits for another kernel's transaction to finish, in milliseconds.
BUSY_TIMEOUT_MS = 15000

_MAX_NAME = 80
_MAX_ANSWER_BYTES = 2_000_000

#: Where each learner was: the case they last had open. Added to version 1 records when they are opened (an
#: extra table that older versions of fncoach ignore), so it needs no new version number.
_PLACES = """CREATE TABLE IF NOT EXISTS places (
        learner_key TEXT PRIMARY KEY,
        learner TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )"""

#: A learner's own settings for how the course looks (e.g. larger text and high contrast), kept with their work.
_SETTINGS = """CREATE TABLE IF NOT EXISTS settings (
        learner_key TEXT NOT NULL,
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (learner_key, name)
    )"""

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS fncoach_schema (
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS answers (
        learner TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        answers_json TEXT NOT NULL,
        started_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        completed_at TEXT,
        PRIMARY KEY (learner, scenario_id, exercise_id)
    )""",
    _PLACES,
    _SETTINGS,
)


class RecordError(FncoachError):
    """A plain-English problem with the learner record (safe to show to a learner)."""


@dataclass(frozen=True)
class Entry:
    """One learner's saved work on one exercise of one scenario.

    Times are ISO 8601 text in UTC (``2026-11-23T10:15:00+00:00``).
    """

    learner: str
    scenario_id: str
    exercise_id: str
    answers: Mapping[str, Any]
    started_at: str
    saved_at: str
    completed_at: str | None

    @property
    def done(self) -> bool:
        """True when the learner marked this exercise as done."""
        return self.completed_at is not None


@dataclass(frozen=True)
class Progress:
    """What one learner has started and finished, oldest first."""

    learner: str
    entries: tuple[Entry, ...]

    @property
    def done_count(self) -> int:
        """How many exercises are marked as done."""
        return sum(1 for entry in self.entries if entry.done)

    @property
    def started_count(self) -> int:
        """How many exercises have been started (done or not)."""
        return len(self.entries)

    def is_done(self, scenario_id: str, exercise_id: str) -> bool:
        """True when this exercise of this scenario is marked as done."""
        return any(e.done for e in self.entries if e.scenario_id == scenario_id and e.exercise_id == exercise_id)

    def scenarios(self) -> tuple[str, ...]:
        """The scenario ids worked on, in the order first started."""
        seen: dict[str, None] = {}
        for entry in self.entries:
            seen.setdefault(entry.scenario_id, None)
        return tuple(seen)

    def summary(self) -> str:
        """One plain sentence, e.g. ``'Sam has finished 1 of 2 exercises started.'``.

        Examples
        --------
        >>> Progress("Sam", ()).summary()
        'Sam has not started any exercises yet.'
        """
        if not self.entries:
            return f"{self.learner} has not started any exercises yet."
        started = self.started_count
        noun = "exercise" if started == 1 else "exercises"
        return f"{self.learner} has finished {self.done_count} of {started} {noun} started."


def _utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def default_record_path() -> Path:
    """Where the learner record lives: ``$FNCOACH_RECORD``, else the user's XDG data folder.

    Examples
    --------
    >>> default_record_path().name
    'record.sqlite3'
    """
    override = os.environ.get("FNCOACH_RECORD", "").strip()
    if override:
        path = Path(override).expanduser()
        return path / "record.sqlite3" if path.is_dir() else path
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    base = Path(data_home).expanduser() if data_home else Path.home() / ".local" / "share"
    return base / "fncoach" / "record.sqlite3"


def default_learner() -> str:
    """The learner name to use when none is given: ``$FNCOACH_LEARNER``, else the login name.

    Examples
    --------
    >>> isinstance(default_learner(), str) and default_learner() != ""
    True
    """
    name = os.environ.get("FNCOACH_LEARNER", "").strip()
    if not name:
        try:
            import getpass

            name = getpass.getuser()
        except Exception:  # no login name (some containers)
            name = ""
    try:
        return clean_learner_name(name)
    except RecordError:
        return "learner"


def clean_learner_name(name: object) -> str:
    """Check and tidy a learner's name (spaces trimmed and squeezed).

    Raises
    ------
    RecordError
        If the name is empty, too long or has control characters.

    Examples
    --------
    >>> clean_learner_name("  Sam   Okafor ")
    'Sam Okafor'
    """
    if not isinstance(name, str):
        raise RecordError("Your name should be written as text.")
    tidy = " ".join(name.split())
    if not tidy:
        raise RecordError("Please type your name (or a nickname) so your work can be saved under it.")
    if len(tidy) > _MAX_NAME:
        raise RecordError(f"That name is {len(tidy)} characters long; please use {_MAX_NAME} or fewer.")
    if any(ord(ch) < 32 for ch in tidy):
        raise RecordError("Your name has a hidden control character in it; please type it again.")
    return tidy


def learner_key(name: object) -> str:
    """The form of a name used to find a learner's work: tidied and without capitals.

    "Dana Carer", "dana carer" and "  DANA   carer " are the same learner.

    Examples
    --------
    >>> learner_key("  Dana   CARER ") == learner_key("dana carer")
    True
    """
    return clean_learner_name(name).casefold()


def learner_folder(learner: str, base: str | os.PathLike[str] | None = None) -> Path:
    """The learner's own folder for files they save (a network saved as a scenario): one per learner.

    It sits beside the learner record (``my-work/<name>``), so on a shared course server each learner's files
    are kept apart, and their trainer finds them with the record.

    Examples
    --------
    >>> learner_folder("  Zoë  Carer", base="/data").as_posix()
    '/data/my-work/zoe-carer'
    """
    import re
    import unicodedata

    key = unicodedata.normalize("NFKD", learner_key(learner)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "learner"
    return Path(base if base is not None else default_record_path().parent) / "my-work" / slug


def _clean_id(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RecordError(f"The {what} is missing, so the work could not be saved.")
    if len(value) > 200:
        raise RecordError(f"The {what} is too long to save ({len(value)} characters).")
    return value.strip()


def _answers_json(answers: object) -> str:
    if not isinstance(answers, Mapping):
        raise RecordError(f"Answers must be a dictionary of plain values, not {type(answers).__name__}.")
    try:
        text = json.dumps(dict(answers), ensure_ascii=False, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError) as error:
        raise RecordError(f"These answers cannot be saved as plain data: {error}.") from None
    if len(text.encode("utf-8")) > _MAX_ANSWER_BYTES:
        raise RecordError("These answers are too large to save (more than 2 MB).")
    return text


def _plain_sqlite_error(error: sqlite3.Error, path: Path) -> RecordError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return RecordError(
            "Your work could not be saved just now because another notebook was saving at the same moment. "
            "It is still on screen; it will be saved again with your next change."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return RecordError(f"Your work could not be saved because the saved-work file ({path.name}) cannot be "
                           "written to. "
                           "Your trainer can check the folder's permissions.")
    if "disk" in text and "full" in text:
        return RecordError("Your work could not be saved because the disk is full. Tell your trainer.")
    return RecordError(f"Your work could not be saved ({error}). It is still on screen.")


class Record:
    """A learner record on disk.

    Parameters
    ----------
    path : str or Path, optional
        The SQLite file. Default: :func:`default_record_path`.
    clock : callable, optional
        Returns the current time as ISO text; pass a fixed clock in tests.

    Attributes
    ----------
    path : Path
        The record file in use.
    moved_aside : Path or None
        Where an unusable earlier file was kept, if one was found when opening.
    notice : str
        A plain message for the learner when something was moved aside, else ``""``.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, clock: Callable[[], str] | None = None):
        self.path = Path(path).expanduser() if path is not None else default_record_path()
        self._clock = clock or _utc_now
        self.moved_aside: Path | None = None
        self.notice = ""
        self._open_checked()

    # ------------------------------------------------------------------ connection and checks

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RecordError(f"The folder for your saved work (the one holding {self.path.name}) could not be made: "
                              f"{error.strerror or error}.") from None
        try:
            conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as error:
            raise _plain_sqlite_error(error, self.path) from None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise _plain_sqlite_error(error, self.path) from None
        finally:
            conn.close()

    def _problem_with_file(self) -> str | None:
        """Why the existing file cannot be used (``None`` when it is fine); creates the tables if new."""
        try:
            conn = self._connect()
        except RecordError:
            raise
        try:
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as error:
                if "locked" in str(error).lower():
                    pass  # another kernel is setting it up; WAL is already on or will be
                else:
                    raise
            check = conn.execute("PRAGMA quick_check").fetchone()
            if not check or check[0] != "ok":
                return "damaged"
            conn.execute("BEGIN IMMEDIATE")
            try:
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                if not tables:
                    for statement in _SCHEMA:
                        conn.execute(statement)
                    conn.execute("INSERT INTO fncoach_schema (version, created_at) VALUES (?, ?)",
                                 (SCHEMA_VERSION, self._clock()))
                    conn.execute("COMMIT")
                    return None
                conn.execute("ROLLBACK")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            if "fncoach_schema" not in tables:
                return "foreign"
            row = conn.execute("SELECT MAX(version) FROM fncoach_schema").fetchone()
            version = row[0] if row else None
            if version is None:
                return "foreign"
            if version < SCHEMA_VERSION:
                return "older"
            if version > SCHEMA_VERSION:
                return "newer"
            if "answers" not in tables:
                return "damaged"
            return None
        except sqlite3.DatabaseError as error:
            text = str(error).lower()
            if "locked" in text or "busy" in text:
                raise _plain_sqlite_error(error, self.path) from None
            return "damaged"
        finally:
            conn.close()

    def _open_checked(self) -> None:
        before = self._inode()
        problem = self._problem_with_file()
        if problem is None:
            self._add_places_table()
            return
        kept = self._move_aside(problem, before)
        why = {
            "damaged": "could not be read (it looks damaged)",
            "foreign": "is not an fncoach learner record",
            "older": "was made by an older version of fncoach",
            "newer": "was made by a newer version of fncoach",
        }[problem]
        self.moved_aside = kept
        if kept is not None:
            self.notice = (
                f"Your saved-work file {self.path.name} {why}. Nothing has been deleted: it has been kept safely as "
                f"{kept.name} beside it, and a fresh record has been started, so you can carry on. "
                "Your trainer can help you get earlier answers back from the kept file."
            )
        again = self._problem_with_file()
        if again is not None:
            raise RecordError(f"A fresh learner record could not be started at {self.path} ({again}). "
                              "Tell your trainer; nothing has been deleted.")

    def _add_places_table(self) -> None:
        with self._transaction() as conn:
            conn.execute(_PLACES)
            conn.execute(_SETTINGS)

    def _inode(self) -> int | None:
        try:
            return self.path.stat().st_ino
        except OSError:
            return None

    def _move_aside(self, problem: str, inode: int | None) -> Path | None:
        """Rename the unusable file (and its -wal/-shm companions) with a timestamp; never overwrite."""
        if inode is not None and self._inode() != inode:
            return None  # another kernel already replaced it
        stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        label = {"damaged": "damaged", "foreign": "unknown", "older": "older-version", "newer": "newer-version"}[problem]
        base = f"{self.path.name}.{label}-{stamp}"
        target = self.path.with_name(base)
        counter = 1
        while any(Path(str(target) + suffix).exists() for suffix in ("", "-wal", "-shm")):
            counter += 1
            target = self.path.with_name(f"{base}-{counter}")
        try:
            os.rename(self.path, target)
        except FileNotFoundError:
            return None  # someone else moved it first
        except OSError as error:
            raise RecordError(f"The learner record {self.path} cannot be used ({problem}) and could not be "
                              f"moved aside: {error.strerror or error}. Tell your trainer.") from None
        for suffix in ("-wal", "-shm"):
            companion = Path(str(self.path) + suffix)
            if companion.exists():
                with contextlib.suppress(OSError):
                    os.rename(companion, Path(str(target) + suffix))
        return target

    # ------------------------------------------------------------------ names

    def _stored_name(self, conn: sqlite3.Connection, learner: str) -> str:
        """The spelling already used for this learner in the record (case and spaces aside), else ``learner``."""
        key = learner_key(learner)
        for (name,) in conn.execute("SELECT learner FROM places WHERE learner_key = ?", (key,)):
            return name
        for (name,) in conn.execute("SELECT DISTINCT learner FROM answers ORDER BY started_at"):
            if learner_key(name) == key:
                return name
        return learner

    def _find_name(self, learner: str) -> str:
        learner = clean_learner_name(learner)
        conn = self._connect()
        try:
            return self._stored_name(conn, learner)
        except sqlite3.DatabaseError as error:
            raise RecordError(f"Your saved work could not be read just now ({error}). Try again in a moment.") from None
        finally:
            conn.close()

    # ------------------------------------------------------------------ where each learner was

    def remember_place(self, learner: str, scenario_id: str) -> None:
        """Remember the case ``learner`` has open now (see :meth:`last_place` and :meth:`last_learner`).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> record = Record(pathlib.Path(tempfile.mkdtemp()) / "r.sqlite3")
        >>> record.remember_place("Dana Carer", "tiny")
        >>> record.last_place("dana  carer"), record.last_learner()
        ('tiny', 'Dana Carer')
        """
        learner = clean_learner_name(learner)
        scenario_id = _clean_id(scenario_id, "scenario name")
        with self._transaction() as conn:
            name = self._stored_name(conn, learner)
            conn.execute(
                """INSERT INTO places (learner_key, learner, scenario_id, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (learner_key) DO UPDATE SET scenario_id = excluded.scenario_id,
                   updated_at = excluded.updated_at""",
                (learner_key(learner), name, scenario_id, self._clock()),
            )

    def last_place(self, learner: str) -> str | None:
        """The case ``learner`` last had open, or ``None``."""
        rows = self._select("SELECT scenario_id FROM places WHERE learner_key = ?", (learner_key(learner),))
        return rows[0][0] if rows else None

    def last_learner(self) -> str | None:
        """The learner who last opened a case with this record (one person's own record: their name), or ``None``."""
        rows = self._select("SELECT learner FROM places ORDER BY updated_at DESC, rowid DESC LIMIT 1", ())
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------ the learner's own settings

    def set_setting(self, learner: str, name: str, value: str) -> None:
        """Keep one of ``learner``'s settings (how the course looks for them), e.g. ``("display", "large")``.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> record = Record(pathlib.Path(tempfile.mkdtemp()) / "r.sqlite3")
        >>> record.set_setting("Dana Carer", "display", "large")
        >>> record.setting("dana  carer", "display"), record.setting("Sam", "display")
        ('large', None)
        """
        learner = clean_learner_name(learner)
        name = _clean_id(name, "setting name")
        with self._transaction() as conn:
            conn.execute(
                """INSERT INTO settings (learner_key, name, value, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (learner_key, name) DO UPDATE SET value = excluded.value,
                   updated_at = excluded.updated_at""",
                (learner_key(learner), name, str(value), self._clock()),
            )

    def setting(self, learner: str, name: str) -> str | None:
        """One of ``learner``'s settings, or ``None`` if they have not chosen it."""
        rows = self._select("SELECT value FROM settings WHERE learner_key = ? AND name = ?",
                            (learner_key(learner), name))
        return rows[0][0] if rows else None

    # ------------------------------------------------------------------ writing

    def save_answers(self, learner: str, scenario_id: str, exercise_id: str, answers: Mapping[str, Any]) -> None:
        """Save (replace) a learner's answers to one exercise, in one transaction.

        Raises
        ------
        RecordError
            With a plain message if the answers could not be saved; nothing is half-written.
        """
        learner = clean_learner_name(learner)
        scenario_id = _clean_id(scenario_id, "scenario name")
        exercise_id = _clean_id(exercise_id, "exercise name")
        text = _answers_json(answers)
        now = self._clock()
        with self._transaction() as conn:
            learner = self._stored_name(conn, learner)
            conn.execute(
                """INSERT INTO answers (learner, scenario_id, exercise_id, answers_json, started_at, saved_at)
                   VALUES (?, ?, ?, ?, ?, ?)
                   ON CONFLICT (learner, scenario_id, exercise_id)
                   DO UPDATE SET answers_json = excluded.answers_json, saved_at = excluded.saved_at""",
                (learner, scenario_id, exercise_id, text, now, now),
            )

    def mark_complete(self, learner: str, scenario_id: str, exercise_id: str, done: bool = True) -> None:
        """Mark an exercise as done (or, with ``done=False``, not done yet)."""
        learner = clean_learner_name(learner)
        scenario_id = _clean_id(scenario_id, "scenario name")
        exercise_id = _clean_id(exercise_id, "exercise name")
        now = self._clock()
        with self._transaction() as conn:
            learner = self._stored_name(conn, learner)
            conn.execute(
                """INSERT INTO answers (learner, scenario_id, exercise_id, answers_json, started_at, saved_at,
                                        completed_at)
                   VALUES (?, ?, ?, '{}', ?, ?, ?)
                   ON CONFLICT (learner, scenario_id, exercise_id) DO UPDATE SET completed_at = excluded.completed_at""",
                (learner, scenario_id, exercise_id, now, now, now if done else None),
            )

    # ------------------------------------------------------------------ reading

    def _select(self, sql: str, params: tuple) -> list[tuple]:
        conn = self._connect()
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise RecordError(f"Your saved work could not be read just now ({error}). Try again in a moment.") from None
        finally:
            conn.close()

    @staticmethod
    def _entry(row: tuple) -> Entry:
        learner, scenario_id, exercise_id, text, started, saved, completed = row
        try:
            answers = json.loads(text)
        except ValueError:
            answers = {}
        return Entry(learner, scenario_id, exercise_id, answers if isinstance(answers, dict) else {},
                     started, saved, completed)

    def load_answers(self, learner: str, scenario_id: str, exercise_id: str) -> dict | None:
        """The saved answers, or ``None`` if this exercise has not been started."""
        entry = self.entry(learner, scenario_id, exercise_id)
        return dict(entry.answers) if entry is not None else None

    def entry(self, learner: str, scenario_id: str, exercise_id: str) -> Entry | None:
        """The saved :class:`Entry` for one exercise, or ``None``."""
        rows = self._select(
            "SELECT learner, scenario_id, exercise_id, answers_json, started_at, saved_at, completed_at "
            "FROM answers WHERE learner = ? AND scenario_id = ? AND exercise_id = ?",
            (self._find_name(learner), scenario_id, exercise_id),
        )
        return self._entry(rows[0]) if rows else None

    def progress(self, learner: str) -> Progress:
        """Everything one learner has started, in the order they started it (their name matched as in :func:`learner_key`)."""
        learner = self._find_name(learner)
        rows = self._select(
            "SELECT learner, scenario_id, exercise_id, answers_json, started_at, saved_at, completed_at "
            "FROM answers WHERE learner = ? ORDER BY started_at, scenario_id, exercise_id",
            (learner,),
        )
        return Progress(learner, tuple(self._entry(row) for row in rows))

    def learners(self) -> tuple[str, ...]:
        """Every learner with saved work in this record, alphabetically."""
        return tuple(row[0] for row in self._select("SELECT DISTINCT learner FROM answers ORDER BY learner", ()))


def open_record(path: str | os.PathLike[str] | None = None) -> Record:
    """Open (or start) the learner record at ``path`` or the default place."""
    return Record(path)
