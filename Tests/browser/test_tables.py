"""Markdown tables in a real browser: a table wider than a phone scrolls inside its own box
(the page itself never scrolls sideways at 375 px), the box can be reached and scrolled with
the keyboard, and axe finds nothing serious."""

import shutil

import pytest

from conftest import REPO, build_site, serve
from test_theme import horizontal_overflow, js, open_page, run_axe

WIDE_TABLE = """---
title: Расписание встреч наставников
---

Расписание на 2025-2026 учебный год.

| Наставник | Наставляемый | Понедельник | Вторник | Среда | Четверг | Пятница | Кабинет и примечание |
|:--|:--|:-:|:-:|:-:|:-:|:-:|--:|
| Иванова Анна Петровна | Молодой специалист | 14:00-15:00 | — | 14:00-15:00 | — | 13:00-14:00 | каб. 12, [этапы](stages/index.md) |
| Петров Сергей Иванович | Учащийся 8 класса | — | 15:00-16:00 | — | 15:00-16:00 | — | актовый зал, вход со двора |
"""


@pytest.fixture(scope="module")
def table_site(portal_bin, tmp_path_factory):
    root = tmp_path_factory.mktemp("tables") / "root"
    shutil.copytree(REPO / "Content", root / "Content")
    shutil.copytree(REPO / "Themes", root / "Themes")
    (root / "Content" / "raspisanie.md").write_text(WIDE_TABLE, encoding="utf-8")
    output = root.parent / "Public"
    result = build_site(portal_bin, root, output)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(output)
    yield output, url
    server.shutdown()
    server.server_close()


def test_a_wide_table_scrolls_in_its_box_not_the_page(driver, table_site):
    output, url = table_site
    html = (output / "raspisanie" / "index.html").read_text(encoding="utf-8")
    assert '<div class="table-wrap" tabindex="0" role="region" aria-label="Таблица: Наставник">' in html
    assert '<th scope="col" style="text-align: left">Наставник</th>' in html
    assert '<a href="/stages/">этапы</a>' in html
    open_page(driver, url, "/raspisanie/", width=375)
    assert horizontal_overflow(driver) <= 0, "the page scrolls sideways at 375 px"
    box = js(driver, """
        var box = document.querySelector('.table-wrap');
        return {scroll: box.scrollWidth, client: box.clientWidth, overflow: getComputedStyle(box).overflowX,
                right: box.getBoundingClientRect().right};
    """)
    assert box["overflow"] == "auto"
    assert box["scroll"] > box["client"], "the table is wider than the phone, so its box scrolls"
    assert box["right"] <= 375
    # The box takes focus and scrolls with the arrow keys.
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait
    js(driver, "var box = document.querySelector('.table-wrap'); box.scrollLeft = 0; box.focus();")
    assert js(driver, "return document.activeElement.className") == "table-wrap"
    ActionChains(driver).send_keys(Keys.ARROW_RIGHT * 10).perform()
    # Keyboard scrolling may be smooth: wait for it to move.
    WebDriverWait(driver, 5).until(lambda d: js(d, "return document.querySelector('.table-wrap').scrollLeft") > 0,
                                   "the focused box does not scroll with the arrow keys")
    _, serious = run_axe(driver, {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}})
    assert serious == [], [v["id"] for v in serious]
