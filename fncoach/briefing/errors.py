"""The briefing's own error: a pack could not be made, said in plain words.

Examples
--------
>>> from fncoach.errors import FncoachError
>>> issubclass(BriefingError, FncoachError)
True
"""

from __future__ import annotations

from ..errors import FncoachError

__all__ = ["BriefingError"]


class BriefingError(FncoachError):
    """A briefing pack could not be made; the message says why in plain words."""
