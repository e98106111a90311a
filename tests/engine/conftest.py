"""Fixtures of the engine tests: the CLI and the plugins once a session, and per test a world of
its own: a copy of the suite's project, a file backend, the fake Neon and Cloudflare APIs, and a
PostgreSQL that the fake Neon's connection strings name (behind TLS, as Neon's `sslmode=require`
strings ask), so the migrations run for real."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codex_infra.engine import load_stack_config
from codex_infra.local.postgres import (
    Cluster,
    create_database,
    ensure_role,
    scratch_cluster,
    session,
)
from tests.cloudflare_fake import FakeCloudflare
from tests.conftest import copy_project
from tests.engine.stack import EngineStack
from tests.engine.tls_front import tls_front
from tests.engine.tools import REPO, UnavailableError, install_plugins, pulumi_cli, search_path
from tests.neon_fake import FAST_ENV, FakeNeon, load_openapi, spec_path

#: Stacks the engine tests deploy, and the Stripe keys their config gets (as secrets).
STRIPE_SECRETS = {
    "production": {"stripeSecretKey": "sk_live_engine", "stripeWebhookSecret": "whsec_engine"},
}
PREVIEW_SECRETS = {"stripeSecretKey": "sk_test_engine", "stripeWebhookSecret": "whsec_engine"}
PASSPHRASE = "engine-tests-only"


@dataclass(frozen=True)
class Tools:
    path: str  # PATH with the CLI and the plugins first
    home: Path  # PULUMI_HOME: nothing of the user's ~/.pulumi is read or written


@pytest.fixture(scope="session")
def engine_tools(tmp_path_factory: pytest.TempPathFactory) -> Tools:
    """The CLI (on PATH, else built) and the plugin launchers; skips, naming what is missing."""
    try:
        cli = pulumi_cli()
    except UnavailableError as missing:
        pytest.skip(str(missing))
    if not spec_path().is_file():
        pytest.skip(f"Neon OpenAPI spec not found at {spec_path()} (set NEON_OPENAPI_SPEC)")
    if shutil.which("psql") is None:
        pytest.skip("no psql (with TLS) for the example migrations: install postgresql-client")
    root = tmp_path_factory.mktemp("engine")
    plugins = install_plugins(root / "plugins")
    return Tools(search_path(cli, plugins), root / "pulumi-home")


@dataclass
class World:
    """One test's project copy, backend, fakes and database; `stack` starts a stack's runner."""

    root: Path
    project: Path
    neon: FakeNeon
    cloudflare: FakeCloudflare
    postgres: Cluster
    env: dict[str, str]
    stacks: list[EngineStack] = field(default_factory=list[EngineStack])

    def config(self, stack: str) -> dict[str, str]:
        return load_stack_config(self.project, stack).values

    def stack(self, name: str, config: dict[str, str] | None = None) -> EngineStack:
        """The stack, created with its Stripe secrets set as a user sets them (secret config)."""
        stack = EngineStack(
            name, self.project, self.root / "backend", self.env, self.root / f"{name}.log"
        )
        self.stacks.append(stack)
        secrets_ = STRIPE_SECRETS.get(name, PREVIEW_SECRETS)
        stack.config(
            {f"codex:{k}": v for k, v in (config or {}).items()},
            {f"codex:{k}": v for k, v in secrets_.items()},
        )
        return stack


@pytest.fixture
def world(engine_tools: Tools, tmp_path: Path) -> Generator[World]:
    root = tmp_path
    project = copy_project(root / "project")
    password = secrets.token_urlsafe(24)
    with (
        FakeNeon(load_openapi(spec_path())) as neon,
        FakeCloudflare() as cloudflare,
        scratch_cluster() as cluster,
        tls_front(cluster.endpoint.port) as front,
    ):
        neon.database_host = f"127.0.0.1:{front.port}"
        for stack in ("production", "staging"):
            values = load_stack_config(project, stack).values
            if values["codex:neonProjectId"] not in neon.projects:
                neon.add_project(
                    values["codex:neonProjectId"],
                    default_branch=values["codex:neonParentBranch"],
                    password=password,
                )
            cloudflare.add_account(values["codex:cloudflareAccountId"])
        with session(cluster) as conn:
            ensure_role(conn, "neondb_owner", password)
            create_database(conn, "neondb", "neondb_owner")
        (root / "backend").mkdir()
        env = {
            **os.environ,
            **FAST_ENV,
            **neon.env(),
            "CLOUDFLARE_API_TOKEN": cloudflare.token,
            "CLOUDFLARE_BASE_URL": cloudflare.base_url,
            "PATH": engine_tools.path,
            "PULUMI_HOME": str(engine_tools.home),
            "PULUMI_BACKEND_URL": f"file://{root / 'backend'}",
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_SKIP_UPDATE_CHECK": "1",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PYTHONPATH": str(REPO),
        }
        world = World(root, project, neon, cloudflare, cluster, env)
        try:
            yield world
        finally:
            for stack in world.stacks:
                stack.close()
    assert neon.violations == [], "requests or responses broke Neon's OpenAPI contract"
    assert cloudflare.violations == [], "requests or responses broke the Cloudflare SDK's contract"
