"""`codex-infra check STACK`: the policy pack's rules over the offline plan, so every PR (forks
included, with no credential) is held to what `pulumi preview --policy-pack policy` enforces."""

from __future__ import annotations

import datetime as dt

import click

from codex_infra.engine.plan import find_root, plan_epoch, plan_stack
from codex_infra.errors import CodexCommand
from codex_infra.overrides import Overrides, config_overrides
from codex_infra.review.policies import RULES, Topology, evaluate, from_plan

VIOLATIONS = 1


@click.command(cls=CodexCommand)
@click.argument("stack")
@config_overrides
def check(stack: str, overrides: Overrides) -> None:
    """Exit 0 if STACK's plan passes every policy, 1 listing each violation, 2 on bad input."""
    root = find_root()
    plan = plan_stack(root, stack, overrides.plain, overrides.secret)
    topology = Topology.of(root, stack, overrides.plain)
    # The deploy time the plan was made for: what a preview's expires_at counts from.
    violations = evaluate(
        from_plan(plan.resources), dt.datetime.fromtimestamp(plan_epoch(), dt.UTC), topology
    )
    for violation in violations:
        click.echo(str(violation))
    if violations:
        # A verdict, not an error: its lines are the report (stdout) and a count, as documented.
        click.echo(f"{stack}: {len(violations)} policy violation(s)", err=True)
        raise click.exceptions.Exit(VIOLATIONS)
    click.echo(f"{stack}: {len(plan.resources)} resources pass all {len(RULES)} policies")
