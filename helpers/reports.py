"""The execution budget and the timings report the book shows (introduced in the *Timings* appendix).

The test run (``./course test``) measures every notebook and writes
``_build/reports/notebook_timings.json``; :func:`timings_table` reads it back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

__all__ = ["BUDGET_S", "BUDGET_MB", "BOOK_BUDGET_S", "TIMINGS_PATH", "load_timings",
           "timings_table", "chapter_overview"]

BUDGET_S = 45  #: wall-clock budget of one notebook, in seconds (2 CPU cores)
BUDGET_MB = 1024  #: peak-memory budget of one notebook, in MB
BOOK_BUDGET_S = 240  #: budget of the whole book, in seconds
ROOT = Path(__file__).resolve().parent.parent
TIMINGS_PATH = ROOT / "_build" / "reports" / "notebook_timings.json"


def load_timings(path: Path | str = TIMINGS_PATH) -> dict | None:
    """Return the measurements written by the last test run, or ``None`` if there are none."""
    path = Path(path)
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    if not isinstance(data, dict) or "notebooks" not in data:
        raise ValueError(f"{path} is not a timings report; delete it and run ./course test")
    return data


def timings_table(data: dict) -> pd.DataFrame:
    """One row per notebook: seconds, peak MB, and whether each is within budget, plus a total."""
    rows = []
    for name, res in sorted(data["notebooks"].items()):
        rows.append({
            "notebook": name,
            "seconds": res["seconds"],
            "peak MB": res["peak_mb"],
            "within 45 s": "yes" if res["seconds"] <= BUDGET_S else "NO",
            "within 1 GB": "yes" if res["peak_mb"] <= BUDGET_MB else "NO",
        })
    table = pd.DataFrame(rows)
    total = table["seconds"].sum() if len(table) else 0.0
    table.loc[len(table)] = {"notebook": "all notebooks (sum)", "seconds": round(total, 2),
                             "peak MB": table["peak MB"].max() if len(rows) else 0.0,
                             "within 45 s": "—",
                             "within 1 GB": "—"}
    return table


WORDS_PER_MINUTE = 200  #: reading speed used for time estimates (the value myst uses)
MINUTES_PER_EXERCISE = 8  #: working time allowed per exercise in the estimate


def chapter_overview(notebook_dir: Path | str = ROOT / "notebooks", timings: dict | None = None):
    """One row per chapter notebook: title, objectives, exercises, words, measured run time and an
    estimated study time (introduced in the *Instructor guide*).

    The estimate is transparent rather than guessed: reading time at ``WORDS_PER_MINUTE`` for the
    prose, plus ``MINUTES_PER_EXERCISE`` per exercise, plus the notebook's measured execution
    time (from the last test run; missing if none).
    """
    import re

    import nbformat

    from .coursework import exercise_labels

    timings = load_timings() if timings is None else timings
    measured = (timings or {}).get("notebooks", {})
    rows = []
    for path in sorted(Path(notebook_dir).glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        md = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        title = md.splitlines()[0].lstrip("# ").strip()
        block = md.split("## Learning objectives", 1)[-1].split("**Prerequisites", 1)[0]
        objectives = [m.strip() for m in re.findall(r"^- (.+)$", block, re.M)]
        words = len(re.findall(r"\w+", md))
        n_ex = len(exercise_labels(nb))
        seconds = measured.get(path.name, {}).get("seconds")
        minutes = words / WORDS_PER_MINUTE + n_ex * MINUTES_PER_EXERCISE + (seconds or 0) / 60
        rows.append({"chapter": path.stem, "title": title, "objectives": objectives,
                     "exercises": n_ex, "words": words, "run seconds": seconds,
                     "study minutes": int(round(minutes / 5.0) * 5) or 5})
    return pd.DataFrame(rows)
