"""`codex-infra visual STACK --base REF`: what a change looks like, for a person or a CI job.

Both revisions run as local replicas of STACK, at once: the base from a temporary worktree (as
`codex-infra diff` plans it), the working tree as it is. Each runs its own program under this
checkout's harness, in a state directory of its own under the checkout's (`visual/before`,
`visual/after`: a PostgreSQL cluster each, initialised once and kept), so neither touches a stack
the person has running. Both are snapshotted with one browser, compared, and taken down (their
databases dropped, so every run starts from the template), whatever happened in between.
"""

from __future__ import annotations

import json
import signal
import subprocess
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from codex_infra.errors import UsageError, one_line
from codex_infra.local.state import STATE_ENV, StateDir, uninterrupted
from codex_infra.review.diff import checkout, start_harness
from codex_infra.visual.compare import Differ, compare
from codex_infra.visual.model import DEFAULT_TIMEOUT, THRESHOLD, Comparison, VisualError
from codex_infra.visual.report import write_reports
from codex_infra.visual.snapshot import Browser, Target, snapshot_all, visual_settings
from components.naming import NamingError, parse_stack

BUILD_TIMEOUT = 900
# `up` bounds each of its own waits; this bounds the whole, npm ci and migrations included.
REPLICA_TIMEOUT = 1200
STOP_TIMEOUT = 60
_UP = """
import json, sys
from pathlib import Path
from codex_infra.local import environment
from codex_infra.local.state import LocalError, StateDir
from codex_infra.errors import UsageError
action, stack = sys.argv[1:3]
try:
    said = {}
    if action == "up":
        said = {"url": environment.up(Path.cwd(), stack, {}, {}).env.get("WEB_URL")}
    elif StateDir.for_project(Path.cwd()).stack(stack).is_dir():
        environment.down(Path.cwd(), stack, purge=True)
except (LocalError, UsageError, OSError) as err:
    said = {"error": str(err)}
sys.stdout.write(json.dumps(said))
"""


@dataclass(frozen=True)
class Side:
    name: str  # before, after: also its folder in the report
    tree: Path
    label: str


class Replicas(Protocol):
    def up(self, side: Side, stack: str) -> str:
        """Starts STACK from the side's tree; returns its web URL."""
        ...

    def down(self, side: Side, stack: str) -> None: ...


class HarnessReplicas:
    """Each side through `codex-infra local`'s own up and down, in a subprocess whose program is
    that side's (see codex_infra.review.diff.start_harness), in a state directory of its own."""

    def __init__(self, state: Path) -> None:
        self.state = state

    def _run(self, side: Side, action: str, stack: str) -> dict[str, Any]:
        home = self.state / side.name
        process = start_harness(side.tree, _UP, [action, stack], {STATE_ENV: str(home)})
        try:
            out, err = process.communicate(timeout=REPLICA_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise VisualError(f"{side.label}: {action} ran over {REPLICA_TIMEOUT} s") from None
        finally:
            _stop(process)
        try:
            said = cast(dict[str, Any], json.loads(out))
        except json.JSONDecodeError:
            said = {"error": one_line(err or out, last=1)}
        if "error" in said:
            raise VisualError(f"{side.label}: local {action} {stack}: {said['error']}")
        return said

    def up(self, side: Side, stack: str) -> str:
        url = self._run(side, "up", stack).get("url")
        if not isinstance(url, str):
            raise VisualError(f"{side.label}: {stack} has no webUrl output to snapshot")
        return url

    def down(self, side: Side, stack: str) -> None:
        self._run(side, "down", stack)


def _stop(process: subprocess.Popen[str]) -> None:
    """A harness still running (a timeout, Ctrl-C) is asked to stop as Ctrl-C asks, so that an up
    undoes what it started; killed only if it does not within STOP_TIMEOUT."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        process.communicate(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()


def replicas_for(root: Path) -> HarnessReplicas:
    return HarnessReplicas(StateDir.for_project(root).root / "visual")


def _build(side: Side, command: str) -> None:
    """The Worker bundles of a revision, built in its tree (e.g. WORKER_BUILD_COMMAND)."""
    try:
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", command],
            cwd=side.tree,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise VisualError(f"{side.label}: the build ran over {BUILD_TIMEOUT} s") from None
    if done.returncode != 0:
        said = one_line(done.stderr or done.stdout, last=3)
        raise VisualError(f"{side.label}: the build failed (exit {done.returncode}): {said}")


def visual_review(
    root: Path,
    stack: str,
    base_ref: str,
    out: Path,
    replicas: Replicas,
    browser: Callable[[], AbstractContextManager[Browser]],
    differ: Differ,
    build: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    threshold: float = THRESHOLD,
) -> Comparison:
    """The comparison of STACK at `base_ref` (before) and in the working tree (after), written
    to `out` with its reports. Nothing it started is left running."""
    try:
        parse_stack(stack)
    except NamingError as err:
        raise UsageError(str(err)) from None
    with checkout(root, base_ref) as base_tree, tempfile.TemporaryDirectory() as tmp:
        sides = [
            Side("before", base_tree, f"{stack} at {base_ref}"),
            Side("after", root, f"{stack} in the working tree"),
        ]
        settings = [visual_settings(side.tree, stack) for side in sides]
        if build is not None:
            for side in sides:
                _build(side, build)
        try:
            # The browser starts while the replicas come up.
            with ThreadPoolExecutor(max_workers=len(sides)) as pool:
                starting = [pool.submit(replicas.up, side, stack) for side in sides]
                with browser() as chromium:
                    targets = [
                        Target(started.result(), visual, Path(tmp) / side.name)
                        for side, started, visual in zip(sides, starting, settings, strict=True)
                    ]
                    snapshot_all(targets, chromium, timeout)
        finally:
            with uninterrupted(), ThreadPoolExecutor(max_workers=len(sides)) as pool:
                list(pool.map(replicas.down, sides, [stack] * len(sides)))
        comparison = compare(
            Path(tmp) / "before",
            Path(tmp) / "after",
            out,
            differ,
            threshold,
            labels=(sides[0].label, sides[1].label),
        )
    write_reports(comparison, out)
    return comparison
