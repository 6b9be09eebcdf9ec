"""A class at once: N learners open a course notebook in app mode through a real JupyterHub.

Usage::

    python benchmarks/classroom.py                       # 10 learners, notebook 03
    python benchmarks/classroom.py --learners 1 5 10 --notebook 02-build-a-network.ipynb

For each N it starts a hub on localhost (JupyterHub from PyPI, the proxy from
npm, each learner's server a local process; ``tests/hub.py``), starts the N
learners' servers, then has every learner ask for the notebook in app mode
(Voilà, through the hub's proxy, as a browser does) at the same moment, and
prints:

- time to first exercise (the rendered page with its first exercise's widget
  in it), median and 95th percentile;
- CPU seconds per learner (their server and kernel, during the render);
- resident memory per learner (server plus kernel, after the render);
- how long starting the N servers took.

Figures depend on the machine; on 2 cores they are the ones quoted in
``docs/deploying.md``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hub import Hub, start_hub  # noqa: E402

WIDGET_MARK = "application/vnd.jupyter.widget-view+json"
_CLOCK = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def _cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / _CLOCK
    return total


def _rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _server_pid(hub: Hub, name: str) -> int:
    status, body = hub.api("GET", f"/users/{name}?include_stopped_servers")
    return int(body["servers"][""]["state"]["pid"])


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def run(learners: int, notebook: str, folder: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    names = [f"learner{i:02d}" for i in range(learners)]
    hub = start_hub(folder / f"hub-{learners}", learner_env=env)
    try:
        hub.add_users(*names)
        for name in names:
            home = hub.folder / "homes" / name
            home.mkdir(parents=True, exist_ok=True)
            shutil.copytree(ROOT / "notebooks", home / "notebooks", dirs_exist_ok=True)
        started = time.monotonic()
        for name in names:
            hub.start_server(name)
        for name in names:
            hub.wait_ready(name, timeout=600)
        start_seconds = time.monotonic() - started
        tokens = {name: hub.user_token(name, scopes=(f"access:servers!server={name}/",)) for name in names}
        pids = {name: _server_pid(hub, name) for name in names}
        cpu_before = {name: _cpu_seconds(_tree(pids[name])) for name in names}
        barrier = threading.Barrier(learners)
        times: dict[str, float] = {}
        problems: list[str] = []

        def open_notebook(name: str) -> None:
            url = f"{hub.url}/user/{name}/voila/render/notebooks/{notebook}"
            request = urllib.request.Request(url, headers={"Authorization": f"token {tokens[name]}"})
            barrier.wait()
            begin = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=600) as response:
                    page = response.read().decode("utf-8", errors="replace")
            except Exception as error:  # noqa: BLE001 - reported, not raised
                problems.append(f"{name}: {error}")
                return
            times[name] = time.monotonic() - begin
            if WIDGET_MARK not in page:
                problems.append(f"{name}: the page had no exercise widget in it")
            if "Traceback" in page or "jp-RenderedText\" data-mime-type=\"application/vnd.jupyter.stderr" in page:
                problems.append(f"{name}: the page showed an error")

        threads = [threading.Thread(target=open_notebook, args=(name,)) for name in names]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        cpu = [_cpu_seconds(_tree(pids[name])) - cpu_before[name] for name in names]
        rss = [_rss_mb(_tree(pids[name])) for name in names]
        server_rss = [_rss_mb([pids[name]]) for name in names]
        if problems:
            print("problems:", *problems, sep="\n  ")
        measured = list(times.values()) or [float("nan")]
        return {
            "learners": learners,
            "median_s": statistics.median(measured),
            "p95_s": _percentile(measured, 0.95),
            "cpu_s_per_learner": statistics.mean(cpu),
            "rss_mb_per_learner": statistics.mean(rss),
            "rss_mb_max": max(rss),
            "server_mb": statistics.mean(server_rss),
            "servers_start_s": start_seconds,
            "failed": len(problems),
        }
    finally:
        hub.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, nargs="+", default=[10], metavar="N")
    parser.add_argument("--notebook", default="03-sos-mapping.ipynb")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="an environment variable for the learners' servers (to try a setting)")
    args = parser.parse_args(argv)
    env = dict(item.split("=", 1) for item in args.env)
    folder = Path(tempfile.mkdtemp(prefix="fncoach-classroom-"))
    print(f"notebook {args.notebook}, {os.cpu_count()} cores")
    print(f"{'learners':>8} {'median s':>9} {'p95 s':>7} {'CPU s/learner':>14} {'MB/learner':>11} "
          f"{'(server)':>9} {'MB max':>7} {'servers start s':>16} {'failed':>6}")
    worst = 0
    for n in args.learners:
        r = run(n, args.notebook, folder, env)
        worst = max(worst, int(r["failed"]))
        print(f"{n:>8} {r['median_s']:>9.1f} {r['p95_s']:>7.1f} {r['cpu_s_per_learner']:>14.1f} "
              f"{r['rss_mb_per_learner']:>11.0f} {r['server_mb']:>9.0f} {r['rss_mb_max']:>7.0f} {r['servers_start_s']:>16.1f} "
              f"{r['failed']:>6}", flush=True)
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if worst else 0


if __name__ == "__main__":
    raise SystemExit(main())
