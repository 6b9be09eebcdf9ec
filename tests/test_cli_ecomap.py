"""Tests for ``fncoach ecomap``."""

from __future__ import annotations

from pathlib import Path

import pytest

from fncoach.cli import main

ROOT = Path(__file__).resolve().parent.parent
_MAGIC = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}


@pytest.mark.parametrize("suffix", sorted(_MAGIC))
def test_writes_each_format(tiny_path, tmp_path, suffix, capsys):
    target = tmp_path / f"map{suffix}"
    assert main(["ecomap", str(tiny_path), "-o", str(target)]) == 0
    assert target.read_bytes().startswith(_MAGIC[suffix])
    assert not target.with_suffix(suffix + ".txt").exists()
    assert "Saved the eco-map of Zoë's network" in capsys.readouterr().out


def test_alt_text_beside_the_file(tiny_path, tmp_path):
    target = tmp_path / "map.png"
    assert main(["ecomap", str(tiny_path), "-o", str(target), "--alt-text"]) == 0
    text = (tmp_path / "map.png.txt").read_text(encoding="utf-8")
    assert text.startswith("Eco-map of Zoë's network") and "Gran Róisín" in text


def test_known_only_leaves_out_people_not_found(tiny_path, tmp_path):
    target = tmp_path / "map.png"
    assert main(["ecomap", str(tiny_path), "-o", str(target), "--alt-text", "--known-only"]) == 0
    assert "Niamh" not in (tmp_path / "map.png.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["map.jpg", "map", "map.PNG.bak"])
def test_unsupported_extension_is_a_plain_error(tiny_path, tmp_path, name, capsys):
    assert main(["ecomap", str(tiny_path), "-o", str(tmp_path / name)]) == 2
    err = capsys.readouterr().err
    assert "cannot save an eco-map as" in err and ".png, .svg, .pdf" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_and_bad_scenario(tiny_path, tmp_path, capsys):
    assert main(["ecomap", str(tiny_path), "-o", str(tmp_path / "nope" / "map.png")]) == 2
    assert "does not exist" in capsys.readouterr().err
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: {id: x}\n", encoding="utf-8")
    assert main(["ecomap", str(bad), "-o", str(tmp_path / "m.png")]) == 1
    assert "could not be used" in capsys.readouterr().err


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_scenario(path, tmp_path):
    assert main(["ecomap", str(path), "-o", str(tmp_path / "m.svg")]) == 0
