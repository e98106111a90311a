"""Run the real program with the real SDK against Pulumi's mock engine, and record what it asks for.

This is what lets tests, the offline plan and the policy check see the desired state of a stack
with no CLI, no state backend and no credentials.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import runpy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from google.protobuf import json_format
from pulumi import runtime
from pulumi.runtime import mocks, settings
from pulumi.runtime.stack import run_in_stack
from pulumi.runtime.sync_await import _sync_await  # pyright: ignore[reportPrivateUsage]

from codex_infra.engine.config import StackConfig
from codex_infra.errors import UsageError

# Nothing here imports `components`: `codex-infra diff` runs this harness against another
# revision's program, whose components may differ in everything but `__main__.py`'s contract.
# The type tokens of the resources the program registers, for whoever reads a plan.
SCRIPT = "cloudflare:index/workersScript:WorkersScript"
SUBDOMAIN = "cloudflare:index/workersScriptSubdomain:WorkersScriptSubdomain"
DOMAIN = "cloudflare:index/workersCustomDomain:WorkersCustomDomain"
ROUTE = "cloudflare:index/workersRoute:WorkersRoute"
HYPERDRIVE = "cloudflare:index/hyperdriveConfig:HyperdriveConfig"
NEON_BRANCH = "pulumi-python:dynamic:Resource"
STACK = "pulumi:pulumi:Stack"
COMMAND = "command:local:Command"
RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword"  # noqa: S105 (a type token)
SECRET = "[secret]"  # noqa: S105 (what a secret is shown as, not a secret)
# The wire's markers (pulumi/sdk/go/common/resource/sig); values are stable across versions.
_SIG = "4dabf18193072939515e22adb298388d"
_SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270"  # noqa: S105 (a wire marker)
_RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e"
_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
# Serialized dynamic provider: code, not configuration; it says nothing a reviewer can use.
_HIDDEN_INPUTS = {"__provider"}
# What the program and the SDK log through the engine (pulumi.log.*); without this logger the mock
# engine writes to the root logger. The CLI decides what reaches the terminal.
ENGINE_LOG = logging.getLogger(f"{__name__}.pulumi")


@dataclass(frozen=True)
class PlannedResource:
    urn: str
    type: str
    name: str
    parent: str | None
    custom: bool
    protect: bool
    retain_on_delete: bool
    dependencies: tuple[str, ...]
    inputs: dict[str, Any]
    # Outputs the real engine encrypts in state (the mock engine does not apply them).
    secret_outputs: tuple[str, ...] = ()


@dataclass
class Plan:
    project: str
    stack: str
    resources: list[PlannedResource] = field(default_factory=list[PlannedResource])
    outputs: dict[str, Any] = field(default_factory=dict[str, Any])
    # With a key, secrets show as `[secret:<keyed digest>]`: two plans made with the same
    # one-off key can tell a changed secret from an unchanged one without showing either.
    fingerprint_key: bytes | None = None
    # The local environment needs the values themselves (its own, local ones): never printed.
    reveal_secrets: bool = False

    def of_type(self, type_: str) -> list[PlannedResource]:
        return [r for r in self.resources if r.type == type_]

    def by_name(self, name: str) -> PlannedResource:
        return next(r for r in self.resources if r.name == name)


def is_secret(value: Any) -> bool:
    return isinstance(value, str) and (value == SECRET or value.startswith("[secret:"))


def known_input(resource: PlannedResource, key: str) -> str:
    """A plain string input of the plan, as a command that calls an API by it needs it; one the
    offline plan cannot know (computed at deploy time, or given as a secret) is a UsageError."""
    value = resource.inputs.get(key)
    if not isinstance(value, str) or not value or value == "[unknown]" or is_secret(value):
        raise UsageError(f"{resource.name}: its {key} is not known before a deploy")
    return value


def _wire_to_plain(value: Any, key: bytes | None, reveal: bool = False) -> Any:
    """Wire value -> JSON-ready value, every secret replaced by SECRET (or its keyed
    fingerprint) at any depth, unless revealed."""
    if isinstance(value, dict):
        obj = cast(dict[str, Any], value)
        if obj.get(_SIG) == _SECRET_SIG:
            if reveal:
                return _wire_to_plain(obj.get("value"), key, reveal)
            if key is None:
                return SECRET
            secret = json.dumps(obj.get("value"), sort_keys=True).encode()
            return f"[secret:{hmac.new(key, secret, 'sha256').hexdigest()[:16]}]"
        if obj.get(_SIG) == _RESOURCE_SIG:
            return obj.get("urn")
        return {k: _wire_to_plain(v, key, reveal) for k, v in sorted(obj.items())}
    if isinstance(value, list):
        return [_wire_to_plain(v, key, reveal) for v in cast(list[Any], value)]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value == _UNKNOWN:
        return "[unknown]"
    return value


def reveal(value: Any) -> Any:
    """A wire value with its secrets' values in place: only for the local environment's own."""
    return _wire_to_plain(value, None, reveal=True)


def _placeholder(urn: str, prefix: str) -> str:
    return f"{prefix}-{hashlib.sha256(urn.encode()).hexdigest()[:12]}"


class Placeholders(mocks.Mocks):
    """Cloud-side values are stable placeholders, so two plans of the same code are identical."""

    def new_resource(self, args: mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        inputs = cast(dict[str, Any], args.inputs)  # pyright: ignore[reportUnknownMemberType]
        key = f"{args.typ}::{args.name}"
        return _placeholder(key, "id"), {**inputs, **self.outputs(args.typ, args.name, inputs)}

    def outputs(self, typ: str, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
        """What the provider adds to a resource's inputs once it exists."""
        key = f"{typ}::{name}"
        if typ == NEON_BRANCH:
            endpoint = _placeholder(key, "ep")
            host = f"{endpoint}.region.neon.example"
            pooler = f"{endpoint}-pooler.region.neon.example"
            userinfo = f"{inputs.get('role_name')}:password"
            database = inputs.get("database_name")
            return {
                "branch_id": _placeholder(key, "br"),
                "endpoint_id": endpoint,
                "host": host,
                "pooler_host": pooler,
                "database_url": f"postgresql://{userinfo}@{pooler}/{database}?sslmode=require",
                "direct_database_url": f"postgresql://{userinfo}@{host}/{database}?sslmode=require",
            }
        if typ == RANDOM_PASSWORD:
            return {"result": _placeholder(key, "password")}
        return {}

    def call(self, args: mocks.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return {}, None


class _Recorder(mocks.MockMonitor):
    def __init__(self, plan: Plan, cloud: mocks.Mocks) -> None:
        super().__init__(cloud)
        self.plan = plan

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """The URN the engine gives: the type qualified by every ancestor's type but the stack's
        (the SDK's mock keeps the parent's own type only, and the stack's), so a URN copied from
        a plan works in `pulumi up --target`, `pulumi state unprotect` or an alias."""
        if parent:
            qualified = parent.split("::")[2]
            if qualified != STACK:
                type_ = f"{qualified}${type_}"
        return f"urn:pulumi:{self.plan.stack}::{self.plan.project}::{type_}::{name}"

    def _recorded(self, message: Any) -> Any:
        plan = self.plan
        return _wire_to_plain(
            json_format.MessageToDict(message), plan.fingerprint_key, plan.reveal_secrets
        )

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 (the gRPC method's name)
        response: Any = super().RegisterResource(request)  # pyright: ignore[reportUnknownMemberType]
        if request.type != STACK:
            deps = set(request.dependencies)
            for prop in request.propertyDependencies.values():
                deps.update(prop.urns)
            inputs = self._recorded(request.object)
            self.plan.resources.append(
                PlannedResource(
                    urn=response.urn,
                    type=request.type,
                    name=request.name,
                    parent=request.parent or None,
                    custom=bool(request.custom),
                    protect=bool(request.protect),
                    retain_on_delete=bool(request.retainOnDelete),
                    dependencies=tuple(sorted(deps)),
                    inputs={k: v for k, v in inputs.items() if k not in _HIDDEN_INPUTS},
                    secret_outputs=tuple(request.additionalSecretOutputs),
                )
            )
        return response

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802
        if request.urn.split("::")[2] == STACK:
            self.plan.outputs = self._recorded(request.outputs)
        return super().RegisterResourceOutputs(request)  # pyright: ignore[reportUnknownMemberType]


def run_program(
    root: Path, config: StackConfig, plan: Plan, cloud: mocks.Mocks | None = None
) -> dict[str, Any]:
    """Runs `root/__main__.py` as `pulumi up` would, against the mock engine, recording into `plan`
    (which keeps what was registered even when the program fails). `cloud` answers for the
    providers: stable placeholders by default, the local environment's own values for it.

    Returns the program's globals, so tests can look at its Outputs directly.
    """
    cloud = cloud or Placeholders()
    mocks.set_mocks(
        cloud,
        project=plan.project,
        stack=plan.stack,
        preview=False,
        logger=ENGINE_LOG,
        monitor=_Recorder(plan, cloud),
    )
    runtime.set_all_config(dict(config.values), sorted(config.secret_keys))
    settings.ROOT.set(None)  # run_in_stack makes the stack resource, as the language host does
    program: dict[str, Any] = {}

    def run() -> None:
        program.update(runpy.run_path(str(root / "__main__.py"), run_name="__pulumi__"))

    try:
        _sync_await(run_in_stack(run))
    finally:
        plan.resources.sort(key=lambda r: r.urn)
    return program
