"""`codex-infra reset STACK`: a stack's Neon branch reset to its parent's head (Neon's reset from
parent), so staging holds what previews branch from, after a refresh of that parent.

The branch and its parent come from the stack's config, as the program names them; production's
branch is the parent of all and is never reset.
"""

from __future__ import annotations

from typing import Protocol

import click

from codex_infra.clients.neon import Json, NeonClient
from codex_infra.engine.config import load_stack_config
from codex_infra.engine.plan import find_root
from codex_infra.errors import CodexCommand, UsageError
from components.naming import NamingError, Stage, parse_stack
from components.settings import NeonSettings, load_concern


class BranchResets(Protocol):
    """What a reset needs of Neon's API (`NeonClient`)."""

    def list_branches(self, project_id: str) -> list[Json]: ...

    def restore_branch(self, project_id: str, branch_id: str, source_branch_id: str) -> Json: ...


def resettable(stack: str) -> Stage:
    """The stage of a stack whose branch may be reset: any but production's."""
    try:
        stage = parse_stack(stack)
    except NamingError as err:
        raise UsageError(str(err)) from None
    if stage.is_production:
        raise UsageError("production's branch is the parent of all: it is never reset")
    return stage


def reset_branch(neon: BranchResets, project: str, branch: str, parent: str) -> None:
    """Resets `branch` of the project to the head of `parent`, both named as Neon lists them."""
    by_name = {str(b["name"]): str(b["id"]) for b in neon.list_branches(project)}
    missing = [name for name in (branch, parent) if name not in by_name]
    if missing:
        raise UsageError(f"project {project} has no branch {missing[0]!r}")
    neon.restore_branch(project, by_name[branch], by_name[parent])


@click.command("reset", cls=CodexCommand)
@click.argument("stack")
def reset(stack: str) -> None:
    """Reset STACK's Neon branch to its parent's head (needs NEON_API_KEY)."""
    stage = resettable(stack)
    root = find_root()
    neon_config = load_concern(NeonSettings, load_stack_config(root, stack).values, stack, root)
    project, parent = neon_config.neon_project_id, neon_config.neon_parent_branch
    branch = stage.branch_name(parent)
    with NeonClient.from_env() as neon:
        reset_branch(neon, project, branch, parent)
    click.echo(f"{stack}: branch {branch} of {project} reset to the head of {parent}.")
