"""The training-room web service, run by JupyterHub as a managed service.

Add it to ``jupyterhub_config.py`` (see ``docs/deploying.md``)::

    c.JupyterHub.services = [{
        "name": "fncoach-room",
        "url": "http://127.0.0.1:10101",
        "command": [sys.executable, "-m", "fncoach.room.service"],
        "environment": {"FNCOACH_ROOM_DB": "sqlite:////srv/fncoach/rooms.sqlite"},
        "oauth_no_confirm": True,
    }]

Who may do what is decided from the hub: anyone signed in to the hub may
join an open room and share with it; only a facilitator — a hub admin or a
member of a trainers group (``FNCOACH_ROOM_TRAINERS``, default ``trainers``)
— may open a room, and only the facilitator who opened it (or a hub admin)
may see it, close it, export it or delete it. A learner only ever gets back
their own shares.

The API (every path under the service prefix, e.g. ``/services/fncoach-room/``)
answers JSON; errors are ``{"error": "plain sentence"}`` with a 4xx status:

==========  ===================================  ==================================
method      path                                 who
==========  ===================================  ==================================
GET         api/whoami                           anyone: name and facilitator or not
POST        api/rooms                            facilitator: open a room
GET         api/rooms                            facilitator: their rooms
GET         api/rooms/CODE                       its facilitator: the live view
POST        api/rooms/CODE/close                 its facilitator
GET         api/rooms/CODE/export                its facilitator: the room's record (HTML)
DELETE      api/rooms/CODE                       its facilitator, once closed
POST        api/rooms/CODE/join                  anyone, while open
GET         api/rooms/CODE/mine                  a learner: their own shares
PUT         api/rooms/CODE/shares/KIND/ITEM      a learner who joined: share or replace
DELETE      api/rooms/CODE/shares[/KIND[/ITEM]]  a learner: withdraw their shares
==========  ===================================  ==================================
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import asdict
from typing import Any, Optional
from urllib.parse import urlparse

from tornado import ioloop, web
from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join

from .shares import RoomError, RoomView
from .store import Room, RoomStore, default_db_url

__all__ = ["make_app", "main", "room_view_json", "trainer_groups"]

log = logging.getLogger("fncoach.room")


def trainer_groups() -> frozenset[str]:
    """Hub groups whose members are facilitators (``$FNCOACH_ROOM_TRAINERS``, comma-separated; default ``trainers``)."""
    raw = os.environ.get("FNCOACH_ROOM_TRAINERS", "trainers")
    return frozenset(part.strip() for part in raw.split(",") if part.strip())


def room_view_json(view: RoomView) -> dict[str, Any]:
    """The live view as JSON-ready data (no learner is named in it).

    Examples
    --------
    >>> from fncoach.room.shares import Share, room_view
    >>> data = room_view_json(room_view([Share("a", "card", "c1", "harm")]))
    >>> data["learners"], data["card_splits"][0]["counts"]["harm"]
    (1, 1)
    """
    data = asdict(view)
    data["card_splits"] = [{"card": split.card, "counts": dict(split.counts)} for split in view.card_splits]
    return data


def _room_json(room: Room) -> dict[str, Any]:
    return {"code": room.code, "title": room.title, "scenario": room.scenario, "open": room.is_open,
            "opened_at": room.opened_at.isoformat(), "closed_at": room.closed_at.isoformat() if room.closed_at else None}


class _Base(HubOAuthenticated, web.RequestHandler):
    """Every handler: a hub user, JSON in and out, plain errors."""

    def initialize(self, store: RoomStore) -> None:
        self.store = store

    def prepare(self) -> None:
        # API changes carry a hub token; a browser's cookie alone may only read.
        if self.request.method not in ("GET", "HEAD") and "Authorization" not in self.request.headers:
            raise web.HTTPError(403, "Send changes with your hub token (the course does this for you).")

    @property
    def user_name(self) -> str:
        return self.current_user["name"]

    @property
    def is_admin(self) -> bool:
        return bool(self.current_user.get("admin"))

    @property
    def is_facilitator(self) -> bool:
        groups = set(self.current_user.get("groups") or ())
        return self.is_admin or bool(groups & trainer_groups())

    def send(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(data, ensure_ascii=False))

    def body(self) -> dict[str, Any]:
        if not self.request.body:
            return {}
        try:
            data = json.loads(self.request.body)
        except ValueError:
            raise RoomError("The request was not JSON.") from None
        if not isinstance(data, dict):
            raise RoomError("The request must be a JSON object.")
        return data

    def require_facilitator(self) -> None:
        if not self.is_facilitator:
            raise RoomError("Only a facilitator can do this.", 403)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None, None))[1]
        message = error.log_message if isinstance(error, web.HTTPError) and error.log_message else self._reason
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": message}))

    def _handle_room_error(self, error: RoomError) -> None:
        self.send({"error": str(error)}, error.status)


def _room_errors(method):
    """Turn a :class:`RoomError` into its status and plain message."""

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RoomError as error:
            self._handle_room_error(error)

    wrapper.__name__ = method.__name__
    wrapper.__doc__ = method.__doc__
    return wrapper


class WhoAmI(_Base):
    @web.authenticated
    def get(self) -> None:
        self.send({"name": self.user_name, "facilitator": self.is_facilitator})


class Rooms(_Base):
    @web.authenticated
    @_room_errors
    def get(self) -> None:
        self.require_facilitator()
        self.send({"rooms": [_room_json(r) for r in self.store.rooms_of(self.user_name)]})

    @web.authenticated
    @_room_errors
    def post(self) -> None:
        self.require_facilitator()
        data = self.body()
        code = self.store.open_room(self.user_name, str(data.get("title", "")), str(data.get("scenario", "")))
        self.send(_room_json(self.store.room(code)), 201)


class RoomDetail(_Base):
    @web.authenticated
    @_room_errors
    def get(self, code: str) -> None:
        view = self.store.view(code, self.user_name, self.is_admin)
        self.send({"room": _room_json(self.store.room(code)), "view": room_view_json(view)})

    @web.authenticated
    @_room_errors
    def delete(self, code: str) -> None:
        self.store.delete_room(code, self.user_name, self.is_admin)
        self.send({"deleted": True})


class RoomClose(_Base):
    @web.authenticated
    @_room_errors
    def post(self, code: str) -> None:
        self.store.close_room(code, self.user_name, self.is_admin)
        self.send(_room_json(self.store.room(code)))


class RoomExport(_Base):
    @web.authenticated
    @_room_errors
    def get(self, code: str) -> None:
        from ..pages.room import room_record_html

        view = self.store.view(code, self.user_name, self.is_admin)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="room-{self.store.room(code).code}.html"')
        self.finish(room_record_html(self.store.room(code), view))


class Join(_Base):
    @web.authenticated
    @_room_errors
    def post(self, code: str) -> None:
        room = self.store.join(code, self.user_name)
        self.send({"code": room.code, "title": room.title, "scenario": room.scenario})


class Mine(_Base):
    @web.authenticated
    @_room_errors
    def get(self, code: str) -> None:
        self.send({"shares": [{"kind": s.kind, "item": s.item, "value": s.value}
                              for s in self.store.mine(code, self.user_name)]})


class Shares(_Base):
    @web.authenticated
    @_room_errors
    def put(self, code: str, kind: str, item: str) -> None:
        data = self.body()
        if "value" not in data:
            raise RoomError("Send the answer to share as {\"value\": ...}.")
        self.store.share(code, self.user_name, kind, item, data["value"])
        self.send({"shared": True})

    @web.authenticated
    @_room_errors
    def delete(self, code: str, kind: Optional[str] = None, item: Optional[str] = None) -> None:
        removed = self.store.withdraw(code, self.user_name, kind or None, item or None)
        self.send({"withdrawn": removed})


class Home(_Base):
    """A plain page for a person who opens the service in a browser."""

    @web.authenticated
    def get(self) -> None:
        from ..pages.room import room_home_html

        rooms = self.store.rooms_of(self.user_name) if self.is_facilitator else []
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(room_home_html(self.user_name, self.is_facilitator, rooms))


def make_app(store: RoomStore, prefix: str = "/") -> web.Application:
    """The tornado application for ``store``, answering under ``prefix``."""
    code = r"([A-Za-z0-9-]{4,20})"
    routes = [
        (r"", Home), (r"api/whoami", WhoAmI), (r"api/rooms", Rooms), (rf"api/rooms/{code}", RoomDetail),
        (rf"api/rooms/{code}/close", RoomClose), (rf"api/rooms/{code}/export", RoomExport),
        (rf"api/rooms/{code}/join", Join), (rf"api/rooms/{code}/mine", Mine),
        (rf"api/rooms/{code}/shares(?:/([a-z]+))?(?:/([A-Za-z0-9_.-]+))?", Shares),
    ]
    handlers = [(url_path_join(prefix, pattern) if pattern else prefix, handler, {"store": store})
                for pattern, handler in routes]
    handlers.append((url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler))
    return web.Application(handlers, cookie_secret=os.urandom(32), login_url=url_path_join(prefix, "oauth_callback"))


def main(argv: Optional[list[str]] = None) -> int:
    """Run the service (JupyterHub starts it with its environment: prefix, URL and API token)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m fncoach.room.service",
                                     description="The fncoach training-room service for JupyterHub.")
    parser.add_argument("--db", default=os.environ.get("FNCOACH_ROOM_DB") or default_db_url(),
                        help="SQLAlchemy database URL (default: fncoach-rooms.sqlite in this folder)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[fncoach-room %(asctime)s] %(message)s")
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/")
    url = urlparse(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    try:
        store = RoomStore(args.db)
    except RoomError as error:
        print(f"fncoach room service: {error}", file=sys.stderr)
        return 1
    app = make_app(store, prefix)
    app.listen(url.port or 80, url.hostname or "127.0.0.1")
    log.info("rooms kept in %s; listening on %s%s", store.url.split("@")[-1], url.geturl(), prefix)
    ioloop.IOLoop.current().start()
    return 0


if __name__ == "__main__":  # pragma: no cover - started by JupyterHub
    raise SystemExit(main())
