"""After the engine has built the pages: every step done to the built site,
from content and the configuration. MkDocs runs it from `on_post_build`; any
other engine, or a person, runs the same code on a built folder:

    python -m macros.build SITE_DIR [--config mkdocs.yml]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import engine
from .afterbuild import AfterBuildError, after_build
from .content import ContentError, fill, load_content
from .render.documents import Download, card_documents
from .render.editie import EDITION_CSS, edition_files, security_contacts


def build_site(site: Path, settings: engine.Settings, documents: list[Download] | None = None) -> None:
    """Raises ContentError or AfterBuildError with one message. `documents`:
    those the pages were rendered with (their sizes are on the pages), when
    the engine made them already; odfpy does not make the same bytes twice in
    one process."""
    content = load_content(settings.content_dir, settings.region_file)
    files = {d.path: d.data for d in documents or card_documents(content)}
    files |= edition_files(content)
    # The engine linked the edition's stylesheet from the pages; it joins the bundle last.
    css = settings.css + [EDITION_CSS] if EDITION_CSS in files and EDITION_CSS not in settings.css \
        else settings.css
    # What the zip's copy of the offline page says instead of offering the zip.
    zip_note = fill(content.teksten.pages["offline_in_zip"], versie=content.teksten.version_text(content.versie))
    after_build(site, files=files, zip_note=zip_note, zip_size=content.teksten.pages["offline_size"],
                css=css, js=settings.js,
                strict=settings.strict, security_contacts=security_contacts(content),
                site_url=content.regio.site_url if content.regio else None,
                edition=settings.region_file.stem if settings.region_file else None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the folder the engine built")
    parser.add_argument("--config", type=Path, default=Path(engine.CONFIG_FILE))
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site} holds no built site (no index.html)")
    try:
        build_site(args.site, engine.settings_from_file(args.config))
    except (ContentError, AfterBuildError) as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
