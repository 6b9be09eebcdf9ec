"""When a test needs a tool that is not installed: skip on a developer's computer, fail in CI.

``CI`` (set by CI services and by ``.ci/run``) or the test's own ``FNCOACH_REQUIRE_…`` variable turns the skip
into a failure, so a CI image that lost ``pdftotext`` or Chromium goes red instead of quietly running less.
"""

from __future__ import annotations

import os

import pytest

__all__ = ["required", "missing"]


def required(flag: str) -> bool:
    """Whether a missing tool must fail the test: ``CI`` or ``flag`` is set to something other than ``0``."""
    return any(os.environ.get(name, "").strip() not in ("", "0") for name in ("CI", flag))


def missing(problem: str, flag: str) -> None:
    """Fail (in CI, or with ``flag`` set) or skip, saying what is missing."""
    if required(flag):
        pytest.fail(f"{problem} (CI or {flag} is set, so this is a failure, not a skip)")
    pytest.skip(problem)
