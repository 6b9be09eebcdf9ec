"""Training rooms on JupyterHub: learners share chosen answers, the facilitator sees the room.

A room is opened by a facilitator and has a short code. Learners join it from
the course header and share what they choose — their own safety-scale number
(before the reveal), their card sort, a statement they press "share with the
room" on, their drill's coverage. The facilitator's notebook shows the room
as spreads and anonymous lists; a learner only ever sees their own shares.

- :mod:`fncoach.room.shares` — what may be shared and what the facilitator sees (pure);
- :mod:`fncoach.room.store` — rooms kept in SQLite or any SQLAlchemy database;
- :mod:`fncoach.room.service` — the JupyterHub-managed web service (HubOAuth);
- :mod:`fncoach.room.client` — how a notebook talks to the service.

Without a hub the course works as before, and says the room is not available.
"""

from .shares import RoomError, RoomView, Share, clean_share, room_view, valid_room_code

__all__ = ["RoomError", "RoomView", "Share", "clean_share", "room_view", "valid_room_code"]
