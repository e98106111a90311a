"""`codex-infra check STACK`: exit 0 on the committed stacks, 1 listing each violation of a
mutated plan (policy, resource, why), and it runs in CI for the three stack kinds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from codex_infra.cli import main
from codex_infra.engine.mock import Plan
from codex_infra.review import check as check_module
from codex_infra.review.policies import RULES
from tests.conftest import PROJECT_DIR, REPO
from tests.test_policies import MUTATIONS, Mutation, Planned

CI_STACKS = ("production", "staging", "pr-1")


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)


@pytest.mark.parametrize("stack", CI_STACKS)
def test_committed_stacks_pass(stack: str) -> None:
    result = CliRunner().invoke(main, ["check", stack])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(f"resources pass all {len(RULES)} policies\n")
    assert result.stdout.startswith(f"{stack}: ")
    assert result.stderr == ""


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: f"{m.policy}:{m.why[:30]}")
def test_a_mutated_plan_fails_listing_each_violation(
    planned: Planned, monkeypatch: pytest.MonkeyPatch, mutation: Mutation
) -> None:
    plan, _ = planned(mutation.stack)
    bad = replace(plan, resources=mutation.apply(plan.resources))

    def plan_stack(_root: Path, stack: str, *_overrides: object) -> Plan:
        assert stack == mutation.stack
        return bad

    monkeypatch.setattr(check_module, "plan_stack", plan_stack)
    result = CliRunner().invoke(main, ["check", mutation.stack])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(mutation.also)
    culprit = mutation.culprit or mutation.resource
    (line,) = [line for line in lines if line.startswith(f"{mutation.policy}: {culprit}: ")]
    assert mutation.why in line
    assert result.stderr == f"{mutation.stack}: {len(lines)} policy violation(s)\n"
    assert "canary" not in result.output


def test_ci_runs_the_check_for_each_stack_kind() -> None:
    workflow = yaml.safe_load((REPO / ".github/workflows/ci.yml").read_text())
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    (script,) = [run for run in runs if "codex-infra check" in run]
    assert f"for stack in {' '.join(CI_STACKS)}; do" in script
    assert 'uv run codex-infra check "$stack" || status=1' in script
    assert script.rstrip().endswith('exit "$status"')


def test_the_shared_topology_fails_unless_opted_into() -> None:
    """Staging in production's Cloudflare account: exit 1 with why; opted in, it passes."""
    production = "cloudflareAccountId=f0e1d2c3b4a5968778695a4b3c2d1e0f"
    shared = CliRunner().invoke(main, ["check", "staging", "--config", production])
    assert shared.exit_code == 1
    lines = shared.stdout.splitlines()
    # Each script and its workers.dev switch (both name the account).
    assert sorted(line.split(": ")[1] for line in lines) == sorted(
        f"codex-{role}-{what}"
        for role in ("web", "auth", "stripe-webhook")
        for what in ("script", "workers-dev")
    )
    assert all(
        line.startswith("non-production-off-production-accounts: codex-")
        and "production's Cloudflare account" in line
        and "codex:topology: shared" in line
        for line in lines
    )
    opted = CliRunner().invoke(
        main, ["check", "staging", "--config", production, "--config", "topology=shared"]
    )
    assert opted.exit_code == 0, opted.output
    bad = CliRunner().invoke(main, ["check", "staging", "--config", "topology=together"])
    assert bad.exit_code == 2
    assert "codex:topology" in bad.stderr


def test_a_compute_setting_neon_free_refuses_fails_the_check_not_the_deploy() -> None:
    timeout = 'previewCompute={"minCu": 0.25, "maxCu": 0.5, "suspendTimeoutSeconds": 900}'
    refused = CliRunner().invoke(main, ["check", "pr-1", "--config", timeout])
    assert refused.exit_code == 2
    assert refused.stderr == (
        "codex-infra: error: codex:previewCompute.suspendTimeoutSeconds: codex:neonPlan free allows"
        " no custom suspend timeout (got 900); leave it out, or set codex:neonPlan to a plan that"
        " does\n"
    )
    on_scale = CliRunner().invoke(
        main, ["check", "pr-1", "--config", timeout, "--config", "neonPlan=scale"]
    )
    assert on_scale.exit_code == 0, on_scale.output
