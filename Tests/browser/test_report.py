"""The annual report (/report/2025-2026/) printed on A4 by headless Chromium and read back.

Chromium's own --print-to-pdf (no driver), then poppler's pdftotext and pdfinfo: what a
school's administrator gets on paper. Under CI=true a missing tool fails the test.
"""

import os
import shutil
import subprocess

import pytest

from conftest import find_chromium


def need(tool):
    path = shutil.which(tool)
    if path:
        return path
    message = "%s is not installed (apt-get install poppler-utils chromium, or `make test-deps`)" % tool
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def print_to_pdf(url, pdf):
    browser = find_chromium()
    if not browser:
        need("chromium")
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         "--print-to-pdf=%s" % pdf, url],
        capture_output=True, timeout=120, check=True,
    )


def test_the_annual_report_prints_on_a4_with_its_tables(base_url, site_dir, tmp_path):
    pdftotext, pdfinfo = need("pdftotext"), need("pdfinfo")
    assert (site_dir / "report" / "2025-2026" / "index.html").exists()
    pdf = tmp_path / "report.pdf"
    print_to_pdf(base_url + "/report/2025-2026/", pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info, info
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(text.replace("\u00a0", " ").split())
    for expected in ("Отчёт о реализации программы наставничества за 2025/2026 учебный год",
                     "Участники программы по формам и категориям",
                     "Наставнические пары и группы",
                     "Показатели мониторинга в сравнении с прошлым учебным годом",
                     "Удовлетворённость наставляемых участием",
                     "8,7 из 10 8,9 из 10 +0,2",
                     "Программа наставничества стартовала в новом учебном году",
                     "Положение о наставничестве"):
        assert expected in text, "%r not in the printed report: %s" % (expected, text[:3000])
    # The screen's navigation and the download links are not printed.
    for absent in ("Перейти к основному содержанию", "Таблица в формате CSV", "Версия для слабовидящих"):
        assert absent not in text, "%r printed" % absent


def test_the_report_tables_are_csv_files_too(site_dir):
    csv = (site_dir / "report" / "2025-2026" / "indicators.csv").read_bytes().decode("utf-8-sig")
    rows = [line.split(";") for line in csv.splitlines()]
    assert rows[0] == ["Показатель", "2024/2025", "2025/2026", "Изменение"]
    assert ["Удовлетворённость наставляемых участием в программе", "8,7 из 10", "8,9 из 10", "+0,2"] in rows
