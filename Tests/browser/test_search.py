"""The site search in a real browser (Chromium through selenium).

Self-contained (its own fixtures, named search_*): builds the repository's site with the
portal binary ($PORTAL_BIN, else <repo>/.build/debug/portal) into a temporary folder, serves it
with http.server on a free 127.0.0.1 port and checks that «наставникам» — typed into the header
search box, into the search page's field, or given as ?q= — lists the mentor bank (/mentors/)
among the results, with the matched words marked and the count announced. Skips with a message
when Chromium, its driver or selenium is missing, or while the build writes no search index.
"""

import functools
import http.server
import os
import shutil
import subprocess
import threading
from pathlib import Path
from urllib.parse import quote, unquote, urlparse, parse_qs

import pytest

REPO = Path(__file__).resolve().parents[2]
QUERY = "наставникам"
WAIT_SECONDS = 20


def _portal_binary():
    explicit = os.environ.get("PORTAL_BIN")
    return Path(explicit) if explicit else REPO / ".build" / "debug" / "portal"


@pytest.fixture(scope="module")
def search_site(tmp_path_factory):
    """The real site built into a temporary folder; skips while it has no search index."""
    binary = _portal_binary()
    if not binary.exists():
        pytest.skip("portal binary not found at %s: run `swift build` or set PORTAL_BIN" % binary)
    output = tmp_path_factory.mktemp("search-site") / "Public"
    result = subprocess.run([str(binary), "build", "--root", str(REPO), "--output", str(output), "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, "portal build failed:\n%s%s" % (result.stdout, result.stderr)
    if not (output / "search-index.json").exists():
        pytest.skip("the build does not write /search-index.json yet: search browser tests skipped")
    if not (output / "search" / "index.html").exists():
        pytest.skip("the build has no /search/ page yet (Content/search.md with template: search)")
    return output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="module")
def search_server(search_site):
    """Base URL of the built site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(_QuietHandler, directory=str(search_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def search_driver():
    """A headless Chromium; skips when it, its driver or selenium is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed (pip install selenium): search browser tests skipped")
    browser = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    driver_path = shutil.which("chromedriver") or next(
        (p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
    if not browser or not driver_path:
        pytest.skip("Chromium or chromium-driver is not installed (apt-get install chromium chromium-driver): "
                    "search browser tests skipped")
    options = Options()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--lang=ru-RU", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--window-size=1280,900"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as error:  # installed but cannot start
        pytest.skip("Chromium could not be started (%s): search browser tests skipped" % str(error).splitlines()[0])
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


# ---------------------------------------------------------------- helpers

def _wait(driver, condition, message):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, WAIT_SECONDS).until(condition, message)


def _result_links(driver):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, "#search-results a")


def _wait_for_mentor_bank(driver):
    """Waits until the results link to /mentors/; returns the hrefs (paths) of all results."""
    def found(d):
        paths = [urlparse(a.get_attribute("href") or "").path for a in _result_links(d)]
        return paths if "/mentors/" in paths else False
    return _wait(driver, found, "no search result links to /mentors/ (the mentor bank)")


def _status_text(driver):
    from selenium.webdriver.common.by import By
    regions = driver.find_elements(By.CSS_SELECTOR, "[role=status], [aria-live]")
    return " ".join(r.text for r in regions)


def _page_search_input(driver):
    from selenium.webdriver.common.by import By
    for selector in ("[data-search-input]", "main input[name=q]"):
        found = driver.find_elements(By.CSS_SELECTOR, selector)
        if found:
            return found[0]
    pytest.fail("the search page has no search field in <main>", pytrace=False)


def _severe_console_errors(driver):
    try:
        return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]
    except Exception:  # logs not available with this driver
        return []


# ---------------------------------------------------------------- tests

def test_query_in_address_finds_mentor_bank(search_driver, search_server):
    driver = search_driver
    _severe_console_errors(driver)  # reading the log empties it
    driver.get("%s/search/?q=%s" % (search_server, quote(QUERY)))
    paths = _wait_for_mentor_bank(driver)
    assert len(paths) == len(set(paths)), "a page is listed twice: %s" % paths
    # The field shows the query; the count is announced; the matched words are marked.
    assert _page_search_input(driver).get_attribute("value") == QUERY
    _wait(driver, lambda d: "найден" in _status_text(d).lower(), "the number of results is not announced")
    from selenium.webdriver.common.by import By
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert any(m.startswith("наставник") for m in marks), "no matched word is highlighted: %s" % marks[:10]
    # Results are an ordered list of links.
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results ol li a")
    assert not _severe_console_errors(driver)


def test_typing_in_search_page_field_updates_results_and_address(search_driver, search_server):
    driver = search_driver
    driver.get("%s/search/" % search_server)
    field = _page_search_input(driver)
    field.clear()
    field.send_keys(QUERY)
    _wait_for_mentor_bank(driver)
    _wait(driver, lambda d: parse_qs(urlparse(d.current_url).query).get("q") == [QUERY],
          "the address does not carry the query (history.replaceState)")


def test_header_search_box_finds_mentor_bank(search_driver, search_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    driver = search_driver
    driver.get("%s/" % search_server)
    boxes = [b for b in driver.find_elements(By.CSS_SELECTOR, "form[role=search] input[name=q]") if b.is_displayed()]
    if not boxes:  # narrow layouts may hide it; the desktop window shows it
        pytest.fail("no visible search box in the header", pytrace=False)
    boxes[0].send_keys(QUERY)
    boxes[0].send_keys(Keys.ENTER)
    _wait(driver, lambda d: urlparse(d.current_url).path == "/search/", "the header form did not open /search/")
    assert unquote(parse_qs(urlparse(driver.current_url).query).get("q", [""])[0]) == QUERY
    _wait_for_mentor_bank(driver)


def test_results_are_keyboard_reachable(search_driver, search_server):
    from selenium.webdriver.common.keys import Keys
    driver = search_driver
    driver.get("%s/search/?q=%s" % (search_server, quote(QUERY)))
    _wait_for_mentor_bank(driver)
    field = _page_search_input(driver)
    field.click()
    field.send_keys(Keys.ARROW_DOWN)
    first = _result_links(driver)[0]
    assert driver.switch_to.active_element == first, "ArrowDown in the field does not reach the first result"
    first.send_keys(Keys.ARROW_DOWN)
    assert driver.switch_to.active_element == _result_links(driver)[1]
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert driver.switch_to.active_element == _page_search_input(driver)


def test_nothing_found_is_announced(search_driver, search_server):
    driver = search_driver
    driver.get("%s/search/?q=%s" % (search_server, quote("абракадабраквазизябра")))
    _wait(driver, lambda d: "ничего не найдено" in _status_text(d).lower(), "an empty result is not announced")
    assert not _result_links(driver)
