"""Neon's serverless endpoint, served locally for `@neondatabase/serverless` and drizzle on it.

The driver does not speak PostgreSQL's TCP protocol: it sends each query over HTTP to
`https://<host>/sql` (the host's first label replaced by `api.`, the port dropped) and opens
sessions over a WebSocket to `wss://<host>/v2`. Every Worker whose bindings hold a branch's
connection string gets a router Worker (`js/neon/router.mjs`) as its outbound service: those two
paths of the database's host go to the bridge (`js/neon/bridge.mjs`, in the runtime's Node
process), which answers as Neon's proxy does and logs in to PostgreSQL itself with the connection
string's password, over SCRAM; every other outbound request leaves as it would have. None of it is
in the plan: it is derived here from what the program registered, and only for `local`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, cast

from codex_infra.engine.mock import PlannedResource
from codex_infra.local.cloud import Branch
from codex_infra.local.postgres import Endpoint
from codex_infra.local.workers import JS_DIR

# The router's name: the program's scripts never have '_' in theirs (workers.dev labels).
ROUTER = "codex_local_neon"
ROUTER_MODULE = JS_DIR / "neon" / "router.mjs"
ROUTER_COMPATIBILITY_DATE = "2025-01-01"  # it only routes requests; any runtime runs this date
TEXT_BINDINGS = {"plain_text", "secret_text"}


@dataclass(frozen=True)
class Limits:
    """What one environment's endpoint may hold of PostgreSQL. Neon's proxy bounds HTTP requests
    at 15 s (`sql_over_http_timeout`, neondatabase/neon proxy/src/binary/proxy.rs) and answers
    at most 10 MiB; the connection bounds are ours (Neon's pooler and compute size set theirs)."""

    http_connections: int = 10  # pooled for HTTP queries
    sockets: int = 20  # WebSocket sessions, each one PostgreSQL connection
    wait_ms: int = 10_000  # for a free connection, then "too many clients"
    query_ms: int = 15_000  # an HTTP request runs this long at most, then is cancelled
    idle_ms: int = 5_000  # then an idle pooled HTTP connection is closed
    # A WebSocket session idle this long is closed, as Neon's default compute suspends after 5
    # minutes without activity (a Worker that never ends its Client leaves one behind).
    session_idle_ms: int = 300_000


LIMITS = Limits()


@dataclass(frozen=True)
class NeonEndpoint:
    """What this environment serves: for which Workers, which databases, under which hostnames."""

    workers: tuple[str, ...]
    server: Endpoint  # the database as the Workers' connection strings name it
    databases: tuple[str, ...]
    limits: Limits

    @property
    def host(self) -> str:
        return self.server.host

    @property
    def http_host(self) -> str:
        """Where the driver sends HTTP queries: the host with its first label replaced by `api.`
        (a host without a dot, like `localhost`, stays as it is)."""
        return re.sub(r"^[^.]+\.", "api.", self.host)

    @property
    def hosts(self) -> list[str]:
        return sorted({self.host, self.http_host})

    @property
    def unservable(self) -> str | None:
        """Why the driver cannot reach this database, if it cannot."""
        try:
            ipaddress.ip_address(self.host)
        except ValueError:
            return None
        return (
            f"the database host {self.host} is an IP address, of which Neon's driver makes no "
            "URL: name it (LOCAL_DATABASE_URL=postgresql://user:password@localhost:5432/db)"
        )

    def describe(self) -> dict[str, Any]:
        """For `local status`: what is served, for which Workers, and how it differs from Neon."""
        if self.unservable:
            return {"served": False, "workers": list(self.workers), "reason": self.unservable}
        return {
            "served": True,
            "workers": list(self.workers),
            "http": f"https://{self.http_host}/sql",
            "websocket": f"wss://{self.host}/v2",
            "differences": (
                "local only: no TLS, no pooler (each WebSocket is one PostgreSQL session; HTTP "
                f"queries share at most {self.limits.http_connections} connections, WebSockets "
                f"at most {self.limits.sockets}), no per-project limits, no authToken (JWT) logins"
            ),
        }


def endpoint(
    scripts: Sequence[PlannedResource], branches: Sequence[Branch], server: Endpoint
) -> NeonEndpoint | None:
    """For the Workers whose text bindings hold one of the branches' connection strings (None if
    no Worker has the database)."""
    urls = {branch.url: branch.database for branch in branches}
    served: list[str] = []
    databases: set[str] = set()
    for script in scripts:
        bindings = cast(list[dict[str, Any]], script.inputs.get("bindings") or [])
        named = {
            urls[b["text"]]
            for b in bindings
            if b["type"] in TEXT_BINDINGS and b.get("text") in urls
        }
        if named:
            served.append(str(script.inputs["scriptName"]))
            databases |= named
    if not served:
        return None
    return NeonEndpoint(tuple(served), server, tuple(sorted(databases)), LIMITS)


def with_endpoint(options: Mapping[str, Any], served: NeonEndpoint | None) -> dict[str, Any]:
    """miniflare's options with the router in front of the Workers it serves, and under `neon`
    the router itself and the bridge's config: serve.mjs adds the router, bound to the bridge,
    to the Workers (so `workers` stays the plan's scripts)."""
    if served is None or served.unservable:
        return dict(options)
    workers = [
        worker | {"outboundService": ROUTER} if worker["name"] in served.workers else worker
        for worker in cast(list[dict[str, Any]], options["workers"])
    ]
    router = {
        "name": ROUTER,
        "modulesRoot": str(ROUTER_MODULE.parent),
        "modules": [{"type": "ESModule", "path": str(ROUTER_MODULE)}],
        "compatibilityDate": ROUTER_COMPATIBILITY_DATE,
        # TCP sockets (`cloudflare:sockets`: postgres.js, pg) of the Workers it serves reach it
        # too, as connect events: those go on to the network unchanged.
        "compatibilityFlags": ["connect_pass_through"],
        "bindings": {"NEON_HOSTS": served.hosts},
    }
    bridge = {
        "server": {"host": served.server.host, "port": served.server.port},
        "hosts": served.hosts,
        "databases": list(served.databases),
        "limits": asdict(served.limits),
    }
    return {**options, "workers": workers, "neon": {"router": router, "bridge": bridge}}
