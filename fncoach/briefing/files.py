"""Pack file names, and writing a pack in one go (a crash never leaves half a file).

Examples
--------
>>> pack_filename("tiny", "trainee", "pdf")
'tiny-trainee-handout.pdf'
>>> pack_filename("tiny", "facilitator", "html", large_print=True)
'tiny-facilitator-pack-large-print.html'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["PACK_NAMES", "PACK_TITLES", "pack_filename", "write_atomic"]

#: The file-name part and the printed title of each audience's pack.
PACK_NAMES = {"trainee": "trainee-handout", "facilitator": "facilitator-pack"}
PACK_TITLES = {"trainee": "Trainee handout", "facilitator": "Facilitator pack"}


def pack_filename(scenario_id: str, audience: str, fmt: str, large_print: bool = False) -> str:
    """The file name of one pack, e.g. ``maya-trainee-handout.pdf``."""
    return f"{scenario_id}-{PACK_NAMES[audience]}{'-large-print' if large_print else ''}.{fmt}"


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, then rename it into place.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "packs" / "a.html", b"<p>Hi</p>")
    >>> (folder / "packs" / "a.html").read_bytes(), [p.name for p in (folder / "packs").iterdir()]
    (b'<p>Hi</p>', ['a.html'])
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
