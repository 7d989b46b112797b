"""The build's phases have names: prepare (the engine's input), the macros
(define_env: macros and theme data only), and the after-build steps, an
ordered list with one error type."""
from __future__ import annotations

import ast
import inspect
import subprocess
import sys

import yaml

import macros
from macros import afterbuild
from macros.afterbuild import AfterBuildError, STEPS
from macros.content import load_content
from support.project import ROOT
from support.words import CONFIG

CONFIG_CHANGES = {"write_pages", "extend_nav", "set_site_url", "add_stylesheet", "set_site_words"}


def test_define_env_only_registers_macros_and_theme_data():
    tree = ast.parse(inspect.getsource(macros.define_env))
    called = {node.func.attr for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    assert called & CONFIG_CHANGES == set()
    assert "macro" in called


def test_the_prepare_command_writes_the_pages_and_the_completed_nav(tmp_path):
    out = tmp_path / "mkdocs.prepared.yml"
    result = subprocess.run([sys.executable, "-m", "macros.prepare", "--write-config", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    content = load_content(ROOT / "content")
    route = yaml.safe_load(out.read_text(encoding="utf-8"))["nav"][1][CONFIG["nav_route"]]
    steps = [f"stappen/{s.id}.md" for s in content.routekaart.stappen]
    assert route[:len(steps) + 1] == [*steps, "stappen/einde.md"]
    for page in steps:
        assert (ROOT / "docs" / page).is_file(), page


def test_the_prepare_command_names_a_content_fault_and_fails(tmp_path):
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    for path in (ROOT / "content").glob("*.yml"):
        (project / "content" / path.name).write_bytes(path.read_bytes())
    roles = project / "content" / "rollen.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("    partner: gemeente\n",
                                                                 "    partner: gemeenten\n"), encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["content_dir"] = str(project / "content")
    config["docs_dir"] = str(project / "docs")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "macros.prepare", "--config", str(project / "mkdocs.yml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "rollen.yml:" in result.stderr and "unknown partner 'gemeenten'" in result.stderr


def test_the_after_build_is_a_named_ordered_list_of_steps_that_say_what_they_write():
    names = [step.name for step in STEPS]
    assert len(names) == len(set(names)) >= 8
    assert all(step.writes.strip() for step in STEPS)
    # the order the steps depend on
    assert names.index("bundles") < names.index("defer") < names.index("offline") \
        < names.index("headers") < names.index("links")


def test_the_after_build_steps_have_one_error_type():
    for path in (ROOT / "macros" / "afterbuild").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        errors = [node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                  and any(getattr(base, "id", "") == "Exception" for base in node.bases)]
        assert errors == ([] if path.name != "errors.py" else ["AfterBuildError"]), (path.name, errors)
    assert afterbuild.AfterBuildError is AfterBuildError


def test_a_failing_step_is_named(tmp_path):
    (tmp_path / "index.html").write_text("<html><body></body></html>", encoding="utf-8")
    try:
        afterbuild.after_build(tmp_path, files={}, zip_note="1.0", zip_size="{grootte}", css=[], js=[])
    except AfterBuildError as exc:
        assert str(exc).startswith("After-build step '"), exc
    else:
        raise AssertionError("an empty folder passed every step")
