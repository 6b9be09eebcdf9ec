"""How a course notebook talks to the training-room service.

On a JupyterHub that runs the room service, every learner's kernel has
``$JUPYTERHUB_API_TOKEN`` (the hub gives it to each learner's server) and
``$FNCOACH_ROOM_URL`` (set by the hub's configuration, see
``docs/deploying.md``). :func:`connect` builds a :class:`RoomClient` from
them; without them (``fncoach lab`` on one computer) it returns ``None`` and
:data:`NOT_AVAILABLE` says so in plain words. Every call answers plain data or
raises :class:`~fncoach.room.shares.RoomError` with a sentence a learner can
act on — never a traceback.

Examples
--------
>>> connect({}) is None
True
>>> client = connect({"FNCOACH_ROOM_URL": "http://127.0.0.1:10101/services/fncoach-room/",
...                   "JUPYTERHUB_API_TOKEN": "abc"})
>>> client.url
'http://127.0.0.1:10101/services/fncoach-room/'
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Mapping, Optional

from .shares import RoomError, valid_room_code

__all__ = ["RoomClient", "connect", "NOT_AVAILABLE"]

#: What the course says when there is no room service (one computer, or a hub without it).
NOT_AVAILABLE = ("Training rooms are not available here. They work when the course runs on your organisation's "
                 "JupyterHub with the room service switched on; everything else in the course works as usual.")


class RoomClient:
    """Calls to the room service as the signed-in hub user.

    Parameters
    ----------
    url : str
        The service's address including its prefix, ending in ``/``.
    token : str
        A hub API token of the user (``$JUPYTERHUB_API_TOKEN`` in their kernel).
    timeout : float
        Seconds to wait for an answer.
    """

    def __init__(self, url: str, token: str, timeout: float = 10.0):
        self.url = url if url.endswith("/") else url + "/"
        self._token = token
        self.timeout = timeout

    def _call(self, method: str, path: str, data: Optional[Mapping[str, Any]] = None, raw: bool = False) -> Any:
        body = json.dumps(data).encode("utf-8") if data is not None else (b"" if method != "GET" else None)
        request = urllib.request.Request(self.url + path, data=body, method=method, headers={
            "Authorization": f"token {self._token}", "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - the hub's own URL
                payload = response.read()
        except urllib.error.HTTPError as error:
            raise RoomError(_message_from(error), error.code) from None
        except (urllib.error.URLError, OSError, TimeoutError):
            raise RoomError("The training room could not be reached just now. Check you are still signed in to "
                            "the hub and try again in a moment.", 503) from None
        if raw:
            return payload.decode("utf-8")
        return json.loads(payload.decode("utf-8")) if payload else {}

    # ---------------------------------------------------------------- anyone

    def whoami(self) -> dict[str, Any]:
        """``{"name": ..., "facilitator": bool}`` for the signed-in user."""
        return self._call("GET", "api/whoami")

    def join(self, code: str) -> dict[str, Any]:
        """Join an open room; returns its code, title and case."""
        return self._call("POST", f"api/rooms/{valid_room_code(code)}/join", {})

    def share(self, code: str, kind: str, item: str, value: Any) -> None:
        """Share (or replace) one answer with a room the user has joined."""
        self._call("PUT", f"api/rooms/{valid_room_code(code)}/shares/{urllib.parse.quote(kind)}/"
                          f"{urllib.parse.quote(item)}", {"value": value})

    def withdraw(self, code: str, kind: Optional[str] = None, item: Optional[str] = None) -> int:
        """Take back shares (one, one kind, or all); returns how many were removed."""
        path = f"api/rooms/{valid_room_code(code)}/shares"
        if kind:
            path += f"/{urllib.parse.quote(kind)}"
            if item:
                path += f"/{urllib.parse.quote(item)}"
        return int(self._call("DELETE", path).get("withdrawn", 0))

    def mine(self, code: str) -> list[dict[str, Any]]:
        """What the user has shared with the room."""
        return list(self._call("GET", f"api/rooms/{valid_room_code(code)}/mine")["shares"])

    # ---------------------------------------------------------------- facilitators

    def open_room(self, title: str, scenario: str) -> dict[str, Any]:
        """Open a room (facilitators only); returns it with its new code."""
        return self._call("POST", "api/rooms", {"title": title, "scenario": scenario})

    def rooms(self) -> list[dict[str, Any]]:
        """The facilitator's rooms, newest first."""
        return list(self._call("GET", "api/rooms")["rooms"])

    def view(self, code: str) -> dict[str, Any]:
        """The live view of a room: ``{"room": ..., "view": ...}``."""
        return self._call("GET", f"api/rooms/{valid_room_code(code)}")

    def close(self, code: str) -> dict[str, Any]:
        """Close a room (nothing more can be shared; everything is kept)."""
        return self._call("POST", f"api/rooms/{valid_room_code(code)}/close", {})

    def export(self, code: str) -> str:
        """The room's record as a printable HTML page."""
        return self._call("GET", f"api/rooms/{valid_room_code(code)}/export", raw=True)

    def delete(self, code: str) -> None:
        """Delete a closed room."""
        self._call("DELETE", f"api/rooms/{valid_room_code(code)}")


def _message_from(error: urllib.error.HTTPError) -> str:
    try:
        message = json.loads(error.read().decode("utf-8")).get("error")
    except (ValueError, AttributeError, OSError):
        message = None
    if error.code == 403 and not message:
        message = "You do not have permission for that room."
    return message or f"The training room answered with an error ({error.code}). Try again in a moment."


def connect(environ: Optional[Mapping[str, str]] = None) -> Optional[RoomClient]:
    """A client for this kernel's hub user, or ``None`` when there is no room service here."""
    env = os.environ if environ is None else environ
    url, token = env.get("FNCOACH_ROOM_URL", "").strip(), env.get("JUPYTERHUB_API_TOKEN", "").strip()
    if not url or not token:
        return None
    return RoomClient(url, token)
