"""Shared fixtures: the real program, run once per stack against Pulumi's mock engine.

The suite tests the tool, not the team's app: it never reads the root `Pulumi.yaml` (theirs, pointed
at their own bundles) but a project of its own, assembled from the repository's program and the
examples' config and app (`examples/project/`, `examples/`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Generator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from codex_infra.engine import (
    Plan,
    load_stack_config,
    run_program,
    with_placeholder_secrets,
)
from codex_infra.local import environment
from codex_infra.local.state import STATE_ENV, StateDir
from codex_infra.plan import PLAN_EPOCH

#: The repository: workflows, README, lockfiles, the policy pack.
REPO = Path(__file__).resolve().parent.parent
#: The examples' own stack config, which the suite's project uses whatever the root's says.
FIXTURE_CONFIG = REPO / "examples" / "project"
_SKIPPED = shutil.ignore_patterns("__pycache__", "node_modules")

# The program records GitHub's run details on new Neon branches: plans under test must not
# depend on whether the suite itself runs in GitHub Actions.
for _name in [n for n in os.environ if n.startswith("GITHUB_")]:
    del os.environ[_name]


def copy_project(target: Path) -> Path:
    """The suite's project in `target`: the examples' config files at its top, the examples
    beside them and the repository's program. Returns `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for config in sorted(FIXTURE_CONFIG.glob("Pulumi*.yaml")):
        shutil.copy(config, target / config.name)
    shutil.copytree(REPO / "examples", target / "examples", ignore=_SKIPPED, symlinks=True)
    shutil.copy(REPO / "__main__.py", target / "__main__.py")
    shutil.copytree(REPO / "components", target / "components", ignore=_SKIPPED)
    return target


def _assembled() -> Path:
    home = Path(tempfile.mkdtemp(prefix="codex-project-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return copy_project(home / "project")


#: The project every test plans, checks and runs unless it makes a copy of its own.
PROJECT_DIR = _assembled()


@cache
def _planned(stack: str) -> tuple[Plan, dict[str, Any]]:
    os.environ["SOURCE_DATE_EPOCH"] = PLAN_EPOCH  # the offline plan's clock
    plan = Plan("codex", stack)
    config = with_placeholder_secrets(load_stack_config(PROJECT_DIR, stack), stack)
    program = run_program(PROJECT_DIR, config, plan)
    return plan, program


@pytest.fixture(scope="session")
def planned() -> Callable[[str], tuple[Plan, dict[str, Any]]]:
    """The plan and the program's globals for a stack; computed once per session."""
    return _planned


@contextmanager
def local_state(project: Path) -> Generator[Path]:
    """A state directory of its own for `codex-infra local` in `project` (under root, PostgreSQL's
    user must be able to reach it); whatever is still up in it is taken down afterwards."""
    root = Path(tempfile.mkdtemp(prefix="codex-local-"))
    root.chmod(0o755)
    previous = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(root)
    try:
        yield root
    finally:
        for stack in StateDir(root).stacks():
            environment.down(project, stack)
        if previous is None:
            del os.environ[STATE_ENV]
        else:
            os.environ[STATE_ENV] = previous
        shutil.rmtree(root, ignore_errors=True)
