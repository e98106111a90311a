"""Cloudflare Hyperdrive in front of an environment's database (`codex:hyperdrive: true`).

Hyperdrive keeps a pool of connections to the database close to the Workers, which then connect to
it per request through their HYPERDRIVE binding instead of opening a connection to Neon each time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import unquote, urlsplit

import pulumi
import pulumi_cloudflare as cloudflare

# The binding the Workers read (`env.HYPERDRIVE.connectionString`).
HYPERDRIVE_BINDING = "HYPERDRIVE"
# Hyperdrive's (and PostgreSQL's) default; Neon's connection strings name no port.
POSTGRES_PORT = 5432
T = TypeVar("T")


class OriginError(ValueError):
    """The connection string cannot be an origin; the message never holds the string."""


@dataclass(frozen=True)
class Origin:
    """A PostgreSQL connection string's parts, as Hyperdrive's origin takes them."""

    scheme: str
    host: str
    port: int
    database: str
    user: str
    password: str

    @classmethod
    def parse(cls, url: str) -> Origin:
        parts = urlsplit(url)
        database = unquote(parts.path.removeprefix("/"))
        if parts.scheme not in ("postgres", "postgresql"):
            raise OriginError("Hyperdrive's origin must be a postgres:// or postgresql:// URL")
        if not (parts.hostname and parts.username and parts.password and database):
            raise OriginError("Hyperdrive's origin needs a user, a password, a host and a database")
        return cls(
            scheme=parts.scheme,
            host=parts.hostname,
            port=parts.port or POSTGRES_PORT,
            database=database,
            user=unquote(parts.username),
            password=unquote(parts.password),
        )


def hyperdrive_config(
    resource_name: str,
    account_id: str,
    config_name: str,
    connection: pulumi.Output[str],
    opts: pulumi.ResourceOptions,
) -> cloudflare.HyperdriveConfig:
    """A Hyperdrive config whose origin is `connection`, the branch's direct connection string:
    Hyperdrive pools itself, so it goes to PostgreSQL directly, not through Neon's PgBouncer.
    Its parts come out of the string by `apply`, so the config depends on the branch."""
    origin = connection.apply(Origin.parse)

    def shown(part: Callable[[Origin], T]) -> pulumi.Output[T]:
        """Every part but the password is no secret: the plan shows it."""
        return pulumi.Output.unsecret(origin.apply(part))

    return cloudflare.HyperdriveConfig(
        resource_name,
        account_id=account_id,
        name=config_name,
        origin=cloudflare.HyperdriveConfigOriginArgs(
            scheme=shown(lambda o: o.scheme),
            host=shown(lambda o: o.host),
            port=shown(lambda o: o.port),
            database=shown(lambda o: o.database),
            user=shown(lambda o: o.user),
            password=pulumi.Output.secret(origin.apply(lambda o: o.password)),
        ),
        # Off: turning Hyperdrive on changes how the Workers connect, not what their reads see
        # (cached reads could be up to a minute old, Cloudflare's default).
        caching=cloudflare.HyperdriveConfigCachingArgs(disabled=True),
        # The provider echoes the origin, password included, into the state.
        opts=pulumi.ResourceOptions.merge(
            opts, pulumi.ResourceOptions(additional_secret_outputs=["origin"])
        ),
    )
