"""The project the suite and the benchmarks run: the repository's program with the examples' own
config and app, assembled outside the checkout: what the team's root `Pulumi.yaml` points at never
matters to them."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

#: The repository: workflows, README, lockfiles, the policy pack.
REPO = Path(__file__).resolve().parent.parent
#: The examples' own stack config, which the suite's project uses whatever the root's says.
FIXTURE_CONFIG = REPO / "examples" / "project"
_SKIPPED = shutil.ignore_patterns("__pycache__", "node_modules")


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


def temporary_project() -> Path:
    """A copy of the suite's project in a temporary directory, removed when the process exits."""
    home = Path(tempfile.mkdtemp(prefix="codex-project-"))
    atexit.register(shutil.rmtree, home, ignore_errors=True)
    return copy_project(home / "project")
