"""Pages of the training-room service: its home page and a closed room's record.

Examples
--------
>>> import datetime as dt
>>> from fncoach.room.shares import Share, room_view
>>> from fncoach.room.store import Room
>>> room = Room("K7P4QX", "trainer", "Tuesday <group>", "tiny", dt.datetime(2026, 12, 1, 10, 0), None)
>>> text = room_record_html(room, room_view([Share("a", "scale", "own", {"score": 6, "reason": "Gran helps."})]))
>>> "Tuesday &lt;group&gt;" in text and "Gran helps." in text
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from . import page, render, stylesheet
from ..sos import COLUMN_SHORT_TITLES as COLUMN_TITLES

if TYPE_CHECKING:  # the store needs SQLAlchemy, which only the room service installs
    from ..room.shares import RoomView
    from ..room.store import Room

__all__ = ["room_record_html", "room_home_html"]



def room_record_html(room: "Room", view: "RoomView") -> str:
    """A printable record of what a room shared (nobody named), for the facilitator to keep."""
    spread = {n: view.scale_numbers.count(n) for n in range(11)}
    body = render("room/record.html.j2", room=room, view=view, spread=spread, columns=COLUMN_TITLES)
    return page(f"Training room {room.code}: {room.title}", body, css=stylesheet("room/room.css"))


def room_home_html(user: str, facilitator: bool, rooms: Sequence["Room"]) -> str:
    """What a person sees when they open the room service in a browser."""
    body = render("room/home.html.j2", user=user, facilitator=facilitator, rooms=rooms)
    return page("fncoach training rooms", body, css=stylesheet("room/room.css"))
