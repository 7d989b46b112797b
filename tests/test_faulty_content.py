"""Faulty content never crashes or hangs the build.

Each case below breaks one content file (or content/regio.yml) in one way.
Loading must end within seconds in exactly one ContentError whose message
starts `content/<file>:<line>: <field>`: never another exception, never a
chained traceback, never a long wait (a YAML alias bomb used to keep the build
busy for minutes).
"""
from __future__ import annotations

import shutil
import signal
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from support.project import build, copy_project
from macros.content import load_content
from macros.content import ContentError

ROOT = Path(__file__).resolve().parents[1]
REGION = Path(__file__).parent / "fixtures" / "regio.yml"
SECONDS = 5
COLOPHON = load_content(ROOT / "content").colofon.titel  # the colofon's title, as content has it


class TookTooLong(BaseException):
    """Not an Exception, so no `except Exception` in the loader can swallow it."""


@contextmanager
def within(seconds: float):
    """Fail instead of hanging when the body takes longer than `seconds`."""
    def alarm(signum, frame):
        raise TookTooLong(f"loading took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Fault:
    file: str
    old: str | None  # text to replace; None: `new` is the whole file
    new: str | bytes
    where: str  # the field the message names ("" for a fault of the whole file)
    what: str  # words the message must contain
    shift: int = 0  # the fault's line, counted from the line `old` starts on
    line: int | None = None  # the fault's line, for a whole-file case


def bomb(levels: int = 9) -> str:
    """The "billion laughs": 9 lines that expand to 9**9 strings."""
    lines = ['lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(2, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


STEP_2_TITLE = "    titel: Contextinformatie\n"

FAULTS = {
    # --- routekaart.yml
    "yaml-syntax": Fault("routekaart.yml", STEP_2_TITLE, "    titel: [Contextinformatie\n", "",
                         "malformed YAML: while parsing a flow sequence", shift=1),
    "tab-indent": Fault("routekaart.yml", STEP_2_TITLE, "\ttitel: Contextinformatie\n", "",
                        "indent with spaces, not tabs"),
    "single-alias": Fault("routekaart.yml", STEP_2_TITLE, "    titel: *stap2\n", "stappen[1].titel",
                          "alias '*stap2' is not allowed"),
    "list-for-string": Fault("routekaart.yml", "titel: Routekaart Samenwerken bij online jeugdcriminaliteit\n",
                             "titel: [Routekaart, Samenwerken]\n", "titel", "valid string"),
    "missing-herkomst": Fault("routekaart.yml", "einde:\n  herkomst: toegevoegd\n", "einde:\n", "einde",
                              "required field 'herkomst' is missing"),
    "unknown-step": Fault("routekaart.yml", "          naar: mogelijke-acties\n", "          naar: mogelijke-actie\n",
                          "stappen[3].beslissing.opties[0].naar", "unknown step 'mogelijke-actie'"),
    "unknown-page": Fault("routekaart.yml", "    - pagina: partners\n", "    - pagina: partnerz\n",
                          "basis_op_orde.ingangen[0].pagina", "unknown page 'partnerz'"),
    "step-label-without-number": Fault("routekaart.yml", 'stap_label: "Stap {nummer}: {titel}"\n',
                                       'stap_label: "Stap: {titel}"\n', "stap_label", "write {nummer} and {titel}"),
    "number-of-5000-digits": Fault("routekaart.yml", "    nummer: 2\n", "    nummer: 2" + "0" * 5000 + "\n",
                                   "stappen[1].nummer", "cannot be read"),
    # --- partners.yml
    "merge-key": Fault("partners.yml", "    naam: Politie\n", "    <<: {naam: Politie}\n", "partners[1].<<",
                       "merge key '<<' is not allowed"),
    "unknown-source": Fault("partners.yml", "        bronnen: [wetboek-strafvordering-126g, wetboek-strafvordering-126j]\n",
                            "        bronnen: [wetboek-126g, wetboek-strafvordering-126j]\n",
                            "partners[1].aanvullingen[0].bronnen[0]", "unknown source 'wetboek-126g'"),
    "unknown-link-target": Fault("partners.yml", "(bron:zeven-stappenmodel).\n", "(bron:zeven-stappen).\n",
                                 "intro[2]", "unknown bron 'zeven-stappen'"),
    # --- fenomenen.yml
    "alias-bomb": Fault("fenomenen.yml", None, bomb(), "lol1", "anchor '&lol1' is not allowed", line=1),
    "unknown-platform": Fault("fenomenen.yml", "      platform: Snapchat\n      soort: Mijn verhaal\n",
                              "      platform: Myspace\n      soort: Mijn verhaal\n",
                              "fenomenen[0].bericht.platform", "Input should be 'Snapchat'"),
    "image-path-up": Fault("fenomenen.yml", "      account: westblok.17\n",
                           "      account: westblok.17\n      afbeelding:\n        bestand: assets/../../geheim.png\n"
                           "        alt: Een bericht.\n", "fenomenen[0].bericht.afbeelding.bestand",
                           "must be an image path inside docs/", shift=2),
    "huge-age": Fault("fenomenen.yml", "      account: westblok.17\n      leeftijd: 17\n",
                      "      account: westblok.17\n      leeftijd: 100000000000000000000000\n",
                      "fenomenen[0].bericht.leeftijd", "less than or equal to 99", shift=1),
    # --- afspraken.yml
    "duplicate-key": Fault("afspraken.yml", "stappen_titel: Afspraken maken in 5 stappen\n",
                           "stappen_titel: Afspraken maken in 5 stappen\nstappen_titel: Vijf stappen\n",
                           "stappen_titel", "duplicate key 'stappen_titel'", shift=1),
    "link-with-web-address": Fault("afspraken.yml", "[online fenomenen](pagina:fenomenen)",
                                   "[online fenomenen](https://example.org)", "stappen[0].tekst",
                                   "link target 'https://example.org' must look like stap:id"),
    "unknown-partner": Fault("afspraken.yml", "  partners: [jongerenwerk, politie, gemeente]\n  vragen:",
                             "  partners: [jongerenwerk, wijkagent, gemeente]\n  vragen:",
                             "afsprakenkaart.partners[1]", "unknown partner 'wijkagent'"),
    # --- bronnen.yml
    "url-not-http": Fault("bronnen.yml", "    url: https://www.helpwanted.nl\n", "    url: javascript:alert(1)\n",
                          "bronnen[5].url", "URL scheme should be 'http' or 'https'"),
    "duplicate-source-id": Fault("bronnen.yml", "  - id: helpwanted\n", "  - id: jongline\n", "bronnen[5]",
                                 "duplicate source id 'jongline'"),
    # --- colofon.yml
    "string-for-list": Fault("colofon.yml", "uitgevers:\n  - NHVeilig\n  - CCV centrum",
                             "uitgevers: NHVeilig, CCV, Partner in Crime\noud:\n  - NHVeilig\n  - CCV centrum",
                             "uitgevers", "valid list"),
    "raw-control-character": Fault("colofon.yml", "rol: Vormgeving", "rol: Vorm\x07geving", "",
                                   "malformed YAML: character 0x0007 is not allowed"),
    "second-document": Fault("colofon.yml", f"titel: {COLOPHON}\n", "titel: Colofon\n---\n", "",
                             "malformed YAML: expected a single document", shift=1),
    "empty-file": Fault("colofon.yml", None, "", "", "expected a mapping of fields", line=1),
    # --- toegankelijkheid.yml
    "unknown-level": Fault("toegankelijkheid.yml", "  niveau: eerste maatregelen genomen\n", "  niveau: bijna klaar\n",
                           "status.niveau", "Input should be 'voldoet volledig'"),
    "link-without-label": Fault("toegankelijkheid.yml", "[colofon](pagina:colofon)", "[ ](pagina:colofon)",
                                "intro[1]", "link to 'pagina:colofon' has no label"),
    "only-a-list": Fault("toegankelijkheid.yml", None, "- titel: Toegankelijkheid\n- intro: Iedereen.\n", "",
                         "expected a mapping of fields", line=1),
    # --- privacy.yml
    "escaped-control-character": Fault("privacy.yml", "    titel: Wat de website op je apparaat bewaart\n",
                                       '    titel: "Wat de website op je\\u001b apparaat bewaart"\n',
                                       "secties[0].titel", "control character"),
    "duplicate-section-id": Fault("privacy.yml", "  - id: wat-verstuurd\n", "  - id: wat-bewaard\n", "secties[1]",
                                  "duplicate section id 'wat-bewaard'"),
    "unknown-herkomst": Fault("privacy.yml", "herkomst: toegevoegd\n", "herkomst: internet\n", "herkomst",
                              "Input should be 'routekaart' or 'toegevoegd'"),
    # --- offline.yml
    "folder-not-named": Fault("offline.yml", "      {map} het bestand index.html.", "      routekaart het bestand index.html.",
                              "map.tekst", "write {map} where its name goes", shift=-3),
    # --- begrippen.yml
    "unknown-field": Fault("begrippen.yml", "  - term: boa\n", "  - term: boa\n    betekenis: handhaver\n",
                           "begrippen[0].betekenis", "unknown field 'betekenis'", shift=1),
    "empty-text": Fault("begrippen.yml", "    aliassen: [convenanten]\n", '    aliassen: ["  "]\n',
                        "begrippen[2].aliassen[0]", "must not be empty"),
    # --- versie.yml
    "impossible-date": Fault("versie.yml", "    datum: 2026-12-03\n", "    datum: 2026-02-30\n",
                             "wijzigingen[0].datum", "'2026-02-30' is not a real date"),
    "date-format": Fault("versie.yml", "    datum: 2026-11-28\n", "    datum: 28-11-2026\n",
                         "wijzigingen[2].datum", "valid date"),
    "not-utf-8": Fault("versie.yml", "Kleine taalfouten", "Kleine taalfout\xe9n".encode("latin-1"), "",
                       "is not valid UTF-8 text"),
    # --- rollen.yml
    "role-unknown-partner": Fault("rollen.yml", "    partner: gemeente\n", "    partner: gemeenten\n",
                                  "rollen[2].partner", "unknown partner 'gemeenten'"),
    "role-partner-twice": Fault("rollen.yml", "    partner: gemeente\n", "    partner: politie\n",
                                "rollen[2].partner", "partner 'politie' has a role already"),
    "role-duplicate-id": Fault("rollen.yml", "  - id: anders\n", "  - id: politie\n", "rollen[3]",
                               "duplicate role id 'politie'"),
    # --- niet-gevonden.yml
    "not-found-without-text": Fault("niet-gevonden.yml", "tekst:\n", "tekst: []\nweg:\n", "tekst",
                                    "List should have at least 1 item"),
    # --- teksten.yml (the components' words)
    "texts-unknown-component": Fault("teksten.yml", "herkomst: toegevoegd\n",
                                     "herkomst: toegevoegd\nschool: {}\n", "school", "unknown field 'school'", shift=1),
    "texts-eleven-months": Fault("teksten.yml", "maanden: [januari, ", "maanden: [", "maanden",
                                 "List should have at least 12 items"),
    # --- bespreken.yml
    "bespreken-unknown-step": Fault("bespreken.yml", "  partners-betrekken: betrekken\n",
                                    "  partner-betrekken: betrekken\n", "kaartvraag_per_stap.partner-betrekken",
                                    "unknown step 'partner-betrekken'"),
    # --- doorloop.yml (the walk's example choice)
    "doorloop-empty-text": Fault("doorloop.yml", "eigen_casus: Eigen casus\n", "eigen_casus: \"  \"\n",
                                 "eigen_casus", "must not be empty"),
    "bespreken-unknown-card-question": Fault("bespreken.yml", "  intervenieren: ingrijpen\n",
                                             "  intervenieren: grijpen\n", "kaartvraag_per_stap.intervenieren",
                                             "unknown afsprakenkaart question 'grijpen'"),
    # --- opslag.yml
    "storage-empty-words": Fault("opslag.yml", "opslaan_knop: Opslaan als bestand\n", 'opslaan_knop: "  "\n',
                                 "opslaan_knop", "must not be empty"),
    # --- regio.yml (a region's own edition)
    "regio-impossible-date": Fault("regio.yml", "  datum_afgesproken: 2026-03-12\n",
                                   "  datum_afgesproken: 2026-02-30\n", "afsprakenkaart.datum_afgesproken",
                                   "'2026-02-30' is not a real date"),
    "regio-anchor": Fault("regio.yml", "naam: Regio Westerkwartier\n", "naam: &regio Regio Westerkwartier\n",
                          "naam", "anchor '&regio' is not allowed"),
    "regio-python-tag": Fault("regio.yml", "naam: Regio Westerkwartier\n",
                              "naam: !!python/object/apply:os.system [echo]\n", "naam",
                              "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"),
    "regio-deep-nesting": Fault("regio.yml", "naam: Regio Westerkwartier\n",
                                "naam: " + "[" * 5000 + "]" * 5000 + "\n", "naam[0][0][0]",
                                "nested more than 50 levels deep"),
    "regio-missing-field": Fault("regio.yml", "naam: Regio Westerkwartier\n", "regio: Westerkwartier\n", "",
                                 "required field 'naam' is missing"),
    # The edition's identity and duties.
    "regio-unknown-colour": Fault("regio.yml", '  primair: "#1b5e20"\n', "  primair: donkergroen\n",
                                  "kleuren.primair", "is not a colour: write it as #rrggbb"),
    "regio-low-contrast": Fault("regio.yml", '  accent: "#8a3b12"\n', '  accent: "#f4a261"\n',
                                "kleuren.accent", "under the 4.5:1 WCAG AA asks for"),
    "regio-logo-without-alt": Fault("regio.yml", "  alt: Gemeente Westerkwartier\n", "", "logo.alt",
                                    "required field 'alt' is missing", shift=-2),
    "regio-logo-not-an-image": Fault("regio.yml", "  bestand: logo-westerkwartier.svg\n",
                                     "  bestand: partners.yml\n", "logo.bestand",
                                     "'partners.yml' is not an SVG or PNG image"),
    "regio-logo-missing": Fault("regio.yml", "  bestand: logo-westerkwartier.svg\n",
                                "  bestand: logo.svg\n", "logo.bestand", "logo file 'logo.svg' not found"),
    "regio-site-url-not-https": Fault("regio.yml", "site_url: https://routekaart.westerkwartier.example/\n",
                                      "site_url: http://routekaart.westerkwartier.example/\n", "site_url",
                                      "must be an https address"),
    "regio-out-of-hours-impossible-time": Fault("regio.yml", '  van: "17:00"\n', '  van: "25:00"\n',
                                                "buiten_kantoortijd.van", "is not a time of day"),
    "regio-out-of-hours-unquoted-time": Fault("regio.yml", '  van: "17:00"\n', "  van: 17:00\n",
                                              "buiten_kantoortijd.van", "write the time between quotes"),
    "regio-out-of-hours-half-hours": Fault("regio.yml", '  tot: "08:30"\n', "", "buiten_kantoortijd",
                                           "give both 'van' and 'tot', or neither", shift=-4),
    "regio-out-of-hours-without-phone": Fault("regio.yml", '  telefoon: "06 1234 5678"\n', "",
                                              "buiten_kantoortijd.telefoon",
                                              "required field 'telefoon' is missing", shift=-2),
    "regio-maintainer-without-contact": Fault(
        "regio.yml", "  email: digitaal@westerkwartier.example\n  website: https://www.westerkwartier.example/\n",
        "", "beheerder", "a maintainer needs an 'email' or a 'website'", shift=-2),
    # --- handleiding.yml (the guide for municipalities)
    "handleiding-duplicate-section": Fault("handleiding.yml", "  - id: publiceren\n", "  - id: overleg\n",
                                           "secties[2]", "duplicate section id 'overleg'"),
    # --- editie.yml (who publishes the national edition)
    "editie-maintainer-without-contact": Fault("editie.yml", "\nbeheerder:\n",
                                               "\nbeheerder:\n  organisatie: Voorbeeld\n", "beheerder",
                                               "a maintainer needs an 'email' or a 'website'", shift=1),
}


def faulty_copy(tmp_path: Path, fault: Fault) -> tuple[Path, int]:
    """content/ with `fault` applied; returns the folder and the fault's line."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    path = folder / fault.file
    raw = (REGION if fault.file == "regio.yml" else path).read_bytes()
    if fault.file == "regio.yml":
        shutil.copy(REGION.parent / "logo-westerkwartier.svg", folder)
    new = fault.new if isinstance(fault.new, bytes) else fault.new.encode("utf-8")
    if fault.old is None:
        path.write_bytes(new)
        return folder, fault.line
    old = fault.old.encode("utf-8")
    assert raw.count(old) == 1, f"{fault.old!r} is not unique in {fault.file}"
    path.write_bytes(raw.replace(old, new))
    return folder, raw[: raw.index(old)].count(b"\n") + 1 + fault.shift


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
def test_a_faulty_file_ends_in_one_message_naming_file_line_and_field(tmp_path, fault):
    folder, line = faulty_copy(tmp_path, fault)
    with within(SECONDS):
        try:
            load_content(folder)
        except ContentError as exc:
            error = exc
        else:
            pytest.fail(f"content with the fault loaded: {fault}")
    assert type(error) is ContentError
    # One error, not a chain: nothing printed as "During handling of ... another exception".
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    message = str(error)
    assert "\n" not in message and len(message) < 600, message
    prefix = f"content/{fault.file}:{line}: " + (f"{fault.where}" if fault.where else "")
    assert message.startswith(prefix), f"{message!r} does not start with {prefix!r}"
    if fault.where:
        assert message[len(prefix)] in ".[:", message  # the field as a whole, not a prefix of another
    assert fault.what in message, message


def test_there_are_enough_kinds_of_fault_in_every_file():
    assert len(FAULTS) >= 25
    files = {f.name for f in (ROOT / "content").glob("*.yml")} | {"regio.yml"}
    assert {fault.file for fault in FAULTS.values()} == files


def test_a_byte_order_mark_is_accepted(tmp_path):
    """Some Windows editors start a UTF-8 file with a BOM; it is not content."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    path = folder / "colofon.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with within(SECONDS):
        assert load_content(folder).colofon.titel == COLOPHON


def test_a_fault_in_the_build_is_one_line_without_a_traceback(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "content" / "fenomenen.yml").write_text(bomb(), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    named = [line for line in output.splitlines() if "content/" in line]
    assert len(named) == 1, output
    assert "Content error: content/fenomenen.yml:1: lol1: anchor '&lol1' is not allowed" in named[0], output


def test_a_changed_file_is_read_again_in_the_same_process(tmp_path):
    """Content is shared between the reads of one process (a build reads it
    twice, the editions command once per edition), never past a change: as
    under `mkdocs serve`, a fixed or edited file counts at once."""
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    path = folder / "colofon.yml"
    good = path.read_text(encoding="utf-8")
    assert load_content(folder).colofon.titel == COLOPHON
    path.write_text(good.replace(f"titel: {COLOPHON}\n", "titel: Over de makers\n"), encoding="utf-8")
    assert load_content(folder).colofon.titel == "Over de makers"
    path.write_text(good.replace(f"titel: {COLOPHON}\n", "titel:\n"), encoding="utf-8")
    with pytest.raises(ContentError):
        load_content(folder)
    path.write_text(good, encoding="utf-8")
    assert load_content(folder).colofon.titel == COLOPHON
