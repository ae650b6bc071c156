"""One figure style for the whole course, and the figures that recur (introduced in ``00_datasets_tour``).

Call :func:`set_style` once at the top of a notebook. Every figure helper labels its axes,
takes a title that states the finding, and returns the matplotlib ``Axes`` it drew on.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from cycler import cycler

__all__ = ["set_style", "FIGSIZE", "PALETTE", "compare_bars", "image_grid"]

FIGSIZE = (7.0, 4.0)  #: the default figure size of the course, in inches
#: seaborn's "colorblind" palette, written out so that notebooks need not import seaborn (~1 s)
PALETTE = ["#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4",
           "#949494", "#ece133", "#56b4e9"]


def set_style() -> None:
    """Set the course theme (seaborn's ``whitegrid`` look, colour-blind palette, ``lw=2``, fixed size)."""
    plt.style.use("seaborn-v0_8-whitegrid")  # ships with matplotlib: no seaborn import needed
    plt.rcParams.update({
        "axes.prop_cycle": cycler(color=PALETTE),
        "figure.figsize": FIGSIZE,
        "figure.dpi": 90,
        "savefig.dpi": 90,
        "lines.linewidth": 2,
        "axes.titlesize": 12,
        "axes.titleweight": "bold",
        "figure.autolayout": True,
    })


def compare_bars(table, metric: str, *, title: str, xlabel: str | None = None, ax=None):
    """Horizontal bars of ``<metric>_mean`` with ``<metric>_std`` error bars, best on top.

    Parameters
    ----------
    table : pandas.DataFrame
        The numeric output of :func:`helpers.evaluation.compare` with ``raw=True``.
    metric : str
        The metric name (columns ``<metric>_mean`` and ``<metric>_std`` must exist).
    title : str
        A short title that states the finding.
    xlabel : str, optional
        Axis label; defaults to the metric name.

    Returns
    -------
    matplotlib.axes.Axes
    """
    mean, std = f"{metric}_mean", f"{metric}_std"
    if mean not in table.columns:
        raise ValueError(
            f"table has no column {mean!r}; pass the output of compare(..., raw=True) "
            f"and one of its metrics: {[c[:-5] for c in table.columns if c.endswith('_mean')]}"
        )
    data = table.sort_values(mean)
    ax = ax or plt.subplots()[1]
    ax.barh(data.index.astype(str), data[mean], xerr=data.get(std), color=PALETTE[0])
    lo = (data[mean] - data.get(std, 0)).min()
    hi = (data[mean] + data.get(std, 0)).max()
    pad = 0.1 * (hi - lo) if hi > lo else 0.05
    ax.set_xlim(lo - pad, hi + pad)
    ax.set_xlabel(xlabel or metric)
    ax.set_ylabel("pipeline")
    ax.set_title(title)
    return ax


def image_grid(images, titles=None, *, ncols: int = 6, cmap="gray", suptitle: str | None = None):
    """Show images in a grid without axes ticks; returns the figure.

    Parameters
    ----------
    images : sequence of 2-D (grayscale) or 3-D (RGB) arrays
    titles : sequence of str, optional
        One short title per image.
    ncols : int
        Images per row.
    cmap : str
        Colour map for grayscale images.
    suptitle : str, optional
        A title for the whole grid that states the finding.
    """
    images = list(images)
    if not images:
        raise ValueError("image_grid needs at least one image")
    if titles is not None and len(titles) != len(images):
        raise ValueError(f"got {len(images)} images but {len(titles)} titles: pass one title per image")
    ncols = min(ncols, len(images))
    nrows = int(np.ceil(len(images) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.6 * ncols, 1.7 * nrows), squeeze=False)
    for ax in axes.ravel():
        ax.axis("off")
    for i, img in enumerate(images):
        ax = axes.ravel()[i]
        ax.imshow(img, cmap=None if np.ndim(img) == 3 else cmap)
        if titles is not None:
            ax.set_title(str(titles[i]), fontsize=9, fontweight="normal")
    if suptitle:
        fig.suptitle(suptitle, fontweight="bold")
    return fig
