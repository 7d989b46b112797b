"""Validating a loaded YAML file against its model, with errors that name
file, line and field (pydantic's first error, translated)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .yamlsource import YamlSource, dotted


def validate(source: YamlSource, cls: type[BaseModel]) -> BaseModel:
    if not isinstance(source.data, dict):
        raise source.error((), "expected a mapping of fields at the top of the file")
    try:
        return cls.model_validate(source.data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        if err["type"] == "missing":
            message = f"required field '{loc[-1]}' is missing"
            return_loc = loc[:-1]
        elif err["type"] == "extra_forbidden":
            message = f"unknown field '{loc[-1]}'"
            return_loc = loc
        else:
            message = f"{err['msg']} (got {_short(err.get('input'))})"
            return_loc = loc
        more = len(exc.errors()) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''} in this file)"
        raise ContentError(source.name, source.line_of(return_loc), message,
                           where=dotted(loc)) from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
