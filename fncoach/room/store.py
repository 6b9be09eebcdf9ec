"""Where the training rooms are kept: SQLite by default, any SQLAlchemy database URL on request.

The room service is the only writer. Every change is one transaction, so a
restart of the service or the hub — or two learners sharing at the same moment
— never leaves half a share behind; SQLite runs in write-ahead-log mode with a
busy timeout, as the learner record does. Closing a room keeps everything for
the facilitator to export; only deleting a (closed) room removes it.

Examples
--------
>>> store = RoomStore("sqlite://")          # in memory, for the example
>>> code = store.open_room("trainer", "Tuesday group", "long_term_foster_links", code="K7P4QX")
>>> store.join(code, "dana").title
'Tuesday group'
>>> store.share(code, "dana", "scale", "own", {"score": 6, "reason": "Nana Pat is there."})
>>> store.view(code, "trainer").scale_numbers
(6,)
>>> store.mine(code, "dana")[0].value["score"]
6
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any, Callable, Optional

from sqlalchemy import (Column, DateTime, Integer, MetaData, String, Table, Text, UniqueConstraint, and_, create_engine,
                        delete, event, func, insert, select, update)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from .shares import RoomError, RoomView, Share, clean_share, new_room_code, room_view, valid_room_code

__all__ = ["RoomStore", "Room", "default_db_url"]

_metadata = MetaData()

rooms = Table(
    "fncoach_rooms", _metadata,
    Column("code", String(12), primary_key=True),
    Column("owner", String(255), nullable=False),
    Column("title", String(200), nullable=False),
    Column("scenario", String(120), nullable=False),
    Column("opened_at", DateTime(timezone=True), nullable=False),
    Column("closed_at", DateTime(timezone=True), nullable=True),
)
members = Table(
    "fncoach_room_members", _metadata,
    Column("room", String(12), primary_key=True),
    Column("learner", String(255), primary_key=True),
    Column("joined_at", DateTime(timezone=True), nullable=False),
)
shares = Table(
    "fncoach_room_shares", _metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("room", String(12), nullable=False, index=True),
    Column("learner", String(255), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("item", String(80), nullable=False),
    Column("value_json", Text, nullable=False),
    Column("shared_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("room", "learner", "kind", "item"),
)


@dataclass(frozen=True)
class Room:
    """A room as its facilitator sees it in a list."""

    code: str
    owner: str
    title: str
    scenario: str
    opened_at: _dt.datetime
    closed_at: Optional[_dt.datetime]

    @property
    def is_open(self) -> bool:
        """True until the facilitator closes the room."""
        return self.closed_at is None


def default_db_url(folder: str = ".") -> str:
    """The SQLite file the service uses when no database URL is given: ``fncoach-rooms.sqlite`` in ``folder``."""
    from pathlib import Path

    return "sqlite:///" + str((Path(folder) / "fncoach-rooms.sqlite").resolve())


def _utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


class RoomStore:
    """The rooms, their members and what each member shared, in one database.

    Parameters
    ----------
    url : str
        A SQLAlchemy database URL: ``sqlite:////srv/fncoach/rooms.sqlite``
        (the default kind), ``postgresql://...`` for a hub that already runs
        PostgreSQL, or ``sqlite://`` for a throw-away store in memory.
    clock : callable, optional
        Returns "now" (tests pass a fixed clock).
    """

    def __init__(self, url: str, clock: Callable[[], _dt.datetime] = _utc_now):
        self.url = url
        self._clock = clock
        try:
            self.engine: Engine = _engine(url)
            _metadata.create_all(self.engine)
        except SQLAlchemyError as error:
            raise RoomError(f"The room database ({_safe_url(url)}) could not be opened: "
                            f"{error.__class__.__name__}.", 500) from None

    # ------------------------------------------------------------------ rooms

    def open_room(self, owner: str, title: str, scenario: str, code: Optional[str] = None) -> str:
        """Open a new room owned by ``owner`` and return its code."""
        title = (title or "").strip() or "Training room"
        for _ in range(20):
            candidate = valid_room_code(code) if code else new_room_code()
            with self.engine.begin() as conn:
                if conn.execute(select(rooms.c.code).where(rooms.c.code == candidate)).first() is None:
                    conn.execute(insert(rooms).values(code=candidate, owner=owner, title=title[:200],
                                                      scenario=scenario[:120], opened_at=self._clock(),
                                                      closed_at=None))
                    return candidate
            if code:
                raise RoomError(f"There is already a room {candidate}.", 409)
        raise RoomError("No free room code could be found; try again.", 503)  # pragma: no cover - 32^6 codes

    def room(self, code: str) -> Room:
        """The room with this code (a :class:`RoomError` 404 if there is none)."""
        code = valid_room_code(code)
        with self.engine.connect() as conn:
            row = conn.execute(select(rooms).where(rooms.c.code == code)).first()
        if row is None:
            raise RoomError(f"There is no room {code}. Check the code with your facilitator.", 404)
        return Room(row.code, row.owner, row.title, row.scenario, _aware(row.opened_at), _aware(row.closed_at))

    def rooms_of(self, owner: str) -> list[Room]:
        """Every room this facilitator opened, newest first."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(rooms).where(rooms.c.owner == owner)
                                .order_by(rooms.c.opened_at.desc(), rooms.c.code)).all()
        return [Room(r.code, r.owner, r.title, r.scenario, _aware(r.opened_at), _aware(r.closed_at)) for r in rows]

    def _owned(self, code: str, user: str, is_admin: bool) -> Room:
        room = self.room(code)
        if room.owner != user and not is_admin:
            raise RoomError(f"Room {room.code} belongs to another facilitator.", 403)
        return room

    def close_room(self, code: str, user: str, is_admin: bool = False) -> None:
        """Close a room: nobody can join or share any more; everything shared is kept."""
        room = self._owned(code, user, is_admin)
        with self.engine.begin() as conn:
            conn.execute(update(rooms).where(rooms.c.code == room.code).values(closed_at=self._clock()))

    def delete_room(self, code: str, user: str, is_admin: bool = False) -> None:
        """Delete a closed room and everything shared in it."""
        room = self._owned(code, user, is_admin)
        if room.is_open:
            raise RoomError(f"Room {room.code} is still open: close it (and export its record) before deleting it.",
                            409)
        with self.engine.begin() as conn:
            conn.execute(delete(shares).where(shares.c.room == room.code))
            conn.execute(delete(members).where(members.c.room == room.code))
            conn.execute(delete(rooms).where(rooms.c.code == room.code))

    # ------------------------------------------------------------------ learners

    def _open_room(self, code: str) -> Room:
        room = self.room(code)
        if not room.is_open:
            raise RoomError(f"Room {room.code} has been closed by its facilitator.", 409)
        return room

    def join(self, code: str, learner: str) -> Room:
        """Add ``learner`` to an open room (joining twice is the same as joining once)."""
        room = self._open_room(code)
        with self.engine.begin() as conn:
            known = conn.execute(select(members.c.learner).where(
                and_(members.c.room == room.code, members.c.learner == learner))).first()
            if known is None:
                conn.execute(insert(members).values(room=room.code, learner=learner, joined_at=self._clock()))
        return room

    def _member(self, conn, room: Room, learner: str) -> None:
        known = conn.execute(select(members.c.learner).where(
            and_(members.c.room == room.code, members.c.learner == learner))).first()
        if known is None:
            raise RoomError(f"Join room {room.code} before sharing with it.", 403)

    def share(self, code: str, learner: str, kind: str, item: str, value: Any) -> None:
        """Share (or replace) one answer with an open room the learner has joined."""
        kind, item, value = clean_share(kind, item, value)
        room = self._open_room(code)
        with self.engine.begin() as conn:
            self._member(conn, room, learner)
            conn.execute(delete(shares).where(and_(shares.c.room == room.code, shares.c.learner == learner,
                                                   shares.c.kind == kind, shares.c.item == item)))
            conn.execute(insert(shares).values(room=room.code, learner=learner, kind=kind, item=item,
                                               value_json=json.dumps(value, ensure_ascii=False),
                                               shared_at=self._clock()))

    def withdraw(self, code: str, learner: str, kind: Optional[str] = None, item: Optional[str] = None) -> int:
        """Take back what ``learner`` shared (one answer, one kind, or everything); returns how many."""
        room = self.room(code)
        conditions = [shares.c.room == room.code, shares.c.learner == learner]
        if kind is not None:
            conditions.append(shares.c.kind == kind)
        if item is not None:
            conditions.append(shares.c.item == item)
        with self.engine.begin() as conn:
            return conn.execute(delete(shares).where(and_(*conditions))).rowcount or 0

    def mine(self, code: str, learner: str) -> list[Share]:
        """What this learner has shared with the room (nobody else's)."""
        room = self.room(code)
        return self._shares(room.code, learner)

    def _shares(self, code: str, learner: Optional[str] = None) -> list[Share]:
        query = select(shares).where(shares.c.room == code)
        if learner is not None:
            query = query.where(shares.c.learner == learner)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(shares.c.seq)).all()
        return [Share(r.learner, r.kind, r.item, json.loads(r.value_json)) for r in rows]

    # ------------------------------------------------------------------ the facilitator's view

    def view(self, code: str, user: str, is_admin: bool = False) -> RoomView:
        """What the room has shared, for its facilitator (or a hub admin): spreads and counts, nobody named."""
        room = self._owned(code, user, is_admin)
        with self.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(members).where(members.c.room == room.code)).scalar()
        return room_view(self._shares(room.code), learners=int(count or 0))


def _aware(value: Optional[_dt.datetime]) -> Optional[_dt.datetime]:
    if value is not None and value.tzinfo is None:  # SQLite gives naive datetimes back
        return value.replace(tzinfo=_dt.timezone.utc)
    return value


def _safe_url(url: str) -> str:
    """The URL without a password, for messages."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - only for a message
        return "the database"


def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        from sqlalchemy.pool import StaticPool

        in_memory = url in ("sqlite://", "sqlite:///:memory:")
        engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False},
                               poolclass=StaticPool if in_memory else None)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # pragma: no cover - run by SQLAlchemy
            cursor = dbapi_connection.cursor()
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=15000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)
