"""Shared pieces of the browser tests: Voilà serving a notebook exactly as ``fncoach app`` does, a Chromium page
(Debian's, driven by Playwright) that blocks every request to anything but this computer, screenshots kept on
failure, and a wait for an answer to reach the learner record.

Test modules import the fixtures: ``from browser import serve, page`` (pytest finds fixtures imported into a
test module). Needs Debian's Chromium at /usr/bin/chromium; without it a test is skipped with a reason — unless
``CI`` or ``FNCOACH_REQUIRE_BROWSER=1`` is set, when it fails.
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

from fncoach.cli.course_cmds import app_command, app_url, voila_environment
from fncoach.record import Record
from needs import missing

__all__ = ["ROOT", "CHROMIUM", "LEARNER", "SCENARIO", "serve", "page", "keep_screenshot", "wait_for_saved",
           "errors_shown", "watch_for_errors"]

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

    def start(notebook: str, *, learner: str | None = LEARNER, extra_env: dict[str, str] | None = None
              ) -> tuple[str, Path]:
        port = _free_port()
        log = open(tmp_path / f"voila-{port}.log", "w")
        run_env = dict(env, **(extra_env or {}))  # extra_env: e.g. FNCOACH_SCENARIOS, a folder of the test's own cases
        if learner is None:  # like a shared course server: nobody's name is known until they type it
            run_env.pop("FNCOACH_LEARNER", None)
        path = ROOT / "notebooks" / notebook
        proc = subprocess.Popen(
            app_command(path, port=port, open_browser=False),
            env=run_env, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT / "notebooks"))
        started.append(proc)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError(f"Voilà stopped: {(tmp_path / f'voila-{port}.log').read_text()[-2000:]}")
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    return app_url(path, port), record
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
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        context.route("**/*", guard)
        pg = context.new_page()
        pg.outside_requests = outside  # type: ignore[attr-defined]
        try:
            yield pg
        finally:
            context.close()
            browser.close()


def keep_screenshot(page, tmp_path: Path, name: str) -> str:
    shot = tmp_path / f"{name}.png"
    try:
        page.screenshot(path=str(shot), full_page=True)
    except Exception as error:  # the page itself may be gone
        return f"(no screenshot: {error})"
    return f"screenshot kept at {shot}"


def wait_for_saved(record: Path, exercise: str, check, timeout: float = 30, learner: str = LEARNER,
                   scenario: str = SCENARIO) -> dict:
    deadline = time.monotonic() + timeout
    answers = None
    while time.monotonic() < deadline:
        if record.exists():
            answers = Record(record).load_answers(learner, scenario, exercise)
            if answers and check(answers):
                return answers
        time.sleep(0.3)
    raise AssertionError(f"the answer did not reach the learner record; last saved: {answers!r}")


#: Words that only appear on the page when something went wrong: a Python error, or the course's own error boxes
#: (:func:`fncoach.ui._common.message_html` at level "error", and the words of ``ExercisePanel.safely``).
ERROR_WORDS = ("Traceback", "Something needs fixing", "Sorry, that did not work", "could not be saved just now",
               "could not be opened", "cannot be opened")

# The same look as errors_shown, in the page: run soon after every change, so an error box that is soon replaced
# (by the next message in the same place) is remembered too.
_WATCH = """
(() => {
  const words = %s, rgb = %s;
  const seen = window.__fncoachErrorsSeen = [];
  const note = text => { if (!seen.includes(text)) seen.push(text); };
  let queued = false;
  const look = () => {
    queued = false;
    if (!document.body) return;
    const text = document.body.innerText;
    words.filter(w => text.includes(w)).forEach(note);
    (text.match(/\\b\\w*Error\\b/g) || []).forEach(note);
    document.querySelectorAll('[role=status]').forEach(e => {
      if (getComputedStyle(e).borderLeftColor === rgb) note(e.innerText);
    });
  };
  new MutationObserver(() => { if (!queued) { queued = true; setTimeout(look, 50); } })
    .observe(document, {subtree: true, childList: true, characterData: true});
})();
"""


def _error_rgb() -> str:
    from fncoach.ui._common import LEVEL_STYLE

    colour = LEVEL_STYLE["error"][2].lstrip("#")
    return "rgb(" + ", ".join(str(int(colour[i:i + 2], 16)) for i in (0, 2, 4)) + ")"


def watch_for_errors(page) -> None:
    """From the next page load on, remember every error the page shows, even one soon replaced by other feedback;
    :func:`errors_shown` then lists those too. Call before ``page.goto``."""
    import json

    page.add_init_script(script=_WATCH % (json.dumps(ERROR_WORDS), json.dumps(_error_rgb())))


def errors_shown(page) -> list[str]:
    """Everything on the page that says something went wrong: error words, ``…Error`` names, and every feedback box
    drawn at the course's "error" level (found by its border colour, whatever its title) — and, after
    :func:`watch_for_errors`, any shown earlier on this page load. Empty when all is well."""
    text = page.locator("body").inner_text()
    found = [word for word in ERROR_WORDS if word in text] + re.findall(r"\b\w*Error\b", text)
    found += page.evaluate(
        "rgb => Array.from(document.querySelectorAll('[role=status]'))"
        ".filter(e => getComputedStyle(e).borderLeftColor === rgb).map(e => e.innerText)", _error_rgb())
    found += [seen for seen in page.evaluate("() => window.__fncoachErrorsSeen || []") if seen not in found]
    return found
