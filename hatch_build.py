"""Build hook: an editable install (what `uv sync` makes of this project) compiles our own packages.

uv's `compile-bytecode` compiles site-packages only, and an editable install leaves `components/`
and `codex_infra/` where they are, so without this every command compiles them from source when
PYTHONDONTWRITEBYTECODE is set. The bytecode is checked against the source's hash, not its
modification time: a checkout that only touches files keeps it, an edited file is compiled
again (in memory, or on disk where Python may write).
"""

from __future__ import annotations

import compileall
import py_compile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileOwnPackages(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "editable":
            return  # a wheel carries sources only; its installer compiles them
        for package in self.build_config.packages:
            compileall.compile_dir(
                Path(self.root, package),
                quiet=1,
                invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH,
            )
