"""Fixtures for the tests in tests/ (they live in support/fixtures.py, shared
with the components' own tests in overrides/components/)."""
from support.fixtures import *  # noqa: F401,F403
