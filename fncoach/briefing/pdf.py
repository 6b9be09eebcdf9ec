"""Printing a pack's HTML to an A4 PDF with WeasyPrint, here or in a warmed-up helper process.

WeasyPrint is imported when the first PDF is printed. It needs the Pango text
library from the operating system; when that is missing, printing stops with
one plain sentence saying what to install (:data:`MISSING_LIBRARY`), not with
WeasyPrint's traceback. Printing never fetches anything: only ``data:`` URIs
(the embedded figures) are read.

Examples
--------
>>> print(MISSING_LIBRARY)  # doctest: +NORMALIZE_WHITESPACE
PDF printing needs the Pango text library, which is not installed on this computer: install it (on Debian or
Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0), or make HTML packs with --format html instead
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

from .errors import BriefingError
from .files import write_atomic

__all__ = ["MISSING_LIBRARY", "pdf_bytes", "html_to_pdf", "warm_up", "PdfHelper"]

#: What to tell a person whose computer lacks the system libraries WeasyPrint prints with.
MISSING_LIBRARY = ("PDF printing needs the Pango text library, which is not installed on this computer: install it "
                   "(on Debian or Ubuntu: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0), or make HTML "
                   "packs with --format html instead")
#: Words in WeasyPrint's OSError when a system library it loads is absent.
_LIBRARY_WORDS = ("pango", "gobject", "glib", "cairo", "harfbuzz", "fontconfig", "cannot load library")


def _weasyprint():
    """Import WeasyPrint; a missing system library becomes a :class:`BriefingError` with :data:`MISSING_LIBRARY`."""
    try:
        import weasyprint
    except OSError as error:
        if any(word in str(error).lower() for word in _LIBRARY_WORDS):
            raise BriefingError(MISSING_LIBRARY) from None
        raise
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


def pdf_bytes(html_text: str) -> bytes:
    """A pack's HTML printed to A4 PDF with WeasyPrint, as bytes (offline: nothing is fetched).

    Raises
    ------
    BriefingError
        If the system libraries WeasyPrint needs are not installed.
    """
    return _weasyprint().HTML(string=html_text, url_fetcher=_data_only_fetcher()).write_pdf()


def html_to_pdf(html_text: str, target: str | os.PathLike[str]) -> Path:
    """Print a pack's HTML to an A4 PDF file with WeasyPrint (offline: nothing is fetched)."""
    target = Path(target)
    write_atomic(target, pdf_bytes(html_text))
    return target


def _data_only_fetcher():
    """A WeasyPrint URL fetcher that only reads ``data:`` URIs, so printing never touches the network."""
    import weasyprint.urls

    if hasattr(weasyprint.urls, "URLFetcher"):
        return weasyprint.urls.URLFetcher(allowed_protocols=("data",))

    def fetch(url: str, *args, **kwargs):  # WeasyPrint before the URLFetcher class: a plain function
        if not url.startswith("data:"):
            raise ValueError(f"briefing packs never fetch {url}")
        return weasyprint.default_url_fetcher(url, *args, **kwargs)

    return fetch


def warm_up() -> None:
    """Import nbconvert and WeasyPrint ahead of time, so the first export and PDF start at once.

    Only a head start: a problem here is left for the real import to report, in plain words.
    """
    try:
        import nbconvert  # noqa: F401

        _weasyprint()
    except Exception:  # noqa: BLE001 - the real import, when the pack needs it, raises the error a person sees
        pass


def _make_way() -> None:
    """Run the helper at a lower priority, so warming it up does not slow the notebook kernel."""
    if hasattr(os, "nice"):
        try:
            os.nice(5)
        except OSError:
            pass


class PdfHelper:
    """One helper process for printing a PDF alongside this one, warmed up (WeasyPrint imported) at once."""

    def __init__(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_make_way)
        self._pool.submit(warm_up)

    def submit(self, html_text: str) -> Callable[[], bytes]:
        """Start printing ``html_text``; the returned function waits for the PDF's bytes.

        If the helper could not start or dies, the PDF is printed in this process instead.
        """
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._pool.submit(pdf_bytes, html_text)
        except (BrokenProcessPool, RuntimeError):
            return lambda: pdf_bytes(html_text)

        def result() -> bytes:
            try:
                return future.result()
            except BrokenProcessPool:
                return pdf_bytes(html_text)

        return result

    def close(self) -> None:
        """Stop the helper process."""
        self._pool.shutdown(wait=True, cancel_futures=True)
