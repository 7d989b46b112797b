"""Benchmark of the built site: build time, bytes on the wire, offline cache
size and Lighthouse scores. Run with `make bench`; prints a Markdown table.

`--no-lighthouse` skips Lighthouse (its scores show as 0); `--runs N` sets how
many times Lighthouse measures each page (default 5). Lighthouse's performance
score moves by several points between runs on a busy machine, so the table
shows the median run, as Lighthouse's own documentation on variability
advises, with the lowest and highest score beside it; the other categories
show the lowest score of all runs. Not a test: it measures and compares with
the targets, and exits non-zero only when it cannot measure. The site is served by a real nginx with gzip on
(as a host would), and nginx's access log counts the bytes it sends.
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

from support.browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from support.nginx_server import Nginx  # noqa: E402
from support.project import build  # noqa: E402

from macros.afterbuild.headers import GENERATED_FILES  # noqa: E402

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
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FIRST_VISIT_TARGET = 150 * 1024
BUILD_TARGET = 5.0


def build_times(dest: Path) -> list[float]:
    times = []
    for _ in range(BUILD_RUNS):
        start = time.perf_counter()
        result = build(ROOT, dest)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"build failed:\n{result.stderr}")
    return times


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
    """Wait until the service worker (if the site has one) holds the offline copy."""
    page.evaluate("""async () => {
        if (!('serviceWorker' in navigator)) return;
        const registrations = await navigator.serviceWorker.getRegistrations();
        if (!registrations.length) return;
        await navigator.serviceWorker.ready;
    }""")
    settle(page)


def transfer_sizes(url: str, log: WireLog) -> dict[str, dict[str, int]]:
    """Per page, bytes nginx sent: on a first visit (without the service
    worker, so the page alone), its requests, the same visit plus the offline
    copy the service worker fetches after the page has loaded, and the page
    as the second one visited."""
    from playwright.sync_api import sync_playwright

    sizes = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)

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

        for label, path in PAGES:
            first, requests = visit(path)
            with_offline, _ = visit(path, service_workers="allow")
            second, _ = visit(path, before=PAGES[1][1] if path == PAGES[0][1] else PAGES[0][1])
            sizes[label] = {"first": first, "requests": requests,
                            "with_offline": with_offline, "second": second}
        browser.close()
    return sizes


def offline_cache_size(site: Path) -> tuple[int, int, int]:
    """(bytes the service worker caches, files, bytes of the whole site).

    The service worker's list is every quoted path in sw.js that names a file
    of the site; without sw.js the cache is 0.
    """
    files = [f for f in site.rglob("*") if f.is_file() and f.name not in GENERATED_FILES]
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
    env = {**os.environ, "CHROME_PATH": chromium_path()}
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
    failing = [f"{a['id']} ({a['score']})" for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 0.9
               and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")]
    return {**scores, "failing": failing}


def lighthouse_runs(url: str, out: Path, runs: int) -> dict:
    """Scores over several runs: performance of the median run (with the
    range), the other categories at their lowest, and the median run's
    failing audits."""
    results = sorted((lighthouse(url, out.with_suffix(f".{i}.json")) for i in range(runs)),
                     key=lambda r: r["performance"])
    median = results[len(results) // 2]
    scores = {c: min(r[c] for r in results) for c in CATEGORIES}
    scores["performance"] = median["performance"]
    low, high = results[0]["performance"], results[-1]["performance"]
    return {**scores, "range": (low, high), "failing": median["failing"]}


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

        server = Nginx(site, tmp / "nginx", log_requests=True).start()
        try:
            log = WireLog(server.access_log)
            sizes = transfer_sizes(server.url, log)
            scores = {label: lighthouse_runs(server.url + path, tmp / f"lh-{i}.json", runs)
                      if with_lighthouse
                      else {**{c: 0 for c in CATEGORIES}, "range": (0, 0), "failing": []}
                      for i, (label, path) in enumerate(PAGES)}
        finally:
            server.stop()
        cache, cache_files, site_bytes = offline_cache_size(site)

    print(f"\nLoad average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"Full build (`mkdocs build --strict`), median of {BUILD_RUNS}: "
          f"{build_median:.2f} s{mark(build_median < BUILD_TARGET)} "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)}; target < {BUILD_TARGET:.0f} s)")
    print(f"Offline cache (files the service worker stores): {kb(cache)} in {cache_files} files; "
          f"whole site {kb(site_bytes)}\n")
    print("| page | first visit | requests | + offline copy | as second page | performance "
          "| accessibility | best practices | SEO |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, path in PAGES:
        size = sizes[label]
        s = scores[label]
        first_ok = size["first"] < FIRST_VISIT_TARGET if path == "index.html" else True
        cells = [f"{s[c]}{mark(s[c] >= TARGETS[c])}" for c in CATEGORIES]
        if runs > 1 and with_lighthouse:
            cells[0] += " ({}–{})".format(*s["range"])
        print(f"| {label} (`{path}`) | {kb(size['first'])}{mark(first_ok)} | {size['requests']} "
              f"| {kb(size['with_offline'])} | {kb(size['second'])} | " + " | ".join(cells) + " |")
    print(f"\nBytes are what nginx sent (gzip on, headers included), in Chromium at 390 px; "
          "'+ offline copy' adds what the service worker fetches after the page has loaded. "
          f"Lighthouse {lighthouse_version()}, mobile preset, {runs} runs per page: "
          "performance of the median run (lowest–highest), other categories their lowest. "
          f"Targets: first visit to the start page < {FIRST_VISIT_TARGET // 1024} KB, "
          "performance >= 95, the rest 100; ✗ marks a miss.")
    for label, _ in PAGES:
        if scores[label]["failing"]:
            print(f"  {label} (median run): audits below 0.9: {', '.join(scores[label]['failing'])}")


def lighthouse_version() -> str:
    package = ROOT / "bench" / "node_modules" / "lighthouse" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


if __name__ == "__main__":
    main()
