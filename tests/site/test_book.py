"""The site: a clean build with warnings as errors, every toc page rendered, no error output."""

import re
from pathlib import Path

from helpers.data import dataset_names
from helpers.reports import load_timings
from tests.site.conftest import toc_pages

ROOT = Path(__file__).resolve().parents[2]



def test_build_succeeds_without_warnings(built_site):
    code, log, _ = built_site
    assert code == 0, log[-3000:]
    # Sphinx's own warnings; the kernel's "[IPKernelApp] WARNING | running over TCP" is noise
    warnings = [line for line in log.splitlines()
                if re.search(r"WARNING|ERROR", line) and not line.startswith("[IPKernelApp]")]
    assert not warnings, "\n".join(warnings[:20])


def test_every_toc_page_is_rendered_without_errors(built_site):
    _, _, html = built_site
    for page in toc_pages():
        path = html / f"{page}.html"
        assert path.exists(), f"{page} was not rendered"
        text = path.read_text()
        assert "Traceback (most recent call last)" not in text, f"traceback on {page}"
        assert "output error" not in text and 'class="output stderr"' not in text, page


def test_datasets_page_is_generated_from_the_registry(built_site):
    _, _, html = built_site
    text = (html / "book" / "appendix" / "datasets.html").read_text()
    for name in dataset_names():
        assert f"<code class=\"docutils literal notranslate\"><span class=\"pre\">{name}</span>" in text


def test_timings_page_shows_the_measurements(built_site):
    _, _, html = built_site
    text = (html / "book" / "appendix" / "timings.html").read_text()
    data = load_timings()
    if data is None:
        assert "No measurements yet" in text
    else:
        for name in data["notebooks"]:
            assert name in text
        assert "Whole book" in text


def test_notebook_pages_have_launch_and_download_buttons(built_site):
    _, _, html = built_site
    for page in toc_pages():
        if not page.startswith("notebooks/"):
            continue
        text = (html / f"{page}.html").read_text()
        name = Path(page).name
        assert "mybinder.org/v2/gh/" in text and f"{name}.ipynb" in text, page
        assert "colab.research.google.com/github/" in text, page
        assert f"_sources/{page}.ipynb" in text, f"no download link on {page}"


def test_whole_book_within_budget():
    """Every notebook was measured, each within 45 s / 1 GB, the whole book within 4 minutes."""
    from helpers.reports import BOOK_BUDGET_S, BUDGET_MB, BUDGET_S

    data = load_timings()
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert data is not None, "no timings report: run the notebooks with nbmake first"
    missing = [n for n in notebooks if n not in data["notebooks"]]
    assert not missing, f"not measured: {missing} (run ./course test)"
    assert data.get("book_notebooks") == len(notebooks), "the last run did not execute every notebook"
    wall = data["book_wall_seconds"]
    assert wall <= BOOK_BUDGET_S, f"the book took {wall:.0f} s (budget {BOOK_BUDGET_S} s)"
    measured = [data["notebooks"][n] for n in notebooks]
    assert all(m["seconds"] <= BUDGET_S and m["peak_mb"] <= BUDGET_MB for m in measured)
