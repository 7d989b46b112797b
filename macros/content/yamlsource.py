"""Read a YAML file into plain data while remembering the line of every value.

PyYAML forgets where a value came from, and silently keeps the last of two
equal keys. Content errors must name a line, so this composes the node tree
and builds the data itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError

Path_ = tuple  # a location inside the data: ("stappen", 2, "vragen", 0)


@dataclass
class YamlSource:
    """Plain data from one file, with the line of each location in it."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    text: str = ""

    def line_of(self, loc: Path_) -> int | None:
        """The line of `loc`, or of the nearest enclosing value that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def error(self, loc: Path_, message: str, near: str = "") -> ContentError:
        """An error at `loc`; `near` is text inside the value to point at its own line."""
        line = self.line_of(loc)
        if near and line:
            for offset, raw in enumerate(self.text.splitlines()[line - 1:]):
                if near in raw:
                    line += offset
                    break
        return ContentError(self.name, line, message, where=dotted(loc))


def dotted(loc: Path_) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def read_yaml(path: Path, name: str) -> YamlSource:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(name, None, "file is missing") from None
    except UnicodeDecodeError as exc:
        raise ContentError(name, None, f"is not valid UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlSource:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        source = YamlSource(name, None, text=text)
        source.data = _build(node, (), loader, source) if node is not None else None
        return source
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise ContentError(name, mark.line + 1 if mark else None, f"malformed YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise ContentError(name, None, f"malformed YAML: {exc}") from None
    finally:
        loader.dispose()


def _build(node: yaml.Node, loc: Path_, loader: yaml.SafeLoader, source: YamlSource) -> Any:
    source.lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                raise ContentError(source.name, key_node.start_mark.line + 1,
                                   f"key {key!r} must be text", where=dotted(loc))
            if key in out:
                raise ContentError(source.name, key_node.start_mark.line + 1,
                                   f"duplicate key '{key}'", where=dotted(loc))
            out[key] = _build(value_node, loc + (key,), loader, source)
            # A missing or wrong value is best pointed at by its key's line.
            source.lines[loc + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), loader, source) for i, item in enumerate(node.value)]
    try:
        return loader.construct_object(node)
    except ValueError as exc:
        # PyYAML reads 2026-02-30 as a date and fails with a bare ValueError.
        what = "is not a real date" if node.tag.endswith(":timestamp") else "cannot be read"
        raise ContentError(source.name, node.start_mark.line + 1, f"'{node.value}' {what} ({exc})",
                           where=dotted(loc)) from None
