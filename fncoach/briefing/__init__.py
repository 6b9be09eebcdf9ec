"""Briefing packs: a printable trainee handout and facilitator pack for each scenario.

One job per module:

- :mod:`~fncoach.briefing.build` — :func:`build_briefing` for one scenario, :func:`build_many` for a batch;
- :mod:`~fncoach.briefing.run` — runs the template notebook ``templates/briefing.ipynb`` with papermill and
  exports each audience's cells with nbconvert;
- :mod:`~fncoach.briefing.sections` and :mod:`~fncoach.briefing.content` — the sections the notebook
  displays, rendered from the templates in ``fncoach/pages/templates/briefing/``;
- :mod:`~fncoach.briefing.kit` — the trainer's kit (running sheet, answer key, cut-out and clue cards) and the
  availability grid; :mod:`~fncoach.briefing.figures` — every figure of a pack drawn in one place, also saved
  as slides (``fncoach brief --figures DIR``);
- :mod:`~fncoach.briefing.leaks` — the guard that keeps facilitator-only text out of trainee packs;
- :mod:`~fncoach.briefing.page` — the printable page around a pack; :mod:`~fncoach.briefing.pdf` — printing
  it with WeasyPrint; :mod:`~fncoach.briefing.files` — file names and writing.

Importing this package is quick: papermill, nbconvert, Jinja2 and WeasyPrint load when a pack is made.

Examples
--------
>>> pack_filename("tiny", "trainee", "pdf")
'tiny-trainee-handout.pdf'
>>> AUDIENCE_CHOICES
('trainee', 'facilitator', 'both')
"""

from __future__ import annotations

from .build import AUDIENCE_CHOICES, FORMAT_CHOICES, BatchItem, BriefingResult, build_briefing, build_many
from .errors import BriefingError
from .files import pack_filename

__all__ = [
    "AUDIENCE_CHOICES",
    "FORMAT_CHOICES",
    "BatchItem",
    "BriefingError",
    "BriefingResult",
    "build_briefing",
    "build_many",
    "pack_filename",
]
