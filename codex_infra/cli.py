"""`codex-infra`: review the stacks without the Pulumi CLI, a state backend or any credential.

A click group: each subcommand may live in its own module, listed in SUBCOMMANDS.
Every mistake of the caller ends as one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from codex_infra.errors import INTERRUPTED, fail
from codex_infra.overrides import Overrides, config_overrides
from codex_infra.plan import (
    PlanError,
    find_root,
    no_collection_at_exit,
    plan_stack,
    render_json,
    render_tree,
)

# Each subcommand's module, imported only when that command runs (or --help lists them all): a
# command pays for its own imports, so `local down` does not load the Pulumi SDK.
SUBCOMMANDS = {
    "diff": "codex_infra.diff:diff_command",
    "check": "codex_infra.check:check",
    "reap": "codex_infra.reap:reap",
    "local": "codex_infra.local.cli:local",
    "stale-lock": "codex_infra.locks:stale_lock",
    "refresh": "codex_infra.refresh:refresh_command",
    "reset": "codex_infra.reset:reset",
    "import": "codex_infra.importer:import_command",
    "capacity": "codex_infra.capacity:capacity",
    "rollback": "codex_infra.rollback:rollback",
    "snapshot": "codex_infra.visual.cli:snapshot",
    "compare": "codex_infra.visual.cli:compare",
    "visual": "codex_infra.visual.cli:visual",
    "visual-comment": "codex_infra.visual.cli:visual_comment",
}


class _Commands(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *SUBCOMMANDS])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return super().get_command(ctx, cmd_name)
        module, name = SUBCOMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Ctrl-C ends a command as it ends any other: with 130, not click's "Aborted!" and 1.
        Each command cleans up on the way (`finally`)."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise fail("interrupted", INTERRUPTED) from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Offline plans and diffs of the codex stacks: the real program, a mock engine."""


def entry() -> None:
    """The `codex-infra` command."""
    no_collection_at_exit()
    main()


@main.command()
@click.argument("stack")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@config_overrides
def plan(stack: str, as_json: bool, overrides: Overrides) -> None:
    """The desired state of STACK (production, staging, pr-<N>); secrets show as [secret]."""
    try:
        result = plan_stack(find_root(Path.cwd()), stack, overrides.plain, overrides.secret)
    except PlanError as err:
        raise fail(str(err)) from None
    click.echo(render_json(result) if as_json else render_tree(result), nl=False)
