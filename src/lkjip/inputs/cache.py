"""Work done once per process, keyed by exactly what it is computed from.

A unit-year's notebooks run one after another in one kernel, and a warm
worker keeps that kernel for its next unit-years: the audit, the LKjIP and
the SAKIP analysis each read the same raw files and compute the same years'
indicators. :class:`Memo` keeps those results for the life of the process.

A key is a digest of the *content* the result is computed from (the bytes of
a file, the values of the frames), never a path or a time stamp, so an edited
file or a different frame is a miss, not a stale hit. A hit returns a deep
copy: a caller that changes what it got cannot change what the next caller
gets. Entries are few and small (a unit's files are kilobytes); large inputs
are not kept (:data:`MAX_ROWS`), so a million-row survey costs no extra memory.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
from collections import OrderedDict
from typing import Any, Callable, Mapping

import numpy as np
import pandas as pd

#: Frames with more rows than this are not kept (their copy would cost more than it saves).
MAX_ROWS = 200_000

_MISSING = object()
_ALL: list["Memo"] = []


class Memo:
    """A small least-recently-used store of results by content key (see module docstring)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self.hits = 0
        self.misses = 0
        _ALL.append(self)

    def get(self, key: str | None) -> Any:
        """A deep copy of the result stored under ``key``, or :data:`MISSING`."""
        if key is None or key not in self._items:
            self.misses += 1
            return _MISSING
        self._items.move_to_end(key)
        self.hits += 1
        return _copy(self._items[key])

    def put(self, key: str | None, value: Any) -> None:
        if key is None:
            return
        self._items[key] = _copy(value)
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def clear(self) -> None:
        self._items.clear()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._items)


MISSING = _MISSING


def clear_all() -> None:
    """Forget every kept result of this process (tests use it to start from nothing)."""
    for memo in _ALL:
        memo.clear()


def _copy(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        out = value.copy(deep=True)
        out.attrs = copy.deepcopy(value.attrs)
        return out
    return copy.deepcopy(value)


def cached(memo: Memo, key: str | None, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per ``key`` (a ``None`` key always computes)."""
    got = memo.get(key)
    if got is not MISSING:
        return got
    value = compute()
    memo.put(key, value)
    return value


# ------------------------------------------------------------------ content keys

class Unkeyable(Exception):
    """The value cannot be reduced to a content key (it is then computed, not kept)."""


def frame_token(frame: pd.DataFrame) -> bytes:
    """The content of a frame as bytes: column names, dtypes, values, index and ``attrs``.

    Column by column, so two frames with equal content and a different internal
    block layout (one read from Parquet, one built column by column) give the
    same token. Raises :class:`Unkeyable` for frames above :data:`MAX_ROWS`.
    """
    if len(frame) > MAX_ROWS:
        raise Unkeyable(f"{len(frame)} baris")
    parts: list[Any] = [list(map(repr, frame.columns)), pickle.dumps(frame.index, protocol=5),
                        sorted((str(k), repr(v)) for k, v in frame.attrs.items())]
    for i in range(frame.shape[1]):
        col = frame.iloc[:, i]
        parts.append((str(col.dtype), _values_token(col)))
    return pickle.dumps(parts, protocol=5)


def _values_token(col: pd.Series) -> bytes:
    # Not a pickle of the array itself: pandas arrays pickle their caches too, so equal
    # values would give different bytes after an operation filled a cache.
    values = col.array
    data, mask = getattr(values, "_data", None), getattr(values, "_mask", None)
    if isinstance(data, np.ndarray) and isinstance(mask, np.ndarray) and data.dtype != object:
        # what lies under the mask is not a value (and differs between readers)
        return b"m" + np.where(mask, np.zeros(1, dtype=data.dtype), data).tobytes() + b"|" + mask.tobytes()
    raw = col.to_numpy(copy=False)
    if isinstance(raw, np.ndarray) and raw.dtype != object and raw.dtype.kind in "biufcmM":
        return b"n" + raw.tobytes()
    return b"o" + pickle.dumps(col.to_numpy(dtype=object), protocol=5)


def content_key(*values: Any) -> str | None:
    """SHA-256 over ``values`` (frames by :func:`frame_token`, mappings sorted by key, the rest
    pickled); ``None`` when a value cannot be keyed."""
    digest = hashlib.sha256()
    try:
        for value in values:
            digest.update(_token(value))
            digest.update(b"\x1e")
    except (Unkeyable, pickle.PicklingError, TypeError, AttributeError, ValueError):
        return None
    return digest.hexdigest()


def _token(value: Any) -> bytes:
    if isinstance(value, pd.DataFrame):
        return b"F" + frame_token(value)
    if isinstance(value, Mapping):
        items = sorted(value.items(), key=lambda kv: repr(kv[0]))
        return b"M" + b"".join(_token(k) + b"\x1f" + _token(v) + b"\x1d" for k, v in items)
    if isinstance(value, (list, tuple)):
        return (b"L" if isinstance(value, list) else b"T") + b"".join(_token(v) + b"\x1d" for v in value)
    return b"P" + pickle.dumps(value, protocol=5)
