"""Shared fixtures: the real program, run once per stack against Pulumi's mock engine, in the
suite's own project (tests/project.py), never the team's root config."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Generator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from codex_infra.engine.config import load_stack_config, with_placeholder_secrets
from codex_infra.engine.harness import run_program
from codex_infra.engine.mock import Plan
from codex_infra.engine.plan import PLAN_EPOCH
from codex_infra.local import environment
from codex_infra.local.state import STATE_ENV, StateDir
from tests.project import REPO as REPO  # the suite imports these from here too
from tests.project import copy_project as copy_project
from tests.project import temporary_project

# The program records GitHub's run details on new Neon branches: plans under test must not
# depend on whether the suite itself runs in GitHub Actions.
for _name in [n for n in os.environ if n.startswith("GITHUB_")]:
    del os.environ[_name]


#: The project every test plans, checks and runs unless it makes a copy of its own.
PROJECT_DIR = temporary_project()


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
