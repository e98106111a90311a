"""Where the project and its app live: the suite's own project whatever the root config says, and a
Pulumi project in a monorepo's subfolder reaching its apps with `..`, never outside the repository.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from codex_infra.cli import main
from tests.conftest import REPO, copy_project

# What a checkout holds that is no part of the repository.
_NOT_TRACKED = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "__pycache__", ".codex-local", ".codex-build", ".*_cache"
)


def git(repo: Path, *args: str) -> str:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args]
    return subprocess.run(command, cwd=repo, check=True, capture_output=True, text=True).stdout


def plan_json(project: Path, stack: str = "pr-1") -> Result:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        return CliRunner().invoke(main, ["plan", stack, "--json"])


def content_files(document: str) -> set[str]:
    resources = json.loads(document)["resources"]
    return {
        r["inputs"]["contentFile"]
        for r in resources
        if r["type"] == "cloudflare:index/workersScript:WorkersScript"
    }


def test_the_suite_passes_whatever_the_root_config_points_at(tmp_path: Path) -> None:
    """A team points the root Pulumi.yaml at its own app; the suite still tests the tool against
    its own project, so it passes unchanged."""
    team = tmp_path / "repository"
    shutil.copytree(REPO, team, ignore=_NOT_TRACKED, symlinks=True)
    app = team / "app"
    for role in ("web", "auth", "stripe-webhook"):
        (app / role).mkdir(parents=True)
        shutil.copy(REPO / "examples/bundles/auth/index.js", app / role / "worker.js")
    (app / "public").mkdir()
    (app / "public/index.html").write_text("<!doctype html><title>the team's app</title>\n")
    project = yaml.safe_load((team / "Pulumi.yaml").read_text())
    project["config"]["bundles"] = {
        "value": {
            key: {"dir": f"app/{role}", "main": "worker.js"}
            for key, role in (("web", "web"), ("auth", "auth"), ("stripeWebhook", "stripe-webhook"))
        }
    }
    project["config"]["assetsDir"] = {"type": "string", "default": "app/public"}
    (team / "Pulumi.yaml").write_text(yaml.safe_dump(project))

    team_plan = plan_json(team)
    assert team_plan.exit_code == 0, team_plan.stderr
    assert content_files(team_plan.stdout) == {
        "app/web/worker.js",
        "app/auth/worker.js",
        "app/stripe-webhook/worker.js",
    }
    suite = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n0",
            "-p",
            "no:cacheprovider",
            "tests/test_program.py",
        ],
        cwd=team,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert suite.returncode == 0, suite.stdout[-3000:] + suite.stderr[-3000:]
    assert " passed" in suite.stdout
    assert "failed" not in suite.stdout


@pytest.fixture(scope="module")
def monorepo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with the Pulumi project in `infra/` and the app beside it: the project's
    config reaches the app through `../examples/...`."""
    repo = tmp_path_factory.mktemp("monorepo")
    infra = copy_project(repo / "infra")
    (infra / "examples").rename(repo / "examples")
    for config in infra.glob("Pulumi*.yaml"):
        config.write_text(config.read_text().replace("examples/", "../examples/"))
    git(repo, "init", "--quiet")
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "monorepo")
    return repo


def test_a_project_in_a_subfolder_reaches_its_app_beside_it(monorepo: Path) -> None:
    result = plan_json(monorepo / "infra")
    assert result.exit_code == 0, result.stderr
    assert all(path.startswith("../examples/bundles/") for path in content_files(result.stdout))
    resources = {r["name"]: r for r in json.loads(result.stdout)["resources"]}
    assets = resources["codex-web-script"]["inputs"]["assets"]["directory"]
    assert assets.startswith(".codex-build/assets/"), "the published copy stays in the project"


def test_a_monorepo_plans_the_same_bytes_on_every_checkout(monorepo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "elsewhere" / "clone"
    subprocess.run(["git", "clone", "--quiet", str(monorepo), str(clone)], check=True)
    here, there = plan_json(monorepo / "infra"), plan_json(clone / "infra")
    assert (here.exit_code, there.exit_code) == (0, 0)
    assert here.stdout == there.stdout


def test_a_diff_from_the_subfolder_plans_both_sides_alike(monorepo: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(monorepo / "infra")
        result = CliRunner().invoke(main, ["diff", "HEAD", "--stack", "pr-1"])
    assert result.exit_code == 0, result.stderr
    assert "**pr-1**: no changes" in result.stdout
    assert "no plan at base" not in result.stdout


@pytest.mark.parametrize(
    ("key", "value"),
    [("assetsDir", "../../outside"), ("migrationsDir", "../../../etc"), ("maskFile", "../../x")],
)
def test_paths_never_leave_the_repository(monorepo: Path, key: str, value: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(monorepo / "infra")
        result = CliRunner().invoke(main, ["plan", "pr-1", "--config", f"{key}={value}"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"codex-infra: error: codex:{key}: reaches outside the git repository that holds the"
        f" project (got {value!r})\n"
    )


def test_an_editable_install_compiles_our_own_packages(tmp_path: Path) -> None:
    """uv compiles site-packages (`compile-bytecode`), never an editable install's sources: the
    build hook (hatch_build.py) compiles them, checked against each source's hash."""
    repo = tmp_path / "repository"
    shutil.copytree(REPO, repo, ignore=_NOT_TRACKED, symlinks=True)
    uv = shutil.which("uv") or os.environ.get("UV") or "uv"
    venv = tmp_path / "venv"
    for command in (
        [uv, "venv", "--quiet", "--python", sys.executable, str(venv)],
        [uv, "pip", "install", "--quiet", "--python", str(venv), "--no-deps", "-e", str(repo)],
    ):
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    sources = [
        s for package in ("components", "codex_infra") for s in (repo / package).rglob("*.py")
    ]
    assert sources
    for source in sources:
        compiled = Path(importlib.util.cache_from_source(str(source))).read_bytes()
        assert int.from_bytes(compiled[4:8], "little") == 0b11, source  # hash-based, checked
        assert compiled[8:16] == importlib.util.source_hash(source.read_bytes()), source
