"""A new case from a template: ``fncoach new ID``.

:func:`starter_text` fills the packaged template
(``fncoach/examples_data/new_case.yaml``): a short, commented case with every
section and one example of each thing, valid as it is. :func:`write_starter`
writes it, with a first line that lets an editor find the schema wherever the
file lives (:func:`schema_reference`): ``schema.json`` beside it if there is
one, else the copy beside the bundled cases, else a new ``schema.json`` written
beside it.

Examples
--------
>>> text = starter_text("young_carer")
>>> text.splitlines()[0]
'# yaml-language-server: $schema=schema.json'
>>> "  id: young_carer" in text
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .cases import SCHEMA_FILENAME, bundled_folder
from .errors import FncoachError

__all__ = ["TEMPLATE_PATH", "StarterError", "Starter", "schema_reference", "starter_text", "write_starter"]

#: The template behind every new case.
TEMPLATE_PATH = Path(__file__).resolve().parent / "examples_data" / "new_case.yaml"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class StarterError(FncoachError, ValueError):
    """A new case could not be written (a bad id, or the file is already there)."""


@dataclass(frozen=True)
class Starter:
    """What :func:`write_starter` did.

    Attributes
    ----------
    path : Path
        The new case file.
    schema : str
        What its first line points at.
    schema_written : Path or None
        A ``schema.json`` written beside it, when there was none to point at.
    """

    path: Path
    schema: str
    schema_written: Optional[Path] = None


def schema_reference(folder: Path) -> tuple[str, bool]:
    """What a case in ``folder`` should name as its schema, and whether ``schema.json`` must be written there.

    Examples
    --------
    >>> schema_reference(bundled_folder())
    ('schema.json', False)
    """
    if (folder / SCHEMA_FILENAME).is_file():
        return SCHEMA_FILENAME, False
    installed = bundled_folder() / SCHEMA_FILENAME
    if installed.is_file():
        return installed.resolve().as_uri(), False
    return SCHEMA_FILENAME, True


def starter_text(case_id: str, file_name: str = "", schema: str = SCHEMA_FILENAME) -> str:
    """The template, filled in for ``case_id``.

    Parameters
    ----------
    case_id : str
        Lower-case letters, digits and underscores, starting with a letter.
    file_name : str
        The name shown in the comment that says how to check the file (default ``ID.yaml``).
    schema : str
        Where the editor finds the schema.
    """
    if not _ID.match(case_id) or len(case_id) > 60:
        raise StarterError(f"'{case_id}' cannot be a case id: use lower-case letters, digits and underscores, "
                           "starting with a letter (for example young_carer_ms).")
    text = TEMPLATE_PATH.read_text(encoding="utf-8")
    return (text.replace("__SCHEMA_LINE__", f"# yaml-language-server: $schema={schema}")
                .replace("__FILE_NAME__", file_name or f"{case_id}.yaml")
                .replace("__CASE_ID__", case_id))


def write_starter(case_id: str, output: str | Path | None = None, *, force: bool = False) -> Starter:
    """Write a new case ``ID.yaml`` in the current folder (or to ``output``).

    Raises
    ------
    StarterError
        For an id that cannot be a case id, or when the file is already there (unless ``force``).
    """
    path = Path(output) if output else Path(f"{case_id}.yaml")
    if path.exists() and not force:
        raise StarterError(f"{path} is already there; choose another name with -o, or add --force to replace it.")
    folder = path.parent if str(path.parent) else Path(".")
    schema, write_schema = schema_reference(folder)
    text = starter_text(case_id, str(path), schema)
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    written = None
    if write_schema:
        from .scenario import json_schema_text

        written = folder / SCHEMA_FILENAME
        written.write_text(json_schema_text(), encoding="utf-8")
    return Starter(path, schema, written)
