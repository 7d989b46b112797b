"""Read a YAML file into plain data while remembering the line of every value.

PyYAML forgets where a value came from, and silently keeps the last of two
equal keys. Content errors must name a line, so this composes the node tree
and builds the data itself.

Whatever a file holds, reading it ends in data or in one `ContentError`: never
another exception, and never a long wait. Content needs no anchors, aliases or
merge keys, and a few nested aliases can make a small file expand to billions
of values, so they are refused while composing, before anything is expanded.
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
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ContentError(name, None, "file is missing") from None
    except OSError as exc:
        raise ContentError(name, None, f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(name, raw[: exc.start].count(b"\n") + 1,
                           f"is not valid UTF-8 text ({exc.reason} at byte {exc.start}): "
                           "save the file as UTF-8") from None
    return parse_yaml(text, name)


# Deeper than any content file; stops `[[[[...` before Python's recursion limit.
MAX_DEPTH = 50


class _Loader(yaml.SafeLoader):
    """SafeLoader that refuses anchors, aliases and very deep nesting while it
    composes, and knows where in the data it is, for error messages."""

    def __init__(self, text: str, name: str):
        self.content_name = name  # Reader keeps its own `name`
        self.path: list[str | int] = []  # location of the node being composed
        self.depth = 0
        super().__init__(text)

    def compose_node(self, parent, index):
        # A mapping's value comes with its key node, a sequence's item with its number.
        part = index.value if isinstance(index, yaml.ScalarNode) else index if isinstance(index, int) else None
        if part is not None:
            self.path.append(part)
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise self._refuse(event, f"alias '*{event.anchor}' is not allowed: content uses no YAML "
                                      "anchors or aliases; write the value out")
        if event.anchor is not None:
            raise self._refuse(event, f"anchor '&{event.anchor}' is not allowed: content uses no YAML "
                                      "anchors or aliases; write the value out")
        if self.depth >= MAX_DEPTH:
            raise self._refuse(event, f"nested more than {MAX_DEPTH} levels deep")
        self.depth += 1
        node = super().compose_node(parent, index)
        self.depth -= 1
        if part is not None:
            self.path.pop()
        return node

    def _refuse(self, event: yaml.Event, message: str) -> ContentError:
        return ContentError(self.content_name, event.start_mark.line + 1, message, where=dotted(tuple(self.path)))


def parse_yaml(text: str, name: str) -> YamlSource:
    loader = None
    try:
        loader = _Loader(text, name)
        node = loader.get_single_node()
        source = YamlSource(name, None, text=text)
        source.data = _build(node, (), loader, source) if node is not None else None
        return source
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        if "'\\t'" in problem:
            problem += ": indent with spaces, not tabs"
        inside = f" (inside {dotted(tuple(loader.path))})" if loader and loader.path else ""
        raise ContentError(name, mark.line + 1 if mark else None, f"malformed YAML: {problem}{inside}") from None
    except yaml.reader.ReaderError as exc:
        # A character YAML does not allow in a file, such as a raw control character.
        line = text[: exc.position].count("\n") + 1
        raise ContentError(name, line, f"malformed YAML: character {exc.character:#06x} is not "
                                       "allowed in a YAML file; remove it") from None
    except yaml.YAMLError as exc:
        raise ContentError(name, None, f"malformed YAML: {exc}") from None
    finally:
        if loader:
            loader.dispose()


MERGE = "tag:yaml.org,2002:merge"
PLAIN = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}  # a list or mapping without a tag of its own


def _build(node: yaml.Node, loc: Path_, loader: yaml.SafeLoader, source: YamlSource) -> Any:
    source.lines[loc] = node.start_mark.line + 1
    if not isinstance(node, yaml.ScalarNode) and node.tag not in PLAIN:
        # Scalars' tags are checked by constructing them; a list or mapping is built here, tag or not.
        raise ContentError(source.name, node.start_mark.line + 1,
                           f"malformed YAML: tag '{node.tag}' is not allowed", where=dotted(loc))
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == MERGE:
                raise ContentError(source.name, line, "merge key '<<' is not allowed: content uses no "
                                   "YAML merge keys; write the fields out", where=dotted(loc + ("<<",)))
            key = _scalar(key_node, loc, loader, source) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "[...]"
                raise ContentError(source.name, line, f"key {_quoted(shown)} must be text", where=dotted(loc))
            if key in out:
                raise ContentError(source.name, line, f"duplicate key '{key}'", where=dotted(loc + (key,)))
            out[key] = _build(value_node, loc + (key,), loader, source)
            # A missing or wrong value is best pointed at by its key's line.
            source.lines[loc + (key,)] = line
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, loc + (i,), loader, source) for i, item in enumerate(node.value)]
    return _scalar(node, loc, loader, source)


def _scalar(node: yaml.ScalarNode, loc: Path_, loader: yaml.SafeLoader, source: YamlSource) -> Any:
    try:
        return loader.construct_object(node)
    except ValueError as exc:
        # PyYAML reads 2026-02-30 as a date and fails with a bare ValueError;
        # an integer of thousands of digits fails the same way.
        what = "is not a real date" if node.tag.endswith(":timestamp") else "cannot be read"
        reason = str(exc).split(":")[0]  # not Python's advice on sys.set_int_max_str_digits()
        raise ContentError(source.name, node.start_mark.line + 1, f"{_quoted(node.value)} {what} ({reason})",
                           where=dotted(loc)) from None
    except yaml.YAMLError as exc:  # e.g. an unknown tag such as !foo
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError(source.name, node.start_mark.line + 1, f"malformed YAML: {problem}",
                           where=dotted(loc)) from None


def _quoted(value: str) -> str:
    value = " ".join(str(value).split())
    return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
