"""`codex-infra rollback STACK`: every Worker of STACK back at the version it served before, in
seconds: one Workers Deployment per script, of that version to all traffic, through Cloudflare's
API, with no Pulumi CLI, state or build.

The scripts and their account are what the program registers for STACK (the offline plan, as
`codex-infra import` reads it). Every script is checked before any is changed: if one cannot
go back, none does. Pulumi's state is not touched and still holds the newer code, so the next
`pulumi up` deploys that again unless a revert lands on main first; the command says so.

`--to SCRIPT=VERSION` (repeatable) sends SCRIPT to that version instead of its previous one;
the other scripts still go back to theirs. Naming a script's current version keeps it as it is,
which is how to roll back only some of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import click

from codex_infra.clients.cloudflare import CloudflareError, WorkersApi
from codex_infra.engine.mock import SCRIPT, Plan, known_input
from codex_infra.engine.plan import find_root, plan_stack
from codex_infra.errors import FAULT, CodexCommand, CodexError, FaultError, RefusalError, UsageError
from codex_infra.overrides import Overrides, assignments, config_overrides

if TYPE_CHECKING:
    from cloudflare.types.workers.scripts.deployment import Deployment
    from cloudflare.types.workers.scripts.version_list_response import VersionListResponse

# On each deployment it makes (Cloudflare shows it as the deployment's message).
MESSAGE = "codex-infra rollback of {stack}"


@dataclass(frozen=True)
class Script:
    account_id: str
    name: str


@dataclass(frozen=True)
class Version:
    id: str
    number: int | None = None
    created_on: str | None = None

    def label(self) -> str:
        number = f"v{self.number} " if self.number is not None else ""
        return number + self.id + (f" ({self.created_on})" if self.created_on else "")


@dataclass(frozen=True)
class Step:
    """What one script serves now (version, percentage) and the version it is to serve."""

    script: Script
    serving: tuple[tuple[Version, float], ...]
    target: Version

    @property
    def unchanged(self) -> bool:
        return [(v.id, p) for v, p in self.serving] == [(self.target.id, 100)]

    def describe(self) -> str:
        name = self.script.name
        if self.unchanged:
            return f"{name}: already serves {self.target.label()}: left as it is"
        if len(self.serving) == 1:
            now = self.serving[0][0].label()
        else:
            now = ", ".join(f"{v.label()} at {p:g}%" for v, p in self.serving)
        return f"{name}: {now} -> {self.target.label()}"


class Deployments(Protocol):
    """What a rollback needs of Cloudflare's Workers API (`WorkersApi`)."""

    def deployments(self, account_id: str, script: str) -> list[Deployment]: ...

    def versions(self, account_id: str, script: str) -> list[VersionListResponse]: ...

    def deploy(self, account_id: str, script: str, version_id: str, message: str) -> str: ...


def _refusal(message: str) -> RefusalError:
    """A script that cannot go back: the rollback refuses, as a failure (exit 1)."""
    return RefusalError(message, FAULT)


def previous_version(current: Deployment, earlier: Sequence[Deployment]) -> str | None:
    """The version a script served to all traffic before its current deployment (`earlier`:
    newest first), or None.

    Read from the deployments, not the versions: the versions list also holds uploads that
    never served (`wrangler versions upload`, previews), and after a rollback its second entry
    is newer than what serves, so versions[1] can be code that never ran or the very code being
    rolled back. As `wrangler rollback` picks it: the latest earlier deployment of one version
    to 100%, here also passing over a deployment of the version that serves all traffic now (a
    redeploy of it). Of a gradual rollout (new 10%, old 90%), the old version gets all traffic
    back. A second rollback without --to therefore undoes the first.
    """
    now = {v.version_id for v in current.versions if v.percentage == 100}
    for deployment in earlier:
        for version in deployment.versions:
            if version.percentage == 100 and version.version_id not in now:
                return version.version_id
    return None


def plan_step(
    script: Script,
    deployments: Sequence[Deployment],
    versions: Sequence[VersionListResponse],
    wanted: str | None,
) -> Step:
    """Where `script` goes: to `wanted` or to its previous version. Raises why it cannot: a
    RefusalError, or a UsageError for a `wanted` version it does not have."""
    name = script.name
    known = {
        v.id: Version(
            v.id,
            int(v.number) if v.number is not None else None,
            v.metadata.created_on if v.metadata else None,
        )
        for v in versions
        if v.id
    }
    if not deployments:
        raise _refusal(f"{name}: has no deployment: nothing serves that could be rolled back")
    # The API lists the latest first; wrangler sorts by time all the same.
    current, *earlier = sorted(deployments, key=lambda d: d.created_on, reverse=True)
    serving = tuple(
        (known.get(v.version_id, Version(v.version_id)), v.percentage) for v in current.versions
    )
    if wanted is not None:
        if wanted not in known:
            raise UsageError(f"{name}: --to {wanted} is not one of its deployable versions")
        return Step(script, serving, known[wanted])
    if len(known) < 2:
        raise _refusal(f"{name}: has only one version: nothing to roll back to")
    previous = previous_version(current, earlier)
    if previous is None:
        raise _refusal(
            f"{name}: no earlier deployment served one version to all traffic:"
            f" name one with --to {name}=VERSION"
        )
    if previous not in known:
        raise _refusal(f"{name}: {previous}, the version it served before, is no longer deployable")
    return Step(script, serving, known[previous])


def stack_scripts(plan: Plan) -> list[Script]:
    """The Workers scripts the program registers, in its order."""
    return [
        Script(known_input(r, "accountId"), known_input(r, "scriptName"))
        for r in plan.of_type(SCRIPT)
    ]


def gather(
    api: Deployments, stack: str, scripts: Sequence[Script], wanted: Mapping[str, str]
) -> list[Step]:
    """Every script's step; nothing is changed. If any script cannot take one, none does: the
    error names each (a line of its own) before its verdict."""
    steps: list[Step] = []
    refusals: list[CodexError] = []
    try:
        for script in scripts:
            deployments = api.deployments(script.account_id, script.name)
            versions = api.versions(script.account_id, script.name)
            try:
                steps.append(plan_step(script, deployments, versions, wanted.get(script.name)))
            except CodexError as refusal:
                refusals.append(refusal)
    except CloudflareError as err:
        raise FaultError(str(err), notes=[f"{stack}: nothing was changed"]) from None
    if refusals:
        raise CodexError(
            f"{stack}: nothing was changed (every script is checked before any is)",
            max(r.exit_code for r in refusals),
            causes=refusals,
        )
    return steps


def apply(api: Deployments, stack: str, steps: Sequence[Step]) -> list[str]:
    """Deploys each step's version to all traffic, in order; a line per script. A failure stops
    it, saying which scripts were rolled back and which not, and the command that finishes it."""
    lines: list[str] = []
    done: list[Step] = []
    for step in steps:
        if step.unchanged:
            lines.append(step.describe())
            continue
        name, target = step.script.name, step.target
        try:
            deployment = api.deploy(
                step.script.account_id, name, target.id, MESSAGE.format(stack=stack)
            )
        except CloudflareError as err:
            raise FaultError(str(err), notes=_partial(stack, steps, done)) from None
        done.append(step)
        lines.append(f"{name}: serves {target.label()} to all traffic (deployment {deployment})")
    return lines


def _partial(stack: str, steps: Sequence[Step], done: Sequence[Step]) -> list[str]:
    """Which scripts were rolled back and which not, and the command that finishes it."""
    rolled = [s.script.name for s in done]
    kept = [s.script.name for s in steps if s.unchanged]
    missing = [s.script.name for s in steps if not s.unchanged and s not in done]
    lines = [f"{stack}: rolled back: {', '.join(rolled) or 'none'}"]
    if kept:
        lines.append(f"{stack}: left as they were: {', '.join(kept)}")
    lines.append(f"{stack}: NOT rolled back: {', '.join(missing)}")
    pins = " ".join(f"--to {s.script.name}={s.target.id}" for s in steps)
    lines.append(f"To finish (what is done stays): codex-infra rollback {stack} {pins}")
    return lines


def next_steps(stack: str) -> str:
    return (
        f"Next: Pulumi's state of {stack} still holds the newer code, so its next `pulumi up`"
        " (the next deploy from main) deploys that code again. Land a revert of the bad change"
        f" on main first (git revert, through a pull request); until then, hold deploys of {stack}."
    )


def _scripts(stack: str, wanted: Mapping[str, str], overrides: Overrides) -> list[Script]:
    """The stack's scripts, from the offline plan; every --to names one of them."""
    plan = plan_stack(find_root(), stack, overrides.plain, overrides.secret)
    scripts = stack_scripts(plan)
    if not scripts:
        raise UsageError(f"the program registers no Workers script for {stack}")
    names = [s.name for s in scripts]
    unknown = sorted(set(wanted) - set(names))
    if unknown:
        raise UsageError(f"--to: {stack} has no script {unknown[0]!r} (it has {', '.join(names)})")
    return scripts


@click.command("rollback", cls=CodexCommand)
@click.argument("stack")
@click.option(
    "--to",
    "targets",
    multiple=True,
    metavar="SCRIPT=VERSION",
    help="Send SCRIPT to this version id instead of its previous one (repeatable); its current"
    " version keeps it as it is.",
)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (CI).")
@config_overrides
def rollback(stack: str, targets: tuple[str, ...], yes: bool, overrides: Overrides) -> None:
    """Point every Worker of STACK back at the version it served before (needs
    CLOUDFLARE_API_TOKEN): one Workers deployment per script, no Pulumi."""
    wanted = assignments(targets, "--to")
    empty = sorted(name for name, version in wanted.items() if not version)
    if empty:
        raise UsageError(f"--to {empty[0]}=: expected SCRIPT=VERSION, a version id after the =")
    with WorkersApi.from_env() as api:
        scripts = _scripts(stack, wanted, overrides)
        steps = gather(api, stack, scripts, wanted)
        accounts = ", ".join(sorted({s.account_id for s in scripts}))
        click.echo(f"{stack}: Workers scripts of Cloudflare account {accounts}:")
        for step in steps:
            click.echo(f"  {step.describe()}")
        if all(step.unchanged for step in steps):
            click.echo(f"{stack}: every script already serves its target: nothing to do")
            return
        if not yes:
            click.confirm(f"Roll back these scripts of {stack}?", abort=True)
        lines = apply(api, stack, steps)
    for line in lines:
        click.echo(line)
    click.echo(f"{stack}: rolled back.")
    click.echo(next_steps(stack))
