"""The default theme in a real browser (Chromium through selenium).

Builds the repository's site, serves it on 127.0.0.1 and checks, at phone (375 px) and
desktop (1280 px) widths: screenshots, axe-core (no serious or critical violations),
one h1 and the landmarks, no horizontal scrolling, no console errors, no requests to
other hosts; the phone menu, the mentor filters, the version for the visually impaired
(type size, colour schemes, spacing, images off; kept on the next page), the site with
JavaScript off, keyboard use, 200 % zoom and 320 px phones, print.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

PHONE, DESKTOP = 375, 1280
WIDTHS = [PHONE, DESKTOP]


# ---------------------------------------------------------------- helpers

def first_item(site_dir, section, preferred=None):
    """URL of an item page of `section` in the built site (preferred slug if it exists)."""
    if preferred and (site_dir / section / preferred / "index.html").exists():
        return "/%s/%s/" % (section, preferred)
    items = sorted(p.parent.name for p in (site_dir / section).glob("*/index.html"))
    if not items:
        pytest.fail("the built site has no item pages under /%s/" % section, pytrace=False)
    return "/%s/%s/" % (section, items[0])


def key_pages(site_dir):
    return {
        "home": "/",
        "stage": first_item(site_dir, "stages", "organizaciya-raboty"),
        "mentors": "/mentors/",
        "case": first_item(site_dir, "cases", "pervyy-god-v-professii"),
    }


def set_viewport(driver, width, height=None):
    """Exact CSS viewport (a phone width is emulated as a mobile device)."""
    height = height or (812 if width < 600 else 900)
    driver.set_window_size(max(width, 500), height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
    })


def open_page(driver, base_url, path, width=DESKTOP):
    set_viewport(driver, width)
    driver.get_log("browser")  # drop messages of earlier pages
    driver.get(base_url + path)
    driver.execute_script("return document.readyState")
    return driver


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def save_full_page(driver, path, width):
    """A screenshot of the whole page at the current viewport width."""
    height = js(driver, "return Math.ceil(document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": min(height, 12000), "deviceScaleFactor": 1, "mobile": width < 600,
    })
    driver.save_screenshot(str(path))
    set_viewport(driver, width)


def horizontal_overflow(driver):
    return js(driver, """
        var d = document.documentElement;
        return d.scrollWidth - d.clientWidth;
    """)


def run_axe(driver, options=None):
    from selenium_axe_python import Axe
    axe = Axe(driver)
    axe.inject()
    results = axe.run(options=json.dumps(options) if options else None)
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    return axe, serious


def computed(driver, selector, prop):
    return js(driver, """
        var el = document.querySelector(arguments[0]);
        return el ? getComputedStyle(el).getPropertyValue(arguments[1]) : null;
    """, selector, prop)


def px(value):
    return float(str(value).replace("px", ""))


def clear_storage(driver, base_url):
    driver.get(base_url + "/")
    js(driver, "try { localStorage.clear(); } catch (e) {}")


def visible_cards(driver):
    return js(driver, """
        return Array.prototype.filter.call(document.querySelectorAll('#mentor-list .mentor-card'),
            function (c) { return c.offsetParent !== null; }).length;
    """)


# ---------------------------------------------------------------- key pages at two widths

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["home", "stage", "mentors", "case"])
def test_key_page(driver, base_url, site_dir, artifacts, name, width):
    path = key_pages(site_dir)[name]
    clear_storage(driver, base_url)
    open_page(driver, base_url, path, width)
    shots = artifacts / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(shots / ("%s-%d.png" % (name, width))))
    save_full_page(driver, shots / ("%s-%d-full.png" % (name, width)), width)

    assert js(driver, "return document.documentElement.lang") == "ru"
    assert js(driver, "return document.querySelectorAll('h1').length") == 1, "exactly one h1"
    assert js(driver, "return document.title").strip(), "a title"
    for selector in ("header.site-header", "main#main", "footer.site-footer", "nav[aria-label]"):
        assert js(driver, "return document.querySelectorAll(arguments[0]).length", selector) >= 1, selector
    assert js(driver, "return document.querySelectorAll('main').length") == 1
    assert js(driver, "return document.querySelector('form[role=search] input[type=search][name=q]') !== null")

    overflow = horizontal_overflow(driver)
    assert overflow <= 0, "%s at %d px scrolls sideways by %d px" % (path, width, overflow)

    images = js(driver, """
        return Array.prototype.map.call(document.images, function (img) {
            return [img.getAttribute('src'), img.hasAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')];
        });
    """)
    for src, has_alt, w, h in images:
        assert has_alt, "image without alt: %s" % src
        assert w and h, "image without width/height (layout shift): %s" % src

    shift = driver.execute_async_script("""
        var done = arguments[arguments.length - 1], total = 0;
        try {
            new PerformanceObserver(function (list) {
                list.getEntries().forEach(function (e) { if (!e.hadRecentInput) total += e.value; });
            }).observe({type: 'layout-shift', buffered: true});
        } catch (e) { done(0); return; }
        setTimeout(function () { done(total); }, 300);
    """)
    assert shift < 0.05, "layout shift %.3f on %s" % (shift, path)

    hosts = js(driver, """
        return performance.getEntriesByType('resource').map(function (e) { return e.name; })
            .concat([location.href]);
    """)
    foreign = [u for u in hosts if urlparse(u).netloc and urlparse(u).netloc != urlparse(base_url).netloc]
    assert not foreign, "requests to other hosts: %s" % foreign

    axe, serious = run_axe(driver)
    assert not serious, "axe-core on %s at %d px:\n%s" % (path, width, axe.report(serious))

    moving = js(driver, "return (document.getAnimations ? document.getAnimations().length : 0) + document.querySelectorAll('marquee, video[autoplay], audio[autoplay]').length")
    assert moving == 0, "nothing moves on its own"

    errors = console_errors(driver)
    assert not errors, "console errors on %s: %s" % (path, errors)


# ---------------------------------------------------------------- phone menu

def test_phone_menu(driver, base_url, site_dir, artifacts):
    path = key_pages(site_dir)["stage"]
    open_page(driver, base_url, path, PHONE)
    toggle = driver.find_element("css selector", ".nav-toggle")
    first_link = driver.find_element("css selector", "#site-menu a")
    assert toggle.is_displayed(), "the menu button is shown on a phone"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert toggle.get_attribute("aria-controls") == "site-menu"
    assert not first_link.is_displayed(), "the menu starts collapsed on a phone"

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    links = driver.find_elements("css selector", "#site-menu a")
    assert links and all(link.is_displayed() for link in links)
    assert horizontal_overflow(driver) <= 0
    driver.save_screenshot(str(artifacts / "screenshots" / "menu-open-375.png"))
    active = driver.find_elements("css selector", "#site-menu a.is-active")
    assert len(active) == 1 and active[0].get_attribute("href").endswith("/stages/"), \
        "the section of the page is marked in the menu"

    from selenium.webdriver.common.keys import Keys
    links[1].send_keys(Keys.ESCAPE)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not first_link.is_displayed()
    assert js(driver, "return document.activeElement === arguments[0]", toggle), "focus returns to the button"

    toggle.click()
    links[0].click()
    assert urlparse(driver.current_url).path == "/"
    assert js(driver, "return document.querySelector('#site-menu a[aria-current=page]').getAttribute('href')") == "/"

    open_page(driver, base_url, path, DESKTOP)
    assert not driver.find_element("css selector", ".nav-toggle").is_displayed()
    assert all(link.is_displayed() for link in driver.find_elements("css selector", "#site-menu a"))
    assert not console_errors(driver)


# ---------------------------------------------------------------- mentor filters

def card_data(driver):
    return js(driver, """
        return Array.prototype.map.call(document.querySelectorAll('#mentor-list .mentor-card'), function (c) {
            return {forms: c.getAttribute('data-forms'), subjects: c.getAttribute('data-subjects'),
                    category: c.getAttribute('data-category')};
        });
    """)


def card_matches(card, field, value):
    if field == "forms":
        return (" %s " % value) in card["forms"]
    if field == "subjects":
        return ("|%s|" % value) in card["subjects"]
    return card["category"] == value


def test_mentor_filters(driver, base_url):
    from selenium.webdriver.support.ui import Select
    open_page(driver, base_url, "/mentors/", DESKTOP)
    form = driver.find_element("css selector", "#mentor-filters")
    assert form.is_displayed(), "JavaScript adds the filters"
    cards = card_data(driver)
    total = len(cards)
    assert total > 0
    count = driver.find_element("css selector", "#mentor-count")
    assert count.get_attribute("aria-live") == "polite"
    assert str(total) in count.text
    assert visible_cards(driver) == total

    tried = 0
    for select_id, field in (("filter-form", "forms"), ("filter-category", "category"), ("filter-subject", "subjects")):
        select = Select(driver.find_element("css selector", "#" + select_id))
        values = [o.get_attribute("value") for o in select.options if o.get_attribute("value")]
        assert values, "options in #%s" % select_id
        for value in values:
            expected = sum(card_matches(card, field, value) for card in cards)
            if not 0 < expected < total:
                continue
            select.select_by_value(value)
            assert visible_cards(driver) == expected, "#%s=%s shows the matching mentors" % (select_id, value)
            assert ("%d из %d" % (expected, total)) in count.text, count.text
            assert not driver.find_element("css selector", ".filters__empty").is_displayed()
            tried += 1
            break
        driver.find_element("css selector", "#mentor-filters button[type=reset]").click()
        driver.execute_async_script("setTimeout(arguments[arguments.length - 1], 50)")
        assert visible_cards(driver) == total, "reset shows everyone again"
        assert str(total) in count.text
    assert tried >= 2, "at least two filters narrow the list"

    # Two filters together: only mentors matching both stay; none at all is said in words.
    form_select = Select(driver.find_element("css selector", "#filter-form"))
    category_select = Select(driver.find_element("css selector", "#filter-category"))
    combos = [(f, c) for f in [o.get_attribute("value") for o in form_select.options if o.get_attribute("value")]
              for c in [o.get_attribute("value") for o in category_select.options if o.get_attribute("value")]]
    for f, c in combos:
        expected = sum(card_matches(card, "forms", f) and card_matches(card, "category", c) for card in cards)
        if expected == 0:
            form_select.select_by_value(f)
            category_select.select_by_value(c)
            assert visible_cards(driver) == 0
            assert driver.find_element("css selector", ".filters__empty").is_displayed()
            assert "0 из" in count.text
            break

    # A link from the forms page (/mentors/?form=…) preselects the form.
    form_id = next(o.get_attribute("value") for o in form_select.options if o.get_attribute("value"))
    open_page(driver, base_url, "/mentors/?form=" + form_id, DESKTOP)
    selected = Select(driver.find_element("css selector", "#filter-form")).first_selected_option
    assert selected.get_attribute("value") == form_id
    assert visible_cards(driver) == sum(card_matches(card, "forms", form_id) for card in cards)
    assert not console_errors(driver)


# ---------------------------------------------------------------- version for the visually impaired

def test_visually_impaired_version(driver, base_url, site_dir, artifacts):
    clear_storage(driver, base_url)
    open_page(driver, base_url, "/", DESKTOP)
    toggle = driver.find_element("css selector", ".a11y-toggle")
    panel = driver.find_element("css selector", "#a11y-panel")
    assert toggle.is_displayed() and "слабовидящих" in toggle.text
    assert toggle.get_attribute("aria-expanded") == "false" and not panel.is_displayed()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and panel.is_displayed()

    sizes = driver.find_elements("css selector", "[data-a11y=font]")
    assert len(sizes) >= 4, "normal type and at least three larger sizes"
    base = px(computed(driver, "body", "font-size"))
    previous = base
    for button in sizes[1:]:
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        size = px(computed(driver, "body", "font-size"))
        assert size > previous, "each step makes the type larger (%s → %s)" % (previous, size)
        previous = size
        assert horizontal_overflow(driver) <= 0, "no sideways scrolling at %s px type" % size
    assert previous >= base * 1.9, "the largest size is about twice the normal one"
    driver.find_element("css selector", "[data-a11y=font][data-value=larger]").click()
    larger = px(computed(driver, "body", "font-size"))

    schemes = {
        "black-on-white": ("rgb(255, 255, 255)", "rgb(0, 0, 0)"),
        "blue": ("rgb(157, 209, 255)", "rgb(6, 52, 98)"),
        "white-on-black": ("rgb(0, 0, 0)", "rgb(255, 255, 255)"),
    }
    for scheme, (background, text) in schemes.items():
        driver.find_element("css selector", "[data-a11y=scheme][data-value=%s]" % scheme).click()
        assert js(driver, "return document.documentElement.getAttribute('data-scheme')") == scheme
        assert computed(driver, "body", "background-color") == background
        assert computed(driver, "body", "color") == text
        assert computed(driver, ".site-header", "background-color") == background
        driver.save_screenshot(str(artifacts / "screenshots" / ("scheme-%s-1280.png" % scheme)))
    driver.find_element("css selector", "[data-a11y=spacing][data-value=wide]").click()
    assert px(computed(driver, "main p", "letter-spacing")) > 0

    # The next page keeps every choice, with no flash (the attributes are set in <head>).
    path = key_pages(site_dir)["mentors"]
    open_page(driver, base_url, path, DESKTOP)
    assert js(driver, "return document.documentElement.getAttribute('data-font')") == "larger"
    assert js(driver, "return document.documentElement.getAttribute('data-scheme')") == "white-on-black"
    assert px(computed(driver, "body", "font-size")) == larger
    assert computed(driver, "body", "background-color") == "rgb(0, 0, 0)"
    assert px(computed(driver, "main p", "letter-spacing")) > 0
    toggle = driver.find_element("css selector", ".a11y-toggle")
    assert toggle.get_attribute("aria-expanded") == "true", "the panel stays open in the special version"
    pressed = [b.get_attribute("data-value") for b in driver.find_elements("css selector", "[data-a11y][aria-pressed=true]")]
    assert "larger" in pressed and "white-on-black" in pressed and "wide" in pressed
    assert horizontal_overflow(driver) <= 0
    axe, serious = run_axe(driver)
    assert not serious, "axe-core in the white-on-black scheme:\n%s" % axe.report(serious)
    driver.save_screenshot(str(artifacts / "screenshots" / "visually-impaired-mentors-1280.png"))

    # Images off: pictures are hidden, their descriptions shown.
    driver.find_element("css selector", "[data-a11y=images][data-value=off]").click()
    shown = js(driver, "return Array.prototype.filter.call(document.images, function (i) { return i.offsetParent !== null; }).length")
    assert shown == 0
    if js(driver, "return document.querySelectorAll('.img-alt').length"):
        assert driver.find_element("css selector", ".img-alt").is_displayed()

    # Reset: the usual site, stored state cleared.
    driver.find_element("css selector", "[data-a11y-reset]").click()
    for key in ("font", "scheme", "spacing", "images"):
        assert js(driver, "return document.documentElement.hasAttribute('data-' + arguments[0])", key) is False
    assert px(computed(driver, "body", "font-size")) < larger
    open_page(driver, base_url, "/", DESKTOP)
    assert js(driver, "return document.documentElement.hasAttribute('data-scheme')") is False
    assert driver.find_element("css selector", ".a11y-toggle").get_attribute("aria-expanded") == "false"
    assert not console_errors(driver)


# ---------------------------------------------------------------- JavaScript off

@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript(driver_nojs, base_url, width):
    driver = driver_nojs
    open_page(driver, base_url, "/mentors/", width)
    assert js_off(driver)
    links = driver.find_elements("css selector", "#site-menu a")
    assert links and all(link.is_displayed() for link in links), "the whole menu is usable without JavaScript"
    assert not driver.find_element("css selector", ".nav-toggle").is_displayed()
    assert not driver.find_element("css selector", ".a11y-toggle").is_displayed()
    assert not driver.find_element("css selector", "#mentor-filters").is_displayed()
    cards = driver.find_elements("css selector", "#mentor-list .mentor-card")
    assert cards and all(card.is_displayed() for card in cards), "every mentor is listed without JavaScript"
    assert driver.find_element("css selector", "form[role=search] input[name=q]").is_displayed()


def js_off(driver):
    # With scripting disabled the class stays "no-js" (the <head> script did not run).
    return "no-js" in (driver.find_element("css selector", "html").get_attribute("class") or "")


# ---------------------------------------------------------------- keyboard

def test_keyboard(driver, base_url):
    clear_storage(driver, base_url)
    open_page(driver, base_url, "/mentors/", DESKTOP)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    js(driver, "document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    active = driver.switch_to.active_element
    assert "skip-link" in active.get_attribute("class"), "the skip link is the first stop"
    assert active.is_displayed() and js(driver, "return arguments[0].getBoundingClientRect().top >= 0", active)
    assert computed(driver, ".skip-link:focus", "outline-style") not in (None, "none") or \
        computed(driver, ".skip-link", "border-top-style") != "none"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert js(driver, "return document.activeElement.id") == "main"

    # Every interactive element in the header shows where the focus is.
    js(driver, "document.querySelector('#site-menu a').focus()")
    outline = js(driver, "var s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth];")
    assert outline[0] != "none" and px(outline[1]) >= 2, "visible focus on menu links: %s" % outline
    js(driver, "document.querySelector('.a11y-toggle').focus()")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert driver.find_element("css selector", "#a11y-panel").is_displayed()
    assert js(driver, "return document.getElementById('a11y-panel').contains(document.activeElement)"), \
        "opening the panel moves focus into it"
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    assert not driver.find_element("css selector", "#a11y-panel").is_displayed()
    assert js(driver, "return document.activeElement.classList.contains('a11y-toggle')")

    # The filters work from the keyboard: a focused select changes with the arrow keys.
    total = visible_cards(driver)
    js(driver, "document.getElementById('filter-category').focus()")
    ActionChains(driver).send_keys(Keys.ARROW_DOWN).perform()
    if js(driver, "return document.getElementById('filter-category').selectedIndex") == 1:
        assert visible_cards(driver) < total
    clear_storage(driver, base_url)


# ---------------------------------------------------------------- zoom and small phones

def all_pages(site_dir):
    return sorted("/" + str(p.parent.relative_to(site_dir)).replace("\\", "/").strip(".") + "/"
                  for p in site_dir.rglob("index.html")
                  if "assets" not in p.parts)


def normalise(path):
    return re.sub(r"/+", "/", path)


@pytest.mark.parametrize("width", [320, 640])
def test_no_sideways_scrolling(driver, base_url, site_dir, width):
    """320 px phones, and a 1280 px window at 200 % zoom (= 640 CSS px)."""
    clear_storage(driver, base_url)
    problems = []
    for path in map(normalise, all_pages(site_dir)):
        open_page(driver, base_url, path, width)
        errors = console_errors(driver)
        if errors:
            problems.append("%s: console errors %s" % (path, errors))
        overflow = horizontal_overflow(driver)
        if overflow > 0:
            culprit = js(driver, """
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('body *').forEach(function (el) {
                    var r = el.getBoundingClientRect();
                    if (r.right > w + 1 && out.length < 3) out.push(el.tagName + '.' + el.className);
                });
                return out;
            """)
            problems.append("%s: %d px %s" % (path, overflow, culprit))
    assert not problems, "problems at %d px:\n%s" % (width, "\n".join(problems))


def test_large_type_on_phone(driver, base_url, site_dir):
    """The largest type of the special version still fits a phone."""
    clear_storage(driver, base_url)
    js(driver, "localStorage.setItem('portal-a11y', JSON.stringify({font: 'largest', spacing: 'wider'}))")
    problems = []
    for name, path in key_pages(site_dir).items():
        open_page(driver, base_url, path, PHONE)
        overflow = horizontal_overflow(driver)
        if overflow > 0:
            problems.append("%s: %d px" % (path, overflow))
    clear_storage(driver, base_url)
    assert not problems, "sideways scrolling with the largest type: %s" % problems


# ---------------------------------------------------------------- print

@pytest.mark.parametrize("name", ["stage", "case"])
def test_print(driver, base_url, site_dir, artifacts, name):
    import base64
    clear_storage(driver, base_url)
    path = key_pages(site_dir)[name]
    open_page(driver, base_url, path, DESKTOP)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in (".site-nav", ".header-tools", ".breadcrumbs", ".site-footer__nav", ".skip-link"):
            assert computed(driver, selector, "display") in (None, "none"), "%s is not printed" % selector
        assert computed(driver, "h1", "display") != "none"
        assert computed(driver, "body", "background-color") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
        assert computed(driver, ".brand__school", "color") == "rgb(0, 0, 0)"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF")
    (artifacts / "print").mkdir(parents=True, exist_ok=True)
    (artifacts / "print" / ("%s.pdf" % name)).write_bytes(data)


# ---------------------------------------------------------------- monitoring charts

def test_monitoring_charts(driver, base_url):
    open_page(driver, base_url, "/monitoring/", DESKTOP)
    charts = driver.find_elements("css selector", "svg[role=img]")
    assert charts, "inline SVG charts"
    for chart in charts:
        label = js(driver, """
            var ids = (arguments[0].getAttribute('aria-labelledby') || '').split(' ');
            return ids.map(function (id) { var el = document.getElementById(id); return el ? el.textContent : ''; }).join(' ');
        """, chart)
        assert label.strip(), "every chart has a text alternative"
        values = [t.text for t in chart.find_elements("css selector", ".chart__value")]
        table = js(driver, """
            var t = arguments[0].closest('.chart-block').querySelector('table');
            return Array.prototype.map.call(t.querySelectorAll('tbody td.num'), function (td) { return td.textContent.trim(); });
        """, chart)
        assert values == table, "the chart and its table show the same numbers"
    assert not console_errors(driver)


# ---------------------------------------------------------------- no external resources (static check)

class ResourceParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])
        if tag in ("img", "source", "iframe", "audio", "video", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "prefetch", "manifest", "apple-touch-icon", "modulepreload"}:
            self.urls.append(a["href"])


def test_no_external_resources(site_dir):
    """Fonts, scripts, icons and styles all come from the site itself (works with no internet)."""
    offenders, missing = [], []
    for page in site_dir.rglob("*.html"):
        parser = ResourceParser()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.urls:
            if urlparse(url).scheme or url.startswith("//"):
                offenders.append("%s: %s" % (page.relative_to(site_dir), url))
            elif url.startswith("/"):
                local = site_dir / urlparse(url).path.lstrip("/")
                if not (local.is_file() or (local / "index.html").is_file()):
                    missing.append("%s: %s" % (page.relative_to(site_dir), url))
    for sheet in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            if urlparse(url).scheme not in ("", "data") or url.startswith("//"):
                offenders.append("%s: %s" % (sheet.relative_to(site_dir), url))
        assert "@import" not in sheet.read_text(encoding="utf-8")
    assert not offenders, "external resources:\n" + "\n".join(offenders)
    assert not missing, "missing theme files:\n" + "\n".join(sorted(set(missing)))
    assert (site_dir / "assets" / "favicon.svg").exists(), "a favicon in the theme"


# ---------------------------------------------------------------- templates without the programme's data

def test_theme_tolerates_absent_data(portal_bin, tmp_path):
    """A site with no data files at all (and a search page) still builds with this theme."""
    import shutil
    from conftest import REPO, build_site
    root = tmp_path / "root"
    content = root / "Content"
    (content / "news").mkdir(parents=True)
    (content / "mentors").mkdir()
    (content / "section-1").mkdir()
    shutil.copytree(REPO / "Themes", root / "Themes")
    (content / "site.yml").write_text(
        "title: Пробный сайт\nbase_url: https://example.org/\n"
        "menu:\n  - {title: Главная, url: /}\n  - {title: Новости, url: /news/}\n", encoding="utf-8")
    (content / "index.md").write_text("---\ntitle: Пробный сайт\n---\n\nТекст главной.\n", encoding="utf-8")
    (content / "search.md").write_text("---\ntitle: Поиск по сайту\ntemplate: search\n---\n", encoding="utf-8")
    (content / "not-found.md").write_text("---\ntitle: Не найдено\ntemplate: \"404\"\n---\n", encoding="utf-8")
    (content / "news" / "index.md").write_text("---\ntitle: Новости\n---\n", encoding="utf-8")
    (content / "news" / "a.md").write_text("---\ntitle: Первая новость\ndate: 2025-01-02\n---\n\nТекст.\n", encoding="utf-8")
    (content / "mentors" / "index.md").write_text("---\ntitle: Наставники\n---\n", encoding="utf-8")
    (content / "section-1" / "index.md").write_text("---\ntitle: Раздел\n---\n", encoding="utf-8")
    (content / "section-1" / "p.md").write_text(
        "---\ntitle: Страница\n---\n\n## Один\n\n### Полтора\n\n## Два\n\n## Три\n", encoding="utf-8")
    output = tmp_path / "out"
    result = build_site(portal_bin, root, output)
    assert result.returncode == 0, result.stdout + result.stderr
    search = (output / "search" / "index.html").read_text(encoding="utf-8")
    assert '<div id="search-results" aria-live="polite"></div>' in search
    assert '<script src="/assets/js/stemmer-ru.js" defer></script><script src="/assets/js/search.js" defer></script>' in search
    def text(path):  # the typography stage puts no-break spaces between short words
        return path.read_text(encoding="utf-8").replace("\u00a0", " ")

    for page in output.rglob("index.html"):
        html = text(page)
        assert html.count("<h1") == 1, page
        if page.parent.name != "search":
            assert "search.js" not in html, "only the search page loads search.js (%s)" % page
    assert "Страница не найдена" in text(output / "not-found" / "index.html")
    assert "Первая новость" in text(output / "news" / "index.html")
    assert "пока не опубликованы" in text(output / "mentors" / "index.html")
    toc_page = text(output / "section-1" / "p" / "index.html")
    assert 'class="toc"' in toc_page and 'href="#' in toc_page
