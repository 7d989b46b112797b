"""Helpers for the tests, imported as `support.<module>`; pytest fixtures and hooks
live in fixtures.py, registered once as a plugin (pyproject.toml).

- project: the project's root, building a copy of it, serving a built site
- variants: builds of a changed copy of the project, made in the background
- browser: Debian's Chromium, its flags and the two widths every check runs at
- axe: axe-core's violations on a page
- csp: recording Content-Security-Policy violations in a page
- nginx_server: the built site behind a real nginx with the security headers
- sweep: the page-level checks run on every page in one visit per width
- side_by_side: a few browser jobs at once in the test thread (the sweeps' tabs)
- interactions: every interactive state (the site's, and the components' beside them), for the axe and CSP checks
- state: Interaction, one state's name, page and steps
- keyboard: Tab through a page and check that focus is always visible
- content_faults: content/ with one change, loaded, for content-model tests
- html: read facts from the built HTML without a browser
- discuss: walk files ("mijn handelingen") made in Python, for the bespreken tests

tests/README.md tells how the suite is organised.
"""
