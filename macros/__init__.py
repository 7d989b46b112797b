"""mkdocs-macros entry point.

The build, top to bottom:
1. `define_env`: load and check content/ (macros/content), then register one
   macro per page (macros/render/pages.py); MkDocs renders the pages.
2. `on_post_build`: every step done to the built folder
   (macros/build.py -> macros/afterbuild), the same code
   `python -m macros.build SITE_DIR` runs for any other engine.
Anything MkDocs-specific goes through macros/engine.py.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from . import engine
from .afterbuild import AfterBuildError
from .build import build_site
from .content import ContentError, load_content
from .nl import datum_nl
from .render.editie import EDITIE_CSS, editie_bestanden, thema_gegevens
from .render.pages import GENERATED_PAGE, Pages, generated_pages, missing_pages
from .render.urls import doc_path


def define_env(env) -> None:
    settings = engine.settings_from_config(env.conf)
    try:
        content = load_content(settings.content_dir, settings.regio_file)
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from None
    engine.set_site_url(env.conf, content.regio.site_url if content.regio else None)
    if EDITIE_CSS in editie_bestanden(content):
        engine.add_stylesheet(env.conf, EDITIE_CSS)
    engine.write_pages(settings.docs_dir, generated_pages(content), GENERATED_PAGE)
    engine.extend_nav(env.conf, doc_path("pagina", "einde"),
                      [doc_path("stap", s.id) for s in content.routekaart.stappen], before=True)
    engine.extend_nav(env.conf, doc_path("pagina", "fenomenen"),
                      [doc_path("fenomeen", f.id) for f in content.fenomenen.fenomenen], before=False)
    missing = missing_pages(content, settings.docs_dir)
    if missing:
        raise PluginError(f"Content refers to pages that do not exist in docs/: {', '.join(missing)}")
    pages = Pages(content, lambda: engine.current_page(env), settings.copyright)
    for name, macro in pages.table().items():
        env.macro(macro, name)
    env.variables["rk_documents"] = pages.documents
    # Theme templates (the footer) see the configuration, not macro variables.
    v = content.versie
    env.conf["extra"]["rk_versie"] = {"nummer": v.versie, "iso": v.datum.isoformat(), "datum": datum_nl(v.datum)}
    env.conf["extra"]["rk_rollen"] = content.rollen
    env.conf["extra"]["rk_opslag"] = content.opslag
    env.conf["extra"]["rk_teksten"] = content.teksten.site
    env.conf["extra"]["rk_editie"] = thema_gegevens(content)
    env.conf["extra"]["rk_niet_gevonden"] = content.niet_gevonden


def on_post_build(env) -> None:
    if not engine.runs_after_build():
        return
    try:
        build_site(Path(env.conf["site_dir"]), engine.settings_from_config(env.conf),
                   env.variables["rk_documents"])
    except (ContentError, AfterBuildError) as exc:
        raise PluginError(str(exc)) from None
