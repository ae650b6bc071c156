"""Build the book once per test session, clean, with warnings as errors."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"


def toc_pages():
    """The pages of ``_toc.yml`` in reading order (root first), without file extensions."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]
    for part in toc["parts"]:
        pages += [c["file"] for c in part["chapters"]]
    return pages


@pytest.fixture(scope="session")
def built_site():
    """Run a clean ``jupyter-book build --all -W`` and return (returncode, log, html dir).

    ``COURSE_REUSE_BUILD=1`` reuses the last build (for iterating on the browser tests only;
    the test command never sets it).
    """
    log_path = ROOT / "_build" / "reports" / "book_build.log"
    if os.environ.get("COURSE_REUSE_BUILD") == "1" and (HTML / "index.html").exists():
        return 0, log_path.read_text() if log_path.exists() else "", HTML
    for sub in ("html", "jupyter_execute", ".doctrees", ".jupyter_cache"):
        shutil.rmtree(ROOT / "_build" / sub, ignore_errors=True)
    jb = Path(sys.executable).parent / "jupyter-book"
    proc = subprocess.run([str(jb), "build", ".", "--all", "-W", "--keep-going"], cwd=ROOT,
                          capture_output=True, text=True, timeout=1800)
    log = proc.stdout + proc.stderr
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_text(log)
    return proc.returncode, log, HTML
