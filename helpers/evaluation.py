"""Compare pipelines on the same cross-validation splits (introduced in ``00_datasets_tour``).

Most chapters ask the same question — *which of these choices scores better, and what does it
cost?* — so :func:`compare` answers it once, in a tidy table: one row per pipeline,
``mean ± std`` per metric, and the fit time. The splits are fixed before any pipeline runs,
so every row is scored on exactly the same folds.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold, StratifiedKFold, cross_validate
from sklearn.utils.multiclass import type_of_target

__all__ = ["compare", "default_cv", "mean_std"]


def default_cv(y, n_splits: int = 5, seed: int = 0):
    """Return ``StratifiedKFold`` for class labels (not floats) and ``KFold`` otherwise, shuffled."""
    kind = type_of_target(y)
    is_float = np.issubdtype(np.asarray(y).dtype, np.floating)
    if kind == "binary" or (kind == "multiclass" and not is_float):
        return StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return KFold(n_splits=n_splits, shuffle=True, random_state=seed)


def mean_std(values, digits: int = 3) -> str:
    """Format a sequence of fold scores as ``'0.912 ± 0.011'``."""
    values = np.asarray(values, dtype=float)
    return f"{values.mean():.{digits}f} ± {values.std():.{digits}f}"


def compare(pipelines: Mapping, X, y, *, scoring="accuracy", cv=None, groups=None,
            n_jobs=None, digits: int = 3, raw: bool = False) -> pd.DataFrame:
    """Cross-validate several pipelines on the same splits and return one tidy table.

    Parameters
    ----------
    pipelines : mapping of str -> estimator
        Names (the table's index) and unfitted estimators or pipelines.
    X, y : array-like
        Features and target, passed to :func:`sklearn.model_selection.cross_validate`.
    scoring : str, list of str or dict
        scikit-learn scorer name(s); a dict maps column names to scorers.
    cv : int or splitter, optional
        Defaults to :func:`default_cv` (5 stratified folds for classes, 5 folds otherwise).
    groups : array-like, optional
        Passed through for group splitters.
    n_jobs : int, optional
        Parallel folds (keep ``None`` inside notebooks: the budget is 2 cores).
    digits : int
        Decimals in the ``mean ± std`` strings.
    raw : bool
        If True, return the numeric table (``<metric>_mean``, ``<metric>_std``, ``fit_time_s``)
        instead of the formatted one.

    Returns
    -------
    pandas.DataFrame
        One row per pipeline; columns ``<metric>`` (``mean ± std``), ``fit_time_s`` (mean per
        fold) and ``score_time_s``. With ``raw=True`` the columns are numeric.

    Raises
    ------
    ValueError
        If ``pipelines`` is empty or not a mapping, or ``X`` and ``y`` differ in length.
    """
    if not isinstance(pipelines, Mapping) or not pipelines:
        raise ValueError(
            "pipelines must be a non-empty dict of name -> estimator, "
            "e.g. {'logistic': LogisticRegression()}"
        )
    if len(X) != len(y):
        raise ValueError(f"X has {len(X)} rows but y has {len(y)}: pass matching features and target")
    cv = default_cv(y) if cv is None else cv
    if isinstance(cv, int):
        cv = default_cv(y, n_splits=cv)
    splits = list(cv.split(X, y, groups))  # fixed once: every pipeline sees the same folds
    metrics = [scoring] if isinstance(scoring, str) else list(scoring)
    rows = {}
    for name, estimator in pipelines.items():
        res = cross_validate(estimator, X, y, cv=splits, scoring=scoring, n_jobs=n_jobs)
        row = {}
        for metric in metrics:
            scores = res["test_score"] if isinstance(scoring, str) else res[f"test_{metric}"]
            if raw:
                row[f"{metric}_mean"] = float(np.mean(scores))
                row[f"{metric}_std"] = float(np.std(scores))
            else:
                row[metric] = mean_std(scores, digits)
        row["fit_time_s"] = round(float(np.mean(res["fit_time"])), 4)
        row["score_time_s"] = round(float(np.mean(res["score_time"])), 4)
        rows[name] = row
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "pipeline"
    return table
