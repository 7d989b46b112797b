"""Everything done to a built site, as a named, ordered list of steps
(`STEPS`). It works on any built folder and imports neither content nor
rendering: what it needs from them (the documents to add, the version's
words, the maintainer's addresses) comes in a `Job`. Every step reports a
problem as `AfterBuildError`; `after_build` names the step that failed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .bundle import bundle
from .defer import defer_scripts
from .errors import AfterBuildError
from .headers import write_security_headers
from .linkcheck import check_links
from .offline import make_offline
from .prune import prune_search_files, search_languages
from .search import search_on_first_use
from .securitytxt import write_security_txt

__all__ = ["AfterBuildError", "Job", "STEPS", "Step", "after_build"]


@dataclass
class Job:
    """What the steps work on and with. `security_contacts`: the maintainer's
    addresses for security.txt (none: no file); `site_url`: the edition's
    public address; `edition`: its name among several editions on one host
    (macros/editions.py), which keeps their offline caches apart."""
    site: Path
    files: dict[str, bytes]
    zip_note: str  # what the zip's copy of the offline page says it holds
    zip_size: str  # how the offline page gives the zip's size: {grootte} is the size
    css: list[str]
    js: list[str]
    strict: bool = True
    security_contacts: list[str] = field(default_factory=list)
    site_url: str | None = None
    edition: str | None = None
    langs: list[str] = field(default_factory=list)  # the search languages, found by `prune`


@dataclass(frozen=True)
class Step:
    name: str
    writes: str  # what the step writes or changes in the built folder
    run: Callable[[Job], None]


def write_files(job: Job) -> None:
    """Files made from content (the afsprakenkaart's documents)."""
    for rel, data in job.files.items():
        path = job.site / rel
        if path.exists() and path.read_bytes() == data:
            continue  # unchanged: `mkdocs serve` need not see a new file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def prune(job: Job) -> None:
    job.langs = search_languages(job.site)
    prune_search_files(job.site, job.langs)


def bundles(job: Job) -> None:
    bundle(job.site, "css", job.css)
    bundle(job.site, "js", job.js)


def links(job: Job) -> None:
    problems = check_links(job.site, strict=job.strict)
    if problems:
        raise AfterBuildError("broken links in the built site:\n  " + "\n  ".join(problems))


# Top to bottom; each step sees what the earlier ones made: the bundles find
# the theme's tags as it wrote them, the offline copy lists the final files,
# security.txt and the header files come after it (host files, not part of
# the offline copy), the headers hash the final pages, the link check reads it all.
STEPS: tuple[Step, ...] = (
    Step("documents", "the afsprakenkaart's .odt and .docx downloads", write_files),
    Step("prune", "removes search language files no page uses", prune),
    Step("search", "search on first use: the theme's script bundle, patched",
         lambda job: search_on_first_use(job.site)),
    Step("bundles", "one hashed CSS and one JS bundle per set of pages; pages link them", bundles),
    Step("defer", "the pages' script tags, deferred", lambda job: defer_scripts(job.site)),
    Step("offline", "the offline zip, sw.js and the zip's size on its page",
         lambda job: make_offline(job.site, job.langs, job.zip_note, job.zip_size, job.edition)),
    Step("security.txt", ".well-known/security.txt when the edition names a maintainer",
         lambda job: write_security_txt(job.site, job.security_contacts, job.site_url)),
    Step("headers", "_headers and the nginx header snippet (CSP with the pages' script hashes)",
         lambda job: write_security_headers(job.site)),
    Step("links", "nothing: checks every link of the built site", links),
)


def after_build(site: Path, *, files: dict[str, bytes], zip_note: str, zip_size: str, css: list[str], js: list[str],
                strict: bool = True, security_contacts: list[str] = (), site_url: str | None = None,
                edition: str | None = None) -> None:
    job = Job(Path(site), files, zip_note, zip_size, css, js, strict, list(security_contacts), site_url, edition)
    for step in STEPS:
        try:
            step.run(job)
        except AfterBuildError as exc:
            raise AfterBuildError(f"After-build step '{step.name}': {exc}") from None
