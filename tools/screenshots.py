"""Screenshots of every page of the web UI, for docs/web.md: the app is served from this process against a store
(default: the demo store `eventcoder serve` shows) and Debian's chromium, driven by Playwright, saves one PNG
per page.

    python tools/screenshots.py [--db corpus.duckdb] [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from eventcoder.pipeline import Coder
from eventcoder.store import Store
from eventcoder.web import create_app
from eventcoder.web.demo import demo_store
from eventcoder.web.server import BackgroundServer

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = ("/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser")
# page name, path, what to wait for (a selector that appears once the page has drawn), what to do first
PAGES = [
    ("overview", "/", "#top-dyads", None),
    ("events", "/events?type=ASSAULT&type=COERCE&type=CONSULT", "#events", None),
    ("document", "/documents/istanbul-talks-report", "#article", "li.record[data-key=e3]"),
    ("story", "/stories/strike-wire:0:0", "#reports", None),
    ("timeline", "/timeline?dyad=RUS-UKR&freq=month&raw=true", "#timeline-chart canvas", None),
    ("network", "/network", "#network-chart canvas", None),
    ("map", "/map", "#map .leaflet-marker-icon", None),
    ("claims", "/claims", "#story-claims", None),
    ("api-docs", "/docs", ".swagger-ui .opblock", None),
]


def chromium() -> str:
    found = next((path for path in CHROMIUM if Path(path).exists()), None) or shutil.which("chromium")
    if not found:
        sys.exit("no chromium binary: apt-get install chromium")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="the store (default: the demo store)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.db or demo_store(Coder)
    with Store.open(path, read_only=True, sandbox=True) as store, \
            BackgroundServer(create_app(store, label=path.name if args.db else "demo")) as url, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--headless"])
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        for name, route, ready, click in PAGES:
            page.goto(url + route)
            page.wait_for_selector(ready, timeout=15_000)
            if click:
                page.click(click)
                page.evaluate("window.scrollTo(0, 0)")  # the page header, with the lit evidence below it
            page.wait_for_timeout(1500 if name in ("network", "map") else 400)  # the force layout settles
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target), full_page=name in ("overview", "story", "timeline"))
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        browser.close()


if __name__ == "__main__":
    main()
