"""Rooms kept in a database (fncoach.room.store) and what may be shared (fncoach.room.shares)."""

from __future__ import annotations

import datetime as dt

import pytest

from fncoach.room.shares import RoomError, Share, clean_share, room_view, valid_room_code
from fncoach.room.store import RoomStore


@pytest.fixture
def store(tmp_path):
    return RoomStore(f"sqlite:///{tmp_path / 'rooms.sqlite'}")


@pytest.fixture
def room(store):
    code = store.open_room("trainer", "Tuesday group", "tiny", code="K7P4QX")
    for name in ("ann", "bob"):
        store.join(code, name)
    return code


def test_a_file_store_survives_being_opened_again(tmp_path, room, store):
    store.share(room, "ann", "scale", "own", {"score": 4, "reason": "Early days."})
    again = RoomStore(store.url)
    assert again.view(room, "trainer").scale_numbers == (4,)
    assert again.room(room).title == "Tuesday group"


def test_sharing_again_replaces_the_answer(store, room):
    store.share(room, "ann", "card", "c1", "harm")
    store.share(room, "ann", "card", "c1", "danger")
    assert [(s.item, s.value) for s in store.mine(room, "ann")] == [("c1", "danger")]


def test_a_learner_only_sees_their_own_shares(store, room):
    store.share(room, "ann", "card", "c1", "harm")
    store.share(room, "bob", "card", "c1", "strength")
    assert [s.value for s in store.mine(room, "bob")] == ["strength"]


def test_withdraw_takes_back_only_the_learners_own(store, room):
    store.share(room, "ann", "card", "c1", "harm")
    store.share(room, "ann", "card", "c2", "harm")
    store.share(room, "bob", "card", "c1", "harm")
    assert store.withdraw(room, "ann", "card", "c1") == 1
    assert store.withdraw(room, "ann") == 1
    assert store.view(room, "trainer").card_splits[0].counts["harm"] == 1


def test_only_members_share_and_only_while_open(store, room):
    with pytest.raises(RoomError, match="Join room") as refused:
        store.share(room, "cai", "card", "c1", "harm")
    assert refused.value.status == 403
    store.close_room(room, "trainer")
    with pytest.raises(RoomError, match="closed") as closed:
        store.share(room, "ann", "card", "c1", "harm")
    assert closed.value.status == 409
    with pytest.raises(RoomError, match="closed"):
        store.join(room, "cai")


def test_only_the_owner_or_an_admin_sees_the_room(store, room):
    with pytest.raises(RoomError, match="another facilitator") as refused:
        store.view(room, "other")
    assert refused.value.status == 403
    assert store.view(room, "hub_admin", is_admin=True).learners == 2


def test_a_room_is_deleted_only_once_closed(store, room):
    with pytest.raises(RoomError, match="still open"):
        store.delete_room(room, "trainer")
    store.close_room(room, "trainer")
    store.delete_room(room, "trainer")
    with pytest.raises(RoomError, match="no room") as gone:
        store.room(room)
    assert gone.value.status == 404


def test_codes_are_unique_and_listed_newest_first(tmp_path):
    times = iter(dt.datetime(2026, 12, 1, 9, m, tzinfo=dt.timezone.utc) for m in range(10))
    store = RoomStore(f"sqlite:///{tmp_path / 'r.sqlite'}", clock=lambda: next(times))
    first = store.open_room("trainer", "", "tiny")
    second = store.open_room("trainer", "Afternoon", "tiny")
    assert first != second
    assert [r.code for r in store.rooms_of("trainer")] == [second, first]
    assert store.room(first).title == "Training room"
    with pytest.raises(RoomError, match="already a room"):
        store.open_room("trainer", "x", "tiny", code=first)


def test_an_unusable_database_is_a_plain_error(tmp_path):
    (tmp_path / "folder.sqlite").mkdir()
    with pytest.raises(RoomError, match="could not be opened"):
        RoomStore(f"sqlite:///{tmp_path / 'folder.sqlite'}")


@pytest.mark.parametrize("kind, item, value, message", [
    ("scale", "own", {"score": 11}, "0 to 10"),
    ("scale", "own", {"score": True}, "0 to 10"),
    ("scale", "own", 5, "with its reason"),
    ("card", "c1", "worry", "not a column"),
    ("statement", "w1", {"kind": "worry", "text": "   "}, "empty"),
    ("statement", "w1", {"kind": "wish", "text": "x"}, "harm statement"),
    ("coverage", "drill", {"covered": 1.5}, "between 0 and 1"),
    ("score", "own", 5, "cannot be shared"),
    ("card", "bad item!", "harm", "short name"),
])
def test_bad_shares_are_refused_in_plain_words(kind, item, value, message):
    with pytest.raises(RoomError, match=message):
        clean_share(kind, item, value)


def test_room_view_spreads_counts_and_never_names():
    shares = [Share("ann", "scale", "own", {"score": 7, "reason": "Tested."}),
              Share("bob", "scale", "own", {"score": 2, "reason": ""}),
              Share("ann", "card", "c1", "harm"), Share("bob", "card", "c1", "danger"),
              Share("ann", "card", "c2", "strength"), Share("bob", "card", "c2", "strength"),
              Share("ann", "coverage", "drill", {"covered": 0.9, "uncovered": ["Lift"]}),
              Share("bob", "coverage", "drill", {"covered": 0.5, "uncovered": ["Lift", "Call"]})]
    view = room_view(shares)
    assert view.scale_numbers == (2, 7) and view.scale_reasons == ((7, "Tested."),)
    assert [s.card for s in view.card_splits] == ["c1", "c2"]      # most split first
    assert view.card_splits[0].columns_used == 2 and view.card_splits[1].total == 2
    assert view.coverage == (0.5, 0.9) and view.uncovered_jobs == {"Lift": 2, "Call": 1}
    assert "ann" not in repr(view) and "bob" not in repr(view)


@pytest.mark.parametrize("text, code", [("k7p4qx", "K7P4QX"), ("K7P-4QX", "K7P4QX"), (" k7p 4qx", "K7P4QX")])
def test_room_codes_forgive_case_spaces_and_dashes(text, code):
    assert valid_room_code(text) == code


@pytest.mark.parametrize("text", ["K7P4Q", "K7P4QO", "", None])
def test_a_wrong_room_code_says_what_a_code_looks_like(text):
    with pytest.raises(RoomError, match="6 letters and numbers"):
        valid_room_code(text)


# --------------------------------------------------------------------------- what an exercise shares

from fncoach.examples import tiny_scenario  # noqa: E402
from fncoach.room.shares import shares_from_answers  # noqa: E402


def test_a_scale_number_is_shared_only_once_committed():
    answers = {"own_score": 6, "own_reason": "Gran is near.", "committed": False}
    with pytest.raises(RoomError, match="Commit your own number first"):
        shares_from_answers("sos_scaling", answers, tiny_scenario())
    answers["committed"] = True
    assert shares_from_answers("sos_scaling", answers, tiny_scenario()) == [
        ("scale", "own", {"score": 6, "reason": "Gran is near."})]


def test_statements_are_shared_one_by_one_and_empty_boxes_are_not():
    shared = shares_from_answers("sos_statements", {"harm": ["H"], "worries": ["", "W2"], "goals": ["G1", ""]},
                                 tiny_scenario())
    assert [item for _, item, _ in shared] == ["harm-1", "worry-2", "goal-1"]
    with pytest.raises(RoomError, match="Write a statement first"):
        shares_from_answers("sos_statements", {"harm": [" "]}, tiny_scenario())


def test_the_drill_shares_its_coverage_and_the_jobs_it_left_uncovered():
    from fncoach.drills import simulate
    from fncoach.plan import answers_from_assignments, model_assignments

    s = tiny_scenario()
    plan = model_assignments(s)[:1]  # only the first job has anyone: the others are never covered
    run = simulate(s, plan, seed=3)
    shared = shares_from_answers("safety_plan_drill", {"seed": 3, "plan": answers_from_assignments(plan),
                                                       "coverage_before": run.coverage}, s)
    (kind, item, value), = shared
    assert (kind, item) == ("coverage", "drill") and value["covered"] == pytest.approx(run.coverage)
    others = {t.title for t in s.plan.tasks[1:]}
    assert others <= set(value["uncovered"])
    with pytest.raises(RoomError, match="Run the drill first"):
        shares_from_answers("safety_plan_drill", {"seed": 0}, s)


def test_unplaced_cards_and_unknown_exercises():
    with pytest.raises(RoomError, match="Place at least one card"):
        shares_from_answers("sos_card_sort", {"cards": {}}, tiny_scenario())
    with pytest.raises(RoomError, match="not shared with a room"):
        shares_from_answers("sos_reflection", {}, tiny_scenario())
