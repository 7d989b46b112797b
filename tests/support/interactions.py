"""Every interactive state of the site, as steps that use it and check that
it worked, leaving the page in that state.

Each one is done once per width under the site's security headers
(support/sweep.py); the CSP test and the accessibility tests (WCAG A/AA and
best practices) read what was found in it. A component's states sit beside
it, in overrides/components/<name>/<name>_states.py (`STATES`), and are
collected here; this file keeps the site's own (search, the phone menu, the
offline copy, the handout). Add a state for every new feature or state:
(name, page to start on, steps). The steps start on a fresh page with empty
storage and must wait for what they do with expect(), not with sleeps.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from playwright.sync_api import Page, expect

from .csp import wait_until_idle
from .project import ROOT
from .state import Interaction
from .words import CONTENT, PAGES, SITE, theme_label

COMPONENTS = ROOT / "overrides" / "components"
STEP_3 = CONTENT.stap("partners-betrekken").titel  # what "persoonsgegevens" finds


def search_open_with_results(page: Page) -> None:
    page.keyboard.press("/")
    page.get_by_role("textbox", name=theme_label("search.placeholder")).press_sequentially("persoonsgegevens")
    expect(page.locator(".md-search-result__item").first).to_contain_text(STEP_3)


def print_the_handout(page: Page) -> None:
    """The handout's button opens the print dialog (stubbed: headless has none)."""
    page.evaluate("window.print = () => { window.rkAfgedrukt = true; }")
    page.get_by_role("button", name=PAGES["print_button"]).click()
    assert page.evaluate("window.rkAfgedrukt") is True


def offline_copy_ready(page: Page) -> None:
    """The service worker registers and stores the site, as on a first visit."""
    wait_until_idle(page)  # offline.js registers the worker then
    cached = page.evaluate("""async () => {
        await navigator.serviceWorker.ready;
        for (let i = 0; i < 150; i++) {
            for (const name of await caches.keys()) {
                if ((await (await caches.open(name)).keys()).length > 20) return name;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return null;
    }""")
    assert cached and cached.startswith("routekaart"), cached


def phone_menu_open(page: Page) -> None:
    """The menu opened from its button, focus on its first link. On a
    desktop the menu is always there: nothing to open."""
    menu = page.get_by_role("button", name=SITE["menu"])
    if not menu.is_visible():
        return
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a[href]").first).to_be_focused()


SITE_STATES = [
    Interaction("zoeken", "index.html", search_open_with_results),
    Interaction("offline-kopie", "index.html", offline_copy_ready, service_worker=True),
    Interaction("afdrukken", "afdrukken.html", print_the_handout),
    Interaction("menu-open", "fenomenen/fraude.html", phone_menu_open),
]


def states_file(folder: Path) -> ModuleType:
    """A component's `<name>_states.py`, imported once under its file's name."""
    path = folder / (folder.name.replace("-", "_") + "_states.py")
    if path.stem not in sys.modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        sys.modules[path.stem] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return sys.modules[path.stem]


def component_states() -> dict[str, list[Interaction]]:
    """Each component's states, by its folder's name."""
    folders = sorted(p for p in COMPONENTS.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    return {f.name: states_file(f).STATES for f in folders
            if (f / (f.name.replace("-", "_") + "_states.py")).is_file()}


# The order the sweep reaches them in, kept as it was when they all lived
# here: the test ids and the sweep's timings stay comparable.
ORDER = [
    "zoeken", "wissen", "afsprakenkaart-ingevuld", "afsprakenkaart-export-import",
    "afsprakenkaart-import-geweigerd", "afsprakenkaart-leegmaken-vraag", "afsprakenkaart-regio-yml",
    "afsprakenkaart-regio-yml-geweigerd", "afsprakenkaart-niet-bewaard", "afsprakenkaart-eerdere-teksten",
    "presentatie", "presentatie-voorbeeld", "presentatie-eerste-stap", "begrip-uitleg", "offline-kopie",
    "afdrukken", "doorloop-aantekeningen", "doorloop-samenvatting-opslaan", "doorloop-voorbeeld-acties",
    "doorloop-voorbeeld-stap-3", "doorloop-stap-2", "doorloop-stap-4", "doorloop-beschadigd",
    "rol-gekozen-start", "rol-kiezen-open", "stap-3-met-rol", "menu-open", "doorloop-bestand-opslaan",
    "bespreken-drie-bestanden", "bespreken-bestand-geweigerd", "bespreken-kopieer-vraag",
    "doorloop-voorbeeld-gekozen", "doorloop-voorbeeld-wijzigen", "rol-gewist", "bespreken-vijftien-bestanden",
    "bespreken-alleen-beantwoord", "bespreken-kaartvraag-kiezen", "bespreken-op-de-kaart",
]
_STATES = [*SITE_STATES, *(i for states in component_states().values() for i in states)]
if sorted(i.name for i in _STATES) != sorted(ORDER):
    raise ValueError("a state is missing from ORDER, is defined twice, or ORDER names one that is gone")
INTERACTIONS = [next(i for i in _STATES if i.name == name) for name in ORDER]
IDS = [i.name for i in INTERACTIONS]
