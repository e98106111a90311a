"""The local environment as derived from the program: what `LocalCloud` answers, what the plan
asks of this machine, and the miniflare options and variables built from it. No process runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from codex_infra.engine.config import PROJECT
from codex_infra.engine.mock import HYPERDRIVE, SCRIPT, Plan, PlannedResource
from codex_infra.engine.plan import run_stack
from codex_infra.local.cloud import Blueprint, LocalCloud
from codex_infra.local.environment import _choose_ports, env_name, environment_variables
from codex_infra.local.postgres import HOST, Endpoint, database_name
from codex_infra.local.state import LOOPBACK, LocalError
from codex_infra.local.workers import miniflare_options
from components.environment import only_its_environment
from tests.conftest import PROJECT_DIR, copy_project

ENDPOINT = Endpoint(HOST, 54321, "local-password")
PORTS = {"codex-web-preview-7": 8701, "auth-worker-preview-7": 8702}


def _local(
    stack: str,
    root: Path = PROJECT_DIR,
    passwords: dict[str, str] | None = None,
    config: dict[str, str] | None = None,
):
    plan = Plan(PROJECT, stack, reveal_secrets=True)
    cloud = LocalCloud(ENDPOINT, {} if passwords is None else passwords)
    run_stack(root, plan, config or {}, {"stripeWebhookSecret": "whsec_given"}, cloud, "localtest")
    return plan, cloud


@pytest.fixture(scope="module")
def preview() -> tuple[Plan, Blueprint]:
    plan, cloud = _local("pr-7", passwords={"codex-session-secret": "kept-session-secret"})
    return plan, Blueprint.of(plan, cloud)


def _workers(preview: tuple[Plan, Blueprint], home: Path) -> dict[str, dict[str, Any]]:
    _, blueprint = preview
    options = miniflare_options(blueprint.scripts, PORTS, PROJECT_DIR, home, blueprint.hyperdrives)
    assert options["defaultPersistRoot"] == str(home / "persist")
    assert options["cf"] is False
    assert options["host"] == LOOPBACK
    return {w["name"]: w for w in options["workers"]}


def test_the_branch_is_a_clone_of_its_parents_template_migrated_by_the_programs_command(
    preview: tuple[Plan, Blueprint],
) -> None:
    _, blueprint = preview
    (branch,) = blueprint.branches
    assert branch.name == "preview/pr-7"
    assert branch.database == "neondb_preview_pr_7"
    assert branch.template == "neondb_main_template"
    assert branch.role == "neondb_owner"
    assert (
        branch.url == "postgresql://neondb_owner:local-password@localhost:54321/neondb_preview_pr_7"
    )
    assert [c.name for c in branch.migrations] == ["codex-migrations"]
    (command,) = blueprint.commands
    assert command.create == only_its_environment("sh examples/migrate.sh")
    assert command.environment == {"DATABASE_URL": branch.url}


def test_production_and_staging_clone_the_same_parent() -> None:
    for stack, database in (("production", "neondb_main"), ("staging", "neondb_staging")):
        plan, cloud = _local(stack)
        (branch,) = Blueprint.of(plan, cloud).branches
        assert (branch.database, branch.template) == (database, "neondb_main_template")


def test_workers_come_from_the_plans_scripts_modules_and_bindings(
    preview: tuple[Plan, Blueprint], tmp_path: Path
) -> None:
    plan, _ = preview
    workers = _workers(preview, tmp_path)
    assert sorted(workers) == sorted(str(s.inputs["scriptName"]) for s in plan.of_type(SCRIPT))
    web = workers["codex-web-preview-7"]
    base = PROJECT_DIR / "examples/bundles/web"
    assert web["modulesRoot"] == str(base)
    # The entry as wrangler wrote it; the source map is no module.
    assert web["modules"] == [{"type": "ESModule", "path": str(base / "_worker.js")}]
    assert web["compatibilityDate"] == "2026-11-01"
    assert web["compatibilityFlags"] == ["nodejs_compat"]
    assert web["serviceBindings"] == {"AUTH": "auth-worker-preview-7"}
    served = tmp_path / "assets/codex-web-preview-7"
    # The published files, and the upload's headers config as the `_headers` miniflare reads.
    assert sorted(p.name for p in served.iterdir()) == [
        "_app",
        "_headers",
        "index.html",
        "robots.txt",
    ]
    assert (served / "_headers").read_text() == (
        PROJECT_DIR / "examples/workers/web/.svelte-kit/cloudflare/_headers"
    ).read_text()
    assert web["assets"] == {
        "directory": str(served),
        "binding": "ASSETS",
        "routerConfig": {"has_user_worker": True},
        "assetConfig": {},
    }
    assert web["unsafeDirectSockets"] == [{"host": LOOPBACK, "port": 8701}]
    url = ENDPOINT.url("neondb_owner", "neondb_preview_pr_7")
    assert web["bindings"] == {"ENVIRONMENT": "preview", "DATABASE_URL": url}
    auth = workers["auth-worker-preview-7"]
    assert auth["bindings"] == {
        "ENVIRONMENT": "preview",
        "DATABASE_URL": url,
        "SESSION_SECRET": "kept-session-secret",  # the environment's own, kept across restarts
    }
    stripe = workers["stripe-webhook-handler-preview-7"]
    assert stripe["bindings"]["STRIPE_WEBHOOK_SECRET"] == "whsec_given"
    assert stripe["bindings"]["STRIPE_SECRET_KEY"] == "sk_test_localtest"
    assert "unsafeDirectSockets" not in stripe  # no port given: not reachable from outside
    assert "assets" not in auth


def test_hyperdrive_serves_its_bindings_with_the_stacks_own_database(tmp_path: Path) -> None:
    """The config's origin, as the program built it from the local branch, is what miniflare's
    Hyperdrive connects to: every Worker's HYPERDRIVE binding reaches the stack's database."""
    plan, cloud = _local("pr-7", config={"hyperdrive": "true"})
    blueprint = Blueprint.of(plan, cloud)
    (config,) = plan.of_type(HYPERDRIVE)
    local = ENDPOINT.url("neondb_owner", "neondb_preview_pr_7")
    assert blueprint.hyperdrives == {cloud.hyperdrive_ids["codex-hyperdrive"]: local}
    options = miniflare_options(
        blueprint.scripts, PORTS, PROJECT_DIR, tmp_path, blueprint.hyperdrives
    )
    for worker in options["workers"]:
        assert worker["hyperdrives"] == {"HYPERDRIVE": local}, worker["name"]
        assert worker["bindings"]["DATABASE_URL"] == local  # still there, for other drivers
    assert config.inputs["origin"]["password"] == ENDPOINT.password  # revealed: local only


def test_a_new_password_is_generated_and_kept_in_the_environments_record() -> None:
    passwords: dict[str, str] = {}
    plan, cloud = _local("pr-8", passwords=passwords)
    (session,) = passwords.values()
    assert len(session) == 64
    assert session.isalnum()
    assert Blueprint.of(plan, cloud).branches[0].database == "neondb_preview_pr_8"
    auth = next(s for s in plan.of_type(SCRIPT) if s.name == "codex-auth-script")
    assert {"name": "SESSION_SECRET", "type": "secret_text", "text": session} in auth.inputs[
        "bindings"
    ]


def _script(bindings: list[dict[str, Any]], **inputs: Any) -> PlannedResource:
    return PlannedResource(
        urn="urn:x",
        type=SCRIPT,
        name="x",
        parent=None,
        custom=True,
        protect=False,
        retain_on_delete=False,
        dependencies=(),
        inputs={
            "scriptName": "extra",
            "mainModule": "index.js",
            "contentFile": "examples/bundles/auth/index.js",
            "compatibilityDate": "2026-11-01",
            "bindings": bindings,
            **inputs,
        },
    )


def _file(content_type: str, path: str) -> dict[str, str]:
    return {"contentType": content_type, "contentFile": f"examples/{path}"}


def test_a_binding_added_in_components_appears_locally(tmp_path: Path) -> None:
    script = _script(
        [
            {"name": "CACHE", "type": "kv_namespace", "namespaceId": "ns1"},
            {"name": "FILES", "type": "r2_bucket", "bucketName": "files"},
            {"name": "FLAGS", "type": "json", "json": '{"beta": true}'},
            {"name": "ADMIN", "type": "service", "service": "admin", "entrypoint": "Api"},
        ]
    )
    (worker,) = miniflare_options([script], {}, PROJECT_DIR, tmp_path, {})["workers"]
    assert worker["kvNamespaces"] == {"CACHE": "ns1"}
    assert worker["r2Buckets"] == {"FILES": "files"}
    assert worker["bindings"] == {"FLAGS": {"beta": True}}
    assert worker["serviceBindings"] == {"ADMIN": {"name": "admin", "entrypoint": "Api"}}


def test_every_module_of_a_bundle_keeps_its_type_and_the_source_map_is_left_out(
    tmp_path: Path,
) -> None:
    """wrangler's outdir beside the entry: a Text module (`rules` in its config) and a map."""
    files = {
        "0a1b-page.html": _file("text/plain", "bundles/auth/0a1b-page.html"),
        "index.js.map": _file("application/source-map", "bundles/auth/index.js.map"),
    }
    (worker,) = miniflare_options([_script([], files=files)], {}, PROJECT_DIR, tmp_path, {})[
        "workers"
    ]
    base = PROJECT_DIR / "examples/bundles/auth"
    assert worker["modules"] == [
        {"type": "ESModule", "path": str(base / "index.js")},
        {"type": "Text", "path": str(base / "0a1b-page.html")},
    ]


@pytest.mark.parametrize(
    ("script", "message"),
    [
        (
            _script([{"name": "EVENTS", "type": "analytics_engine", "dataset": "events"}]),
            "extra: binding EVENTS of type analytics_engine has no local implementation",
        ),
        (
            _script([{"name": "DB", "type": "hyperdrive", "id": "h1"}]),
            "extra: binding DB names no Hyperdrive config of the plan",
        ),
        (
            _script([], files={"x.bin": _file("application/x-unknown", "bundles/auth/x.bin")}),
            "extra: module x.bin has content type application/x-unknown",
        ),
        (
            _script([], files={"lib.js": _file("application/javascript+module", "lib.js")}),
            "extra: module lib.js is uploaded from examples/lib.js, not from "
            "examples/bundles/auth/lib.js",
        ),
        (
            _script([{"name": "ASSETS", "type": "assets"}]),
            "extra: binding ASSETS has no assets directory",
        ),
    ],
)  # fmt: skip
def test_what_the_runtime_cannot_run_is_named(
    script: PlannedResource, message: str, tmp_path: Path
) -> None:
    with pytest.raises(LocalError, match=message):
        miniflare_options([script], {}, PROJECT_DIR, tmp_path, {})


def test_a_resource_type_with_no_local_implementation_stops_up_by_name(tmp_path: Path) -> None:
    copy_project(tmp_path)
    program = (tmp_path / "__main__.py").read_text() + (
        "\nimport pulumi_cloudflare\n"
        "pulumi_cloudflare.WorkersKvNamespace('codex-cache', account_id='0' * 32, title='cache')\n"
    )
    (tmp_path / "__main__.py").write_text(program)
    plan, cloud = _local("pr-9", root=tmp_path)
    with pytest.raises(LocalError) as err:
        Blueprint.of(plan, cloud)
    assert str(err.value) == (
        "no local implementation for "
        "cloudflare:index/workersKvNamespace:WorkersKvNamespace (codex-cache)"
    )


def test_variables_are_the_url_outputs_localised_and_the_secrets() -> None:
    plan, cloud = _local("production")
    blueprint = Blueprint.of(plan, cloud)
    assert blueprint.routes == {
        "auth-worker-production": "auth.codex.example.com",
        "codex-web-production": "codex.example.com",
        "stripe-webhook-handler-production": "stripe.codex.example.com",
    }
    ports = {
        "codex-web-production": 9001,
        "auth-worker-production": 9002,
        "stripe-webhook-handler-production": 9003,
    }
    secrets = {"stripeWebhookSecret": "whsec_x"}
    env = environment_variables(plan.outputs, secrets, blueprint.routes, ports)
    assert env == {
        "WEB_URL": "http://127.0.0.1:9001",
        "AUTH_URL": "http://127.0.0.1:9002",
        "STRIPE_WEBHOOK_URL": "http://127.0.0.1:9003",
        "DATABASE_URL": ENDPOINT.url("neondb_owner", "neondb_main"),
        "STRIPE_WEBHOOK_SECRET": "whsec_x",
    }
    preview, cloud = _local("pr-7")
    routes = Blueprint.of(preview, cloud).routes
    assert set(routes.values()) == {None}  # workers.dev
    ports = {script: 9100 + i for i, script in enumerate(sorted(routes))}
    env = environment_variables(preview.outputs, {}, routes, ports)
    assert env["WEB_URL"] == f"http://127.0.0.1:{ports['codex-web-preview-7']}"
    assert env["AUTH_URL"] == f"http://127.0.0.1:{ports['auth-worker-preview-7']}"


def test_names_and_ports() -> None:
    assert env_name("stripeWebhookUrl") == "STRIPE_WEBHOOK_URL"
    assert env_name("databaseUrl") == "DATABASE_URL"
    assert database_name("neondb", "preview/pr-12") == "neondb_preview_pr_12"
    # Below the kernel's ephemeral range (32768-60999), where no other test's server lands.
    assert _choose_ports(["a", "b"], 20100, {}, set()) == {"a": 20100, "b": 20101}
    remembered = _choose_ports(["a"], None, {}, set())
    assert _choose_ports(["a"], None, remembered, set()) == remembered
    moved = _choose_ports(["a"], None, remembered, set(remembered.values()))  # the database's
    assert moved["a"] != remembered["a"]
    with pytest.raises(LocalError, match=r"--port 65535: b would need port 65536, over 65535"):
        _choose_ports(["a", "b"], 65535, {}, set())


def test_a_port_in_use_is_named() -> None:
    import socket

    with socket.socket() as held:
        held.bind((LOOPBACK, 0))
        held.listen()
        port = held.getsockname()[1]
        with pytest.raises(LocalError) as err:
            _choose_ports(["codex-web-preview-1"], port, {}, set())
    assert str(err.value) == (
        f"port {port} on 127.0.0.1 (for codex-web-preview-1) is in use: stop what holds it, "
        "or choose other ports with --port"
    )
    assert json.dumps(str(err.value))  # one line
