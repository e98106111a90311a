"""Every stack kind under the real Pulumi engine, from preview to destroy, against the fakes.

The three stacks deploy at once (they share nothing but the fakes); each test then follows one of
them, in this file's order: the states right after `up` first, then the ends of their stories.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import psycopg
import pytest

from codex_infra.engine import NEON_BRANCH, SCRIPT, SECRET, STACK, Plan, PlannedResource
from codex_infra.plan import plan_stack
from tests.engine.conftest import Tools, World, database_of, in_parallel, open_world, stripe
from tests.engine.stack import Json, Outcome, is_secret, output

pytestmark = pytest.mark.engine

STACKS = ("pr-7", "staging", "production")


class Deployed:
    """One stack after its first preview and up, with the offline plan of the same config."""

    def __init__(self, world: World, name: str) -> None:
        self.stack = world.stack(name)
        self.preview = self.stack.preview()
        self.up = self.stack.up()
        self.plan = Plan("codex", name)  # the mock engine runs in the test's thread (below)


@pytest.fixture(scope="module")
def world(engine_tools: Tools, tmp_path_factory: pytest.TempPathFactory) -> Generator[World]:
    with open_world(tmp_path_factory.mktemp("stacks"), engine_tools) as opened:
        yield opened


@pytest.fixture(scope="module")
def deployed(world: World) -> dict[str, Deployed]:
    stacks: dict[str, Deployed] = dict(
        zip(STACKS, in_parallel(partial(Deployed, world, n) for n in STACKS), strict=True)
    )
    for name, stack in stacks.items():
        stack.plan = plan_stack(world.project, name, secret_overrides=stripe(name))
    return stacks


def _resource_names(plan: Plan) -> set[str]:
    return {r.name for r in plan.resources}


# Right after the first up ---------------------------------------------------------------


@pytest.mark.parametrize("name", STACKS)
def test_preview_shows_the_plans_resources_and_up_makes_them(
    deployed: dict[str, Deployed], name: str
) -> None:
    stack = deployed[name]
    assert stack.preview.error is None
    assert stack.up.error is None, stack.up.error
    planned = _resource_names(stack.plan) | {f"codex-{name}"}
    assert stack.preview.names("create") - _provider_names(stack.preview) == planned
    assert stack.preview.changes == {"create": len(planned)}  # the engine counts no provider
    assert stack.up.changes == {"create": len(planned)}


def _provider_names(outcome: Outcome) -> set[str]:
    """The default providers the engine makes for the packages (not in the summary)."""
    return {
        s["urn"].rsplit("::", 1)[-1]
        for s in outcome.steps()
        if s["type"].startswith("pulumi:providers:")
    }


def test_a_pr_stack_makes_one_branch_and_three_scripts_with_the_plans_bindings(
    world: World, deployed: dict[str, Deployed]
) -> None:
    pr = deployed["pr-7"]
    config = world.config("pr-7")
    project = config["codex:neonProjectId"]
    (branch,) = [b for b in world.neon.branches(project) if b["name"] == "preview/pr-7"]
    expires = datetime.fromisoformat(branch["expires_at"])
    assert abs(expires - (datetime.now(UTC) + timedelta(hours=168))) < timedelta(minutes=10)

    account = config["codex:cloudflareAccountId"]
    scripts = [s for s in world.cloudflare.script_names(account) if s.endswith("-preview-7")]
    planned = {r.inputs["scriptName"]: r for r in pr.plan.of_type(SCRIPT)}
    assert sorted(scripts) == sorted(planned)
    secrets = pr.stack.opened()
    database_url = output(secrets, "codex-db-branch", "database_url")
    endpoint = world.neon.projects[project].endpoints
    (host,) = [e["host"] for e in endpoint.values() if e["branch_id"] == branch["id"]]
    assert database_url == (
        f"postgresql://neondb_owner:{world.password}@{_pooler(host)}/neondb?sslmode=require"
    )
    secret_texts = {
        "DATABASE_URL": database_url,
        "SESSION_SECRET": output(secrets, "codex-session-secret", "result"),
        "STRIPE_SECRET_KEY": stripe("pr-7")["stripeSecretKey"],
        "STRIPE_WEBHOOK_SECRET": stripe("pr-7")["stripeWebhookSecret"],
    }
    for name, resource in planned.items():
        live = world.cloudflare.script(account, name)
        assert live is not None
        assert live["subdomain"] == {"enabled": True, "previews_enabled": False}
        assert live["main_module"] == resource.inputs["mainModule"]
        wanted = resource.inputs["bindings"]
        assert [(b["name"], b["type"]) for b in live["bindings"]] == [
            (b["name"], b["type"]) for b in wanted
        ]
        for got, want in zip(live["bindings"], wanted, strict=True):
            if want.get("text") == SECRET:
                assert got["text"] == secret_texts[got["name"]]
            else:
                assert {k: v for k, v in got.items() if k != "name"} == {
                    k: v for k, v in want.items() if k != "name"
                }
    web = world.cloudflare.script(account, "codex-web-preview-7")
    assert web is not None
    assert web["assets"]  # uploaded

    migrations = output(secrets, "codex-migrations", "stdout")
    assert migrations.count("CREATE TABLE") == 3
    # Through the branch's own direct connection string, as the migrations went: its database.
    direct_url = output(secrets, "codex-db-branch", "direct_database_url")
    with psycopg.connect(direct_url, connect_timeout=10) as conn:
        tables = {row[0] for row in conn.execute("SELECT tablename FROM pg_tables")}
        (database,) = conn.execute("SELECT current_database()").fetchone() or ("",)
    assert {"users", "sessions", "stripe_events"} <= tables
    assert database == database_of(branch["id"])


def _pooler(host: str) -> str:
    """Neon's pooled host: `-pooler` after the first label (here of `127.0.0.1:port`)."""
    first, dot, rest = host.partition(".")
    return f"{first}-pooler{dot}{rest}"


@pytest.mark.parametrize("name", STACKS)
def test_nothing_changes_after_up(deployed: dict[str, Deployed], name: str) -> None:
    """A second up, a refresh and the workflows' drift check (`preview --refresh
    --expect-no-changes`) find nothing to do: no perpetual diff."""
    stack = deployed[name].stack
    again = stack.up()
    assert again.error is None
    assert again.changes == {}, again.changed_steps()
    refreshed = stack.refresh()
    assert refreshed.error is None
    assert refreshed.changes == {}, refreshed.changed_steps()
    drift = stack.preview(refresh=True, expect_no_changes=True)
    assert drift.error is None, drift.changed_steps()


@pytest.mark.parametrize("name", ["pr-7", "production"])
def test_the_state_on_disk_holds_no_secret_in_plain_text(
    world: World, deployed: dict[str, Deployed], name: str
) -> None:
    stack = deployed[name].stack
    opened = stack.opened()
    session_secret = output(opened, "codex-session-secret", "result")
    database_url = output(opened, "codex-db-branch", "database_url")
    direct_url = output(opened, "codex-db-branch", "direct_database_url")
    secrets = [world.password, session_secret, database_url, direct_url, *stripe(name).values()]
    assert all(isinstance(s, str) and len(s) > 8 for s in secrets)
    text = stack.state_text()
    assert text.count("postgresql://") == 0
    for secret in secrets:
        assert secret not in text
    assert world.env["CLOUDFLARE_API_TOKEN"] not in text
    assert world.env["NEON_API_KEY"] not in text


def _compared(resource: Json) -> Json:
    """A state resource as the offline plan describes one: secrets shown as the plan shows them,
    the dynamic provider's pickle left out (the plan hides it too)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            if is_secret(value):
                return SECRET
            return {k: plain(v) for k, v in sorted(value.items()) if k != "__provider"}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    return {
        "type": resource["type"],
        "parent": resource.get("parent"),
        "custom": resource.get("custom", False),
        "protect": resource.get("protect", False),
        "retain_on_delete": resource.get("retainOnDelete", False),
        "dependencies": sorted(resource.get("dependencies") or []),
        "inputs": plain(resource.get("inputs") or {}),
    }


def _planned(resource: PlannedResource) -> Json:
    return {
        "type": resource.type,
        "parent": resource.parent,
        "custom": resource.custom,
        "protect": resource.protect,
        "retain_on_delete": resource.retain_on_delete,
        "dependencies": sorted(resource.dependencies),
        "inputs": resource.inputs,
    }


@pytest.mark.parametrize("name", STACKS)
def test_the_mock_engine_registers_what_the_real_one_holds(
    deployed: dict[str, Deployed], name: str
) -> None:
    """Resources, URNs, parents, flags, dependencies and inputs of the offline plan are the
    state's; the only difference is the deploy clock of a preview branch's expires_at."""
    stack = deployed[name]
    held = {
        r["urn"]: r
        for r in stack.stack.resources()
        if r["type"] != STACK and not r["type"].startswith("pulumi:providers:")
    }
    planned = {r.urn: r for r in stack.plan.resources}
    assert sorted(held) == sorted(planned)
    for urn, resource in planned.items():
        real, mock = _compared(held[urn]), _planned(resource)
        if resource.type == NEON_BRANCH and name == "pr-7":
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", real["inputs"]["expires_at"])
            real["inputs"]["expires_at"] = mock["inputs"]["expires_at"]
        assert real == mock, urn


# The ends of their stories --------------------------------------------------------------


def test_staging_drift_is_seen_by_refresh_and_repaired_by_up(
    world: World, deployed: dict[str, Deployed]
) -> None:
    stack = deployed["staging"].stack
    account = world.config("staging")["codex:cloudflareAccountId"]
    world.cloudflare.remove_script(account, "auth-worker-staging")
    world.cloudflare.edit_binding(account, "codex-web-staging", "ENVIRONMENT", text="tampered")

    refreshed = stack.refresh()
    assert refreshed.error is None
    assert refreshed.changes == {"delete": 2, "update": 1}
    held = {r["urn"].rsplit("::", 1)[-1]: r for r in stack.resources()}
    gone = {"codex-auth-script", "codex-auth-workers-dev"}
    assert not gone & set(held)
    bindings = held["codex-web-script"]["outputs"]["bindings"]
    assert {"name": "ENVIRONMENT", "type": "plain_text", "text": "tampered"} in bindings

    repaired = stack.up()
    assert repaired.error is None
    assert repaired.names("create") == gone
    assert repaired.names("update") == {"codex-web-script"}
    assert world.cloudflare.script(account, "auth-worker-staging") is not None
    web = world.cloudflare.script(account, "codex-web-staging")
    assert web is not None
    assert {"name": "ENVIRONMENT", "type": "plain_text", "text": "staging"} in web["bindings"]
    assert stack.preview(refresh=True, expect_no_changes=True).error is None


def test_production_destroy_is_refused_and_its_branch_outlives_unprotect(
    world: World, deployed: dict[str, Deployed]
) -> None:
    stack = deployed["production"].stack
    config = world.config("production")
    project, account = config["codex:neonProjectId"], config["codex:cloudflareAccountId"]

    refused = stack.destroy()
    assert refused.error is not None
    assert "protected" in refused.error
    assert world.neon.branch_names(project) == ["main"]
    assert len(world.cloudflare.script_names(account)) == 3

    stack.pulumi("state", "unprotect", "--all", "--yes", "--stack", stack.name)
    destroyed = stack.destroy()
    assert destroyed.error is None, destroyed.error
    assert world.cloudflare.script_names(account) == []
    assert world.cloudflare.domains(account) == []
    # retain_on_delete: the engine never asked the provider to delete the default branch.
    (main,) = world.neon.branches(project)
    assert main["name"] == "main"
    assert world.neon.count("DELETE", main["id"]) == 0


def test_a_pr_stack_destroys_to_nothing_and_is_removed(
    world: World, deployed: dict[str, Deployed]
) -> None:
    stack = deployed["pr-7"].stack
    config = world.config("pr-7")
    destroyed = stack.destroy()
    assert destroyed.error is None, destroyed.error
    assert "preview/pr-7" not in world.neon.branch_names(config["codex:neonProjectId"])
    account = config["codex:cloudflareAccountId"]
    assert [s for s in world.cloudflare.script_names(account) if "preview" in s] == []
    stack.pulumi("stack", "rm", "--yes", "--stack", stack.name)
    listed = json.loads(stack.pulumi("stack", "ls", "--json").stdout)
    assert "pr-7" not in {s["name"] for s in listed}
