"""What outlives one `codex-infra local` command: a gitignored directory per checkout."""

from __future__ import annotations

import fcntl
import importlib.util
import json
import os
import signal
import socket
import time
from collections.abc import Callable, Generator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from codex_infra.errors import FaultError
from components.naming import NamingError, parse_stack

# Overrides where the state lives (tests; to keep it out of the checkout).
STATE_ENV = "CODEX_LOCAL_STATE"
STATE_DIR = ".codex-local"
LOOPBACK = "127.0.0.1"
LOCK_TIMEOUT = 120.0
# What a terminal's Ctrl-C, `timeout`, `docker stop` and a cancelled CI job send.
STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class LocalError(FaultError):
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
        """Only a stack name the program accepts ever becomes a path (never '..' or '')."""
        try:
            parse_stack(stack)
        except NamingError as err:
            raise LocalError(str(err)) from None
        return self.root / "stacks" / stack

    def stacks(self) -> list[str]:
        base = self.root / "stacks"
        return sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []

    def lock(self) -> AbstractContextManager[None]:
        """One command at a time changes the cluster and the stacks of a checkout."""
        self.root.mkdir(parents=True, exist_ok=True)
        return file_lock(self.root / "lock")


@contextmanager
def file_lock(path: Path) -> Generator[None]:
    """An exclusive flock, waited for at most LOCK_TIMEOUT."""
    deadline = time.monotonic() + LOCK_TIMEOUT
    with path.open("w") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LocalError(f"another codex-infra command holds {path}") from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM: a command undoes what it started, then exits 128 + the signal, as a
    shell reports a command the signal ended."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def what(self) -> str:
        return "interrupted" if self.signum == signal.SIGINT else "terminated"


def _raise_interrupted(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


@contextmanager
def interruptible() -> Generator[None]:
    """SIGTERM stops a command as Ctrl-C does: as `Interrupted`, which undoes what it started."""
    with _handling(_raise_interrupted):
        yield


@contextmanager
def uninterrupted() -> Generator[None]:
    """Cleanup runs to its end: a second Ctrl-C or SIGTERM must not leave half of it undone."""
    with _handling(signal.SIG_IGN):
        yield


@contextmanager
def _handling(handler: Any) -> Generator[None]:
    previous = {signum: signal.signal(signum, handler) for signum in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, before in previous.items():
            signal.signal(signum, before)


def run_all(steps: list[Callable[[], None]]) -> None:
    """Every cleanup step runs, even after one fails; the first failure is raised at the end."""
    failure: BaseException | None = None
    for step in steps:
        try:
            step()
        except Exception as err:  # the rest must run; the first is raised at the end
            failure = failure or err
    if failure is not None:
        raise failure


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        data: Any = json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except OSError as err:
        raise LocalError(f"{path} cannot be read: {err.strerror or err}") from None
    except ValueError as err:
        raise LocalError(f"{path} cannot be read ({err}): remove it to start afresh") from None
    if not isinstance(data, dict):
        raise LocalError(f"{path} is not a state file: remove it to start afresh")
    return cast(dict[str, Any], data)


def package_dir(name: str, what: str) -> Path:
    """Where a package that ships binaries lives, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise LocalError(f"{what} not found: run `uv sync` (it installs {name})")
    return Path(next(iter(spec.submodule_search_locations)))


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


def listening(port: int, host: str = LOOPBACK) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False
