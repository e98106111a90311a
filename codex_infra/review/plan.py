"""`codex-infra plan STACK`: the offline plan shown to a reviewer, as a tree or as JSON."""

from __future__ import annotations

import json
from typing import Any, cast

import click

from codex_infra.engine.mock import (
    COMMAND,
    DOMAIN,
    HYPERDRIVE,
    NEON_BRANCH,
    RANDOM_PASSWORD,
    SCRIPT,
    SUBDOMAIN,
    Plan,
    PlannedResource,
)
from codex_infra.engine.plan import find_root, named_items, plan_document, plan_stack
from codex_infra.errors import CodexCommand
from codex_infra.overrides import Overrides, config_overrides

# What the tree shows of each resource type; the JSON has every input.
KEY_INPUTS: dict[str, tuple[str, ...]] = {
    SCRIPT: (
        "scriptName",
        "mainModule",
        "files",
        "assets",
        "compatibilityDate",
        "compatibilityFlags",
        "bindings",
    ),
    SUBDOMAIN: ("scriptName", "enabled"),
    DOMAIN: ("hostname", "zoneId", "service"),
    NEON_BRANCH: (
        "project_id",
        "branch_name",
        "parent_branch",
        "expires_at",
        "min_cu",
        "max_cu",
        "suspend_timeout_seconds",
    ),
    COMMAND: ("create", "triggers"),
    RANDOM_PASSWORD: ("length", "special"),
    HYPERDRIVE: ("name", "origin", "caching"),
}


def render_json(plan: Plan) -> str:
    """Resources sorted by URN and inputs by key (the engine does both): same plan, same bytes."""
    return json.dumps(plan_document(plan), indent=2) + "\n"


def short(value: Any) -> str:
    """One line for a value: a list of named things (bindings) by name and type."""
    if isinstance(value, str):
        return value
    named = named_items(value)
    if named is not None:
        return ", ".join(f"{i['name']} ({i.get('type', '?')})" for i in named)
    return json.dumps(value, sort_keys=True)


def _modules(files: Any) -> str:
    """A script's other modules, by name and type (their paths and hashes are in the JSON)."""
    modules = cast(dict[str, dict[str, Any]], files)
    return ", ".join(f"{name} ({m.get('contentType', '?')})" for name, m in sorted(modules.items()))


def _assets(assets: Any) -> str:
    """The published copy, and which of its files' rules go along (`_headers`, `_redirects`)."""
    config = cast(dict[str, Any], assets.get("config") or {})
    rules = [f"_{key}" for key in ("headers", "redirects") if config.get(key)]
    return str(assets.get("directory")) + (f" (with {', '.join(rules)})" if rules else "")


_SHOWN_AS = {"files": _modules, "assets": _assets}


def _flags(resource: PlannedResource) -> str:
    flags = [
        f
        for f, on in (("protected", resource.protect), ("retained", resource.retain_on_delete))
        if on
    ]
    return f"  [{', '.join(flags)}]" if flags else ""


def render_tree(plan: Plan) -> str:
    """Resources under their parents, with the inputs a reviewer looks at first."""
    children: dict[str | None, list[PlannedResource]] = {}
    urns = {r.urn for r in plan.resources}
    for resource in plan.resources:
        parent = resource.parent if resource.parent in urns else None
        children.setdefault(parent, []).append(resource)
    lines = [f"{plan.project}/{plan.stack}: {len(plan.resources)} resources"]

    def walk(parent: str | None, indent: str) -> None:
        siblings = children.get(parent, [])
        for index, resource in enumerate(siblings):
            last = index == len(siblings) - 1
            branch = "└─" if last else "├─"
            lines.append(f"{indent}{branch} {resource.type}  {resource.name}{_flags(resource)}")
            inner = indent + ("   " if last else "│  ")
            for key in KEY_INPUTS.get(resource.type, ()):
                if key in resource.inputs:
                    shown = _SHOWN_AS.get(key, short)(resource.inputs[key])
                    lines.append(f"{inner}  {key}: {shown}")
            walk(resource.urn, inner)

    walk(None, "")
    lines.append("outputs:")
    lines.extend(f"  {key}: {short(value)}" for key, value in sorted(plan.outputs.items()))
    return "\n".join(lines) + "\n"


@click.command(cls=CodexCommand)
@click.argument("stack")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@config_overrides
def plan(stack: str, as_json: bool, overrides: Overrides) -> None:
    """The desired state of STACK (production, staging, pr-<N>); secrets show as [secret]."""
    result = plan_stack(find_root(), stack, overrides.plain, overrides.secret)
    click.echo(render_json(result) if as_json else render_tree(result), nl=False)
