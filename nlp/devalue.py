"""Nuxt 3's page payload (``<script id="__NUXT_DATA__">``) read back into a plain JSON tree.

Nuxt 3 serialises its state with devalue: one flat array whose first item is the root, where
every object's value and every array's item is the index of another item, and typed values are
arrays led by their type's name (``["Date", "2025-…"]``, ``["ShallowReactive", 1]``). Read as
plain JSON it holds no object with a headline and a body, so the article it carries is missed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# devalue's own types and Nuxt's reducers that wrap one value (reactivity, refs)
_WRAPPERS = frozenset(
    {"Object", "Reactive", "ShallowReactive", "Ref", "ShallowRef", "EmptyRef", "EmptyShallowRef"}
)
_MAX_ITEMS = 200_000  # a payload larger than any article page's: not read


def is_devalue(data: Any, script_id: str = "") -> bool:
    """``data`` is a devalue payload: Nuxt's own script, or a flat array led by a wrapped root."""
    if not isinstance(data, list) or not data or len(data) > _MAX_ITEMS:
        return False
    root = data[0]
    if script_id == "__NUXT_DATA__":
        return isinstance(root, list | dict)
    return isinstance(root, list) and bool(root) and root[0] in _WRAPPERS


def unflatten(data: list[Any]) -> Any:
    """The tree a devalue payload stands for; a cycle is cut (its back reference reads ``None``)."""
    done: dict[int, Any] = {}
    active: set[int] = set()

    def value(index: Any) -> Any:
        if not _is_index(index) or index >= len(data):
            return None  # negative indices are undefined, NaN, ±Infinity and -0
        if index in done:
            return done[index]
        if index in active:
            return None
        active.add(index)
        item = data[index]
        if isinstance(item, dict):
            out: Any = {key: value(i) for key, i in item.items()}
        elif isinstance(item, list) and item and isinstance(item[0], str):
            out = _typed(item, value)
        elif isinstance(item, list):
            out = [value(i) for i in item]
        else:
            out = item
        active.discard(index)
        done[index] = out
        return out

    return value(0)


def _typed(item: list[Any], value: Callable[[Any], Any]) -> Any:
    """A typed item: ``[name, …]``; a date reads as its ISO text, sets as lists, maps as objects."""
    name, args = item[0], item[1:]
    if name in _WRAPPERS:
        return value(args[0]) if args else None
    if name == "Date":
        return args[0] if args else None
    if name == "Set":
        return [value(i) for i in args]
    pairs = list(zip(args[0::2], args[1::2], strict=False))
    if name == "Map":
        return {str(value(k)): value(v) for k, v in pairs}
    if name == "null":  # an object without a prototype: its keys are plain
        return {str(k): value(v) for k, v in pairs}
    return None  # RegExp, BigInt, a custom reducer's value: no text of an article


def _is_index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
