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
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click
import pydantic

from codex_infra.cloudflare_api import (
    CloudflareConfigError,
    CloudflareError,
    calling,
    client_from_env,
)
from codex_infra.engine import SCRIPT, Plan, UnknownInputError, known_input
from codex_infra.errors import FAULT, USAGE_ERROR, fail
from codex_infra.overrides import Overrides, assignments, config_overrides
from codex_infra.plan import PlanError, find_root, plan_stack

if TYPE_CHECKING:
    import cloudflare
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


class RefusalError(Exception):
    """A script cannot go where it was asked to; `code` is whose mistake it is."""

    def __init__(self, message: str, code: int = FAULT) -> None:
        super().__init__(message)
        self.code = code


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
    """Where `script` goes: to `wanted` or to its previous version. Raises RefusalError."""
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
        raise RefusalError(f"{name}: has no deployment: nothing serves that could be rolled back")
    # The API lists the latest first; wrangler sorts by time all the same.
    current, *earlier = sorted(deployments, key=lambda d: d.created_on, reverse=True)
    serving = tuple(
        (known.get(v.version_id, Version(v.version_id)), v.percentage) for v in current.versions
    )
    if wanted is not None:
        if wanted not in known:
            raise RefusalError(
                f"{name}: --to {wanted} is not one of its deployable versions", USAGE_ERROR
            )
        return Step(script, serving, known[wanted])
    if len(known) < 2:
        raise RefusalError(f"{name}: has only one version: nothing to roll back to")
    previous = previous_version(current, earlier)
    if previous is None:
        raise RefusalError(
            f"{name}: no earlier deployment served one version to all traffic:"
            f" name one with --to {name}=VERSION"
        )
    if previous not in known:
        raise RefusalError(
            f"{name}: {previous}, the version it served before, is no longer deployable"
        )
    return Step(script, serving, known[previous])


def _deployments(client: cloudflare.Cloudflare, script: Script) -> list[Deployment]:
    """The script's deployments, latest first.

    The API answers `result: {deployments: [...]}` (Cloudflare's API reference; wrangler reads
    it so), which is the SDK's DeploymentListResponse; but SDK 5.9.0's `deployments.list` puts
    that model in a V4 page, which looks for `result.items` and so yields nothing. The request
    is the SDK's all the same (auth, retries, errors); its answer is read here with that model.
    """
    from cloudflare.types.workers.scripts.deployment_list_response import (
        DeploymentListResponse,
    )

    what = f"list the deployments of {script.name}"
    with calling(what):
        answer = client.workers.scripts.deployments.with_raw_response.list(
            script.name, account_id=script.account_id
        )
        body: Any = answer.json()
    try:
        result = cast(dict[str, Any], body)["result"] if isinstance(body, dict) else None
        return DeploymentListResponse.model_validate(result).deployments
    except (KeyError, pydantic.ValidationError):
        request = f"{answer.http_request.method} {answer.http_request.url.path}"
        raise CloudflareError(
            f"Cloudflare API {request} ({what}) answered no `result.deployments` list"
        ) from None


def _versions(client: cloudflare.Cloudflare, script: Script) -> list[VersionListResponse]:
    """Every deployable version, latest first, in one answer (`deployable` ignores paging).

    Only the first page is read: the SDK's iterator asks for the next page as long as a page
    has items, and an answer that ignores paging always has them.
    """
    with calling(f"list the versions of {script.name}"):
        page = client.workers.scripts.versions.list(
            script.name, account_id=script.account_id, deployable=True
        )
    return list(page.result.items or []) if page.result else []


def stack_scripts(plan: Plan) -> list[Script]:
    """The Workers scripts the program registers, in its order."""
    return [
        Script(known_input(r, "accountId"), known_input(r, "scriptName"))
        for r in plan.of_type(SCRIPT)
    ]


def gather(
    client: cloudflare.Cloudflare, scripts: Sequence[Script], wanted: Mapping[str, str]
) -> tuple[list[Step], list[RefusalError]]:
    """Every script's step, or why it cannot take one; nothing is changed."""
    steps: list[Step] = []
    refusals: list[RefusalError] = []
    for script in scripts:
        deployments = _deployments(client, script)
        versions = _versions(client, script)
        try:
            steps.append(plan_step(script, deployments, versions, wanted.get(script.name)))
        except RefusalError as refusal:
            refusals.append(refusal)
    return steps, refusals


class PartialRollbackError(Exception):
    """A deployment failed: of `steps`, only `done` were made."""

    def __init__(self, cause: CloudflareError, steps: Sequence[Step], done: Sequence[Step]) -> None:
        super().__init__(str(cause))
        self.steps, self.done = tuple(steps), tuple(done)

    def report(self, stack: str) -> list[str]:
        """Which scripts were rolled back and which not, and the command that finishes it."""
        rolled = [s.script.name for s in self.done]
        kept = [s.script.name for s in self.steps if s.unchanged]
        missing = [s.script.name for s in self.steps if not s.unchanged and s not in self.done]
        lines = [f"{stack}: rolled back: {', '.join(rolled) or 'none'}"]
        if kept:
            lines.append(f"{stack}: left as they were: {', '.join(kept)}")
        lines.append(f"{stack}: NOT rolled back: {', '.join(missing)}")
        pins = " ".join(f"--to {s.script.name}={s.target.id}" for s in self.steps)
        lines.append(f"To finish (what is done stays): codex-infra rollback {stack} {pins}")
        return lines


def apply(client: cloudflare.Cloudflare, stack: str, steps: Sequence[Step]) -> list[str]:
    """Deploys each step's version to all traffic, in order; a line per script."""
    lines: list[str] = []
    done: list[Step] = []
    for step in steps:
        if step.unchanged:
            lines.append(step.describe())
            continue
        name, target = step.script.name, step.target
        try:
            with calling(f"deploy {target.id} to all traffic of {name}"):
                deployment = client.workers.scripts.deployments.create(
                    name,
                    account_id=step.script.account_id,
                    strategy="percentage",
                    versions=[{"percentage": 100, "version_id": target.id}],
                    annotations={"workers_message": MESSAGE.format(stack=stack)},
                )
        except CloudflareError as err:
            raise PartialRollbackError(err, steps, done) from None
        done.append(step)
        lines.append(f"{name}: serves {target.label()} to all traffic (deployment {deployment.id})")
    return lines


def next_steps(stack: str) -> str:
    return (
        f"Next: Pulumi's state of {stack} still holds the newer code, so its next `pulumi up`"
        " (the next deploy from main) deploys that code again. Land a revert of the bad change"
        f" on main first (git revert, through a pull request); until then, hold deploys of {stack}."
    )


def _scripts(stack: str, wanted: Mapping[str, str], overrides: Overrides) -> list[Script]:
    """The stack's scripts, from the offline plan; every --to names one of them."""
    plan = plan_stack(find_root(Path.cwd()), stack, overrides.plain, overrides.secret)
    scripts = stack_scripts(plan)
    if not scripts:
        raise PlanError(f"the program registers no Workers script for {stack}")
    names = [s.name for s in scripts]
    unknown = sorted(set(wanted) - set(names))
    if unknown:
        raise PlanError(f"--to: {stack} has no script {unknown[0]!r} (it has {', '.join(names)})")
    return scripts


@click.command("rollback")
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
        raise fail(f"--to {empty[0]}=: expected SCRIPT=VERSION, a version id after the =")
    try:
        with client_from_env() as client:
            scripts = _scripts(stack, wanted, overrides)
            steps, refusals = gather(client, scripts, wanted)
            if refusals:
                for refusal in refusals:  # a line each, then the verdict
                    fail(str(refusal), refusal.code)
                raise fail(
                    f"{stack}: nothing was changed (every script is checked before any is)",
                    max(r.code for r in refusals),
                )
            accounts = ", ".join(sorted({s.account_id for s in scripts}))
            click.echo(f"{stack}: Workers scripts of Cloudflare account {accounts}:")
            for step in steps:
                click.echo(f"  {step.describe()}")
            if all(step.unchanged for step in steps):
                click.echo(f"{stack}: every script already serves its target: nothing to do")
                return
            if not yes:
                click.confirm(f"Roll back these scripts of {stack}?", abort=True)
            lines = apply(client, stack, steps)
    except (CloudflareConfigError, PlanError, UnknownInputError) as err:
        raise fail(str(err)) from None
    except PartialRollbackError as err:
        exit_ = fail(str(err), FAULT)
        for line in err.report(stack):
            click.echo(line, err=True)
        raise exit_ from None
    except CloudflareError as err:
        exit_ = fail(str(err), FAULT)
        click.echo(f"{stack}: nothing was changed", err=True)
        raise exit_ from None
    for line in lines:
        click.echo(line)
    click.echo(f"{stack}: rolled back.")
    click.echo(next_steps(stack))
