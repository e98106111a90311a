"""The offline plan of one stack: the program's desired state, as a readable tree or as JSON.

Shared by `codex-infra plan`, `codex-infra diff` (which reads the JSON of another revision) and
the policy check, so all three see the same resources and the same redaction.
"""

from __future__ import annotations

import atexit
import gc
import json
import os
from collections.abc import Generator, Iterable, Mapping
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from codex_infra.engine.config import (
    PROJECT,
    StackConfig,
    StackConfigError,
    load_stack_config,
    with_overrides,
    with_placeholder_secrets,
)
from codex_infra.engine.mock import SECRET, Plan, PlannedResource
from codex_infra.errors import UsageError, redact

if TYPE_CHECKING:
    from codex_infra.engine.mock import Placeholders

# The deploy clock of every plan unless SOURCE_DATE_EPOCH is set (2026-11-18T11:06:40Z): a
# preview's Neon expires_at is this plus its TTL, so plans of two revisions, or two runs, differ
# only where the code or config does. A real deploy uses the time of the deploy.
PLAN_EPOCH = "1795000000"
# 9999-01-01T00:00:00Z: Python's dates end with that year, and a preview's expiry is later still.
LAST_EPOCH = 253370764800


def find_root(start: Path | None = None) -> Path:
    """The project is the nearest directory holding Pulumi.yaml (from the working directory), as
    for the Pulumi CLI."""
    start = start or Path.cwd()
    for directory in (start, *start.parents):
        if (directory / "Pulumi.yaml").is_file():
            return directory
    raise UsageError(f"no Pulumi.yaml in {start} or any parent: run this inside the project")


def plan_epoch() -> int:
    """The deploy time a plan is made for: SOURCE_DATE_EPOCH if the caller set it (as
    reproducible-builds.org defines it: a whole number of seconds since 1970, in ASCII)."""
    raw = os.environ.get("SOURCE_DATE_EPOCH") or PLAN_EPOCH
    if not (raw.isascii() and raw.isdigit() and int(raw) <= LAST_EPOCH):
        raise UsageError(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC"
            f" (at most {LAST_EPOCH}, the start of year 9999)"
        )
    return int(raw)


@contextmanager
def _pinned_clock() -> Generator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(plan_epoch())
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]


@contextmanager
def _collector_paused() -> Generator[None]:
    """Importing the providers makes about a million long-lived objects and frees almost none:
    the cyclic collector's passes over them cost a quarter of the import and find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def no_collection_at_exit() -> None:
    """For a process that may run the program: the interpreter's last garbage collection walks
    every object the providers' SDKs made (over a second here, half of a `plan`), all of which
    die with the process anyway. Frozen after every other exit handler, they are not walked."""
    atexit.register(gc.freeze)


def secret_pieces(values: Iterable[str]) -> tuple[str, ...]:
    """What of each secret must never show: the value, and each string inside a structured
    (JSON) one, since a message may quote a part (a directory of a secret `bundles`)."""
    pieces: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            pieces.append(value)
        elif isinstance(value, dict):
            for item in cast(dict[str, Any], value).values():
                walk(item)
        elif isinstance(value, list):
            for item in cast(list[Any], value):
                walk(item)

    for value in values:
        pieces.append(value)
        if value[:1] in "[{":
            with suppress(json.JSONDecodeError):
                walk(json.loads(value))
    return tuple(p for p in dict.fromkeys(pieces) if p)


def _scrub(value: Any, secrets: tuple[str, ...]) -> Any:
    """A value derived from a secret the program forgot to mark is still a secret."""
    if isinstance(value, str):
        return SECRET if any(s in value for s in secrets) else value
    if isinstance(value, dict):
        return {k: _scrub(v, secrets) for k, v in cast(dict[str, Any], value).items()}
    if isinstance(value, list):
        return [_scrub(v, secrets) for v in cast(list[Any], value)]
    return value


def stack_config(
    root: Path,
    stack: str,
    config_overrides: Mapping[str, str] | None = None,
    secret_overrides: Mapping[str, str] | None = None,
    marker: str = "placeholder",
) -> StackConfig:
    """The stack's committed config plus `pulumi config set [--secret]`-style overrides; secrets
    nobody gave are placeholders (`marker` in their shape)."""
    config = with_overrides(
        load_stack_config(root, stack), config_overrides or {}, secret_overrides or {}
    )
    return with_placeholder_secrets(config, stack, marker)


def run_stack(
    root: Path,
    plan: Plan,
    config_overrides: Mapping[str, str] | None = None,
    secret_overrides: Mapping[str, str] | None = None,
    cloud: Placeholders | None = None,
    marker: str = "placeholder",
) -> None:
    """Runs the program of `plan.stack` into `plan`: the stack's committed config plus
    `pulumi config set [--secret]`-style overrides; secrets nobody gave are placeholders
    (`marker` in their shape). Raises UsageError for anything the caller can fix.

    The program's own config errors (RunError) and ours say `quotes_no_secret` when they are
    built to name keys and rules only: those are shown whole. Others are redacted."""
    # The SDK loads here, with a program to run: what only reads plans starts without it.
    from pulumi import RunError

    from codex_infra.engine.harness import run_program

    try:
        config = stack_config(root, plan.stack, config_overrides, secret_overrides, marker)
        with _pinned_clock(), _collector_paused():
            run_program(root, config, plan, cloud)
    except (StackConfigError, RunError) as err:
        message = " ".join(str(err).split())
        if not getattr(err, "quotes_no_secret", False):
            message = redact(message, secret_pieces((secret_overrides or {}).values()))
        raise UsageError(message) from None


def plan_stack(
    root: Path,
    stack: str,
    config_overrides: Mapping[str, str] | None = None,
    secret_overrides: Mapping[str, str] | None = None,
    fingerprint_key: bytes | None = None,
) -> Plan:
    """The offline plan, every secret hidden, even one the program forgot to mark."""
    plan = Plan(PROJECT, stack, fingerprint_key=fingerprint_key)
    run_stack(root, plan, config_overrides, secret_overrides)
    hidden = secret_pieces((secret_overrides or {}).values())
    if not hidden:
        return plan
    return replace(
        plan,
        resources=[replace(r, inputs=_scrub(r.inputs, hidden)) for r in plan.resources],
        outputs=_scrub(plan.outputs, hidden),
    )


def _resource_document(resource: PlannedResource) -> dict[str, Any]:
    return {
        "urn": resource.urn,
        "type": resource.type,
        "name": resource.name,
        "parent": resource.parent,
        "custom": resource.custom,
        "protect": resource.protect,
        "dependencies": list(resource.dependencies),
        "inputs": resource.inputs,
    }


def plan_document(plan: Plan) -> dict[str, Any]:
    return {
        "project": plan.project,
        "stack": plan.stack,
        "resources": [_resource_document(r) for r in plan.resources],
        "outputs": plan.outputs,
    }


def named_items(value: Any) -> list[dict[str, Any]] | None:
    """A non-empty list of named things (bindings): shown and compared by name, not position."""
    if not (isinstance(value, list) and value):
        return None
    items = cast(list[Any], value)
    if all(isinstance(i, dict) and "name" in i for i in items):
        return cast(list[dict[str, Any]], items)
    return None
