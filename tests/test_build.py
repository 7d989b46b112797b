"""`mkdocs build --strict` refuses a site with a content fault or a broken link."""
from __future__ import annotations

from support.project import build, copy_project


def test_a_content_fault_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "content" / "fenomenen.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("  - id: fraude")].count("\n") + 1
    path.write_text(text.replace("  - id: fraude\n", "  - id: fraude\n    platform: TikTok\n"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/fenomenen.yml:{line + 1}: fenomenen[2].platform: unknown field 'platform'" in result.stderr


def build_with_extra_html(tmp_path, html: str):
    """Build a copy of the project whose colofon page carries `html`."""
    project = copy_project(tmp_path / "project")
    (project / "docs" / "colofon.md").write_text(f"{{{{ colofon() }}}}\n\n{html}\n", encoding="utf-8")
    return build(project, tmp_path / "site")


def test_a_broken_anchor_fails_the_strict_build(tmp_path):
    result = build_with_extra_html(tmp_path, '<p><a href="partners.html#wijkagent">wijkagent</a></p>')
    assert result.returncode != 0
    assert "colofon.html: link 'partners.html#wijkagent' points to missing anchor '#wijkagent'" in result.stderr


def test_a_page_content_links_to_that_docs_lacks_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "colofon.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Content refers to pages that do not exist in docs/: colofon.md" in result.stderr


def test_a_steps_page_is_made_from_content_even_when_its_file_is_gone(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "stappen" / "contextinformatie.md").unlink(missing_ok=True)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "<h1" in (tmp_path / "site" / "stappen" / "contextinformatie.html").read_text(encoding="utf-8")


def test_an_asset_from_another_origin_fails_the_build(tmp_path):
    result = build_with_extra_html(tmp_path, '<img src="https://cdn.example.org/logo.png" alt="logo">')
    assert result.returncode != 0
    assert "https://cdn.example.org/logo.png" in result.stderr
