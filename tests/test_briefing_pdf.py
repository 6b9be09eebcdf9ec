"""Printing PDFs (fncoach.briefing.pdf): the helper process, and a plain sentence when a system library is missing."""

from __future__ import annotations

import sys

import pytest

from fncoach.briefing import BriefingError
from fncoach.briefing.build import plain_reason
from fncoach.briefing.pdf import MISSING_LIBRARY, PdfHelper, pdf_bytes, warm_up

pytestmark = pytest.mark.xdist_group("briefing")


class _NoSystemLibrary:
    """An import finder that fails WeasyPrint's import as it does when Pango is not installed."""

    def __init__(self, message: str):
        self.message = message

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError(self.message)
        return None


@pytest.fixture
def weasyprint_fails(monkeypatch):
    """Make ``import weasyprint`` raise the given OSError (as on a computer without the library)."""

    def fail(message: str) -> None:
        for name in [n for n in sys.modules if n == "weasyprint" or n.startswith("weasyprint.")]:
            monkeypatch.delitem(sys.modules, name)
        monkeypatch.setattr(sys, "meta_path", [_NoSystemLibrary(message), *sys.meta_path])

    return fail


@pytest.mark.parametrize("message", [
    "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file: No such file or directory",
    "cannot load library 'libgobject-2.0-0': error 0x7e",
])
def test_a_missing_system_library_is_one_plain_sentence(weasyprint_fails, message):
    weasyprint_fails(message)
    with pytest.raises(BriefingError) as caught:
        pdf_bytes("<html><body><p>Hello</p></body></html>")
    text = str(caught.value)
    assert text == MISSING_LIBRARY and "libpango-1.0-0 libpangoft2-1.0-0" in text
    assert text.count(". ") == 0 and "Traceback" not in text
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert plain_reason(caught.value) == text  # what a batch reports for the scenario
    warm_up()  # the head start stays quiet; the real import above is what speaks


def test_another_os_error_is_not_called_a_missing_library(weasyprint_fails):
    weasyprint_fails("[Errno 13] Permission denied: '/usr/lib/weasyprint'")
    with pytest.raises(OSError, match="Permission denied"):
        pdf_bytes("<html><body><p>Hello</p></body></html>")


def test_pdf_helper_falls_back_to_printing_here_when_it_cannot_run():
    # The trainee PDF is printed in a helper process; if that process is gone, it is printed here instead.
    helper = PdfHelper()
    helper.close()
    pdf = helper.submit("<html><body><p>Hello</p></body></html>")()
    assert pdf.startswith(b"%PDF")


def test_pdf_helper_prints_the_same_pdf_as_this_process():
    page = "<html><body><h1>Zoë's plan</h1><p>Gran phones every evening.</p></body></html>"
    helper = PdfHelper()
    try:
        assert helper.submit(page)() == pdf_bytes(page)
    finally:
        helper.close()

