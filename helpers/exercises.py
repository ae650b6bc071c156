"""Automatic checks for the exercises of every chapter (introduced in ``00_datasets_tour``).

An exercise in a notebook has three parts (see the contributor notes in ``README.md``):

1. a Markdown cell with a ``{exercise}`` directive and a ``:label:`` such as ``ex-00-1``;
2. the solution: code cell(s) between ``{solution-start}`` and ``{solution-end}``
   (hidden in a dropdown on the site, executed in CI, removed from student versions);
3. a **check cell** calling :func:`check` with the label, the answer and a rule.

The rule is computed from the notebook's own data (an ``expected`` value, or a ``test``
function), never typed in. In a student version the answer is ``...`` until the learner
writes code, and :func:`check` says so instead of failing with a ``NameError``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["check", "ExerciseError", "NotAnsweredError", "PASS_MARK"]

PASS_MARK = "✅ passed"  #: printed by a successful check; the grader looks for it


class ExerciseError(AssertionError):
    """The answer was checked and is not right; the message holds a hint."""


class NotAnsweredError(ExerciseError):
    """The answer is still the placeholder ``...`` of the student version."""


def _equal(value, expected, rtol: float, atol: float) -> bool:
    if isinstance(expected, (pd.DataFrame, pd.Series)):
        try:
            np.testing.assert_allclose(np.asarray(value, float), np.asarray(expected, float),
                                       rtol=rtol, atol=atol)
            return True
        except (AssertionError, ValueError, TypeError):
            return False
    if isinstance(expected, (bool, np.bool_, str)) or expected is None:
        return value == expected
    if isinstance(expected, (int, float, np.number)):
        try:
            return math.isclose(float(value), float(expected), rel_tol=rtol, abs_tol=atol)
        except (TypeError, ValueError):
            return False
    if isinstance(expected, (set, frozenset)):
        try:
            return set(value) == set(expected)
        except TypeError:
            return False
    if isinstance(expected, (list, tuple, np.ndarray)):
        try:
            a, b = np.asarray(value), np.asarray(expected)
            if a.shape != b.shape:
                return False
            if np.issubdtype(b.dtype, np.number):
                return bool(np.allclose(a.astype(float), b.astype(float), rtol=rtol, atol=atol))
            return bool((a == b).all())
        except (TypeError, ValueError):
            return False
    return value == expected


def check(label: str, value, expected=None, *, test: Callable | None = None,
          rtol: float = 1e-6, atol: float = 1e-9, hint: str = "") -> bool:
    """Check the answer to exercise ``label`` and print a pass mark, or raise with a hint.

    Parameters
    ----------
    label : str
        The exercise label used in the ``{exercise}`` directive, e.g. ``"ex-06-1"``.
    value : object
        The learner's answer. ``...`` (Ellipsis, the student placeholder) means "not answered".
    expected : object, optional
        The right answer, computed in the notebook from its own data (numbers compare with
        ``rtol``/``atol``; sets ignore order; arrays/Series/DataFrames compare element-wise).
    test : callable, optional
        A rule ``test(value) -> bool`` for answers with more than one right form
        (e.g. "any threshold whose recall ≥ 0.8"). Give ``expected`` or ``test``, or both.
    rtol, atol : float
        Tolerances for numeric comparison.
    hint : str
        Shown when the answer is wrong: say what to look at, not the answer.

    Returns
    -------
    bool
        ``True`` (and prints ``✅ passed``) when the answer is right.

    Raises
    ------
    NotAnsweredError
        The answer is still ``...``.
    ExerciseError
        The answer is wrong (an ``AssertionError``, so pytest and the grader count it as failed).
    ValueError
        Neither ``expected`` nor ``test`` was given (a bug in the notebook, not the answer).
    """
    if expected is None and test is None:
        raise ValueError(f"check({label!r}) needs expected=... or test=... to know the right answer")
    if value is Ellipsis:
        raise NotAnsweredError(
            f"{label}: not answered yet — replace the `...` in the exercise cell above with "
            f"your code, run it, then run this check again."
            + (f" Hint: {hint}" if hint else "")
        )
    ok = True
    if expected is not None:
        ok = _equal(value, expected, rtol, atol)
    if ok and test is not None:
        try:
            ok = bool(test(value))
        except Exception as err:  # a wrong type of answer makes the rule itself fail
            raise ExerciseError(f"{label}: the answer {value!r} could not be checked ({err}). "
                                + (f"Hint: {hint}" if hint else "")) from err
    if not ok:
        shown = repr(value)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        raise ExerciseError(f"{label}: {shown} is not right yet." + (f" Hint: {hint}" if hint else ""))
    print(f"{label}: {PASS_MARK}")
    return True
