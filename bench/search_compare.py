#!/usr/bin/env python3
"""Portal's search beside Pagefind's on the same built site, in a real browser.

    python3 bench/search_compare.py BUILT_SITE [--pagefind PYTHON] [--queries FILE]

BUILT_SITE is the output of `portal build` (it is copied to a temporary folder, never changed).
PYTHON is a Python with Pagefind installed (`python3 -m venv /tmp/pf && /tmp/pf/bin/pip install
'pagefind[bin]'`; Pagefind is not a dependency of portal): it indexes the copy with
`--root-selector main` (what portal indexes too) and `--exclude-selectors [data-search-skip]`.
Without --pagefind only portal is measured.

For each query (a line `query<TAB>expected URL path` of FILE, or the built-in list for the
sample site; `|` between several acceptable pages), a fresh browser with the cache off
runs the query and shows 20 results:
portal's /search/ page, and Pagefind's JavaScript API (search, then `data()` of the first 20).
It prints the bytes the server sent for the query (portal's index files, also gzipped as a web
server would send them; Pagefind's files, which it compresses itself, and its JavaScript and
WebAssembly apart), the number found and the first result, marked ✓ when it is
the expected page. Needs selenium, Chromium and chromedriver (as the browser tests).
"""

import argparse
import functools
import gzip
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote, urlparse

QUERIES = [  # query, the page(s) a visitor wants first (| between several)
    ("наставник", "/mentors/"),
    ("наставнек", "/mentors/"),
    ("банк наставников", "/mentors/|/stages/bank-nastavnikov/"),
    ("дорожная карта", "/documents/"),
    ("этап 3", "/stages/bank-nastavnikov/"),
    ("положение о наставничестве", "/documents/"),
    ("анкета наставляемого", "/forms/"),
    ("мониторинг", "/monitoring/"),
    ("кейсы", "/cases/"),
    ("монитор", "/monitoring/"),
    ("иванова", "/mentors/ivanova-anna/"),
    ("приказ 45", "/documents/"),
]

PF_PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>pf</title></head><body>
<script type="module">
window.runPF = async function (q) {
  const pf = await import('/pagefind/pagefind.js');
  const r = await pf.search(q);
  const top = await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
  return { count: r.results.length, urls: top.map((d) => d.url), titles: top.map((d) => d.meta.title) };
};
window.pfReady = true;
</script></body></html>"""


SERVED = []  # (path, bytes) of every file the server sent: what a query cost, workers included


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        SERVED.append((self.path.split("?")[0], len(data)))


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d" % server.server_address[1]


def driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    browser = shutil.which("chromium") or shutil.which("google-chrome")
    if browser:
        options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(arg)
    service = Service(shutil.which("chromedriver")) if shutil.which("chromedriver") else None
    d = webdriver.Chrome(options=options, service=service) if service else webdriver.Chrome(options=options)
    d.execute_cdp_cmd("Network.enable", {})
    d.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    d.set_script_timeout(120)
    return d


def resources(d):
    return d.execute_script("return performance.getEntriesByType('resource').map(function (e) {"
                            " return [e.name, Math.max(e.transferSize, e.encodedBodySize)]; });")


def portal_query(d, base, site, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    d.get("about:blank")
    del SERVED[:]
    d.get("%s/search/?q=%s" % (base, quote(query)))
    WebDriverWait(d, 120).until(lambda x: x.find_elements(By.CSS_SELECTOR, "#search-results li a")
                                or "ничего не найдено" in x.find_element(By.ID, "search-status").text)
    links = [urlparse(a.get_attribute("href")).path for a in d.find_elements(By.CSS_SELECTOR, "#search-results li h2 a")]
    status = d.find_element(By.ID, "search-status").text
    files = [path for path, _ in SERVED if path.endswith(".json")]
    raw = sum((site / f.lstrip("/")).stat().st_size for f in files)
    gz = sum(len(gzip.compress((site / f.lstrip("/")).read_bytes(), 6)) for f in files)
    count = next((int(w) for w in status.split() if w.isdigit()), 0) if links else 0
    return {"raw": raw, "gzip": gz, "requests": len(files), "count": count, "first": links[0] if links else ""}


def pagefind_query(d, base, query):
    d.get("about:blank")
    d.get(base + "/pf-compare.html")
    del SERVED[:]
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(d, 60).until(lambda x: x.execute_script("return window.pfReady === true"))
    result = d.execute_async_script("var done = arguments[arguments.length - 1]; window.runPF(arguments[0]).then(done,"
                                    " function (e) { done({error: String(e)}); });", query)
    if "error" in result:
        raise RuntimeError(result["error"])
    entries = [(p, s) for p, s in SERVED if "/pagefind/" in p]
    runtime = sum(s for p, s in entries if p.endswith(".js") or "wasm" in p)
    data = sum(s for p, s in entries) - runtime
    first = urlparse(result["urls"][0]).path if result["urls"] else ""
    return {"data": data, "runtime": runtime, "requests": len(entries), "count": result["count"], "first": first}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site")
    parser.add_argument("--pagefind", help="a Python with pagefind[bin] installed")
    parser.add_argument("--queries", help="a file of lines: query<TAB>expected path")
    args = parser.parse_args()
    queries = QUERIES
    if args.queries:
        queries = [tuple(line.rstrip("\n").split("\t", 1)) for line in open(args.queries, encoding="utf-8") if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="portal-search-compare-"))
    try:
        site = work / "site"
        shutil.copytree(args.site, site)
        if args.pagefind:
            subprocess.run([args.pagefind, "-m", "pagefind", "--site", str(site), "--root-selector", "main",
                            "--exclude-selectors", "[data-search-skip]", "--silent"], check=True)
            (site / "pf-compare.html").write_text(PF_PAGE, encoding="utf-8")
        portal_bytes = sum(p.stat().st_size for p in [site / "search-index.json"] + list((site / "search").glob("*.json")))
        print("portal index: %d bytes in %d files" % (portal_bytes, 1 + len(list((site / "search").glob("*.json")))))
        if args.pagefind:
            pf = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
            print("pagefind index: %d bytes in %d files (JavaScript and WebAssembly included)"
                  % (sum(p.stat().st_size for p in pf), len(pf)))
        server, base = serve(site)
        try:
            print("| query | expected | portal: first result | found | bytes (gzip) | requests |"
                  + (" Pagefind: first result | found | index bytes + runtime | requests |" if args.pagefind else ""))
            for query, expected in queries:
                d = driver()  # a fresh browser for each query and tool: nothing cached
                p = portal_query(d, base, site, query)
                d.quit()
                row = "| %s | %s | %s %s | %d | %d (%d) | %d |" % (
                    query, expected, p["first"] or "—", "✓" if p["first"] in expected.split("|") else "✗", p["count"],
                    p["raw"], p["gzip"], p["requests"])
                if args.pagefind:
                    d = driver()
                    f = pagefind_query(d, base, query)
                    d.quit()
                    row += " %s %s | %d | %d + %d | %d |" % (f["first"] or "—", "✓" if f["first"] in expected.split("|") else "✗",
                                                             f["count"], f["data"], f["runtime"], f["requests"])
                print(row)
                sys.stdout.flush()
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
