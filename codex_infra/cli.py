"""`codex-infra`: review the stacks without the Pulumi CLI, a state backend or any credential; run
them here; operate them.

Each subcommand lives in the module of what it serves (review, operations, local, visual), listed
in SUBCOMMANDS. Every error a command raises ends as one line on stderr and its exit code, never a
traceback (`codex_infra.errors`).
"""

from __future__ import annotations

import importlib

import click

from codex_infra.engine.plan import no_collection_at_exit
from codex_infra.errors import CodexGroup

# Each subcommand's module, imported only when that command runs (or --help lists them all): a
# command pays for its own imports, so `local down` does not load the Pulumi SDK.
SUBCOMMANDS = {
    "plan": "codex_infra.review.plan:plan",
    "diff": "codex_infra.review.diff:diff",
    "check": "codex_infra.review.check:check",
    "reap": "codex_infra.operations.reap:reap",
    "local": "codex_infra.local.cli:local",
    "stale-lock": "codex_infra.operations.stale_lock:stale_lock",
    "refresh": "codex_infra.operations.refresh:refresh_command",
    "reset": "codex_infra.operations.reset:reset",
    "import": "codex_infra.operations.importer:import_command",
    "capacity": "codex_infra.operations.capacity:capacity",
    "rollback": "codex_infra.operations.rollback:rollback",
    "snapshot": "codex_infra.visual.cli:snapshot",
    "compare": "codex_infra.visual.cli:compare",
    "visual": "codex_infra.visual.cli:visual",
    "visual-comment": "codex_infra.visual.cli:visual_comment",
}


class _Commands(CodexGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in SUBCOMMANDS:
            return None
        module, name = SUBCOMMANDS[cmd_name].split(":")
        command: click.Command = getattr(importlib.import_module(module), name)
        return command


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Offline plans and diffs of the codex stacks: the real program, a mock engine."""


def entry() -> None:
    """The `codex-infra` command."""
    no_collection_at_exit()
    main()
