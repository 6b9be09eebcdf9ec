"""Where cases live, and finding one by its id.

The bundled cases sit in ``scenarios/`` beside the package. A practice coach
keeps their own cases in a folder of their own and names it in the
``FNCOACH_SCENARIOS`` environment variable (several folders separated by
``os.pathsep``: ``:`` on Linux and macOS, ``;`` on Windows). Those folders
**add** to the bundled cases; a coach's case with the same id as a bundled one
is the one used.

A case id that matches no case is an :class:`UnknownCaseError` that lists the
cases there are and suggests the nearest ("Did you mean …?"), wherever the id
was typed: on the command line, in a notebook or as a papermill parameter.

Examples
--------
>>> "long_term_foster_links" in case_ids()
True
>>> try:
...     find_case("long_term_foster_link")
... except UnknownCaseError as error:
...     print(error.suggestion, "long_term_foster_links" in error.known)
long_term_foster_links True
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from .errors import FncoachError

__all__ = [
    "SCENARIOS_ENV",
    "SCHEMA_FILENAME",
    "UnknownCaseError",
    "bundled_folder",
    "own_folders",
    "case_folders",
    "case_files",
    "case_ids",
    "find_case",
    "looks_like_case_id",
]

#: The environment variable naming a coach's own folder(s) of cases.
SCENARIOS_ENV = "FNCOACH_SCENARIOS"
#: The JSON Schema file that sits beside the bundled cases.
SCHEMA_FILENAME = "schema.json"


class UnknownCaseError(FncoachError, LookupError):
    """A case id that matches no case; the message lists the cases there are.

    Attributes
    ----------
    case_id : str
        What was asked for.
    known : tuple of str
        The ids of the cases there are.
    suggestion : str or None
        The nearest id, when one is close.
    """

    def __init__(self, case_id: str, known: tuple[str, ...], folders: tuple[Path, ...]):
        self.case_id = case_id
        self.known = known
        close = difflib.get_close_matches(case_id, known, n=1, cutoff=0.6)
        self.suggestion = close[0] if close else None
        where = " and ".join(str(f) for f in folders) or "no folder"
        mean = f" Did you mean '{self.suggestion}'?" if self.suggestion else ""
        listed = ", ".join(known) if known else "none"
        super().__init__(f"There is no case called '{case_id}' (looked in {where}).{mean} "
                         f"The cases are: {listed}.")


def bundled_folder() -> Path:
    """The folder of the bundled cases: ``scenarios/`` beside the package, or in the current folder or its parent.

    Examples
    --------
    >>> (bundled_folder() / SCHEMA_FILENAME).is_file()
    True
    """
    here = Path(__file__).resolve().parent
    cwd = Path.cwd()
    for candidate in (here.parent / "scenarios", cwd / "scenarios", cwd.parent / "scenarios"):
        if (candidate / SCHEMA_FILENAME).is_file():
            return candidate
    return here.parent / "scenarios"


def own_folders() -> tuple[Path, ...]:
    """The coach's own folders of cases, from ``FNCOACH_SCENARIOS`` (none when it is not set).

    Examples
    --------
    >>> import os
    >>> os.pathsep.join(["/srv/cases", "/home/jo/cases"]) and isinstance(own_folders(), tuple)
    True
    """
    value = os.environ.get(SCENARIOS_ENV, "")
    return tuple(Path(part) for part in value.split(os.pathsep) if part.strip())


def case_folders() -> tuple[Path, ...]:
    """Every folder cases are found in: the coach's own first, then the bundled folder."""
    folders = [*own_folders(), bundled_folder()]
    unique: list[Path] = []
    for folder in folders:
        if folder.resolve() not in [f.resolve() for f in unique]:
            unique.append(folder)
    return tuple(unique)


def case_files() -> dict[str, Path]:
    """Every case file by id (its file name without ``.yaml``), the coach's own before the bundled ones.

    Examples
    --------
    >>> files = case_files()
    >>> files["long_term_foster_links"].name
    'long_term_foster_links.yaml'
    """
    found: dict[str, Path] = {}
    for folder in case_folders():
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            if path.is_file() and not path.name.startswith("."):
                found.setdefault(path.stem, path)
    return found


def case_ids() -> tuple[str, ...]:
    """The ids of every case there is, sorted."""
    return tuple(sorted(case_files()))


def looks_like_case_id(text: str) -> bool:
    """True when ``text`` is written like a case id rather than a file path (no folder, no ``.yaml``).

    Examples
    --------
    >>> looks_like_case_id("young_carer_ms"), looks_like_case_id("cases/young_carer_ms.yaml")
    (True, False)
    """
    path = Path(text)
    return bool(text) and not path.suffix and len(path.parts) == 1


def find_case(case_id: str) -> Path:
    """The file of the case called ``case_id``.

    Raises
    ------
    UnknownCaseError
        When there is no such case: the message lists the cases there are,
        with the nearest one suggested.
    """
    files = case_files()
    if case_id in files:
        return files[case_id]
    raise UnknownCaseError(case_id, tuple(sorted(files)), case_folders())
