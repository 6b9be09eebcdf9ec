"""End-to-end briefing packs (fncoach.briefing.build): papermill + nbconvert + WeasyPrint on the leak-marker fixture.

Kernel runs are slow (several seconds each), so the whole module makes only two: one pack
set shared by most tests, and one batch (with a broken scenario) whose HTML must equal the
first byte for byte. The tests share one xdist worker.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fncoach import briefing
from fncoach.briefing.leaks import self_contained_problems
from fncoach.scenario import ScenarioError

from conftest import FIXTURES
from needs import missing

pytestmark = pytest.mark.xdist_group("briefing")

LEAK = FIXTURES / "leak_markers.yaml"
TITLE = "Leak test — Zoë and her gran"


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("packs")
    result = briefing.build_briefing(LEAK, "both", "both", out)
    assert [f.name for f in result.files] == [
        "leak_markers-trainee-handout.html", "leak_markers-trainee-handout.pdf",
        "leak_markers-facilitator-pack.html", "leak_markers-facilitator-pack.pdf",
    ]
    return {f"{who}.{kind}": out / briefing.pack_filename("leak_markers", who, kind)
            for who in ("trainee", "facilitator") for kind in ("html", "pdf")}


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[list[briefing.BatchItem], Path]:
    out = tmp_path_factory.mktemp("batch")
    broken = out / "broken.yaml"
    broken.write_text(LEAK.read_text(encoding="utf-8").replace("domain: friends", "domain: neighbours"),
                      encoding="utf-8")
    items = briefing.build_many([broken, LEAK, out / "missing.yaml"], "both", "html", out / "packs")
    return items, out / "packs"


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        missing("pdftotext (poppler-utils) is not installed", "FNCOACH_REQUIRE_PDFTEXT")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_trainee_html_has_no_marker(packs):
    html = packs["trainee.html"].read_text(encoding="utf-8")
    assert "LEAKMARK" not in html.upper()
    assert "Exercise 1: Sort what we know" in html  # the handout really is there
    assert "Private Family Time" in html and "Handing the plan over" in html  # with room to write


def test_trainee_pdf_text_has_no_marker(packs):
    text = _pdf_text(packs["trainee.pdf"])
    assert "LEAKMARK" not in text.upper()
    assert "Sort what we know" in text


def test_facilitator_pack_has_the_model_answers(packs):
    html = packs["facilitator.html"].read_text(encoding="utf-8")
    for marker in ("EXPLANATION-C6", "WORRY-W1", "GOAL-G1", "TENMEANS", "NOTE-1", "MISTAKE-1", "TIMING-1",
                   "OFFER-WHY-2", "HANDOVER-WHY", "HANDOVER-RECALL"):
        assert f"LEAKMARK-{marker}" in html
    assert "LEAKMARK-NOTE-1" in _pdf_text(packs["facilitator.pdf"])


@pytest.mark.parametrize("who", ["trainee", "facilitator"])
def test_html_is_one_self_contained_file_without_code(packs, who):
    html = packs[f"{who}.html"].read_text(encoding="utf-8")
    assert self_contained_problems(html) == []
    for code in ("display(HTML", "import ", "bs.", "In&nbsp;[", "jp-InputArea", "papermill"):
        assert code not in html
    images = re.findall(r"<img\b[^>]*>", html)
    assert all('src="data:image/png;base64,' in img for img in images)


@pytest.mark.parametrize("who", ["trainee", "facilitator"])
def test_pdf_is_a4_with_title_and_page_numbers_on_every_page(packs, who):
    text = _pdf_text(packs[f"{who}.pdf"])
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2
    for number, page_text in enumerate(pages, start=1):
        assert TITLE in page_text
        assert f"Page {number} of {len(pages)}" in page_text
    info = subprocess.run(["pdfinfo", str(packs[f"{who}.pdf"])], capture_output=True, text=True).stdout
    assert "595.276 x 841.89" in info or "595.28 x 841.89" in info  # A4 in points


def test_batch_reports_a_broken_scenario_and_makes_the_others(batch):
    items, out = batch
    broken, good, missing = items
    assert not broken.ok and "neighbours" in broken.error and "broken.yaml:" in broken.error
    assert not missing.ok and "there is no file here" in missing.error
    assert good.ok and sorted(p.name for p in out.iterdir()) == [
        "leak_markers-facilitator-pack.html", "leak_markers-trainee-handout.html"]


@pytest.mark.parametrize("who", ["trainee", "facilitator"])
def test_same_input_gives_the_same_html(packs, batch, who):
    _, out = batch
    again = (out / briefing.pack_filename("leak_markers", who, "html")).read_bytes()
    assert again == packs[f"{who}.html"].read_bytes()


def test_a_bad_scenario_fails_before_any_kernel_starts(tmp_path):
    with pytest.raises(ScenarioError):
        briefing.build_briefing(tmp_path / "nothing.yaml", "trainee", "html", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_bad_choices_are_refused(tmp_path):
    with pytest.raises(briefing.BriefingError, match="audience"):
        briefing.build_briefing(LEAK, "parents", "html", tmp_path)
    with pytest.raises(briefing.BriefingError, match="format"):
        briefing.build_many([LEAK], "trainee", "docx", tmp_path)


def test_pdf_text_tests_fail_in_ci_without_pdftotext(monkeypatch, tmp_path):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.delenv("FNCOACH_REQUIRE_PDFTEXT", raising=False)
    monkeypatch.setenv("CI", "true")
    # BaseException, so that a skip where a failure belongs fails this test instead of skipping it too
    with pytest.raises(BaseException, match="pdftotext") as caught:
        _pdf_text(tmp_path / "trainee.pdf")
    assert caught.type is pytest.fail.Exception
    monkeypatch.delenv("CI")
    with pytest.raises(BaseException, match="pdftotext") as caught:  # on a developer's computer it is a skip
        _pdf_text(tmp_path / "trainee.pdf")
    assert caught.type is pytest.skip.Exception
