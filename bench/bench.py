"""Benchmark of the built site: build time, bytes on the wire, offline cache
size and Lighthouse scores, side by side with a baseline: a plain Material for
MkDocs site (the same pinned versions, Dutch search, two pages of the
routekaart's text) that the benchmark makes and builds in a temporary folder
and serves the same way. Run with `make bench`; prints Markdown tables.

`--no-lighthouse` skips Lighthouse (its scores show as 0); `--runs N` sets how
many times Lighthouse measures each page (default 5). Lighthouse's performance
score moves by several points between runs on a busy machine, so the table
shows the median run, as Lighthouse's own documentation on variability
advises, with the lowest and highest score beside it; the other categories
show the lowest score of all runs. Not a test: it measures and compares with
the targets, and exits non-zero only when it cannot measure. The site is served by a real nginx with gzip on
(as a host would) with the site's own security headers (the baseline has
none), and nginx's access log counts the bytes it sends. The same pages are
measured a second time as the Dockerfile serves them: built by the editions
command (`python -m macros.editions`, with precompressed files) and served
with the production configuration (macros/afterbuild/nginx/routekaart.conf). That
command also builds EXTRA_EDITIONS regional editions, to time each extra one.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support.browser import CHROMIUM_FLAGS, full_chromium_path  # noqa: E402
from support.nginx_server import Nginx  # noqa: E402
from support.project import build  # noqa: E402
from support.variants import FIXTURES  # noqa: E402

from macros.sitefiles import HOST_FILES, NGINX_FILE  # noqa: E402
from macros.content import load_content  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
BUILD_RUNS = 3
LIGHTHOUSE_RUNS = 5

# Measured pages: (label, path). The second-page visit comes after the start
# page (or, for the start page, after the first step).
PAGES = [
    ("start page", "index.html"),
    ("step page", "stappen/bericht-duiden.html"),
    ("phenomenon page", "fenomenen/fraude.html"),
    ("afsprakenkaart", "afsprakenkaart.html"),
]
# The baseline's two pages: the route's introduction and its first step.
BASELINE_PAGES = [
    ("baseline: start page", "index.html"),
    ("baseline: step page", "stap/"),
]
# The same pages as the Dockerfile serves them (production nginx configuration).
PRODUCTION = "production: "
PRODUCTION_PAGES = [(PRODUCTION + label, path) for label, path in PAGES]
EXTRA_EDITIONS = ("noord", "oost", "zuid")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
FIRST_VISIT_TARGET = 100 * 1024  # and less than the baseline's step page
TBT_TARGET = 50  # ms, median run
BUILD_TARGET = 5.0
BASELINE_CONFIG = """\
site_name: Routekaart online jeugdcriminaliteit
theme:
  name: material
  language: nl
plugins:
  - search:
      lang: nl
nav:
  - index.md
  - stap.md
"""


def build_times(dest: Path) -> list[float]:
    times = []
    for _ in range(BUILD_RUNS):
        start = time.perf_counter()
        result = build(ROOT, dest)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"build failed:\n{result.stderr}")
    return times


def editions_build(tmp: Path) -> tuple[Path, float, list[float]]:
    """The national edition and EXTRA_EDITIONS regional ones (the test
    fixture's regio.yml under other names), by the one command; returns the
    folder, the national build's seconds and each extra edition's."""
    folder = tmp / "edities"
    folder.mkdir()
    for name in EXTRA_EDITIONS:
        text = (FIXTURES / "regio.yml").read_text(encoding="utf-8")
        text = text.replace("naam: Regio Westerkwartier", f"naam: Gemeente {name.capitalize()}")
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    for logo in FIXTURES.glob("logo-*.svg"):
        (folder / logo.name).write_bytes(logo.read_bytes())
    out = tmp / "editions"
    result = subprocess.run([sys.executable, "-m", "macros.editions", str(out), "--edities", str(folder)],
                            cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"editions build failed:\n{result.stderr}")
    seconds = dict(re.findall(r"^(\S+): ([0-9.]+) s -> ", result.stdout, re.M))
    return out, float(seconds.pop("landelijk")), [float(v) for v in seconds.values()]


def plain_text(text: str) -> str:
    """Content text as Markdown: links to other pages ([label](stap:id)) keep their label."""
    return re.sub(r"\[([^\]]+)\]\([a-z]+:[^)]*\)", r"\1", text)


def build_baseline(dest: Path) -> Path:
    """A plain Material site with Dutch search and two pages of the
    routekaart's text, built with the same pinned versions; returns its site folder."""
    routekaart = load_content(ROOT / "content").routekaart
    step = routekaart.stappen[0]
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    start = [f"# {routekaart.titel}", plain_text(routekaart.intro), f"## {routekaart.basis_op_orde.titel}",
             plain_text(routekaart.basis_op_orde.tekst), "## De route"]
    start += [f"{s.nummer}. **{s.titel}**: {plain_text(s.samenvatting)}" for s in routekaart.stappen]
    (docs / "index.md").write_text("\n\n".join(start) + "\n", encoding="utf-8")
    page = [f"# {step.label}", plain_text(step.samenvatting), *map(plain_text, step.uitleg), "## Vragen"]
    for question in step.vragen:
        page.append(f"- **{plain_text(question.vraag)}**" + (f" {plain_text(question.toelichting)}"
                                                          if question.toelichting else ""))
    (docs / "stap.md").write_text("\n\n".join(page) + "\n", encoding="utf-8")
    site = dest / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=dest, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"baseline build failed:\n{result.stderr}")
    (site / NGINX_FILE).write_text("# The baseline sends no security headers of its own.\n", encoding="utf-8")
    return site


class WireLog:
    """Bytes nginx sent since the last call, from its access log."""

    def __init__(self, path: Path):
        self.path = path
        self.offset = 0

    def take(self) -> tuple[int, list[str]]:
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        lines = text[self.offset:].splitlines()
        self.offset = len(text)
        return sum(int(line.split()[0]) for line in lines), lines


def settle(page) -> None:
    page.wait_for_load_state("networkidle")
    time.sleep(0.5)  # late requests, such as the search index


def offline_ready(page) -> None:
    """Wait until the service worker holds the offline copy (it registers
    once the page is idle, and is active once the copy is stored)."""
    page.evaluate("navigator.serviceWorker.ready")
    settle(page)


def transfer_sizes(url: str, log: WireLog, pages: list[tuple[str, str]],
                   full: bool = True) -> dict[str, dict[str, int]]:
    """Per page, bytes nginx sent: on a first visit (without the service
    worker, so the page alone) and its requests; with `full`, also the same
    visit plus the offline copy the service worker fetches once the page is
    idle, and the page as the second one visited."""
    from playwright.sync_api import sync_playwright

    sizes = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=full_chromium_path(), args=CHROMIUM_FLAGS)

        def visit(path: str, before: str | None = None, service_workers: str = "block"):
            context = browser.new_context(viewport={"width": 390, "height": 844},
                                          service_workers=service_workers)
            page = context.new_page()
            if before:
                page.goto(url + before)
                settle(page)
            log.take()
            page.goto(url + path)
            settle(page)
            if service_workers == "allow":
                time.sleep(1)  # registration waits for the load event
                offline_ready(page)
            sent, lines = log.take()
            context.close()
            return sent, len(lines)

        for label, path in pages:
            first, requests = visit(path)
            sizes[label] = {"first": first, "requests": requests}
            if full:
                with_offline, _ = visit(path, service_workers="allow")
                second, _ = visit(path, before=pages[1][1] if path == pages[0][1] else pages[0][1])
                sizes[label] |= {"with_offline": with_offline, "second": second}
        browser.close()
    return sizes


def offline_cache_size(site: Path) -> tuple[int, int, int]:
    """(bytes the service worker caches, files, bytes of the whole site).

    The service worker's list is every quoted path in sw.js that names a file
    of the site; without sw.js the cache is 0.
    """
    files = [f for f in site.rglob("*") if f.is_file() and f.name not in HOST_FILES]
    total = sum(f.stat().st_size for f in files)
    sw = site / "sw.js"
    if not sw.exists():
        return 0, 0, total
    listed = set()
    for name in re.findall(r"""["']([^"'\s]+)["']""", sw.read_text(encoding="utf-8")):
        path = (site / name.lstrip("./")).resolve()
        if path.is_file() and site.resolve() in path.parents:
            listed.add(path)
    return sum(p.stat().st_size for p in listed), len(listed), total


def lighthouse(url: str, out: Path) -> dict[str, int]:
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    env = {**os.environ, "CHROME_PATH": full_chromium_path()}
    # Lighthouse now and then loses the trace of a load ("Please run
    # Lighthouse again", e.g. NO_NAVSTART); that run is repeated, up to twice.
    for _attempt in range(3):
        result = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"],
            env=env, capture_output=True, text=True, timeout=300)
        if result.returncode == 0 or "run Lighthouse again" not in result.stderr:
            break
        print(f"  (Lighthouse asked to be run again on {url}; running it again)", file=sys.stderr)
    if result.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    failing = [f"{a['id']} ({a['score']})" for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 0.9
               and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
    return {**scores, "failing": failing}


def lighthouse_runs(urls: dict[str, str], out: Path, runs: int) -> dict[str, dict]:
    """Scores per label over several runs: performance of the median run (with
    the range), total blocking time's median, the other categories at their
    lowest, and the median run's failing audits. The runs take turns over the
    pages (this site's and the baseline's), so a busy moment of the machine
    does not fall on one of them only."""
    results = {label: [] for label in urls}
    for run in range(runs):
        for i, (label, url) in enumerate(urls.items()):
            results[label].append(lighthouse(url, out / f"lh-{i}-{run}.json"))
    scores = {}
    for label, found in results.items():
        found.sort(key=lambda r: r["performance"])
        median = found[len(found) // 2]
        page = {c: min(r[c] for r in found) for c in CATEGORIES}
        page["performance"] = median["performance"]
        page["tbt"] = statistics.median(r["tbt"] for r in found)
        scores[label] = {**page, "range": (found[0]["performance"], found[-1]["performance"]),
                         "failing": median["failing"]}
    return scores


def option(name: str, default: int) -> int:
    args = sys.argv[1:]
    if name not in args:
        return default
    try:
        value = int(args[args.index(name) + 1])
    except (IndexError, ValueError):
        sys.exit(f"{name} needs a whole number, such as '{name} {default}'")
    if value < 1:
        sys.exit(f"{name} needs a number of at least 1, not {value}")
    return value


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def mark(ok: bool) -> str:
    return "" if ok else " ✗"


def ratio(value: float, reference: float) -> str:
    return f"×{value / reference:.2f}" if reference else "–"


def main() -> None:
    with_lighthouse = "--no-lighthouse" not in sys.argv[1:]
    runs = option("--runs", LIGHTHOUSE_RUNS)
    if with_lighthouse and not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: run 'make bench', which installs it with npm ci")
    with tempfile.TemporaryDirectory(prefix="rk-bench-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        times = build_times(site)
        build_median = statistics.median(times)
        baseline = build_baseline(tmp / "baseline")
        editions, national_seconds, extra_seconds = editions_build(tmp)

        server = Nginx(site, tmp / "nginx", log_requests=True).start()
        plain = Nginx(baseline, tmp / "nginx-baseline", log_requests=True).start()
        production = Nginx(editions, tmp / "nginx-production", log_requests=True, production=True).start()
        try:
            sizes = transfer_sizes(server.url, WireLog(server.access_log), PAGES)
            sizes |= transfer_sizes(production.url, WireLog(production.access_log), PRODUCTION_PAGES)
            sizes |= transfer_sizes(plain.url, WireLog(plain.access_log), BASELINE_PAGES, full=False)
            urls = {label: server.url + path for label, path in PAGES}
            urls |= {label: production.url + path for label, path in PRODUCTION_PAGES}
            urls |= {label: plain.url + path for label, path in BASELINE_PAGES}
            scores = lighthouse_runs(urls, tmp, runs) if with_lighthouse else {
                label: {**{c: 0 for c in CATEGORIES}, "tbt": 0, "range": (0, 0), "failing": []}
                for label in urls}
        finally:
            server.stop()
            plain.stop()
            production.stop()
        cache, cache_files, site_bytes = offline_cache_size(site)

    print(f"\nLoad average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"Full build (`mkdocs build --strict`), median of {BUILD_RUNS}: "
          f"{build_median:.2f} s{mark(build_median < BUILD_TARGET)} "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}; target < {BUILD_TARGET:.0f} s)")
    extra = statistics.median(extra_seconds)
    print(f"Editions in one build (`python -m macros.editions`): the national edition {national_seconds:.2f} s, "
          f"each of {len(extra_seconds)} extra editions {extra:.2f} s (median; "
          f"{', '.join(f'{t:.2f}' for t in extra_seconds)}), {ratio(extra, build_median)} of a full separate build")
    print(f"Offline cache (files the service worker stores): {kb(cache)} in {cache_files} files; "
          f"whole site {kb(site_bytes)}\n")
    reference = scores[BASELINE_PAGES[1][0]] | sizes[BASELINE_PAGES[1][0]]
    print("| page | first visit | vs baseline | requests | + offline copy | as second page "
          "| performance | vs baseline | TBT | accessibility | best practices | SEO |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for label, path in PAGES + PRODUCTION_PAGES + BASELINE_PAGES:
        size, s = sizes[label], scores[label]
        ours = (label, path) not in BASELINE_PAGES
        first_ok = not ours or size["first"] < min(FIRST_VISIT_TARGET, reference["first"])
        performance = f"{s['performance']}{mark(not ours or s['performance'] >= TARGETS['performance'])}"
        if runs > 1 and with_lighthouse:
            performance += " ({}–{})".format(*s["range"])
        tbt = f"{s['tbt']:.0f} ms{mark(not ours or s['tbt'] < TBT_TARGET)}"
        others = [f"{s[c]}{mark(not ours or s[c] >= TARGETS[c])}" for c in CATEGORIES[1:]]
        print(f"| {label} (`{path}`) | {kb(size['first'])}{mark(first_ok)} "
              f"| {ratio(size['first'], reference['first'])} | {size['requests']} "
              f"| {kb(size['with_offline']) if ours else '–'} | {kb(size['second']) if ours else '–'} "
              f"| {performance} | {ratio(s['performance'], reference['performance'])} | {tbt} | "
              + " | ".join(others) + " |")
    print(f"\nBytes are what nginx sent (gzip on, headers included), in Chromium at 390 px; "
          "'+ offline copy' adds what the service worker fetches once the page is idle. "
          "The baseline is a plain Material for MkDocs site (same versions, Dutch search, two pages "
          "of the routekaart's text) served the same way without security headers; 'vs baseline' "
          "compares with its step page. 'production:' rows: the same pages as the Dockerfile serves "
          "them (macros/afterbuild/nginx/routekaart.conf, precompressed files, caching headers). "
          f"Lighthouse {lighthouse_version() if with_lighthouse else '(not run)'}, mobile preset, "
          f"{runs} runs per page, taking turns: performance of the median run (lowest–highest), "
          "TBT (total blocking time) the median, other categories their lowest. "
          f"Targets: first visit < {FIRST_VISIT_TARGET // 1024} KB and less than the baseline's step "
          f"page, performance {TARGETS['performance']}, TBT < {TBT_TARGET} ms, the rest 100; "
          "✗ marks a miss.")
    for label in scores:
        if scores[label]["failing"]:
            print(f"  {label} (median run): audits below 0.9: {', '.join(scores[label]['failing'])}")


def lighthouse_version() -> str:
    package = ROOT / "bench" / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    main()
