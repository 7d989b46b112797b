"""Content fixtures for tests: a copy of content/ with one change, loaded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.content import load_content
from macros.content import ContentError

from support.project import ROOT



def broken_copy(tmp_path: Path, file: str, old: str, new: str,
                source: Path | None = None) -> tuple[Path, int]:
    """content/ copied with `old` replaced by `new` in `file`; returns the
    folder and the line the change is on. With `source`, `file` is that
    file's text (changed) added to the copy, for files content/ has not."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    path = folder / file
    text = (source or path).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture text {old!r} is not unique in {file}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder, line


def content_fault(tmp_path: Path, file: str, old: str, new: str,
                  source: Path | None = None) -> tuple[str, int]:
    """Load content/ with `old` replaced by `new` in `file`; the load must fail.
    Returns the error message and the line the change starts on."""
    folder, line = broken_copy(tmp_path, file, old, new, source)
    with pytest.raises(ContentError) as info:
        load_content(folder)
    return str(info.value), line
