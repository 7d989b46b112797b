"""mkdocs-macros entry point: the macros the pages in docs/ call.

Content is loaded and checked once, when MkDocs reads its configuration; a
fault stops the build with the file, line and problem.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .content import EINDE, load_content
from .documents import afsprakenkaart_documents, write_documents
from .errors import ContentError
from .handout import render_handout
from .headers import write_security_headers
from .linkcheck import check_links
from .nl import datum_nl
from .offline import ZIP_FOLDER, ZIP_NAME, OfflineError, make_offline
from .prune_assets import search_languages
from .render import Renderer
from .routemap import linked_steps, route_map
from .site import pages_for, relative_url, stap_contacten

CONTENT_DIR_DEFAULT = "content"


def define_env(env) -> None:
    project = Path(env.conf["config_file_path"]).parent
    folder = project / env.conf["extra"].get("content_dir", CONTENT_DIR_DEFAULT)
    try:
        content = load_content(folder)
    except ContentError as exc:
        raise PluginError(f"Content error: {exc}") from None
    docs = Path(env.conf["docs_dir"])
    missing = [p for p in pages_for(content) if not (docs / p).is_file()]
    if missing:
        raise PluginError(f"Content refers to pages that do not exist in docs/: {', '.join(missing)}")
    documents = afsprakenkaart_documents(content)
    # Theme templates (the footer) see the configuration, not macro variables.
    nummer, datum = content.versie.versie, datum_nl(content.versie.datum)
    env.conf["extra"]["rk_versie"] = {"nummer": nummer, "datum": datum, "iso": content.versie.datum.isoformat(),
                                      "tekst": f"versie {nummer}, bijgewerkt op {datum}"}

    def renderer(begrippen: bool = True) -> Renderer:
        return Renderer(content, env.page.file.src_uri, begrippen=begrippen)

    def lookup(kind: str, id: str, known: set[str]) -> str:
        if id not in known:
            raise ValueError(f"{env.page.file.src_uri}: unknown {kind} '{id}' "
                             f"(known: {', '.join(sorted(known))})")
        return id

    # Pages whose template needs nothing but the content: {{ name() }} renders
    # templates/<name>.html under the page title from the content.
    plain_pages = {
        "einde": content.routekaart.einde.titel,
        "partners": content.partners.titel,
        "fenomenen": content.fenomenen.titel,
        "afspraken": content.afspraken.titel,
        "colofon": content.colofon.titel,
        "toegankelijkheid": content.toegankelijkheid.titel,
        "privacy": content.privacy.titel,
    }
    for name, title in plain_pages.items():
        env.macro(lambda name=name, title=title: renderer().render(f"{name}.html", title), name)

    @env.macro
    def routekaart() -> str:
        r = renderer()
        return r.render("routekaart.html", content.routekaart.titel, kaart=route_map(r))

    @env.macro
    def stap(id: str) -> str:
        s = content.stap(lookup("step", id, content.ids("stap")))
        return renderer().render("stap.html", f"Stap {s.nummer}: {s.titel}", stap=s,
                                 contacten=stap_contacten(content, id),
                                 zoekwoorden=s.zoekwoorden)

    @env.macro
    def fenomeen(id: str) -> str:
        f = content.fenomeen(lookup("phenomenon", id, content.ids("fenomeen")))
        return renderer().render("fenomeen.html", f.titel, fenomeen=f, zoekwoorden=f.zoekwoorden)

    @env.macro
    def afsprakenkaart() -> str:
        page = env.page.file.src_uri
        downloads = [{"href": relative_url(d.bestand, page), "label": d.label, "soort": d.soort,
                      "grootte": d.grootte} for d in documents]
        return renderer().render("afsprakenkaart.html", content.afspraken.afsprakenkaart.titel,
                                 downloads=downloads, datum_nl=datum_nl)

    @env.macro
    def doorloop() -> str:
        return renderer().render("doorloop.html", "Doorloop de route", einde=EINDE,
                                 linked_steps=linked_steps)

    @env.macro
    def wijzigingen() -> str:
        return renderer().render("wijzigingen.html", content.versie.titel, datum_nl=datum_nl)

    @env.macro
    def afdrukken() -> str:
        return render_handout(content, "De hele routekaart (afdrukken)", env.conf.get("copyright"))

    @env.macro
    def presentatie() -> str:
        return renderer(begrippen=False).render("presentatie.html", "Presentatie voor trainers")

    @env.macro
    def begrippen() -> str:
        return renderer(begrippen=False).render("begrippen.html", content.begrippen.titel)

    @env.macro
    def offline() -> str:
        return renderer().render("offline.html", "De routekaart zonder internet",
                                   zip_href=relative_url(ZIP_NAME, env.page.file.src_uri),
                                   zip_folder=ZIP_FOLDER, versie=env.conf["extra"]["rk_versie"]["tekst"])

    env.variables["rk_content"] = content
    env.variables["rk_documents"] = documents


def on_post_build(env) -> None:
    write_documents(Path(env.conf["site_dir"]), env.variables["rk_documents"])
    try:
        make_offline(Path(env.conf["site_dir"]), search_languages(env.conf),
                     env.conf["extra"]["rk_versie"]["tekst"])
    except OfflineError as exc:
        raise PluginError(f"Offline build: {exc}") from None
    # After the offline step: these host files are not part of the offline copy.
    write_security_headers(Path(env.conf["site_dir"]))
    problems = check_links(Path(env.conf["site_dir"]), strict=env.conf["strict"])
    if problems:
        raise PluginError("Broken links in the built site:\n  " + "\n  ".join(problems))
