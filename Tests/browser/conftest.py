"""Shared fixtures of the browser and validator tests.

The site is built once per test session from the repository's real content
(`portal build --root <repo>`) into a temporary folder and served over HTTP by
Python's http.server on a free 127.0.0.1 port (pretty URLs such as /stages/ find
their index.html there). Chromium is driven by selenium with Debian's chromium and
chromium-driver; when they are not installed the browser tests are skipped with a
message saying so (`make test-deps` installs them), and fail under CI=true: a green CI
must mean every browser test ran (`require_tool`).

The portal binary: $PORTAL_BIN, else <repo>/.build/debug/portal (what `swift build`
leaves). Screenshots go to $BROWSER_ARTIFACTS, else <repo>/.build/browser-tests/.
"""

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def portal_binary():
    """The portal executable to test, or None."""
    explicit = os.environ.get("PORTAL_BIN")
    if explicit:
        return Path(explicit)
    candidate = REPO / ".build" / "debug" / "portal"
    return candidate if candidate.exists() else None


def build_site(binary, root, output):
    """Runs `portal build`; returns the completed process."""
    return subprocess.run(
        [str(binary), "build", "--root", str(root), "--output", str(output)],
        capture_output=True, text=True, timeout=600,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass


def serve(directory):
    """Starts a threaded HTTP server for `directory` on 127.0.0.1; returns (server, base URL)."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


def require_tool(reason):
    """A test tool is missing: a skip on a developer's machine, a failure under CI=true."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("%s (CI=true: a missing test tool is a failure)" % reason, pytrace=False)
    pytest.skip(reason)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def find_chromedriver():
    path = shutil.which("chromedriver")
    if path:
        return path
    for candidate in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"):
        if os.path.exists(candidate):
            return candidate
    return None


def make_driver(javascript=True, width=1280, height=900):
    """A headless Chromium; skips the test when Chromium or its driver is missing."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require_tool("selenium is not installed (pip install selenium): browser tests skipped")
    browser = find_chromium()
    driver_path = find_chromedriver()
    if not browser or not driver_path:
        require_tool("Chromium or chromium-driver is not installed (apt-get install chromium "
                    "chromium-driver, or `make test-deps`): browser tests skipped")
    options = Options()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=ru-RU",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--window-size=%d,%d" % (width, height)):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as error:  # the browser is there but cannot start (no display libraries, …)
        require_tool("Chromium could not be started (%s): browser tests skipped" % str(error).splitlines()[0])
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="session")
def portal_bin():
    binary = portal_binary()
    if binary is None or not binary.exists():
        pytest.fail("portal binary not found: set PORTAL_BIN or run `swift build` "
                    "(expected %s)" % (REPO / ".build" / "debug" / "portal"), pytrace=False)
    return binary


@pytest.fixture(scope="session")
def site_dir(portal_bin, tmp_path_factory):
    """The real site, built into a temporary folder."""
    output = tmp_path_factory.mktemp("site") / "Public"
    result = build_site(portal_bin, REPO, output)
    if result.returncode != 0:
        pytest.fail("portal build failed (exit %d):\n%s%s" % (result.returncode, result.stdout, result.stderr),
                    pytrace=False)
    return output


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def artifacts():
    """Where screenshots and PDFs of the session are kept for people to look at."""
    folder = Path(os.environ.get("BROWSER_ARTIFACTS", REPO / ".build" / "browser-tests"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="portal-browser-"))
    return folder


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def driver_nojs():
    browser = make_driver(javascript=False)
    yield browser
    browser.quit()
