"""The real site published at the root of its host and in a subfolder, in a real browser.

GitHub project pages live at https://USER.github.io/REPO/ and a school's programme section often
in a subfolder of its main site. For each base path ("/" and "/sub/") the repository's site is
built with `portal build --base-url`, put into that folder of a temporary directory and served
there by a plain static server (Python's http.server: nothing knows about portal). Then every page
of the site is loaded in Chromium and must make zero failed requests (the Resource Timing
entries' status and the browser's log), search must find pages and lead to them, and the settings
of the version for the visually impaired must persist from page to page.
"""

import json
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

from conftest import REPO, make_driver, serve

BASES = ["/", "/sub/"]
WAIT_SECONDS = 20


def build_at(portal_bin, output, base_path):
    import subprocess
    result = subprocess.run(
        [str(portal_bin), "build", "--root", str(REPO), "--output", str(output),
         "--base-url", "https://school.example.ru" + base_path, "--quiet"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, "portal build --base-url failed:\n%s%s" % (result.stdout, result.stderr)


@pytest.fixture(scope="module", params=BASES, ids=["root", "subfolder"])
def published(request, portal_bin, tmp_path_factory):
    """(server origin, base path, output folder) of the site built and served under a base path."""
    base_path = request.param
    top = tmp_path_factory.mktemp("host")
    output = top / base_path.strip("/") if base_path != "/" else top / "site"
    build_at(portal_bin, output, base_path)
    server, origin = serve(top if base_path != "/" else output)
    yield origin, base_path, output
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


def pages_of(output):
    """Every page of the built site as a path under the base: folders with index.html, and 404.html.
    Alias pages (a redirect to the page's absolute address on the real host) are left out."""
    pages = []
    for index in sorted(output.rglob("*.html")):
        text = index.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        relative = index.relative_to(output).as_posix()
        pages.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return pages


def failed_requests(driver):
    """Requests of the current page that failed: Resource Timing entries with an error status (or
    none at all, a network failure), and the browser log's failed loads."""
    entries = driver.execute_script("""
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
            .map(function (e) { return {name: e.name, status: e.responseStatus}; });
    """)
    failed = ["%s (%s)" % (e["name"], e["status"]) for e in entries
              if e["status"] is not None and not (200 <= e["status"] < 400)]
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            failed.append(entry.get("message", ""))
    return failed, [e["name"] for e in entries]


def test_every_page_loads_without_a_failed_request(browser, published):
    origin, base_path, output = published
    pages = pages_of(output)
    assert len(pages) > 40, "the real site has more pages than %d" % len(pages)
    browser.get_log("browser")  # start with an empty log
    problems = {}
    loaded = set()
    for page in pages:
        browser.get(origin + base_path + page)
        failed, names = failed_requests(browser)
        loaded.update(urlparse(name).path for name in names)
        if page == "404.html":
            # The page itself is a 200 here (asked for by name); what it loads must all be there.
            failed = [f for f in failed if not f.startswith(origin + base_path + "404.html")]
        if failed:
            problems[page] = failed
    assert not problems, "failed requests under %s:\n%s" % (base_path, json.dumps(problems, ensure_ascii=False, indent=1))
    # The theme's files were really fetched from under the base path.
    for asset in ("assets/css/main.css", "assets/js/site.js", "assets/js/search.js"):
        assert base_path + asset in loaded, "%s was not loaded from %s" % (asset, base_path)
    # Icons are not in Resource Timing: ask for each the way the browser would.
    browser.get(origin + base_path)
    statuses = browser.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var icons = Array.prototype.map.call(document.querySelectorAll('link[rel~=icon]'), function (l) { return l.href; });
        Promise.all(icons.map(function (u) { return fetch(u).then(function (r) { return [new URL(u).pathname, r.status]; }); }))
            .then(done, function (e) { done(String(e)); });
    """)
    assert statuses and all(status == 200 and path.startswith(base_path + "assets/") for path, status in statuses), statuses


def test_the_404_page_links_under_the_base_path(published):
    origin, base_path, output = published
    # A plain static server answers 404 with its own page; the site's 404.html is what a host
    # shows there: opened from a deep address, its links and styles must still work.
    text = (output / "404.html").read_text(encoding="utf-8")
    for attribute in ('href="%sassets/css/main.css"' % base_path, 'action="%ssearch/"' % base_path):
        assert attribute in text


def test_search_finds_and_leads_to_pages(browser, published):
    from selenium.webdriver.support.ui import WebDriverWait
    origin, base_path, _ = published
    browser.get(origin + base_path + "search/?q=" + quote("наставникам"))

    def links(driver):
        found = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results a")]
        return found or False
    found = WebDriverWait(browser, WAIT_SECONDS).until(links, "search found nothing under %s" % base_path)
    paths = [urlparse(href).path for href in found]
    assert base_path + "mentors/" in paths, paths
    assert all(path.startswith(base_path) for path in paths), paths
    browser.find_element("css selector", "#search-results a[href='%smentors/']" % base_path).click()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: urlparse(d.current_url).path == base_path + "mentors/")
    failed, _ = failed_requests(browser)
    assert not failed, failed
    # The header's search box leads to the search page under the base path too.
    box = browser.find_element("css selector", "#site-search")
    box.send_keys("этапы")
    box.submit()
    WebDriverWait(browser, WAIT_SECONDS).until(lambda d: urlparse(d.current_url).path == base_path + "search/")
    WebDriverWait(browser, WAIT_SECONDS).until(links, "the header search found nothing under %s" % base_path)


def test_settings_persist_from_page_to_page(browser, published):
    origin, base_path, _ = published
    browser.get(origin + base_path)
    browser.execute_script("try { localStorage.clear(); } catch (e) {}")
    browser.get(origin + base_path)
    browser.find_element("css selector", ".a11y-toggle").click()
    browser.find_element("css selector", "[data-a11y=font][data-value=larger]").click()
    browser.find_element("css selector", "[data-a11y=scheme][data-value=white-on-black]").click()
    link = browser.find_element("css selector", ".site-nav__link[href='%sabout/']" % base_path)
    browser.get(link.get_property("href"))
    assert urlparse(browser.current_url).path == base_path + "about/"
    html = "return document.documentElement.getAttribute(arguments[0])"
    assert browser.execute_script(html, "data-font") == "larger"
    assert browser.execute_script(html, "data-scheme") == "white-on-black"
    browser.execute_script("try { localStorage.clear(); } catch (e) {}")
