"""How to take part: the mentor bank's group counts follow its filter."""

from test_theme import DESKTOP, open_page


def group_counts(driver):
    """Each shown group: (its badge, the mentor cards it shows)."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('.mentor-group')).filter(function (g) { return !g.hidden; })
          .map(function (g) {
            return [g.querySelector('.mentor-group__title').firstChild.textContent.trim(),
                    g.querySelector('.mentor-group__count').textContent.trim(),
                    Array.from(g.querySelectorAll('.mentor-card')).filter(function (c) { return !c.hidden; }).length];
          });
    """)


def test_group_counts_follow_the_filter(driver, base_url):
    from selenium.webdriver.support.ui import Select
    open_page(driver, base_url, "/mentors/", DESKTOP)
    before = {name: int(badge) for name, badge, _ in group_counts(driver)}
    assert before.get("Педагог", 0) > 1, before
    # A subject only some teachers give: the «Педагог» group shows fewer, and says so.
    select = Select(driver.find_element("css selector", "#filter-subject"))
    select.select_by_value("Математика")
    after = group_counts(driver)
    assert after, "someone teaches mathematics"
    for name, badge, shown in after:
        assert int(badge) == shown, "%s: badge %s, %d shown" % (name, badge, shown)
    assert dict((n, int(b)) for n, b, _ in after)["Педагог"] < before["Педагог"]
    driver.find_element("css selector", "#mentor-filters button[type=reset]").click()
    driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 50)")
    assert {name: int(badge) for name, badge, _ in group_counts(driver)} == before
