"""The real `__main__.py`, run by the real SDK against Pulumi's mock engine, for each stack kind."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.runtime.mocks import MockMonitor
from pulumi.runtime.sync_await import _sync_await

from codex_infra.engine.config import load_stack_config, with_overrides, with_placeholder_secrets
from codex_infra.engine.harness import Mocked, run_program
from codex_infra.engine.mock import (
    SECRET,
    Placeholders,
    Plan,
    PlannedResource,
)
from codex_infra.engine.plan import PLAN_EPOCH
from components.bundle import hash_tree, sha256_file, stage_assets
from components.environment import (
    deploy_origin,
    deploy_time,
    only_its_environment,
    preview_expiry,
)
from components.naming import parse_stack
from components.settings import ConfigError
from tests.conftest import PROJECT_DIR, copy_project

Planned = Callable[[str], tuple[Plan, dict[str, Any]]]

SCRIPT = "cloudflare:index/workersScript:WorkersScript"
SUBDOMAIN = "cloudflare:index/workersScriptSubdomain:WorkersScriptSubdomain"
DOMAIN = "cloudflare:index/workersCustomDomain:WorkersCustomDomain"
BRANCH = "pulumi-python:dynamic:Resource"
COMMAND = "command:local:Command"
PASSWORD = "random:index/randomPassword:RandomPassword"
STACKS = {"production": "production", "staging": "staging", "pr-12": "preview-12"}
# The isolated topology: production's own Cloudflare account and Neon project.
ACCOUNT = {"production": "f0e1d2c3b4a5968778695a4b3c2d1e0f"} | dict.fromkeys(
    ("staging", "pr-12"), "a1b2c3d4e5f60718293a4b5c6d7e8f90"
)
PROJECT_ID = {"production": "codex-production-00000000"} | dict.fromkeys(
    ("staging", "pr-12"), "codex-example-00000000"
)
ENVIRONMENT = {"production": "production", "staging": "staging", "pr-12": "preview"}


def scripts(plan: Plan) -> dict[str, PlannedResource]:
    return {r.inputs["scriptName"]: r for r in plan.of_type(SCRIPT)}


def bindings(resource: PlannedResource) -> dict[str, dict[str, Any]]:
    return {
        b["name"]: {k: v for k, v in b.items() if k != "name"} for b in resource.inputs["bindings"]
    }


@pytest.mark.parametrize("stack", STACKS)
def test_resources_by_type_and_name(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    expected = {
        ("codex:index:Environment", "codex"),
        ("codex:index:NeonBranch", "codex-db"),
        (BRANCH, "codex-db-branch"),
        (COMMAND, "codex-migrations"),
        (PASSWORD, "codex-session-secret"),
        *{("codex:index:Worker", f"codex-{w}") for w in ("web", "auth", "stripe-webhook")},
        *{(SCRIPT, f"codex-{w}-script") for w in ("web", "auth", "stripe-webhook")},
        *{(SUBDOMAIN, f"codex-{w}-workers-dev") for w in ("web", "auth", "stripe-webhook")},
    }
    if stack == "production":
        expected |= {(DOMAIN, f"codex-{w}-domain") for w in ("web", "auth", "stripe-webhook")}
    assert {(r.type, r.name) for r in plan.resources} == expected
    suffix = STACKS[stack]
    assert set(scripts(plan)) == {
        f"codex-web-{suffix}",
        f"auth-worker-{suffix}",
        f"stripe-webhook-handler-{suffix}",
    }


@pytest.mark.parametrize("stack", STACKS)
def test_everything_sits_under_the_environment(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    by_urn = {r.urn: r for r in plan.resources}
    environment = plan.by_name("codex")
    assert environment.parent is not None
    assert environment.parent.endswith(f"pulumi:pulumi:Stack::codex-{stack}")
    for resource in plan.resources:
        if resource is environment:
            continue
        ancestor = resource
        while ancestor.parent in by_urn and ancestor is not environment:
            ancestor = by_urn[ancestor.parent]
        assert ancestor is environment, resource.name
    for script in plan.of_type(SCRIPT):
        assert by_urn[script.parent or ""].type == "codex:index:Worker"


@pytest.mark.parametrize("stack", STACKS)
def test_bindings_of_each_worker(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    suffix = STACKS[stack]
    common = {
        "ENVIRONMENT": {"type": "plain_text", "text": ENVIRONMENT[stack]},
        "DATABASE_URL": {"type": "secret_text", "text": SECRET},
    }
    by_script = scripts(plan)
    assert bindings(by_script[f"codex-web-{suffix}"]) == common | {
        "AUTH": {"type": "service", "service": f"auth-worker-{suffix}"},
        "ASSETS": {"type": "assets"},
    }
    assert bindings(by_script[f"auth-worker-{suffix}"]) == common | {
        "SESSION_SECRET": {"type": "secret_text", "text": SECRET},
    }
    assert bindings(by_script[f"stripe-webhook-handler-{suffix}"]) == common | {
        "STRIPE_SECRET_KEY": {"type": "secret_text", "text": SECRET},
        "STRIPE_WEBHOOK_SECRET": {"type": "secret_text", "text": SECRET},
    }


@pytest.mark.parametrize("stack", STACKS)
def test_scripts_upload_the_bundle_with_hashes(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    web = plan.by_name("codex-web-script").inputs
    bundle = PROJECT_DIR / "examples/bundles/web"
    # wrangler's own output for the SvelteKit app (examples/workers/build.sh): the adapter's
    # `_worker.js` bundled into one module, and its source map.
    assert web["mainModule"] == "_worker.js"
    assert web["contentFile"] == "examples/bundles/web/_worker.js"
    assert web["contentSha256"] == sha256_file(bundle / "_worker.js")
    assert web["files"] == {
        "_worker.js.map": {
            "contentType": "application/source-map",
            "contentFile": "examples/bundles/web/_worker.js.map",
            "contentSha256": sha256_file(bundle / "_worker.js.map"),
        },
    }
    assets = "examples/workers/web/.svelte-kit/cloudflare"  # the adapter's output as it is
    assert web["assets"] == {
        "directory": stage_assets(PROJECT_DIR, assets),
        "config": {"headers": (PROJECT_DIR / assets / "_headers").read_text()},
    }
    # What wrangler would publish: `_headers` goes in the config, never as a file, and the
    # adapter's `.assetsignore` keeps its `_worker.js` out.
    staged = PROJECT_DIR / web["assets"]["directory"]
    published = sorted(p.relative_to(staged).as_posix() for p in staged.rglob("*") if p.is_file())
    assert {"index.html", "robots.txt", "_app/version.json"} <= set(published)
    assert not {"_worker.js", "_headers", ".assetsignore"} & set(published)
    assert published == sorted(
        p.relative_to(PROJECT_DIR / assets).as_posix()
        for p in (PROJECT_DIR / assets).rglob("*")
        if p.is_file() and p.name not in {"_worker.js", "_headers", ".assetsignore"}
    )
    for script in plan.of_type(SCRIPT):
        assert script.inputs["accountId"] == ACCOUNT[stack]
        assert script.inputs["compatibilityDate"] == "2026-11-01"
        assert script.inputs["compatibilityFlags"] == ["nodejs_compat"]
    assert "assets" not in plan.by_name("codex-auth-script").inputs


@pytest.mark.parametrize(("stack", "rate"), [("production", 0.1), ("staging", 0.5), ("pr-12", 1)])
def test_observability_sampling_per_environment(planned: Planned, stack: str, rate: float) -> None:
    plan, _ = planned(stack)
    for script in plan.of_type(SCRIPT):
        # Every field the API returns, so a refresh finds nothing to change.
        assert script.inputs["observability"] == {
            "enabled": True,
            "headSamplingRate": rate,
            "issues": {"enabled": False},
            "logs": {
                "enabled": True,
                "invocationLogs": True,
                "headSamplingRate": rate,
                "persist": True,
                "destinations": [],
            },
            "traces": {
                "enabled": False,
                "headSamplingRate": rate,
                "persist": True,
                "destinations": [],
            },
        }
        assert script.inputs["keepBindings"] == ["secret_text"]


@pytest.mark.parametrize("stack", STACKS)
def test_migrations_run_first_with_the_direct_url(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    migrations = plan.by_name("codex-migrations")
    branch = plan.by_name("codex-db-branch")
    assert migrations.inputs == {
        "create": 'exec env -i PATH="$PATH" HOME="$HOME" DATABASE_URL="$DATABASE_URL" '
        "/bin/sh -c 'sh examples/migrate.sh'",
        "environment": {"DATABASE_URL": SECRET},
        "triggers": [hash_tree(PROJECT_DIR / "examples/migrations")],
    }
    assert branch.urn in migrations.dependencies
    for script in plan.of_type(SCRIPT):
        assert migrations.urn in script.dependencies, script.name
    _, program = planned(stack)
    direct = program["env"].database.direct_database_url
    assert _sync_await(direct.future()).startswith("postgresql://")


def test_the_migration_command_gets_nothing_but_what_it_needs(planned: Planned) -> None:
    """Run the Command's create as pulumi-command does (`/bin/sh -c`, the engine's whole
    environment plus its own), with credentials planted: the command sees none of them."""
    plan, _ = planned("staging")
    printing = only_its_environment("env; echo \"quoted 'args' survive\"")
    engine_env = {
        "PATH": os.environ["PATH"],
        "HOME": "/home/deployer",
        "CLOUDFLARE_API_TOKEN": "cf-canary",
        "NEON_API_KEY": "neon-canary",
        "PULUMI_ACCESS_TOKEN": "pulumi-canary",
        "PULUMI_CONFIG_PASSPHRASE": "passphrase-canary",
        "DATABASE_URL": "postgresql://u:p@db/x",  # the Command's own `environment`
    }
    result = subprocess.run(
        ["/bin/sh", "-c", printing], env=engine_env, capture_output=True, text=True, check=True
    )
    seen = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert set(seen) - {"PWD"} == {"PATH", "HOME", "DATABASE_URL"}  # PWD: the shell's own
    assert seen["DATABASE_URL"] == "postgresql://u:p@db/x"
    assert "canary" not in result.stdout
    assert result.stdout.endswith("quoted 'args' survive\n")
    wrapped = plan.by_name("codex-migrations").inputs["create"]
    assert wrapped == only_its_environment("sh examples/migrate.sh")


@pytest.mark.parametrize("stack", STACKS)
def test_state_keeps_connection_strings_and_migration_output_encrypted(
    planned: Planned, stack: str
) -> None:
    plan, _ = planned(stack)
    assert plan.by_name("codex-db-branch").secret_outputs == (
        "database_url",
        "direct_database_url",
    )
    assert plan.by_name("codex-migrations").secret_outputs == ("stdout", "stderr")


def test_web_depends_on_the_auth_script_it_binds(planned: Planned) -> None:
    plan, _ = planned("pr-12")
    assert plan.by_name("codex-auth-script").urn in plan.by_name("codex-web-script").dependencies


@pytest.mark.parametrize("stack", STACKS)
def test_protection_only_in_production(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    protected = {r.name for r in plan.resources if r.protect}
    retained = {r.name for r in plan.resources if r.retain_on_delete}
    if stack == "production":
        assert protected == {
            "codex-db-branch",
            *(
                f"codex-{w}-{kind}"
                for w in ("web", "auth", "stripe-webhook")
                for kind in ("script", "domain")
            ),
        }
        assert retained == {"codex-db-branch"}
    else:
        assert protected == set()
        assert retained == set()


def test_production_uses_custom_domains_only(planned: Planned) -> None:
    plan, _ = planned("production")
    domains = {r.inputs["hostname"]: r for r in plan.of_type(DOMAIN)}
    assert {h: d.inputs["service"] for h, d in domains.items()} == {
        "codex.example.com": "codex-web-production",
        "auth.codex.example.com": "auth-worker-production",
        "stripe.codex.example.com": "stripe-webhook-handler-production",
    }
    for domain in domains.values():
        assert domain.inputs["zoneId"] == "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
        assert domain.inputs["accountId"] == ACCOUNT["production"]
    for subdomain in plan.of_type(SUBDOMAIN):
        assert subdomain.inputs["enabled"] is False


@pytest.mark.parametrize("stack", ["staging", "pr-12"])
def test_staging_and_previews_use_workers_dev(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    assert plan.of_type(DOMAIN) == []
    subdomains = {r.inputs["scriptName"]: r.inputs for r in plan.of_type(SUBDOMAIN)}
    assert set(subdomains) == set(scripts(plan))
    for inputs in subdomains.values():
        assert inputs["enabled"] is True
        assert inputs["previewsEnabled"] is False


@pytest.mark.parametrize(
    ("stack", "branch"),
    [
        ("production", {"branch_name": "main"}),
        (
            "staging",
            {
                "branch_name": "staging",
                "parent_branch": "main",
                "annotations": {"created-by": "codex-infra"},
                "min_cu": 0.25,
                "max_cu": 1,
            },
        ),
        (
            "pr-12",
            {
                "branch_name": "preview/pr-12",
                "parent_branch": "main",
                "annotations": {"created-by": "codex-infra", "github-pr-number": "12"},
                "min_cu": 0.25,
                "max_cu": 0.5,
                "expires_at": (
                    dt.datetime.fromtimestamp(int(PLAN_EPOCH), dt.UTC) + dt.timedelta(hours=168)
                ).strftime("%Y-%m-%dT%H:%M:%SZ"),
            },
        ),
    ],
)
def test_neon_branch_per_environment(planned: Planned, stack: str, branch: dict[str, str]) -> None:
    plan, _ = planned(stack)
    assert plan.by_name("codex-db-branch").inputs == {
        "project_id": PROJECT_ID[stack],
        "database_name": "neondb",
        "role_name": "neondb_owner",
        **branch,
    }


@pytest.mark.parametrize("stack", STACKS)
def test_stack_outputs(planned: Planned, stack: str) -> None:
    plan, _ = planned(stack)
    suffix = STACKS[stack]
    names = {
        "web": f"codex-web-{suffix}",
        "auth": f"auth-worker-{suffix}",
        "stripeWebhook": f"stripe-webhook-handler-{suffix}",
    }
    outputs = dict(plan.outputs)
    branch_id = outputs.pop("neonBranchId")
    assert branch_id.startswith("br-")
    if stack == "production":
        urls = {
            "webUrl": "https://codex.example.com",
            "authUrl": "https://auth.codex.example.com",
            "stripeWebhookUrl": "https://stripe.codex.example.com",
        }
    else:
        urls = {
            f"{role}Url": f"https://{names[role]}.codex-team.workers.dev"
            for role in ("web", "auth", "stripeWebhook")
        }
    assert outputs == {
        "environment": ENVIRONMENT[stack],
        "neonBranchName": {"production": "main", "staging": "staging"}.get(stack, "preview/pr-12"),
        "databaseUrl": SECRET,
        "workerNames": names,
        **urls,
    }


@pytest.mark.parametrize("stack", STACKS)
def test_connection_strings_are_secret_outputs(planned: Planned, stack: str) -> None:
    _, program = planned(stack)
    database = program["env"].database
    for output in (database.database_url, database.direct_database_url):
        assert _sync_await(output.is_secret())


def test_session_secret_is_generated_per_environment(planned: Planned) -> None:
    for stack in STACKS:
        plan, _ = planned(stack)
        password = plan.by_name("codex-session-secret")
        assert password.inputs == {"length": 64, "special": False}
        session = bindings(plan.by_name("codex-auth-script"))["SESSION_SECRET"]
        assert session == {"type": "secret_text", "text": SECRET}
        assert password.urn in plan.by_name("codex-auth-script").dependencies


@pytest.mark.parametrize(
    ("stack", "secret", "message"),
    [
        ("pr-5", {"stripeSecretKey": "sk_live_leak1234"}, "codex:stripeSecretKey: is a live"),
        ("production", {"stripeSecretKey": "sk_test_leak1234"}, "codex:stripeSecretKey: is a test"),
    ],
)
def test_a_config_error_registers_nothing(stack: str, secret: dict[str, str], message: str) -> None:
    config = with_overrides(load_stack_config(PROJECT_DIR, stack), {}, secret)
    config = with_placeholder_secrets(config, stack)
    plan = Plan("codex", stack)
    with pytest.raises(ConfigError) as err:
        run_program(PROJECT_DIR, config, plan)
    assert message in str(err.value)
    assert "leak1234" not in str(err.value)
    assert plan.resources == []


def test_an_unknown_stack_stops_with_the_allowed_names() -> None:
    config = with_placeholder_secrets(load_stack_config(PROJECT_DIR, "dev"), "dev")
    plan = Plan("codex", "dev")
    with pytest.raises(ConfigError, match=r"stack name 'dev' is not allowed: use 'production'"):
        run_program(PROJECT_DIR, config, plan)
    assert plan.resources == []


def test_a_schema_only_preview_asks_neon_for_the_schema_alone() -> None:
    """previewData: schema-only reaches Neon as init_source; staging stays a full copy."""
    for stack, expected in (("pr-4", "schema-only"), ("staging", None)):
        config = with_overrides(
            load_stack_config(PROJECT_DIR, stack), {"previewData": "schema-only"}, {}
        )
        plan = Plan("codex", stack)
        run_program(PROJECT_DIR, with_placeholder_secrets(config, stack), plan)
        assert plan.by_name("codex-db-branch").inputs.get("init_source") == expected, stack


def test_a_real_deploy_takes_the_wall_clock_even_with_source_date_epoch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CIs export SOURCE_DATE_EPOCH for reproducible builds; only the mock engine may pin time."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")  # 2001: an expires_at Neon refuses
    monkeypatch.setattr(pulumi.runtime.settings, "get_monitor", lambda: object())  # a real engine
    before = dt.datetime.now(dt.UTC)
    now = deploy_time()
    assert before <= now <= dt.datetime.now(dt.UTC)
    assert preview_expiry(now, 1) > before.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_the_mock_engine_pins_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", PLAN_EPOCH)
    monkeypatch.setattr(
        pulumi.runtime.settings, "get_monitor", lambda: MockMonitor(Mocked(Placeholders()))
    )
    assert deploy_time() == dt.datetime.fromtimestamp(int(PLAN_EPOCH), dt.UTC)


def test_a_worker_without_extra_modules_passes_no_files(tmp_path: Path) -> None:
    """State holds null for no files: an empty map would show a diff on every refresh."""
    copy_project(tmp_path)
    (tmp_path / "examples/bundles/auth/index.js.map").unlink()
    plan = Plan("codex", "staging")
    config = with_placeholder_secrets(load_stack_config(tmp_path, "staging"), "staging")
    run_program(tmp_path, config, plan)
    assert "files" not in plan.by_name("codex-auth-script").inputs
    assert set(plan.by_name("codex-web-script").inputs["files"]) == {"_worker.js.map"}


def test_a_branch_records_the_run_that_made_it() -> None:
    """The keys Neon's create-branch action sets, from what GitHub Actions exports."""
    env = {
        "GITHUB_REPOSITORY": "codex/platform",
        "GITHUB_SHA": "4f2c0de",
        "GITHUB_HEAD_REF": "fix-login",
        "GITHUB_REF_NAME": "7/merge",
        "GITHUB_TOKEN": "never recorded",
    }
    assert deploy_origin(parse_stack("pr-7"), env) == {
        "created-by": "codex-infra",
        "github-commit-repo": "codex/platform",
        "github-commit-sha": "4f2c0de",
        "github-commit-ref": "fix-login",
        "github-pr-number": "7",
    }
    assert deploy_origin(parse_stack("staging"), {"GITHUB_REF_NAME": "main"}) == {
        "created-by": "codex-infra",
        "github-commit-ref": "main",
    }
