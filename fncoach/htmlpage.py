"""Self-contained, printable HTML pages (no scripts, no web fonts, no CDN).

Used for the SOS map, the safety plans, briefings and the learner portfolio.
Pure string building: no widget or plotting imports.

Examples
--------
>>> text = page("Plan for Zoë", "<p>Hello</p>")
>>> "<title>Plan for Zoë</title>" in text and "<script" not in text
True
"""

from __future__ import annotations

import base64
import html

__all__ = ["page", "esc", "png_data_uri", "BASE_CSS"]

BASE_CSS = """
@page { size: A4; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1a1a1a; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
body.large-print { font-size: 16pt; }
h1 { font-size: 1.7em; margin: 0 0 0.4em; } h2 { font-size: 1.3em; margin-top: 1.2em; } h3 { font-size: 1.1em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #666; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
figure, table, .keep-together { break-inside: avoid; page-break-inside: avoid; }
img { max-width: 100%; height: auto; }
.muted { color: #555; }
@media print { body { margin: 0; max-width: none; } }
"""


def esc(text: object) -> str:
    """HTML-escape any value."""
    return html.escape(str(text), quote=True)


def png_data_uri(png: bytes) -> str:
    """A ``data:`` URI embedding PNG bytes (so pages open offline)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def page(title: str, body: str, css: str = "", large_print: bool = False, lang: str = "en-GB") -> str:
    """A complete, self-contained HTML document."""
    body_class = " class='large-print'" if large_print else ""
    return (
        "<!DOCTYPE html>\n"
        f"<html lang='{lang}'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body{body_class}>\n{body}\n</body>\n</html>\n"
    )
