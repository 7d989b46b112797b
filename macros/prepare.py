"""Before the engine renders: the engine's input, made from content/.

- the generated pages in docs/ (one per step and phenomenon), each written
  only when its text changed;
- their places in the nav (the steps before stappen/einde.md, the phenomena
  after fenomenen/index.md);
- the edition's public address (`site_url`) and its stylesheet;
- the site's name and description, the menu's titles and the home-screen
  app's words (content/teksten.yml `config`), the copyright line
  (content/colofon.yml);
- the theme's labels (content/teksten.yml `theme`).

MkDocs runs it first of all, from the `on_config` hook (macros/hooks.py).
An engine that reads the configuration before any hook of ours runs
(Zensical fixes the nav before it calls `define_env`) runs the command first
and builds with the configuration it writes:

    python -m macros.prepare [--config mkdocs.yml] [--write-config OUT.yml]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from . import engine
from .content import Content, ContentError, load_content
from .render.editie import EDITION_CSS, edition_files
from .render.pages import GENERATED_PAGE, generated_pages, missing_pages
from .render.urls import doc_path


def prepare(conf, settings: engine.Settings) -> Content:
    """Writes the generated pages and completes `conf` (nav, site_url, CSS, theme labels, site words).
    Raises ContentError with one message."""
    content = load_content(settings.content_dir, settings.region_file)
    engine.set_site_url(conf, content.regio.site_url if content.regio else None)
    engine.set_theme_labels(conf, content.teksten.theme)
    engine.set_site_words(conf, content.teksten.config, content.colofon.copyright)
    if EDITION_CSS in edition_files(content):
        engine.add_stylesheet(conf, EDITION_CSS)
    engine.write_pages(settings.docs_dir, generated_pages(content), GENERATED_PAGE)
    engine.extend_nav(conf, doc_path("pagina", "einde"),
                      [doc_path("stap", s.id) for s in content.routekaart.stappen], before=True)
    engine.extend_nav(conf, doc_path("pagina", "fenomenen"),
                      [doc_path("fenomeen", f.id) for f in content.fenomenen.fenomenen], before=False)
    missing = missing_pages(content, settings.docs_dir)
    if missing:
        raise ContentError(str(settings.docs_dir.name), None,
                           f"Content refers to pages that do not exist in docs/: {', '.join(missing)}")
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.prepare", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=Path(engine.CONFIG_FILE))
    parser.add_argument("--write-config", type=Path, metavar="OUT",
                        help="write the configuration with the completed nav here")
    args = parser.parse_args(argv)
    conf = yaml.safe_load(args.config.read_text(encoding="utf-8"))
    conf.setdefault("extra_css", [])
    try:
        prepare(conf, engine.settings_from_file(args.config))
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    if args.write_config:
        args.write_config.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
