"""The one error type of the after-build steps."""
from __future__ import annotations


class AfterBuildError(Exception):
    """A step cannot do its work on the built folder; `after_build` names the step."""
