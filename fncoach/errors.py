"""The one family of fncoach's own errors.

Every error the package raises on purpose derives from :class:`FncoachError`,
so a caller (the command line, a widget callback, a notebook) can catch the
package's own problems in one ``except`` and show their message to a person,
while a real bug still shows as a bug. Each message is written for a person:
plain English, naming the file, line and field where there is one.

Examples
--------
>>> try:
...     raise FncoachError("scenarios/x.yaml:3:5: people: a list is needed here.")
... except FncoachError as error:
...     print(error)
scenarios/x.yaml:3:5: people: a list is needed here.
"""

from __future__ import annotations

__all__ = ["FncoachError"]


class FncoachError(Exception):
    """Base class for every error fncoach raises on purpose (its message is for a person)."""
