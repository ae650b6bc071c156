"""helpers.plotting, helpers.quiz, helpers.recsys and helpers.reports."""

import json

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import plotting, quiz, recsys, reports  # noqa: E402


def test_set_style_and_compare_bars():
    plotting.set_style()
    assert plt.rcParams["lines.linewidth"] == 2
    table = pd.DataFrame({"auc_mean": [0.8, 0.9], "auc_std": [0.01, 0.02]}, index=["a", "b"])
    ax = plotting.compare_bars(table, "auc", title="b wins")
    assert ax.get_title() == "b wins" and ax.get_xlabel() == "auc"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    with pytest.raises(ValueError, match="compare\\(..., raw=True\\)"):
        plotting.compare_bars(table, "f1", title="x")
    plt.close("all")


def test_image_grid():
    fig = plotting.image_grid([np.zeros((4, 4))] * 3, titles=list("abc"), ncols=2, suptitle="s")
    assert len(fig.axes) == 4
    with pytest.raises(ValueError, match="one title per image"):
        plotting.image_grid([np.zeros((2, 2))], titles=["a", "b"])
    with pytest.raises(ValueError, match="at least one image"):
        plotting.image_grid([])
    plt.close("all")


def test_quiz_validation_and_format():
    out = quiz.to_jupyterquiz([{"question": "q", "answers": ["a", "b"], "correct": 1,
                                "explain": "because"}])
    assert out[0]["answers"][1]["correct"] and not out[0]["answers"][0]["correct"]
    assert out[0]["answers"][1]["feedback"].startswith("Correct.")
    with pytest.raises(ValueError, match="at least one question"):
        quiz.to_jupyterquiz([])
    with pytest.raises(ValueError, match="lacks"):
        quiz.to_jupyterquiz([{"question": "q"}])
    with pytest.raises(ValueError, match="must be an index"):
        quiz.to_jupyterquiz([{"question": "q", "answers": ["a", "b"], "correct": 2,
                              "explain": ""}])


def test_ranking_metrics_by_hand():
    recs, rel = [1, 2, 3, 4], {2, 4, 9}
    assert recsys.precision_at_k(recs, rel, 4) == 0.5
    assert recsys.recall_at_k(recs, rel, 4) == pytest.approx(2 / 3)
    dcg = 1 / np.log2(3) + 1 / np.log2(5)
    idcg = 1 + 1 / np.log2(3) + 1 / np.log2(4)
    assert recsys.ndcg_at_k(recs, rel, 4) == pytest.approx(dcg / idcg)
    assert recsys.average_precision_at_k(recs, rel, 4) == pytest.approx((1 / 2 + 2 / 4) / 3)
    assert recsys.ndcg_at_k([9, 2, 4], rel, 3) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="positive integer"):
        recsys.precision_at_k(recs, rel, 0)


def test_time_split_and_report():
    log = pd.DataFrame({"user_id": [1, 1, 2, 2, 3], "movie_id": [10, 11, 10, 12, 11],
                        "rating": [5, 3, 4, 5, 4],
                        "timestamp": pd.to_datetime(["2020-01-01", "2020-01-02", "2020-01-03",
                                                     "2020-01-04", "2020-01-05"])})
    train, test, cutoff = recsys.time_split(log, 0.4)
    assert train.timestamp.max() < cutoff <= test.timestamp.min()
    assert recsys.popular_items(log, 1) in ([10], [11])
    rel = recsys.relevant_items(log)
    assert rel == {1: {10}, 2: {10, 12}, 3: {11}}
    report = recsys.ranking_report({1: [10], 2: [12, 10]}, rel, k=2)
    assert report["precision@2"] == pytest.approx((0.5 + 1 + 0) / 3)
    with pytest.raises(ValueError, match="test_fraction"):
        recsys.time_split(log, 1.5)
    with pytest.raises(ValueError, match="no column"):
        recsys.time_split(log, 0.2, time_col="when")
    with pytest.raises(ValueError, match="relevant is empty"):
        recsys.ranking_report({}, {}, 2)


def test_timings_report(tmp_path):
    assert reports.load_timings(tmp_path / "none.json") is None
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"notebooks": {"a.ipynb": {"seconds": 50.0, "peak_mb": 300.0},
                                              "b.ipynb": {"seconds": 10.0, "peak_mb": 1500.0}}}))
    table = reports.timings_table(reports.load_timings(path))
    assert table.iloc[-1]["seconds"] == 60.0
    assert table.set_index("notebook").loc["a.ipynb", "within 45 s"] == "NO"
    assert table.set_index("notebook").loc["b.ipynb", "within 1 GB"] == "NO"
    path.write_text("[1, 2]")
    with pytest.raises(ValueError, match="not a timings report"):
        reports.load_timings(path)
