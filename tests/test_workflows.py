"""Static checks of the GitHub Actions workflows (.github/workflows) and of the composite
actions they share (.github/actions).

zizmor, actionlint and shellcheck (run by .ci/lint-workflows) cover the generic rules; these
tests pin down the decisions specific to this project: triggers, permissions, pinning, the
fork guard, concurrency that never cancels a Pulumi operation, and where secrets may appear.
A job's steps are read with its composite actions expanded in place (see expand), so every
check about a step holds wherever the step lives.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from codex_infra.operations.capacity import NO_ROOM
from tests.conftest import PROJECT_DIR, REPO

WORKFLOWS = REPO / ".github" / "workflows"
NAMES = ("ci", "preview", "deploy", "reap", "refresh", "rollback", "visual-comment")
ACTIONS = REPO / ".github" / "actions"
COMPOSITES = (
    "build-bundles",
    "credentials-apart",
    "e2e",
    "pulumi-retry",
    "smoke-check",
    "stack-urls",
    "sticky-comment",
)
# Actions of this repository, at the commit that runs (no checkout, and a rollback deploy
# runs the steps of the workflow's commit, not those of the commit it deploys).
LOCAL = "$/.github/actions/"

SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s+v\d+(?:\.\d+){0,2}\s*$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
INPUT = re.compile(r"^\$\{\{\s*inputs\.([\w-]+)\s*\}\}$")
SECRET = re.compile(r"\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)")
PR_GUARD = "github.event.pull_request.head.repo.full_name == github.repository"
FORK = "github.event.pull_request.head.repo.full_name != github.repository"
# Dependabot PRs are treated as forks: they get neither secrets nor a writable token. (The PR's
# author, not github.actor, which the last pusher sets: zizmor's bot-conditions.)
NOT_DEPENDABOT = "github.event.pull_request.user.login != 'dependabot[bot]'"
DEPENDABOT = "github.event.pull_request.user.login == 'dependabot[bot]'"
MAIN_ONLY = "github.ref == 'refs/heads/main'"

# Inputs declared by the action.yml of each pinned release (read from the tagged commits).
ACTION_INPUTS: dict[str, set[str]] = {
    "actions/checkout": {
        "allow-unsafe-pr-checkout", "clean", "fetch-depth", "fetch-tags", "filter",
        "github-server-url", "lfs", "path", "persist-credentials", "ref", "repository",
        "set-safe-directory", "show-progress", "sparse-checkout", "sparse-checkout-cone-mode",
        "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user", "submodules", "token",
    },
    "astral-sh/setup-uv": {
        "activate-environment", "add-problem-matchers", "cache-dependency-glob",
        "cache-local-path", "cache-python", "cache-suffix", "checksum",
        "download-from-astral-mirror", "enable-cache", "github-token", "ignore-empty-workdir",
        "ignore-nothing-to-cache", "manifest-file", "no-project", "prune-cache",
        "python-version", "quiet", "resolution-strategy", "restore-cache", "save-cache",
        "tool-bin-dir", "tool-dir", "venv-path", "version", "version-file",
        "working-directory",
    },
    "actions/github-script": {
        "base-url", "debug", "github-token", "previews", "result-encoding", "retries",
        "retry-exempt-status-codes", "script", "user-agent",
    },
    "actions/upload-artifact": {
        "archive", "compression-level", "if-no-files-found", "include-hidden-files", "name",
        "overwrite", "path", "retention-days",
    },
    "actions/download-artifact": {
        "artifact-ids", "digest-mismatch", "github-token", "merge-multiple", "name", "path",
        "pattern", "repository", "run-id", "skip-decompress",
    },
    "pulumi/actions": {
        "command", "stack-name", "pulumi-version", "pulumi-version-file", "work-dir",
        "comment-on-pr", "comment-on-pr-number", "comment-on-summary", "github-token",
        "cloud-url", "secrets-provider", "parallel", "message", "config-map",
        "expect-no-changes", "diff", "replace", "exclude", "exclude-dependents", "target",
        "target-dependents", "policyPacks", "policyPackConfigs", "refresh", "upsert",
        "remove", "edit-pr-comment", "color", "exclude-protected", "plan", "suppress-outputs",
        "suppress-progress", "always-include-summary", "continue-on-error", "log-verbosity",
        "log-flow", "debug",
    },
}  # fmt: skip

# Exactly what each job may ask of GITHUB_TOKEN.
PERMISSIONS: dict[str, dict[str, dict[str, str]]] = {
    "ci": {
        "test": {"contents": "read"},
        "engine": {"contents": "read"},
        "e2e": {"contents": "read"},
        "diff": {"contents": "read"},
        "visual": {"contents": "read"},
        "comment": {"contents": "read", "pull-requests": "write"},
    },
    "preview": {
        "fork-notice": {},
        "local-e2e": {"contents": "read"},
        "deploy": {"contents": "read"},
        "e2e": {"contents": "read"},
        "snapshot": {"contents": "read"},
        "comment": {"contents": "read", "deployments": "write", "pull-requests": "write"},
        "destroy": {"contents": "read", "deployments": "write", "pull-requests": "write"},
    },
    "deploy": {
        "staging": {"contents": "read"},
        "e2e-staging": {"contents": "read"},
        "production": {"contents": "read"},
    },
    "reap": {"reap": {"contents": "read", "pull-requests": "read"}},
    "refresh": {"refresh": {"contents": "read"}},
    "rollback": {"rollback": {"contents": "read"}},
    # Never runs PR code: the one job that may write the images branch.
    "visual-comment": {
        "comment": {"actions": "read", "contents": "write", "pull-requests": "write"}
    },
}

# The only jobs that may read secrets.
SECRET_JOBS: dict[str, set[str]] = {
    "ci": set(),
    "preview": {"deploy", "destroy", "e2e"},
    "deploy": {"staging", "e2e-staging", "production"},
    "reap": {"reap"},
    "refresh": {"refresh"},
    "rollback": {"rollback"},
    "visual-comment": set(),
}
STRIPE_SECRETS = {"STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"}
STRIPE_JOBS = {("preview", "deploy"), ("deploy", "staging"), ("deploy", "production")}
# End-to-end tests of a deployed environment sign test webhooks: that secret and nothing else.
E2E_JOBS = {("preview", "e2e"), ("deploy", "e2e-staging")}

# Expressions that carry text an outsider controls (branch names, titles, bodies, ...).
UNTRUSTED = re.compile(
    r"github\.head_ref|github\.event\.(pull_request\.(title|body|head\.ref|head\.label)"
    r"|issue|comment|review|commits|head_commit|pages|discussion)"
)


def raw(name: str) -> str:
    return (WORKFLOWS / f"{name}.yml").read_text()


def raw_action(name: str) -> str:
    return (ACTIONS / name / "action.yml").read_text()


def composite(name: str) -> dict[str, Any]:
    return yaml.safe_load(raw_action(name))


def _resolve(value: Any, given: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _resolve(v, given) for k, v in cast(dict[str, Any], value).items()}
    if isinstance(value, list):
        return [_resolve(v, given) for v in cast(list[Any], value)]
    match = INPUT.match(value) if isinstance(value, str) else None
    return given[match[1]] if match else value


def expand(job_steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The steps, each use of a local composite action replaced by that action's steps, in
    which a value that is exactly `${{ inputs.X }}` becomes what the caller passes for X
    (or the input's default)."""
    out: list[dict[str, Any]] = []
    for step in job_steps:
        uses = step.get("uses")
        if isinstance(uses, str) and uses.startswith(LOCAL):
            meta = composite(uses.removeprefix(LOCAL))
            given = {
                key: step.get("with", {}).get(key, spec.get("default"))
                for key, spec in meta.get("inputs", {}).items()
            }
            out += expand([_resolve(inner, given) for inner in meta["runs"]["steps"]])
        else:
            out.append(step)
    return out


def load(name: str) -> dict[str, Any]:
    doc: dict[Any, Any] = yaml.safe_load(raw(name))
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def jobs(name: str) -> dict[str, dict[str, Any]]:
    return load(name)["jobs"]


def job_steps(name: str, job_id: str) -> list[dict[str, Any]]:
    return expand(jobs(name)[job_id]["steps"])


def steps(name: str) -> list[tuple[str, dict[str, Any]]]:
    return [(job_id, step) for job_id in jobs(name) for step in job_steps(name, job_id)]


def action(step: dict[str, Any]) -> str | None:
    uses = step.get("uses")
    return uses.split("@", 1)[0] if isinstance(uses, str) else None


def expressions(value: Any) -> list[str]:
    return [m.strip() for m in EXPRESSION.findall(yaml.safe_dump(value))]


def code_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_all_workflows_present() -> None:
    assert sorted(p.stem for p in WORKFLOWS.glob("*.y*ml")) == sorted(NAMES)


def test_composite_actions_are_local_and_all_used() -> None:
    assert sorted(p.name for p in ACTIONS.iterdir()) == sorted(COMPOSITES)
    used: set[str] = set()
    for name in NAMES:
        for line in raw(name).splitlines():
            match = USES_LINE.match(line)
            if match is not None and match["ref"].startswith(LOCAL):
                used.add(match["ref"].removeprefix(LOCAL))
        assert "uses: ./" not in raw(name), "use $/ for this repository's actions"
    assert used == set(COMPOSITES)
    for action_name in COMPOSITES:
        meta = composite(action_name)
        assert meta["runs"]["using"] == "composite"
        for step in meta["runs"]["steps"]:
            assert not str(step.get("uses", "")).startswith(("./", "$/")), "one level only"
            if "run" in step:
                assert step["shell"] == "bash"


def test_triggers() -> None:
    ci = load("ci")["on"]
    assert set(ci) == {"push", "pull_request"}
    assert ci["push"] is None, "CI runs on every push"
    assert ci["pull_request"] is None, "CI runs for every pull request"

    preview = load("preview")["on"]
    assert set(preview) == {"pull_request"}
    assert set(preview["pull_request"]["types"]) == {"opened", "synchronize", "reopened", "closed"}

    deploy = load("deploy")["on"]
    assert set(deploy) == {"push", "workflow_dispatch"}
    assert deploy["push"] == {"branches": ["main"]}
    ref = deploy["workflow_dispatch"]["inputs"]["ref"]
    assert ref["required"] is True
    assert ref["type"] == "string"

    reap = load("reap")["on"]
    assert set(reap) == {"schedule", "workflow_dispatch"}
    assert reap["schedule"][0]["cron"]
    apply = reap["workflow_dispatch"]["inputs"]["apply"]
    assert apply["type"] == "boolean"
    assert apply["default"] is False

    assert set(load("rollback")["on"]) == {"workflow_dispatch"}  # by hand only

    # After ci's and preview's runs, from the default branch: the PR's code is not in it.
    assert load("visual-comment")["on"] == {
        "workflow_run": {"workflows": ["ci", "preview"], "types": ["completed"]}
    }


@pytest.mark.parametrize("name", NAMES)
def test_no_pull_request_target(name: str) -> None:
    assert "pull_request_target" not in load(name)["on"]
    assert "pull_request_target" not in code_lines(raw(name))
    # The one workflow_run workflow is the one that runs no code of the PR (tested below).
    assert ("workflow_run" in load(name)["on"]) == (name == "visual-comment")


@pytest.mark.parametrize("name", NAMES)
def test_permissions_are_empty_at_top_and_minimal_per_job(name: str) -> None:
    assert load(name)["permissions"] == {}
    granted = {job_id: job.get("permissions") for job_id, job in jobs(name).items()}
    assert granted == PERMISSIONS[name]


def _texts() -> list[str]:
    return [raw(name) for name in NAMES] + [raw_action(name) for name in COMPOSITES]


@pytest.mark.parametrize("text", _texts(), ids=[*NAMES, *COMPOSITES])
def test_every_action_is_pinned_to_a_commit_with_its_version(text: str) -> None:
    for line in text.splitlines():
        match = USES_LINE.match(line)
        if match is None or match["ref"].startswith(LOCAL):
            continue
        assert SHA_PIN.match(match["ref"]), f"not pinned to a full commit SHA: {line.strip()}"
        assert VERSION_COMMENT.match(match["rest"]), f"no '# vX.Y.Z' comment: {line.strip()}"


@pytest.mark.parametrize("name", NAMES)
def test_every_step_uses_a_pinned_action(name: str) -> None:
    for _, step in steps(name):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]


def test_each_action_is_pinned_to_one_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for text in _texts():
        for line in text.splitlines():
            match = USES_LINE.match(line)
            if match is not None and not match["ref"].startswith(LOCAL):
                repo, _, sha = match["ref"].partition("@")
                pins.setdefault(repo, set()).add(f"{sha}{match['rest'].strip()}")
    assert set(pins) == set(ACTION_INPUTS)
    assert {repo: len(p) for repo, p in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("name", NAMES)
def test_action_inputs_exist(name: str) -> None:
    for job_id, step in steps(name):
        uses = action(step)
        if uses is not None:
            unknown = set(step.get("with", {})) - ACTION_INPUTS[uses]
            assert not unknown, f"{name}/{job_id}: {uses} has no input {unknown}"


@pytest.mark.parametrize("name", NAMES)
def test_checkout_does_not_persist_credentials(name: str) -> None:
    checkouts = [step for _, step in steps(name) if action(step) == "actions/checkout"]
    assert checkouts
    for step in checkouts:
        assert step["with"]["persist-credentials"] is False


def _own_steps(name: str) -> list[dict[str, Any]]:
    """The steps written in a workflow or a composite action, not expanded."""
    if name in COMPOSITES:
        return composite(name)["runs"]["steps"]
    return [step for job in jobs(name).values() for step in job["steps"]]


@pytest.mark.parametrize("name", [*NAMES, *COMPOSITES])
def test_no_expressions_inside_scripts(name: str) -> None:
    # Everything reaches run: and github-script through env:, so nothing is ever
    # spliced into code, trusted or not.
    for step in _own_steps(name):
        script = step.get("run") or step.get("with", {}).get("script") or ""
        assert "${{" not in script, f"{name}/{step.get('name')}: use env: instead"


@pytest.mark.parametrize("name", [*NAMES, *COMPOSITES])
def test_no_untrusted_text_anywhere(name: str) -> None:
    # Not even through env: no branch name, title or body is needed by any workflow.
    for expr in expressions(composite(name) if name in COMPOSITES else load(name)):
        assert not UNTRUSTED.search(expr), expr


@pytest.mark.parametrize("name", NAMES)
def test_jobs_have_timeouts(name: str) -> None:
    for job_id, job in jobs(name).items():
        assert isinstance(job.get("timeout-minutes"), int), job_id


def test_preview_jobs_are_guarded_against_forks_and_dependabot() -> None:
    preview = jobs("preview")
    for job_id in ("local-e2e", "deploy", "e2e", "snapshot", "comment", "destroy"):
        assert PR_GUARD in preview[job_id]["if"], job_id
        assert NOT_DEPENDABOT in preview[job_id]["if"], job_id
    assert f"({FORK} || {DEPENDABOT})" in preview["fork-notice"]["if"]
    assert preview["destroy"]["if"].endswith(" && github.event.action == 'closed'")
    assert preview["deploy"]["if"].endswith(" && github.event.action != 'closed'")
    assert preview["fork-notice"]["permissions"] == {}
    assert "secrets." not in yaml.safe_dump(preview["fork-notice"])


def test_ci_comment_only_for_prs_from_this_repository() -> None:
    assert PR_GUARD in jobs("ci")["comment"]["if"]


def test_preview_stack_name_comes_from_the_pr_number_only() -> None:
    doc = load("preview")
    assert doc["env"]["STACK"] == "pr-${{ github.event.pull_request.number }}"
    environment = doc["jobs"]["deploy"]["environment"]
    assert environment["url"] == "${{ steps.urls.outputs.web }}"


# Whose credentials each job holds: the GitHub environment whose secrets it reads. Production's
# and staging's exist only as secrets of their environments (deployments limited to main).
ENVIRONMENTS: dict[str, dict[str, str]] = {
    "preview": {"deploy": "preview", "e2e": "preview", "destroy": "preview"},
    "deploy": {"staging": "staging", "e2e-staging": "staging", "production": "production"},
    "reap": {"reap": "preview"},
    "refresh": {"refresh": "production"},
    # The stack chosen at dispatch, production or staging (see the rollback test).
    "rollback": {"rollback": "${{ inputs.stack }}"},
}


@pytest.mark.parametrize("name", NAMES)
def test_every_job_with_secrets_takes_them_from_its_own_environment(name: str) -> None:
    for job_id, job in jobs(name).items():
        expected = ENVIRONMENTS.get(name, {}).get(job_id)
        environment = job.get("environment")
        named = environment["name"] if isinstance(environment, dict) else environment
        assert named == expected, f"{name}/{job_id}"
        assert bool(SECRET.search(yaml.safe_dump(job))) == (expected is not None), job_id


def test_no_pull_request_job_names_production_or_staging() -> None:
    for name in NAMES:
        doc = load(name)
        if "pull_request" not in doc["on"]:
            continue
        for job_id, job in doc["jobs"].items():
            environment = yaml.safe_dump(job.get("environment", ""))
            assert "production" not in environment, f"{name}/{job_id}"
            assert "staging" not in environment, f"{name}/{job_id}"
    assert "pull_request" not in load("deploy")["on"]
    assert "pull_request" not in load("reap")["on"]


def test_the_pr_shows_view_deployment_through_the_deployments_api() -> None:
    comment = jobs("preview")["comment"]
    record = comment["steps"][0]
    assert record["if"] == "needs.deploy.result == 'success'"
    script = record["with"]["script"]
    assert "environment: `pr-${pr.number}`" in script
    assert "ref: pr.head.sha" in script
    assert "environment_url: process.env.WEB" in script
    assert record["env"]["WEB"] == "${{ needs.deploy.outputs.web }}"
    (inactive,) = [s for s in jobs("preview")["destroy"]["steps"] if "state: 'inactive'" in str(s)]
    assert "environment: `pr-${pr.number}`" in inactive["with"]["script"]


def _concurrency(doc: dict[str, Any], job_id: str) -> dict[str, Any]:
    return doc["jobs"][job_id].get("concurrency") or doc["concurrency"]


def test_preview_runs_one_at_a_time_per_pr_and_never_cancels() -> None:
    doc = load("preview")
    for job_id in ("deploy", "destroy"):
        concurrency = _concurrency(doc, job_id)
        assert "github.event.pull_request.number" in concurrency["group"]
        assert concurrency["cancel-in-progress"] is False


def test_deploy_and_reap_never_cancel() -> None:
    deploy = load("deploy")
    for job_id in ("staging", "production"):
        assert _concurrency(deploy, job_id)["cancel-in-progress"] is False
    assert load("reap")["concurrency"]["cancel-in-progress"] is False
    assert load("rollback")["concurrency"] == {
        "group": "rollback-${{ inputs.stack }}",  # not deploy's: it must not wait behind one
        "cancel-in-progress": False,
    }


def test_production_waits_for_staging_behind_its_environment() -> None:
    deploy = jobs("deploy")
    assert deploy["staging"]["environment"]["name"] == "staging"
    assert deploy["production"]["environment"]["name"] == "production"
    needs = deploy["production"]["needs"]
    assert "staging" in ([needs] if isinstance(needs, str) else needs)
    # Production deploys the very commit staging got, with the same steps.
    assert deploy["production"]["env"]["DEPLOY_REF"] == "${{ needs.staging.outputs.sha }}"
    assert deploy["production"]["steps"] == deploy["staging"]["steps"]
    assert deploy["staging"]["env"]["STACK"] == "staging"
    assert deploy["production"]["env"]["STACK"] == "production"
    assert deploy["staging"]["env"]["STRIPE_MODE"] == "test"
    assert deploy["production"]["env"]["STRIPE_MODE"] == "live"


def test_dispatch_ref_only_reaches_checkout() -> None:
    text = raw("deploy")
    assert text.count("inputs.ref") == 1
    assert "DEPLOY_REF: ${{ inputs.ref || github.sha }}" in text
    staging = jobs("deploy")["staging"]["steps"]
    assert staging[0]["with"]["ref"] == "${{ env.DEPLOY_REF }}"
    # ... and must name a commit of the default branch (a rollback, not a side deploy).
    assert "git merge-base --is-ancestor" in staging[1]["run"]
    assert staging[1]["id"] == "rev"


def test_ci_has_no_secrets() -> None:
    assert "secrets." not in raw("ci")
    assert "environment" not in jobs("ci")["test"]


@pytest.mark.parametrize("name", COMPOSITES)
def test_composite_actions_read_no_secrets(name: str) -> None:
    # They see what the calling job's env holds, and nothing more.
    assert "secrets." not in raw_action(name)
    assert "github.token" not in raw_action(name)


def test_preview_jobs_share_one_credentials_block() -> None:
    preview = jobs("preview")
    assert preview["deploy"]["env"] == preview["destroy"]["env"]
    assert raw("preview").count("secrets.PULUMI_ACCESS_TOKEN") == 1


@pytest.mark.parametrize("name", NAMES)
def test_secrets_only_in_jobs_that_need_them(name: str) -> None:
    doc = load(name)
    assert not SECRET.search(yaml.safe_dump({k: v for k, v in doc.items() if k != "jobs"}))
    for job_id, job in doc["jobs"].items():
        used = set(SECRET.findall(yaml.safe_dump(job)))
        if job_id not in SECRET_JOBS[name]:
            assert not used, f"{name}/{job_id} reads {used}"
        if (name, job_id) in E2E_JOBS:
            assert used == {"STRIPE_WEBHOOK_SECRET"}, f"{name}/{job_id} reads {used}"
        elif (name, job_id) not in STRIPE_JOBS:
            assert not used & STRIPE_SECRETS, f"{name}/{job_id} reads Stripe secrets"


@pytest.mark.parametrize(("name", "job_id"), sorted(STRIPE_JOBS))
def test_stack_secrets_go_through_stdin(name: str, job_id: str) -> None:
    job = jobs(name)[job_id]
    (step,) = [s for s in job["steps"] if "pulumi config set" in s.get("run", "")]
    # Only this step sees the Stripe values, and only in its env.
    assert set(SECRET.findall(yaml.safe_dump(step["env"]))) == STRIPE_SECRETS
    assert not set(SECRET.findall(yaml.safe_dump(job.get("env", {})))) & STRIPE_SECRETS
    script = step["run"]
    for key, var in (
        ("codex:stripeSecretKey", "STRIPE_SECRET_KEY"),
        ("codex:stripeWebhookSecret", "STRIPE_WEBHOOK_SECRET"),
    ):
        assert f"printf '%s' \"${var}\" | pulumi config set --secret {key}\n" in script
    for line in script.splitlines():
        if "pulumi" in line and "STRIPE_" in line:
            assert line.strip().startswith("printf '%s' \"$STRIPE_"), line


def _pulumi_call(name: str, job_id: str, command: str) -> dict[str, Any]:
    """The job's use of the pulumi-retry action for `command`."""
    (call,) = [
        s
        for s in jobs(name)[job_id]["steps"]
        if s.get("uses") == f"{LOCAL}pulumi-retry" and s["with"]["command"] == command
    ]
    return call


def _retry_script(name: str, job_id: str) -> str:
    (step,) = [s for s in job_steps(name, job_id) if "pulumi cancel" in s.get("run", "")]
    return step["run"]


@pytest.mark.parametrize(
    ("name", "job_id", "command"),
    [
        ("preview", "deploy", "up"),
        ("preview", "destroy", "destroy"),
        ("deploy", "staging", "up"),
        ("deploy", "production", "up"),
    ],
)
def test_pulumi_recovers_once_then_retries_once(name: str, job_id: str, command: str) -> None:
    call = _pulumi_call(name, job_id, command)
    assert call["with"]["stack-name"] == "${{ env.STACK }}"
    script = code_lines(_retry_script(name, job_id))
    assert '"$COMMAND" --yes --non-interactive --refresh --diff --stack "$STACK"' in script
    # The first try, then (on failure) the verdict on the lock, then one more try at most.
    first = script.index("if attempt; then exit 0; fi")
    verdict = script.index('codex-infra stale-lock "$log"')
    cancel = script.index('pulumi cancel --yes --stack "$STACK"')
    recover = script.index("--clear-pending-creates")
    retry = script.rindex("attempt")
    assert first < verdict < cancel < recover < retry
    assert script.count("attempt") == 3  # defined, first try, retry
    # A lock that may be live is never cancelled: the job fails and says why.
    live = script[script.index("live)") : script.index("stale)")]
    assert "exit 1" in live
    assert "pulumi cancel" not in live
    assert "stale)" in script[verdict:cancel]


def test_after_every_up_a_refreshed_preview_must_be_empty() -> None:
    meta = composite("pulumi-retry")
    (drift,) = [s for s in meta["runs"]["steps"] if "--expect-no-changes" in s.get("run", "")]
    assert drift["if"] == "inputs.command == 'up'"
    assert "pulumi preview --refresh --expect-no-changes" in drift["run"]
    assert meta["inputs"]["drift"]["default"] == "warn"  # until the stacks are known clean
    assert '"$DRIFT" = fail' in drift["run"]
    assert "::warning::" in drift["run"]
    for name, job_id in (("preview", "deploy"), ("deploy", "staging"), ("deploy", "production")):
        assert "drift" not in _pulumi_call(name, job_id, "up")["with"], "warn for now"


def test_one_recovery_sequence_and_one_comment_script() -> None:
    # The shared pieces live once, in the composite actions, and nowhere else.
    text = "\n".join(code_lines(t) for t in _texts())
    for piece in (
        "pulumi cancel",
        "--clear-pending-creates",
        "issues.updateComment",
        "pulumi stack output --json",
        "${url}${HEALTH_PATH}",
    ):
        assert text.count(piece) == 1, piece


@pytest.mark.parametrize(
    ("name", "job_id"), [("preview", "deploy"), ("deploy", "staging"), ("deploy", "production")]
)
def test_every_up_runs_the_policy_pack(name: str, job_id: str) -> None:
    assert _pulumi_call(name, job_id, "up")["with"]["policy-packs"] == "policy"
    assert '--policy-pack "$POLICY_PACKS"' in _retry_script(name, job_id)
    assert (REPO / "policy" / "PulumiPolicy.yaml").is_file()


def test_preview_creates_the_stack_on_first_use_and_removes_it() -> None:
    deploy = job_steps("preview", "deploy")
    assert any("pulumi stack select --create" in s.get("run", "") for s in deploy)
    destroy_call = _pulumi_call("preview", "destroy", "destroy")
    assert "policy-packs" not in destroy_call["with"]
    assert destroy_call["if"] == "steps.stack.outputs.exists == 'true'"
    destroy = job_steps("preview", "destroy")
    exists = next(s for s in destroy if s.get("id") == "stack")
    assert "never existed" in exists["run"]
    assert any("pulumi stack rm" in s.get("run", "") for s in destroy)
    check = next(s for s in destroy if "console.neon.tech" in s.get("run", ""))
    assert "preview/pr-${PR_NUMBER}" in check["run"]
    assert '"-preview-${PR_NUMBER}"' in check["run"]


def test_preview_stops_before_creating_a_stack_that_would_not_fit() -> None:
    steps = job_steps("preview", "deploy")

    def index(piece: str) -> int:
        (found,) = [i for i, s in enumerate(steps) if piece in code_lines(s.get("run", ""))]
        return found

    guard = index('codex-infra capacity --check-new "$STACK"')
    bundles = index("WORKER_BUILD_COMMAND")  # the plan it counts from reads the bundles
    assert bundles < guard < index("pulumi stack select --create") < index("pulumi cancel")
    script = steps[guard]["run"]
    # Exit 3 is the command's "no room"; any other failure fails the job as it is.
    assert f'if [ "$status" = {NO_ROOM} ]; then' in script
    assert 'exit "$status"' in script
    assert "::error title=No room for this preview::" in script
    assert "reap" in script
    assert '>> "$GITHUB_STEP_SUMMARY"' in script
    # It counts with the job's own preview credentials: nothing added to the step.
    assert "env" not in steps[guard]
    assert {"CLOUDFLARE_API_TOKEN", "NEON_API_KEY"} <= set(jobs("preview")["deploy"]["env"])


def test_production_stacks_are_never_created_by_ci() -> None:
    for job_id in ("staging", "production"):
        scripts = [code_lines(s.get("run", "")) for s in job_steps("deploy", job_id)]
        assert not any("--create" in script for script in scripts)
    assert "upsert" not in raw_action("pulumi-retry")


@pytest.mark.parametrize(("name", "job_id"), [("preview", "deploy"), ("deploy", "staging")])
def test_deploys_build_bundles_smoke_check_and_use_an_environment(name: str, job_id: str) -> None:
    job = jobs(name)[job_id]
    all_steps = job_steps(name, job_id)
    names = [s.get("name", "") for s in all_steps]
    assert "Build Worker bundles" in names
    smoke = next(s for s in all_steps if s.get("name", "").startswith("Smoke check"))
    assert "deadline" in smoke["run"]
    assert smoke["env"]["HEALTH_PATH"] == "/healthz"
    assert '"${url}${HEALTH_PATH}"' in smoke["run"]
    assert '[ "$code" -lt 300 ]' in smoke["run"]
    for output in ("web", "auth", "stripe"):
        assert f"steps.urls.outputs.{output}" in smoke["env"]["URLS"]
    assert "environment" in job


def _comments(name: str, job_id: str) -> list[dict[str, Any]]:
    return [
        s
        for s in job_steps(name, job_id)
        if action(s) == "actions/github-script" and "updateComment" in s["with"]["script"]
    ]


def test_comments_are_edited_in_place_from_a_file() -> None:
    for job_id, create in (("comment", "true"), ("destroy", False)):
        (step,) = _comments("preview", job_id)
        assert step["env"]["MARKER"] == "<!-- codex-infra:preview -->", job_id
        assert step["env"]["CREATE"] == create, "the destroy job only updates the comment"
        assert step["env"]["BODY_FILE"] == "${{ runner.temp }}/comment.md"
    (ci,) = _comments("ci", "comment")
    assert ci["env"]["MARKER"] == "<!-- codex-infra:diff -->"
    script = ci["with"]["script"]
    assert "fs.readFileSync(process.env.BODY_FILE" in script
    assert "startsWith(marker)" in script
    assert "createComment" in script
    assert "process.env.CREATE === 'true'" in script


def test_the_diff_report_reaches_the_comment_as_a_file_and_fits() -> None:
    """Linux refuses one environment string over 128 KiB: the report never goes through env
    (nor through a job output into an action input, which reaches the action as env)."""
    ci = jobs("ci")
    upload = next(s for s in ci["diff"]["steps"] if action(s) == "actions/upload-artifact")
    assert upload["with"] == {"name": "diff-report", "path": "diff.md", "retention-days": 14}
    assert "outputs" not in ci["diff"]
    download, sticky = ci["comment"]["steps"]
    assert action(download) == "actions/download-artifact"
    assert download["with"] == {"name": "diff-report"}
    assert sticky["with"]["body-file"] == "diff.md"
    assert "diff-report artifact" in sticky["with"]["full-text-at"]
    assert "report" not in yaml.safe_dump(ci["comment"]).replace("diff-report", "")
    meta = composite("sticky-comment")
    assert "body" not in meta["inputs"]
    script = meta["runs"]["steps"][0]["with"]["script"]
    assert "const limit = 65536;" in script
    assert "marker.length + 1 + text.length > limit" in script
    assert "process.env.FULL_TEXT_AT" in script


def test_the_comment_is_cut_to_fit_with_a_pointer_to_the_full_text(tmp_path: Path) -> None:
    """The action's own script, run under Node with a stub of github-script's globals."""
    script = composite("sticky-comment")["runs"]["steps"][0]["with"]["script"]
    (tmp_path / "body.md").write_text("x" * 100_000 + "\n")
    harness = (
        "const github = {paginate: async () => [], rest: {issues: {"
        "listComments: null, updateComment: null,"
        "createComment: async (a) => calls.push(a.body)}}};\n"
        "const context = {repo: {}, payload: {pull_request: {number: 1}}};\n"
    )
    env = {
        "MARKER": "<!-- m -->",
        "BODY_FILE": str(tmp_path / "body.md"),
        "FULL_TEXT_AT": "the job summary",
        "CREATE": "true",
    }
    (body,) = _run_script(script, harness, env, tmp_path)
    assert len(body) <= 65536
    assert body.startswith("<!-- m -->\nxxx")
    assert body.endswith("the full text is in the job summary.")


def _node_bin() -> Path:
    from codex_infra.local.workers import node

    return node().parent


def test_ci_runs_the_project_checks() -> None:
    scripts = "\n".join(step.get("run", "") for _, step in steps("ci"))
    for command in (
        "uv sync --frozen",
        "uv run ruff check .",
        "uv run ruff format --check .",
        "uv run pyright",
        "uv run pytest",
        ".ci/lint-workflows",
        "uv run codex-infra check",
        'uv run codex-infra diff "$base"',
    ):
        assert command in scripts, command
    assert "for stack in production staging pr-1" in scripts


def test_ci_runs_the_engine_tests_with_the_official_cli_of_the_built_version() -> None:
    """GitHub installs the release of the version .ci/build-pulumi builds here (tools/pulumi-cli),
    and the engine tests may not skip there."""
    engine = jobs("ci")["engine"]
    (install,) = [s for s in engine["steps"] if action(s) == "pulumi/actions"]
    go_mod = (REPO / "tools" / "pulumi-cli" / "go.mod").read_text()
    built = re.search(r"github.com/pulumi/pulumi/pkg/v3 v(\S+)", go_mod)
    assert built is not None
    assert install["with"] == {"pulumi-version": built.group(1)}
    (run,) = [s for s in engine["steps"] if "run" in s and "pytest" in s["run"]]
    assert run["run"] == "uv run pytest -m engine"
    assert run["env"]["CODEX_ENGINE_TESTS"] == "required"
    assert "secrets." not in yaml.safe_dump(engine)


def test_reap_applies_on_schedule_and_on_request() -> None:
    (step,) = [s for _, s in steps("reap") if "codex-infra reap" in s.get("run", "")]
    assert step["env"]["APPLY"] == "${{ github.event_name == 'schedule' || inputs.apply }}"
    assert "uv run codex-infra reap --apply" in step["run"]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_pulumi_cli_is_not_older_than_the_locked_sdk() -> None:
    lock = tomllib.loads((REPO / "uv.lock").read_text())
    (sdk,) = [p["version"] for p in lock["package"] if p["name"] == "pulumi"]
    for name in ("preview", "deploy", "reap"):
        assert _version(str(load(name)["env"]["PULUMI_VERSION"])) >= _version(sdk), name


def _merge_keys(node: yaml.Node) -> list[str]:
    found: list[str] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "<<":
                found.append(f"merge key at line {key.start_mark.line + 1}")
            found += _merge_keys(key) + _merge_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found += _merge_keys(item)
    return found


class _Sharing(yaml.SafeLoader):
    """Records every anchor and alias the composer meets: loading resolves them away, and the
    runner refuses them in action metadata."""

    seen: list[str]

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            self.seen.append(f"alias *{event.anchor} at line {line}")
        elif getattr(event, "anchor", None):
            self.seen.append(f"anchor &{event.anchor} at line {line}")
        return super().compose_node(parent, index)


def _yaml_sharing(text: str) -> list[str]:
    """Anchors, aliases and merge keys in a document, as the YAML is written."""
    loader = _Sharing(text)
    loader.seen = []
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    return loader.seen + (_merge_keys(node) if node is not None else [])


@pytest.mark.parametrize("name", COMPOSITES)
def test_action_metadata_has_no_anchors_aliases_or_merge_keys(name: str) -> None:
    assert _yaml_sharing(raw_action(name)) == []


def test_the_anchor_check_would_have_caught_the_old_retry_action() -> None:
    old = "steps:\n  - with: &pulumi\n      command: up\n  - with: *pulumi\n  - <<: *pulumi\n"
    assert _yaml_sharing(old) == [
        "anchor &pulumi at line 2",
        "alias *pulumi at line 4",
        "alias *pulumi at line 5",
        "merge key at line 5",
    ]


@pytest.mark.parametrize("name", ["deploy", "reap", "refresh", "rollback"])
def test_jobs_with_production_credentials_run_for_main_only(name: str) -> None:
    for job_id, job in jobs(name).items():
        assert MAIN_ONLY in job["if"], f"{name}/{job_id}"


def test_production_has_a_gate_where_environments_cannot_have_reviewers() -> None:
    deploy = load("deploy")
    production = deploy["jobs"]["production"]
    assert production["environment"]["name"] == "production"
    assert production["if"] == (
        "github.ref == 'refs/heads/main' && "
        "(github.event_name != 'workflow_dispatch' || inputs.production) && "
        "(vars.PRODUCTION_GATE != 'dispatch' || github.event_name == 'workflow_dispatch')"
    )
    assert deploy["on"]["workflow_dispatch"]["inputs"]["production"]["type"] == "boolean"


def _e2e_call(name: str, job_id: str) -> dict[str, Any]:
    (call,) = [s for s in jobs(name)[job_id]["steps"] if s.get("uses") == f"{LOCAL}e2e"]
    assert call["with"]["command"] == "${{ vars.E2E_TEST_COMMAND }}"
    return call


def test_every_pr_runs_the_e2e_tests_on_a_local_replica_without_secrets() -> None:
    ci = jobs("ci")
    assert "if" not in ci["e2e"]  # forks and Dependabot too
    call = _e2e_call("ci", "e2e")
    assert call["with"]["local-stack"] == "pr-${{ github.event.pull_request.number || 1 }}"
    assert call["with"]["environment"] == "preview"
    (step,) = [s for s in job_steps("ci", "e2e") if s.get("id") == "e2e"]
    assert 'codex-infra local run "$LOCAL_STACK" -- bash -c "$command"' in step["run"]
    assert "uv run --frozen pytest e2e/contract " in step["run"]  # the contract by default


@pytest.mark.parametrize(
    ("command", "contract", "called", "outcome"),
    [
        ("", True, "pytest e2e/contract -q -n0 -p no:cacheprovider -rs", "passed"),
        ("npm run test:e2e", True, "npm run test:e2e", "passed"),
        ("npm run test:e2e", False, "npm run test:e2e", "passed"),
        ("", False, None, "skipped"),  # a rollback to a commit from before the contract
    ],
)
def test_the_e2e_step_runs_the_contract_unless_the_team_names_its_command(
    tmp_path: Path, command: str, contract: bool, called: str | None, outcome: str
) -> None:
    """The action's own script, `uv` stubbed on PATH: `local run STACK -- bash -c CMD` runs CMD."""
    (tmp_path / "uv").write_text(
        '#!/bin/sh\necho "uv $*" >> "$CALLS"\ncase "$*" in *" -- "*) ;; *) exit 0 ;; esac\n'
        'while [ "$1" != "--" ]; do shift; done\nshift\nexec "$@"\n'
    )
    (tmp_path / "npm").write_text('#!/bin/sh\necho "npm $*" >> "$CALLS"\n')
    for stub in ("uv", "npm"):
        (tmp_path / stub).chmod(0o755)
    checkout = tmp_path / "checkout"
    (checkout / "e2e" / ("contract" if contract else "")).mkdir(parents=True)
    (step,) = composite("e2e")["runs"]["steps"]
    env = {
        "PATH": f"{tmp_path}:/usr/bin:/bin",
        "CALLS": str(tmp_path / "calls"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"),
        "E2E_TEST_COMMAND": command,
        "LOCAL_STACK": "pr-3",
    }
    result = subprocess.run(
        ["bash", "-c", step["run"]],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output").read_text() == f"outcome={outcome}\n"
    if called is None:
        assert "no e2e/contract and E2E_TEST_COMMAND is not set" in result.stdout
        assert not (tmp_path / "calls").exists()
    else:
        local, run = (tmp_path / "calls").read_text().splitlines()
        assert local.startswith("uv run --frozen codex-infra local run pr-3 -- bash -c ")
        assert run.endswith(called)


def test_a_preview_is_deployed_only_after_its_local_e2e_passed_then_tested_again() -> None:
    preview = jobs("preview")
    assert preview["deploy"]["needs"] == "local-e2e"
    # Nothing that would run the deploy after a failed (or skipped) gate.
    assert not re.search(r"always\(\)|cancelled\(\)|failure\(\)", preview["deploy"]["if"])
    assert _e2e_call("preview", "local-e2e")["with"]["local-stack"] == "${{ env.STACK }}"
    assert preview["e2e"]["needs"] == "deploy"
    deployed = _e2e_call("preview", "e2e")["with"]
    for name in ("web", "auth", "stripe"):
        assert deployed[name] == f"${{{{ needs.deploy.outputs.{name} }}}}"
        assert preview["deploy"]["outputs"][name] == f"${{{{ steps.urls.outputs.{name} }}}}"
    comment = preview["comment"]
    assert comment["needs"] == ["local-e2e", "deploy", "e2e", "snapshot"]
    assert comment["if"].startswith("always() && ")
    (written,) = [s for s in comment["steps"] if s.get("name") == "Write the comment"]
    for job_id, var in (
        ("local-e2e", "LOCAL_E2E"),
        ("deploy", "DEPLOY"),
        ("e2e", "E2E"),
        ("snapshot", "SNAPSHOT"),
    ):
        assert written["env"][var] == f"${{{{ needs.{job_id}.result }}}}"
        assert f"${{{var}}} |" in written["run"]


def test_production_waits_for_the_e2e_tests_on_staging() -> None:
    deploy = jobs("deploy")
    assert deploy["e2e-staging"]["needs"] == "staging"
    assert deploy["e2e-staging"]["environment"]["name"] == "staging"
    assert deploy["production"]["needs"] == ["staging", "e2e-staging"]
    staging = _e2e_call("deploy", "e2e-staging")["with"]
    assert staging["web"] == "${{ needs.staging.outputs.web }}"
    assert staging["environment"] == "staging"
    smoke = [s for s in job_steps("deploy", "production") if s.get("name", "").startswith("Smoke")]
    assert smoke, "production ends with the smoke check"


_PULUMI_STUB = """#!/bin/sh
echo "pulumi $*" >> "$CALLS"
case "$1" in
  up|destroy)
    count=$(grep -c "^pulumi $1" "$CALLS")
    if [ "$count" -eq 1 ]; then echo "$FIRST_FAILURE"; exit 255; fi
    [ "$RETRY" = ok ] || exit 255 ;;
  stack) echo "[]" ;;
esac
"""
_UV_STUB = """#!/bin/sh
echo "uv $*" >> "$CALLS"
echo "$VERDICT"
"""


@pytest.mark.parametrize(
    ("verdict", "retry", "code", "calls"),
    [
        ("live", "ok", 1, ["up", "stack history", "uv stale-lock"]),
        ("stale", "ok", 0, ["up", "stack history", "uv stale-lock", "cancel", "refresh", "up"]),
        ("none", "ok", 0, ["up", "stack history", "uv stale-lock", "refresh", "up"]),
        ("none", "fails", 255, ["up", "stack history", "uv stale-lock", "refresh", "up"]),
    ],
)
def test_the_retry_script_cancels_only_a_stale_lock(
    tmp_path: Path, verdict: str, retry: str, code: int, calls: list[str]
) -> None:
    """The action's own script, with `pulumi` and `uv` stubbed on PATH."""
    for name, stub in (("pulumi", _PULUMI_STUB), ("uv", _UV_STUB)):
        (tmp_path / name).write_text(stub)
        (tmp_path / name).chmod(0o755)
    (step,) = [s for s in composite("pulumi-retry")["runs"]["steps"] if "attempt" in s["run"]]
    env = {
        "PATH": f"{tmp_path}:/usr/bin:/bin",
        "CALLS": str(tmp_path / "calls"),
        "RUNNER_TEMP": str(tmp_path),
        "COMMAND": "up",
        "STACK": "pr-1",
        "POLICY_PACKS": "policy",
        "FIRST_FAILURE": "error: the stack is currently locked by 1 lock(s).",
        "VERDICT": verdict,
        "RETRY": retry,
    }
    result = subprocess.run(
        ["bash", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=30
    )
    assert result.returncode == code, result.stdout + result.stderr
    made = [line.split(" ", 1)[1] for line in (tmp_path / "calls").read_text().splitlines()]
    assert [
        "uv stale-lock"
        if c.startswith("run --frozen codex-infra stale-lock")
        else c.split(" --")[0]
        for c in made
    ] == calls
    assert (
        made[0] == "up --yes --non-interactive --refresh --diff --stack pr-1 --policy-pack policy"
    )
    if verdict == "live":
        assert "not cancelling it" in result.stdout


def test_refresh_fills_the_parent_from_production_on_main_only_then_resets_staging() -> None:
    doc = load("refresh")
    assert set(doc["on"]) == {"schedule", "workflow_dispatch"}
    (job,) = doc["jobs"].values()
    assert job["environment"]["name"] == "production"
    assert job["if"] == MAIN_ONLY
    copy, reset = job["steps"][-2:]
    # URLs through the environment, never on a command line; masked as Pulumi.yaml says.
    assert set(copy["env"]) == {"REFRESH_FROM", "REFRESH_TO", "CODEX_MASK_KEY"}
    assert 'codex-infra refresh --mask "$mask" --yes' in copy["run"]
    assert "--from" not in copy["run"]
    assert reset["run"] == "uv run --frozen codex-infra reset staging"
    assert set(SECRET.findall(yaml.safe_dump(reset))) == {"NONPRODUCTION_NEON_API_KEY"}
    config = yaml.safe_load((PROJECT_DIR / "Pulumi.yaml").read_text())["config"]
    assert (PROJECT_DIR / config["maskFile"]["default"]).is_file()


def test_rollback_runs_the_command_in_the_stacks_environment_with_its_token_only() -> None:
    doc = load("rollback")
    inputs = doc["on"]["workflow_dispatch"]["inputs"]
    assert inputs["stack"] == {
        "description": "Stack to roll back",
        "required": True,
        "default": "production",
        "type": "choice",
        "options": ["production", "staging"],
    }
    assert inputs["versions"]["type"] == "string"
    assert inputs["versions"]["required"] is False
    (job,) = doc["jobs"].values()
    # GitHub refuses a choice outside the options; the job checks it all the same, so that no
    # other environment (a new one would hand out repository secrets) is ever named.
    assert job["if"] == (
        f"{MAIN_ONLY} && (inputs.stack == 'production' || inputs.stack == 'staging')"
    )
    assert job["environment"] == {"name": "${{ inputs.stack }}"}
    assert set(SECRET.findall(yaml.safe_dump(doc))) == {"CLOUDFLARE_API_TOKEN"}
    assert job["timeout-minutes"] <= 10
    # Python and uv only: the command plans offline and calls Cloudflare, no Pulumi CLI.
    assert [action(s) for s in job["steps"] if "uses" in s] == [
        "actions/checkout",
        "astral-sh/setup-uv",
    ]
    assert "pulumi" not in code_lines(raw("rollback")).replace("codex-infra rollback", "")
    sync, command = [s for s in job["steps"] if "run" in s]
    assert sync["run"] == "uv sync --frozen --no-dev"
    assert command["env"] == {
        "STACK": "${{ inputs.stack }}",
        "VERSIONS": "${{ inputs.versions }}",
        "CLOUDFLARE_API_TOKEN": "${{ secrets.CLOUDFLARE_API_TOKEN }}",
    }


@pytest.mark.parametrize(
    ("versions", "expected"),
    [
        ("", []),
        (
            "  codex-web-production=v1   auth-worker-production=v2 ",
            ["--to", "codex-web-production=v1", "--to", "auth-worker-production=v2"],
        ),
        ("a=* b=$(id)", ["--to", "a=*", "--to", "b=$(id)"]),
    ],
)
def test_rollback_turns_each_version_pair_into_one_to(
    tmp_path: Path, versions: str, expected: list[str]
) -> None:
    """The step's own script, `uv` stubbed on PATH: the pairs arrive as separate arguments,
    never globbed or evaluated."""
    (tmp_path / "uv").write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$CALLS"\n')
    (tmp_path / "uv").chmod(0o755)
    (tmp_path / "a=x").write_text("")  # what a glob of `a=*` would find
    (step,) = [
        s for s in jobs("rollback")["rollback"]["steps"] if "codex-infra" in s.get("run", "")
    ]
    env = {
        "PATH": f"{tmp_path}:/usr/bin:/bin",
        "CALLS": str(tmp_path / "calls"),
        "STACK": "production",
        "VERSIONS": versions,
    }
    subprocess.run(["bash", "-c", step["run"]], env=env, cwd=tmp_path, check=True, timeout=30)
    called = (tmp_path / "calls").read_text().splitlines()
    assert called == [
        *("run", "--frozen", "--no-dev", "codex-infra", "rollback", "production", "--yes"),
        *expected,
    ]


def test_the_visual_comment_job_cannot_run_pr_code() -> None:
    """It holds a write token, so nothing of the PR runs in it: no checkout of the head (its one
    checkout takes the default branch, where workflow_run runs), the artifact downloaded outside
    the workspace and read only by the default branch's `codex-infra visual-comment`."""
    doc = load("visual-comment")
    (job,) = doc["jobs"].values()
    assert job["if"] == "github.event.workflow_run.event == 'pull_request'"
    all_steps = job_steps("visual-comment", "comment")
    (checkout,) = [s for s in all_steps if action(s) == "actions/checkout"]
    assert checkout["with"] == {"persist-credentials": False}  # no ref, no repository
    (download,) = [s for s in all_steps if action(s) == "actions/download-artifact"]
    assert download["with"]["path"] == "${{ runner.temp }}/report"
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    text = code_lines(raw("visual-comment"))
    for head in ("head_sha }}", "head_branch", "head_repository", "pull_requests"):
        if head == "head_sha }}":
            # Only to find the PR whose head it is, through the env of a script.
            (step,) = [s for s in all_steps if "HEAD_SHA" in s.get("env", {})]
            assert step["env"]["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
            assert "p.head.sha === HEAD_SHA" in step["with"]["script"]
            assert "state: 'open'" in step["with"]["script"]
        else:
            assert head not in text, head
    commands = [line.strip() for s in all_steps for line in s.get("run", "").splitlines()]
    ran = [c for c in commands if c and not c.startswith(("#", "set ", "args", "if ", "images="))]
    assert ran == [
        "uv sync --frozen --no-dev",
        "fi",
        'uv run --frozen --no-dev codex-infra visual-comment "$RUNNER_TEMP/report" \\',
        '--kind "$KIND" --run-url "$RUN_URL" --output "$RUNNER_TEMP/comment.md" "${args[@]}"',
    ]
    # The artifact's own Markdown is never posted: the comment is what visual-comment wrote.
    assert "summary.md" not in text
    posts = [s for s in all_steps if action(s) == "actions/github-script" and "MARKER" in s["env"]]
    assert {s["env"]["BODY_FILE"] for s in posts} == {"${{ runner.temp }}/comment.md"}
    assert {s["env"]["ISSUE_NUMBER"] for s in posts} == {"${{ steps.pr.outputs.number }}"}


def test_the_jobs_that_render_pr_code_hold_no_write_token() -> None:
    """ci's comparison and preview's screenshots run the PR's program and pages: read-only
    token, no secrets, no environment; forks and Dependabot get the comparison too."""
    for name, job_id in (("ci", "visual"), ("preview", "snapshot")):
        job = jobs(name)[job_id]
        assert job["permissions"] == {"contents": "read"}, f"{name}/{job_id}"
        assert "environment" not in job
        assert not SECRET.search(yaml.safe_dump(job))
        assert job["env"] == {"VISUAL_BROWSER": "google-chrome"}
    assert jobs("ci")["visual"]["if"] == "github.event_name == 'pull_request'"


def test_every_pr_gets_the_visual_comparison_in_its_summary_and_as_an_artifact() -> None:
    steps_ = job_steps("ci", "visual")
    (run,) = [s for s in steps_ if "codex-infra visual" in s.get("run", "")]
    assert run["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert run["env"]["STACK"] == "pr-${{ github.event.pull_request.number }}"
    script = run["run"]
    assert 'codex-infra visual "$STACK" --base "$BASE_SHA" --output visual-report' in script
    assert '--build "$WORKER_BUILD_COMMAND"' in script  # both revisions built alike
    assert 'visual-report/summary.md >> "$GITHUB_STEP_SUMMARY"' in script
    (upload,) = [s for s in steps_ if action(s) == "actions/upload-artifact"]
    assert upload["with"] == {
        "name": "visual-report",
        "path": "visual-report",
        "retention-days": 14,
    }
    (checkout,) = [s for s in steps_ if action(s) == "actions/checkout"]
    assert checkout["with"]["fetch-depth"] == 0
    assert "visual-report" in load("visual-comment")["jobs"]["comment"]["env"]["ARTIFACT"]


def test_the_deployed_preview_is_snapshotted_into_its_comment() -> None:
    preview = jobs("preview")
    assert preview["snapshot"]["needs"] == "deploy"
    (run,) = [s for s in job_steps("preview", "snapshot") if "codex-infra" in s.get("run", "")]
    assert run["run"] == (
        'uv run codex-infra snapshot "$STACK" --url "$WEB" --output preview-snapshots'
    )
    assert run["env"] == {"WEB": "${{ needs.deploy.outputs.web }}"}
    (written,) = [s for s in preview["comment"]["steps"] if s.get("name") == "Write the comment"]
    assert 'echo "<!-- codex-infra:preview-snapshots -->"' in written["run"]
    assert 'echo "<!-- /codex-infra:preview-snapshots -->"' in written["run"]
    (fill,) = [
        s
        for s in jobs("visual-comment")["comment"]["steps"]
        if s.get("with", {}).get("section") == "preview-snapshots"
    ]
    assert fill["with"]["marker"] == "<!-- codex-infra:preview -->"
    assert fill["with"]["create"] is False


def _run_script(script: str, harness: str, env: dict[str, str], tmp_path: Path) -> Any:
    """A github-script step's own script under Node, with a stub of its globals (`harness`
    defines github, context and core; the script's calls land in `calls`)."""
    node = shutil.which("node", path=str(_node_bin()))
    assert node is not None
    program = (
        f"const calls = [];\n{harness}\n(async () => {{ {script}\n }})()"
        ".then(() => process.stdout.write(JSON.stringify(calls)));\n"
    )
    result = subprocess.run(
        [node, "-e", program],
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
        cwd=tmp_path,
    )
    return json.loads(result.stdout)


def test_a_section_of_a_comment_is_filled_in_and_never_created(tmp_path: Path) -> None:
    script = composite("sticky-comment")["runs"]["steps"][0]["with"]["script"]
    (tmp_path / "body.md").write_text("#### Screenshots\n")
    existing = (
        "<!-- codex-infra:preview -->\n### Preview\n<!-- codex-infra:preview-snapshots -->\n"
        "Screenshots of the preview: being published.\n<!-- /codex-infra:preview-snapshots -->"
        "\nClosing the PR destroys the preview."
    )

    def harness(comments: str) -> str:
        return (
            f"const github = {{paginate: async () => {comments}, rest: {{issues: {{"
            "listComments: null, updateComment: async (a) => calls.push(a),"
            "createComment: async (a) => calls.push(a)}}};\n"
            "const context = {repo: {}, payload: {}};\n"
        )

    env = {
        "MARKER": "<!-- codex-infra:preview -->",
        "BODY_FILE": str(tmp_path / "body.md"),
        "FULL_TEXT_AT": "the job summary",
        "CREATE": "false",
        "ISSUE_NUMBER": "7",
        "SECTION": "preview-snapshots",
    }
    mine = json.dumps([{"id": 3, "user": {"login": "github-actions[bot]"}, "body": existing}])
    (call,) = _run_script(script, harness(mine), env, tmp_path)
    assert call["comment_id"] == 3
    assert call["body"] == existing.replace(
        "Screenshots of the preview: being published.", "#### Screenshots\n"
    )
    assert _run_script(script, harness("[]"), env, tmp_path) == []  # no comment: none made


def test_the_images_branch_keeps_only_the_latest_run_of_open_prs(tmp_path: Path) -> None:
    """The publishing script under Node, the Git Data API stubbed: one parentless commit with
    this run's images and the other open PRs' folders; a closed PR's and older runs are gone."""
    (step,) = [
        s
        for s in jobs("visual-comment")["comment"]["steps"]
        if s.get("name", "").startswith("Publish")
    ]
    publish = tmp_path / "publish"
    (publish / "diffs").mkdir(parents=True)
    (publish / "diffs" / "card-abc123.desktop.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (publish / ".published").write_text("")
    harness = (
        "const github = {paginate: async () => [{number: 7}, {number: 8}], rest: {"
        "pulls: {list: null}, git: {"
        "getRef: async () => ({data: {object: {sha: 'old'}}}),"
        "getTree: async () => ({data: {tree: ["
        "{path: 'pr-7', mode: '040000', type: 'tree', sha: 't7'},"
        "{path: 'pr-8', mode: '040000', type: 'tree', sha: 't8'},"
        "{path: 'pr-5', mode: '040000', type: 'tree', sha: 't5'}]}}),"
        "createBlob: async (a) => { calls.push(['blob', a.encoding]); return {data: {sha: 'b1'}} },"
        "createTree: async (a) => { calls.push(['tree', a.tree]); return {data: {sha: 'tree'}} },"
        "createCommit: async (a) => {"
        " calls.push(['commit', a.parents]); return {data: {sha: 'c'}} }"
        ","
        "updateRef: async (a) => { calls.push(['ref', a.ref, a.sha, a.force]); },"
        "createRef: null}}};\n"
        "const context = {repo: {}};\n"
    )
    env = {
        "IMAGES_BRANCH": "codex-visual-images",
        "NUMBER": "7",
        "RUN_ID": "99",
        "RUNNER_TEMP": str(tmp_path),
    }
    calls = _run_script(step["with"]["script"], harness, env, tmp_path)
    assert calls == [
        ["blob", "base64"],
        [
            "tree",
            [
                {"path": "pr-8", "mode": "040000", "type": "tree", "sha": "t8"},
                {
                    "path": "pr-7/99/diffs/card-abc123.desktop.png",
                    "mode": "100644",
                    "type": "blob",
                    "sha": "b1",
                },
            ],
        ],
        ["commit", []],
        ["ref", "heads/codex-visual-images", "c", True],
    ]
