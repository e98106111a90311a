"""`codex-infra reset STACK`: a stack's Neon branch reset to its parent's head (Neon's reset from
parent), so staging holds what previews branch from, after a refresh of that parent.

The branch and its parent come from the stack's config, as the program names them; production's
branch is the parent of all and is never reset.
"""

from __future__ import annotations

from pathlib import Path

import click

from codex_infra.engine import PROJECT, StackConfigError, load_stack_config
from codex_infra.errors import FAULT, fail
from codex_infra.plan import PlanError, find_root
from components.naming import NamingError, parse_stack
from components.neon_api import NeonClient, NeonError


def _branch_ids(neon: NeonClient, project_id: str, names: tuple[str, str]) -> tuple[str, str]:
    by_name = {str(b["name"]): str(b["id"]) for b in neon.list_branches(project_id)}
    missing = [name for name in names if name not in by_name]
    if missing:
        raise PlanError(f"project {project_id} has no branch {missing[0]!r}")
    return by_name[names[0]], by_name[names[1]]


@click.command("reset")
@click.argument("stack")
def reset(stack: str) -> None:
    """Reset STACK's Neon branch to its parent's head (needs NEON_API_KEY)."""
    try:
        stage = parse_stack(stack)
        if stage.is_production:
            raise PlanError("production's branch is the parent of all: it is never reset")
        config = load_stack_config(find_root(Path.cwd()), stack).values
        project_id = config[f"{PROJECT}:neonProjectId"]
        parent = config.get(f"{PROJECT}:neonParentBranch", "main")
        branch = stage.branch_name(parent)
        with NeonClient.from_env() as neon:
            branch_id, parent_id = _branch_ids(neon, project_id, (branch, parent))
            neon.restore_branch(project_id, branch_id, parent_id)
    except (NamingError, StackConfigError, PlanError) as err:
        raise fail(str(err)) from None
    except NeonError as err:
        raise fail(str(err), FAULT) from None
    click.echo(f"{stack}: branch {branch} of {project_id} reset to the head of {parent}.")
