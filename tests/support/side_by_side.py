"""Run a few browser jobs at once in one thread, with Playwright's sync API:
the sweeps' and the interactive states' tabs (support/sweep.py).

Playwright's sync API waits for the browser by switching to its dispatcher
greenlet, which runs the event loop until the answer comes. Playwright runs
its own callbacks that may block in sync calls (route and event handlers) in
greenlets of their own for that reason (`run_in_greenlet` in its
`_impl/_greenlets.py`). `side_by_side` starts jobs the same way: while one
job waits for its tab (a page load, axe-core running in the page), another
goes on in its own tab. Only one runs Python code at a time, so the jobs can
share plain lists and dicts without locks. A job must not block the thread
outside Playwright (time.sleep, a subprocess): that stops the others too.

This leans on private parts of Playwright: two attributes of its sync
objects (`_loop`, `_dispatcher_fiber`) and `wait_for_future`.
requirements.txt pins the version it was written for. When an upgrade moves
them, `side_by_side` stops with "Playwright internals changed" instead of
failing somewhere inside a sweep, and tests/test_harness.py says so on
its own. `RK_SERIAL=1` runs the jobs one after another with the public API
only: slower, but independent of those internals.
"""
from __future__ import annotations

import asyncio
import inspect
import os
from typing import Any, Callable, TypeVar

import greenlet

T = TypeVar("T")

SERIAL_SWITCH = "RK_SERIAL"
PRIVATE_ATTRIBUTES = ("_loop", "_dispatcher_fiber")


class PlaywrightInternalsChanged(RuntimeError):
    pass


def missing_internals(anchor: Any) -> list[str]:
    """The private parts of Playwright that `side_by_side` uses and cannot
    find, for `anchor` (any object of the sync API)."""
    missing = [f"{type(anchor).__name__}.{name}" for name in PRIVATE_ATTRIBUTES if not hasattr(anchor, name)]
    try:
        from playwright._impl._greenlets import wait_for_future
    except ImportError:
        return missing + ["playwright._impl._greenlets.wait_for_future"]
    if list(inspect.signature(wait_for_future).parameters) != ["loop", "dispatcher_fiber", "future"]:
        missing.append("wait_for_future(loop, dispatcher_fiber, future)")
    return missing


def serial() -> bool:
    return os.environ.get(SERIAL_SWITCH, "") not in ("", "0")


def side_by_side(anchor: Any, jobs: list[Callable[[], T]]) -> list[T]:
    """Run `jobs` at once, each in a greenlet of its own, and return their
    results in order once all have ended; the first error is raised then.
    `anchor` is any object of Playwright's sync API (the browser)."""
    if serial():
        return _one_after_another(jobs)
    missing = missing_internals(anchor)
    if missing:
        raise PlaywrightInternalsChanged(
            f"Playwright internals changed: {', '.join(missing)} not found. Adapt "
            f"tests/support/side_by_side.py to this Playwright, or run the jobs one "
            f"after another with {SERIAL_SWITCH}=1.")
    from playwright._impl._greenlets import wait_for_future

    loop = anchor._loop
    futures: list[asyncio.Future] = [loop.create_future() for _ in jobs]

    def body(job: Callable[[], T], future: asyncio.Future) -> None:
        try:
            future.set_result(job())
        except BaseException as error:  # noqa: BLE001 (raised by the caller below)
            future.set_exception(error)

    def start() -> None:
        # Started from the loop, a job's greenlet has the dispatcher as its
        # parent: when the job ends, the loop goes on where it left off.
        for job, future in zip(jobs, futures):
            greenlet.greenlet(body).switch(job, future)

    loop.call_soon(start)
    everything = asyncio.gather(*futures, return_exceptions=True)
    wait_for_future(loop, anchor._dispatcher_fiber, everything)
    return [future.result() for future in futures]


def _one_after_another(jobs: list[Callable[[], T]]) -> list[T]:
    """As `side_by_side` promises: every job runs, even after another's error,
    and the first error is raised once all have ended."""
    results: list[T] = []
    first_error: BaseException | None = None
    for job in jobs:
        try:
            results.append(job())
        except Exception as error:  # noqa: BLE001 (raised below, after the other jobs)
            first_error = first_error or error
            results.append(None)
    if first_error is not None:
        raise first_error
    return results
