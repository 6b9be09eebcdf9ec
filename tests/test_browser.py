"""End to end in a real browser: Voilà serves a course notebook, Chromium (driven by Playwright) does one exercise
as a learner would — typing and clicking — and the test checks the feedback appears and the answer reached the
learner record. Every request to anything but this computer is blocked, and the test fails if any was tried.

Needs Debian's Chromium at /usr/bin/chromium (``.ci/run`` installs it; browsers are never downloaded). Without
it the tests are skipped with a reason — unless ``CI`` or ``FNCOACH_REQUIRE_BROWSER=1`` is set, when they fail.
A full-page screenshot is kept in the test's temporary folder when a step fails.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from fncoach.cli.course_cmds import app_command, voila_environment
from fncoach.record import Record
from needs import missing

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(name="browser")]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
LEARNER = "Browser Test"
SCENARIO = "long_term_foster_links"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _need_browser():
    problem = None
    if not CHROMIUM.exists():
        problem = f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[test]')"
    if problem:
        missing(f"browser test: {problem}", "FNCOACH_REQUIRE_BROWSER")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def serve(tmp_path: Path):
    """Start Voilà on a free localhost port for a notebook; yields (url, record path). Stopped by its PID."""
    _need_browser()
    started: list[subprocess.Popen] = []
    record = tmp_path / "record.sqlite3"
    env = dict(os.environ)
    home = tmp_path / "home"
    env.update({
        "FNCOACH_RECORD": str(record), "FNCOACH_LEARNER": LEARNER, "MPLBACKEND": "Agg",
        "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / "jcfg"), "JUPYTER_DATA_DIR": str(home / "jdata"),
        "JUPYTER_RUNTIME_DIR": str(home / "jrun"), "IPYTHONDIR": str(home / "ipy"), "MPLCONFIGDIR": str(home / "mpl"),
        "JUPYTER_PLATFORM_DIRS": "1",
    })
    env = voila_environment(env)  # exactly how `fncoach app` runs Voilà (its template fetches nothing from outside)
    env.pop("FNCOACH_STRICT_UI", None)

    def start(notebook: str) -> tuple[str, Path]:
        port = _free_port()
        log = open(tmp_path / f"voila-{port}.log", "w")
        proc = subprocess.Popen(
            app_command(ROOT / "notebooks" / notebook, port=port, open_browser=False),
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT / "notebooks"))
        started.append(proc)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"Voilà stopped: {(tmp_path / f'voila-{port}.log').read_text()[-2000:]}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    return f"http://127.0.0.1:{port}/", record
            time.sleep(0.3)
        raise AssertionError("Voilà did not start listening within 90 s")

    yield start
    for proc in started:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def page(tmp_path: Path):
    """A Chromium page that blocks (and lists) every request to anything but this computer."""
    _need_browser()
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        context.route("**/*", guard)
        pg = context.new_page()
        pg.outside_requests = outside  # type: ignore[attr-defined]
        try:
            yield pg
        finally:
            context.close()
            browser.close()


def _keep_screenshot(page, tmp_path: Path, name: str) -> str:
    shot = tmp_path / f"{name}.png"
    try:
        page.screenshot(path=str(shot), full_page=True)
    except Exception as error:  # the page itself may be gone
        return f"(no screenshot: {error})"
    return f"screenshot kept at {shot}"


def _wait_for_saved(record: Path, exercise: str, check, timeout: float = 30) -> dict:
    deadline = time.monotonic() + timeout
    answers = None
    while time.monotonic() < deadline:
        if record.exists():
            answers = Record(record).load_answers(LEARNER, SCENARIO, exercise)
            if answers and check(answers):
                return answers
        time.sleep(0.3)
    raise AssertionError(f"the answer did not reach the learner record; last saved: {answers!r}")


def test_sos_statement_in_browser(serve, page, tmp_path: Path):
    url, record = serve("03-sos-mapping.ipynb")
    text = ("Siobhán and the social worker are worried that Chloe might drink before family time again, as she did "
            "in June, and Kofi would feel scared and let down and might not want to see her.")
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120000)
        box = page.get_by_placeholder("Write your harm statement here").first
        box.wait_for(state="visible", timeout=120000)
        box.click()
        box.type(text, delay=2)
        page.locator("button", has_text=re.compile(r"^\s*Check\s*$")).first.click()
        page.get_by_text(re.compile("Nearly there|This has all the parts")).first.wait_for(state="visible",
                                                                                         timeout=30000)
        page.get_by_text(re.compile(r"Saved at \d")).first.wait_for(state="visible", timeout=30000)
        saved = _wait_for_saved(record, "sos_statements", lambda a: (a.get("harm") or [""])[0] == text)
        assert saved["harm"][0] == text
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        raise AssertionError(f"{error}\n{_keep_screenshot(page, tmp_path, 'sos-failure')}") from error


def test_safety_plan_in_browser(serve, page, tmp_path: Path):
    url, record = serve("04-safety-plan-and-drills.ipynb")
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120000)
        first = page.locator(".widget-dropdown", has_text="Main person").first.locator("select")
        first.wait_for(state="visible", timeout=120000)
        first.select_option(index=1)
        chosen = first.evaluate("el => el.options[el.selectedIndex].text")
        page.locator("button", has_text="Check the plan").click()
        page.get_by_text(re.compile("Have another look|No problems found")).first.wait_for(state="visible",
                                                                                          timeout=30000)
        saved = _wait_for_saved(record, "safety_plan", lambda a: bool(a.get("assignments")))
        assert saved["assignments"][0]["primary"], saved
        assert chosen.strip()
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        raise AssertionError(f"{error}\n{_keep_screenshot(page, tmp_path, 'plan-failure')}") from error
