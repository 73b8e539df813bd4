"""A least-recently-used cache bounded by the total size (bytes) of its values (no Qt needed)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

__all__ = ["ByteLru"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ByteLru(Generic[K, V]):
    """LRU mapping whose values' ``size_of`` sum never exceeds ``max_bytes`` after a ``put``.

    A value larger than ``max_bytes`` on its own is not stored. ``evictions`` counts removals made
    to respect the bound (for tests and diagnostics).
    """

    def __init__(self, max_bytes: int, size_of: Callable[[V], int]) -> None:
        self.max_bytes = max_bytes
        self._size_of = size_of
        self._items: OrderedDict[K, tuple[V, int]] = OrderedDict()
        self.total_bytes = 0
        self.peak_bytes = 0
        self.evictions = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def keys(self) -> Iterator[K]:
        """Keys from least to most recently used."""
        return iter(list(self._items))

    def get(self, key: K) -> V | None:
        """The value for ``key`` (marking it most recently used), or None."""
        hit = self._items.get(key)
        if hit is None:
            return None
        self._items.move_to_end(key)
        return hit[0]

    def put(self, key: K, value: V) -> None:
        """Store ``value``, evicting least recently used entries to stay within the bound."""
        size = self._size_of(value)
        self.discard(key)
        if size > self.max_bytes:
            return
        self._items[key] = (value, size)
        self.total_bytes += size
        self._shrink(self.max_bytes)
        self.peak_bytes = max(self.peak_bytes, self.total_bytes)

    def discard(self, key: K) -> None:
        """Remove ``key`` if present."""
        hit = self._items.pop(key, None)
        if hit is not None:
            self.total_bytes -= hit[1]

    def set_max_bytes(self, max_bytes: int) -> None:
        """Change the bound, evicting at once if the cache is now too full."""
        self.max_bytes = max_bytes
        self._shrink(max_bytes)

    def clear(self) -> None:
        """Remove everything."""
        self._items.clear()
        self.total_bytes = 0

    def _shrink(self, limit: int) -> None:
        while self.total_bytes > limit and self._items:
            _, (_, size) = self._items.popitem(last=False)
            self.total_bytes -= size
            self.evictions += 1
