"""`codex-infra`: review the stacks without the Pulumi CLI, a state backend or any credential.

A click group: each subcommand may live in its own module and be added with `main.add_command`.
Every mistake of the caller ends as one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

import click

from codex_infra.check import check
from codex_infra.diff import DEFAULT_STACKS, diff_report
from codex_infra.engine import ENGINE_LOG
from codex_infra.errors import fail
from codex_infra.plan import PlanError, find_root, plan_stack, redact, render_json, render_tree
from codex_infra.reap import reap


def _assignments(pairs: Iterable[str], option: str) -> dict[str, str]:
    """`KEY=VALUE` as `pulumi config set KEY VALUE` takes it; a --secret is never echoed."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or key != key.strip():
            shown = "" if option == "--secret" else f" {pair!r}"
            raise fail(f"{option}{shown}: expected KEY=VALUE with a non-empty key")
        values[key] = value
    return values


class _EngineLogLine(logging.Handler):
    """What the program logs through the engine, as one redacted line (no traceback) on stderr."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__(logging.WARNING)
        self.secrets = secrets

    def emit(self, record: logging.LogRecord) -> None:
        first = (record.getMessage().strip().splitlines() or [""])[0]
        click.echo(f"{record.levelname.lower()}: {redact(first, self.secrets)}", err=True)


def _quiet_engine(secrets: Sequence[str]) -> None:
    ENGINE_LOG.handlers[:] = [_EngineLogLine(secrets)]
    ENGINE_LOG.propagate = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Offline plans and diffs of the codex stacks: the real program, a mock engine."""


@main.command()
@click.argument("stack")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.option("--config", "plain", multiple=True, metavar="KEY=VALUE", help="Like config set.")
@click.option(
    "--secret", "secret", multiple=True, metavar="KEY=VALUE", help="Like config set --secret."
)
def plan(stack: str, as_json: bool, plain: tuple[str, ...], secret: tuple[str, ...]) -> None:
    """The desired state of STACK (production, staging, pr-<N>); secrets show as [secret]."""
    config = _assignments(plain, "--config")
    secrets = _assignments(secret, "--secret")
    _quiet_engine(list(secrets.values()))
    try:
        result = plan_stack(find_root(Path.cwd()), stack, config, secrets)
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
    try:
        report = diff_report(find_root(Path.cwd()), base_ref, list(stacks or DEFAULT_STACKS))
    except PlanError as err:
        raise fail(str(err)) from None
    if output is None:
        click.echo(report, nl=False)
    else:
        output.write_text(report)


main.add_command(check)
main.add_command(reap)
