#!/usr/bin/env python3
"""Screenshots for the Russian guide (docs/ru/): what a school sees.

Usage: PORTAL_BIN=.build/debug/portal python3 Tests/browser/guide_screenshots.py docs/ru/img
(`make guide-screenshots`). Everything is made in a temporary folder:
- new-site.png: the home page of a site just made by `portal init` (a sample school);
- new-site-stages.png: its stages page;
- mentors.png: the mentor bank of the repository's own site (fictional sample mentors);
- preview-error.png: `portal serve` showing a teacher's mistake in mentors.yml in the browser.
Needs Chromium and chromium-driver (`make test-deps`).
"""

import socket
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import conftest  # noqa: E402
import shots  # noqa: E402
from shots import shoot  # noqa: E402

SCHOOL = ["--school", "МБОУ СОШ № 1 г. Михайловска", "--short", "СОШ № 1", "--city", "г. Михайловск"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    target = Path(argv[1])
    binary = shots.portal_or_none()
    if binary is None:
        return 1
    work = Path(tempfile.mkdtemp(prefix="portal-guide-"))
    servers, driver, preview = [], None, None
    try:
        site = work / "site"
        subprocess.run([str(binary), "init", str(site)] + SCHOOL, check=True, capture_output=True)
        subprocess.run([str(binary), "build", "--root", str(site), "--output", str(work / "new")], check=True, capture_output=True)
        subprocess.run([str(binary), "build", "--root", str(conftest.REPO), "--output", str(work / "real")], check=True,
                       capture_output=True)
        new_server, new_url = conftest.serve(work / "new")
        real_server, real_url = conftest.serve(work / "real")
        servers = [new_server, real_server]
        driver = shots.browser_or_none()
        if driver is None:
            return 1
        target.mkdir(parents=True, exist_ok=True)
        shoot(driver, new_url + "/", target / "new-site.png")
        shoot(driver, new_url + "/stages/", target / "new-site-stages.png")
        shoot(driver, real_url + "/mentors/", target / "mentors.png")

        # A teacher's mistake, as the preview shows it.
        port = free_port()
        preview = subprocess.Popen([str(binary), "serve", "--root", str(site), "--port", str(port)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/" % port, timeout=1)
                break
            except Exception:
                time.sleep(0.1)
        mentors = site / "Content" / "data" / "mentors.yml"
        mentors.write_text(mentors.read_text(encoding="utf-8").replace("\n[]\n", "\n") + (
            "- id: familiya-imya\n  name: Фамилия Имя Отчество\n  position: Учитель\n  category: Педагог\n"
            "  forms: [teacher-teacher]\n  subjects: []\n  experience_years: десять\n  competencies: []\n"
            "  about: Текст.\n  consent: true\n"), encoding="utf-8")
        time.sleep(2.5)
        shoot(driver, "http://127.0.0.1:%d/mentors/" % port, target / "preview-error.png", height=600)
        return 0
    finally:
        if preview is not None:
            preview.terminate()
            preview.wait(timeout=30)
        if driver is not None:
            driver.quit()
        for server in servers:
            server.shutdown()
            server.server_close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
