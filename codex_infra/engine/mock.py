"""What a program run against Pulumi's mock engine (`harness`) asks for: the resources it
registers, their secrets, and the placeholders that answer for the providers.

None of it loads the SDK: commands that only read a plan (`local up` from its kept plan,
`local down`) start without it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from codex_infra.errors import UsageError

if TYPE_CHECKING:
    from pulumi.runtime import mocks

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
HIDDEN_INPUTS = {"__provider"}
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


def wire_to_plain(value: Any, key: bytes | None, reveal: bool = False) -> Any:
    """Wire value -> JSON-ready value, every secret replaced by SECRET (or its keyed
    fingerprint) at any depth, unless revealed."""
    if isinstance(value, dict):
        obj = cast(dict[str, Any], value)
        if obj.get(_SIG) == _SECRET_SIG:
            if reveal:
                return wire_to_plain(obj.get("value"), key, reveal)
            if key is None:
                return SECRET
            secret = json.dumps(obj.get("value"), sort_keys=True).encode()
            return f"[secret:{hmac.new(key, secret, 'sha256').hexdigest()[:16]}]"
        if obj.get(_SIG) == _RESOURCE_SIG:
            return obj.get("urn")
        return {k: wire_to_plain(v, key, reveal) for k, v in sorted(obj.items())}
    if isinstance(value, list):
        return [wire_to_plain(v, key, reveal) for v in cast(list[Any], value)]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value == _UNKNOWN:
        return "[unknown]"
    return value


def reveal(value: Any) -> Any:
    """A wire value with its secrets' values in place: only for the local environment's own."""
    return wire_to_plain(value, None, reveal=True)


def _placeholder(urn: str, prefix: str) -> str:
    return f"{prefix}-{hashlib.sha256(urn.encode()).hexdigest()[:12]}"


class Placeholders:
    """Cloud-side values are stable placeholders, so two plans of the same code are identical.
    (The engine's `Mocks`, through `harness.Mocked`.)"""

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
