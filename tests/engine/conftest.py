"""Fixtures of the engine tests: the CLI and the plugins once a session, and worlds: a copy of the
suite's project, a file backend, the fake Neon and Cloudflare APIs, and a PostgreSQL that the fake
Neon's connection strings name (behind TLS, as Neon's `sslmode=require` strings ask), so the
migrations run for real. `world` is one test's; a module that walks several stacks through a
story opens one of its own (`open_world`)."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import NoReturn, TypeVar

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
from tests.engine.stack import TIMINGS, EngineStack
from tests.engine.tls_front import TlsFront, tls_front
from tests.engine.tools import REPO, UnavailableError, install_plugins, pulumi_cli, search_path
from tests.neon_fake import FAST_ENV, FakeNeon, load_openapi, spec_path

#: The Stripe keys each stack's config gets, as secrets (`pulumi config set --secret`): marked so
#: that a state file holding one in plain text is found.
STRIPE = {
    "production": {
        "stripeSecretKey": "sk_live_engineTestLiveKey000",
        "stripeWebhookSecret": "whsec_engineTestLiveHook000",
    },
    "other": {
        "stripeSecretKey": "sk_test_engineTestKey000",
        "stripeWebhookSecret": "whsec_engineTestHook000",
    },
}
PASSPHRASE = "engine-tests-only"
#: `required` (CI): what the engine tests need must be there; they fail instead of skipping.
REQUIRED_ENV = "CODEX_ENGINE_TESTS"
#: Stacks at once: they wait on the engine and the providers' processes, not on each other.
PARALLEL = 3
T = TypeVar("T")


@dataclass(frozen=True)
class Tools:
    path: str  # PATH with the CLI and the plugins first
    home: Path  # PULUMI_HOME: nothing of the user's ~/.pulumi is read or written


def _missing(reason: str) -> NoReturn:
    """Skip, naming what is missing; where the engine tests must run (CI), fail instead."""
    if os.environ.get(REQUIRED_ENV) == "required":
        pytest.fail(f"{REQUIRED_ENV}=required, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def engine_tools(tmp_path_factory: pytest.TempPathFactory) -> Tools:
    """The CLI (on PATH, else built) and the plugin launchers; skips, naming what is missing."""
    try:
        cli = pulumi_cli()
    except UnavailableError as missing:
        _missing(str(missing))
    if shutil.which("psql") is None:
        _missing("no psql (with TLS) for the example migrations: install postgresql-client")
    root = tmp_path_factory.mktemp("engine")
    plugins = install_plugins(root / "plugins")
    return Tools(search_path(cli, plugins), root / "pulumi-home")


def stripe(stack: str) -> dict[str, str]:
    return STRIPE["production" if stack == "production" else "other"]


@dataclass
class World:
    """A project copy, a backend, the fakes and a database; `stack` starts a stack's runner."""

    root: Path
    project: Path
    neon: FakeNeon
    cloudflare: FakeCloudflare
    postgres: Cluster
    password: str  # the branches' role's, in every connection string
    env: dict[str, str]
    stacks: list[EngineStack] = field(default_factory=list[EngineStack])

    def config(self, stack: str) -> dict[str, str]:
        """The stack's committed config, as the engine hands it to the program."""
        return load_stack_config(self.project, stack).values

    def stack(self, name: str, config: dict[str, str] | None = None) -> EngineStack:
        """The stack, made with its Stripe keys set as secrets and `config` as plain values."""
        stack = EngineStack(
            name, self.project, self.root / "backend", self.env, self.root / f"{name}.log"
        )
        self.stacks.append(stack)
        stack.config(
            {f"codex:{k}": v for k, v in (config or {}).items()},
            {f"codex:{k}": v for k, v in stripe(name).items()},
        )
        return stack


def in_parallel(work: Iterable[Callable[[], T]]) -> list[T]:
    """Independent stacks' operations at once; results in order, the first failure raised."""
    with ThreadPoolExecutor(PARALLEL) as pool:
        return [f.result() for f in [pool.submit(w) for w in work]]


def database_of(branch_id: str) -> str:
    """Each Neon branch's database, on the one local server (a branch is a database of its own)."""
    return "neondb_" + branch_id.replace("-", "_")


def _branch_database(cluster: Cluster, front: TlsFront, branch_id: str) -> str:
    """The endpoint of a new branch: a port of the TLS front leading to the branch's database."""
    with session(cluster) as conn:
        create_database(conn, database_of(branch_id), "neondb_owner")
    return f"127.0.0.1:{front.route(database_of(branch_id))}"


@contextlib.contextmanager
def open_world(root: Path, tools: Tools) -> Generator[World]:
    """A world in `root`; afterwards every runner is stopped, and a request or an answer that
    broke Neon's or Cloudflare's contract fails the test."""
    project = copy_project(root / "project")
    password = secrets.token_urlsafe(24)
    with (
        FakeNeon(load_openapi(spec_path())) as neon,
        FakeCloudflare() as cloudflare,
        scratch_cluster() as cluster,
        tls_front(cluster.endpoint.port) as front,
    ):
        with session(cluster) as conn:
            ensure_role(conn, "neondb_owner", password)
        neon.endpoint_host = partial(_branch_database, cluster, front)
        for stack in ("production", "staging"):
            values = load_stack_config(project, stack).values
            if values["codex:neonProjectId"] not in neon.projects:
                neon.add_project(
                    values["codex:neonProjectId"],
                    default_branch=values["codex:neonParentBranch"],
                    password=password,
                )
            cloudflare.add_account(values["codex:cloudflareAccountId"])
        (root / "backend").mkdir()
        env = {
            **os.environ,
            **FAST_ENV,
            **neon.env(),
            "CLOUDFLARE_API_TOKEN": cloudflare.token,
            "CLOUDFLARE_BASE_URL": cloudflare.base_url,
            "PATH": tools.path,
            "PULUMI_HOME": str(tools.home),
            "PULUMI_BACKEND_URL": f"file://{root / 'backend'}",
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_SKIP_UPDATE_CHECK": "1",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PYTHONPATH": str(REPO),
        }
        world = World(root, project, neon, cloudflare, cluster, password, env)
        try:
            yield world
        finally:
            in_parallel(stack.close for stack in world.stacks)
    assert neon.violations == [], "requests or responses broke Neon's OpenAPI contract"
    assert cloudflare.violations == [], "requests or responses broke the Cloudflare SDK's contract"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Where the engine tests' time went, by operation (indicative: the machine is shared)."""
    if not TIMINGS:
        return
    terminalreporter.section("engine operations (seconds)")
    by_op: dict[str, list[float]] = {}
    for _, op, seconds in TIMINGS:
        by_op.setdefault(op, []).append(seconds)
    for op, seconds in sorted(by_op.items()):
        terminalreporter.write_line(
            f"{op:>8}: {len(seconds):3} runs, {sum(seconds):7.1f} total,"
            f" {sum(seconds) / len(seconds):5.1f} mean, {max(seconds):5.1f} max"
        )


@pytest.fixture
def world(engine_tools: Tools, tmp_path: Path) -> Generator[World]:
    with open_world(tmp_path, engine_tools) as opened:
        yield opened
