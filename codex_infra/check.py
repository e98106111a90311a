"""`codex-infra check STACK`: the policy pack's rules over the offline plan, so every PR (forks
included, with no credential) is held to what `pulumi preview --policy-pack policy` enforces."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from codex_infra.plan import PLAN_EPOCH, PlanError, find_root, plan_stack
from codex_infra.policies import RULES, evaluate, from_plan

VIOLATIONS = 1


def plan_time() -> dt.datetime:
    """The deploy time the offline plan was made for (what a preview's expires_at counts from)."""
    return dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or PLAN_EPOCH), dt.UTC)


@click.command()
@click.argument("stack")
def check(stack: str) -> None:
    """Exit 0 if STACK's plan passes every policy, 1 listing each violation, 2 on bad input."""
    from codex_infra.cli import fail  # here: cli imports this module to register the command

    try:
        plan = plan_stack(find_root(Path.cwd()), stack)
    except PlanError as err:
        raise fail(str(err)) from None
    violations = evaluate(from_plan(plan.resources), plan_time())
    for violation in violations:
        click.echo(str(violation))
    if violations:
        click.echo(f"{stack}: {len(violations)} policy violation(s)", err=True)
        raise click.exceptions.Exit(VIOLATIONS)
    click.echo(f"{stack}: {len(plan.resources)} resources pass all {len(RULES)} policies")
