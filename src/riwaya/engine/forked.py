"""Forked worker processes over a store file, for the steps after the per-article pass (corpus stages,
the export): each worker opens the store read-only itself and inherits the step's data from the fork;
results come back in task order through a bounded window."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..store import Store

_STORE: Store | None = None
_DATA: Any = None


def worker_store() -> Store:
    """The store, in a worker of `forked`."""
    assert _STORE is not None, "not in a worker of forked()"
    return _STORE


def worker_data() -> Any:
    """The data `forked` was given, in one of its workers."""
    return _DATA


def _init(path: str | None, data: Any) -> None:
    global _STORE, _DATA
    _STORE = Store(path, readonly=True) if path is not None else None  # its own connection: never the parent's
    _DATA = data


@contextmanager
def forked(workers: int, path: str | None = None, data: Any = None) -> Iterator[Any]:
    """A pool of `workers` forked processes over the store at `path` (None: the tasks open what they need),
    with `data` inherited (not sent).
    The parent's objects are frozen out of the garbage collector first: else the collector's visits copy
    every page of the parent's heap into each child (2.4 GB in all on 100k articles when first tried)."""
    import gc
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"), initializer=_init, initargs=(path, data))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()


def in_order(pool: Any, fn: Callable[[Any], Any], tasks: Iterable[Any], window: int) -> Iterator[Any]:
    """`fn` over `tasks` on the pool, results in task order, at most `window` tasks submitted ahead (bounded
    memory; one long task does not hold the others up)."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(pool.submit(fn, task))
        if len(pending) > window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
