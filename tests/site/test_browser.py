"""The built site in a real browser (Playwright driving Debian's Chromium): pages load without
errors, figures load, launch/download links point at the right notebook, search and navigation
work, axe-core finds no serious or critical accessibility violation, math renders offline, and a
screenshot of every chapter page is saved to ``_build/reports/screenshots``."""

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from tests.site.conftest import toc_pages

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "_build" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "_build" / "reports" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# sphinx-thebe declares this constant twice on every page (harmless, see TOOLCHAIN.md); the
# pydata theme logs the second one on a fresh profile with no stored light/dark preference.
# Failed requests are recorded separately, with their URL, by the "response" listener.
TOLERATED_CONSOLE = ("THEBE_JS_URL", "Got invalid theme mode", "Failed to load resource")

pytestmark = pytest.mark.browser



class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    code, log, html = built_site
    assert code == 0, "the book build failed; see test_book.py"
    handler = functools.partial(QuietHandler, directory=str(html))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed: run `sudo apt-get install -y chromium` "
                    "(./course test does it when run as root)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: msg.type == "error" and pg.errors.append(msg.text))
    pg.on("requestfailed", lambda req: pg.errors.append(f"failed request {req.url}"))
    pg.on("response", lambda r: r.status >= 400 and pg.errors.append(f"HTTP {r.status} {r.url}"))
    yield pg
    context.close()


def real_errors(pg):
    return [e for e in pg.errors if not any(t in e for t in TOLERATED_CONSOLE)]


@pytest.mark.parametrize("page_path", toc_pages())
def test_page_loads_cleanly_with_images_and_a11y(page, server, page_path):
    page.goto(f"{server}/{page_path}.html", wait_until="networkidle")
    body = page.inner_text("main")
    assert "Traceback (most recent call last)" not in body
    assert len(body) > 200, "the page is (nearly) empty"
    broken = page.eval_on_selector_all(
        "main img", "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)")
    assert not broken, f"images that did not load: {broken}"
    no_alt = page.eval_on_selector_all("main img", "imgs => imgs.filter(i => !i.alt).length")
    assert no_alt == 0
    assert not real_errors(page), real_errors(page)
    if page_path.startswith("notebooks/"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{Path(page_path).name}.png"))
    if not AXE.exists():
        pytest.skip("axe-core missing: ./course test installs it from npm")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. "
           f"{v['nodes'][0]['target']}" for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("page_path", [p for p in toc_pages() if p.startswith("notebooks/")])
def test_launch_and_download_links_point_at_the_notebook(page, server, page_path):
    page.goto(f"{server}/{page_path}.html")
    hrefs = page.eval_on_selector_all("a", "as => as.map(a => a.href)")
    target = f"{page_path}.ipynb"
    assert any("mybinder.org" in h and target in h for h in hrefs), "no Binder link"
    assert any("colab.research.google.com" in h and h.endswith(target) for h in hrefs), "no Colab link"
    download = [h for h in hrefs if h.endswith(f"_sources/{target}")]
    assert download, "no notebook download link"
    response = page.request.get(download[0])
    assert response.ok and '"cells"' in response.text()


def test_search_finds_the_chapter(page, server):
    pages = [p for p in toc_pages() if p.startswith("notebooks/")]
    for page_path in pages:
        page.goto(f"{server}/{page_path}.html")
        title = page.inner_text("main h1").strip("#¶ \n")
        term = max(title.split(), key=len)
        page.goto(f"{server}/search.html?q={term}")
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        links = page.eval_on_selector_all("#search-results a", "as => as.map(a => a.href)")
        assert any(page_path in h for h in links), f"searching {term!r} did not find {page_path}"


def test_next_and_previous_navigation(page, server):
    pages = toc_pages()
    page.goto(f"{server}/{pages[0]}.html")
    for expected in pages[1:4]:
        page.click("a.right-next")
        page.wait_for_load_state()
        assert page.url.endswith(f"{expected}.html"), (page.url, expected)
    page.click("a.left-prev")
    page.wait_for_load_state()
    assert page.url.endswith(f"{pages[2]}.html")


def test_math_is_served_locally_and_renders(page, server):
    html_dir = ROOT / "_build" / "html"
    assert (html_dir / "_static" / "mathjax" / "tex-chtml.js").exists(), "MathJax not vendored"
    with_math = [p for p in toc_pages() if 'class="math' in (html_dir / f"{p}.html").read_text()]
    for page_path in with_math:
        page.goto(f"{server}/{page_path}.html", wait_until="networkidle")
        sources = page.eval_on_selector_all("script[src]", "ss => ss.map(s => s.src)")
        mathjax = [s for s in sources if "mathjax" in s.lower()]
        assert mathjax and all(s.startswith(server) for s in mathjax), mathjax
        page.wait_for_selector("mjx-container", timeout=15000)
        assert page.locator("mjx-container").count() > 0, page_path
