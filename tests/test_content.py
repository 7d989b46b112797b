"""Loading content/: the real content loads, and each kind of fault stops the
load with a message that names file, line and problem."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.content import load_content
from macros.content import ContentError
from macros.render.renderer import Renderer, markdown_text
from macros.content.yamlsource import parse_yaml
from support.content_faults import broken_copy, content_fault

ROOT = Path(__file__).resolve().parents[1]


def test_the_real_content_loads_completely():
    content = load_content(ROOT / "content")
    assert [s.nummer for s in content.routekaart.stappen] == [1, 2, 3, 4, 5]
    assert len(content.fenomenen.fenomenen) == 8
    assert [p.id for p in content.partners.partners] == ["jongerenwerk", "politie", "gemeente"]
    assert len(content.afspraken.afsprakenkaart.vragen) == 4
    assert len(content.afspraken.basisafspraken.items) == 3


def test_decisions_lead_where_the_routekaart_says():
    content = load_content(ROOT / "content")
    choices = {(s.nummer, o.id): o.naar for s in content.routekaart.stappen if s.beslissing
              for o in s.beslissing.opties}
    assert choices == {(3, "ja"): "intervenieren", (3, "nee"): "intervenieren",
                      (4, "ja"): "mogelijke-acties", (4, "nee"): "einde"}


def test_known_typos_of_the_source_are_fixed():
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "content").glob("*.yml"))
    for typo in ("politied", "jou betreft", "Hij betreft", "intervineert", "elke partners"):
        assert typo not in text


def test_malformed_yaml_names_file_and_line(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml", "    titel: Contextinformatie\n",
                          "    titel: [Contextinformatie\n")
    assert re.match(rf"content/routekaart\.yml:{line + 1}: malformed YAML", message), message


def test_missing_required_field_names_the_field(tmp_path):
    message, line = content_fault(tmp_path, "partners.yml", "    naam: Politie\n", "")
    assert message.startswith(f"content/partners.yml:{line - 1}: partners[1]"), message
    assert "required field 'naam' is missing" in message


def test_wrong_type_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml", "    nummer: 2\n", "    nummer: twee\n")
    assert message.startswith(f"content/routekaart.yml:{line}: stappen[1].nummer:"), message
    assert "valid integer" in message


def test_misspelt_field_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml",
                          "        toelichting: Raadpleeg ook", "        toelichtng: Raadpleeg ook")
    assert message.startswith(f"content/routekaart.yml:{line}:"), message
    assert "unknown field 'toelichtng'" in message


def test_empty_question_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml",
                          "      - vraag: Wat is het doel van de interventie?\n", '      - vraag: "  "\n')
    assert message.startswith(f"content/routekaart.yml:{line}: stappen[3].vragen[0].vraag:"), message
    assert "must not be empty" in message


def test_duplicate_step_id_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml", "  - id: contextinformatie\n",
                          "  - id: bericht-duiden\n")
    assert message.startswith(f"content/routekaart.yml:{line}: stappen[1]:"), message
    assert "duplicate step id 'bericht-duiden'" in message


def test_duplicate_key_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "colofon.yml", "titel: Colofon\n", "titel: Colofon\ntitel: Colofon 2\n")
    assert message.startswith(f"content/colofon.yml:{line + 1}:"), message
    assert "duplicate key 'titel'" in message


def test_decision_to_an_unknown_step_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "routekaart.yml", "          naar: mogelijke-acties\n",
                          "          naar: mogelijke-actie\n")
    assert message.startswith(f"content/routekaart.yml:{line}: stappen[3].beslissing.opties[0].naar:"), message
    assert "unknown step 'mogelijke-actie'" in message


def test_unknown_partner_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "afspraken.yml", "    trekker: gemeente\n  - nummer: 5",
                          "    trekker: burgemeester\n  - nummer: 5")
    assert f"content/afspraken.yml:{line}: stappen[3].trekker: unknown partner 'burgemeester'" in message


def test_link_to_unknown_phenomenon_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "afspraken.yml", "[online fenomenen](pagina:fenomenen)",
                          "[online fenomenen](fenomeen:sexting)")
    assert message.startswith(f"content/afspraken.yml:{line}: stappen[0].tekst:"), message
    assert "unknown fenomeen 'sexting'" in message


def test_link_to_unknown_source_is_refused(tmp_path):
    message, line = content_fault(tmp_path, "fenomenen.yml", "(bron:helpwanted)", "(bron:help-wanted)")
    assert "content/fenomenen.yml:" in message and "unknown bron 'help-wanted'" in message


def test_link_with_a_web_address_is_refused(tmp_path):
    message, _ = content_fault(tmp_path, "fenomenen.yml", "(bron:helpwanted)", "(https://example.org)")
    assert "link target 'https://example.org' must look like" in message


def test_missing_file_is_named(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "bronnen.yml").unlink()
    with pytest.raises(ContentError, match=r"^content/bronnen\.yml: file is missing"):
        load_content(folder)


def test_control_characters_are_refused(tmp_path):
    message, line = content_fault(tmp_path, "colofon.yml", "rol: Vormgeving", 'rol: "Vorm\\u0007geving"')
    assert message.startswith(f"content/colofon.yml:{line}:") and "control character" in message


def test_yaml_that_is_not_text_is_named():
    with pytest.raises(ContentError, match=r"^x\.yml:2: malformed YAML"):
        parse_yaml("a: 1\n  b: [\n", "x.yml")


def test_html_in_content_is_shown_as_text_not_run(tmp_path):
    folder, _ = broken_copy(tmp_path, "routekaart.yml", "      - vraag: Wat is het doel van de interventie?\n",
                            "      - vraag: <script>alert(1)</script> Wat is het **doel**?\n")
    content = load_content(folder)
    html = Renderer(content, "stappen/intervenieren.md").render(
        "stap.html", "Stap 4", step=content.stap("intervenieren"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wat is het <strong>doel</strong>?" in html


def test_titles_are_escaped_for_markdown():
    assert markdown_text("<b>*x*</b> & [y](z)") == "&lt;b\\>\\*x\\*&lt;/b\\> &amp; \\[y\\]\\(z\\)"
