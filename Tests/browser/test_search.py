"""The site search in a real browser (Chromium through selenium).

Uses conftest's site (the repository's site built once and served on a free 127.0.0.1 port) and
checks that «наставникам» — typed into the header search box, into the search page's field, or
given as ?q= — lists the mentor bank (/mentors/) among the results, with the matched words marked
and the count announced. Skips with a message when Chromium, its driver or selenium is missing.
"""

from urllib.parse import quote, unquote, urlparse, parse_qs

import pytest

from conftest import make_driver

QUERY = "наставникам"
WAIT_SECONDS = 20


@pytest.fixture(scope="module")
def search_site(site_dir):
    """The real site, built once for the session by conftest's site_dir."""
    assert (site_dir / "search-index.json").exists(), "the build wrote no /search-index.json"
    assert (site_dir / "search" / "index.html").exists(), "the build has no /search/ page"
    return site_dir


@pytest.fixture(scope="module")
def search_server(search_site, base_url):
    """Base URL of the built site, served by conftest's base_url."""
    return base_url


@pytest.fixture(scope="module")
def search_driver():
    """A fresh headless Chromium of its own: no settings left over from the theme tests."""
    driver = make_driver()
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


def test_small_site_needs_one_index_request(search_driver, search_server):
    """The 46-page site's index is one file: a query fetches search-index.json and nothing else."""
    driver = search_driver
    driver.get("%s/search/?q=%s" % (search_server, quote(QUERY)))
    _wait_for_mentor_bank(driver)
    names = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    index = [n for n in names if n.endswith(".json")]
    assert [urlparse(n).path for n in index] == ["/search-index.json"], index


def test_a_typo_and_a_stage_number_are_found(search_driver, search_server):
    driver = search_driver
    driver.get("%s/search/?q=%s" % (search_server, quote("наставнеки")))
    _wait_for_mentor_bank(driver)
    from selenium.webdriver.common.by import By
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert any(m.startswith("наставник") for m in marks), "the corrected word is not highlighted: %s" % marks[:10]
    driver.get("%s/search/?q=%s" % (search_server, quote("этап 3")))
    _wait(driver, lambda d: _result_links(d), "«этап 3» finds nothing")
    first = urlparse(_result_links(driver)[0].get_attribute("href")).path
    assert first == "/stages/bank-nastavnikov/", "«этап 3» lists %s first, not the third stage" % first
