"""The execution budget and the timings report the book shows (introduced in the *Timings* appendix).

The test run (``./course test``) measures every notebook and writes
``_build/reports/notebook_timings.json``; :func:`timings_table` reads it back.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

__all__ = ["BUDGET_S", "BUDGET_MB", "BOOK_BUDGET_S", "TIMINGS_PATH", "load_timings",
           "timings_table"]

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
    table.loc[len(table)] = {"notebook": "whole book", "seconds": round(total, 2),
                             "peak MB": table["peak MB"].max() if len(rows) else 0.0,
                             "within 45 s": "—",
                             "within 1 GB": "—"}
    return table
