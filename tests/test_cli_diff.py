"""`codex-infra diff`: a temporary git repository holding the project, changed between commits in
ways that add, remove, replace and update resources, one of them protected."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner, Result

from codex_infra.cli import main
from codex_infra.engine.mock import SECRET
from codex_infra.review.diff import (
    _WORKTREE_OWNER,
    DEFAULT_STACKS,
    _stack_diff,
    _started,
    checkout,
    diff_documents,
    plan_in_subprocess,
    render_report,
)
from tests.conftest import copy_project

# (file, before, after): each edit must still apply to the current code.
EDITS = (
    # A new script name: the auth script and its workers.dev switch are replaced, production's
    # auth domain (protected) too, and the web script's service binding is updated.
    ("components/naming.py", 'Role.AUTH: "auth-worker"', 'Role.AUTH: "codex-auth"'),
    # A new resource name is a new URN: one removed, one added.
    ("components/environment.py", 'f"{name}-migrations"', 'f"{name}-migrate"'),
    # A new binding on every script: an in-place update.
    (
        "components/environment.py",
        '_plain_text("ENVIRONMENT", stage.kind.value),',
        '_plain_text("ENVIRONMENT", stage.kind.value), _plain_text("RELEASE", "2"),',
    ),
    ("Pulumi.yaml", 'default: "2026-11-01"', 'default: "2026-10-15"'),
    # A secret that changes (the direct URL instead of the pooled one): shown only as changed.
    (
        "components/environment.py",
        '_secret("DATABASE_URL", self.database.database_url)',
        '_secret("DATABASE_URL", self.database.direct_database_url)',
    ),
    # A new hostname replaces production's protected web domain.
    ("Pulumi.production.yaml", "web: codex.example.com", "web: www.codex.example.com"),
)


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout


def commit(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """(repo, a commit before the project existed, the project's first commit); the working
    tree and HEAD hold the edited project."""
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "--quiet")
    (repo / "README.md").write_text("codex\n")
    empty = commit(repo, "empty")
    copy_project(repo)
    base = commit(repo, "project")
    for name, before, after in EDITS:
        text = (repo / name).read_text()
        assert before in text, f"{name} no longer holds {before!r}: update this test's edits"
        (repo / name).write_text(text.replace(before, after))
    commit(repo, "edits")
    return repo, empty, base


def diff(repo: Path, *args: str) -> Result:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(repo)
        return CliRunner().invoke(main, ["diff", *args])


@pytest.fixture(scope="module")
def report(repo: tuple[Path, str, str]) -> str:
    path, _, base = repo
    result = diff(path, base, "--stack", "pr-1", "--stack", "production", "--output", "diff.md")
    assert (result.exit_code, result.output) == (0, "")
    return (path / "diff.md").read_text()


def section(report: str, heading: str) -> list[str]:
    lines = report.splitlines()
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("#")), len(lines))
    return [line for line in lines[start:end] if line]


@pytest.mark.slow
def test_planning_every_stack_in_one_process_changes_nothing(repo: tuple[Path, str, str]) -> None:
    """The speed-up (one process per side) against a process per stack and side, as before."""
    path, _, base = repo
    result = diff(path, base)
    assert result.exit_code == 0
    key = bytes(16)  # fingerprints are compared, never shown: any key gives the same report
    with checkout(path, base) as base_tree:
        alone = [
            _stack_diff(
                stack,
                plan_in_subprocess(base_tree, [stack], key)[stack],
                plan_in_subprocess(path, [stack], key)[stack],
            )
            for stack in DEFAULT_STACKS
        ]
    assert result.stdout == render_report(base, alone)


def test_one_summary_line_per_stack(report: str) -> None:
    assert "- **pr-1**: 1 to add, 1 to remove, 2 to replace, 2 to update\n" in report
    assert "- **production**: 1 to add, 1 to remove, 4 to replace, 2 to update\n" in report


def test_protected_replacements_are_a_loud_warning_first(report: str) -> None:
    lines = report.splitlines()
    assert lines[:6] == [
        f"## Infrastructure changes against `{report.split('`')[1]}`",
        "",
        "> [!CAUTION]",
        "> **Protected resources would be replaced or deleted:**",
        "> - **production** would **replace** protected `codex-auth-domain`"
        " (`cloudflare:index/workersCustomDomain:WorkersCustomDomain`)",
        "> - **production** would **replace** protected `codex-web-domain`"
        " (`cloudflare:index/workersCustomDomain:WorkersCustomDomain`)",
    ]


def test_added_and_removed_by_urn(report: str) -> None:
    assert section(report, "#### Added") == [
        "- `codex-migrate` (`command:local:Command`)",
    ]
    assert section(report, "#### Removed") == [
        "- `codex-migrations` (`command:local:Command`)",
    ]


def test_replacements_name_the_inputs_that_force_them(report: str) -> None:
    production = report[report.index("### production") :]
    assert section(production, "#### Replaced") == [
        "- `codex-auth-domain` (`cloudflare:index/workersCustomDomain:WorkersCustomDomain`)"
        " **protected**",
        "  - `service`: `auth-worker-production` → `codex-auth-production`"
        " **(forces replacement)**",
        "- `codex-web-domain` (`cloudflare:index/workersCustomDomain:WorkersCustomDomain`)"
        " **protected**",
        "  - `hostname`: `codex.example.com` → `www.codex.example.com` **(forces replacement)**",
        "- `codex-auth-script` (`cloudflare:index/workersScript:WorkersScript`) **protected**",
        "  - `bindings[DATABASE_URL].text`: changed",
        "  - `bindings[RELEASE].name`: `(none)` → `RELEASE`",
        "  - `bindings[RELEASE].text`: `(none)` → `2`",
        "  - `bindings[RELEASE].type`: `(none)` → `plain_text`",
        "  - `compatibilityDate`: `2026-11-01` → `2026-10-15`",
        "  - `scriptName`: `auth-worker-production` → `codex-auth-production`"
        " **(forces replacement)**",
        "- `codex-auth-workers-dev`"
        " (`cloudflare:index/workersScriptSubdomain:WorkersScriptSubdomain`)",
        "  - `scriptName`: `auth-worker-production` → `codex-auth-production`"
        " **(forces replacement)**",
    ]


def test_in_place_updates_list_the_changed_inputs(report: str) -> None:
    preview = report[report.index("### pr-1") : report.index("### production")]
    release = [
        "  - `bindings[DATABASE_URL].text`: changed",
        "  - `bindings[RELEASE].name`: `(none)` → `RELEASE`",
        "  - `bindings[RELEASE].text`: `(none)` → `2`",
        "  - `bindings[RELEASE].type`: `(none)` → `plain_text`",
        "  - `compatibilityDate`: `2026-11-01` → `2026-10-15`",
    ]
    assert section(preview, "#### Updated") == [
        "- `codex-stripe-webhook-script` (`cloudflare:index/workersScript:WorkersScript`)",
        *release,
        "- `codex-web-script` (`cloudflare:index/workersScript:WorkersScript`)",
        "  - `bindings[AUTH].service`: `auth-worker-preview-1` → `codex-auth-preview-1`",
        *release,
    ]


def test_secret_fingerprints_never_reach_the_report(report: str) -> None:
    assert "[secret:" not in report
    assert "postgresql://" not in report


def test_the_pinned_clock_leaves_the_preview_database_alone(report: str) -> None:
    assert "codex-db-branch" not in report
    assert "expires_at" not in report


def test_the_worktree_is_removed(repo: tuple[Path, str, str], report: str) -> None:
    path, _, _ = repo
    assert report
    assert git(path, "worktree", "list").count("\n") == 1


def test_a_base_without_the_project_shows_everything_added(repo: tuple[Path, str, str]) -> None:
    path, empty, _ = repo
    result = diff(path, empty, "--stack", "pr-1")
    assert result.exit_code == 0, result.stderr
    assert "- **pr-1**: 14 to add, 0 to remove, 0 to replace, 0 to update\n" in result.stdout
    (note,) = [line for line in result.stdout.splitlines() if line.startswith("> ")]
    assert note.startswith("> no plan at base (codex-infra: error: no Pulumi.yaml in ")
    assert note.endswith("): everything shows as added")


def one_line_error(result: Result) -> str:
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    return result.stderr


def test_a_base_whose_components_differ_inside_plans_with_its_own_code(tmp_path: Path) -> None:
    """A refactor that changes no resource (here: names the harness once imported) is no change."""
    repo = tmp_path
    git(repo, "init", "--quiet")
    copy_project(repo)
    settings = repo / "components/settings.py"
    original = settings.read_text()
    assert "NAMESPACE" in original
    settings.write_text(original.replace("NAMESPACE", "CONFIG_NAMESPACE"))
    base = commit(repo, "components with other names inside")
    settings.write_text(original)
    commit(repo, "rename back")
    result = diff(repo, base, "--stack", "pr-1", "--stack", "production")
    assert result.exit_code == 0, result.stderr
    assert "no plan at base" not in result.stdout
    assert "**pr-1**: no changes" in result.stdout
    assert "**production**: no changes" in result.stdout


def test_an_unknown_ref_is_one_line(repo: tuple[Path, str, str]) -> None:
    error = one_line_error(diff(repo[0], "no-such-ref"))
    assert error == "codex-infra: error: 'no-such-ref' is not a commit of this repository\n"


def test_an_unknown_stack_is_one_line(repo: tuple[Path, str, str]) -> None:
    error = one_line_error(diff(repo[0], "HEAD", "--stack", "qa"))
    assert error.startswith("codex-infra: error: stack name 'qa' is not allowed")


def test_an_over_long_stack_name_is_one_line_before_planning(repo: tuple[Path, str, str]) -> None:
    error = one_line_error(diff(repo[0], "HEAD", "--stack", "pr-" + "1" * 293))
    assert error.startswith("codex-infra: error: stack name of 296 characters: Pulumi takes")


def test_outside_git_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: codex\n")
    error = one_line_error(diff(tmp_path, "HEAD"))
    assert error.startswith("codex-infra: error: git rev-parse: fatal: not a git repository")


def document(protect: bool, text: str, *, hostname: str = "a.example.com") -> dict[str, object]:
    urn = (
        "urn:pulumi:production::codex::cloudflare:index/workersCustomDomain:WorkersCustomDomain::d"
    )
    return {
        "resources": [
            {
                "urn": urn,
                "type": "cloudflare:index/workersCustomDomain:WorkersCustomDomain",
                "name": "d",
                "protect": protect,
                "inputs": {"hostname": hostname, "environment": text},
            }
        ]
    }


def test_a_secret_change_shows_only_as_changed() -> None:
    before, after = document(False, "plain-value"), document(False, SECRET)
    report = render_report("main", [diff_documents("production", before, after)])
    assert "  - `environment`: changed **(forces replacement)**" in report
    assert "plain-value" not in report


def test_deleting_a_protected_resource_is_a_loud_warning() -> None:
    report = render_report(
        "main", [diff_documents("production", document(True, "x"), {"resources": []})]
    )
    assert "> - **production** would **delete** protected `d`" in report
    assert "- **production**: 0 to add, 1 to remove, 0 to replace, 0 to update" in report


def test_an_output_path_in_no_directory_fails_before_planning(
    repo: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def planned(*_: object) -> str:
        raise AssertionError("planned before checking --output")

    monkeypatch.setattr("codex_infra.review.diff.diff_report", planned)
    error = one_line_error(diff(repo[0], "HEAD", "--output", "/nonexistent/dir/x.md"))
    assert error == (
        "codex-infra: error: --output /nonexistent/dir/x.md: /nonexistent/dir is not a"
        " directory this user may write in\n"
    )


def _diff_process(repo: Path, tmp: Path) -> subprocess.Popen[str]:
    """A real `codex-infra diff` (its own process, so it can be signalled), its temporary
    worktree under `tmp`; returns once that worktree and both planning harnesses exist."""
    tmp.mkdir(exist_ok=True)
    process = subprocess.Popen(
        [sys.executable, "-c", "from codex_infra.cli import main; main()", "diff", "HEAD~1"],
        cwd=repo,
        env={**os.environ, "TMPDIR": str(tmp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while len(psutil.Process(process.pid).children()) < 2 or not list(tmp.glob("*/tree")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the diff never started planning"
        time.sleep(0.05)
    return process


def test_ctrl_c_exits_130_and_leaves_nothing_behind(
    repo: tuple[Path, str, str], tmp_path: Path
) -> None:
    path = repo[0]
    process = _diff_process(path, tmp_path)
    harnesses = psutil.Process(process.pid).children()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr == "codex-infra: error: interrupted\n"
    assert not any(h.is_running() and h.status() != psutil.STATUS_ZOMBIE for h in harnesses)
    assert list(tmp_path.iterdir()) == []
    assert git(path, "worktree", "list").count("\n") == 1


def test_the_next_diff_removes_the_worktree_of_a_killed_one(
    repo: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, _, base = repo
    process = _diff_process(path, tmp_path / "killed")
    harnesses = psutil.Process(process.pid).children()
    process.kill()
    process.communicate(timeout=10)
    for harness in harnesses:  # orphans now, working on: ended here, by their PIDs
        harness.kill()
    psutil.wait_procs(harnesses, timeout=10)
    (left,) = (tmp_path / "killed").iterdir()
    assert str(left / "tree") in git(path, "worktree", "list")
    # Another diff's worktree, still in use (its process is this one): left alone.
    alive = tmp_path / "alive" / "tree"
    owner = _WORKTREE_OWNER.format(pid=os.getpid(), started=_started(os.getpid()))
    git(path, "worktree", "add", "--detach", "--lock", "--reason", owner, str(alive), base)

    with checkout(path, base) as tree:
        assert tree.is_dir()

    assert not left.exists()
    listed = git(path, "worktree", "list")
    assert str(left) not in listed
    assert str(alive) in listed
    git(path, "worktree", "remove", "--force", "--force", str(alive))
