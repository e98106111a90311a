"""The two settings the benchmarks report: bytecode compiled at install (this project's, see
`[tool.uv]` in pyproject.toml) and none at all (uv's default). Both with PYTHONDONTWRITEBYTECODE=1,
as many containers and CIs set it, so no command leaves bytecode for the next.

"not compiled" points Python's bytecode cache at an empty folder (PYTHONPYCACHEPREFIX): it finds
none there and writes none, so every command compiles what it imports, as in a venv that uv
synced without compiling, while this venv stays as it is.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

_EMPTY = tempfile.mkdtemp(prefix="codex-no-bytecode-")
atexit.register(shutil.rmtree, _EMPTY, ignore_errors=True)

SETTINGS: dict[str, dict[str, str]] = {
    "compiled": {"PYTHONDONTWRITEBYTECODE": "1"},
    "not compiled": {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": _EMPTY},
}


def environment(setting: str) -> dict[str, str]:
    """This process's environment under `setting`."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"} | SETTINGS[setting]
