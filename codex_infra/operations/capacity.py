"""`codex-infra capacity [--json] [--check-new pr-<N>]`: how many previews fit at once.

Every preview takes Neon branches in the project and Workers scripts in the account its stack
names; staging shares both, and production too in the shared topology. What each stack takes is
read from its offline plan (the program under the mock engine), never restated here; the limits
come from `codex:neonPlan` and `codex:cloudflarePlan` (components/plans.py). With NEON_API_KEY
and CLOUDFLARE_API_TOKEN it also counts what is in use now, and `--check-new pr-<N>` exits 3
when what pr-<N> would add (its branch and scripts that do not exist yet) does not fit, so the
preview workflow stops before `pulumi up` creates half an environment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

import click

from codex_infra.clients.cloudflare import TOKEN_ENV as CLOUDFLARE_TOKEN_ENV
from codex_infra.clients.cloudflare import WorkersApi
from codex_infra.clients.http import unset
from codex_infra.clients.neon import TOKEN_ENV as NEON_TOKEN_ENV
from codex_infra.clients.neon import Json, NeonClient
from codex_infra.engine.mock import NEON_BRANCH, SCRIPT, Plan
from codex_infra.engine.plan import find_root, plan_stack, stack_config
from codex_infra.errors import CodexCommand, FaultError, RefusalError, UsageError
from codex_infra.operations.reap import CONFIG_STACK, Thing, preview_pr
from codex_infra.overrides import Overrides, config_overrides
from components.naming import Kind, NamingError, parse_stack
from components.neon_provider import SCHEMA_ONLY
from components.plans import (
    NEON_ALL_BRANCHES_URL,
    NEON_PLANS_URL,
    NEON_ROOT_BRANCHES_URL,
    READ_ON,
    WORKERS_LIMITS_URL,
    CloudflareLimits,
    NeonLimits,
)
from components.settings import PlanSettings, TopologySettings, load_concern

# `--check-new`: the new preview does not fit (1 stays "failed", 2 "your mistake").
NO_ROOM = 3
# The stacks besides the previews that may take room in the previews' project and account.
FIXED_STACKS = ("production", "staging")
REAPER = "run the reaper (`codex-infra reap --apply`, or the reap workflow with apply ticked)"


class Resource(StrEnum):
    BRANCHES = "neonBranches"
    INCLUDED_BRANCHES = "neonIncludedBranches"
    ROOT_BRANCHES = "neonRootBranches"
    SCRIPTS = "workerScripts"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Resource.BRANCHES: "Neon branches",
    Resource.INCLUDED_BRANCHES: "Neon branches the plan includes",
    Resource.ROOT_BRANCHES: "Neon root branches",
    Resource.SCRIPTS: "Workers scripts",
}


# What the plans say ------------------------------------------------------------------------


@dataclass(frozen=True)
class Footprint:
    """What one stack's plan puts in one Neon project and one Cloudflare account."""

    stack: str
    branches: tuple[str, ...]  # created, or adopted (production's default branch)
    new_roots: tuple[str, ...]  # of those, created as root branches (schema-only)
    parents: tuple[str, ...]  # existing branches they are made from
    scripts: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.branches or self.scripts)


def _branches(plan: Plan) -> list[dict[str, Any]]:
    return [r.inputs for r in plan.of_type(NEON_BRANCH) if "branch_name" in r.inputs]


def home(plan: Plan) -> tuple[str, str]:
    """The Neon project and Cloudflare account a preview's plan puts its resources in."""
    projects = {str(b["project_id"]) for b in _branches(plan)}
    accounts = {str(r.inputs["accountId"]) for r in plan.of_type(SCRIPT)}
    if len(projects) != 1 or len(accounts) != 1:
        raise FaultError(
            f"{plan.stack}: expected its branches in one Neon project and its Workers in one"
            f" account, found projects {sorted(projects)} and accounts {sorted(accounts)}"
        )
    return projects.pop(), accounts.pop()


def footprint(plan: Plan, project: str, account: str) -> Footprint:
    branches = [b for b in _branches(plan) if b.get("project_id") == project]
    return Footprint(
        stack=plan.stack,
        branches=tuple(str(b["branch_name"]) for b in branches),
        new_roots=tuple(
            str(b["branch_name"]) for b in branches if b.get("init_source") == SCHEMA_ONLY
        ),
        parents=tuple(str(b["parent_branch"]) for b in branches if b.get("parent_branch")),
        scripts=tuple(
            str(r.inputs["scriptName"])
            for r in plan.of_type(SCRIPT)
            if r.inputs.get("accountId") == account
        ),
    )


@dataclass(frozen=True)
class Counts:
    branches: int
    root_branches: int
    scripts: int


@dataclass(frozen=True)
class Survey:
    """The previews' home, what one preview takes there, and what the other stacks take."""

    project: str
    account: str
    preview: Footprint
    others: tuple[Footprint, ...]  # only the stacks that take room there
    plans: PlanSettings
    topology: str

    @property
    def per_preview(self) -> Counts:
        p = self.preview
        return Counts(len(p.branches), len(p.new_roots), len(p.scripts))

    @property
    def other_branches(self) -> list[str]:
        """Branches that exist whatever the previews do: the ones the other stacks make or
        adopt, and the parents (the previews' parent taken as the project's root branch)."""
        names = [*self.preview.parents]
        for other in self.others:
            names += [*other.branches, *other.parents]
        return list(dict.fromkeys(names))

    @property
    def other_scripts(self) -> list[str]:
        return [s for other in self.others for s in other.scripts]

    @property
    def taken(self) -> Counts:
        # The project's root branch, and any root branch another stack creates.
        roots = 1 + sum(len(o.new_roots) for o in self.others)
        return Counts(len(self.other_branches), roots, len(self.other_scripts))


def survey(root: Path, preview_stack: str, overrides: Overrides) -> Survey:
    """Plans the preview and the fixed stacks. `--config` overrides reach the non-production
    stacks (staging and the preview), as an edit of Pulumi.yaml would; production's own config
    stays as committed."""
    plans: dict[str, Plan] = {}
    for stack in (preview_stack, *FIXED_STACKS):
        given = Overrides({}, {}) if stack == "production" else overrides
        plans[stack] = plan_stack(root, stack, given.plain, given.secret)
    project, account = home(plans[preview_stack])
    config = stack_config(root, preview_stack, overrides.plain, overrides.secret)
    others = (footprint(plans[s], project, account) for s in FIXED_STACKS)
    return Survey(
        project=project,
        account=account,
        preview=footprint(plans[preview_stack], project, account),
        others=tuple(o for o in others if not o.empty),
        plans=load_concern(PlanSettings, config.values, preview_stack, root, config.secret_keys),
        topology=load_concern(
            TopologySettings, config.values, preview_stack, root, config.secret_keys
        ).topology,
    )


# The arithmetic ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    resource: Resource
    limit: int
    taken: int
    per_preview: int
    # Beyond a billed limit, Neon charges for each branch instead of refusing it.
    billed: bool = False

    @property
    def fit(self) -> int:
        return max(0, (self.limit - self.taken) // self.per_preview)

    def arithmetic(self) -> str:
        return f"({self.limit} - {self.taken}) / {self.per_preview} = {self.fit}"

    def document(self) -> dict[str, Any]:
        return {
            "resource": self.resource.value,
            "limit": self.limit,
            "taken": self.taken,
            "perPreview": self.per_preview,
            "previewsThatFit": self.fit,
            "billedBeyond": self.billed,
        }


def limits(
    neon: NeonLimits, cloudflare: CloudflareLimits, taken: Counts, per: Counts
) -> list[Limit]:
    """One row per limit a preview counts against (a limit it takes nothing of is left out)."""
    rows = [Limit(Resource.BRANCHES, neon.branches_per_project, taken.branches, per.branches)]
    included = neon.included_branches_per_project
    if included is not None and included < neon.branches_per_project:
        rows.append(
            Limit(Resource.INCLUDED_BRANCHES, included, taken.branches, per.branches, billed=True)
        )
    if neon.root_branches_per_project is not None:
        rows.append(
            Limit(
                Resource.ROOT_BRANCHES,
                neon.root_branches_per_project,
                taken.root_branches,
                per.root_branches,
            )
        )
    rows.append(Limit(Resource.SCRIPTS, cloudflare.workers_per_account, taken.scripts, per.scripts))
    return [r for r in rows if r.per_preview > 0]


def tightest(rows: Sequence[Limit], *, billed: bool = False) -> Limit:
    """The limit that runs out first: among the hard ones, or among all with billed=True."""
    return min((r for r in rows if billed or not r.billed), key=lambda r: r.fit)


# What is in use now -----------------------------------------------------------------------


@dataclass(frozen=True)
class InUse:
    branches: tuple[str, ...]
    root_branches: tuple[str, ...]
    scripts: tuple[str, ...]

    @property
    def counts(self) -> Counts:
        return Counts(len(self.branches), len(self.root_branches), len(self.scripts))

    def previews(self, thing: Thing) -> int:
        names = self.branches if thing is Thing.BRANCH else self.scripts
        return sum(1 for name in names if preview_pr(thing, name) is not None)


class BranchListing(Protocol):
    def list_branches(self, project_id: str) -> list[Json]: ...


class ScriptListing(Protocol):
    def script_names(self, account_id: str) -> list[str]: ...


def count_in_use(survey: Survey, neon: BranchListing, workers: ScriptListing) -> InUse:
    """Every branch of the previews' project and every script of their account."""
    branches = neon.list_branches(survey.project)
    return InUse(
        branches=tuple(str(b["name"]) for b in branches),
        root_branches=tuple(str(b["name"]) for b in branches if not b.get("parent_id")),
        scripts=tuple(workers.script_names(survey.account)),
    )


def missing(survey: Survey, in_use: InUse) -> Counts:
    """What the preview would add: its branches and scripts that do not exist yet."""
    p = survey.preview

    def absent(names: Iterable[str], present: Iterable[str]) -> int:
        return len(set(names) - set(present))

    return Counts(
        absent(p.branches, in_use.branches),
        absent(p.new_roots, in_use.branches),
        absent(p.scripts, in_use.scripts),
    )


# Output ------------------------------------------------------------------------------------


def _names(items: Sequence[str]) -> str:
    return ", ".join(items) if items else "none"


def _neon_terms(neon: NeonLimits) -> str:
    terms = [f"{neon.branches_per_project} branches per project, the root branch included"]
    if neon.included_branches_per_project is not None:
        terms.append(f"{neon.included_branches_per_project} of them without extra charge")
    if neon.root_branches_per_project is not None:
        terms.append(f"{neon.root_branches_per_project} root branches")
    if neon.compute_hours_per_month is not None:
        terms.append(f"{neon.compute_hours_per_month:g} CU-hours a month")
    return ", ".join(terms)


def _preview_terms(preview: Footprint) -> str:
    roots = " (root: previewData schema-only)" if preview.new_roots else ""
    return (
        f"{len(preview.branches)} Neon branch ({_names(preview.branches)}){roots} and"
        f" {len(preview.scripts)} Workers scripts ({_names(preview.scripts)})"
    )


def _plan_name(value: object) -> str:
    return value if isinstance(value, str) else "explicit numbers"


def _rows(rows: Sequence[Limit]) -> list[str]:
    width = max(len(r.resource.label) for r in rows)
    return [
        f"  {r.resource.label:<{width}}  {r.arithmetic()}"
        + ("  (beyond it Neon bills each branch)" if r.billed else "")
        for r in rows
    ]


def _verdict(rows: Sequence[Limit], what: str) -> str:
    hard, cheap = tightest(rows), tightest(rows, billed=True)
    line = f"{hard.fit} {what}, limited by {hard.resource.label}"
    if cheap.fit < hard.fit:
        line += f"; {cheap.fit} without extra-branch charges"
    return line + "."


def _sharing(survey: Survey) -> str:
    sharing = [o.stack for o in survey.others]
    return " and ".join(sharing) if sharing else "no other stack"


def text_report(survey: Survey, in_use: InUse | None, note: str | None) -> str:
    plans, per, taken = survey.plans, survey.per_preview, survey.taken
    rows = limits(plans.neon, plans.cloudflare, taken, per)
    shared = any(o.stack == "production" for o in survey.others)
    apart = "" if shared else "; production is apart"
    too = " (production's too)" if shared else ""
    lines = [
        f"The previews live in Neon project {survey.project} and Cloudflare account"
        f" {survey.account}, with {_sharing(survey)} (topology {survey.topology}{apart}).",
        f"neonPlan {_plan_name(plans.neon_plan)}: {_neon_terms(plans.neon)}.",
        f"cloudflarePlan {_plan_name(plans.cloudflare_plan)}:"
        f" {plans.cloudflare.workers_per_account} Workers per account.",
        f"(Plan limits as documented on {READ_ON}: {NEON_PLANS_URL}, {NEON_ROOT_BRANCHES_URL},"
        f" {WORKERS_LIMITS_URL}.)",
        f"Each preview takes {_preview_terms(survey.preview)} ({survey.preview.stack}'s plan).",
        f"Taken by the rest: {taken.branches} Neon branches ({_names(survey.other_branches)}),"
        + (f" {taken.root_branches} of them root," if per.root_branches else "")
        + f" {taken.scripts} Workers scripts ({_names(survey.other_scripts)}).",
        "",
        *_rows(rows),
        "",
        _verdict(rows, "previews fit at once"),
    ]
    hours = plans.neon.compute_hours_per_month
    if hours is not None:
        lines.append(
            f"Compute: the previews share the project's {hours:g} CU-hours a month with"
            f" {_sharing(survey)}; when they run out, Neon suspends the project's computes"
            f"{too} until the month ends."
        )
    if in_use is None:
        lines.append(f"In use now: {note}.")
    else:
        now = in_use.counts
        lines += [
            "",
            f"In use now: {now.branches} Neon branches ({in_use.previews(Thing.BRANCH)} of"
            f" previews), {now.root_branches} of them root; {now.scripts} Workers scripts"
            f" ({in_use.previews(Thing.SCRIPT)} of previews).",
            *_rows(limits(plans.neon, plans.cloudflare, now, per)),
            _verdict(limits(plans.neon, plans.cloudflare, now, per), "more previews fit now"),
        ]
    return "\n".join(lines) + "\n"


def json_report(survey: Survey, in_use: InUse | None, check: dict[str, Any] | None) -> str:
    plans, per = survey.plans, survey.per_preview
    rows = limits(plans.neon, plans.cloudflare, survey.taken, per)
    document: dict[str, Any] = {
        "topology": survey.topology,
        "neon": {
            "projectId": survey.project,
            "plan": _plan_name(plans.neon_plan),
            **plans.neon.model_dump(by_alias=True),
            "read": READ_ON,
            "sources": [NEON_PLANS_URL, NEON_ALL_BRANCHES_URL, NEON_ROOT_BRANCHES_URL],
        },
        "cloudflare": {
            "accountId": survey.account,
            "plan": _plan_name(plans.cloudflare_plan),
            **plans.cloudflare.model_dump(by_alias=True),
            "read": READ_ON,
            "sources": [WORKERS_LIMITS_URL],
        },
        "perPreview": {"stack": survey.preview.stack, **_counts(per)},
        "sharedWith": [o.stack for o in survey.others],
        "taken": {
            **_counts(survey.taken),
            "branchNames": survey.other_branches,
            "scriptNames": survey.other_scripts,
        },
        "limits": [r.document() for r in rows],
        "previewsThatFit": tightest(rows).fit,
        "limitedBy": tightest(rows).resource.value,
        "previewsWithoutExtraCharges": tightest(rows, billed=True).fit,
        "inUse": None,
    }
    if in_use is not None:
        now = limits(plans.neon, plans.cloudflare, in_use.counts, per)
        document["inUse"] = {
            **_counts(in_use.counts),
            "previewBranches": in_use.previews(Thing.BRANCH),
            "previewScripts": in_use.previews(Thing.SCRIPT),
            "limits": [r.document() for r in now],
            "morePreviewsThatFit": tightest(now).fit,
            "limitedBy": tightest(now).resource.value,
        }
    if check is not None:
        document["checkNew"] = check
    return json.dumps(document, indent=2) + "\n"


def _counts(counts: Counts) -> dict[str, int]:
    return {
        Resource.BRANCHES.value: counts.branches,
        Resource.ROOT_BRANCHES.value: counts.root_branches,
        Resource.SCRIPTS.value: counts.scripts,
    }


def check_new(survey: Survey, in_use: InUse) -> tuple[dict[str, Any], str | None]:
    """What the preview would add against what is in use; the refusal if it does not fit."""
    need = missing(survey, in_use)
    rows = limits(survey.plans.neon, survey.plans.cloudflare, in_use.counts, need)
    blocked = [r for r in rows if not r.billed and r.fit < 1]
    stack = survey.preview.stack
    document = {"stack": stack, "needs": _counts(need), "fits": not blocked}
    if not blocked:
        return document, None
    why = "; ".join(
        f"{r.resource.label}: {r.taken} in use + {r.per_preview} > {r.limit}" for r in blocked
    )
    return document, (
        f"no room for {stack} ({why}): {REAPER} to remove what closed PRs left behind, close"
        " stale PRs, or raise codex:neonPlan / codex:cloudflarePlan to the plan you are on"
    )


def assess(
    survey: Survey, in_use: InUse | None, check: bool, as_json: bool, absent: Sequence[str]
) -> tuple[str, str | None]:
    """What the command prints, and its refusal when `check` finds no room for the preview."""
    checked, refusal = check_new(survey, in_use) if check and in_use is not None else (None, None)
    if as_json:
        return json_report(survey, in_use, checked) + "\n", refusal
    note = f"not counted ({' and '.join(absent)} not set)" if absent else None
    text = text_report(survey, in_use, note) + "\n"
    if checked is not None:
        needs = checked["needs"]
        text += (
            f"{checked['stack']} adds {needs[Resource.BRANCHES.value]} Neon branch(es) and"
            f" {needs[Resource.SCRIPTS.value]} Workers scripts: "
            + ("it fits.\n" if refusal is None else "it does not fit.\n")
        )
    return text, refusal


# The command ---------------------------------------------------------------------------


def _preview_stack(stack: str) -> str:
    try:
        kind = parse_stack(stack).kind
    except NamingError as err:
        raise UsageError(str(err)) from None
    if kind is not Kind.PREVIEW:
        raise UsageError(f"--check-new takes a preview stack (pr-<N>), not {stack!r}")
    return stack


@click.command(cls=CodexCommand)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.option(
    "--check-new",
    "new_stack",
    metavar="pr-<N>",
    help="Exit 3 if what this preview would add does not fit now (needs both tokens).",
)
@config_overrides
def capacity(as_json: bool, new_stack: str | None, overrides: Overrides) -> None:
    """How many previews fit at once in the Neon project and Cloudflare account they use, with
    the arithmetic; with NEON_API_KEY and CLOUDFLARE_API_TOKEN, how many are in use now.

    --config KEY=VALUE applies to staging and the previews (e.g. neonPlan=launch).
    Exits 0, 3 (--check-new: no room), 2 on a mistake, 1 when a service fails.
    """
    stack = _preview_stack(new_stack) if new_stack else CONFIG_STACK
    absent = unset(NEON_TOKEN_ENV, CLOUDFLARE_TOKEN_ENV)
    if new_stack and absent:
        raise UsageError(f"--check-new counts what is in use: set {', '.join(absent)}")
    found = survey(find_root(), stack, overrides)
    in_use = None
    if not absent:
        with NeonClient.from_env() as neon, WorkersApi.from_env() as workers:
            in_use = count_in_use(found, neon, workers)
    text, refusal = assess(found, in_use, new_stack is not None, as_json, absent)
    click.echo(text, nl=False)
    if refusal is not None:
        raise RefusalError(refusal, NO_ROOM)
