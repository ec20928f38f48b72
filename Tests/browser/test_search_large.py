"""Search on a large generated site in a real browser: what a query downloads.

The benchmark's generator (bench/gen_site.py) writes a site of $PORTAL_SEARCH_PAGES pages
(default 10,000) into a temporary folder; portal builds it there (the site has no search page
of its own: the theme's is used) and it is served on a free 127.0.0.1 port. For each of five
queries — a common word, two words, a typo, a prefix still being typed, a number — a fresh
page load of /search/?q=… must list results, announce their number, and download at most
300 KB of index in all (manifest and fragments), summed from the browser's resource timings
with its cache off. No fragment may name a mentor who did not consent.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import REPO, build_site, make_driver, serve

PAGES = int(os.environ.get("PORTAL_SEARCH_PAGES", "10000"))
BUDGET = 300 * 1024
QUERIES = ["наставник", "программа наставничества", "наставнек", "настав", "этап 3"]
WAIT_SECONDS = 60


@pytest.fixture(scope="module")
def large_site(portal_bin, tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    generated = subprocess.run([sys.executable, str(REPO / "bench" / "gen_site.py"), str(folder / "gen"),
                                "--pages", str(PAGES)], capture_output=True, text=True, timeout=600)
    assert generated.returncode == 0, generated.stderr
    root = folder / "gen" / "portal"
    shutil.copytree(REPO / "Themes", root / "Themes")
    output = folder / "Public"
    result = build_site(portal_bin, root, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, output


@pytest.fixture(scope="module")
def large_url(large_site):
    server, url = serve(large_site[1])
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def large_driver():
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    except Exception as error:  # not Chromium: cached files would read as 0 bytes
        pytest.fail("cannot turn the browser cache off: %s" % error, pytrace=False)
    yield driver
    driver.quit()


def _index_bytes(driver):
    """(bytes, urls) of the index files this page load fetched, from the resource timings."""
    entries = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) {"
        " return [e.name, e.transferSize, e.encodedBodySize]; });")
    index = [(name, transfer, body) for name, transfer, body in entries
             if "/search-index.json" in name or re.search(r"/search/[td]-\d+\.json", name)]
    return sum(max(transfer, body) for _, transfer, body in index), [name for name, _, _ in index]


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_downloads_at_most_300_kb(large_driver, large_url, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver = large_driver
    driver.get("%s/search/?q=%s" % (large_url, quote(query)))
    WebDriverWait(driver, WAIT_SECONDS).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result__title a"),
        "no results for %r on the %d-page site" % (query, PAGES))
    status = driver.find_element(By.CSS_SELECTOR, "[role=status]")
    assert "найден" in status.text.lower(), status.text
    assert status.get_attribute("aria-live") == "polite"
    total, urls = _index_bytes(driver)
    assert any(u.endswith("/search-index.json") for u in urls), urls
    assert any("/search/t-" in u for u in urls) and any("/search/d-" in u for u in urls), urls
    print("%s: %d bytes in %d requests" % (query, total, len(urls)))
    assert total <= BUDGET, "%r downloaded %d bytes of index (%d requests): %s" % (query, total, len(urls), urls)


def test_more_results_load_on_demand_and_take_focus(large_driver, large_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver = large_driver
    driver.get("%s/search/?q=%s" % (large_url, quote("наставник")))
    links = lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result__title a")
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(links(d)) == 20, "not 20 results first")
    more = driver.find_element(By.CSS_SELECTOR, ".search-results__more")
    more.click()
    WebDriverWait(driver, WAIT_SECONDS).until(lambda d: len(links(d)) == 40, "the button did not add 20 more")
    assert driver.switch_to.active_element == links(driver)[20], "focus is not on the first new result"


def test_no_fragment_names_a_mentor_without_consent(large_site):
    root, output = large_site
    text = (root / "Content" / "data" / "mentors.yml").read_text(encoding="utf-8")
    withheld, shown = set(), set()
    for block in re.split(r"\n(?=- )", text):
        name = re.search(r"name: (.+)", block)
        if name:
            (shown if "consent: true" in block else withheld).add(name.group(1).strip())
    withheld -= shown  # a name some consenting mentor also has may appear
    assert withheld, "the generated site has no mentor without consent"
    files = [output / "search-index.json"] + sorted((output / "search").glob("*.json"))
    assert len(files) > 100
    for path in files:
        content = path.read_text(encoding="utf-8")
        for name in withheld:
            assert name not in content, "%s names %s, who did not consent" % (path.name, name)
