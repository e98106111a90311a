"""What the engine tests run: the Pulumi CLI and the provider plugins the engine starts.

The CLI is `pulumi` on PATH when there is one (GitHub's CI installs the official release), else
the one `.ci/build-pulumi` builds from the repository's Go module, when Go is installed. The
plugins are launchers named as the engine looks them up on PATH (`pulumi-resource-<name>`): the
stand-ins of this folder for cloudflare, command and random, and the SDK's own dynamic-provider
host for pulumi-python, each on this venv's Python.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from tests.engine import sdk_inputs
from tests.engine.standin import SCHEMA_ENV

REPO = Path(__file__).resolve().parents[2]
BUILD = REPO / ".ci" / "build-pulumi"
#: A first build downloads the Go modules (2.7 GB) and compiles: minutes.
BUILD_TIMEOUT = 1800
STANDINS = ("cloudflare", "command", "random")


class UnavailableError(Exception):
    """The CLI cannot be had here; the message names what is missing."""


def pulumi_cli() -> Path:
    """The folder holding the `pulumi` to run."""
    found = shutil.which("pulumi")
    if found is not None:
        return Path(found).parent
    if shutil.which("go") is None:
        raise UnavailableError(
            "no Pulumi CLI: `pulumi` is not on PATH and Go is not installed to build it"
            " (.ci/build-pulumi)"
        )
    try:
        built = subprocess.run(
            [str(BUILD)], capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=True
        )
    except subprocess.CalledProcessError as error:
        raise UnavailableError(f".ci/build-pulumi failed: {error.stderr.strip()[-500:]}") from None
    return Path(built.stdout.strip().splitlines()[-1])


def _launcher(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(["#!/bin/sh", *lines, ""]))
    path.chmod(0o755)


def install_plugins(target: Path) -> Path:
    """The plugin launchers in `target` (a folder to put on PATH), with the description of the
    installed SDKs' inputs they check against."""
    target.mkdir(parents=True, exist_ok=True)
    schema = sdk_inputs.write(target / "sdk-inputs.json")
    python = shlex.quote(sys.executable)
    for name in STANDINS:
        _launcher(
            target / f"pulumi-resource-{name}",
            [
                f"export {SCHEMA_ENV}={shlex.quote(str(schema))}",
                f"export PYTHONPATH={shlex.quote(str(REPO))}",
                f'exec {python} -m tests.engine.{name}_provider "$@"',
            ],
        )
    # The SDK's dynamic-provider host, as the real pulumi-resource-pulumi-python launches it.
    dynamic = f'exec {python} -u -m pulumi.dynamic "$@"'
    _launcher(target / "pulumi-resource-pulumi-python", [dynamic])
    return target


def search_path(*folders: Path) -> str:
    return os.pathsep.join([*(str(f) for f in folders), os.environ.get("PATH", "")])
