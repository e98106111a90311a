"""The stack's config as `pulumi up` would hand it to the program, read from the committed files.

Config files (`Pulumi*.yaml`, the mask file) are read as YAML without aliases.

An alias repeats a node by reference, so a few hundred bytes of nested aliases expand into
billions of nodes (the "billion laughs"). None of our files needs one: refusing them keeps the
work linear in the size of the file. Pulumi itself would accept them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import Node

from codex_infra.errors import UsageError

PROJECT = "codex"  # also the namespace of the project's bare config keys


class StackConfigError(UsageError):
    """The committed config files cannot be read. Said from the files alone, where no secret is
    (an encrypted `secure:` value is never read)."""

    quotes_no_secret = True


class _NoAliases(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            line = self.get_mark().line + 1
            raise StackConfigError(
                f"{self.name}: line {line}: a YAML alias (*name), refused in config files"
            )
        return super().compose_node(parent, index)


def read_config_yaml(path: Path, name: str) -> Any:
    """The document in `path` (None when empty). Why it cannot be read is said of `name` (the
    file as the caller names it), never with its content."""
    try:
        text = path.read_bytes().decode()
    except UnicodeDecodeError:
        raise StackConfigError(f"{name}: is not UTF-8 text") from None
    except OSError as err:
        why = err.strerror or type(err).__name__
        raise StackConfigError(f"{name}: cannot be read ({why})") from None
    loader = _NoAliases(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.YAMLError as err:
        raise StackConfigError(f"{name}: not valid YAML ({type(err).__name__})") from None
    finally:
        loader.dispose()


@dataclass(frozen=True)
class StackConfig:
    values: dict[str, str]
    secret_keys: frozenset[str]


def _text(value: Any) -> str:
    """The engine hands structured values to programs as JSON text."""
    return value if isinstance(value, str) else json.dumps(value)


# Pulumi's own rule (its backends refuse any other name before reading a file).
_STACK_NAME = re.compile(r"[A-Za-z0-9_.-]{1,100}")


def check_stack_name(stack: str) -> None:
    if not _STACK_NAME.fullmatch(stack):
        shown = repr(stack) if len(stack) <= 100 else f"of {len(stack)} characters"
        raise StackConfigError(
            f"stack name {shown}: Pulumi takes 1 to 100 letters, digits, '-', '_' or '.'"
        )


def _config_section(path: Path) -> dict[str, Any]:
    """The `config:` mapping of a project or stack file, keys as written."""
    data: Any = read_config_yaml(path, path.name)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise StackConfigError(
            f"{path.name}: want a mapping with a 'config' key, not a scalar or list"
        )
    section: Any = cast(dict[Any, Any], data).get("config")
    if not isinstance(section, dict | None):
        raise StackConfigError(f"{path.name}: 'config' must be a mapping")
    for key in cast(dict[Any, Any], section or {}):
        if not isinstance(key, str):
            raise StackConfigError(f"{path.name}: config key {key!r} is not a string")
    return cast(dict[str, Any], section or {})


def _full_key(key: str) -> str:
    """Bare keys belong to the project, as for the Pulumi CLI (in Pulumi.yaml and stack files)."""
    return key if ":" in key else f"{PROJECT}:{key}"


def stack_files(root: Path, stack: str) -> tuple[Path, Path]:
    """The project's file and the stack's (which need not exist), as `pulumi` reads them."""
    return root / "Pulumi.yaml", root / f"Pulumi.{stack}.yaml"


def load_stack_config(root: Path, stack: str) -> StackConfig:
    """What `pulumi up` would hand the program: Pulumi.yaml's project config, overridden by
    Pulumi.<stack>.yaml (if there is one). Encrypted (`secure:`) values cannot be read here and
    count as not given."""
    check_stack_name(stack)
    project_file, stack_file = stack_files(root, stack)
    values: dict[str, str] = {}
    for key, decl in _config_section(project_file).items():
        full = _full_key(key)
        if isinstance(decl, dict):
            if "value" in decl:
                values[full] = _text(decl["value"])
            elif "default" in decl:
                values[full] = _text(decl["default"])
        else:
            values[full] = _text(decl)
    given: set[str] = set()
    if stack_file.exists() or stack_file.is_symlink():  # a directory or a dangling link: refused
        for key, value in _config_section(stack_file).items():
            full = _full_key(key)
            if full in given:
                raise StackConfigError(
                    f"{stack_file.name}: {full} is set twice (a bare key is the project's)"
                )
            given.add(full)
            if isinstance(value, dict) and "secure" in value:
                values.pop(full, None)
                continue
            values[full] = _text(value)
    return StackConfig(values, frozenset())


def with_overrides(
    config: StackConfig, plain: Mapping[str, str], secret: Mapping[str, str]
) -> StackConfig:
    """Like `pulumi config set [--secret]`."""
    plain_values = {_full_key(k): v for k, v in plain.items()}
    secret_values = {_full_key(k): v for k, v in secret.items()}
    values = {**config.values, **plain_values, **secret_values}
    secret_keys = (config.secret_keys - set(plain_values)) | set(secret_values)
    return StackConfig(values, frozenset(secret_keys))


def placeholder_secrets(stack: str, marker: str = "placeholder") -> dict[str, str]:
    """The secrets a stack's config must hold, as values of the right shape for the stage."""
    mode = "live" if stack == "production" else "test"
    return {"stripeSecretKey": f"sk_{mode}_{marker}", "stripeWebhookSecret": f"whsec_{marker}"}


def with_placeholder_secrets(
    config: StackConfig, stack: str, marker: str = "placeholder"
) -> StackConfig:
    """Secrets nobody gave become placeholders of the right shape for the stage."""
    placeholders = placeholder_secrets(stack, marker)
    missing = {k: v for k, v in placeholders.items() if f"{PROJECT}:{k}" not in config.values}
    return with_overrides(config, {}, missing)
