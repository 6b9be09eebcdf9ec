"""Room widgets (fncoach.ui.room), driven through .value and .click() against a fake client."""

from __future__ import annotations

import re

import pytest

from fncoach.examples import tiny_scenario
from fncoach.room.session import RoomSession
from fncoach.room.shares import RoomError, Share, room_view
from fncoach.room.store import RoomStore
from fncoach.ui.room import ShareRow, build_join_panel, build_room_view_panel


class StoreClient:
    """The client's interface over a real RoomStore, as one hub user (no web server needed)."""

    def __init__(self, store: RoomStore, user: str, facilitator: bool = False):
        self.store, self.user, self.facilitator = store, user, facilitator

    def join(self, code):
        room = self.store.join(code, self.user)
        return {"code": room.code, "title": room.title, "scenario": room.scenario}

    def share(self, code, kind, item, value):
        self.store.share(code, self.user, kind, item, value)

    def withdraw(self, code, kind=None, item=None):
        return self.store.withdraw(code, self.user, kind, item)

    def open_room(self, title, scenario):
        if not self.facilitator:
            raise RoomError("Only a facilitator can do this.", 403)
        code = self.store.open_room(self.user, title, scenario)
        return {"code": code}

    def view(self, code):
        from fncoach.room.service import room_view_json

        room = self.store.room(code)
        return {"room": {"open": room.is_open}, "view": room_view_json(self.store.view(code, self.user))}

    def close(self, code):
        self.store.close_room(code, self.user)

    def export(self, code):
        from fncoach.pages.room import room_record_html

        return room_record_html(self.store.room(code), self.store.view(code, self.user))


@pytest.fixture
def store():
    return RoomStore("sqlite://")


def _session(tmp_path, client, name="learner"):
    return RoomSession(client, tmp_path / f"{name}-room.json")


def test_join_is_remembered_for_the_next_notebook(tmp_path, store):
    code = store.open_room("trainer", "Tuesday", "tiny")
    session = _session(tmp_path, StoreClient(store, "ann"))
    panel = build_join_panel(session)
    box, join, leave = panel.children[0].children
    box.value = code.lower()
    join.click()
    assert "You have joined room" in panel.children[1].value and not leave.disabled
    # a new kernel (the next notebook) reads the same state file
    again = _session(tmp_path, StoreClient(store, "ann"))
    assert again.code == code and "Tuesday" in build_join_panel(again).children[1].value


def test_a_wrong_code_is_a_plain_message(tmp_path, store):
    panel = build_join_panel(_session(tmp_path, StoreClient(store, "ann")))
    box, join, _ = panel.children[0].children
    box.value = "NOPE"
    join.click()
    assert "not a room code" in panel.children[1].value


def test_share_row_shares_and_takes_back(tmp_path, store):
    code = store.open_room("trainer", "Tuesday", "tiny")
    session = _session(tmp_path, StoreClient(store, "ann"))
    session.join(code)
    row = ShareRow(session, lambda: [("scale", "own", {"score": 4, "reason": "Early"})], kind="scale")
    row.share_button.click()
    assert "Shared with the room" in row.status.value
    assert store.view(code, "trainer").scale_numbers == (4,)
    row.take_back.click()
    assert store.view(code, "trainer").scale_numbers == ()


def test_share_row_says_what_to_do_first(tmp_path, store):
    session = _session(tmp_path, StoreClient(store, "ann"))

    def not_yet():
        raise RoomError("Commit your own number first.")

    row = ShareRow(session, not_yet, kind="scale")
    row.share_button.click()
    assert "Commit your own number first." in row.status.value
    ok_row = ShareRow(session, lambda: [("card", "c1", "harm")], kind="card")
    ok_row.share_button.click()
    assert "Join a training room first" in ok_row.status.value


def test_facilitator_view_opens_refreshes_reveals_and_keeps_a_record(tmp_path, store, monkeypatch):
    scenario = tiny_scenario()
    card = scenario.sos.cards[0]
    trainer = _session(tmp_path, StoreClient(store, "trainer", facilitator=True), "trainer")
    panel = build_room_view_panel(scenario, trainer)
    panel.open_button.click()
    code = panel.code
    assert code and code in panel.code_html.value
    for name, score, column in (("ann", 3, "harm"), ("bob", 7, "danger")):
        learner = _session(tmp_path, StoreClient(store, name), name)
        learner.join(code)
        learner.share("scale", "own", {"score": score, "reason": f"{name}'s reason"})
        learner.share("card", card.id, column)
    learner.share("statement", "w1", {"kind": "worry", "text": "Mum might not protect Zoë."})
    panel.refresh_button.click()
    shown = re.sub(r"data:image/png;base64,[^'\"]+", "", panel.view_html.value)
    assert "2 learners have joined" in panel.status.value
    assert card.text.split()[0] in shown and "Model column" not in shown
    assert "Mum might not protect Zoë." in shown and "The coach" in shown
    assert "ann" not in shown.replace("ann&#39;s", "") and "bob" not in shown.replace("bob&#39;s", "")
    panel.reveal.value = True
    assert "Model column" in panel.view_html.value
    monkeypatch.chdir(tmp_path)
    panel.save_button.click()
    assert (tmp_path / f"room-{code}.html").exists() and "saved as" in panel.status.value
    panel.close_button.click()
    assert "is closed" in panel.status.value


def test_a_learner_cannot_open_a_room(tmp_path, store):
    panel = build_room_view_panel(tiny_scenario(), _session(tmp_path, StoreClient(store, "ann")))
    panel.open_button.click()
    assert "Only a facilitator" in panel.status.value and panel.code is None


def test_without_a_hub_the_panels_say_so(tmp_path):
    offline = _session(tmp_path, None)
    assert "not available" in build_room_view_panel(tiny_scenario(), offline).children[0].value
    row = ShareRow(offline, lambda: [("card", "c1", "harm")], kind="card")
    assert row.share_button.disabled


# --------------------------------------------------------------------------- the room in the course


def test_on_one_computer_the_course_shows_no_room_and_no_share_buttons(tmp_path, monkeypatch):
    from fncoach.room import session as room_session_module
    from fncoach.ui.course import Course
    from fncoach.ui.sos import build_scaling_panel
    from fncoach.ui.room import ShareRow

    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "record.sqlite3"))
    monkeypatch.setattr(room_session_module, "_SESSION", RoomSession(None, tmp_path / "room.json"))
    course = Course("long_term_foster_links", "Dana")
    assert not any("Room code" in getattr(w, "description", "") for w in course.header.children)
    area = course.exercise(build_scaling_panel, "sos_scaling")
    assert not any(isinstance(w, ShareRow) for w in area.children)


def test_on_a_hub_the_header_has_the_room_and_each_shareable_exercise_a_share_row(tmp_path, monkeypatch, store):
    from fncoach.room import session as room_session_module
    from fncoach.ui.course import Course
    from fncoach.ui.room import ShareRow
    from fncoach.ui.sos import build_card_sort_panel, build_three_houses_panel

    code = store.open_room("trainer", "Tuesday", "tiny")
    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "record.sqlite3"))
    session = RoomSession(StoreClient(store, "dana"), tmp_path / "room.json")
    monkeypatch.setattr(room_session_module, "_SESSION", session)
    course = Course("long_term_foster_links", "Dana")
    join = course.header.children[-1]
    box, join_button, _ = join.children[0].children
    box.value = code
    join_button.click()
    area = course.exercise(build_card_sort_panel, "sos_card_sort")
    row = next(w for w in area.children if isinstance(w, ShareRow))
    panel = course._autosaves["sos_card_sort"].panel
    first_card = next(iter(panel.choices))
    panel.choices[first_card].value = "harm"
    row.share_button.click()
    assert "Shared with the room" in row.status.value
    split = store.view(code, "trainer").card_splits[0]
    assert (split.card, split.counts["harm"]) == (first_card, 1)
    houses = course.exercise(build_three_houses_panel, "sos_three_houses")
    assert not any(isinstance(w, ShareRow) for w in houses.children)  # not an exercise a room takes
