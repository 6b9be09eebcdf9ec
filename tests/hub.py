"""A real JupyterHub on localhost for tests and the classroom benchmark.

JupyterHub from PyPI, the configurable-http-proxy from npm, learners' servers
as local processes (``SimpleLocalProcessSpawner``), dummy authentication, and
the fncoach room service as a hub-managed service. Used by
``tests/test_room_hub.py`` and ``benchmarks/classroom.py``.

Needs ``jupyterhub`` (Python) and ``configurable-http-proxy`` (npm):
:func:`proxy_command` finds or installs the proxy into a cache folder.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from fncoach.cli.course_cmds import hub_environment

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "fncoach-room"
PROXY_CACHE = Path(os.environ.get("FNCOACH_PROXY_DIR", Path.home() / ".cache" / "fncoach-hub-proxy"))


class HubUnavailable(RuntimeError):
    """A part the real hub needs (jupyterhub, node/npm, the proxy) is missing."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proxy_command() -> str:
    """The ``configurable-http-proxy`` executable, installed from npm into a cache folder when missing."""
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    local = PROXY_CACHE / "node_modules" / ".bin" / "configurable-http-proxy"
    if local.exists():
        return str(local)
    npm = shutil.which("npm")
    if npm is None:
        raise HubUnavailable("npm is not installed, so configurable-http-proxy cannot be installed")
    PROXY_CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "install", "--silent", "--prefix", str(PROXY_CACHE), "configurable-http-proxy"],
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0 or not local.exists():
        raise HubUnavailable("npm could not install configurable-http-proxy: " + done.stderr[-500:])
    return str(local)


@dataclass
class Hub:
    """A running hub: its address, the admin service token, and how to stop it."""

    folder: Path
    port: int
    service_port: int
    token: str
    trainers: tuple[str, ...]
    learner_env: dict = field(default_factory=dict)
    process: Optional[subprocess.Popen] = None
    log_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log_path = self.folder / "hub.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        """The room service through the hub's proxy (as a browser reaches it)."""
        return f"{self.url}/services/{SERVICE}/"

    # ------------------------------------------------------------- HTTP

    def api(self, method: str, path: str, data: Any = None, token: Optional[str] = None,
            timeout: float = 60) -> tuple[int, Any]:
        """Call the hub API (``path`` under ``/hub/api``) with the admin service token (or ``token``)."""
        return request(method, f"{self.url}/hub/api{path}", data, token or self.token, timeout)

    def user_token(self, name: str, scopes: tuple[str, ...] = (f"access:services!service={SERVICE}",)) -> str:
        status, body = self.api("POST", f"/users/{name}/tokens", {"scopes": list(scopes), "note": "test"})
        assert status in (200, 201), (status, body)
        return body["token"]

    # ------------------------------------------------------------- life

    def write_config(self) -> Path:
        venv_bin = Path(sys.executable).parent
        singleuser = venv_bin / "jupyterhub-singleuser"
        config = f"""
import sys
c = get_config()  # noqa
c.JupyterHub.bind_url = "http://127.0.0.1:{self.port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{proxy_command()!r}]
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "not-a-real-password"
c.Authenticator.allow_all = True
c.Authenticator.admin_users = set()
c.JupyterHub.load_groups = {{"trainers": {{"users": {list(self.trainers)!r}}}}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.folder / 'homes' / '{username}')!r}
c.Spawner.cmd = [{str(singleuser)!r}]
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.default_url = "/lab"
c.Spawner.environment = {{
    "FNCOACH_ROOM_URL": "http://127.0.0.1:{self.service_port}/services/{SERVICE}/",
    "PYTHONPATH": {str(ROOT)!r},
    "MPLCONFIGDIR": {str(self.folder / 'mpl')!r},
    **{hub_environment()!r},  # exactly what `fncoach hub-config` tells a hub's admin to add
    **{self.learner_env!r},
}}
c.Spawner.server_token_scopes = ["users:activity!user", "access:servers!server",
                                 "access:services!service={SERVICE}"]
c.JupyterHub.load_roles = [
    {{"name": "user", "scopes": ["self", "access:services!service={SERVICE}"]}},
    {{"name": "bench", "services": ["bench"],
      "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "admin:groups",
                 "access:services"]}},
]
c.JupyterHub.services = [
    {{"name": "bench", "api_token": {self.token!r}}},
    {{"name": "{SERVICE}", "url": "http://127.0.0.1:{self.service_port}",
      "command": [sys.executable, "-m", "fncoach.room.service"],
      "environment": {{"FNCOACH_ROOM_DB": {('sqlite:///' + str(self.folder / 'rooms.sqlite'))!r},
                       "PYTHONPATH": {str(ROOT)!r}}},
      "oauth_no_confirm": True}},
]
c.JupyterHub.db_url = {('sqlite:///' + str(self.folder / 'jupyterhub.sqlite'))!r}
c.JupyterHub.cookie_secret_file = {str(self.folder / 'cookie_secret')!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.log_level = "WARN"
"""
        path = self.folder / "jupyterhub_config.py"
        path.write_text(config)
        return path

    def start(self, timeout: float = 90) -> "Hub":
        config = self.write_config()
        log = self.log_path.open("ab")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=self.folder,
                                        stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the hub stopped while starting:\n" + self.log_tail())
            try:
                status, body = self.api("GET", "/", timeout=2)
                if status == 200 and self._service_answers():
                    return self
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("the hub did not start in time:\n" + self.log_tail())

    def _service_answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.service_port), timeout=1):
                return True
        except OSError:
            return False

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    # ------------------------------------------------------------- learners

    def add_users(self, *names: str) -> None:
        status, body = self.api("POST", "/users", {"usernames": list(names)})
        assert status in (201, 409), (status, body)

    def start_server(self, name: str) -> None:
        status, body = self.api("POST", f"/users/{name}/server")
        assert status in (201, 202, 400), (status, body)  # 400: already running

    def wait_ready(self, name: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            status, body = self.api("GET", f"/users/{name}")
            server = (body or {}).get("servers", {}).get("", {})
            if server.get("ready"):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{name}'s server was not ready in time:\n" + self.log_tail())


def request(method: str, url: str, data: Any = None, token: Optional[str] = None,
            timeout: float = 60) -> tuple[int, Any]:
    """One HTTP call; returns (status, JSON body or text)."""
    body = json.dumps(data).encode() if data is not None else (b"" if method not in ("GET", "DELETE") else None)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            status, payload = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, payload = error.code, error.read()
    text = payload.decode("utf-8", errors="replace")
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


def start_hub(folder: Path, trainers: tuple[str, ...] = ("trainer",), learner_env: Optional[dict] = None) -> Hub:
    folder.mkdir(parents=True, exist_ok=True)
    hub = Hub(folder=folder, port=free_port(), service_port=free_port(), token=uuid.uuid4().hex,
              trainers=trainers, learner_env=dict(learner_env or {}))
    return hub.start()


def run_in_kernel(hub: Hub, user: str, code: str, timeout: float = 120) -> str:
    """Run ``code`` in a new kernel on ``user``'s own server (as their notebook would) and return what it printed."""
    import asyncio

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    token = hub.user_token(user, scopes=(f"access:servers!server={user}/",))
    base = f"{hub.url}/user/{user}/api"
    status, kernel = request("POST", f"{base}/kernels", {"name": "python3"}, token)
    assert status == 201, (status, kernel)

    async def run() -> str:
        ws = await websocket_connect(HTTPRequest(
            f"ws://127.0.0.1:{hub.port}/user/{user}/api/kernels/{kernel['id']}/channels",
            headers={"Authorization": f"token {token}"}, connect_timeout=60))
        msg_id = uuid.uuid4().hex
        ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": user, "session": uuid.uuid4().hex, "msg_type": "execute_request",
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}))
        out: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            raw = await asyncio.wait_for(ws.read_message(), timeout=max(1.0, deadline - time.monotonic()))
            if raw is None:
                break
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = msg["header"]["msg_type"]
            if kind == "stream":
                out.append(msg["content"]["text"])
            elif kind == "error":
                out.append("ERROR " + msg["content"]["ename"] + ": " + msg["content"]["evalue"])
            elif kind == "status" and msg["content"]["execution_state"] == "idle":
                break
        ws.close()
        return "".join(out)

    try:
        return asyncio.run(run())
    finally:
        request("DELETE", f"{base}/kernels/{kernel['id']}", None, token)
