#!/usr/bin/env python3
"""Screenshots of the real built site for the README.

Usage: PORTAL_BIN=.build/debug/portal python3 Tests/browser/screenshots.py docs/screenshots

Builds the repository's site into a temporary folder, serves it on 127.0.0.1 and saves
desktop.png (1280 px wide) and phone.png (375 px wide, at twice the pixel density) of
the home page. Needs Chromium and chromium-driver (`make test-deps`).
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conftest  # noqa: E402  (the build, serve and browser helpers of the tests)
import shots  # noqa: E402

SHOTS = [
    # file, CSS width, CSS height, pixel ratio, mobile
    ("desktop.png", 1280, 900, 1, False),
    ("phone.png", 375, 812, 2, True),
]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    target = Path(argv[1])
    binary = shots.portal_or_none()
    if binary is None:
        return 1
    if not conftest.find_chromium() or not conftest.find_chromedriver():
        print("Chromium or chromium-driver is not installed (make test-deps)", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="portal-screenshots-"))
    server = driver = None
    try:
        output = work / "Public"
        result = conftest.build_site(binary, conftest.REPO, output)
        if result.returncode != 0:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        server, base_url = conftest.serve(output)

        driver = shots.browser_or_none()
        if driver is None:
            return 1
        target.mkdir(parents=True, exist_ok=True)
        for name, width, height, ratio, mobile in SHOTS:
            shots.shoot(driver, base_url + "/", target / name, width, height, ratio, mobile)
        return 0
    finally:
        if driver is not None:
            driver.quit()
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
