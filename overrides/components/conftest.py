"""Fixtures for each component's own tests, the same as tests/ has."""
from support.fixtures import *  # noqa: F401,F403
