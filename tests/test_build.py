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


def test_a_page_missing_for_a_step_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "stappen" / "contextinformatie.md").unlink()
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "stappen/contextinformatie.md" in result.stderr


def test_an_asset_from_another_origin_fails_the_build(tmp_path):
    result = build_with_extra_html(tmp_path, '<img src="https://cdn.example.org/logo.png" alt="logo">')
    assert result.returncode != 0
    assert "https://cdn.example.org/logo.png" in result.stderr
