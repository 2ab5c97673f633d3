"""The web UI in a real browser: Debian's chromium driven by Playwright against the app served from this process
on a free localhost port. Pages load without console errors, filters change the results, a click lights up an
event's evidence, the map and charts draw, and an article holding script runs none of it.
"""

import shutil
from pathlib import Path

import pytest

from eventcoder.store import Store
from eventcoder.web import create_app
from eventcoder.web.server import BackgroundServer
from test_web import ODD_ID, XSS_ID, build_web_store

CHROMIUM = next((p for p in ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")
                 if Path(p).exists()), None) or shutil.which("chromium")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")


@pytest.fixture(scope="module")
def url(tmp_path_factory, coder):
    path = build_web_store(tmp_path_factory.mktemp("browser"), coder)
    with Store.open(path, read_only=True, sandbox=True) as store, BackgroundServer(create_app(store)) as address:
        yield address


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--headless"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, uncaught exceptions and failed requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: opened.problems.append(f"console: {m.text}") if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.problems.append(f"exception: {e}"))
    opened.on("requestfailed", lambda r: opened.problems.append(f"request failed: {r.url}"))
    yield opened
    context.close()


def visit(page, address, path, ready):
    response = page.goto(address + path)
    assert response.status == 200, path
    page.wait_for_selector(ready, timeout=15_000)


PAGES = [("/", "#top-dyads"), ("/events", "#events"), ("/documents", "#documents"),
         ("/documents/istanbul-talks-report", "#article [data-ann]"), ("/stories/talks-post:0:0", "#reports"),
         ("/timeline?dyad=RUS-UKR&freq=day", "#timeline-chart canvas"), ("/network", "#network-chart canvas"),
         ("/map", "#map .leaflet-marker-icon"), ("/claims", "#story-claims"), ("/docs", ".swagger-ui .opblock")]


@pytest.mark.parametrize(("path", "ready"), PAGES)
def test_pages_load_without_errors(page, url, path, ready):
    visit(page, url, path, ready)
    page.wait_for_timeout(300)  # late errors: the map's borders and the charts are drawn after load
    assert page.problems == []


def test_filters_change_the_results(page, url):
    visit(page, url, "/events", "#events")
    everything = int(page.get_attribute("#event-total", "data-total"))
    page.check("input[name=type][value=CONSULT]")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/events?*type=CONSULT*")
    consult = int(page.get_attribute("#event-total", "data-total"))
    assert 0 < consult < everything
    shown = page.locator("#events tbody tr .badge").all_inner_texts()
    assert shown and set(shown) == {"CONSULT"}
    page.fill("input[name=place]", "Istanbul")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**place=Istanbul*")
    assert 0 < int(page.get_attribute("#event-total", "data-total")) < consult
    assert page.problems == []


def test_clicking_an_event_highlights_its_evidence(page, url):
    visit(page, url, "/documents/istanbul-talks-report", "#event-list li.record")
    assert page.locator("#article .sel").count() == 0
    record = page.locator("#event-list li.record").nth(1)
    record.click()
    assert "active" in record.get_attribute("class")
    key = record.get_attribute("data-key")
    marked = page.locator("#article .sel")
    assert marked.count() >= 2  # the trigger and at least one actor
    trigger = page.locator("#article .sel-trigger").all_inner_texts()
    assert trigger and all(f"{key}:trigger" in t for t in page.locator("#article .sel-trigger").evaluate_all(
        "nodes => nodes.map(n => n.dataset.ann)"))
    words = record.inner_text().split("“")[1].split("”")[0].split()  # the trigger as the list shows it
    assert "".join(trigger).split()[0] == words[0]
    assert page.evaluate("location.hash").startswith("#event=")
    # another record moves the highlight
    page.locator("#event-list li.record").nth(0).click()
    assert page.locator(f'#article [data-ann~="{key}:trigger"].sel').count() == 0
    # a link to an event (from the events list or a story) opens with its evidence lit
    event_id = page.locator("#event-list li.record").nth(2).get_attribute("data-id")
    visit(page, url, "/", "#top-dyads")
    visit(page, url, f"/documents/istanbul-talks-report#event={event_id}", "#article .sel")
    assert "active" in page.locator("#event-list li.record").nth(2).get_attribute("class")
    assert page.problems == []


def test_map_draws_borders_and_clustered_places(page, url):
    visit(page, url, "/map", "#map .leaflet-marker-icon")
    page.wait_for_selector("#map path.leaflet-interactive, #map svg path", state="attached", timeout=15_000)
    assert page.locator("#map svg path").count() > 100  # Natural Earth's countries
    page.wait_for_timeout(500)  # clusters settle
    markers = page.locator("#map .leaflet-marker-icon")
    assert markers.count() >= 1
    shown = sum(int(n.replace("k", "000")) for n in markers.all_inner_texts())
    assert shown == int(page.inner_text("#placed-total").replace(",", ""))  # clusters add up to every place
    assert page.locator("link[href^='http'], script[src^='http']").count() == 0


def nonblank_pixels(page, selector):
    return page.evaluate("""selector => {
        const canvas = document.querySelector(selector);
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
        return painted;
    }""", selector)


def test_charts_draw(page, url):
    visit(page, url, "/timeline?dyad=RUS-UKR&freq=day", "#timeline-chart canvas")
    page.wait_for_timeout(300)
    assert nonblank_pixels(page, "#timeline-chart canvas") > 5000
    assert page.locator("#timeline-table tbody tr").count() >= 3
    visit(page, url, "/network", "#network-chart canvas")
    page.wait_for_timeout(800)
    assert nonblank_pixels(page, "#network-chart canvas") > 5000
    assert page.locator("#network-table tbody tr").count() >= 5
    assert page.problems == []


def test_article_script_never_runs(page, url):
    visit(page, url, f"/documents/{XSS_ID}", "#article")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined"
    text = page.inner_text("#article")
    assert "<script>window.__xss=1</script>" in text and '<img src=x onerror="window.__xss=2">' in text
    assert page.locator("#article script, #article img").count() == 0
    page.locator("h1").hover()  # the title held an onmouseover
    for record in page.locator("li.record").all():
        record.click()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.problems == []


def test_odd_ids_open_from_their_links(page, url):
    visit(page, url, "/documents", "#documents")
    page.click(f"#documents a:text-is('{ODD_ID}')")
    page.wait_for_selector("#article")
    assert page.inner_text("h1") == ODD_ID
