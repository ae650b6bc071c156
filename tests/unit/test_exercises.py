"""helpers.exercises.check: passes right answers, explains wrong and missing ones."""

import numpy as np
import pandas as pd
import pytest

from helpers.exercises import PASS_MARK, ExerciseError, NotAnsweredError, check


def test_pass_prints_mark(capsys):
    assert check("ex-1", 0.5 + 1e-12, expected=0.5)
    assert f"ex-1: {PASS_MARK}" in capsys.readouterr().out


@pytest.mark.parametrize("value, expected", [
    (3, 3), ("knn", "knn"), ({"b", "a"}, {"a", "b"}), ([1, 2], (1, 2)),
    (np.array([0.1, 0.2]), [0.1, 0.2]), (pd.Series([1.0, 2.0]), pd.Series([1, 2])), (True, True),
])
def test_equal_answers_pass(value, expected):
    assert check("ex", value, expected=expected)


@pytest.mark.parametrize("value, expected", [
    (3.1, 3), ("tree", "knn"), ({"a"}, {"a", "b"}), ([1, 2, 3], [1, 2]), ("x", 1.0),
    (pd.Series([1.0, 3.0]), pd.Series([1, 2])), (False, True),
])
def test_wrong_answers_raise_with_hint(value, expected):
    with pytest.raises(ExerciseError, match="not right yet. Hint: look again"):
        check("ex", value, expected=expected, hint="look again")


def test_placeholder_is_not_answered():
    with pytest.raises(NotAnsweredError, match="ex-2: not answered yet.*replace the `...`"):
        check("ex-2", ..., expected=1)


def test_rule_based_check():
    assert check("ex", 0.81, test=lambda v: v >= 0.8)
    with pytest.raises(ExerciseError):
        check("ex", 0.7, test=lambda v: v >= 0.8)
    with pytest.raises(ExerciseError, match="could not be checked"):
        check("ex", "abc", test=lambda v: v > 0.8)


def test_check_without_rule_is_a_notebook_bug():
    with pytest.raises(ValueError, match="needs expected"):
        check("ex", 1)


def test_errors_are_assertion_errors():
    assert issubclass(NotAnsweredError, AssertionError)
