"""What outlives one `codex-infra local` command: a gitignored directory per checkout."""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import psutil

# Overrides where the state lives (tests; a checkout that PostgreSQL's user cannot reach).
STATE_ENV = "CODEX_LOCAL_STATE"
STATE_DIR = ".codex-local"
LOOPBACK = "127.0.0.1"
LOCK_TIMEOUT = 120.0


class LocalError(Exception):
    """A local environment cannot be brought up or down: one line, nothing left running."""


@dataclass(frozen=True)
class StateDir:
    root: Path

    @classmethod
    def for_project(cls, project: Path) -> StateDir:
        return cls(Path(os.environ.get(STATE_ENV) or project / STATE_DIR).absolute())

    @property
    def postgres(self) -> Path:
        return self.root / "postgres"

    def stack(self, stack: str) -> Path:
        return self.root / "stacks" / stack

    def stacks(self) -> list[str]:
        base = self.root / "stacks"
        return sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []

    @contextmanager
    def lock(self) -> Generator[None]:
        """One command at a time changes the cluster and the stacks of a checkout."""
        self.root.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + LOCK_TIMEOUT
        with (self.root / "lock").open("w") as handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise LocalError(
                            f"another codex-infra local command holds {self.root / 'lock'}"
                        ) from None
                    time.sleep(0.1)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        return cast(dict[str, Any], json.loads(path.read_text()))
    except FileNotFoundError:
        return None


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Readable by the owner only: these files hold local passwords and secrets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle, indent=2, sort_keys=True)
    tmp.replace(path)


def port_in_use(port: int) -> bool:
    """As a server would find it: closed connections lingering in TIME_WAIT do not count."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((LOOPBACK, port))
        except OSError:
            return True
    return False


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((LOOPBACK, port)) == 0


def started_at(pid: int) -> float | None:
    """A process's start time: with its PID, it names that process and no later one."""
    try:
        return psutil.Process(pid).create_time()
    except psutil.NoSuchProcess:
        return None


def alive(pid: int, started: float | None = None) -> bool:
    """Running (not a zombie), and the same process as the one started at `started`."""
    try:
        process = psutil.Process(pid)
        return process.status() != psutil.STATUS_ZOMBIE and (
            started is None or abs(process.create_time() - started) < 0.01
        )
    except psutil.NoSuchProcess:
        return False
