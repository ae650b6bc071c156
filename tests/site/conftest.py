"""Build the book once per test session, clean, with warnings as errors."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


@pytest.fixture(scope="session")
def built_site():
    """Run a clean ``jupyter-book build --all -W`` and return (returncode, log, html dir)."""
    for sub in ("html", "jupyter_execute", ".doctrees", ".jupyter_cache"):
        shutil.rmtree(ROOT / "_build" / sub, ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run([str(jb), "build", ".", "--all", "-W", "--keep-going"], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    log = proc.stdout + proc.stderr
    (ROOT / "_build" / "reports").mkdir(parents=True, exist_ok=True)
    (ROOT / "_build" / "reports" / "book_build.log").write_text(log)
    return proc.returncode, log, HTML
