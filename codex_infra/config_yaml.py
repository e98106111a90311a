"""Config files (`Pulumi*.yaml`, the mask file) read as YAML without aliases.

An alias repeats a node by reference, so a few hundred bytes of nested aliases expand into
billions of nodes (the "billion laughs"). None of our files needs one: refusing them keeps the
work linear in the size of the file. Pulumi itself would accept them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node


class ConfigYamlError(ValueError):
    """The file cannot be read as alias-free YAML; the text says why, without its content."""


class _NoAliases(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            raise ConfigYamlError(
                f"line {self.get_mark().line + 1}: a YAML alias (*name), refused in config files"
            )
        return super().compose_node(parent, index)


def read_config_yaml(path: Path) -> Any:
    """The document in `path` (None when empty)."""
    try:
        text = path.read_bytes().decode()
    except UnicodeDecodeError:
        raise ConfigYamlError("is not UTF-8 text") from None
    except OSError as err:
        raise ConfigYamlError(f"cannot be read ({err.strerror or type(err).__name__})") from None
    try:
        return yaml.load(text, Loader=_NoAliases)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as err:
        raise ConfigYamlError(f"not valid YAML ({type(err).__name__})") from None
