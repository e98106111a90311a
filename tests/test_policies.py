"""The guardrails over real plan output: each policy passes on every committed stack kind and
catches each mutation; the CrossGuard pack registers them, and judges wire-format resources."""

from __future__ import annotations

import copy
import datetime as dt
import runpy
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

import pulumi_policy
import pytest
import yaml
from google.protobuf import struct_pb2
from pulumi.runtime import proto
from pulumi_policy.policy import _PolicyAnalyzerServicer

from codex_infra.engine.mock import DOMAIN, ROUTE, SECRET, Plan, PlannedResource
from codex_infra.engine.plan import PLAN_EPOCH
from codex_infra.review import policies
from codex_infra.review.policies import (
    PACK_NAME,
    RULES,
    UNKNOWN,
    Subject,
    Topology,
    Violation,
    evaluate,
    from_plan,
)
from components.naming import parse_stack
from tests.conftest import PROJECT_DIR, REPO

Planned = Callable[[str], tuple[Plan, dict[str, Any]]]
Inputs = dict[str, Any]
# Plan resources and policy subjects share the fields a mutation changes.
R = TypeVar("R", Subject, PlannedResource)

NOW = dt.datetime.fromtimestamp(int(PLAN_EPOCH), dt.UTC)
# Production's own account and project (Pulumi.production.yaml), apart from the others'.
PRODUCTION_ACCOUNT = "f0e1d2c3b4a5968778695a4b3c2d1e0f"
PRODUCTION_PROJECT = "codex-production-00000000"
STACKS = ("production", "staging", "pr-12")
_SIG = "4dabf18193072939515e22adb298388d"
_SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"
_UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def subjects(planned: Planned, stack: str) -> list[Subject]:
    return from_plan(planned(stack)[0].resources)


def binding(inputs: Inputs, name: str) -> dict[str, Any]:
    return next(b for b in inputs["bindings"] if b["name"] == name)


def at(when: dt.timedelta | str) -> Callable[[Inputs], None]:
    """Sets a Neon branch's expires_at: `when` after the plan's deploy time, or as written."""
    iso = when if isinstance(when, str) else f"{NOW + when:%Y-%m-%dT%H:%M:%SZ}"
    return lambda i: i.update(expires_at=iso)


@dataclass(frozen=True)
class Mutation:
    """One change to one resource of a real plan, and the violation it must cause."""

    stack: str
    resource: str
    change: Callable[[Inputs], None] = lambda _: None
    protect: bool | None = None
    remove: bool = False
    policy: str = ""
    why: str = ""
    # Policies a mutation rightly breaks as well (a renamed domain's script has no workers.dev).
    also: tuple[str, ...] = ()
    # The resource the violation names, when not the mutated one.
    culprit: str | None = None

    def apply(self, resources: list[R]) -> list[R]:
        out: list[R] = []
        for subject in resources:
            if subject.name == self.resource:
                if self.remove:
                    continue
                inputs = copy.deepcopy(dict(subject.inputs))
                self.change(inputs)
                protect = subject.protect if self.protect is None else self.protect
                subject = replace(subject, inputs=inputs, protect=protect)
            out.append(subject)
        return out


def _moved(subject: Subject, stack: str, type_: str | None = None, **inputs: Any) -> Subject:
    """A resource of another stack (or of another type), as if this stack's program made it."""
    urn = subject.urn.replace(f"urn:pulumi:{subject.stack}::", f"urn:pulumi:{stack}::", 1)
    return replace(
        subject, urn=urn, type=type_ or subject.type, inputs={**subject.inputs, **inputs}
    )


MUTATIONS = [
    # 1. production's database
    Mutation(
        "production",
        "codex-db-branch",
        protect=False,
        policy="production-database-protected",
        why="must be protected (protect=True)",
    ),
    Mutation(
        "production",
        "codex-db-branch",
        at("2026-12-01T00:00:00Z"),
        policy="production-database-protected",
        why="must never have expires_at",
    ),
    Mutation(
        "staging",
        "codex-db-branch",
        lambda i: i.pop("parent_branch"),
        policy="production-database-protected",
        why="adopts the project's default branch",
    ),
    # 2. secrets are secret
    Mutation(
        "production",
        "codex-stripe-webhook-script",
        lambda i: binding(i, "STRIPE_SECRET_KEY").update(type="plain_text"),
        policy="secret-bindings-are-secret",
        why="binding STRIPE_SECRET_KEY is 'plain_text'; it must be 'secret_text'",
    ),
    Mutation(
        "pr-12",
        "codex-auth-script",
        lambda i: binding(i, "DATABASE_URL").update(type="plain_text"),
        policy="secret-bindings-are-secret",
        why="binding DATABASE_URL is 'plain_text'",
    ),
    Mutation(
        "staging",
        "codex-web-script",
        lambda i: i["bindings"].append({"name": "API_TOKEN", "type": "plain_text", "text": "x"}),
        policy="secret-bindings-are-secret",
        why="binding API_TOKEN is 'plain_text'",
    ),
    # 3. script names carry the stack's suffix
    Mutation(
        "pr-12",
        "codex-web-script",
        lambda i: i.update(scriptName="codex-web-production"),
        policy="script-names-carry-stack-suffix",
        why="scriptName 'codex-web-production' does not end with '-preview-12' (stack pr-12)",
    ),
    Mutation(
        "staging",
        "codex-auth-workers-dev",
        lambda i: i.update(scriptName="auth-worker"),
        policy="script-names-carry-stack-suffix",
        why="does not end with '-staging'",
    ),
    Mutation(
        "production",
        "codex-web-domain",
        lambda i: i.update(service="codex-web-staging"),
        policy="script-names-carry-stack-suffix",
        why="service 'codex-web-staging' does not end with '-production'",
        also=("production-off-workers-dev",),
    ),
    # 4b. production: no workers.dev for a Worker with a custom domain
    Mutation(
        "production",
        "codex-web-workers-dev",
        lambda i: i.update(enabled=True),
        policy="production-off-workers-dev",
        why="Worker 'codex-web-production' has a custom domain; workers.dev must be off",
    ),
    Mutation(
        "production",
        "codex-auth-workers-dev",
        remove=True,
        policy="production-off-workers-dev",
        why="'auth-worker-production' has no WorkersScriptSubdomain",
        culprit="codex-auth-domain",
    ),
    # 5. preview databases expire
    Mutation(
        "pr-12",
        "codex-db-branch",
        lambda i: i.pop("expires_at"),
        policy="preview-database-expires",
        why="a preview's Neon branch must have expires_at",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        at(dt.timedelta(days=30, seconds=1)),
        policy="preview-database-expires",
        why="at most 30 days later",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        at(dt.timedelta(0)),
        policy="preview-database-expires",
        why=f"must be after {NOW:%Y-%m-%dT%H:%M:%SZ}",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        at("next week"),
        policy="preview-database-expires",
        why="'next week' is not an RFC 3339 time",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        at(f"{NOW + dt.timedelta(days=1):%Y-%m-%dT%H:%M:%S}"),
        policy="preview-database-expires",
        why="has no time zone",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        lambda i: i.update(branch_name="preview/pr-13"),
        policy="preview-database-expires",
        why="branch_name 'preview/pr-13' must be 'preview/pr-12'",
    ),
    # 6. service bindings stay in the environment
    Mutation(
        "pr-12",
        "codex-web-script",
        lambda i: binding(i, "AUTH").update(service="auth-worker-production"),
        policy="service-bindings-stay-in-environment",
        why="service binding AUTH points at 'auth-worker-production'",
    ),
    Mutation(
        "pr-12",
        "codex-web-script",
        lambda i: binding(i, "AUTH").update(service="auth-worker-preview-1"),
        policy="service-bindings-stay-in-environment",
        why="('-preview-12')",
    ),
    # live Stripe keys never reach a preview (visible to a live preview only)
    Mutation(
        "pr-12",
        "codex-stripe-webhook-script",
        lambda i: binding(i, "STRIPE_SECRET_KEY").update(text="sk_live_canary123"),
        policy="no-live-stripe-key-outside-production",
        why="binding STRIPE_SECRET_KEY holds a live Stripe key; only production may",
    ),
    # previews and staging stay off production's account and project (the isolated topology)
    Mutation(
        "staging",
        "codex-auth-script",
        lambda i: i.update(accountId=PRODUCTION_ACCOUNT),
        policy="non-production-off-production-accounts",
        why="a staging stack in production's Cloudflare account: its credentials could change",
    ),
    Mutation(
        "pr-12",
        "codex-db-branch",
        lambda i: i.update(project_id=PRODUCTION_PROJECT),
        policy="non-production-off-production-accounts",
        why="a preview stack in production's Neon project",
    ),
]


STACK_POLICIES = {r.name for r in RULES if not r.per_resource}


def _case_id(m: Mutation) -> str:
    return f"{m.policy}:{m.stack}:{m.resource}:{m.why[:24]}"


@pytest.mark.parametrize("stack", STACKS)
@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_each_policy_passes_the_real_plan(
    planned: Planned, stack: str, rule: policies.Rule
) -> None:
    assert rule.run(subjects(planned, stack), NOW) == []


@pytest.mark.parametrize("mutation", MUTATIONS, ids=_case_id)
def test_each_mutation_is_caught_by_its_policy_alone(planned: Planned, mutation: Mutation) -> None:
    real = subjects(planned, mutation.stack)
    assert mutation.resource in {s.name for s in real}
    violations = evaluate(mutation.apply(real), NOW, Topology.of(PROJECT_DIR, mutation.stack))
    assert sorted(v.policy for v in violations) == sorted([mutation.policy, *mutation.also])
    (violation,) = [v for v in violations if v.policy == mutation.policy]
    assert violation.resource == (mutation.culprit or mutation.resource)
    assert mutation.why in violation.why
    assert all("canary" not in v.why for v in violations)  # reasons name keys, never values


def test_every_policy_has_violating_cases() -> None:
    caught = {m.policy for m in MUTATIONS} | {"no-custom-domains-outside-production"}
    assert caught == {r.name for r in RULES}


@pytest.mark.parametrize(
    ("stack", "type_", "script_key", "what"),
    [("staging", DOMAIN, "service", "custom domain"), ("pr-12", ROUTE, "script", "route")],
)
def test_no_custom_domains_or_routes_outside_production(
    planned: Planned, stack: str, type_: str, script_key: str, what: str
) -> None:
    stage = parse_stack(stack)
    domain = next(s for s in subjects(planned, "production") if s.type == DOMAIN)
    extra = _moved(domain, stack, type_, **{script_key: f"codex-web-{stage.suffix}"})
    violations = evaluate([*subjects(planned, stack), extra], NOW)
    assert violations == [
        Violation(
            "no-custom-domains-outside-production",
            domain.name,
            f"a {stage.kind.value} stack may have no {what}; it is reached on workers.dev",
            extra.urn,
        )
    ]


def test_a_preview_of_another_pr_is_not_this_environment(planned: Planned) -> None:
    """pr-1's names are not pr-12's, though '-preview-1' is a prefix of '-preview-12'."""
    real = subjects(planned, "pr-12")
    moved = [_moved(s, "pr-1") for s in real]
    reasons = [v.why for v in evaluate(moved, NOW) if v.policy == "script-names-carry-stack-suffix"]
    assert len(reasons) == 6  # three scripts, three workers.dev settings
    assert all("does not end with '-preview-1'" in r for r in reasons)


def test_unknown_values_are_left_to_pulumi_up(planned: Planned) -> None:
    """A preview cannot know some values yet; `pulumi up` judges them again once known."""
    unknown = [
        Mutation("pr-12", "codex-web-script", lambda i: i.update(scriptName=UNKNOWN)),
        Mutation("pr-12", "codex-web-script", lambda i: binding(i, "AUTH").update(service=UNKNOWN)),
        Mutation("pr-12", "codex-db-branch", at(UNKNOWN)),
    ]
    for mutation in unknown:
        assert evaluate(mutation.apply(subjects(planned, "pr-12")), NOW) == []


def test_a_stack_name_outside_the_rules_is_a_violation(planned: Planned) -> None:
    moved = [_moved(s, "pr-012") for s in subjects(planned, "pr-12")]
    violations = evaluate(moved, NOW)
    assert {v.resource for v in violations} == {"stack"}
    assert all("stack name 'pr-012' is not allowed" in v.why for v in violations)


# --- the CrossGuard pack, without its gRPC server ---------------------------------------------


@pytest.fixture(scope="module")
def pack(monkeypatch_module: pytest.MonkeyPatch) -> dict[str, Any]:
    """What policy/__main__.py hands PolicyPack (whose constructor would serve forever)."""
    seen: dict[str, Any] = {}
    monkeypatch_module.setattr(pulumi_policy, "PolicyPack", lambda **kwargs: seen.update(kwargs))
    runpy.run_path(str(REPO / "policy" / "__main__.py"), run_name="__main__")
    return seen


@pytest.fixture(scope="module")
def monkeypatch_module() -> Any:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _servicer(pack: dict[str, Any], clock: dt.datetime = NOW) -> _PolicyAnalyzerServicer:
    """The analyzer PolicyPack would serve; `clock` stands in for the real time of a preview."""
    policies_at = policies.crossguard_policies(lambda: clock)
    assert [p.name for p in policies_at] == [p.name for p in pack["policies"]]
    return _PolicyAnalyzerServicer(
        pack["name"],
        "0.1.0",
        policies_at,
        pack["enforcement_level"],
        description=pack["description"],
    )


def test_pack_runs_in_the_environment_of_these_tests() -> None:
    """`pulumi preview --policy-pack policy` imports codex_infra from the project's venv."""
    project = yaml.safe_load((REPO / "policy" / "PulumiPolicy.yaml").read_text())
    runtime = project["runtime"]
    assert (runtime["name"], runtime["options"]["toolchain"]) == ("python", "uv")
    venv = (REPO / "policy" / runtime["options"]["virtualenv"]).resolve()
    assert venv == Path(sys.prefix).resolve()


def test_pack_registers_every_rule_as_mandatory(pack: dict[str, Any]) -> None:
    assert pack["name"] == PACK_NAME
    assert pack["enforcement_level"] is pulumi_policy.EnforcementLevel.MANDATORY
    info = _servicer(pack).GetAnalyzerInfo(None, None)
    assert info.name == PACK_NAME
    assert [(p.name, p.description) for p in info.policies] == [
        (r.name, r.description) for r in RULES
    ]
    assert {p.enforcementLevel for p in info.policies} == {proto.MANDATORY}
    stack_level = {
        p.name for p in info.policies if p.policy_type == proto.PolicyType.POLICY_TYPE_STACK
    }
    assert stack_level == {"production-off-workers-dev", "non-production-off-production-accounts"}
    assert all(
        p.policy_type == proto.PolicyType.POLICY_TYPE_RESOURCE
        for p in info.policies
        if p.name not in stack_level
    )


def _wire(value: Any) -> Any:
    """Plan inputs as the engine sends them: secrets wrapped with a canary, '[unknown]' unknown."""
    if value == SECRET:
        return {_SIG: _SECRET_SIG, "value": "canary-from-the-wire"}
    if value == UNKNOWN:
        return _UNKNOWN_STRING
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_wire(v) for v in value]
    return value


def _struct(inputs: Inputs) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(_wire({**inputs, "__provider": "pickled-provider-code"}))
    return struct


def _request(subject: Subject) -> Any:
    return proto.AnalyzeRequest(
        type=subject.type,
        urn=subject.urn,
        name=subject.name,
        properties=_struct(dict(subject.inputs)),
        options=proto.AnalyzerResourceOptions(protect=subject.protect),
    )


def test_pack_passes_every_real_resource_as_the_engine_sends_it(
    planned: Planned, pack: dict[str, Any]
) -> None:
    servicer = _servicer(pack)
    for stack in STACKS:
        for subject in subjects(planned, stack):
            response = servicer.Analyze(_request(subject), None)
            assert list(response.diagnostics) == [], subject.name


@pytest.mark.parametrize(
    "mutation",
    # stack policies: below
    [m for m in MUTATIONS if m.policy not in STACK_POLICIES],
    ids=_case_id,
)
def test_pack_reports_each_mutation_as_a_mandatory_diagnostic(
    planned: Planned, pack: dict[str, Any], mutation: Mutation
) -> None:
    servicer = _servicer(pack)
    (subject,) = [
        s for s in mutation.apply(subjects(planned, mutation.stack)) if s.name == mutation.resource
    ]
    response = servicer.Analyze(_request(subject), None)
    diagnostics = [d for d in response.diagnostics if d.policyName == mutation.policy]
    assert len(diagnostics) == 1
    (diagnostic,) = diagnostics
    assert diagnostic.enforcementLevel == proto.MANDATORY
    assert mutation.why in diagnostic.message
    assert "canary" not in diagnostic.message


def test_pack_leaves_unknown_values_to_pulumi_up(planned: Planned, pack: dict[str, Any]) -> None:
    """One unknown (the Neon URL before the branch exists) does not stop a policy in preview."""
    web = next(s for s in subjects(planned, "pr-12") if s.name == "codex-web-script")
    inputs = copy.deepcopy(dict(web.inputs))
    binding(inputs, "DATABASE_URL")["text"] = UNKNOWN
    binding(inputs, "AUTH")["service"] = UNKNOWN
    response = _servicer(pack).Analyze(_request(replace(web, inputs=inputs)), None)
    assert list(response.diagnostics) == []


def _analyze_stack(planned: Planned, pack: dict[str, Any], mutation: Mutation) -> Any:
    """The pack's stack policies over a mutated plan, sent as the engine sends a stack."""
    resources = [
        proto.AnalyzerResource(
            type=s.type,
            urn=s.urn,
            name=s.name,
            properties=_struct(dict(s.inputs)),
            options=proto.AnalyzerResourceOptions(protect=s.protect),
        )
        for s in mutation.apply(subjects(planned, mutation.stack))
    ]
    request = proto.AnalyzeStackRequest(resources=resources)
    return _servicer(pack).AnalyzeStack(request, None).diagnostics


def test_pack_stack_policy_points_at_the_resource(planned: Planned, pack: dict[str, Any]) -> None:
    mutation = next(m for m in MUTATIONS if m.resource == "codex-web-workers-dev")
    (diagnostic,) = _analyze_stack(planned, pack, mutation)
    assert diagnostic.policyName == "production-off-workers-dev"
    assert diagnostic.urn.endswith("::codex-web-workers-dev")
    assert mutation.why in diagnostic.message


def test_pack_keeps_staging_off_productions_account(planned: Planned, pack: dict[str, Any]) -> None:
    """The pack reads where production lives from the project's config, as check does."""
    mutation = next(m for m in MUTATIONS if m.stack == "staging" and m.policy in STACK_POLICIES)
    (diagnostic,) = _analyze_stack(planned, pack, mutation)
    assert diagnostic.policyName == "non-production-off-production-accounts"
    assert diagnostic.urn.endswith("::codex-auth-script")
    assert "codex:topology: shared" in diagnostic.message


def test_the_shared_topology_is_accepted_only_when_opted_into() -> None:
    assert Topology.of(PROJECT_DIR, "staging") == Topology(
        PRODUCTION_ACCOUNT, PRODUCTION_PROJECT, False
    )
    assert Topology.of(PROJECT_DIR, "pr-3", {"topology": "shared"}).shared
    assert not Topology.of(PROJECT_DIR, "pr-3", {"topology": "isolated"}).shared


def test_pack_judges_expiry_against_the_live_clock(planned: Planned, pack: dict[str, Any]) -> None:
    """A live preview has no pinned deploy time: the same branch is late a month on."""
    branch = next(s for s in subjects(planned, "pr-12") if s.name == "codex-db-branch")
    later = _servicer(pack, NOW + dt.timedelta(days=31)).Analyze(_request(branch), None)
    assert [d.policyName for d in later.diagnostics] == ["preview-database-expires"]
    assert list(_servicer(pack).Analyze(_request(branch), None).diagnostics) == []
