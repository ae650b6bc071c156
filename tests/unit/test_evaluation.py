"""helpers.evaluation.compare: same splits for every pipeline, tidy output, clear errors."""

import numpy as np
import pytest
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from helpers.data import load
from helpers.evaluation import compare, default_cv, mean_std


@pytest.fixture(scope="module")
def cancer():
    df = load("breast_cancer")
    return df.drop(columns="target"), df["target"]


def test_identical_pipelines_get_identical_scores(cancer):
    X, y = cancer
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=500))
    table = compare({"a": model, "b": model}, X, y, scoring=["roc_auc", "f1"], raw=True)
    assert table.loc["a", "roc_auc_mean"] == table.loc["b", "roc_auc_mean"]
    assert table.loc["a", "roc_auc_mean"] > 0.95
    assert {"roc_auc_mean", "roc_auc_std", "f1_mean", "fit_time_s"} <= set(table.columns)


def test_formatted_table_and_ordering(cancer):
    X, y = cancer
    table = compare({"dummy": DummyClassifier(), "logistic": make_pipeline(
        StandardScaler(), LogisticRegression(max_iter=500))}, X, y, scoring="accuracy")
    assert list(table.index) == ["dummy", "logistic"]
    assert " ± " in table.loc["dummy", "accuracy"]
    mean_dummy = float(table.loc["dummy", "accuracy"].split(" ± ")[0])
    assert mean_dummy == pytest.approx(y.value_counts(normalize=True).max(), abs=0.01)


def test_regression_uses_kfold():
    df = load("diabetes")
    X, y = df.drop(columns="target"), df["target"]
    assert isinstance(default_cv(y), KFold)
    assert isinstance(default_cv(np.array([0, 1] * 10)), StratifiedKFold)
    table = compare({"ols": LinearRegression()}, X, y, scoring="r2", raw=True)
    assert 0.3 < table.loc["ols", "r2_mean"] < 0.6


def test_mean_std_format():
    assert mean_std([0.5, 0.7]) == "0.600 ± 0.100"


def test_errors_are_clear(cancer):
    X, y = cancer
    with pytest.raises(ValueError, match="non-empty dict"):
        compare({}, X, y)
    with pytest.raises(ValueError, match="non-empty dict"):
        compare([LogisticRegression()], X, y)
    with pytest.raises(ValueError, match="rows"):
        compare({"m": LogisticRegression()}, X, y[:-5])
