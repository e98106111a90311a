"""`codex-infra rollback STACK`: which version is "previous" (pure), and the command through the
official SDK against a fake Cloudflare API that answers only what the SDK's models accept."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from cloudflare import BadRequestError
from cloudflare.types.workers.scripts.deployment import Deployment
from cloudflare.types.workers.scripts.version_list_response import VersionListResponse

from codex_infra.cli import main
from codex_infra.clients.cloudflare import CloudflareError, WorkersApi, client_from_env
from codex_infra.engine.config import load_stack_config
from codex_infra.engine.mock import SCRIPT, Plan
from codex_infra.errors import FAULT, USAGE_ERROR, CodexError, FaultError, RefusalError, UsageError
from codex_infra.operations import rollback
from codex_infra.operations.rollback import (
    Script,
    Step,
    Version,
    apply,
    gather,
    plan_step,
    previous_version,
)
from tests.cloudflare_fake import DEFAULT_TOKEN, FakeCloudflare, fake_cloudflare
from tests.conftest import PROJECT_DIR

Planned = Callable[[str], tuple[Plan, dict[str, Any]]]

ACCOUNT = load_stack_config(PROJECT_DIR, "production").values["codex:cloudflareAccountId"]
NEXT = (
    "Next: Pulumi's state of production still holds the newer code, so its next `pulumi up`"
    " (the next deploy from main) deploys that code again. Land a revert of the bad change on"
    " main first (git revert, through a pull request); until then, hold deploys of production.\n"
)


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)


# Pure: which version a script goes back to ----------------------------------------------


def deployment(day: int, **percentages: float) -> Deployment:
    return Deployment.model_validate(
        {
            "id": f"deployment-{day}",
            "created_on": f"2026-11-{day:02d}T12:00:00Z",
            "source": "api",
            "strategy": "percentage",
            "versions": [{"version_id": v, "percentage": p} for v, p in percentages.items()],
        }
    )


def versions(*ids: str) -> list[VersionListResponse]:
    """Newest first, numbered as Cloudflare numbers them."""
    return [
        VersionListResponse.model_validate(
            {"id": v, "number": len(ids) - i, "metadata": {"created_on": f"t{len(ids) - i}"}}
        )
        for i, v in enumerate(ids)
    ]


WEB = Script("a" * 32, "web")
WORKERS = ("codex-web-", "auth-worker-", "stripe-webhook-handler-")


def test_previous_is_the_version_of_the_deployment_before_the_current() -> None:
    step = plan_step(
        WEB, [deployment(3, v3=100), deployment(2, v2=100)], versions("v3", "v2"), None
    )
    assert step.target == Version("v2", 1, "t1")
    assert step.serving == ((Version("v3", 2, "t2"), 100),)
    assert step.describe() == "web: v2 v3 (t2) -> v1 v2 (t1)"


def test_an_upload_that_never_served_is_not_previous() -> None:
    """versions[1] is an upload (`wrangler versions upload`) that never got traffic."""
    listed = versions("v4", "v3-uploaded", "v2")
    step = plan_step(WEB, [deployment(4, v4=100), deployment(2, v2=100)], listed, None)
    assert step.target.id == "v2"


def test_after_a_rollback_previous_is_the_newer_code_again() -> None:
    """The current deployment took v3 back to v1: what served before it is v3, not versions[1]
    (v2), so a second rollback without --to undoes the first."""
    listed = versions("v3", "v2", "v1")
    history = [deployment(4, v1=100), deployment(3, v3=100), deployment(2, v2=100)]
    assert plan_step(WEB, history, listed, None).target.id == "v3"


def test_deployments_are_taken_by_time_not_by_list_order() -> None:
    history = [deployment(2, v2=100), deployment(3, v3=100)]
    assert plan_step(WEB, history, versions("v3", "v2"), None).target.id == "v2"


def test_a_redeploy_of_the_current_version_is_skipped() -> None:
    history = [deployment(4, v3=100), deployment(3, v3=100), deployment(2, v2=100)]
    assert previous_version(history[0], history[1:]) == "v2"


def test_a_gradual_rollout_goes_back_to_the_version_before_it() -> None:
    history = [deployment(3, v3=10, v2=90), deployment(2, v2=100)]
    step = plan_step(WEB, history, versions("v3", "v2"), None)
    assert step.target.id == "v2"
    assert not step.unchanged
    assert step.describe() == "web: v2 v3 (t2) at 10%, v1 v2 (t1) at 90% -> v1 v2 (t1)"


def test_split_deployments_only_leave_no_previous() -> None:
    history = [deployment(3, v3=100), deployment(2, v2=50, v1=50)]
    with pytest.raises(RefusalError) as refused:
        plan_step(WEB, history, versions("v3", "v2", "v1"), None)
    assert str(refused.value) == (
        "web: no earlier deployment served one version to all traffic:"
        " name one with --to web=VERSION"
    )
    assert refused.value.exit_code == FAULT


def test_one_version_cannot_roll_back() -> None:
    with pytest.raises(
        RefusalError, match=r"^web: has only one version: nothing to roll back to$"
    ) as refused:
        plan_step(WEB, [deployment(1, v1=100)], versions("v1"), None)
    assert refused.value.exit_code == FAULT


def test_a_previous_version_no_longer_deployable_is_refused() -> None:
    history = [deployment(3, v3=100), deployment(2, v2=100)]
    with pytest.raises(
        RefusalError, match="v2, the version it served before, is no longer"
    ) as refused:
        plan_step(WEB, history, versions("v3", "v-other"), None)
    assert refused.value.exit_code == FAULT


def test_to_names_a_deployable_version_or_is_the_callers_mistake() -> None:
    history = [deployment(3, v3=100), deployment(2, v2=100)]
    listed = versions("v3", "v2", "v1")
    assert plan_step(WEB, history, listed, "v1").target.id == "v1"
    kept = plan_step(WEB, history, listed, "v3")
    assert kept.unchanged
    assert kept.describe() == "web: already serves v3 v3 (t3): left as it is"
    with pytest.raises(UsageError) as refused:
        plan_step(WEB, history, listed, "v9")
    assert str(refused.value) == "web: --to v9 is not one of its deployable versions"
    assert refused.value.exit_code == USAGE_ERROR


def test_to_works_for_a_script_with_one_version() -> None:
    step = plan_step(WEB, [deployment(1, v1=100)], versions("v1"), "v1")
    assert step.unchanged


# Pure: every script checked before any changes, and a failure halfway -------------------


@dataclass
class Account:
    """Deployments and versions of scripts in memory; `failing` refuses what it names."""

    history: dict[str, list[Deployment]]
    listed: dict[str, list[VersionListResponse]]
    failing: set[tuple[str, str]] = field(default_factory=set[tuple[str, str]])
    deployed: list[tuple[str, str, str]] = field(default_factory=list[tuple[str, str, str]])

    def _refuse(self, call: str, script: str) -> None:
        if (call, script) in self.failing:
            raise CloudflareError(f"Cloudflare API {call} of {script} failed with HTTP 403: no")

    def deployments(self, account_id: str, script: str) -> list[Deployment]:
        self._refuse("list", script)
        return self.history[script]

    def versions(self, account_id: str, script: str) -> list[VersionListResponse]:
        return self.listed[script]

    def deploy(self, account_id: str, script: str, version_id: str, message: str) -> str:
        self._refuse("deploy", script)
        self.deployed.append((script, version_id, message))
        return f"deployment-of-{version_id}"


THREE = [Script("a" * 32, name) for name in ("web", "auth", "hook")]


def account(**single: bool) -> Account:
    """Each of THREE deployed twice (v1 then v2), or once where `single` says so."""
    return Account(
        {
            s.name: [deployment(1, v1=100)]
            if single.get(s.name)
            else [deployment(2, v2=100), deployment(1, v1=100)]
            for s in THREE
        },
        {s.name: versions("v1") if single.get(s.name) else versions("v2", "v1") for s in THREE},
    )


def test_one_script_that_cannot_go_back_stops_them_all_naming_each() -> None:
    api = account(auth=True, hook=True)
    with pytest.raises(CodexError) as refused:
        gather(api, "production", THREE, {"hook": "v1"})
    assert str(refused.value) == (
        "production: nothing was changed (every script is checked before any is)"
    )
    assert [str(c) for c in refused.value.causes] == [
        "auth: has only one version: nothing to roll back to"
    ]
    assert refused.value.exit_code == FAULT
    with pytest.raises(CodexError) as mistaken:
        gather(api, "production", THREE, {"auth": "v1", "hook": "v9"})
    assert [str(c) for c in mistaken.value.causes] == [
        "hook: --to v9 is not one of its deployable versions"
    ]
    assert mistaken.value.exit_code == USAGE_ERROR  # the caller's mistake decides the code
    assert api.deployed == []


def test_a_failed_read_changes_nothing_and_says_so() -> None:
    api = account()
    api.failing.add(("list", "hook"))
    with pytest.raises(FaultError) as failed:
        gather(api, "staging", THREE, {})
    assert str(failed.value) == "Cloudflare API list of hook failed with HTTP 403: no"
    assert failed.value.notes == ("staging: nothing was changed",)


def test_a_failed_deployment_stops_and_says_how_to_finish() -> None:
    api = account()
    steps = gather(api, "staging", THREE, {"hook": "v2"})  # hook stays where it is
    api.failing.add(("deploy", "auth"))
    with pytest.raises(FaultError) as failed:
        apply(api, "staging", steps)
    assert api.deployed == [("web", "v1", "codex-infra rollback of staging")]
    assert failed.value.notes == (
        "staging: rolled back: web",
        "staging: left as they were: hook",
        "staging: NOT rolled back: auth",
        "To finish (what is done stays): codex-infra rollback staging"
        " --to web=v1 --to auth=v1 --to hook=v2",
    )
    api.failing.clear()
    assert apply(api, "staging", steps)[1:] == [
        "auth: serves v1 v1 (t1) to all traffic (deployment deployment-of-v1)",
        "hook: already serves v2 v2 (t2): left as it is",
    ]


# The command, against the fake API ------------------------------------------------------


@pytest.fixture
def cloudflare(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCloudflare]:
    with fake_cloudflare(monkeypatch) as fake:
        yield fake


def scripts_of(plan: Plan) -> list[str]:
    return [r.inputs["scriptName"] for r in plan.of_type(SCRIPT)]


@pytest.fixture
def production(planned: Planned, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The command's plan of production is the session's (one program run for all tests); the
    first command test runs the plan's own path. Its script names, in the program's order."""
    plan, _ = planned("production")

    def plan_stack(_root: Path, stack: str, *_overrides: object) -> Plan:
        assert stack == "production"
        return plan

    monkeypatch.setattr(rollback, "plan_stack", plan_stack)
    return scripts_of(plan)


def deployed_twice(fake: FakeCloudflare, scripts: list[str]) -> dict[str, tuple[str, str]]:
    """Each script as two deploys leave it: script -> (first version, second version)."""
    versions: dict[str, tuple[str, str]] = {}
    for script in scripts:
        fake.add_script(ACCOUNT, script)
        (first,) = fake.serving(ACCOUNT, script)
        versions[script] = (first, fake.deploy(ACCOUNT, script))
    return versions


def run(*args: str, answer: str | None = None) -> Result:
    result = CliRunner().invoke(main, ["rollback", *args], input=answer)
    assert DEFAULT_TOKEN not in result.output
    return result


def posts(fake: FakeCloudflare) -> list[str]:
    """The scripts deployments were created for, in order."""
    return [
        c.path.split("/")[-2]
        for c in fake.requests
        if c.method == "POST" and c.path.endswith("/deployments")
    ]


def test_every_script_goes_back_to_its_previous_version(
    cloudflare: FakeCloudflare, planned: Planned
) -> None:
    """The whole path: the real plan of production, the account read and changed via the SDK."""
    plan, _ = planned("production")
    scripts = scripts_of(plan)
    assert len(scripts) == 3
    before = deployed_twice(cloudflare, scripts)
    result = run("production", "--yes")
    assert result.exit_code == 0, result.output
    for script, (first, second) in before.items():
        assert cloudflare.serving(ACCOUNT, script) == {first: 100}
        (latest, *_) = cloudflare.accounts[ACCOUNT].deployments[script]
        assert latest["annotations"] == {"workers/message": "codex-infra rollback of production"}
        assert re.search(
            rf"^  {script}: v2 {second} \(.+\) -> v1 {first} \(.+\)$", result.stdout, re.M
        )
        assert re.search(
            rf"^{script}: serves v1 {first} \(.+\) to all traffic \(deployment {latest['id']}\)$",
            result.stdout,
            re.M,
        )
    assert result.stdout.startswith(
        f"production: Workers scripts of Cloudflare account {ACCOUNT}:\n"
    )
    assert result.stdout.endswith(f"production: rolled back.\n{NEXT}")
    assert result.stderr == ""
    # Every script read before any is changed, then one deployment each; nothing else.
    reads = [(c.method, c.path.split("/")[-1], c.query) for c in cloudflare.requests[:6]]
    assert reads == [("GET", "deployments", {}), ("GET", "versions", {"deployable": "true"})] * 3
    assert posts(cloudflare) == scripts
    assert len(cloudflare.requests) == 9
    assert all(
        c.path.startswith(f"/accounts/{ACCOUNT}/workers/scripts/") for c in cloudflare.requests
    )
    assert {c.headers["Authorization"] for c in cloudflare.requests} == {f"Bearer {DEFAULT_TOKEN}"}


def test_to_picks_a_version_and_can_keep_a_script_as_it_is(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    web, auth, stripe = (next(s for s in production if s.startswith(p)) for p in WORKERS)
    before = deployed_twice(cloudflare, production)
    third = cloudflare.deploy(ACCOUNT, web)
    result = run(
        "production",
        "--yes",
        "--to",
        f"{web}={before[web][0]}",
        "--to",
        f"{auth}={before[auth][1]}",
    )
    assert result.exit_code == 0, result.output
    assert cloudflare.serving(ACCOUNT, web) == {before[web][0]: 100}  # v1, not v2 (previous)
    assert cloudflare.serving(ACCOUNT, auth) == {before[auth][1]: 100}
    assert cloudflare.serving(ACCOUNT, stripe) == {before[stripe][0]: 100}
    assert sorted(posts(cloudflare)) == sorted([web, stripe])
    assert re.search(rf"^  {web}: v3 {third} \(.+\) -> v1 {before[web][0]} ", result.stdout, re.M)
    # Said before it asks, and again in what it did.
    kept = f"{auth}: already serves v2 {before[auth][1]}"
    assert re.search(rf"^  {kept} \(.+\): left as it is$", result.stdout, re.M)
    assert re.search(rf"^{kept} \(.+\): left as it is$", result.stdout, re.M)


def test_a_script_with_one_version_stops_them_all(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    first, *others = production
    for script in others:
        cloudflare.add_script(ACCOUNT, script)
        cloudflare.deploy(ACCOUNT, script)
    cloudflare.add_script(ACCOUNT, first)  # one version, one deployment
    result = run("production", "--yes")
    assert result.exit_code == FAULT
    assert result.stdout == ""
    assert result.stderr == (
        f"codex-infra: error: {first}: has only one version: nothing to roll back to\n"
        "codex-infra: error: production: nothing was changed (every script is checked before"
        " any is)\n"
    )
    assert posts(cloudflare) == []


def test_an_api_error_halfway_says_what_was_rolled_back(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    first, second, third = production
    before = deployed_twice(cloudflare, production)
    cloudflare.fail("POST", rf"/scripts/{second}/deployments$", 403, 10000, "Authentication error")
    result = run("production", "--yes")
    assert result.exit_code == FAULT
    assert cloudflare.serving(ACCOUNT, first) == {before[first][0]: 100}
    assert cloudflare.serving(ACCOUNT, second) == {before[second][1]: 100}
    assert cloudflare.serving(ACCOUNT, third) == {before[third][1]: 100}
    assert posts(cloudflare) == [first, second]  # it stops at the failure
    pins = " ".join(f"--to {s}={before[s][0]}" for s in production)
    assert result.stderr == (
        f"codex-infra: error: Cloudflare API POST /client/v4/accounts/{ACCOUNT}/workers/scripts/"
        f"{second}/deployments (deploy {before[second][0]} to all traffic of {second}) failed"
        " with HTTP 403: 10000 Authentication error\n"
        f"production: rolled back: {first}\n"
        f"production: NOT rolled back: {second}, {third}\n"
        f"To finish (what is done stays): codex-infra rollback production {pins}\n"
    )
    assert f"{first}: serves v1" not in result.stdout  # what it did is on stderr, in one place
    # The command it gives finishes the job, leaving the first script where it is.
    finish = run("production", "--yes", *pins.split())
    assert finish.exit_code == 0, finish.output
    assert f"  {first}: already serves v1 {before[first][0]}" in finish.stdout
    assert posts(cloudflare)[2:] == [second, third]
    for script in production:
        assert cloudflare.serving(ACCOUNT, script) == {before[script][0]: 100}


def test_an_api_error_while_reading_changes_nothing(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    deployed_twice(cloudflare, production)
    cloudflare.fail("GET", rf"/scripts/{production[-1]}/versions$", 403, 9109, "Unauthorized")
    result = run("production", "--yes")
    assert result.exit_code == FAULT
    lines = result.stderr.splitlines()
    assert lines[0].startswith("codex-infra: error: Cloudflare API GET /client/v4/accounts/")
    assert lines[0].endswith(
        f"(list the versions of {production[-1]}) failed with HTTP 403: 9109 Unauthorized"
    )
    assert lines[1:] == ["production: nothing was changed"]
    assert posts(cloudflare) == []


def test_a_missing_script_is_cloudflares_404(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    for script in production[1:]:
        cloudflare.add_script(ACCOUNT, script)
    result = run("production", "--yes")
    assert result.exit_code == FAULT
    assert (
        "failed with HTTP 404: 10007 This Worker does not exist on your account." in result.stderr
    )
    assert posts(cloudflare) == []


def test_no_token_is_one_line_before_any_request(
    cloudflare: FakeCloudflare, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CLOUDFLARE_API_TOKEN")

    def plan_stack(*_: object) -> Plan:
        raise AssertionError("the plan runs only with a token")

    monkeypatch.setattr(rollback, "plan_stack", plan_stack)
    result = run("production", "--yes")
    assert result.exit_code == USAGE_ERROR
    assert result.stdout == ""
    assert result.stderr == (
        "codex-infra: error: CLOUDFLARE_API_TOKEN is not set"
        " (the token a deploy of this stack uses)\n"
    )
    assert cloudflare.requests == []


def test_without_yes_it_asks_first(cloudflare: FakeCloudflare, production: list[str]) -> None:
    before = deployed_twice(cloudflare, production)
    refused = run("production", answer="n\n")
    assert refused.exit_code == 1
    assert "Roll back these scripts of production? [y/N]: n\n" in refused.stdout
    assert "Aborted!" in refused.stderr
    assert posts(cloudflare) == []
    accepted = run("production", answer="y\n")
    assert accepted.exit_code == 0, accepted.output
    assert posts(cloudflare) == production
    assert {s: cloudflare.serving(ACCOUNT, s) for s in production} == {
        s: {v[0]: 100} for s, v in before.items()
    }


def test_nothing_to_do_asks_nothing(cloudflare: FakeCloudflare, production: list[str]) -> None:
    before = deployed_twice(cloudflare, production)
    pins = [arg for s in production for arg in ("--to", f"{s}={before[s][1]}")]
    result = run("production", *pins)
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith(
        "production: every script already serves its target: nothing to do\n"
    )
    assert posts(cloudflare) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--to", "web"], "--to 'web': expected KEY=VALUE with a non-empty key"),
        (["--to", "web="], "--to web=: expected SCRIPT=VERSION, a version id after the ="),
        (
            ["--to", "codex-web=0000"],
            "--to: production has no script 'codex-web' (it has auth-worker-production,"
            " stripe-webhook-handler-production, codex-web-production)",
        ),
    ],
)
def test_a_bad_to_is_one_line_before_any_request(
    cloudflare: FakeCloudflare, production: list[str], args: list[str], message: str
) -> None:
    result = run("production", "--yes", *args)
    assert result.exit_code == USAGE_ERROR
    assert result.stderr == f"codex-infra: error: {message}\n"
    assert cloudflare.requests == []


def test_an_unknown_version_is_the_callers_mistake(
    cloudflare: FakeCloudflare, production: list[str]
) -> None:
    deployed_twice(cloudflare, production)
    result = run("production", "--yes", "--to", f"{production[0]}=not-a-version")
    assert result.exit_code == USAGE_ERROR
    assert result.stderr.splitlines()[0] == (
        f"codex-infra: error: {production[0]}: --to not-a-version is not one of its deployable"
        " versions"
    )
    assert posts(cloudflare) == []


def test_the_sdks_own_deployments_list_reads_nothing_of_the_apis_answer(
    cloudflare: FakeCloudflare,
) -> None:
    """Why rollback reads the deployments list's answer itself: SDK 5.9.0 pages it as
    `result.items`, the API answers `result.deployments`. Should a newer SDK read it, this fails:
    then `deployments.list` can be iterated as it is."""
    cloudflare.add_script(ACCOUNT, "s")
    with client_from_env() as client:
        page = client.workers.scripts.deployments.list("s", account_id=ACCOUNT)
        assert list(page) == []
        (read,) = WorkersApi(client).deployments(ACCOUNT, "s")
    assert read.versions[0].version_id == next(iter(cloudflare.serving(ACCOUNT, "s")))


def test_step_describes_a_version_it_cannot_number() -> None:
    step = Step(WEB, ((Version("v-old"), 100),), Version("v1", 1, "t1"))
    assert step.describe() == "web: v-old -> v1 v1 (t1)"


def test_the_fake_flags_deployments_and_lists_the_sdk_would_not_send(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its own checks work: a deployment that is not 100% of known versions, and a versions list
    without deployable=true (whose paging the fake does not implement), are violations."""
    with FakeCloudflare() as fake:
        monkeypatch.setenv("CLOUDFLARE_API_TOKEN", fake.token)
        monkeypatch.setenv("CLOUDFLARE_BASE_URL", fake.base_url)
        fake.add_script(ACCOUNT, "s")
        (version,) = fake.serving(ACCOUNT, "s")
        with client_from_env() as client:
            client.workers.scripts.versions.list("s", account_id=ACCOUNT)
            for percentage, version_id in ((50, version), (100, "unknown")):
                with pytest.raises(BadRequestError):
                    client.workers.scripts.deployments.create(
                        "s",
                        account_id=ACCOUNT,
                        strategy="percentage",
                        versions=[{"percentage": percentage, "version_id": version_id}],
                    )
    assert fake.violations == [
        "fake implements the versions list with deployable=true only",
        f"POST deployment of s: {{'{version}': 50}} is not 100% of known versions",
        "POST deployment of s: {'unknown': 100} is not 100% of known versions",
    ]
    assert fake.serving(ACCOUNT, "s") == {version: 100}
