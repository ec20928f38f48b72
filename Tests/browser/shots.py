"""What the two screenshot scripts (screenshots.py for the README, guide_screenshots.py for the
Russian guide) share: finding portal and the browser, and taking one picture of a page."""

import sys
import time

import conftest


def portal_or_none():
    """The portal binary, or None with the reason printed."""
    binary = conftest.portal_binary()
    if binary is None or not binary.exists():
        print("portal binary not found: set PORTAL_BIN or run `swift build`", file=sys.stderr)
        return None
    return binary


def browser_or_none():
    """A headless Chromium driver, or None with the reason printed."""
    import pytest  # make_driver reports a missing browser through pytest.skip
    try:
        return conftest.make_driver()
    except pytest.skip.Exception as reason:
        print(str(reason), file=sys.stderr)
        return None


def shoot(driver, url, path, width=1280, height=900, ratio=1, mobile=False):
    """Saves `url` as a PNG at `path`, `width` × `height` CSS pixels at `ratio`, with the
    visually-impaired settings cleared (a fresh visitor's view)."""
    driver.set_window_size(max(width, 500), height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": ratio, "mobile": mobile,
    })
    driver.get(url)
    driver.execute_script("try { localStorage.clear(); } catch (e) {}")
    driver.get(url)
    time.sleep(0.4)
    driver.save_screenshot(str(path))
    print("wrote %s (%dx%d CSS px)" % (path, width, height))
