"""The local answer to each resource type the program registers, and what a plan asks of it.

The program runs unchanged through the engine; `LocalCloud` answers as Neon and pulumi-random
would, with local values. `Blueprint.of` then reads the plan: a resource type with no local
implementation stops here, before anything is created.
"""

from __future__ import annotations

import base64
import graphlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import quote

from codex_infra.engine.mock import (
    COMMAND,
    DOMAIN,
    HYPERDRIVE,
    NEON_BRANCH,
    RANDOM_PASSWORD,
    SCRIPT,
    SUBDOMAIN,
    Placeholders,
    Plan,
    PlannedResource,
    reveal,
)
from codex_infra.errors import one_line
from codex_infra.local.postgres import ALPHANUMERIC, Endpoint, database_name, random_text
from codex_infra.local.state import LocalError

if TYPE_CHECKING:
    from pulumi.runtime import mocks

# The resource types that have a local implementation: a database cloned from its parent's
# template, the command run here, a random value kept per environment, a Worker in miniflare,
# a loopback port where the cloud has workers.dev or a custom domain, and miniflare's Hyperdrive
# (connections straight to the origin, no pool) for a Hyperdrive config.
LOCAL_IMPLEMENTATIONS = frozenset(
    {NEON_BRANCH, COMMAND, RANDOM_PASSWORD, SCRIPT, SUBDOMAIN, DOMAIN, HYPERDRIVE}
)
# The only dynamic provider with a local implementation (all dynamic resources share a type).
NEON_PROVIDER = "NeonBranchProvider"
PUNCTUATION = "!@#$%&*()-_=+[]{}<>:?"


def _provider_class(serialized: Any) -> str:
    """Dynamic providers are pickled into their inputs; their class says which one it is.
    (Unpickling runs the program's own code, in the process that is running the program.)"""
    import dill  # pyright: ignore[reportMissingTypeStubs] (only while the program runs)

    try:
        provider: object = dill.loads(base64.b64decode(str(reveal(serialized))))  # noqa: S301  # pyright: ignore[reportUnknownMemberType]
    except Exception as err:  # the program's own code: anything may go wrong in it
        return f"an unknown provider ({type(err).__name__}: {one_line(str(err), empty='')})"
    return type(provider).__name__


class LocalCloud(Placeholders):
    """Outputs as the providers would give them, pointing at this machine."""

    def __init__(self, endpoint: Endpoint, passwords: dict[str, str]) -> None:
        self.endpoint = endpoint
        self.passwords = passwords  # kept per environment, so sessions outlive a restart
        self.providers: dict[str, str] = {}
        self.hyperdrive_ids: dict[str, str] = {}  # config name -> the id its bindings hold

    def new_resource(self, args: mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        if args.typ == NEON_BRANCH:
            inputs = cast(dict[str, Any], args.inputs)  # pyright: ignore[reportUnknownMemberType]
            self.providers[args.name] = _provider_class(inputs.get("__provider"))
        id_, outputs = super().new_resource(args)
        if args.typ == HYPERDRIVE and id_ is not None:
            self.hyperdrive_ids[args.name] = id_
        return id_, outputs

    def outputs(self, typ: str, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
        if typ == NEON_BRANCH:
            database = database_name(str(inputs["database_name"]), str(inputs["branch_name"]))
            url = self.endpoint.url(str(inputs["role_name"]), database)
            host = f"{self.endpoint.host}:{self.endpoint.port}"
            return {
                "branch_id": f"local-{database}",
                "endpoint_id": "local",
                "host": host,
                "pooler_host": host,  # no pooler here
                "database_url": url,
                "direct_database_url": url,
            }
        if typ == RANDOM_PASSWORD:
            if name not in self.passwords:
                alphabet = ALPHANUMERIC + (PUNCTUATION if inputs.get("special", True) else "")
                self.passwords[name] = random_text(int(inputs.get("length", 32)), alphabet)
            return {"result": self.passwords[name]}
        return {}


@dataclass(frozen=True)
class Command:
    name: str
    create: str
    environment: dict[str, str]
    dir: str | None


@dataclass(frozen=True)
class Branch:
    name: str
    database: str  # this environment's own database
    template: str  # its parent branch: cloned, never connected to while cloning
    role: str
    url: str
    migrations: tuple[Command, ...]  # the commands that run against this branch


@dataclass(frozen=True)
class Blueprint:
    """What the plan asks of this machine, in dependency order."""

    branches: tuple[Branch, ...]
    commands: tuple[Command, ...]
    scripts: tuple[PlannedResource, ...]
    # Script name -> how it is reached in the cloud: a workers.dev script or a custom hostname.
    routes: dict[str, str | None]
    # Hyperdrive config id -> the connection string miniflare serves its bindings with.
    hyperdrives: dict[str, str]

    @property
    def reachable(self) -> list[str]:
        """The scripts that get a port here, in the plan's order."""
        names = [str(s.inputs["scriptName"]) for s in self.scripts]
        return [name for name in names if name in self.routes]

    def target(self, command: Command) -> str:
        """Where a command runs, for messages: the database of the branch it depends on."""
        return next((b.database for b in self.branches if command in b.migrations), "this machine")

    def to_document(self) -> dict[str, Any]:
        """As JSON holds it (the plan cache)."""
        return asdict(self)

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> Blueprint:
        def commands(items: list[dict[str, Any]]) -> tuple[Command, ...]:
            return tuple(Command(**c) for c in items)

        def script(item: dict[str, Any]) -> PlannedResource:
            lists: dict[str, Any] = {k: tuple(item[k]) for k in ("dependencies", "secret_outputs")}
            return PlannedResource(**item | lists)

        return cls(
            tuple(
                Branch(**b | {"migrations": commands(b["migrations"])})
                for b in document["branches"]
            ),
            commands(document["commands"]),
            tuple(map(script, document["scripts"])),
            dict(document["routes"]),
            dict(document["hyperdrives"]),
        )

    @classmethod
    def of(cls, plan: Plan, cloud: LocalCloud) -> Blueprint:
        providers = cloud.providers
        unsupported = [
            f"{r.type} ({r.name}"
            + (f", provider {providers.get(r.name)})" if r.type == NEON_BRANCH else ")")
            for r in plan.resources
            if r.custom
            and (
                r.type not in LOCAL_IMPLEMENTATIONS
                or (r.type == NEON_BRANCH and providers.get(r.name) != NEON_PROVIDER)
            )
        ]
        if unsupported:
            raise LocalError(f"no local implementation for {'; '.join(unsupported)}")
        ordered = _dependency_order(plan)
        commands = _of(ordered, COMMAND)
        branches = tuple(
            _branch(r, cloud.endpoint, [_command(c) for c in commands if r.urn in c.dependencies])
            for r in _of(ordered, NEON_BRANCH)
        )
        routes: dict[str, str | None] = {}
        for r in ordered:
            if r.type == SUBDOMAIN and r.inputs.get("enabled"):
                routes[str(r.inputs["scriptName"])] = None
            elif r.type == DOMAIN:
                routes[str(r.inputs["service"])] = str(r.inputs["hostname"])
        hyperdrives = {
            cloud.hyperdrive_ids[r.name]: _connection_string(r) for r in _of(ordered, HYPERDRIVE)
        }
        return cls(
            branches,
            tuple(map(_command, commands)),
            tuple(_of(ordered, SCRIPT)),
            routes,
            hyperdrives,
        )


def _of(resources: list[PlannedResource], type_: str) -> list[PlannedResource]:
    return [r for r in resources if r.type == type_]


def _dependency_order(plan: Plan) -> list[PlannedResource]:
    """As the engine would create them: every resource after what it depends on."""
    by_urn = {r.urn: r for r in plan.resources}
    graph = {r.urn: [d for d in r.dependencies if d in by_urn] for r in plan.resources}
    sorter = graphlib.TopologicalSorter(graph)
    return [by_urn[urn] for urn in sorter.static_order()]


def _command(resource: PlannedResource) -> Command:
    inputs = resource.inputs
    environment = cast(dict[str, Any], inputs.get("environment") or {})
    directory = inputs.get("dir")
    return Command(
        name=resource.name,
        create=str(inputs["create"]),
        environment={k: str(v) for k, v in environment.items()},
        dir=str(directory) if directory else None,
    )


def _branch(resource: PlannedResource, endpoint: Endpoint, migrations: list[Command]) -> Branch:
    inputs = resource.inputs
    database, branch = str(inputs["database_name"]), str(inputs["branch_name"])
    parent = str(inputs.get("parent_branch") or branch)  # production's branch is the parent
    role = str(inputs["role_name"])
    own = database_name(database, branch)
    template = database_name(database, parent, "_template")
    return Branch(
        name=branch,
        database=own,
        template=template,
        role=role,
        url=endpoint.url(role, own),
        migrations=tuple(migrations),
    )


def _connection_string(resource: PlannedResource) -> str:
    """A Hyperdrive config's origin (here the local branch's database) as a connection string."""
    origin = cast(dict[str, Any], resource.inputs["origin"])
    user, password, database = (
        quote(str(origin[key]), safe="") for key in ("user", "password", "database")
    )
    return f"{origin['scheme']}://{user}:{password}@{origin['host']}:{origin['port']}/{database}"
