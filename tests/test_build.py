"""`mkdocs build --strict` refuses a site with a content fault or a broken link.

Each changed build is made in the background (support/variants.py)."""
from __future__ import annotations

from support.variants import Variant


def _line_of_fraude(project) -> int:
    text = (project / "content" / "fenomenen.yml").read_text(encoding="utf-8")
    return text[: text.index("  - id: fraude")].count("\n") + 1


def with_an_unknown_field(project):
    path = project / "content" / "fenomenen.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: fraude\n", "  - id: fraude\n    platform: TikTok\n"), encoding="utf-8")


UNKNOWN_FIELD = Variant("unknown-field", with_an_unknown_field)


def test_a_content_fault_stops_the_build_with_file_and_line():
    result = UNKNOWN_FIELD.result()
    line = _line_of_fraude(UNKNOWN_FIELD.project)
    assert result.returncode != 0
    assert f"content/fenomenen.yml:{line + 1}: fenomenen[2].platform: unknown field 'platform'" in result.stderr


def with_extra_html(html: str):
    """A change that gives the colofon page `html`."""
    def change(project):
        (project / "docs" / "colofon.md").write_text(f"{{{{ colofon() }}}}\n\n{html}\n", encoding="utf-8")
    return change


BROKEN_ANCHOR = Variant("broken-anchor", with_extra_html('<p><a href="partners.html#wijkagent">wijkagent</a></p>'))
ASSET_ELSEWHERE = Variant("asset-elsewhere",
                          with_extra_html('<img src="https://cdn.example.org/logo.png" alt="logo">'))
WITHOUT_COLOPHON = Variant("without-colofon", lambda project: (project / "docs" / "colofon.md").unlink())
WITHOUT_STEP_FILE = Variant("without-step-file", lambda project: (
    project / "docs" / "stappen" / "contextinformatie.md").unlink(missing_ok=True))


def test_a_broken_anchor_fails_the_strict_build():
    result = BROKEN_ANCHOR.result()
    assert result.returncode != 0
    assert "colofon.html: link 'partners.html#wijkagent' points to missing anchor '#wijkagent'" in result.stderr


def test_a_page_content_links_to_that_docs_lacks_fails_the_build():
    result = WITHOUT_COLOPHON.result()
    assert result.returncode != 0
    assert "Content refers to pages that do not exist in docs/: colofon.md" in result.stderr


def test_a_steps_page_is_made_from_content_even_when_its_file_is_gone():
    site = WITHOUT_STEP_FILE.site()
    assert "<h1" in (site / "stappen" / "contextinformatie.html").read_text(encoding="utf-8")


def test_an_asset_from_another_origin_fails_the_build():
    result = ASSET_ELSEWHERE.result()
    assert result.returncode != 0
    assert "https://cdn.example.org/logo.png" in result.stderr
