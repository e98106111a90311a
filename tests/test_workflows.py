"""Static checks of the GitHub Actions workflows (.github/workflows).

zizmor and actionlint (run by .ci/lint-workflows) cover the generic rules; these tests pin
down the decisions specific to this project: triggers, permissions, pinning, the fork
guard, concurrency that never cancels a Pulumi operation, and where secrets may appear.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
NAMES = ("ci", "preview", "deploy", "reap")

SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s+v\d+(?:\.\d+){0,2}\s*$")
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
SECRET = re.compile(r"\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)")
PR_GUARD = "github.event.pull_request.head.repo.full_name == github.repository"
FORK = "github.event.pull_request.head.repo.full_name != github.repository"

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
        "diff": {"contents": "read"},
        "comment": {"pull-requests": "write"},
    },
    "preview": {
        "fork-notice": {},
        "deploy": {"contents": "read", "pull-requests": "write"},
        "destroy": {"contents": "read", "deployments": "write", "pull-requests": "write"},
    },
    "deploy": {
        "staging": {"contents": "read"},
        "production": {"contents": "read"},
    },
    "reap": {"reap": {"contents": "read", "pull-requests": "read"}},
}

# The only jobs that may read secrets.
SECRET_JOBS: dict[str, set[str]] = {
    "ci": set(),
    "preview": {"deploy", "destroy"},
    "deploy": {"staging", "production"},
    "reap": {"reap"},
}
STRIPE_SECRETS = {"STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"}
STRIPE_JOBS = {("preview", "deploy"), ("deploy", "staging"), ("deploy", "production")}

# Expressions that carry text an outsider controls (branch names, titles, bodies, ...).
UNTRUSTED = re.compile(
    r"github\.head_ref|github\.event\.(pull_request\.(title|body|head\.ref|head\.label)"
    r"|issue|comment|review|commits|head_commit|pages|discussion)"
)


def raw(name: str) -> str:
    return (WORKFLOWS / f"{name}.yml").read_text()


def load(name: str) -> dict[str, Any]:
    doc: dict[Any, Any] = yaml.safe_load(raw(name))
    # YAML 1.1 reads the key `on` as the boolean True.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def jobs(name: str) -> dict[str, dict[str, Any]]:
    return load(name)["jobs"]


def steps(name: str) -> list[tuple[str, dict[str, Any]]]:
    return [(job_id, step) for job_id, job in jobs(name).items() for step in job["steps"]]


def action(step: dict[str, Any]) -> str | None:
    uses = step.get("uses")
    return uses.split("@", 1)[0] if isinstance(uses, str) else None


def expressions(value: Any) -> list[str]:
    return [m.strip() for m in EXPRESSION.findall(yaml.safe_dump(value))]


def code_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def test_all_workflows_present() -> None:
    assert sorted(p.stem for p in WORKFLOWS.glob("*.y*ml")) == sorted(NAMES)


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


@pytest.mark.parametrize("name", NAMES)
def test_no_pull_request_target(name: str) -> None:
    assert "pull_request_target" not in load(name)["on"]
    assert "pull_request_target" not in code_lines(raw(name))
    assert "workflow_run" not in load(name)["on"]


@pytest.mark.parametrize("name", NAMES)
def test_permissions_are_empty_at_top_and_minimal_per_job(name: str) -> None:
    assert load(name)["permissions"] == {}
    granted = {job_id: job.get("permissions") for job_id, job in jobs(name).items()}
    assert granted == PERMISSIONS[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_action_is_pinned_to_a_commit_with_its_version(name: str) -> None:
    for line in raw(name).splitlines():
        match = USES_LINE.match(line)
        if match is None:
            continue
        assert SHA_PIN.match(match["ref"]), f"not pinned to a full commit SHA: {line.strip()}"
        assert VERSION_COMMENT.match(match["rest"]), f"no '# vX.Y.Z' comment: {line.strip()}"
    for _, step in steps(name):
        if "uses" in step:
            assert SHA_PIN.match(step["uses"]), step["uses"]


def test_each_action_is_pinned_to_one_commit_everywhere() -> None:
    pins: dict[str, set[str]] = {}
    for name in NAMES:
        for line in raw(name).splitlines():
            match = USES_LINE.match(line)
            if match is not None:
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


@pytest.mark.parametrize("name", NAMES)
def test_no_expressions_inside_scripts(name: str) -> None:
    # Everything reaches run: and github-script through env:, so nothing is ever
    # spliced into code, trusted or not.
    for job_id, step in steps(name):
        script = step.get("run") or step.get("with", {}).get("script") or ""
        assert "${{" not in script, f"{name}/{job_id}/{step.get('name')}: use env: instead"


@pytest.mark.parametrize("name", NAMES)
def test_no_untrusted_text_anywhere(name: str) -> None:
    # Not even through env: no branch name, title or body is needed by any workflow.
    for expr in expressions(load(name)):
        assert not UNTRUSTED.search(expr), expr


@pytest.mark.parametrize("name", NAMES)
def test_jobs_have_timeouts(name: str) -> None:
    for job_id, job in jobs(name).items():
        assert isinstance(job.get("timeout-minutes"), int), job_id


def test_preview_jobs_are_guarded_against_forks() -> None:
    preview = jobs("preview")
    for job_id in ("deploy", "destroy"):
        assert PR_GUARD in preview[job_id]["if"], job_id
    assert FORK in preview["fork-notice"]["if"]
    assert "closed" in preview["destroy"]["if"]
    assert "!= 'closed'" in preview["deploy"]["if"]
    assert preview["fork-notice"]["permissions"] == {}
    assert "secrets." not in yaml.safe_dump(preview["fork-notice"])


def test_ci_comment_only_for_prs_from_this_repository() -> None:
    assert PR_GUARD in jobs("ci")["comment"]["if"]


def test_preview_stack_name_comes_from_the_pr_number_only() -> None:
    doc = load("preview")
    assert doc["env"]["STACK"] == "pr-${{ github.event.pull_request.number }}"
    environment = doc["jobs"]["deploy"]["environment"]
    assert environment["name"] == "pr-${{ github.event.pull_request.number }}"
    assert environment["url"] == "${{ steps.urls.outputs.web }}"


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


@pytest.mark.parametrize("name", NAMES)
def test_secrets_only_in_jobs_that_need_them(name: str) -> None:
    doc = load(name)
    assert not SECRET.search(yaml.safe_dump({k: v for k, v in doc.items() if k != "jobs"}))
    for job_id, job in doc["jobs"].items():
        used = set(SECRET.findall(yaml.safe_dump(job)))
        if job_id not in SECRET_JOBS[name]:
            assert not used, f"{name}/{job_id} reads {used}"
        if (name, job_id) not in STRIPE_JOBS:
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


def _pulumi(job: dict[str, Any], command: str) -> list[dict[str, Any]]:
    return [
        s
        for s in job["steps"]
        if action(s) == "pulumi/actions" and s.get("with", {}).get("command") == command
    ]


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
    job = jobs(name)[job_id]
    first, retry = _pulumi(job, command)
    assert first["continue-on-error"] is True
    assert "continue-on-error" not in retry, "the retry's failure must fail the job"
    failed = f"steps.{first['id']}.outcome == 'failure'"
    assert retry["if"] == failed
    assert first["with"] == retry["with"]
    assert first["with"]["refresh"] is True
    assert not first["with"].get("comment-on-pr"), "the action would post raw CLI output"
    (recover,) = [s for s in job["steps"] if "pulumi cancel" in s.get("run", "")]
    assert recover["if"] == failed
    assert "--clear-pending-creates" in recover["run"]
    order = [job["steps"].index(s) for s in (first, recover, retry)]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("name", "job_id"), [("preview", "deploy"), ("deploy", "staging"), ("deploy", "production")]
)
def test_every_up_runs_the_policy_pack(name: str, job_id: str) -> None:
    ups = _pulumi(jobs(name)[job_id], "up")
    assert ups
    assert all(step["with"]["policyPacks"] == "policy" for step in ups)
    assert (ROOT / "policy" / "PulumiPolicy.yaml").is_file()


def test_preview_creates_the_stack_on_first_use_and_removes_it() -> None:
    preview = jobs("preview")
    (up, _) = _pulumi(preview["deploy"], "up")
    assert up["with"]["upsert"] is True
    assert up["with"]["stack-name"] == "${{ env.STACK }}"
    deploy = preview["deploy"]["steps"]
    assert any("pulumi stack select --create" in s.get("run", "") for s in deploy)
    destroy = preview["destroy"]["steps"]
    exists = next(s for s in destroy if s.get("id") == "stack")
    assert "never existed" in exists["run"]
    assert any("pulumi stack rm" in s.get("run", "") for s in destroy)
    check = next(s for s in destroy if "console.neon.tech" in s.get("run", ""))
    assert "preview/pr-${PR_NUMBER}" in check["run"]
    assert '"-preview-${PR_NUMBER}"' in check["run"]


def test_production_stacks_are_never_created_by_ci() -> None:
    staging = jobs("deploy")["staging"]
    for step in _pulumi(staging, "up"):
        assert not step["with"].get("upsert")
    assert not any("stack select --create" in s.get("run", "") for s in staging["steps"])


@pytest.mark.parametrize(("name", "job_id"), [("preview", "deploy"), ("deploy", "staging")])
def test_deploys_build_bundles_smoke_check_and_use_an_environment(name: str, job_id: str) -> None:
    job = jobs(name)[job_id]
    names = [s.get("name", "") for s in job["steps"]]
    assert "Build Worker bundles" in names
    smoke = next(s for s in job["steps"] if s.get("name", "").startswith("Smoke check"))
    assert "deadline" in smoke["run"]
    assert smoke["env"]["HEALTH_PATH"] == "/healthz"
    assert '"${url}${HEALTH_PATH}"' in smoke["run"]
    assert '[ "$code" -lt 300 ]' in smoke["run"]
    assert "environment" in job


def test_preview_comment_is_edited_in_place() -> None:
    for job_id, marker in (("deploy", "codex-infra:preview"), ("destroy", "codex-infra:preview")):
        scripts = [
            s["with"]["script"]
            for s in jobs("preview")[job_id]["steps"]
            if action(s) == "actions/github-script"
        ]
        assert any(marker in s and "updateComment" in s for s in scripts), job_id
    (ci,) = [s for _, s in steps("ci") if action(s) == "actions/github-script"]
    assert "updateComment" in ci["with"]["script"]


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


def test_reap_applies_on_schedule_and_on_request() -> None:
    (step,) = [s for _, s in steps("reap") if "codex-infra reap" in s.get("run", "")]
    assert step["env"]["APPLY"] == "${{ github.event_name == 'schedule' || inputs.apply }}"
    assert "uv run codex-infra reap --apply" in step["run"]


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def test_pulumi_cli_is_not_older_than_the_locked_sdk() -> None:
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    (sdk,) = [p["version"] for p in lock["package"] if p["name"] == "pulumi"]
    for name in ("preview", "deploy", "reap"):
        assert _version(str(load(name)["env"]["PULUMI_VERSION"])) >= _version(sdk), name
