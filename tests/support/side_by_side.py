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

This leans on two attributes of Playwright's sync objects (`_loop`,
`_dispatcher_fiber`) and on `wait_for_future`: requirements.txt pins the
version it was written for, and tests/test_accessibility.py shows it works.
"""
from __future__ import annotations

import asyncio
from typing import Any, Callable, TypeVar

import greenlet
from playwright._impl._greenlets import wait_for_future

T = TypeVar("T")


def side_by_side(anchor: Any, jobs: list[Callable[[], T]]) -> list[T]:
    """Run `jobs` at once, each in a greenlet of its own, and return their
    results in order once all have ended; the first error is raised then.
    `anchor` is any object of Playwright's sync API (the browser)."""
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
