"""``fncoach lab``, ``fncoach app``, ``fncoach progress`` and ``fncoach export``: the course from the command line."""

from __future__ import annotations

import argparse
import importlib.util
import os
import shlex
import subprocess
import sys
from pathlib import Path

from .. import course
from ..record import Record, RecordError, default_learner, default_record_path
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, print_json

__all__ = ["register", "lab_command", "app_command", "app_url", "voila_environment", "hub_environment", "VOILA_TEMPLATE",
           "LEARNERS_HIDDEN"]

#: fncoach's Voilà template: Voilà's "lab" template without the links to an icon-font CDN (nothing is fetched
#: from the internet). It lives in ``fncoach/share/voila/templates/fncoach``.
VOILA_TEMPLATE = "fncoach"
_SHARE = Path(__file__).resolve().parent.parent / "share"
#: JupyterLab settings for the course: no "Jupyter news?" question, no update check.
_LAB_SETTINGS = _SHARE / "jupyterlab" / "settings"
#: What the course server leaves out of the learners' list of notebooks (the trainer's notebook, caches).
LEARNERS_HIDDEN = ("facilitator", "__pycache__", "*.pyc", ".*", "*~")

_PUBLIC_WARNING = (
    "WARNING: --public listens on every network interface (0.0.0.0), so other computers on this network can "
    "reach the course{extra}. Use it only on a trusted training network or behind a proper JupyterHub; "
    "see docs/deploying.md."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the course commands."""
    lab = subparsers.add_parser(
        "lab", help="open the course in JupyterLab",
        description="Open the course in JupyterLab at 00-start-here. Listens on this computer only "
        "(127.0.0.1) and keeps JupyterLab's login token, unless --public is given.",
    )
    _serve_options(lab)
    lab.add_argument("--allow-root", action="store_true",
                     help="let JupyterLab run as the root user (only in a throw-away container)")
    lab.add_argument("notebook", nargs="?", default="00-start-here", metavar="NOTEBOOK",
                     help="notebook to open first: a number (03), a name (03-sos-mapping) or 'facilitator' "
                     "(default: 00-start-here)")
    lab.set_defaults(func=_lab)

    app = subparsers.add_parser(
        "app", help="serve the course as an app with the code hidden (Voila)",
        description="Serve the course with Voila: the code is hidden and learners use only the buttons and boxes. "
        "The whole course is served, so the links between notebooks work (the trainer's notebook is left out of "
        "the learners' list); the browser opens at NOTEBOOK. 'facilitator' (or a .ipynb file outside the course) "
        "is served on its own. Listens on this computer only (127.0.0.1) unless --public is given.",
    )
    app.add_argument("notebook", metavar="NOTEBOOK", nargs="?", default="00-start-here",
                     help="a number (03), a name (03-sos-mapping), 'facilitator', or a path to a .ipynb file "
                     "(default: 00-start-here)")
    _serve_options(app)
    app.set_defaults(func=_app)

    hub = subparsers.add_parser(
        "hub-config", help="print the lines a JupyterHub's configuration needs for the course in app mode",
        description="Print lines to add to jupyterhub_config.py (on The Littlest JupyterHub: a file in "
        "/opt/tljh/config/jupyterhub_config.d/) so that app mode on the hub (/user/NAME/voila/render/...) uses "
        "fncoach's page template and can show every notebook. Run it in the learners' environment: the paths "
        "are where fncoach is installed there.",
    )
    hub.add_argument("--json", action="store_true", help="print only the environment variables, as JSON "
                     "(for Kubernetes: singleuser.extraEnv)")
    hub.set_defaults(func=_hub_config)

    progress = subparsers.add_parser(
        "progress", help="show a learner's progress through the course",
        description="Show what a learner has started and finished, from the learner record "
        f"(default file: $FNCOACH_RECORD or {default_record_path()}).",
    )
    _record_options(progress)
    progress.add_argument("--json", action="store_true", help="print the progress as JSON")
    progress.set_defaults(func=_progress)

    export = subparsers.add_parser(
        "export", help="write a learner's printable portfolio (HTML)",
        description="Write a printable HTML portfolio of a learner's work, with dates, as evidence for training "
        "standards or CPD.",
    )
    _record_options(export)
    export.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the HTML file to write")
    export.add_argument("--done-only", action="store_true", help="leave out exercises not marked as finished")
    export.set_defaults(func=_export)


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=None, metavar="N", help="port to listen on (default: a free one)")
    parser.add_argument("--public", action="store_true",
                        help="listen on all network interfaces (0.0.0.0) so other computers can connect; "
                        "prints a warning")
    parser.add_argument("--no-browser", action="store_true", help="do not open a web browser")
    parser.add_argument("--print-command", action="store_true",
                        help="print the command that would be run, and stop")


def _record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--learner", default=None, metavar="NAME",
                        help="the learner's name as typed in the course (default: $FNCOACH_LEARNER or your login name)")
    parser.add_argument("--record", default=None, metavar="FILE", help="the learner record file (default: see above)")


# ---------------------------------------------------------------------------- serving


def _need(module: str, package: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise CommandError(f"{package} is not installed in this Python. Install it with: "
                           f"{sys.executable} -m pip install {package}", EXIT_INVALID)


def _find_notebook(name: str) -> Path:
    path = course.notebook_path(name)
    if path is None:
        known = ", ".join(nb.stem for nb in course.NOTEBOOKS) + ", facilitator"
        raise CommandError(f"there is no course notebook called '{name}' in {course.notebooks_dir()}. "
                           f"Choose one of: {known}.", EXIT_USAGE)
    return path.resolve()


def lab_command(notebook: Path, *, port: int | None = None, public: bool = False,
                open_browser: bool = True, allow_root: bool = False) -> list[str]:
    """The JupyterLab command line for the course, opened at ``notebook`` (token kept)."""
    root = course.notebooks_dir().resolve()
    try:
        relative = notebook.resolve().relative_to(root).as_posix()
        root_dir = root
    except ValueError:
        relative, root_dir = notebook.name, notebook.resolve().parent
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root_dir}",
           f"--ServerApp.ip={'0.0.0.0' if public else '127.0.0.1'}",
           f"--LabApp.default_url=/lab/tree/{relative}",
           # nothing fetched from the internet: no news feed, no update check
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           # and no "Jupyter news?" question for learners
           f"--LabApp.app_settings_dir={_LAB_SETTINGS}"]
    if port:
        cmd.append(f"--ServerApp.port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    if allow_root:
        cmd.append("--allow-root")
    return cmd


def _course_relative(notebook: Path) -> str | None:
    """``notebook`` relative to the course folder when it is one of the learners' notebooks, else ``None``."""
    root = course.notebooks_dir().resolve()
    try:
        relative = notebook.resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    return None if relative.startswith("facilitator/") else relative


def app_command(notebook: Path, *, port: int | None = None, public: bool = False,
                open_browser: bool = True) -> list[str]:
    """The Voila command line for the course with the code hidden.

    A learners' notebook: the whole course folder is served (links between notebooks open in app mode; the
    trainer's notebook is left out of the list). The trainer's notebook, or a file outside the course: that
    notebook alone. Open :func:`app_url` in the browser.

    Examples
    --------
    >>> from fncoach.course import notebook_path
    >>> cmd = app_command(notebook_path("03"), port=8866, open_browser=False)
    >>> cmd[3] == str(course.notebooks_dir().resolve()), "--ContentsManager.hide_globs=facilitator" in cmd
    (True, True)
    """
    relative = _course_relative(notebook)
    target = str(course.notebooks_dir().resolve()) if relative else str(notebook)
    cmd = [sys.executable, "-m", "voila", target, f"--Voila.ip={'0.0.0.0' if public else '127.0.0.1'}",
           f"--template={VOILA_TEMPLATE}", "--strip_sources=True", "--theme=light"]
    if relative:
        cmd += [f"--ContentsManager.hide_globs={glob}" for glob in LEARNERS_HIDDEN]
    if port:
        cmd.append(f"--port={port}")
    if not open_browser or relative:
        cmd.append("--no-browser")  # the course is opened at the chosen notebook by fncoach itself
    return cmd


def app_url(notebook: Path, port: int, host: str = "127.0.0.1") -> str:
    """Where ``notebook`` opens on a server started with :func:`app_command`.

    Examples
    --------
    >>> from fncoach.course import notebook_path
    >>> app_url(notebook_path("03"), 8866)
    'http://127.0.0.1:8866/voila/render/03-sos-mapping.ipynb'
    """
    relative = _course_relative(notebook)
    return f"http://{host}:{port}/" + (f"voila/render/{relative}" if relative else "")


#: Jupyter server settings for learners' servers on a JupyterHub (see :func:`hub_environment`).
HUB_CONFIG = _SHARE / "hub"


def hub_environment() -> dict[str, str]:
    """The environment a learner's server on a JupyterHub needs for app mode to look and work as ``fncoach app``.

    ``JUPYTER_PATH`` finds fncoach's Voilà template (a main landmark, alt text on pictures, a clear focus mark, no
    code shown) and ``JUPYTER_CONFIG_PATH`` the settings in ``share/hub/jupyter_server_config.json``: that
    template for ``/voila/render/…``, and the plain (not async) contents manager, because Voilà 0.5 cannot put a
    picture written in a notebook's text (notebook 00 has one) into the page with the async one that
    jupyter_server uses by default.

    >>> env = hub_environment()
    >>> sorted(env), env["JUPYTER_CONFIG_PATH"].endswith("hub")
    (['JUPYTER_CONFIG_PATH', 'JUPYTER_PATH'], True)
    """
    return {"JUPYTER_PATH": str(_SHARE), "JUPYTER_CONFIG_PATH": str(HUB_CONFIG)}


def hub_config_text() -> str:
    """Lines for ``jupyterhub_config.py`` that give every learner's server :func:`hub_environment`."""
    return ("# fncoach: app mode on this hub looks and works as `fncoach app` does (written by `fncoach hub-config`)\n"
            f"c.Spawner.environment.update({hub_environment()!r})\n")


def voila_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for running Voilà with fncoach's template: ``JUPYTER_PATH`` gains ``fncoach/share``."""
    env = dict(os.environ if base is None else base)
    paths = [str(_SHARE)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    return env


def _run(cmd: list[str], args: argparse.Namespace, extra_warning: str = "", env: dict[str, str] | None = None) -> int:
    if args.public:
        print(_PUBLIC_WARNING.format(extra=extra_warning), file=sys.stderr)
    if args.print_command:
        print(shlex.join(cmd))
        return EXIT_OK
    print("Starting… (press Ctrl+C to stop)", file=sys.stderr)
    return subprocess.call(cmd, env=env)


def _hub_config(args: argparse.Namespace) -> int:
    if args.json:
        print_json(hub_environment())
    else:
        print(hub_config_text(), end="")
    return EXIT_OK


def _lab(args: argparse.Namespace) -> int:
    _need("jupyterlab", "jupyterlab")
    notebook = _find_notebook(args.notebook)
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not args.allow_root and not args.print_command:
        raise CommandError("JupyterLab will not run as the root user, to keep the computer safe. Run fncoach as "
                           "a normal user, or add --allow-root if this is a throw-away container.", EXIT_USAGE)
    cmd = lab_command(notebook, port=args.port, public=args.public, open_browser=not args.no_browser,
                      allow_root=args.allow_root)
    return _run(cmd, args, " (they still need the login token JupyterLab prints)")


def _app(args: argparse.Namespace) -> int:
    _need("voila", "voila")
    notebook = _find_notebook(args.notebook)
    port = args.port or _free_port()
    cmd = app_command(notebook, port=port, public=args.public, open_browser=not args.no_browser)
    url = app_url(notebook, port)
    if not args.print_command:
        print(f"The course will be at {url}", file=sys.stderr)
        if not args.no_browser and _course_relative(notebook):
            _open_when_ready(url, port)
    return _run(cmd, args, " WITHOUT any password: anyone who can reach this computer can use it",
                env=voila_environment())


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _open_when_ready(url: str, port: int, wait: float = 120) -> None:
    """Open ``url`` in the web browser as soon as the server listens (in the background)."""
    import socket
    import threading
    import time
    import webbrowser

    def opener() -> None:
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    webbrowser.open(url)
                    return
            time.sleep(0.5)

    threading.Thread(target=opener, daemon=True).start()


# ---------------------------------------------------------------------------- progress and export


def _open(args: argparse.Namespace) -> tuple[Record, str]:
    path = Path(args.record).expanduser() if args.record else default_record_path()
    if not path.exists():
        if args.record:
            raise CommandError(f"there is no learner record at {path}", EXIT_INVALID)
        raise CommandError(f"no work has been saved on this computer yet (the learner record {path} does not "
                           "exist). Open the course with 'fncoach lab' and start an exercise.", EXIT_INVALID)
    try:
        record = Record(path)
    except RecordError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    if record.notice:
        print(record.notice, file=sys.stderr)
    learner = args.learner or default_learner()
    return record, learner


def _progress(args: argparse.Namespace) -> int:
    record, learner = _open(args)
    try:
        progress = record.progress(learner)
    except RecordError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    rows = course.progress_rows(progress)
    if args.json:
        print_json({
            "learner": progress.learner, "record": str(record.path),
            "started": progress.started_count, "done": progress.done_count,
            "exercises": [{"notebook": r.notebook, "exercise": r.exercise_id, "title": r.exercise,
                           "scenario": r.scenario_id, "done": r.done, "saved_at": r.saved_at} for r in rows],
            "other_learners": [name for name in record.learners() if name != progress.learner],
        })
        return EXIT_OK
    print(progress.summary())
    for r in rows:
        print(f"  {'✓ done   ' if r.done else '  started'}  {r.notebook}: {r.exercise} ({r.scenario_id})")
    if not rows:
        others = record.learners()
        if others:
            print("Saved work in this record is under: " + ", ".join(others) + ". Use --learner NAME.")
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from ..pages.portfolio import portfolio_html

    record, learner = _open(args)
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise CommandError(f"the portfolio is an HTML page: give a file name ending in .html, not '{out.name}'",
                           EXIT_USAGE)
    try:
        text = portfolio_html(record, learner, exercise_titles=course.exercise_titles(),
                              scenario_titles={course.GENERAL_SCENARIO: course.GENERAL_SCENARIO_TITLE},
                              include_unfinished=not args.done_only)
    except RecordError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    temp = out.with_name(f".{out.name}.tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(out)
    progress = record.progress(learner)
    print(f"Wrote {out}: {progress.summary()}")
    return EXIT_OK
