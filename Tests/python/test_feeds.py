"""sitemap.xml, robots.txt, the news Atom feed and the search index of the real site.

Builds the repository's site with the portal binary ($PORTAL_BIN, else
<repo>/.build/debug/portal) into a temporary folder, then:
- validates sitemap.xml against the sitemaps.org 0.9 schema with xmllint
  (Tests/Fixtures/schemas/sitemap.xsd, so no network is needed);
- checks robots.txt points to the sitemap;
- parses news/atom.xml with feedparser (bozo 0, Atom 1.0, entries with titles and links);
- checks search-index.json: under 200 KB, and no trace of the mentors who did not consent.

Run: python3 -m pytest -q Tests/python   (pip install pytest feedparser; apt-get install libxml2-utils)
"""

import gzip
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "Tests" / "Fixtures" / "schemas" / "sitemap.xsd"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Mentors with consent: false (Tests/Fixtures/withheld-mentors/): nothing about them may be published.
NON_CONSENTING = ["sokolova-irina", "zaitsev-oleg", "Соколова", "Зайцев",
                  "Ирина Владимировна", "Олег Викторович", "Врач-терапевт"]


def require_tool(reason):
    """A test tool is missing: a skip on a developer's machine, a failure under CI=true."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail("%s (CI=true: a missing test tool is a failure)" % reason, pytrace=False)
    pytest.skip(reason)


def portal_binary():
    explicit = os.environ.get("PORTAL_BIN")
    return Path(explicit) if explicit else REPO / ".build" / "debug" / "portal"


def site_base_url():
    """base_url from Content/site.yml (a plain `base_url: …` line)."""
    text = (REPO / "Content" / "site.yml").read_text(encoding="utf-8")
    match = re.search(r"^base_url:\s*[\"']?([^\"'\s#]+)", text, re.MULTILINE)
    assert match, "Content/site.yml has no base_url"
    return match.group(1)


@pytest.fixture(scope="module")
def feeds_site(tmp_path_factory):
    """The real site built into a temporary folder (Path of the output)."""
    binary = portal_binary()
    if not binary.exists():
        pytest.fail("portal binary not found at %s: run `swift build` or set PORTAL_BIN" % binary, pytrace=False)
    # The real site with the sample mentors who did not consent appended to its data (they are
    # kept in Tests/Fixtures/withheld-mentors/ so that the shipped content builds with --strict).
    top = tmp_path_factory.mktemp("feeds-site")
    root = top / "site"
    for folder in ("Content", "Themes"):
        shutil.copytree(REPO / folder, root / folder)
    for name in ("mentors.yml", "pairs.yml"):
        extra = (REPO / "Tests" / "Fixtures" / "withheld-mentors" / name).read_text(encoding="utf-8")
        target = root / "Content" / "data" / name
        target.write_text(target.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    output = top / "Public"
    result = subprocess.run([str(binary), "build", "--root", str(root), "--output", str(output), "--quiet"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, "portal build failed:\n%s%s" % (result.stdout, result.stderr)
    return output


def need(site, relative):
    """The built file: the build writes every one of them."""
    path = site / relative
    assert path.exists(), "the build did not write %s" % relative
    return path


def need_xmllint():
    path = shutil.which("xmllint")
    if not path:
        require_tool("xmllint is not installed (apt-get install libxml2-utils)")
    return path


def page_exists(site, url, base):
    """Whether an absolute URL of the site names a file of the build."""
    assert url.startswith(base), "%s is not under %s" % (url, base)
    path = urlparse(url).path
    relative = path.lstrip("/")
    target = site / relative
    return (target / "index.html").exists() if path.endswith("/") else target.exists()


# ---------------------------------------------------------------- sitemap and robots

def test_sitemap_validates_against_schema(feeds_site):
    sitemap = need(feeds_site, "sitemap.xml")
    xmllint = need_xmllint()
    result = subprocess.run([xmllint, "--noout", "--schema", str(SCHEMA), str(sitemap)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_sitemap_lists_published_pages_only(feeds_site):
    import xml.etree.ElementTree as ET

    sitemap = need(feeds_site, "sitemap.xml")
    base = site_base_url()
    root = ET.parse(sitemap).getroot()
    assert root.tag == SITEMAP_NS + "urlset"
    locs = []
    for url in root.findall(SITEMAP_NS + "url"):
        loc = url.findtext(SITEMAP_NS + "loc")
        locs.append(loc)
        assert page_exists(feeds_site, loc, base), "sitemap names %s, which the build did not write" % loc
        page = feeds_site / urlparse(loc).path.lstrip("/") / "index.html"
        if page.exists():
            assert not re.search(r'<meta name="robots" content="[^"]*noindex', page.read_text(encoding="utf-8")), \
                "sitemap lists %s, which asks not to be indexed (noindex)" % loc
        lastmod = url.findtext(SITEMAP_NS + "lastmod")
        if lastmod is not None:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2}))?", lastmod), lastmod
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    for path in ["", "mentors/", "news/", "stages/"]:
        assert base + path in locs, "%s%s is missing from the sitemap" % (base, path)
    dated = [url for url in root.findall(SITEMAP_NS + "url") if url.find(SITEMAP_NS + "lastmod") is not None]
    assert dated, "no page of the sitemap has a lastmod (news pages have dates)"
    text = sitemap.read_text(encoding="utf-8")
    for word in NON_CONSENTING:
        assert word not in text


def test_robots_points_to_sitemap(feeds_site):
    robots = need(feeds_site, "robots.txt").read_text(encoding="utf-8")
    lines = [line.strip() for line in robots.splitlines()]
    assert "User-agent: *" in lines
    assert "Sitemap: %ssitemap.xml" % site_base_url() in lines


# ---------------------------------------------------------------- Atom

def news_pages():
    """Dated, published news files of Content/news (not the section page)."""
    pages = []
    for path in sorted((REPO / "Content" / "news").glob("*.md")):
        if path.name == "index.md":
            continue
        front = path.read_text(encoding="utf-8").split("---")[1]
        if re.search(r"^date:", front, re.MULTILINE) and not re.search(r"^draft:\s*true", front, re.MULTILINE):
            pages.append(path)
    return pages


def test_atom_feed_parses(feeds_site):
    feed_path = need(feeds_site, "news/atom.xml")
    try:
        import feedparser
    except ImportError:
        require_tool("feedparser is not installed (pip install feedparser)")
    feed = feedparser.parse(feed_path.read_bytes())
    assert feed.bozo == 0, "feedparser: %r" % feed.get("bozo_exception")
    assert feed.version == "atom10"
    base = site_base_url()
    assert feed.feed.get("title")
    assert feed.feed.get("id")
    assert feed.feed.get("updated")
    links = {link.get("rel"): link.get("href") for link in feed.feed.get("links", [])}
    assert links.get("self") == base + "news/atom.xml"
    assert len(feed.entries) == len(news_pages())
    assert feed.entries, "the feed has no entries"
    for entry in feed.entries:
        assert entry.get("title"), entry
        assert entry.get("id"), entry
        assert entry.get("updated"), entry
        assert entry.get("link", "").startswith(base), entry.get("link")
        assert page_exists(feeds_site, entry.link, base), "feed links to %s, which was not built" % entry.link
    published = [entry.get("published_parsed") for entry in feed.entries]
    if all(published):
        assert published == sorted(published, reverse=True), "entries are not newest first"


def test_atom_feed_is_well_formed_xml(feeds_site):
    feed_path = need(feeds_site, "news/atom.xml")
    xmllint = need_xmllint()
    result = subprocess.run([xmllint, "--noout", str(feed_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    text = feed_path.read_text(encoding="utf-8")
    assert 'xmlns="http://www.w3.org/2005/Atom"' in text
    for word in NON_CONSENTING:
        assert word not in text


# ---------------------------------------------------------------- search index

def test_search_index_is_small_and_private(feeds_site):
    path = need(feeds_site, "search-index.json")
    data = path.read_bytes()
    assert len(data) < 200 * 1024, "search-index.json is %d bytes" % len(data)
    assert len(gzip.compress(data, 9)) < 80 * 1024
    text = data.decode("utf-8")
    for word in NON_CONSENTING:
        assert word not in text, "search-index.json mentions %s, who did not consent" % word
    index = json.loads(text)
    assert index.get("v") == 2
    assert len(index["terms"]) == len(index["vocab"]) and "shards" not in index  # one file: all inline
    urls = [doc["u"] for doc in index["docs"]]
    assert "/mentors/" in urls
    assert "/search/" not in urls, "the search page itself should not be indexed"
    for url in urls:
        assert (feeds_site / url.lstrip("/") / "index.html").exists(), "index names %s, which was not built" % url
    assert "наставник" in index["vocab"]
    assert not any(word in index["vocab"] for word in ["соколов", "зайцев"])
