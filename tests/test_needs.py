"""tests/needs.py: a missing tool skips a test on a developer's computer and fails it in CI."""

from __future__ import annotations

import pytest

from needs import missing, required


@pytest.mark.parametrize("env, expected", [
    ({}, False),
    ({"CI": "true"}, True),
    ({"CI": "0"}, False),
    ({"FNCOACH_REQUIRE_TOOL": "1"}, True),
    ({"CI": "", "FNCOACH_REQUIRE_TOOL": "0"}, False),
])
def test_required_in_ci_or_by_flag(monkeypatch, env, expected):
    for name in ("CI", "FNCOACH_REQUIRE_TOOL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert required("FNCOACH_REQUIRE_TOOL") is expected
    outcome = pytest.fail.Exception if expected else pytest.skip.Exception
    with pytest.raises(BaseException, match="the tool is not installed") as caught:
        missing("the tool is not installed", "FNCOACH_REQUIRE_TOOL")
    assert caught.type is outcome
