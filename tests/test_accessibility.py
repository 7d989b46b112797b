"""axe-core finds no WCAG 2.2 A/AA violations and no best-practice issues on
any page or in any interactive state, on a phone and a desktop.

The pages are checked in the sweep and the states once per width
(support/sweep.py); these tests read what they found."""
from __future__ import annotations

import pytest

from support.browser import WIDTHS
from support.interactions import IDS, INTERACTIONS, Interaction
from support.project import serve
from support.side_by_side import SERIAL_SWITCH
from support.sweep import InteractionStates, sweep_site


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violations_on_any_page(sweep, width):
    assert sweep.at(width).problems("axe") == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_best_practice_issues_on_any_page(sweep, width):
    """Lighthouse's accessibility score also counts axe's best practices, such
    as a name for every dialog and unique landmarks."""
    assert sweep.at(width).problems("axe-best-practice") == {}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_no_axe_violations_in_any_interactive_state(interaction_states, interaction, width):
    assert interaction_states.of(interaction, width).axe == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("interaction", INTERACTIONS, ids=IDS)
def test_no_axe_best_practice_issues_in_any_interactive_state(interaction_states, interaction, width):
    assert interaction_states.of(interaction, width).axe_best_practice == []


# --- The sweep's own working --------------------------------------------------------

# Three small pages: the first and the last with a fault axe knows.
FAULTS = {
    "a.html": '<img src="a.png">',                        # image-alt
    "b.html": "<p>Niets aan de hand.</p>",
    "c.html": "<button></button>",                        # button-name
}


def small_site(folder) -> str:
    for name, body in FAULTS.items():
        (folder / name).write_text(f'<!doctype html><html lang="nl"><title>{name}</title>'
                                   f"<main><h1>{name}</h1>{body}</main></html>")
    return f"http://127.0.0.1:{serve(folder).server_port}/"


def rules(found: list[str]) -> set[str]:
    return {line.split(":")[0] for line in found}


@pytest.mark.parametrize("serial", [False, True], ids=["side-by-side", "serial"])
def test_the_sweep_gives_each_page_its_own_findings(browser, tmp_path, monkeypatch, serial):
    """The sweep checks two pages at once (support/sweep.py): what axe finds
    must still land on the page it was found on; also with the tabs one
    after another (RK_SERIAL=1, support/side_by_side.py)."""
    monkeypatch.setenv(SERIAL_SWITCH, "1" if serial else "0")
    result = sweep_site(browser, small_site(tmp_path), list(FAULTS), "phone")
    found = result.problems("axe")
    assert {page: rules(lines) & {"image-alt", "button-name"} for page, lines in found.items()} == {
        "a.html": {"image-alt"}, "c.html": {"button-name"}}


def test_each_interactive_state_gets_its_own_findings(browser, tmp_path):
    base = small_site(tmp_path)
    add = "html => document.querySelector('main').insertAdjacentHTML('beforeend', html)"
    steps = [Interaction("met-plaatje", "b.html", lambda page: page.evaluate(add, '<img src="b.png">')),
             Interaction("zonder-fout", "b.html", lambda page: None),
             Interaction("met-knop", "b.html", lambda page: page.evaluate(add, "<button></button>"))]
    states = InteractionStates(browser, base)
    try:
        states.reach_all(steps, "phone")
        assert {i.name: rules(states.of(i, "phone").axe) & {"image-alt", "button-name"} for i in steps} == {
            "met-plaatje": {"image-alt"}, "zonder-fout": set(), "met-knop": {"button-name"}}
    finally:
        states.close()
