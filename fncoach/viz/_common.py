"""Shared figure conventions: the result type, the colour-blind-safe palette and markers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg") if matplotlib.get_backend().lower() in ("", "agg") else None  # keep notebooks' inline backend

__all__ = ["FigureResult", "DOMAIN_STYLE", "SAFETY_BADGE", "OKABE_ITO", "new_figure", "png_bytes"]

#: Okabe & Ito (2008) colour-blind-safe palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}

#: Domain → (colour, marker, label). Colour is never the only carrier: each domain has its own marker shape.
DOMAIN_STYLE: dict[str, tuple[str, str, str]] = {
    "household": (OKABE_ITO["vermillion"], "s", "Household"),
    "family": (OKABE_ITO["orange"], "o", "Family"),
    "friends": (OKABE_ITO["sky_blue"], "^", "Friends"),
    "school_work": (OKABE_ITO["green"], "D", "School or work"),
    "community_faith": (OKABE_ITO["purple"], "p", "Community or faith"),
    "professional": (OKABE_ITO["grey"], "h", "Professional"),
}

#: Safety status → (badge text, colour). The text carries the meaning; colour only repeats it.
SAFETY_BADGE: dict[str, tuple[str, str]] = {
    "safe": ("✓", OKABE_ITO["green"]),
    "to_explore": ("?", OKABE_ITO["orange"]),
    "worry": ("!", OKABE_ITO["vermillion"]),
}


@dataclass
class FigureResult:
    """A figure and its text description for screen readers.

    Attributes
    ----------
    figure : matplotlib.figure.Figure
    description : str
        Plain-English description of what the figure shows (alt text).
    """

    figure: Any
    description: str

    def save(self, path: str | Path, alt_text: bool = False, dpi: int = 150) -> Path:
        """Save the figure (format from the extension); with ``alt_text`` also write ``<path>.txt``."""
        target = Path(path)
        self.figure.savefig(target, dpi=dpi, bbox_inches="tight", metadata=_metadata(target))
        if alt_text:
            target.with_suffix(target.suffix + ".txt").write_text(self.description + "\n", encoding="utf-8")
        return target

    def png(self, dpi: int = 100, fast: bool = False) -> bytes:
        """The figure as PNG bytes (see :func:`png_bytes`)."""
        return png_bytes(self.figure, dpi, fast=fast)

    def _repr_png_(self) -> bytes:  # shows in notebooks without printing an object repr
        return self.png()

    def __repr__(self) -> str:
        return f"FigureResult({self.description[:60]!r}…)"


def png_bytes(figure: Any, dpi: int = 100, fast: bool = False) -> bytes:
    """A figure as PNG bytes: cropped to what is drawn ("tight", so labels beyond the axes are kept) and
    with no software or date stamp, so the same figure always gives the same bytes.

    ``fast`` compresses less: for pictures shown on screen at once, not stored.
    """
    import io

    buffer = io.BytesIO()
    options: dict[str, Any] = {"pil_kwargs": {"compress_level": 1}} if fast else {}
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None}, **options)
    return buffer.getvalue()


def _metadata(path: Path) -> dict[str, Any] | None:
    # Fixed metadata so the same input gives byte-identical files (no creation dates).
    suffix = path.suffix.lower()
    if suffix == ".png":
        return {"Software": None}
    if suffix == ".svg":
        return {"Date": None}
    if suffix == ".pdf":
        return {"CreationDate": None, "ModDate": None}
    return None


def new_figure(width: float = 8.0, height: float = 6.0):
    """A new figure and axes, not registered with pyplot (so nothing leaks between calls)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()
