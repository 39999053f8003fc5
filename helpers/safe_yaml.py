"""The YAML a user writes (the roster, column mappings), read safely and with a cap on what its aliases repeat.

An alias (`*name`) repeats the value of an anchor (`&name`). Aliases inside anchors repeated inside other
anchors ("billion laughs") let a few lines stand for billions of values, and quoting one in a message (its
repr) or walking it exhausts the memory. Loader counts the values the aliases bring in and stops at the alias
that takes them past ALIAS_LIMIT (AliasesTooLarge, with its line); an anchor repeated inside itself is stopped
too. Ordinary uses (`<<: *defaults` in each client of a roster) stay far below the cap. A key given twice in one
mapping, which YAML would read as the last silently, is refused (RepeatedKey: UniqueKeyLoader, unique_keys).
"""
from __future__ import annotations

import yaml

#: How many values the aliases of one YAML file may bring in, counting each value inside a repeated one.
ALIAS_LIMIT = 100_000


class AliasesTooLarge(yaml.YAMLError):
    """An alias that takes what the file's aliases repeat past ALIAS_LIMIT, or repeats its anchor inside itself."""

    def __init__(self, anchor: str, line: int):
        super().__init__(anchor, line)
        self.anchor, self.line = anchor, line


class RepeatedKey(yaml.YAMLError):
    """A key given twice in one mapping: YAML would keep the last silently, so a second `clients:` list of a
    roster, or a second `columns:` of a column mapping, would drop everything the first holds."""

    def __init__(self, key, line: int, first_line: int):
        super().__init__(key, line, first_line)
        self.key, self.line, self.first_line = key, line, first_line


def unique_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> list[tuple]:
    """A YAML mapping's (key, key node, value node), each key given once: RepeatedKey, with both lines, for one
    given twice. A merge key (`<<: *anchor`) is left out, as overriding the keys it brings is its point, and so is
    a key that is no plain value (a list), which YAML's own constructor refuses."""
    lines: dict = {}
    pairs = []
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        try:
            if key in lines:
                raise RepeatedKey(key, key_node.start_mark.line + 1, lines[key])
            lines[key] = key_node.start_mark.line + 1
        except TypeError:  # unhashable
            continue
        pairs.append((key, key_node, value_node))
    return pairs


def _size(node: yaml.Node, sizes: dict) -> int:
    """How many values `node` stands for, each value inside it counted (`sizes`: those counted, by node id);
    a node not finished yet, which an alias inside itself repeats, counts as more than ALIAS_LIMIT."""
    if node.end_mark is None:
        return ALIAS_LIMIT + 1
    if id(node) not in sizes:
        if isinstance(node, yaml.SequenceNode):
            inner = node.value
        elif isinstance(node, yaml.MappingNode):
            inner = [item for pair in node.value for item in pair]
        else:
            inner = []
        sizes[id(node)] = 1 + sum(_size(item, sizes) for item in inner)
    return sizes[id(node)]


class Loader(yaml.SafeLoader):
    """yaml.SafeLoader (plain values only: no Python objects) that refuses aliases repeating too much."""

    def compose_document(self):
        self._aliased, self._sizes = 0, {}
        return super().compose_document()

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:  # an unknown anchor: the composer's own error
                self._aliased += _size(node, self._sizes)
                if self._aliased > ALIAS_LIMIT:
                    raise AliasesTooLarge(event.anchor, event.start_mark.line + 1)
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node):
        """A whole number, or a YAML error with its line where Python refuses to read it (over 4,300 digits:
        sys.get_int_max_str_digits), so that it is said like any other mistake in the file."""
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            raise yaml.constructor.ConstructorError(
                None, None, f"a whole number of {len(node.value):,} digits, too long to read",
                node.start_mark) from None


Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)


class UniqueKeyLoader(Loader):
    """Loader that refuses a key given twice in one mapping (RepeatedKey) instead of keeping the last."""

    def construct_unique_mapping(self, node, deep=False):
        unique_keys(self, node)
        return self.construct_mapping(node, deep=deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                UniqueKeyLoader.construct_unique_mapping)


def load(text: str, loader: type[Loader] = Loader):
    """The value a YAML text holds, read with `loader` (Loader or a subclass of it)."""
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader
