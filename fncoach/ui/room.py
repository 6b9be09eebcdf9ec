"""Widgets for training rooms: join a room, share an answer, and the facilitator's live view.

Thin views over :mod:`fncoach.room`: every decision (what may be shared,
what the facilitator sees, who may see it) is made in the room package and
the service; these panels only wire buttons to it and show its plain
messages.

Examples
--------
>>> from fncoach.room.session import RoomSession
>>> import pathlib, tempfile
>>> offline = RoomSession(None, pathlib.Path(tempfile.mkdtemp()) / "room.json")
>>> "not available" in build_join_panel(offline).children[0].value
True
"""

from __future__ import annotations

import base64
import io
import threading
from typing import Any, Callable, Optional, Sequence

import ipywidgets as widgets

from ..room.client import NOT_AVAILABLE
from ..sos import COLUMN_SHORT_TITLES as COLUMN_TITLES
from ..room.session import RoomSession, room_session
from ..room.shares import RoomError
from ._common import button, message_html

__all__ = ["build_join_panel", "ShareRow", "build_share_row", "RoomViewPanel", "build_room_view_panel"]

#: How often the facilitator's view refreshes itself when asked to, in seconds.
REFRESH_SECONDS = 5.0

_KIND_WORDS = {"harm": "Harm statement", "worry": "Worry statement", "goal": "Safety goal"}


def _say(target: widgets.HTML, ok: bool, message: str) -> None:
    target.value = message_html(message, "good" if ok else "warn")


def build_join_panel(session: Optional[RoomSession] = None) -> widgets.VBox:
    """The course header's room box: type the code, join, or leave and take everything back."""
    session = session or room_session()
    if not session.available:
        return widgets.VBox([widgets.HTML(message_html(NOT_AVAILABLE, "info", "Training room"))])
    code = widgets.Text(description="Room code", placeholder="e.g. K7P4QX", value=session.code or "",
                        style={"description_width": "initial"}, layout=widgets.Layout(width="16em"))
    join = button(description="Join the room", icon="sign-in")
    leave = button(description="Leave and take back what I shared", disabled=not session.joined)
    status = widgets.HTML()
    if session.joined:
        _say(status, True, f"You are in room {session.code} ({session.title}).")

    def on_join(_=None) -> None:
        ok, message = session.join(code.value)
        _say(status, ok, message)
        leave.disabled = not session.joined
        if ok:
            code.value = session.code or ""

    def on_leave(_=None) -> None:
        ok, message = session.leave()
        _say(status, ok, message)
        leave.disabled = not session.joined

    join.on_click(on_join)
    leave.on_click(on_leave)
    return widgets.VBox([widgets.HBox([code, join, leave]), status])


class ShareRow(widgets.VBox):
    """A "Share with the room" button (and "Take it back") for one exercise.

    ``collect`` returns the shares to send as ``[(kind, item, value), ...]``,
    or raises :class:`~fncoach.room.shares.RoomError` with what the learner
    must do first (for example "Commit your own number first").
    """

    def __init__(self, session: RoomSession, collect: Callable[[], Sequence[tuple[str, str, Any]]],
                 kind: str, label: str = "Share with the room"):
        self.session, self.collect, self.kind = session, collect, kind
        self.share_button = button(description=label, icon="users", disabled=not session.available)
        self.take_back = button(description="Take it back", disabled=not session.available)
        self.status = widgets.HTML()
        self.share_button.on_click(self.share)
        self.take_back.on_click(self.withdraw)
        note = widgets.HTML("" if session.available else
                            "<span class='fncoach-why'>Sharing needs a training room on your organisation's hub.</span>")
        super().__init__([widgets.HBox([self.share_button, self.take_back]), note, self.status])

    def share(self, _=None) -> None:
        try:
            items = list(self.collect())
        except RoomError as error:
            _say(self.status, False, str(error))
            return
        if not items:
            _say(self.status, False, "There is nothing to share yet.")
            return
        for kind, item, value in items:
            ok, message = self.session.share(kind, item, value)
            if not ok:
                _say(self.status, False, message)
                return
        _say(self.status, True, message)

    def withdraw(self, _=None) -> None:
        ok, message = self.session.withdraw(self.kind)
        _say(self.status, ok, message)


def build_share_row(collect: Callable[[], Sequence[tuple[str, str, Any]]], kind: str,
                    label: str = "Share with the room", session: Optional[RoomSession] = None) -> ShareRow:
    """A :class:`ShareRow` for this kernel's room session."""
    return ShareRow(session or room_session(), collect, kind, label)


def _png_html(result: Any, dpi: int = 100) -> str:
    buffer = io.BytesIO()
    result.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    from ..pages import Markup, render_string

    source = "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
    return render_string("<img src='{{ src }}' alt='{{ alt }}' style='max-width:100%'>"
                         "<p class='fncoach-figure-text'>{{ alt }}</p>", src=Markup(source), alt=result.description)


class RoomViewPanel(widgets.VBox):
    """The facilitator's live view of a room: open it, watch it fill, close it, keep its record."""

    def __init__(self, scenario: Any, session: RoomSession, statement_feedback: Optional[Callable[[str, str], str]] = None):
        self.scenario, self.session = scenario, session
        self.statement_feedback = statement_feedback or _coach_summary(scenario)
        self.code: Optional[str] = None
        self.status = widgets.HTML()
        self.title = widgets.Text(description="Room title", value=f"Training room: {scenario.meta.title}"[:120],
                                  style={"description_width": "initial"}, layout=widgets.Layout(width="32em"))
        self.open_button = button(description="Open a room", icon="door-open")
        self.refresh_button = button(description="Refresh now", icon="refresh", disabled=True)
        self.auto = widgets.Checkbox(description=f"Refresh every {REFRESH_SECONDS:g} seconds", value=False,
                                     disabled=True, indent=False)
        self.reveal = widgets.Checkbox(description="Show the model column for each card", value=False, indent=False)
        self.close_button = button(description="Close the room", disabled=True)
        self.save_button = button(description="Save the room's record", disabled=True)
        self.code_html = widgets.HTML()
        self.view_html = widgets.HTML()
        self._timer: Optional[threading.Timer] = None
        self.open_button.on_click(self.open_room)
        self.refresh_button.on_click(self.refresh)
        self.close_button.on_click(self.close_room)
        self.save_button.on_click(self.save_record)
        self.auto.observe(self._auto_changed, "value")
        self.reveal.observe(lambda _change: self.refresh(), "value")
        if not session.available:
            super().__init__([widgets.HTML(message_html(NOT_AVAILABLE, "info", "Training room"))])
            return
        super().__init__([
            widgets.HBox([self.title, self.open_button]), self.code_html,
            widgets.HBox([self.refresh_button, self.auto, self.reveal]), self.status, self.view_html,
            widgets.HBox([self.save_button, self.close_button]),
        ])

    # ---------------------------------------------------------------- actions

    def open_room(self, _=None) -> None:
        assert self.session.client is not None
        try:
            room = self.session.client.open_room(self.title.value, self.scenario.meta.id)
        except RoomError as error:
            _say(self.status, False, str(error))
            return
        self.code = room["code"]
        self.code_html.value = (f"<p style='font-size:1.6em'>Room code: <strong>{room['code']}</strong></p>"
                                "<p>Learners type this code at the top of any course notebook and press "
                                "<em>Join the room</em>.</p>")
        for control in (self.refresh_button, self.auto, self.close_button, self.save_button):
            control.disabled = False
        self.open_button.disabled = True
        self.refresh()

    def refresh(self, _=None) -> None:
        if self.code is None or self.session.client is None:
            return
        try:
            data = self.session.client.view(self.code)
        except RoomError as error:
            _say(self.status, False, str(error))
            return
        self.view_html.value = self.render_view(data["view"])
        state = "open" if data["room"]["open"] else "closed"
        learners = data["view"]["learners"]
        self.status.value = message_html(f"Room {self.code} is {state}; {learners} "
                                         f"{'learner has' if learners == 1 else 'learners have'} joined.", "info")

    def render_view(self, view: dict[str, Any]) -> str:
        """The live view as HTML: spread, card splits, statements with feedback, coverage (nobody named)."""
        from ..pages import Markup, render
        from ..viz.room import draw_room_spread

        cards = {card.id: card for card in self.scenario.sos.cards}
        spread = Markup(_png_html(draw_room_spread(view["scale_numbers"])))
        statements = [(_KIND_WORDS[kind], text, self.statement_feedback(kind, text))
                      for kind, text in view["statements"]]
        splits = [(cards[s["card"]].text if s["card"] in cards else s["card"], s["counts"],
                   COLUMN_TITLES.get(cards[s["card"]].column, "") if self.reveal.value and s["card"] in cards else "")
                  for s in view["card_splits"]]
        return render("room/live.html.j2", view=view, spread=spread, statements=statements, splits=splits,
                      columns=COLUMN_TITLES, reveal=self.reveal.value)

    def close_room(self, _=None) -> None:
        if self.code is None or self.session.client is None:
            return
        try:
            self.session.client.close(self.code)
        except RoomError as error:
            _say(self.status, False, str(error))
            return
        self.auto.value = False
        self.refresh()

    def save_record(self, _=None) -> None:
        if self.code is None or self.session.client is None:
            return
        from pathlib import Path

        try:
            page = self.session.client.export(self.code)
        except RoomError as error:
            _say(self.status, False, str(error))
            return
        target = Path.cwd() / f"room-{self.code}.html"
        target.write_text(page, encoding="utf-8")
        _say(self.status, True, f"The room's record is saved as {target.name} in this notebook's folder.")

    # ---------------------------------------------------------------- automatic refresh

    def _auto_changed(self, change: dict) -> None:
        if change["new"]:
            self._tick()
        elif self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _tick(self) -> None:
        if not self.auto.value:
            return
        self.refresh()
        self._timer = threading.Timer(REFRESH_SECONDS, self._tick)
        self._timer.daemon = True
        self._timer.start()


def _coach_summary(scenario: Any) -> Callable[[str, str], str]:
    """The statement coach's verdict on a shared statement, in one line for the facilitator."""
    from ..statements import check_statement

    def summary(kind: str, text: str) -> str:
        check = check_statement(text, kind, scenario=scenario)
        if check.ok:
            return "The coach finds every part."
        return "The coach would ask about: " + "; ".join(f.message for f in check.missing[:3])

    return summary


def build_room_view_panel(scenario: Any, session: Optional[RoomSession] = None) -> RoomViewPanel:
    """The facilitator's live view for ``scenario`` (or the plain reason it is not available)."""
    return RoomViewPanel(scenario, session or room_session())
