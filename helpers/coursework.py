"""Coursework tools: student versions of the notebooks and a grader (introduced in the
*Instructor guide*).

Command line::

    python -m helpers.coursework student 06 07 --out _build/assignment   # solutions removed
    python -m helpers.coursework grade _build/assignment/06_numeric_features.ipynb

``student`` accepts chapter numbers (``06``), notebook paths, or ``all``. In a student version
every solution (the code cells between ``{solution-start}`` and ``{solution-end}``) is replaced by
a stub that sets each answer to ``...``; the check cells stay, so :func:`helpers.exercises.check`
tells the learner what is missing. ``grade`` executes a notebook in a fresh kernel and scores one
point per exercise whose check printed the pass mark.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

import nbformat

from .exercises import PASS_MARK

__all__ = ["make_student_version", "write_student_versions", "grade", "exercise_labels",
           "find_notebooks", "NOTEBOOK_DIR"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
_CHECK = re.compile(r"""\bcheck\(\s*["']([\w.-]+)["']""")
_EXERCISE = re.compile(r"```\{exercise\}|:::\{exercise\}")
_LABEL = re.compile(r":label:\s*([\w.-]+)")
_SOL_START = re.compile(r"\{solution-start\}\s*([\w.-]+)")
_SOL_END = re.compile(r"\{solution-end\}")


def exercise_labels(nb) -> list[str]:
    """Return the labels of the ``{exercise}`` directives of a notebook, in order."""
    labels = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _EXERCISE.search(cell.source):
            labels += _LABEL.findall(cell.source)
    return labels


def _assigned_names(source: str) -> list[str]:
    names: list[str] = []
    for node in ast.parse(source).body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        for target in targets:
            for sub in ast.walk(target):
                if isinstance(sub, ast.Name) and sub.id not in names:
                    names.append(sub.id)
    return names


def _loaded_names(source: str) -> set[str]:
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}


def make_student_version(nb):
    """Return a copy of notebook ``nb`` with every solution replaced by a ``...`` stub.

    Raises
    ------
    ValueError
        If a solution block is not closed, or no check cell uses a name the solution assigns
        (then the stub could not tell the learner what to compute).
    """
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))  # deep copy
    cells, label, solution = [], None, []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _SOL_START.search(cell.source):
            label, solution = _SOL_START.search(cell.source).group(1), []
            continue
        if cell.cell_type == "markdown" and _SOL_END.search(cell.source):
            if label is None:
                raise ValueError("found {solution-end} without a {solution-start} before it")
            cells.append(("stub", label, solution))
            label = None
            continue
        if label is not None:
            if cell.cell_type == "code":
                solution.append(cell.source)
            continue
        cells.append(("cell", None, cell))
    if label is not None:
        raise ValueError(f"solution of {label!r} has no {{solution-end}}: close it")

    out = []
    for i, (kind, lab, payload) in enumerate(cells):
        if kind == "cell":
            if payload.cell_type == "code":
                payload.outputs, payload.execution_count = [], None
            out.append(payload)
            continue
        assigned = _assigned_names("\n".join(payload))
        checks = [c.source for k, _, c in cells[i + 1:] if k == "cell" and c.cell_type == "code"
                  and lab in _CHECK.findall(c.source)]
        used = set().union(*(_loaded_names(s) for s in checks)) if checks else set()
        answers = [n for n in assigned if n in used]
        if not answers:
            raise ValueError(
                f"exercise {lab!r}: no check cell uses a name that its solution assigns; "
                f"add check({lab!r}, <answer variable>, ...) after the solution"
            )
        lines = [f"# Exercise {lab}: write your code here, then run the check below."]
        lines += [f"{name} = ...  # replace ... with your answer" for name in answers]
        stub = nbformat.v4.new_code_cell("\n".join(lines))
        stub.metadata["tags"] = ["exercise-stub"]
        out.append(stub)
    nb.cells = out
    return nb


def find_notebooks(selection) -> list[Path]:
    """Resolve chapter numbers (``"06"``), paths, or ``"all"`` to notebook paths.

    Raises
    ------
    ValueError
        A number that matches no notebook, or a path that does not exist; the message lists
        the available chapters.
    """
    available = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))
    found: list[Path] = []
    for item in selection:
        item = str(item)
        if item == "all":
            found += available
        elif Path(item).suffix == ".ipynb":
            if not Path(item).exists():
                raise ValueError(f"no notebook at {item!r}")
            found.append(Path(item))
        else:
            hits = [p for p in available if p.name.startswith(item.zfill(2) + "_")]
            if not hits:
                names = ", ".join(p.stem for p in available)
                raise ValueError(f"no chapter {item!r}; choose numbers or 'all' from: {names}")
            found += hits
    return list(dict.fromkeys(found))


def write_student_versions(selection, out: Path) -> list[Path]:
    """Write student versions of the selected notebooks into ``out``; return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in find_notebooks(selection):
        nb = nbformat.read(path, as_version=4)
        target = out / path.name
        nbformat.write(make_student_version(nb), target)
        written.append(target)
    return written


def grade(path, timeout: int = 300):
    """Execute notebook ``path`` in a fresh kernel and score its exercises.

    Returns
    -------
    pandas.DataFrame
        One row per exercise label: ``points`` (1 or 0) and ``message`` (the check's
        pass mark, or the error it raised).
    """
    import pandas as pd
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    labels = exercise_labels(nb)
    if not labels:
        raise ValueError(f"{path} has no {{exercise}} directives to grade")
    client = NotebookClient(nb, timeout=timeout, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    results = {lab: (0, "no check ran for this exercise") for lab in labels}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for lab in _CHECK.findall(cell.source):
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            errors = [f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"]
            if f"{lab}: {PASS_MARK}" in text:
                results[lab] = (1, PASS_MARK)
            elif errors:
                results[lab] = (0, errors[0])
    table = pd.DataFrame([(lab, *results[lab]) for lab in labels],
                         columns=["exercise", "points", "message"])
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.coursework", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    st = sub.add_parser("student", help="write student versions (solutions removed)")
    st.add_argument("chapters", nargs="+", help="chapter numbers, notebook paths, or 'all'")
    st.add_argument("--out", default="_build/student", help="output folder")
    gr = sub.add_parser("grade", help="execute notebook(s) and score each exercise")
    gr.add_argument("notebooks", nargs="+")
    gr.add_argument("--json", help="also write the scores to this JSON file")
    args = parser.parse_args(argv)
    if args.command == "student":
        for path in write_student_versions(args.chapters, Path(args.out)):
            print(path)
        return 0
    report = {}
    for nb_path in args.notebooks:
        table = grade(nb_path)
        print(f"\n{nb_path}\n{table.to_string(index=False)}")
        print(f"score: {table.points.sum()}/{len(table)}")
        report[str(nb_path)] = table.to_dict(orient="records")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
