"""Repository structure: toc ↔ files, no committed outputs, the chapter skeleton, offline-only
data access, consistent environment files, lint."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from helpers.coursework import _CHECK, exercise_labels

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())

SKELETON = ["## Learning objectives", "In the interview", "## Pitfalls", "## Interview drill",
            "## Exercises", "## Self-check quiz", "## Recap"]
FORBIDDEN = [r"\bfetch_\w+\(", r"load_dataset\(", r"nltk\.download", r"urlopen", r"requests\.get",
             r"get_rdataset", r"imblearn\.datasets", r"!pip install", r"hf_hub_download"]


def toc_files():
    files = [TOC["root"]]
    for part in TOC.get("parts", []):
        def walk(entries):
            for entry in entries:
                if "file" in entry:
                    files.append(entry["file"])
                walk(entry.get("sections", []))
        walk(part["chapters"])
    return files


def read(path):
    return nbformat.read(path, as_version=4)


def test_there_are_notebooks():
    assert NOTEBOOKS, "notebooks/ is empty"


def test_every_toc_entry_exists_and_every_notebook_is_listed():
    listed = toc_files()
    for entry in listed:
        assert any((ROOT / f"{entry}{ext}").exists() for ext in (".md", ".ipynb")), entry
    for nb in NOTEBOOKS:
        assert f"notebooks/{nb.stem}" in listed, f"{nb.name} is not in _toc.yml"
    pages = [p for p in (ROOT / "book").rglob("*.md")]
    for page in pages:
        assert page.relative_to(ROOT).with_suffix("").as_posix() in listed, f"{page} not in toc"


def test_toc_parts_follow_the_interview():
    captions = [p["caption"] for p in TOC["parts"]]
    order = ["Framing", "Data", "Feature selection", "Putting it together", "Appendix"]
    assert captions == [c for c in order if c in captions]
    assert captions[-1] == "Appendix"


def test_notebook_names_follow_the_interview_order():
    for nb in NOTEBOOKS:
        assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", nb.name), nb.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_without_outputs(path):
    for cell in read(path).cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_chapter_skeleton(path):
    nb = read(path)
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert md[0].startswith("# "), "the first cell is the title"
    text = "\n".join(md)
    positions = [text.find(h) for h in SKELETON]
    missing = [h for h, p in zip(SKELETON, positions) if p < 0]
    assert not missing, f"{path.name} lacks {missing}"
    assert positions == sorted(positions), f"{path.name}: skeleton sections out of order"
    assert re.search(r"\*\*Estimated time:\*\*", text) and "**Prerequisites:**" in text
    assert re.search(r"\{admonition\} In the interview", text)
    drill = text[text.find("## Interview drill"):text.find("## Exercises")]
    assert drill.count(":class: dropdown") >= 2, "≥ 2 drill questions with dropdown answers"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_first_code_cells(path):
    code = [c for c in read(path).cells if c.cell_type == "code"]
    first = code[0]
    if "google.colab" in first.source:
        url = CONFIG["repository"]["url"]
        assert f"git+{url}" in first.source, "the Colab install cell must use _config.yml's URL"
        assert "remove-cell" in first.metadata.get("tags", [])
        first = code[1]
    assert "from helpers" in first.source.split("\n")[0], "imports from helpers come first"
    assert re.search(r"^SEED = 0$", first.source, re.M)
    for cell in code[2:]:
        assert "pip install" not in cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_have_solutions_and_checks(path):
    nb = read(path)
    labels = exercise_labels(nb)
    assert len(labels) >= 3, f"{path.name} has {len(labels)} exercises; at least 3 are required"
    assert len(set(labels)) == len(labels)
    prefix = f"ex-{path.name[:2]}-"
    assert all(lab.startswith(prefix) for lab in labels), f"labels must start with {prefix}"
    sources = "\n".join(c.source for c in nb.cells)
    checked = set(_CHECK.findall(sources))
    for lab in labels:
        assert f"{{solution-start}} {lab}" in sources, f"{lab} has no solution"
        assert lab in checked, f"{lab} has no check(...) call"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_quiz_present(path):
    sources = "\n".join(c.source for c in read(path).cells if c.cell_type == "code")
    assert "quiz(" in sources


def test_no_download_calls_anywhere():
    files = [*NOTEBOOKS, *(ROOT / "helpers").glob("*.py"), *(ROOT / "book").rglob("*.md")]
    for path in files:
        text = path.read_text()
        for pattern in FORBIDDEN:
            hits = [m.group(0) for m in re.finditer(pattern, text)]
            assert not hits, f"{path.name} calls {hits}: the course must load data offline"


def test_environment_yml_matches_requirements():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    assert "python=3.11" in deps and "pip" in deps
    pip_section = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip_section == ["-r requirements.txt", "-e ."]


def test_pyproject_pins_agree_with_requirements():
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    locked = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            locked[name.lower().replace("_", "-")] = version.strip()
    for dep in project["dependencies"]:
        name, version = dep.split("==")
        assert locked.get(name.lower()) == version, f"{dep} differs from requirements.txt"


def test_repository_url_set_once():
    url = CONFIG["repository"]["url"]
    assert url.startswith("https://github.com/")
    assert "path_to_book" not in CONFIG["repository"]


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "helpers", "tests", "notebooks"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


FIGURE_CALLS = re.compile(r"plt\.subplots|plt\.figure|image_grid\(|compare_bars\(|\.plot\(|\.plot\.|"
                          r"sns\.\w+\(|\.imshow\(|\.hist\(|Display\.from_")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_figures_have_alt_text(path):
    for cell in read(path).cells:
        if cell.cell_type == "code" and FIGURE_CALLS.search(cell.source):
            alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
            assert len(alt) > 20, (f"{path.name}: the figure cell starting "
                                   f"{cell.source[:60]!r} needs metadata mystnb.image.alt")


def glossary_terms():
    text = (ROOT / "book" / "glossary.md").read_text()
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {line.strip() for line in block.splitlines() if line and not line.startswith(" ")}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_chapter_links_terms_to_the_glossary(path):
    text = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    targets = [m.group(2) or m.group(1) for m in re.finditer(r"\{term\}`([^`<]+?)(?:\s*<([^>]+)>)?`", text)]
    assert len(targets) >= 3, f"{path.name} links only {len(targets)} terms to the glossary"
    unknown = set(targets) - glossary_terms()
    assert not unknown, f"{path.name} links terms missing from the glossary: {unknown}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_chapter_cites_the_bibliography(path):
    text = "\n".join(c.source for c in read(path).cells if c.cell_type == "markdown")
    keys = re.findall(r"\{cite(?::\w+)?\}`([^`]+)`", text)
    assert keys, f"{path.name} cites no reference from book/references.bib"
    bib = (ROOT / "book" / "references.bib").read_text()
    for key in keys:
        assert re.search(rf"@\w+\{{{re.escape(key)},", bib), f"{key} is not in references.bib"
