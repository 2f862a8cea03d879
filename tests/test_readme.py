"""The README's commands run as written: its "Your first five minutes" shell block in a fresh
shell (with the checkout's virtual environment as `.venv`), and its Python example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

README = ROOT / "README.md"


def _block(section: str, lang: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {section}\n")
    end = text.find("\n## ", start + 1)
    found = re.findall(rf"```{lang}\n(.*?)```", text[start : end if end != -1 else None], re.S)
    assert len(found) == 1, (section, lang, len(found))
    return found[0]


def _checkout(tmp_path: Path) -> Path:
    """A folder that looks like the checkout after the quickstart: its data, its notebook and
    a `.venv` (the environment running the tests), so the README's relative paths hold and
    its outputs land outside the repository."""
    here = tmp_path / "clone"
    here.mkdir()
    for name in ("tests", "notebooks"):
        (here / name).symlink_to(ROOT / name)
    (here / ".venv").symlink_to(Path(sys.prefix))
    return here


@pytest.mark.slow
def test_the_first_five_minutes_run_as_written(tmp_path: Path):
    here = _checkout(tmp_path)
    script = _block("Your first five minutes", "sh")
    r = subprocess.run(["bash", "-e", "-c", script], cwd=here, capture_output=True, text=True,
                       timeout=900)  # fmt: skip
    assert r.returncode == 0, (r.stdout[-2000:], r.stderr[-2000:])
    assert (here / "out" / "graph.html").stat().st_size > 0
    assert "conforms" in r.stdout and "rows)" in r.stdout


def test_the_python_example_runs_as_written(tmp_path: Path):
    here = _checkout(tmp_path)
    code = _block("From Python", "python")
    r = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True,
                       timeout=600)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    assert (here / "out-python" / "graph.html").stat().st_size > 0


def test_the_analysts_example_runs_as_written(tmp_path: Path):
    here = _checkout(tmp_path)
    code = _block("For event-data analysts", "python")
    r = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True,
                       timeout=600, env={**os.environ, "MPLBACKEND": "Agg"})  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
    assert "material_cooperation" in r.stdout or "verbal_conflict" in r.stdout
    assert (here / "boeing.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_spacy_component_example_runs_as_written(tmp_path: Path):
    here = _checkout(tmp_path)
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    (code,) = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "assemble" in b]
    r = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True,
                       timeout=600)  # fmt: skip
    assert r.returncode == 0, r.stderr[-2000:]
