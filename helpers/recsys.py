"""Recommender utilities for the running MovieLens case (introduced in ``02_metrics``).

``02_metrics`` derives the ranking metrics by hand before this module is used; ``13`` explains the
time-based split. Later chapters call these so the definitions stay in one place.

Conventions: ``recommended`` maps a user to an ordered list of item ids (best first);
``relevant`` maps a user to the set of item ids that count as hits for that user.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["time_split", "relevant_items", "popular_items", "precision_at_k", "recall_at_k",
           "ndcg_at_k", "average_precision_at_k", "ranking_report"]


def time_split(ratings: pd.DataFrame, test_fraction: float = 0.2, time_col: str = "timestamp"):
    """Split an interaction log at one moment: the last ``test_fraction`` of events is the test set.

    Returns
    -------
    (train, test, cutoff) : DataFrame, DataFrame, Timestamp
        ``train`` holds every event strictly before ``cutoff``, ``test`` the rest.

    Raises
    ------
    ValueError
        ``test_fraction`` outside (0, 1) or a missing time column.
    """
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    if time_col not in ratings.columns:
        raise ValueError(f"no column {time_col!r}; pass time_col= one of {list(ratings.columns)}")
    cutoff = ratings[time_col].quantile(1 - test_fraction)
    train = ratings[ratings[time_col] < cutoff]
    test = ratings[ratings[time_col] >= cutoff]
    return train, test, cutoff


def relevant_items(log: pd.DataFrame, threshold: float | None = 4.0, user_col: str = "user_id",
                   item_col: str = "movie_id", rating_col: str = "rating") -> dict:
    """Map each user to the set of items they rated ``>= threshold`` (all items if ``None``)."""
    if threshold is not None:
        log = log[log[rating_col] >= threshold]
    return log.groupby(user_col)[item_col].agg(set).to_dict()


def popular_items(train: pd.DataFrame, k: int, item_col: str = "movie_id") -> list:
    """The ``k`` items with the most interactions in ``train`` (the popularity baseline)."""
    return train[item_col].value_counts().index[:k].tolist()


def _check_k(k):
    if not isinstance(k, (int, np.integer)) or k < 1:
        raise ValueError(f"k must be a positive integer, got {k!r}")


def precision_at_k(recommended: list, relevant: set, k: int) -> float:
    """Share of the top-``k`` recommendations that are relevant."""
    _check_k(k)
    return len(set(list(recommended)[:k]) & set(relevant)) / k


def recall_at_k(recommended: list, relevant: set, k: int) -> float:
    """Share of the relevant items that appear in the top ``k`` (0 when nothing is relevant)."""
    _check_k(k)
    relevant = set(relevant)
    if not relevant:
        return 0.0
    return len(set(list(recommended)[:k]) & relevant) / len(relevant)


def ndcg_at_k(recommended: list, relevant: set, k: int) -> float:
    """Normalized discounted cumulative gain with binary relevance (1 = perfect ordering)."""
    _check_k(k)
    relevant = set(relevant)
    gains = [1.0 if item in relevant else 0.0 for item in list(recommended)[:k]]
    dcg = sum(g / np.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1.0 / np.log2(i + 2) for i in range(min(len(relevant), k)))
    return dcg / ideal if ideal > 0 else 0.0


def average_precision_at_k(recommended: list, relevant: set, k: int) -> float:
    """Average of precision@i over the ranks i ≤ k that hold a relevant item (MAP's summand)."""
    _check_k(k)
    relevant = set(relevant)
    hits, total = 0, 0.0
    for i, item in enumerate(list(recommended)[:k], 1):
        if item in relevant:
            hits += 1
            total += hits / i
    denom = min(len(relevant), k)
    return total / denom if denom else 0.0


def ranking_report(recommendations: dict, relevant: dict, k: int = 10) -> pd.Series:
    """Mean precision@k, recall@k, NDCG@k and MAP@k over the users present in ``relevant``.

    Users without a recommendation count as an empty list (a miss), never silently dropped.
    """
    _check_k(k)
    if not relevant:
        raise ValueError("relevant is empty: no user has a relevant item in the test period")
    rows = []
    for user, items in relevant.items():
        recs = recommendations.get(user, [])
        rows.append((precision_at_k(recs, items, k), recall_at_k(recs, items, k),
                     ndcg_at_k(recs, items, k), average_precision_at_k(recs, items, k)))
    values = np.mean(rows, axis=0)
    return pd.Series(values, index=[f"precision@{k}", f"recall@{k}", f"ndcg@{k}", f"map@{k}"])
