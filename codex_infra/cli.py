"""`codex-infra`: review the stacks without the Pulumi CLI, a state backend or any credential.

A click group: each subcommand may live in its own module and be added with `main.add_command`.
Every mistake of the caller ends as one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from codex_infra.capacity import capacity
from codex_infra.check import check
from codex_infra.diff import DEFAULT_STACKS, diff_report
from codex_infra.errors import FAULT, INTERRUPTED, fail
from codex_infra.importer import import_command
from codex_infra.local.cli import local
from codex_infra.locks import stale_lock
from codex_infra.overrides import Overrides, config_overrides
from codex_infra.plan import PlanError, find_root, plan_stack, render_json, render_tree
from codex_infra.reap import reap
from codex_infra.refresh import refresh_command
from codex_infra.reset import reset
from codex_infra.rollback import rollback
from codex_infra.visual.cli import compare, snapshot, visual, visual_comment


class _Commands(click.Group):
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


@main.command()
@click.argument("base_ref")
@click.option(
    "--stack",
    "stacks",
    multiple=True,
    help=f"Repeatable; default: {', '.join(DEFAULT_STACKS)}.",
)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here."
)
def diff(base_ref: str, stacks: tuple[str, ...], output: Path | None) -> None:
    """Markdown report of what the working tree changes, per stack, against BASE_REF."""
    folder = (output or Path()).parent
    if output is not None and not (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)):
        raise fail(f"--output {output}: {folder} is not a directory this user may write in")
    try:
        report = diff_report(find_root(Path.cwd()), base_ref, list(stacks or DEFAULT_STACKS))
    except PlanError as err:
        raise fail(str(err)) from None
    if output is None:
        click.echo(report, nl=False)
        return
    try:
        output.write_text(report)
    except OSError as err:
        raise fail(f"--output {output}: {err.strerror or type(err).__name__}", FAULT) from None


main.add_command(check)
main.add_command(reap)
main.add_command(local)
main.add_command(stale_lock)
main.add_command(refresh_command)
main.add_command(reset)
main.add_command(import_command)
main.add_command(capacity)
main.add_command(rollback)
main.add_command(snapshot)
main.add_command(compare)
main.add_command(visual)
main.add_command(visual_comment)
