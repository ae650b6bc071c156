"""pytest plugin: measure every notebook that nbmake runs and enforce the budget.

For each ``.ipynb`` item it records the wall time of the run and the peak resident memory of
the kernel and any processes it starts (sum of each process's high-water mark ``VmHWM``,
sampled every 50 ms while the notebook runs). A notebook over budget fails its test. The
measurements are merged into ``_build/reports/notebook_timings.json``, which the book's
*Timings* appendix renders, together with the wall time of the whole book (first notebook start
to last notebook end) and the number of parallel workers (pytest-xdist ``-n``) that ran it.
Under xdist each worker measures its own notebooks and hands them to the controller.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import threading
import time

import psutil
import pytest

from helpers.reports import BUDGET_MB, BUDGET_S, TIMINGS_PATH

_results: dict[str, dict] = {}


def _peak_rss_mb(proc: psutil.Process) -> float:
    """High-water mark of resident memory of ``proc`` in MB (VmHWM), or current RSS."""
    try:
        with open(f"/proc/{proc.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        return proc.memory_info().rss / 2**20
    except psutil.Error:
        return 0.0


class _Sampler(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.me = psutil.Process()
        self.peaks: dict[int, float] = {}
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            for child in self.me.children(recursive=True):
                self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), _peak_rss_mb(child))
            self.stop.wait(0.05)

    @property
    def peak_mb(self) -> float:
        return sum(self.peaks.values())


def _is_notebook(item) -> bool:
    return str(getattr(item, "path", "")).endswith(".ipynb")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    if not _is_notebook(item):
        yield
        return
    sampler = _Sampler()
    sampler.start()
    began, start = time.time(), time.perf_counter()
    try:
        yield
    finally:
        wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        _results[item.path.name] = {"seconds": round(wall, 2), "peak_mb": round(sampler.peak_mb, 1),
                                    "start": began, "end": began + wall}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.when != "call" or not _is_notebook(item) or item.path.name not in _results:
        return
    res = _results[item.path.name]
    res["passed"] = report.passed
    over = []
    if res["seconds"] > BUDGET_S:
        over.append(f"took {res['seconds']:.1f} s (budget {BUDGET_S} s)")
    if res["peak_mb"] > BUDGET_MB:
        over.append(f"peaked at {res['peak_mb']:.0f} MB (budget {BUDGET_MB} MB)")
    if over and report.passed:
        report.outcome = "failed"
        report.longrepr = (f"{item.path.name} is over budget: {'; '.join(over)}. Subsample the data "
                           "or use a lighter model, and say so in the notebook.")
        res["passed"] = False


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist controller: collect the measurements of a finished worker."""
    _results.update(json.loads(node.workeroutput.get("notebook_timings", "{}")))


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # an xdist worker: hand the results to the controller
        workeroutput["notebook_timings"] = json.dumps(_results)
        return
    if not _results:
        return
    TIMINGS_PATH.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = json.loads(TIMINGS_PATH.read_text())
    except (OSError, ValueError):
        data = {"notebooks": {}}
    data["notebooks"].update({name: {k: v for k, v in res.items() if k not in ("start", "end")}
                              for name, res in _results.items()})
    # one entry per pytest run; `./course test` starts from an empty report and runs the book in
    # two passes (most notebooks two at a time, the transformer chapter alone), so the book's
    # wall time is the sum over the runs of this report
    data.setdefault("runs", []).append({
        "wall_seconds": round(max(r["end"] for r in _results.values())
                              - min(r["start"] for r in _results.values()), 1),
        "notebooks": len(_results),
        "workers": getattr(session.config.option, "numprocesses", None) or 1,
    })
    data["book_wall_seconds"] = round(sum(r["wall_seconds"] for r in data["runs"]), 1)
    data["book_notebooks"] = sum(r["notebooks"] for r in data["runs"])
    data["measured_at"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    data["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version(),
                       "platform": platform.platform(terse=True)}
    TIMINGS_PATH.write_text(json.dumps(data, indent=2, sort_keys=True))
