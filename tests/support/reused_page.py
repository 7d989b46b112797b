"""One browser tab that test after test reuses, reset to a clean state between
them, instead of a new browser context and tab for each test.

A new context and tab cost about 0.2 s and the first page load in it (empty
cache) about 0.1 s more; over some 400 browser tests that was over two minutes
of the suite. Between two tests the tab is reset:

- it goes to about:blank, and every origin it visited loses its stored data
  (localStorage, IndexedDB, Cache Storage, cookies) and its sessionStorage;
- listeners and routes the test added to the page or its context go, other
  tabs it opened are closed, and the viewport is set back.

The browser's HTTP cache is kept: a test's pages load as on a second visit to
the site, which is what most readers get. Emptying it cost about 0.1 s of
every test (each test's first pages loaded and compiled every stylesheet and
script again). A test still sees every request: Chromium reports a response
from the cache as a request and a response too. A route turns the cache off
while it is there, as Playwright does; a test that needs the first visit's
empty cache asks for `context`.

What cannot be undone on a live tab (an init script, an exposed function,
emulated media, a fake clock, extra headers, permissions, offline mode) marks
the tab as used up: the next test gets a new context and tab. The fixture in
support/fixtures.py gives a test its own context as before when it asks for
`context` itself or sets `browser_context_args`.
"""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page

# Calls whose effect stays on the tab or context for good.
PAGE_CALLS_THAT_STAY = ("add_init_script", "expose_function", "expose_binding", "emulate_media",
                        "set_extra_http_headers", "route_from_har", "route_web_socket")
CONTEXT_CALLS_THAT_STAY = ("add_init_script", "expose_function", "expose_binding",
                           "set_extra_http_headers", "set_offline", "grant_permissions",
                           "set_geolocation", "route_from_har", "route_web_socket")


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return f"{parts.scheme}://{parts.netloc}"
    return None


class ReusedPage:
    """A context and tab kept over tests; `get()` before a test, `reset()` after."""

    def __init__(self, browser: Browser, context_args: dict[str, Any],
                 prepare: Callable[[Page], Any] | None = None):
        """`prepare(page)` runs on each new tab before its first test; what it
        adds (an init script, listeners) stays for every test in that tab, and
        what it returns is kept as `prepared`."""
        self.browser, self.context_args, self.prepare = browser, context_args, prepare
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        self.prepared: Any = None

    def get(self) -> Page:
        if self.page is None or self.page.is_closed():
            self._open()
        return self.page

    def _open(self) -> None:
        self.close()
        self.context = self.browser.new_context(**self.context_args)
        self.page = self.context.new_page()
        self.used_up = False
        self.origins: set[str] = set()
        self.cdp = self.context.new_cdp_session(self.page)
        self.page.on("framenavigated", self._navigated)
        self.viewport = self.page.viewport_size
        if self.prepare:
            self.prepared = self.prepare(self.page)
        self._watch(self.page, PAGE_CALLS_THAT_STAY)
        self._watch(self.context, CONTEXT_CALLS_THAT_STAY)
        # A fake clock cannot be taken back out of a live tab. The page's and
        # the context's clock are one object; every call on it installs or
        # moves the fake clock, whichever Playwright adds.
        clock = self.page.clock
        self._watch(clock, tuple(name for name, value in vars(type(clock)).items()
                                 if not name.startswith("_") and callable(value)))
        # Routes can be undone; the reset only asks the browser when there were any.
        self.routed = False
        self._watch(self.page, ("route",), "routed")
        self._watch(self.context, ("route",), "routed")
        self.page_listeners = self._listeners(self.page)
        self.context_listeners = self._listeners(self.context)

    def _navigated(self, frame) -> None:
        origin = _origin(frame.url)
        if origin:
            self.origins.add(origin)

    def _watch(self, target, names: tuple[str, ...], flag: str = "used_up") -> None:
        """Set `flag` (the tab used up, unless told otherwise) when the test
        calls one of `names` on `target`."""
        for name in names:
            original = getattr(target, name)

            def marking(*args, _original=original, **kwargs):
                setattr(self, flag, True)
                return _original(*args, **kwargs)
            setattr(target, name, marking)

    @staticmethod
    def _listeners(target) -> dict[str, list]:
        impl = target._impl_obj
        return {event: list(impl.listeners(event)) for event in impl.event_names()}

    @staticmethod
    def _drop_new_listeners(target, before: dict[str, list]) -> None:
        impl = target._impl_obj
        for event in list(impl.event_names()):
            for listener in list(impl.listeners(event)):
                if listener not in before.get(event, []):
                    # The impl's remove_listener also turns off what the
                    # listener turned on (file chooser interception, request
                    # events).
                    impl.remove_listener(event, listener)

    def reset(self) -> None:
        """Leave the tab as a new one would be, or close it when that cannot be done."""
        if self.page is None:
            return
        if self.used_up or self.page.is_closed():
            self.close()
            return
        try:
            self._reset()
        except Exception:  # noqa: BLE001 (a tab that cannot be reset is replaced)
            self.close()

    def _reset(self) -> None:
        page, context = self.page, self.context
        for other in context.pages:
            if other != page:
                other.close()
        self._drop_new_listeners(page, self.page_listeners)
        self._drop_new_listeners(context, self.context_listeners)
        if self.routed:
            page.unroute_all(behavior="ignoreErrors")
            context.unroute_all(behavior="ignoreErrors")
            self.routed = False
        here = _origin(page.url)
        if here:
            page.evaluate("() => { try { sessionStorage.clear(); } catch (e) {} }")
        # sessionStorage of an origin the tab has left can only be cleared
        # from a page of that origin: such a tab is not reused.
        if self.origins - {here}:
            self.close()
            return
        page.goto("about:blank")
        for origin in self.origins:
            self.cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        self.origins.clear()
        context.clear_cookies()
        if self.viewport and page.viewport_size != self.viewport:
            page.set_viewport_size(self.viewport)

    def close(self) -> None:
        if self.context is not None:
            try:
                self.context.close()
            except Exception:  # noqa: BLE001 (the browser may be gone at the end)
                pass
        self.context = self.page = None
