"""Which training room this learner has joined, remembered across notebooks.

Each course notebook runs in its own kernel, so the room a learner joined is
kept in a small file beside their learner record (``room.json``), written
atomically. :class:`RoomSession` is what the course's widgets call: every
method answers ``(ok, message)`` in plain words and never raises, so a
network hiccup shows a sentence, not a traceback.

Examples
--------
>>> import tempfile, pathlib
>>> session = RoomSession(client=None, state_file=pathlib.Path(tempfile.mkdtemp()) / "room.json")
>>> session.available
False
>>> session.share("scale", "own", {"score": 5, "reason": ""})[1].startswith("Training rooms are not available")
True
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Optional

from .client import NOT_AVAILABLE, RoomClient, connect
from .shares import RoomError, valid_room_code

__all__ = ["RoomSession", "room_session", "default_state_file"]


def default_state_file() -> Path:
    """``room.json`` beside the learner record (see :func:`fncoach.record.default_record_path`)."""
    from ..record import default_record_path

    return default_record_path().parent / "room.json"


class RoomSession:
    """This learner's link to a training room (or the plain reason there is none)."""

    def __init__(self, client: Optional[RoomClient], state_file: Optional[Path] = None):
        self.client = client
        self.state_file = state_file or default_state_file()
        self.code: Optional[str] = None
        self.title: str = ""
        self._read_state()

    @property
    def available(self) -> bool:
        """True when the course runs on a hub with the room service."""
        return self.client is not None

    @property
    def joined(self) -> bool:
        return self.available and self.code is not None

    def _read_state(self) -> None:
        try:
            data = json.loads(self.state_file.read_text(encoding="utf-8"))
            self.code = valid_room_code(data["code"])
            self.title = str(data.get("title", ""))
        except (OSError, ValueError, KeyError, TypeError, RoomError):
            self.code, self.title = None, ""

    def _write_state(self) -> None:
        self.state_file.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"code": self.code, "title": self.title}) if self.code else "{}"
        handle, temp = tempfile.mkstemp(dir=self.state_file.parent, prefix=".room-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(data)
        os.replace(temp, self.state_file)

    def join(self, code: str) -> tuple[bool, str]:
        """Join the room with this code; remember it for the other notebooks."""
        if self.client is None:
            return False, NOT_AVAILABLE
        try:
            room = self.client.join(code)
        except RoomError as error:
            return False, str(error)
        self.code, self.title = room["code"], room.get("title", "")
        self._write_state()
        return True, (f"You have joined room {self.code} ({self.title}). Nothing is shared until you press a "
                      "'Share with the room' button, and you can take anything back.")

    def leave(self) -> tuple[bool, str]:
        """Take back everything shared with the room, and stop sharing."""
        if not self.joined:
            return False, "You are not in a training room."
        assert self.client is not None and self.code is not None
        try:
            removed = self.client.withdraw(self.code)
        except RoomError as error:
            return False, str(error)
        code, self.code, self.title = self.code, None, ""
        self._write_state()
        return True, f"You have left room {code} and taken back {removed} shared {'answer' if removed == 1 else 'answers'}."

    def share(self, kind: str, item: str, value: Any) -> tuple[bool, str]:
        """Share one answer with the joined room (the facilitator sees it without your name)."""
        if self.client is None:
            return False, NOT_AVAILABLE
        if self.code is None:
            return False, "Join a training room first: type the code your facilitator gives you at the top of the page."
        try:
            self.client.share(self.code, kind, item, value)
        except RoomError as error:
            return False, str(error)
        return True, "Shared with the room. Your facilitator sees it without your name."

    def withdraw(self, kind: str, item: Optional[str] = None) -> tuple[bool, str]:
        """Take back one shared answer (or all of one kind)."""
        if not self.joined:
            return False, "You are not in a training room."
        assert self.client is not None and self.code is not None
        try:
            removed = self.client.withdraw(self.code, kind, item)
        except RoomError as error:
            return False, str(error)
        return True, "Taken back." if removed else "There was nothing shared to take back."


_SESSION: Optional[RoomSession] = None


def room_session() -> RoomSession:
    """This kernel's room session (made once, from the hub's environment)."""
    global _SESSION
    if _SESSION is None:
        _SESSION = RoomSession(connect())
    return _SESSION
