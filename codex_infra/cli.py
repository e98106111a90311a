"""`codex-infra`: review the stacks without the Pulumi CLI, a state backend or any credential; run
them here; operate them.

Each subcommand lives in the module of what it serves (review, operations, local, visual) and is
added here. Every error a command raises ends as one line on stderr and its exit code, never a
traceback (`codex_infra.errors`).
"""

from __future__ import annotations

import click

from codex_infra.errors import CodexGroup
from codex_infra.local.cli import local
from codex_infra.operations.capacity import capacity
from codex_infra.operations.importer import import_command
from codex_infra.operations.reap import reap
from codex_infra.operations.refresh import refresh_command
from codex_infra.operations.reset import reset
from codex_infra.operations.rollback import rollback
from codex_infra.operations.stale_lock import stale_lock
from codex_infra.review.check import check
from codex_infra.review.diff import diff
from codex_infra.review.plan import plan
from codex_infra.visual.cli import compare, snapshot, visual, visual_comment


@click.group(cls=CodexGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Offline plans and diffs of the codex stacks: the real program, a mock engine."""


for command in (
    plan,
    diff,
    check,
    reap,
    local,
    stale_lock,
    refresh_command,
    reset,
    import_command,
    capacity,
    rollback,
    snapshot,
    compare,
    visual,
    visual_comment,
):
    main.add_command(command)
