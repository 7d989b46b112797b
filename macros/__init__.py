"""mkdocs-macros entry point.

The build, top to bottom, each phase named:
1. prepare (macros/prepare.py, from the `on_config` hook in macros/hooks.py,
   or `python -m macros.prepare`): content/ loaded and checked, the generated
   pages written, the nav, site_url and the edition's stylesheet completed;
2. `define_env` (here): one macro per page (macros/render/pages.py) and the
   data the theme's templates read; MkDocs renders the pages;
3. after-build (`on_post_build` here, or `python -m macros.build SITE_DIR`):
   the named steps of macros/afterbuild on the built folder.
Anything MkDocs-specific goes through macros/engine.py.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import engine
from .afterbuild import AfterBuildError
from .build import build_site
from .content import ContentError, load_content
from .render.editie import theme_data
from .render.pages import Pages


def define_env(env) -> None:
    settings = engine.settings_from_config(env.conf)
    try:
        content = load_content(settings.content_dir, settings.region_file)
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from None
    pages = Pages(content, lambda: engine.current_page(env), settings.copyright)
    for name, macro in pages.table().items():
        env.macro(macro, name)
    env.variables["rk_documents"] = pages.documents
    # Theme templates (the footer) see the configuration, not macro variables.
    v = content.versie
    env.conf["extra"]["rk_version"] = {"number": v.versie, "iso": v.datum.isoformat(), "date": content.teksten.date_text(v.datum)}
    env.conf["extra"]["rk_roles"] = content.rollen
    env.conf["extra"]["rk_storage"] = content.opslag
    env.conf["extra"]["rk_texts"] = content.teksten.site
    env.conf["extra"]["rk_edition"] = theme_data(content)
    env.conf["extra"]["rk_not_found"] = content.niet_gevonden


def on_post_build(env) -> None:
    if not engine.runs_after_build():
        return
    try:
        build_site(Path(env.conf["site_dir"]), engine.settings_from_config(env.conf),
                   env.variables["rk_documents"])
    except (ContentError, AfterBuildError) as exc:
        raise PluginError(str(exc)) from None
