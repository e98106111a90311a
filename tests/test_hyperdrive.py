"""The Hyperdrive switch (`codex:hyperdrive`): off, the plan is as before; on, one Hyperdrive
config per environment built from the branch's direct connection, and a HYPERDRIVE binding on
each Worker that gets the database, for every stack kind."""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from typing import Any

import pytest
from pulumi.runtime.sync_await import _sync_await

from codex_infra.engine.config import load_stack_config, with_overrides, with_placeholder_secrets
from codex_infra.engine.harness import run_program
from codex_infra.engine.mock import (
    HYPERDRIVE,
    SCRIPT,
    SECRET,
    Plan,
    PlannedResource,
)
from codex_infra.engine.plan import PLAN_EPOCH
from codex_infra.review.policies import Topology, evaluate, from_plan
from components.hyperdrive import Origin, OriginError
from components.settings import ConfigError, load_settings
from tests.conftest import PROJECT_DIR
from tests.test_program import ACCOUNT, STACKS, Planned, bindings, scripts


@cache
def _switched_on(stack: str) -> tuple[Plan, dict[str, Any]]:
    os.environ["SOURCE_DATE_EPOCH"] = PLAN_EPOCH
    plan = Plan("codex", stack)
    config = with_overrides(load_stack_config(PROJECT_DIR, stack), {"hyperdrive": "true"}, {})
    program = run_program(PROJECT_DIR, with_placeholder_secrets(config, stack), plan)
    return plan, program


def _resolved(output: Any) -> Any:
    return _sync_await(output.future())


def _settings(stack: str, **plain: str) -> bool:
    config = with_placeholder_secrets(
        with_overrides(load_stack_config(PROJECT_DIR, stack), plain, {}), stack
    )
    return load_settings(
        stack, config.values, config.secret_keys, PROJECT_DIR
    ).hyperdrive.hyperdrive


def test_the_switch_is_off_unless_the_stack_sets_it() -> None:
    assert _settings("production") is False
    assert _settings("pr-3", hyperdrive="true") is True
    assert _settings("staging", hyperdrive="false") is False
    with pytest.raises(ConfigError) as err:
        _settings("pr-3", hyperdrive="sometimes")
    assert str(err.value) == (
        "codex:hyperdrive: Input should be a valid boolean, unable to interpret input"
        " (got 'sometimes')"
    )


def test_the_origin_is_the_connection_strings_parts() -> None:
    neon = "postgresql://neondb_owner:p%40ss%2Fw0rd@ep-x-1.eu-central-1.aws.neon.tech/neondb?sslmode=require"
    assert Origin.parse(neon) == Origin(
        scheme="postgresql",
        host="ep-x-1.eu-central-1.aws.neon.tech",
        port=5432,  # Neon's strings name none; Hyperdrive's API requires one
        database="neondb",
        user="neondb_owner",
        password="p@ss/w0rd",
    )
    local = Origin.parse("postgres://app%20user:pw@127.0.0.1:54321/neondb_preview_pr_1")
    assert (local.scheme, local.host, local.port, local.user) == (
        "postgres",
        "127.0.0.1",
        54321,
        "app user",
    )


@pytest.mark.parametrize(
    "url",
    [
        "mysql://u:canary-pw@h/db",
        "postgresql://u@h/db",
        "postgresql://u:canary-pw@h/",
        "postgresql://u:canary-pw@/db",
        "not a url canary-pw",
    ],
)
def test_what_cannot_be_an_origin_is_refused_without_echoing_it(url: str) -> None:
    with pytest.raises(OriginError) as err:
        Origin.parse(url)
    assert "canary-pw" not in str(err.value)


@pytest.mark.parametrize("stack", STACKS)
def test_off_there_is_no_config_and_no_binding(planned: Planned, stack: str) -> None:
    plan, program = planned(stack)
    assert plan.of_type(HYPERDRIVE) == []
    assert program["env"].hyperdrive is None
    for script in plan.of_type(SCRIPT):
        assert "HYPERDRIVE" not in bindings(script)
        assert bindings(script)["DATABASE_URL"] == {"type": "secret_text", "text": SECRET}


@pytest.mark.parametrize("stack", STACKS)
def test_on_the_plan_gains_the_config_and_nothing_else(planned: Planned, stack: str) -> None:
    off, _ = planned(stack)
    on, _ = _switched_on(stack)
    added = {(r.type, r.name) for r in on.resources} - {(r.type, r.name) for r in off.resources}
    assert added == {(HYPERDRIVE, "codex-hyperdrive")}
    assert len(on.resources) == len(off.resources) + 1
    off_scripts = scripts(off)
    for name, script in scripts(on).items():
        with_binding = bindings(script)
        assert with_binding.pop("HYPERDRIVE")["type"] == "hyperdrive"
        assert with_binding == bindings(off_scripts[name])  # DATABASE_URL stays, as it was


@pytest.mark.parametrize("stack", STACKS)
def test_the_config_comes_from_the_branchs_direct_connection(stack: str) -> None:
    plan, program = _switched_on(stack)
    config = plan.by_name("codex-hyperdrive")
    environment, branch = plan.by_name("codex"), plan.by_name("codex-db-branch")
    host = _resolved(program["env"].database.host)
    assert not host.endswith("-pooler.region.neon.example")  # Hyperdrive is the pool
    assert config.inputs == {
        "accountId": ACCOUNT[stack],
        "name": f"codex-{STACKS[stack]}",
        "origin": {
            "scheme": "postgresql",
            "host": host,
            "port": 5432,
            "database": "neondb",
            "user": "neondb_owner",
            "password": SECRET,
        },
        "caching": {"disabled": True},
    }
    assert (config.parent, config.custom, config.protect) == (environment.urn, True, False)
    assert config.dependencies == (branch.urn,)  # made after the branch
    assert config.secret_outputs == ("origin",)  # the provider echoes the password into state


@pytest.mark.parametrize("stack", STACKS)
def test_every_worker_binds_the_config_by_its_id_and_comes_after_it(stack: str) -> None:
    plan, program = _switched_on(stack)
    config: PlannedResource = plan.by_name("codex-hyperdrive")
    config_id = _resolved(program["env"].hyperdrive.id)
    assert config_id
    workers = plan.of_type(SCRIPT)
    assert len(workers) == 3  # every Worker gets DATABASE_URL, so every one gets HYPERDRIVE
    for script in workers:
        assert bindings(script)["HYPERDRIVE"] == {"type": "hyperdrive", "id": config_id}
        assert config.urn in script.dependencies, script.name


@pytest.mark.parametrize("stack", STACKS)
def test_the_guardrails_pass_with_the_switch_on(stack: str) -> None:
    plan, _ = _switched_on(stack)
    now = dt.datetime.fromtimestamp(int(PLAN_EPOCH), dt.UTC)
    assert evaluate(from_plan(plan.resources), now, Topology.of(PROJECT_DIR, stack)) == []
