"""Reading a claim file piece by piece: its header (format, article, sources) whole, then its
claims one at a time, each validated as it is read, so that memory does not grow with the
number of claims.

The tool writes ``claims`` last, after ``format``, ``article`` and ``sources``; a file edited
by hand into another order is still read (its claims are then held until the end of the
file, as a whole file was before), with the same checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

import yaml

from factcheck.claimfiles import schema
from factcheck.errors import InputError

# What must come before ``claims`` for them to be taken one at a time.
HEADER_FIELDS = ("format", "article", "sources")


def read_claim_file(source: str | IO[bytes], name: str) -> Iterator[dict]:
    """The file's header (a validated mapping without ``claims``), then each of its claims
    (validated): the first item is the header.

    ``source`` is the file's text, or a binary file to read as it goes. Every problem is an
    InputError naming ``name``, the line and the field; a problem late in the file is raised
    only when the reader gets there, after the items before it were given.
    """
    loader = schema.LineLoader(source)
    try:
        yield from _items(loader, name)
    except yaml.reader.ReaderError as error:  # not UTF-8, or a character YAML forbids
        raise InputError(f"{name}: cannot read (byte {error.position}: {error.reason})") from None
    except yaml.YAMLError as error:
        raise InputError(_yaml_problem(error, name)) from None
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.YAMLError, name: str) -> str:
    mark = getattr(error, "problem_mark", None)
    where = f"line {mark.line + 1}" if mark else "unknown line"
    problem = getattr(error, "problem", None) or str(error)
    if "maximum nesting depth" in problem:  # libyaml's own limit, before ours is checked
        problem = f"nested deeper than {schema.MAX_DEPTH} levels"
    return f"{name}: {where}: not valid YAML ({problem})"


def _items(loader: schema.LineLoader, name: str) -> Iterator[dict]:
    loader.get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):  # an empty file
        schema.validate_header(None, name)
    loader.get_event()  # the document's start
    if not loader.check_event(yaml.MappingStartEvent):
        schema.validate_header(_construct(loader, 1), name)
    header = schema.LineDict()
    header.line = loader.get_event().start_mark.line + 1
    header.lines = {}
    held: list = []  # claims read whole: the header was not complete before them
    streamed = False
    while not loader.check_event(yaml.MappingEndEvent):
        key_node = _compose(loader, 2)
        key = loader.construct_document(key_node)
        if key in header.lines:
            raise InputError(
                f"{name}: line {key_node.start_mark.line + 1}: {key}: given twice "
                f"(first on line {header.lines[key]})"
            )
        header.lines[key] = key_node.start_mark.line + 1
        sequence = key == "claims" and loader.check_event(yaml.SequenceStartEvent)
        if sequence and all(field in header for field in HEADER_FIELDS):
            yield from _claims(loader, name, header, schema.validate_header(header, name))
            streamed = True
        elif sequence:
            held = _construct(loader, 2)
        else:
            header[key] = _construct(loader, 2)
    loader.get_event()  # the mapping's end
    loader.get_event()  # the document's end
    if not loader.check_event(yaml.StreamEndEvent):
        raise yaml.composer.ComposerError(
            "expected a single document in the stream", None, "but found another document",
            loader.get_event().start_mark,
        )  # fmt: skip
    source_keys = schema.validate_header(header, name)  # again: fields after the claims
    if streamed:
        return
    yield header
    keys: set = set()
    for i, claim in enumerate(held):
        schema.validate_claim(claim, i, name, header=header, keys=keys, source_keys=source_keys)
        yield claim


def _claims(loader: schema.LineLoader, name: str, header: dict, source_keys: set) -> Iterator[dict]:
    """The header, then each claim of the sequence the loader is at, validated."""
    yield header
    loader.get_event()  # the sequence's start
    keys: set = set()
    i = 0
    while not loader.check_event(yaml.SequenceEndEvent):
        claim = _construct(loader, 3)
        schema.validate_claim(claim, i, name, header=header, keys=keys, source_keys=source_keys)
        yield claim
        i += 1
    loader.get_event()


def _compose(loader: schema.LineLoader, depth: int) -> yaml.Node:
    """The next node, at ``depth`` (the document's root is at 1)."""
    loader.depth = depth - 1
    node = loader.compose_node(None, None)
    loader.anchors = {}  # aliases are refused: nothing needs an earlier anchor
    return node


def _construct(loader: schema.LineLoader, depth: int) -> object:
    """The Python value of the next node, at ``depth``."""
    return loader.construct_document(_compose(loader, depth))
