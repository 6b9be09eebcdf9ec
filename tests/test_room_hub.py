"""A whole training session through a real JupyterHub on localhost (fncoach.room).

JupyterHub from PyPI, the proxy from npm, each learner's own server as a local
process and their own kernel doing the sharing, as a notebook would. Needs
``jupyterhub`` and ``npm``: in CI (``CI`` or ``FNCOACH_REQUIRE_HUB`` set) a
missing part fails the test instead of skipping it.
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import pytest

from hub import HubUnavailable, request, run_in_kernel, start_hub
from needs import required

pytestmark = [pytest.mark.hub, pytest.mark.xdist_group("hub")]

REQUIRED = required("FNCOACH_REQUIRE_HUB")
LEARNERS = ("ann", "bob", "cai")


def _need_hub() -> None:
    missing = []
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        missing.append("jupyterhub (pip install -e '.[test]')")
    if shutil.which("npm") is None and shutil.which("configurable-http-proxy") is None:
        missing.append("npm (to install configurable-http-proxy)")
    if missing:
        message = "a real JupyterHub needs " + " and ".join(missing)
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    _need_hub()
    try:
        running = start_hub(tmp_path_factory.mktemp("hub"), trainers=("trainer",))
    except HubUnavailable as error:
        if REQUIRED:
            pytest.fail(str(error))
        pytest.skip(str(error))
    running.add_users("trainer", "other_trainer", *LEARNERS)
    running.api("POST", "/groups/trainers/users", {"users": ["other_trainer"]})
    for name in LEARNERS:
        running.start_server(name)
    for name in LEARNERS:
        running.wait_ready(name)
    yield running
    running.stop()


def _kernel(hub, user: str, code: str) -> str:
    out = run_in_kernel(hub, user, "from fncoach.room.client import connect\nc = connect()\n" + code)
    assert "ERROR" not in out and "Traceback" not in out, out
    return out


def test_a_session_through_a_real_hub(hub):
    trainer = hub.user_token("trainer")
    status, room = request("POST", hub.service_url + "api/rooms", {"title": "Tuesday group", "scenario": "tiny"},
                           trainer)
    assert status == 201, room
    code = room["code"]

    # each learner, in their own kernel on their own server, joins and shares
    numbers = {"ann": 3, "bob": 6, "cai": 6}
    columns = {"ann": "harm", "bob": "danger", "cai": "harm"}

    def share(name: str) -> str:
        return _kernel(hub, name, f"""
print(c.join({code.lower()!r})["title"])
c.share({code!r}, "scale", "own", {{"score": {numbers[name]}, "reason": "Reason from {name}"}})
c.share({code!r}, "card", "c_march", {columns[name]!r})
c.share({code!r}, "statement", "worry-1", {{"kind": "worry", "text": "Draft worry by {name}"}})
print(len(c.mine({code!r})))
""")

    with ThreadPoolExecutor(3) as pool:
        outputs = list(pool.map(share, LEARNERS))
    assert all(out.split() [-1] == "3" and "Tuesday group" in out for out in outputs), outputs

    # one learner withdraws their statement; what others shared stays
    assert _kernel(hub, "cai", f'print(c.withdraw({code!r}, "statement", "worry-1"))').strip() == "1"

    status, body = request("GET", hub.service_url + f"api/rooms/{code}", token=trainer)
    assert status == 200, body
    view = body["view"]
    assert view["learners"] == 3
    assert view["scale_numbers"] == [3, 6, 6]           # a spread, never an average
    split = {s["card"]: s["counts"] for s in view["card_splits"]}["c_march"]
    assert (split["harm"], split["danger"]) == (2, 1)
    assert sorted(text for _, text in view["statements"]) == ["Draft worry by ann", "Draft worry by bob"]
    assert not any(name in str(view) for name in ("'ann'", "'bob'", "'cai'"))  # nobody named

    # learners cannot read the room, open one, or reach another learner's answers
    ann = hub.user_token("ann")
    assert request("GET", hub.service_url + f"api/rooms/{code}", token=ann)[0] == 403
    assert request("GET", hub.service_url + f"api/rooms/{code}/export", token=ann)[0] == 403
    assert request("POST", hub.service_url + "api/rooms", {"title": "x", "scenario": "tiny"}, ann)[0] == 403
    status, mine = request("GET", hub.service_url + f"api/rooms/{code}/mine", token=ann)
    assert {s["value"]["text"] for s in mine["shares"] if s["kind"] == "statement"} == {"Draft worry by ann"}
    assert all("bob" not in str(s) and "cai" not in str(s) for s in mine["shares"])
    # another facilitator cannot see this facilitator's room either
    other = hub.user_token("other_trainer")
    assert request("GET", hub.service_url + f"api/rooms/{code}", token=other)[0] == 403
    # nobody can share without joining
    status, body = request("PUT", hub.service_url + f"api/rooms/{code}/shares/scale/own", {"value": {"score": 5}},
                           other)
    assert status == 403 and "Join room" in body["error"]

    # restarting the hub (and with it the service) loses nothing
    hub.stop()
    hub.start()
    status, body = request("GET", hub.service_url + f"api/rooms/{code}", token=trainer)
    assert status == 200 and body["view"]["scale_numbers"] == [3, 6, 6], body

    # closing keeps the record for export, refuses new shares; deleting removes it
    assert request("POST", hub.service_url + f"api/rooms/{code}/close", {}, trainer)[0] == 200
    status, body = request("PUT", hub.service_url + f"api/rooms/{code}/shares/scale/own",
                           {"value": {"score": 9, "reason": ""}}, ann)
    assert status == 409 and "closed" in body["error"]
    status, page = request("GET", hub.service_url + f"api/rooms/{code}/export", token=trainer)
    assert status == 200 and "Draft worry by bob" in page and "Reason from ann" in page
    assert ">ann<" not in page and "bob:" not in page
    assert request("DELETE", hub.service_url + f"api/rooms/{code}", token=trainer)[0] == 200
    assert request("GET", hub.service_url + f"api/rooms/{code}", token=trainer)[0] == 404


def test_app_mode_through_the_hub_uses_the_course_template_and_shows_notebook_00s_picture(hub):
    """With what `fncoach hub-config` prints (tests/hub.py adds it), /user/NAME/voila/render/ draws 00 — whose
    text holds a picture, which Voilà could not show with jupyter_server's async contents manager — with
    fncoach's template and no code."""
    from hub import ROOT

    hub.add_users("dee")  # a learner of their own: the session test stops and restarts the others' servers
    shutil.copytree(ROOT / "notebooks", hub.folder / "homes" / "dee" / "notebooks", dirs_exist_ok=True)
    hub.start_server("dee")
    hub.wait_ready("dee")
    token = hub.user_token("dee", scopes=("access:servers!server=dee/",))
    url = f"{hub.url}/user/dee/voila/render/notebooks/00-start-here.ipynb"
    # Voilà streams the page: a cell it cannot draw leaves the page unfinished for ever, so wait at most 3 minutes
    pool = ThreadPoolExecutor(1)
    try:
        status, page = pool.submit(request, "GET", url, token=token, timeout=60).result(timeout=180)
    except TimeoutError:
        pytest.fail("app mode through the hub never finished drawing notebook 00 (see the hub's log)")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert status == 200, str(page)[-2000:]
    assert "Traceback" not in page and "application/vnd.jupyter.stderr" not in page
    assert 'src="data:image/png;base64,' in page  # the picture from the notebook's text
    assert "fncoach-learner" in page and 'setAttribute("role", "main")' in page  # fncoach's template
    assert "from fncoach" not in page  # no code shown
    assert "application/vnd.jupyter.widget-view+json" in page
