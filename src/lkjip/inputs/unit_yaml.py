"""Reading ``unit.yaml`` safely, once per content.

- its size is checked before it is read (:data:`lkjip.contract.limits.UNIT_YAML_MAX_BYTES`);
- no YAML tags (``!!python/...``, ``!!str``, ``!x``): unit.yaml holds plain values;
- aliases (``&a`` ... ``*a``) may not make the document stand for more than
  :data:`lkjip.contract.limits.UNIT_YAML_MAX_NODES` nodes once expanded (the "billion
  laughs"), nor refer to themselves; nesting is at most
  :data:`lkjip.contract.limits.UNIT_YAML_MAX_DEPTH` deep;
- a parsed document is kept for the process by the SHA-256 of its bytes (a run
  reads unit.yaml from several notebooks and modules); each caller gets its own copy.

Every refusal is a :class:`~lkjip.errors.DataError` naming unit.yaml, the line
where there is one, and the limit.
"""

from __future__ import annotations

import copy
import hashlib
from collections import OrderedDict
from pathlib import Path

import yaml

from lkjip.contract import limits
from lkjip.errors import DataError
from lkjip.inputs.file_checks import check_input

_PARSED: OrderedDict[str, object] = OrderedDict()
_KEPT = 16


class _Refused(Exception):
    """A rule of this module broken at a place of the document."""

    def __init__(self, message: str, mark=None):
        super().__init__(message)
        self.line = None if mark is None else mark.line + 1


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader without tags and with a nesting limit."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if not isinstance(event, yaml.AliasEvent) and tag not in (None, "!"):
            raise _Refused(f"tag YAML '{tag}' tidak diizinkan: unit.yaml hanya berisi nilai biasa "
                           "(teks, angka, daftar, pasangan kunci: nilai)", event.start_mark)
        self._depth += 1
        try:
            if self._depth > limits.UNIT_YAML_MAX_DEPTH:
                raise _Refused(f"susunan bersarang lebih dalam dari batas UNIT_YAML_MAX_DEPTH "
                               f"{limits.UNIT_YAML_MAX_DEPTH} tingkat", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def read_unit_yaml(path: Path, name: str, folder: Path | None = None) -> object:
    """The parsed content of unit.yaml at ``path`` (named ``name`` in messages); see the module docstring."""
    path = Path(path)
    check_input(path, folder)  # a FIFO, a device or a link out of the unit's folder: before it is opened
    limit = limits.UNIT_YAML_MAX_BYTES
    too_big = (f"unit.yaml terlalu besar: {{n}} bita, batas UNIT_YAML_MAX_BYTES {limit} bita; "
               "unit.yaml hanya memuat identitas unit, sasaran dan pembiayaan")
    try:
        size = path.stat().st_size
        if size > limit:
            raise DataError(name, None, None, too_big.format(n=size))
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the file may have grown since its size was read
    except OSError as exc:
        raise DataError(name, None, None, f"berkas tidak dapat dibaca: {exc.strerror or type(exc).__name__}") from None
    if len(raw) > limit:
        raise DataError(name, None, None, too_big.format(n=f"lebih dari {limit}"))
    key = hashlib.sha256(raw).hexdigest()
    if key in _PARSED:
        _PARSED.move_to_end(key)
        return copy.deepcopy(_PARSED[key])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(name, None, None, "unit.yaml harus berenkode UTF-8") from None
    data = parse_yaml(text, name)
    _PARSED[key] = data
    while len(_PARSED) > _KEPT:
        _PARSED.popitem(last=False)
    return copy.deepcopy(data)


def parse_yaml(text: str, name: str) -> object:
    """Parse YAML text without tags, with aliases and nesting bounded (see the module docstring).

    >>> parse_yaml("a: &x [1, 2]\\nb: *x\\n", "unit.yaml")
    {'a': [1, 2], 'b': [1, 2]}
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    except _Refused as exc:
        raise DataError(name, exc.line, None, str(exc)) from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise DataError(name, None if line is None else line + 1, None, f"YAML tidak valid: {exc}") from None
    finally:
        loader.dispose()


def _children(node) -> list:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expansion(root) -> None:
    """Refuse a document whose aliases expand past the node limit or refer to themselves (no recursion)."""
    limit = limits.UNIT_YAML_MAX_NODES
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > limit:
                raise _Refused(f"alias YAML (&/*) mengembang melebihi batas UNIT_YAML_MAX_NODES {limit} nilai "
                               "(\"billion laughs\"); tulis nilainya tanpa alias", node.start_mark)
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise _Refused("alias YAML merujuk dirinya sendiri (susunan tanpa akhir)", node.start_mark)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
