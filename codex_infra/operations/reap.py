"""`codex-infra reap [--apply]`: remove what closed pull requests left behind.

A preview is stack `pr-<N>`, Neon branch `preview/pr-<N>` and Workers `<prefix>-preview-<N>`.
The preview workflow destroys them when the PR closes, but a cancelled or failed run leaves
some behind. The reaper lists all four sources, decides with a pure function (`decide`),
prints the decisions and, with `--apply`, carries them out:

- a `pr-<N>` stack whose PR is not open is destroyed and removed (its own branch and
  Workers go with it);
- a `preview/pr-<N>` branch or `*-preview-<N>` Worker is deleted when PR N is not open and
  no stack `pr-<N>` is left to own it (checked again after the destroys);
- an open PR keeps everything; a stack with an update running is left for the next run;
- a name `components.naming` does not produce for a preview is never touched: it is
  reported as ignored, and the delete/destroy calls themselves refuse it.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, cast

import click

from codex_infra.clients.cloudflare import WorkersApi
from codex_infra.clients.github import GitHubClient
from codex_infra.clients.neon import NeonClient
from codex_infra.engine.config import PROJECT, load_stack_config
from codex_infra.errors import CodexCommand, CodexError, FaultError, UsageError, one_line
from components.naming import Kind, NamingError, Role, Stage, parse_stack
from components.settings import CloudflareSettings, NeonSettings, load_concern

#: The committed config a preview stack runs on (pr stacks have no stack file).
CONFIG_STACK = "pr-1"
_REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
_SCRIPT_SUFFIX = "-preview-"


# Names ---------------------------------------------------------------------------------


class Thing(StrEnum):
    STACK = "stack"
    SCRIPT = "Worker"
    BRANCH = "Neon branch"


def _preview(stack: str) -> Stage | None:
    try:
        stage = parse_stack(stack)
    except NamingError:
        return None
    return stage if stage.kind is Kind.PREVIEW else None


def stack_pr(name: str) -> int | None:
    """`pr-<N>`, also as listed qualified: `<org>/pr-<N>`, `<org>/codex/pr-<N>`."""
    parts = name.split("/")
    if len(parts) > 3 or (len(parts) == 3 and parts[1] != PROJECT):
        return None
    stage = _preview(parts[-1])
    return stage.pr if stage else None


def branch_pr(name: str) -> int | None:
    """`preview/pr-<N>` exactly as `Stage.branch_name` makes it."""
    stage = _preview(name.removeprefix("preview/"))
    return stage.pr if stage and stage.branch_name("") == name else None


def script_role(name: str) -> tuple[int, Role] | None:
    """`<prefix>-preview-<N>` exactly as `Stage.script_name` makes it, for some role."""
    stage = _preview("pr-" + name.rpartition(_SCRIPT_SUFFIX)[2])
    if stage is None or stage.pr is None:
        return None
    for role in Role:
        with contextlib.suppress(NamingError):  # too long for Cloudflare: not ours either
            if stage.script_name(role) == name:
                return stage.pr, role
    return None


def preview_pr(thing: Thing, name: str) -> int | None:
    """The PR a preview resource belongs to; None for any name that is not a preview's."""
    if thing is Thing.STACK:
        return stack_pr(name)
    if thing is Thing.BRANCH:
        return branch_pr(name)
    found = script_role(name)
    return found[0] if found else None


def require_preview(thing: Thing, name: str) -> None:
    """The last guard before anything is deleted, whatever the caller decided."""
    if preview_pr(thing, name) is None:
        raise FaultError(f"refusing to touch {thing} {name!r}: not a preview name")


# The decision ---------------------------------------------------------------------------


class Verdict(StrEnum):
    DESTROY = "destroy"
    DELETE = "delete"
    KEEP = "keep"
    IGNORE = "ignore"


@dataclass(frozen=True)
class StackInfo:
    name: str
    busy: bool = False  # an update is running (the preview workflow, or a human)


@dataclass(frozen=True)
class Inventory:
    stacks: tuple[StackInfo, ...]
    open_prs: frozenset[int]
    branches: tuple[str, ...]
    scripts: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    thing: Thing
    name: str
    reason: str

    @property
    def acts(self) -> bool:
        return self.verdict in (Verdict.DESTROY, Verdict.DELETE)


_THING_ORDER = {Thing.STACK: 0, Thing.SCRIPT: 1, Thing.BRANCH: 2}
# The web Worker has a service binding to the auth Worker: delete it first.
_ROLE_ORDER = {role: i for i, role in enumerate((Role.WEB, Role.STRIPE_WEBHOOK, Role.AUTH))}


def _order(decision: Decision) -> tuple[int, int, int, str]:
    """Stacks, then Workers (web before auth), then branches; by PR within each."""
    pr = preview_pr(decision.thing, decision.name) or 0
    found = script_role(decision.name) if decision.thing is Thing.SCRIPT else None
    role = _ROLE_ORDER[found[1]] if found else 0
    return _THING_ORDER[decision.thing], pr, role, decision.name


def decide(inventory: Inventory) -> list[Decision]:
    """What to do with every listed name; pure, so the whole table is tested directly."""
    open_prs = inventory.open_prs
    decisions: list[Decision] = []
    stacks: dict[int, StackInfo] = {}
    for stack in inventory.stacks:
        pr = stack_pr(stack.name)
        if pr is None:
            decisions.append(
                Decision(Verdict.IGNORE, Thing.STACK, stack.name, "not a preview name")
            )
            continue
        stacks[pr] = stack
        if pr in open_prs:
            decisions.append(Decision(Verdict.KEEP, Thing.STACK, stack.name, f"PR #{pr} is open"))
        elif stack.busy:
            reason = f"PR #{pr} is not open, but an update is running: left for the next run"
            decisions.append(Decision(Verdict.KEEP, Thing.STACK, stack.name, reason))
        else:
            reason = f"PR #{pr} is not open"
            decisions.append(Decision(Verdict.DESTROY, Thing.STACK, stack.name, reason))

    def leftover(thing: Thing, name: str) -> Decision:
        pr = preview_pr(thing, name)
        if pr is None:
            return Decision(Verdict.IGNORE, thing, name, "not a preview name")
        if pr in open_prs:
            return Decision(Verdict.KEEP, thing, name, f"PR #{pr} is open")
        owner = stacks.get(pr)
        if owner is not None:
            reason = f"owned by stack {owner.name}"
            if not owner.busy:
                reason += ", which is destroyed first; checked again after"
            return Decision(Verdict.KEEP, thing, name, reason)
        reason = f"PR #{pr} is not open and no stack pr-{pr} owns it"
        return Decision(Verdict.DELETE, thing, name, reason)

    decisions += [leftover(Thing.SCRIPT, name) for name in inventory.scripts]
    decisions += [leftover(Thing.BRANCH, name) for name in inventory.branches]
    return sorted(decisions, key=_order)


def render(decisions: Sequence[Decision]) -> str:
    """One aligned line per name, then a count per verdict."""
    if not decisions:
        return "nothing listed\n"
    width = max(len(d.name) for d in decisions)
    lines = [f"{d.verdict:<7}  {d.thing:<11}  {d.name:<{width}}  {d.reason}" for d in decisions]
    counts = {v: sum(1 for d in decisions if d.verdict is v) for v in Verdict}
    lines.append(", ".join(f"{v} {n}" for v, n in counts.items() if n))
    return "\n".join(lines) + "\n"


# Interfaces to the outside world --------------------------------------------------------


class Stacks(Protocol):
    def names(self) -> list[StackInfo]: ...

    def destroy(self, name: str) -> None:
        """Delete every resource of the stack, then the stack itself."""
        ...


class PullRequests(Protocol):
    def open_numbers(self) -> frozenset[int]: ...


class NeonBranches(Protocol):
    def names(self) -> list[str]: ...

    def delete(self, name: str) -> bool:
        """False when it was already gone."""
        ...


class WorkerScripts(Protocol):
    def names(self) -> list[str]: ...

    def delete(self, name: str) -> bool:
        """False when it was already gone."""
        ...


@dataclass(frozen=True)
class Services:
    stacks: Stacks
    pulls: PullRequests
    branches: NeonBranches
    scripts: WorkerScripts


class Runner(Protocol):
    """Runs `pulumi ARGS` in the project; returns (exit code, stdout, stderr)."""

    def __call__(self, args: Sequence[str], *, capture: bool) -> tuple[int, str, str]: ...


def pulumi_runner(root: Path) -> Runner:
    """The real CLI; a destroy's output streams to the log instead of being captured."""

    def run(args: Sequence[str], *, capture: bool) -> tuple[int, str, str]:
        try:
            done = subprocess.run(
                ["pulumi", *args], cwd=root, capture_output=capture, text=True, check=False
            )
        except FileNotFoundError:
            raise UsageError("the Pulumi CLI (pulumi) is not installed or not on PATH") from None
        return done.returncode, done.stdout or "", done.stderr or ""

    return run


class PulumiStacks:
    """`pulumi stack ls --json` of this project, and destroy-and-remove of one stack."""

    def __init__(self, run: Runner) -> None:
        self._run = run

    def names(self) -> list[StackInfo]:
        code, out, err = self._run(["stack", "ls", "--json", "--non-interactive"], capture=True)
        if code != 0:
            said = one_line(err, last=1, empty="no message")
            raise FaultError(f"pulumi stack ls failed (exit {code}): {said}")
        try:
            listed = cast(list[dict[str, Any]], json.loads(out))
            return [StackInfo(str(s["name"]), bool(s.get("updateInProgress"))) for s in listed]
        except (ValueError, TypeError, KeyError):
            raise FaultError(
                "pulumi stack ls --json printed something that is not its list"
            ) from None

    def destroy(self, name: str) -> None:
        """Refresh first, so what is already gone (an expired Neon branch, a Worker deleted
        by hand) leaves the state instead of failing its delete; then remove the stack."""
        require_preview(Thing.STACK, name)
        args = ["destroy", "--stack", name, "--yes", "--skip-preview", "--non-interactive"]
        code, _, _ = self._run([*args, "--refresh", "--remove"], capture=False)
        if code != 0:
            raise FaultError(f"pulumi destroy --stack {name} failed (exit {code}); see its output")


@dataclass(frozen=True)
class GitHubPulls:
    """The open PRs of the repository whose PRs own the previews."""

    github: GitHubClient
    repo: str

    def open_numbers(self) -> frozenset[int]:
        return self.github.open_pull_numbers(self.repo)


class NeonPreviewBranches:
    """Branches of the Neon project, by name; deletes by the id of the latest listing."""

    def __init__(self, client: NeonClient, project_id: str) -> None:
        self._client = client
        self._project_id = project_id
        self._ids: dict[str, str] = {}

    def names(self) -> list[str]:
        branches = self._client.list_branches(self._project_id)
        self._ids = {str(b["name"]): str(b["id"]) for b in branches}
        return list(self._ids)

    def delete(self, name: str) -> bool:
        require_preview(Thing.BRANCH, name)
        branch_id = self._ids.get(name)
        if branch_id is None:
            raise FaultError(f"Neon branch {name!r} was not in the last listing")
        return self._client.delete_branch(self._project_id, branch_id)


@dataclass(frozen=True)
class CloudflareScripts:
    """Workers scripts of the account the previews are deployed to."""

    workers: WorkersApi
    account_id: str

    def names(self) -> list[str]:
        return self.workers.script_names(self.account_id)

    def delete(self, name: str) -> bool:
        require_preview(Thing.SCRIPT, name)
        return self.workers.delete_script(self.account_id, name)


# Running it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewHome:
    """Where the previews live: the project, the repository, the Neon project and the account."""

    root: Path
    repo: str
    neon_project_id: str
    cloudflare_account_id: str


Connect = Callable[[PreviewHome], contextlib.AbstractContextManager[Services]]


@contextlib.contextmanager
def connect_from_env(target: PreviewHome) -> Generator[Services]:
    """The real services; tokens come from the environment only."""
    with (
        GitHubClient.from_env() as github,
        WorkersApi.from_env() as workers,
        NeonClient.from_env() as neon,
    ):
        yield Services(
            PulumiStacks(pulumi_runner(target.root)),
            GitHubPulls(github, target.repo),
            NeonPreviewBranches(neon, target.neon_project_id),
            CloudflareScripts(workers, target.cloudflare_account_id),
        )


def take_inventory(services: Services) -> Inventory:
    """Open PRs are listed last: a PR opened while we list is then seen as open, so a
    branch its first deploy just made is never mistaken for a leftover."""
    stacks = tuple(services.stacks.names())
    branches = tuple(services.branches.names())
    scripts = tuple(services.scripts.names())
    return Inventory(stacks, services.pulls.open_numbers(), branches, scripts)


def _carry_out(services: Services, decisions: Iterable[Decision]) -> int:
    """Do every action, whatever fails; return how many failed."""
    failed = 0
    for decision in decisions:
        what = f"{decision.verdict} {decision.thing} {decision.name}"
        try:
            if decision.thing is Thing.STACK:
                services.stacks.destroy(decision.name)
                gone = True
            elif decision.thing is Thing.BRANCH:
                gone = services.branches.delete(decision.name)
            else:
                gone = services.scripts.delete(decision.name)
        except CodexError as error:
            failed += 1
            click.echo(f"{what}: FAILED: {error}", err=True)
            continue
        click.echo(f"{what}: {'done' if gone else 'already gone'}")
    return failed


def reap_with(services: Services, *, apply: bool) -> int:
    """Report, and with apply act; returns the number of failed actions."""
    decisions = decide(take_inventory(services))
    click.echo(render(decisions), nl=False)
    if not any(d.acts for d in decisions):
        click.echo("Nothing to reap.")
        return 0
    if not apply:
        click.echo("Report only: run with --apply to do this.")
        return 0
    destroys = [d for d in decisions if d.verdict is Verdict.DESTROY]
    failed = _carry_out(services, destroys)
    if destroys:
        # Destroying a stack deletes its own branch and Workers; delete only what is left,
        # and keep what belongs to a stack that could not be destroyed.
        click.echo("Checking again after the destroys:")
        decisions = decide(take_inventory(services))
    failed += _carry_out(services, [d for d in decisions if d.verdict is Verdict.DELETE])
    return failed


def _target(root: Path, repo: str, neon_project_id: str, cloudflare_account_id: str) -> PreviewHome:
    """Where the previews live: as given, else as the previews' committed config says."""
    if not _REPO.fullmatch(repo):
        raise UsageError(f"repository {repo!r} is not owner/name (set GITHUB_REPOSITORY or --repo)")
    if not (root / "Pulumi.yaml").is_file():
        raise UsageError(f"no Pulumi.yaml in {root}: run this in the project directory")
    if not (neon_project_id and cloudflare_account_id):
        config = load_stack_config(root, CONFIG_STACK).values
        try:
            if not neon_project_id:
                neon = load_concern(NeonSettings, config, CONFIG_STACK, root)
                neon_project_id = neon.neon_project_id
            if not cloudflare_account_id:
                cloudflare = load_concern(CloudflareSettings, config, CONFIG_STACK, root)
                cloudflare_account_id = cloudflare.cloudflare_account_id
        except UsageError as err:
            raise UsageError(
                f"{err} (or give --neon-project-id and --cloudflare-account-id)"
            ) from None
    return PreviewHome(root, repo, neon_project_id, cloudflare_account_id)


def make_command(connect: Connect) -> click.Command:
    """The click command over a way to reach the services (tests pass fakes)."""

    @click.command(name="reap", cls=CodexCommand)
    @click.option("--apply", is_flag=True, help="Destroy and delete; without it, only report.")
    @click.option(
        "--repo",
        envvar="GITHUB_REPOSITORY",
        default="",
        show_envvar=True,
        help="owner/name of the repository whose PRs own the previews.",
    )
    @click.option(
        "--neon-project-id",
        envvar="NEON_PROJECT_ID",
        default="",
        show_envvar=True,
        help="Default: codex:neonProjectId of Pulumi.yaml.",
    )
    @click.option(
        "--cloudflare-account-id",
        envvar="CLOUDFLARE_ACCOUNT_ID",
        default="",
        show_envvar=True,
        help="Default: codex:cloudflareAccountId of Pulumi.yaml.",
    )
    def reap(apply: bool, repo: str, neon_project_id: str, cloudflare_account_id: str) -> None:
        """List pr-* stacks, open PRs, preview/pr-* Neon branches and *-preview-* Workers;
        report what closed PRs left behind and, with --apply, remove it.

        Needs GITHUB_TOKEN, NEON_API_KEY, CLOUDFLARE_API_TOKEN and a logged-in Pulumi CLI;
        run it in the project directory. Exits 1 if anything failed, 2 on a setup mistake.
        """
        target = _target(Path.cwd(), repo, neon_project_id, cloudflare_account_id)
        with connect(target) as services:
            failed = reap_with(services, apply=apply)
        if failed:
            # Each failure was said as it happened; this is the summary, not another error line.
            click.echo(f"{failed} action(s) failed; the rest were done.", err=True)
            raise click.exceptions.Exit(1)

    return reap


reap = make_command(connect_from_env)
