"""`local up` reuses a stack's last plan while nothing the plan depends on has changed.

The key's logic is pure and tested as such; the rest runs the real program (no process) in a copy
of the project, changes one input at a time, and asks for the plan again; the last tests bring
stacks up on real components.
"""

from __future__ import annotations

import dataclasses
import json
import os
import py_compile
import shutil
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import components
from codex_infra.local import environment, plan_cache, workers
from codex_infra.local.cloud import Blueprint
from codex_infra.local.postgres import HOST, Endpoint
from codex_infra.local.state import STATE_ENV, StateDir
from tests.conftest import PROJECT_DIR, copy_project, local_state
from tests.local_cli import cli, status, stripe_takes

ENDPOINT = Endpoint(HOST, 54321, "local-password")
STACK = "pr-4"
INPUTS = plan_cache.Inputs(
    root="/project",
    stack=STACK,
    config={"hyperdrive": "true"},
    secrets={"stripeWebhookSecret": "whsec_given"},
    marker="localmarker",
    passwords={"codex-session-secret": "session"},
    endpoint={"host": HOST, "port": 54321, "password": "pw", "user": None},
    environment={"GITHUB_SHA": "abc"},
    code={"/tool/codex_infra/plan.py": "file:1"},
    distributions=("pulumi-3.272.0.dist-info",),
    python="3.11.7",
)
FILES = {"/project/Pulumi.yaml": "file:1", "/project/examples/bundles/auth": "dir:1"}


# The key: pure.


@pytest.mark.parametrize(
    ("field", "other"),
    [
        ("root", "/elsewhere"),
        ("stack", "pr-5"),
        ("config", {"hyperdrive": "false"}),
        ("secrets", {"stripeWebhookSecret": "whsec_other"}),
        ("marker", "othermarker"),
        ("passwords", {"codex-session-secret": "other"}),
        ("endpoint", {"host": HOST, "port": 54322, "password": "pw", "user": None}),
        ("environment", {"GITHUB_SHA": "def"}),
        ("code", {"/tool/codex_infra/plan.py": "file:2"}),
        ("distributions", ("pulumi-3.273.0.dist-info",)),
        ("python", "3.11.8"),
    ],
)
def test_every_input_is_in_the_key(field: str, other: Any) -> None:
    changed = dataclasses.replace(INPUTS, **{field: other})
    assert plan_cache.key(changed, FILES) != plan_cache.key(INPUTS, FILES)
    assert plan_cache.key(dataclasses.replace(INPUTS), dict(FILES)) == plan_cache.key(INPUTS, FILES)


def test_every_file_read_is_in_the_key_by_its_content_or_absence() -> None:
    before = plan_cache.key(INPUTS, FILES)
    assert plan_cache.key(INPUTS, FILES | {"/project/Pulumi.yaml": "file:2"}) != before
    assert plan_cache.key(INPUTS, FILES | {"/project/Pulumi.pr-4.yaml": None}) != before
    assert plan_cache.key(INPUTS, {"/project/Pulumi.yaml": "file:1"}) != before


def test_the_environment_a_plan_reads_is_githubs_pulumis_and_the_clock() -> None:
    env = {
        "GITHUB_SHA": "abc",
        "GITHUB_HEAD_REF": "feature",
        "PULUMI_CONFIG": "{}",
        "SOURCE_DATE_EPOCH": "1795000000",
        "HOME": "/root",
        "PWD": "/somewhere",
        "TERM": "xterm",
    }
    assert plan_cache.plan_environment(env) == {
        "GITHUB_HEAD_REF": "feature",
        "GITHUB_SHA": "abc",
        "PULUMI_CONFIG": "{}",
        "SOURCE_DATE_EPOCH": "1795000000",
    }


def test_sealing_leaves_out_each_given_secret_and_unsealing_puts_it_back() -> None:
    secrets = {"stripeSecretKey": "sk_test_Given", "stripeWebhookSecret": "whsec_Given"}
    document = {
        "scripts": [{"bindings": [{"name": "KEY", "text": "sk_test_Given"}, {"text": "plain"}]}],
        "outputs": {"hook": "whsec_Given", "n": 3},
    }
    sealed, places = plan_cache.seal(document, secrets)
    text = json.dumps([sealed, places])
    assert "sk_test_Given" not in text
    assert "whsec_Given" not in text
    assert plan_cache.unseal(json.loads(json.dumps(sealed)), places, secrets) == document


def test_a_given_secret_inside_a_longer_value_cannot_be_sealed() -> None:
    with pytest.raises(plan_cache.UnsealableError):
        plan_cache.seal({"url": "https://x/?key=sk_test_Given"}, {"k": "sk_test_Given"})


def test_a_digest_is_of_content_or_entries_never_of_times(tmp_path: Path) -> None:
    folder, file = tmp_path / "bundle", tmp_path / "bundle" / "index.js"
    folder.mkdir()
    file.write_text("export default {}")
    before = plan_cache.digest(folder), plan_cache.digest(file)
    os.utime(file, (0, 0))
    os.utime(folder, (0, 0))
    assert (plan_cache.digest(folder), plan_cache.digest(file)) == before
    file.write_text("export default {};")
    assert plan_cache.digest(file) != before[1]
    assert plan_cache.digest(folder) == before[0]
    (folder / "extra.js").write_text("")
    assert plan_cache.digest(folder) != before[0]
    assert plan_cache.digest(tmp_path / "absent") is None


def test_the_code_is_this_tool_and_the_components_the_program_imports(tmp_path: Path) -> None:
    dirs = plan_cache.code_dirs()
    assert Path(components.__file__).parent in dirs
    assert Path(plan_cache.__file__).parents[1] in dirs
    (tmp_path / "pkg").mkdir()
    source = tmp_path / "pkg" / "worker.py"
    source.write_text("A = 1\n")
    before = plan_cache.code([tmp_path])
    source.write_text("A = 2\n")
    assert plan_cache.code([tmp_path]) != before
    assert list(before) == [str(source)]


# The plan, kept and found again: the real program in a copy of the project, no process.


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "state"))
    for name in [n for n in os.environ if n.startswith(plan_cache.ENVIRONMENT)]:
        monkeypatch.delenv(name)
    return copy_project(tmp_path / "project")


def _planner(project: Path) -> Callable[..., environment._Planned]:
    """`up`'s planning step for one stack, its local passwords kept between calls (as its
    stack.json keeps them)."""
    passwords: dict[str, str] = {}

    def plan(
        config: dict[str, str] | None = None, given: dict[str, str] | None = None
    ) -> environment._Planned:
        endpoint = dataclasses.asdict(ENDPOINT)
        inputs = plan_cache.inputs(
            project, STACK, config or {}, given or {}, "localmarker", passwords, endpoint
        )
        return environment._plan(inputs, ENDPOINT, passwords)

    return plan


def _append(path: Path, text: str) -> None:
    with path.open("a") as file:
        file.write(text)


CHANGES: dict[str, Callable[[Path], object]] = {
    "a bundle's module": lambda p: _append(p / "examples/bundles/auth/index.js", "\n// changed\n"),
    "a file added to a bundle": lambda p: (p / "examples/bundles/auth/extra.js").write_text(""),
    "a config value": lambda p: (p / "Pulumi.yaml").write_text(
        (p / "Pulumi.yaml").read_text().replace("default: codex-team", "default: codex-other")
    ),
    "a stack file that appears": lambda p: (p / f"Pulumi.{STACK}.yaml").write_text(
        "config:\n  codex:workersDevSubdomain: elsewhere\n"
    ),
    "a migration file": lambda p: _append(p / "examples/migrations/0002_sessions.sql", "\n"),
    "a migration added": lambda p: (p / "examples/migrations/0003_more.sql").write_text(""),
    "the program": lambda p: _append(p / "__main__.py", "\n# changed\n"),
    "an asset": lambda p: _append(
        p / "examples/workers/web/.svelte-kit/cloudflare/robots.txt", "\nDisallow: /x\n"
    ),
    "the published copy of the assets, gone": lambda p: shutil.rmtree(p / ".codex-build"),
}


def test_an_unchanged_project_gives_the_kept_plan_without_running_the_program(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _planner(project)
    first = plan()
    assert not first.reused
    for path in project.rglob("*"):  # times alone change nothing
        os.utime(path, (0, 0), follow_symlinks=False)

    def not_run(*_: object) -> None:
        raise AssertionError("the program ran")

    monkeypatch.setattr(environment, "run_stack", not_run)
    again = plan()
    assert again.reused
    assert again.blueprint == first.blueprint
    assert again.outputs == first.outputs


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_changed_input_plans_again(project: Path, change: str) -> None:
    plan = _planner(project)
    assert not plan().reused
    assert plan().reused
    CHANGES[change](project)
    assert not plan().reused
    assert plan().reused  # and keeps the new plan


def test_a_changed_module_the_program_imports_from_the_project_plans_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Besides `components` (whose every source is in the key): a module of the project's own,
    read as bytecode once compiled, so known by its import."""
    monkeypatch.syspath_prepend(str(project))
    monkeypatch.delitem(sys.modules, "codex_helper", raising=False)
    (project / "codex_helper.py").write_text("SUFFIX = ''\n")
    py_compile.compile(str(project / "codex_helper.py"))  # imported without reading the source
    _append(project / "__main__.py", "import codex_helper\n")
    plan = _planner(project)
    assert not plan().reused
    assert plan().reused
    _append(project / "codex_helper.py", "SUFFIX = 'changed'\n")
    assert not plan().reused
    monkeypatch.delitem(sys.modules, "codex_helper")


@pytest.mark.parametrize(
    ("config", "given"),
    [({"hyperdrive": "true"}, {}), ({}, {"stripeWebhookSecret": "whsec_other"})],
    ids=["--config", "--secret"],
)
def test_a_changed_override_plans_again(
    project: Path, config: dict[str, str], given: dict[str, str]
) -> None:
    plan = _planner(project)
    assert not plan().reused
    assert not plan(config, given).reused
    assert plan(config, given).reused
    assert not plan().reused


def test_a_changed_environment_variable_the_program_reads_plans_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _planner(project)
    assert not plan().reused
    monkeypatch.setenv("GITHUB_SHA", "0123456789abcdef")
    assert not plan().reused
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")
    assert not plan().reused
    assert plan().reused


def test_a_kept_plan_never_holds_a_given_secret_in_the_clear(project: Path) -> None:
    given = {"stripeSecretKey": "sk_test_GivenKey51x", "stripeWebhookSecret": "whsec_Given42y"}
    plan = _planner(project)
    first = plan(given=given)
    kept = StateDir.for_project(project).stack(STACK) / plan_cache.FILE
    text = kept.read_text()
    assert "sk_test_GivenKey51x" not in text
    assert "whsec_Given42y" not in text
    assert "whsec_localmarker" not in text  # the placeholder, which a given secret replaced
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    again = plan(given=given)
    assert again.reused
    assert again.blueprint == first.blueprint
    (webhook,) = [s for s in again.blueprint.scripts if "stripe-webhook" in s.name]
    texts = {b["name"]: b.get("text") for b in webhook.inputs["bindings"]}
    assert texts["STRIPE_SECRET_KEY"] == "sk_test_GivenKey51x"
    assert texts["STRIPE_WEBHOOK_SECRET"] == "whsec_Given42y"


def test_a_plan_holding_a_given_secret_inside_a_longer_value_is_not_kept(
    project: Path,
) -> None:
    """The program may build a value around a secret; such a plan runs every time."""
    given = {"stripeWebhookSecret": "whsec_Given42y"}
    plan = _planner(project)
    _append(project / "__main__.py", 'pulumi.export("hookUrl", "https://x/?s=whsec_Given42y")\n')
    assert not plan(given=given).reused
    assert not (StateDir.for_project(project).stack(STACK) / plan_cache.FILE).exists()
    assert not plan(given=given).reused


def test_the_blueprint_is_the_same_after_a_round_trip_through_json(project: Path) -> None:
    blueprint = _planner(project)().blueprint
    document = json.loads(json.dumps(blueprint.to_document()))
    assert Blueprint.from_document(document) == blueprint


# On real components.


@pytest.fixture(scope="module")
def state() -> Iterator[Path]:
    workers.ensure_installed()
    with local_state(PROJECT_DIR) as root:
        yield root


def _imports(stderr: str) -> set[str]:
    """Module names from `python -X importtime`'s report."""
    return {line.rsplit("|", 1)[1].strip() for line in stderr.splitlines() if "| " in line}


@pytest.mark.local
def test_an_unchanged_re_up_does_not_run_the_program(state: Path) -> None:
    timed = os.environ | {"PYTHONPROFILEIMPORTTIME": "1"}
    first = cli("up", "pr-41", env=timed)
    assert first.returncode == 0, first.stderr
    assert cli("down", "pr-41").returncode == 0
    again = cli("up", "pr-41", env=timed)
    try:
        assert again.returncode == 0, again.stderr
        assert "components.environment" in _imports(first.stderr)
        assert "(its last plan, reused: nothing the plan depends on has changed)" in again.stdout
        assert "(its last plan, reused" not in first.stdout
        assert not {"components.environment", "pulumi_cloudflare"} & _imports(again.stderr)
        record = status("pr-41")
        for url in ("WEB_URL", "AUTH_URL", "STRIPE_WEBHOOK_URL"):
            assert httpx.get(f"{record['env'][url]}/healthz", timeout=10).status_code == 200
    finally:
        assert cli("down", "pr-41").returncode == 0


@pytest.mark.local
def test_a_re_up_with_given_secrets_keeps_them_out_of_the_plan_and_gives_them_to_the_workers(
    state: Path,
) -> None:
    given = os.environ | {"STRIPE_WEBHOOK_SECRET": "whsec_Given42y"}
    key = "sk_test_GivenKey51x"
    assert cli("up", "pr-42", "--secret", f"stripeSecretKey={key}", env=given).returncode == 0
    assert cli("down", "pr-42").returncode == 0
    kept = (StateDir(state).stack("pr-42") / plan_cache.FILE).read_text()
    assert "whsec_Given42y" not in kept
    assert key not in kept
    again = cli("up", "pr-42", "--secret", f"stripeSecretKey={key}", env=given)
    try:
        assert again.returncode == 0, again.stderr
        assert "(its last plan, reused" in again.stdout
        record = status("pr-42")
        assert stripe_takes(record, "whsec_Given42y")
        assert not stripe_takes(record, "whsec_local")
    finally:
        assert cli("down", "pr-42").returncode == 0


@pytest.mark.local
def test_a_changed_bundle_is_served_on_the_next_up(state: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    assert cli("up", "pr-43", cwd=project).returncode == 0
    assert cli("down", "pr-43", cwd=project).returncode == 0
    bundle = project / "examples/bundles/auth/index.js"
    bundle.write_text(bundle.read_text().replace("ok: true,", 'ok: true, build: "changed",'))
    again = cli("up", "pr-43", cwd=project)
    try:
        assert again.returncode == 0, again.stderr
        assert "(its last plan, reused" not in again.stdout
        auth = status("pr-43", cwd=project)["env"]["AUTH_URL"]
        assert httpx.get(f"{auth}/healthz", timeout=10).json()["build"] == "changed"
    finally:
        assert cli("down", "pr-43", cwd=project).returncode == 0
