"""Student versions remove solutions; the grader gives 0 to a student version and full marks
to the source."""

import nbformat
import pytest

from helpers import coursework
from helpers.coursework import exercise_labels, grade, make_student_version


def _nb(*cells):
    out = []
    for kind, src in cells:
        out.append(nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src))
    nb = nbformat.v4.new_notebook(cells=out)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def exercise(label, solution, check):
    return [("md", f":::{{exercise}}\n:label: {label}\nDo it.\n:::"),
            ("md", f":::{{solution-start}} {label}\n:class: dropdown\n:::"),
            ("code", solution), ("md", ":::{solution-end}\n:::"), ("code", check)]


@pytest.fixture
def source_nb():
    return _nb(("code", "from helpers.exercises import check\ndata = [3, 1, 2]"),
               *exercise("ex-a", "helper = sorted(data)\nsmallest = helper[0]",
                         "check('ex-a', smallest, expected=min(data))"),
               *exercise("ex-b", "total = sum(data)", "check('ex-b', total, test=lambda v: v == 6)"))


def test_student_version_replaces_solutions_with_stubs(source_nb):
    student = make_student_version(source_nb)
    text = "\n".join(c.source for c in student.cells)
    assert "sorted(data)" not in text and "sum(data)" not in text
    assert "solution-start" not in text and "solution-end" not in text
    assert "smallest = ...  # replace ... with your answer" in text
    assert "helper = ..." not in text, "only names the check uses become stubs"
    assert "total = ..." in text
    assert exercise_labels(student) == ["ex-a", "ex-b"]


def test_grader_scores_source_full_and_student_zero(tmp_path, source_nb):
    src, stu = tmp_path / "source.ipynb", tmp_path / "student.ipynb"
    nbformat.write(source_nb, src)
    nbformat.write(make_student_version(source_nb), stu)
    full, zero = grade(src), grade(stu)
    assert full.points.tolist() == [1, 1]
    assert zero.points.tolist() == [0, 0]
    assert zero.message.str.contains("NotAnsweredError: ex-a: not answered yet").any()


def test_wrong_answer_scores_zero_with_hint(tmp_path, source_nb):
    student = make_student_version(source_nb)
    for cell in student.cells:
        if "smallest = ..." in cell.source:
            cell.source = "smallest = max(data)"
        if "total = ..." in cell.source:
            cell.source = "total = sum(data)"
    path = tmp_path / "answered.ipynb"
    nbformat.write(student, path)
    result = grade(path).set_index("exercise")
    assert result.loc["ex-a", "points"] == 0 and "not right yet" in result.loc["ex-a", "message"]
    assert result.loc["ex-b", "points"] == 1


def test_unclosed_solution_is_an_error():
    nb = _nb(("md", ":::{solution-start} ex-a\n:::"), ("code", "x = 1"))
    with pytest.raises(ValueError, match="has no {solution-end}"):
        make_student_version(nb)


def test_solution_without_checked_answer_is_an_error():
    nb = _nb(*exercise("ex-a", "x = 1", "check('ex-a', 2, expected=2)"))
    with pytest.raises(ValueError, match="no check cell uses a name"):
        make_student_version(nb)


def test_find_notebooks_errors_list_chapters():
    with pytest.raises(ValueError, match="choose numbers or 'all'"):
        coursework.find_notebooks(["99"])
    assert coursework.find_notebooks(["00"])[0].name == "00_datasets_tour.ipynb"


def test_cli_writes_every_student_version(tmp_path):
    assert coursework.main(["student", "all", "--out", str(tmp_path)]) == 0
    written = sorted(p.name for p in tmp_path.glob("*.ipynb"))
    assert written == sorted(p.name for p in coursework.find_notebooks(["all"]))
    for path in tmp_path.glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert not any("solution-start" in c.source for c in nb.cells)
        assert sum("exercise-stub" in c.metadata.get("tags", []) for c in nb.cells) >= 3


def test_real_chapter_student_scores_zero_and_source_full(tmp_path):
    """End to end on a real chapter: hand out, grade the untouched handout, grade the source."""
    source = coursework.find_notebooks(["00"])[0]
    student = coursework.write_student_versions(["00"], tmp_path)[0]
    zero, full = grade(student), grade(source)
    assert len(zero) >= 3 and zero.points.sum() == 0
    assert zero.message.str.contains("not answered yet").all()
    assert full.points.sum() == len(full) == len(zero)
