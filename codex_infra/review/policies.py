"""The guardrails: plain functions over a neutral view of a resource.

The same rules judge a live `pulumi preview --policy-pack policy` (CrossGuard hands us its args)
and the offline plan of `codex-infra check` (our mock-engine recording), so every PR is checked,
forks included. Each source is adapted to `Subject` in one function: `from_plan`, `from_crossguard`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from pulumi_policy import (
    EnforcementLevel,
    Policy,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

from codex_infra.engine.config import PROJECT, load_stack_config, with_overrides
from codex_infra.engine.mock import (
    DOMAIN,
    NEON_BRANCH,
    ROUTE,
    SCRIPT,
    SUBDOMAIN,
    PlannedResource,
)
from codex_infra.engine.plan import find_root
from components.naming import Kind, NamingError, Stage, parse_stack
from components.settings import MAX_PREVIEW_TTL_HOURS

PACK_NAME = "codex-guardrails"
PACK_DESCRIPTION = "What keeps production safe, checked on every preview, up and PR."
# A value a preview cannot know yet; `pulumi up` judges the resource again once it is known.
UNKNOWN = "[unknown]"
# Neon refuses an expiry further ahead than this.
MAX_BRANCH_LIFETIME = dt.timedelta(hours=MAX_PREVIEW_TTL_HOURS)
# The input of each Worker-related type that names a script.
_SCRIPT_NAME_INPUT = {
    SCRIPT: "scriptName",
    SUBDOMAIN: "scriptName",
    DOMAIN: "service",
    ROUTE: "script",
}
_SECRET_BINDING_SUFFIXES = ("_SECRET", "_KEY", "_TOKEN")
_LIVE_STRIPE_PREFIXES = ("sk_live_", "rk_live_")


@dataclass(frozen=True)
class Subject:
    """One resource as a policy sees it, whichever source it came from."""

    type: str
    name: str
    urn: str
    inputs: Mapping[str, Any]
    protect: bool

    @property
    def stack(self) -> str:
        """URNs read `urn:pulumi:<stack>::<project>::<type>::<name>`, in a live preview too."""
        return self.urn.removeprefix("urn:pulumi:").split("::", 1)[0]

    @property
    def stage(self) -> Stage:
        return parse_stack(self.stack)

    @property
    def is_neon_branch(self) -> bool:
        return self.type == NEON_BRANCH and "branch_name" in self.inputs

    def get(self, key: str) -> Any:
        return self.inputs.get(key)


@dataclass(frozen=True)
class Violation:
    policy: str
    resource: str  # the resource's name, or "stack"
    why: str
    urn: str | None = None

    def __str__(self) -> str:
        return f"{self.policy}: {self.resource}: {self.why}"


@dataclass(frozen=True)
class Topology:
    """Where production lives, and whether this stack may share it (`codex:topology: shared`).
    Unknown ids (None) leave the rule nothing to compare."""

    production_account: str | None = None
    production_project: str | None = None
    shared: bool = False

    @classmethod
    def of(cls, root: Path, stack: str, overrides: Mapping[str, str] | None = None) -> Topology:
        """From the project's config files, as the stacks get them (the stack's own file and
        `--config` overrides included)."""
        production = load_stack_config(root, "production").values
        own = with_overrides(load_stack_config(root, stack), overrides or {}, {}).values
        return cls(
            production.get(f"{PROJECT}:cloudflareAccountId"),
            production.get(f"{PROJECT}:neonProjectId"),
            own.get(f"{PROJECT}:topology") == "shared",
        )


UNCHECKED = Topology()
# A check yields (resource at fault, why); the reason names keys and names, never values.
Check = Callable[[Sequence[Subject], dt.datetime, Topology], Iterator[tuple[Subject, str]]]
ResourceCheck = Callable[[Subject, dt.datetime], Iterator[str]]


@dataclass(frozen=True)
class Rule:
    name: str
    description: str
    check: Check
    # Judged one resource at a time (before each step of `pulumi up`), or over the whole stack.
    per_resource: bool

    def run(
        self, subjects: Sequence[Subject], now: dt.datetime, topology: Topology = UNCHECKED
    ) -> list[Violation]:
        try:
            return [
                Violation(self.name, s.name, why, s.urn)
                for s, why in self.check(subjects, now, topology)
            ]
        except NamingError as err:
            return [Violation(self.name, "stack", str(err))]


def _each(check: ResourceCheck) -> Check:
    def over(
        subjects: Sequence[Subject], now: dt.datetime, _topology: Topology
    ) -> Iterator[tuple[Subject, str]]:
        for subject in subjects:
            yield from ((subject, why) for why in check(subject, now))

    return over


def _bindings(subject: Subject) -> list[Mapping[str, Any]]:
    raw = subject.get("bindings") if subject.type == SCRIPT else None
    return cast(list[Mapping[str, Any]], raw) if isinstance(raw, list) else []


def _known(value: Any) -> bool:
    return value is not None and value != UNKNOWN


def _production_branch(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    if not subject.is_neon_branch:
        return
    adopts_default = subject.get("parent_branch") is None
    if subject.stage.is_production:
        if not subject.protect:
            yield "production's Neon branch must be protected (protect=True)"
        if subject.get("expires_at") is not None:
            yield "production's Neon branch must never have expires_at"
    elif adopts_default:
        yield "has no parent_branch, so it adopts the project's default branch: only production may"


def _secret_bindings(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    for binding in _bindings(subject):
        name = str(binding.get("name"))
        needs_secret = name == "DATABASE_URL" or name.endswith(_SECRET_BINDING_SUFFIXES)
        if needs_secret and binding.get("type") != "secret_text":
            yield f"binding {name} is {binding.get('type')!r}; it must be 'secret_text'"


def _script_suffix(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    key = _SCRIPT_NAME_INPUT.get(subject.type)
    script = subject.get(key) if key else None
    if not _known(script):
        return
    suffix = subject.stage.suffix
    if not str(script).endswith(f"-{suffix}"):
        yield f"{key} {script!r} does not end with '-{suffix}' (stack {subject.stack})"


def _no_domains_outside_production(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    if subject.type in (DOMAIN, ROUTE) and not subject.stage.is_production:
        what = "custom domain" if subject.type == DOMAIN else "route"
        yield f"a {subject.stage.kind.value} stack may have no {what}; it is reached on workers.dev"


def _production_off_workers_dev(
    subjects: Sequence[Subject], _now: dt.datetime, _topology: Topology
) -> Iterator[tuple[Subject, str]]:
    """Cross-resource: a script with a custom domain or route needs workers.dev set off."""
    production = [s for s in subjects if s.type in _SCRIPT_NAME_INPUT and s.stage.is_production]
    subdomains = {s.get("scriptName"): s for s in production if s.type == SUBDOMAIN}
    for routed in (s for s in production if s.type in (DOMAIN, ROUTE)):
        script = routed.get(_SCRIPT_NAME_INPUT[routed.type])
        subdomain = subdomains.get(script)
        if subdomain is None:
            yield routed, f"Worker {script!r} has no WorkersScriptSubdomain setting workers.dev off"
        elif subdomain.get("enabled") is not False and _known(subdomain.get("enabled")):
            yield subdomain, f"Worker {script!r} has a custom domain; workers.dev must be off"


def _preview_branch_expires(subject: Subject, now: dt.datetime) -> Iterator[str]:
    if not subject.is_neon_branch or subject.stage.kind is not Kind.PREVIEW:
        return
    stage = subject.stage
    name = subject.get("branch_name")
    expected = stage.branch_name(str(subject.get("parent_branch")))
    if _known(name) and name != expected:
        yield f"branch_name {name!r} must be {expected!r}"
    expires = subject.get("expires_at")
    if expires is None:
        yield "a preview's Neon branch must have expires_at"
        return
    if not _known(expires):
        return
    try:
        when = dt.datetime.fromisoformat(str(expires))
    except ValueError:
        yield f"expires_at {expires!r} is not an RFC 3339 time"
        return
    if when.tzinfo is None:
        yield f"expires_at {expires!r} has no time zone"
    elif not now < when <= now + MAX_BRANCH_LIFETIME:
        yield f"expires_at {expires} must be after {now:%Y-%m-%dT%H:%M:%SZ}, at most 30 days later"


def _service_bindings(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    for binding in _bindings(subject):
        service = binding.get("service")
        if binding.get("type") != "service" or not _known(service):
            continue
        suffix = subject.stage.suffix
        if not str(service).endswith(f"-{suffix}"):
            yield (
                f"service binding {binding.get('name')} points at {service!r}, "
                f"not a script of this environment ('-{suffix}')"
            )


def _no_live_stripe_key(subject: Subject, _now: dt.datetime) -> Iterator[str]:
    """Secret values are visible only in a live preview (the offline plan shows '[secret]')."""
    for binding in _bindings(subject):
        live = str(binding.get("text", "")).startswith(_LIVE_STRIPE_PREFIXES)
        if live and not subject.stage.is_production:
            yield f"binding {binding.get('name')} holds a live Stripe key; only production may"


def _off_production_accounts(
    subjects: Sequence[Subject], _now: dt.datetime, topology: Topology
) -> Iterator[tuple[Subject, str]]:
    """PR code runs in previews (and its merge in staging): in production's Cloudflare account or
    Neon project, its credentials could change production."""
    if topology.shared:
        return
    for subject in subjects:
        if subject.stage.is_production:
            continue
        account = subject.get("accountId") if subject.type in _SCRIPT_NAME_INPUT else None
        project = subject.get("project_id") if subject.is_neon_branch else None
        for what, value, production in (
            ("Cloudflare account", account, topology.production_account),
            ("Neon project", project, topology.production_project),
        ):
            if production is not None and value == production:
                yield subject, _SHARED.format(kind=subject.stage.kind.value, what=what)


_SHARED = (
    "a {kind} stack in production's {what}: its credentials could change production. Give "
    "non-production stacks their own {what} (Pulumi.yaml; production's goes in "
    "Pulumi.production.yaml), or accept the risk with codex:topology: shared"
)


RULES: tuple[Rule, ...] = (
    Rule(
        "production-database-protected",
        "Production's Neon branch is protected and never expires; no other stack adopts it.",
        _each(_production_branch),
        per_resource=True,
    ),
    Rule(
        "secret-bindings-are-secret",
        "Bindings named DATABASE_URL, *_SECRET, *_KEY or *_TOKEN are secret_text.",
        _each(_secret_bindings),
        per_resource=True,
    ),
    Rule(
        "script-names-carry-stack-suffix",
        "Every Worker script name ends with the stack's environment suffix.",
        _each(_script_suffix),
        per_resource=True,
    ),
    Rule(
        "no-custom-domains-outside-production",
        "Preview and staging stacks have no custom domains or routes.",
        _each(_no_domains_outside_production),
        per_resource=True,
    ),
    Rule(
        "production-off-workers-dev",
        "In production, a Worker with a custom domain or route has workers.dev switched off.",
        _production_off_workers_dev,
        per_resource=False,
    ),
    Rule(
        "preview-database-expires",
        "A preview's Neon branch is named preview/pr-<N> and expires at most 30 days ahead.",
        _each(_preview_branch_expires),
        per_resource=True,
    ),
    Rule(
        "service-bindings-stay-in-environment",
        "Service bindings point only at scripts of the same environment.",
        _each(_service_bindings),
        per_resource=True,
    ),
    Rule(
        "no-live-stripe-key-outside-production",
        "Live Stripe keys never reach a preview or staging Worker.",
        _each(_no_live_stripe_key),
        per_resource=True,
    ),
    Rule(
        "non-production-off-production-accounts",
        "Previews and staging use their own Cloudflare account and Neon project, unless the "
        "project accepts the shared topology (codex:topology: shared).",
        _off_production_accounts,
        per_resource=False,
    ),
)


def evaluate(
    subjects: Sequence[Subject], now: dt.datetime, topology: Topology = UNCHECKED
) -> list[Violation]:
    return [v for rule in RULES for v in rule.run(subjects, now, topology)]


def from_plan(resources: Iterable[PlannedResource]) -> list[Subject]:
    """The offline plan's resources (inputs already plain, secrets shown as '[secret]')."""
    return [Subject(r.type, r.name, r.urn, r.inputs, r.protect) for r in resources]


class _CrossGuardResource(Protocol):
    """What `ResourceValidationArgs` and `PolicyResource` (stack policies) have in common."""

    resource_type: str
    name: str
    urn: str

    @property
    def props(self) -> Mapping[str, Any]: ...

    @property
    def opts(self) -> Any: ...


def _unproxied(value: Any) -> Any:
    """CrossGuard wraps props in proxies that raise on unknown values; read each one, marking
    unknowns instead, so one unknown does not stop a whole policy during preview."""
    if isinstance(value, Mapping):
        mapping = cast(Mapping[str, Any], value)
        return {k: _read(lambda k=k: mapping[k]) for k in mapping if not k.startswith("__")}
    if isinstance(value, Sequence) and not isinstance(value, str):
        sequence = cast(Sequence[Any], value)
        return [_read(lambda i=i: sequence[i]) for i in range(len(sequence))]
    return value


def _read(get: Callable[[], Any]) -> Any:
    try:
        return _unproxied(get())
    except UnknownValueError:
        return UNKNOWN


def from_crossguard(resource: _CrossGuardResource) -> Subject:
    """A live resource; keys starting with '__' (a dynamic provider's pickled code) are dropped."""
    return Subject(
        resource.resource_type,
        resource.name,
        resource.urn,
        _unproxied(resource.props),
        bool(resource.opts.protect),
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _topology(subjects: Sequence[Subject]) -> Topology:
    """The pack runs in policy/, below the project whose config names production's ids."""
    stacks = {s.stack for s in subjects}
    return Topology.of(find_root(), stacks.pop()) if len(stacks) == 1 else UNCHECKED


def _resource_policy(rule: Rule, clock: Callable[[], dt.datetime]) -> Policy:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        for violation in rule.run([from_crossguard(args)], clock()):
            report(violation.why, None)

    return ResourceValidationPolicy(
        rule.name, rule.description, validate, enforcement_level=EnforcementLevel.MANDATORY
    )


def _stack_policy(rule: Rule, clock: Callable[[], dt.datetime]) -> Policy:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        subjects = [from_crossguard(r) for r in args.resources]
        for violation in rule.run(subjects, clock(), _topology(subjects)):
            report(violation.why, violation.urn)

    return StackValidationPolicy(
        rule.name, rule.description, validate, enforcement_level=EnforcementLevel.MANDATORY
    )


def crossguard_policies(clock: Callable[[], dt.datetime] = _now) -> list[Policy]:
    """The pack's policies, all MANDATORY; a live preview judges expiry against the real clock."""
    return [
        (_resource_policy if rule.per_resource else _stack_policy)(rule, clock) for rule in RULES
    ]
