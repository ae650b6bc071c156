"""Self-check quizzes at the end of each chapter (introduced in ``00_datasets_tour``).

A thin wrapper around `jupyterquiz <https://pypi.org/project/jupyterquiz/>`_: questions are
written as plain Python, validated, and rendered as an interactive multiple-choice widget that
works in JupyterLab, Colab and on the static site, with no network (the questions and the
script are embedded in the cell output).
"""

from __future__ import annotations

import random

__all__ = ["quiz", "to_jupyterquiz"]


def to_jupyterquiz(questions) -> list[dict]:
    """Validate ``questions`` and convert them to jupyterquiz's JSON format.

    Parameters
    ----------
    questions : list of dict
        Each with ``question`` (str), ``answers`` (list of ≥ 2 str), ``correct`` (index of the
        right answer) and ``explain`` (str, shown after any answer).

    Raises
    ------
    ValueError
        An empty list, a missing key, fewer than two answers, or ``correct`` out of range.
    """
    if not questions:
        raise ValueError("a quiz needs at least one question")
    out = []
    for i, q in enumerate(questions, 1):
        missing = {"question", "answers", "correct", "explain"} - set(q)
        if missing:
            raise ValueError(f"quiz question {i} lacks {sorted(missing)}; "
                             "give question, answers, correct (an index) and explain")
        answers = list(q["answers"])
        if len(answers) < 2:
            raise ValueError(f"quiz question {i} needs at least two answers")
        if not isinstance(q["correct"], int) or not 0 <= q["correct"] < len(answers):
            raise ValueError(f"quiz question {i}: correct={q['correct']!r} must be an index "
                             f"between 0 and {len(answers) - 1}")
        out.append({
            "question": q["question"],
            "type": "multiple_choice",
            "answers": [
                {"answer": a, "correct": j == q["correct"],
                 "feedback": ("Correct. " if j == q["correct"] else "Not quite. ") + q["explain"]}
                for j, a in enumerate(answers)
            ],
        })
    return out


def quiz(questions, *, seed: int = 0) -> None:
    """Display a multiple-choice self-check quiz (see :func:`to_jupyterquiz` for the format)."""
    from jupyterquiz import display_quiz

    converted = to_jupyterquiz(questions)
    state = random.getstate()
    random.seed(seed)  # jupyterquiz names its container at random: keep the page reproducible
    try:
        display_quiz(converted, shuffle_answers=False, colors="fdsp")
    finally:
        random.setstate(state)
