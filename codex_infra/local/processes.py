"""The processes a local command starts, findable by whichever command comes next.

Each starts in a process group of its own, held at a gate (a shell waiting for one line on its
stdin) until its group is on record: however the command that started it ends, `kill -9`
included, the next command finds the whole group, orphans too, and stops each member by its PID.
A gate whose starter dies before recording it reads end-of-file and exits, having run nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import psutil

from codex_infra.local.state import LocalError

# Runs its arguments once told to on stdin; exits if that never comes.
GATE = 'read -r go && [ "$go" = go ] && exec "$@"'
STOP_TIMEOUT = 10.0
# psutil derives start times from the boot time, which moves a little when the clock is stepped.
START_TOLERANCE = 1.0


@dataclass(frozen=True)
class Process:
    """A PID and its start time: together they name one process, never a later one."""

    pid: int
    started: float

    @classmethod
    def of(cls, pid: int) -> Process:
        try:
            return cls(pid, psutil.Process(pid).create_time())
        except psutil.NoSuchProcess:
            return cls(pid, 0.0)

    @classmethod
    def from_record(cls, entry: Mapping[str, Any]) -> Process:
        return cls(int(entry["pid"]), float(entry["started"]))

    def to_record(self) -> dict[str, Any]:
        return {"pid": self.pid, "started": self.started}

    def alive(self) -> bool:
        """Running (not a zombie), and the same process as the one recorded."""
        try:
            process = psutil.Process(self.pid)
            return (
                process.status() != psutil.STATUS_ZOMBIE
                and abs(process.create_time() - self.started) < START_TOLERANCE
            )
        except psutil.NoSuchProcess:
            return False


Record = Callable[[Process], None]


def unrecorded(_: Process) -> None:
    """For a command that keeps no record: what it starts ends before it does."""


def spawn(
    argv: Sequence[str],
    record: Record,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    stdout: IO[Any] | int | None = None,
    stderr: IO[Any] | int | None = None,
    account: tuple[int, int] | None = None,
    hold: bool = False,
) -> subprocess.Popen[bytes]:
    """Starts `argv` as the leader of a new process group once `record` has it; as `account`
    (uid, gid, and no other group) if given. `hold`: its stdin stays open (`process.stdin`)
    for the caller to write to later; it reads end-of-file once the caller closes it or ends."""
    uid, gid = account or (None, None)
    process = subprocess.Popen(
        ["/bin/sh", "-c", GATE, "gate", *argv],
        stdin=subprocess.PIPE,
        stdout=stdout,
        stderr=stderr,
        cwd=cwd,
        env=env,
        start_new_session=True,
        user=uid,
        group=gid,
        extra_groups=None if account is None else [],
    )
    gate = process.stdin
    assert gate is not None
    opened = False
    try:
        record(Process.of(process.pid))
        gate.write(b"go\n")
        gate.flush()
        opened = True
    finally:
        if not (opened and hold):
            gate.close()  # without "go", the gate exits
            process.stdin = None
    return process


def run(
    argv: Sequence[str],
    record: Record,
    timeout: float,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    account: tuple[int, int] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`subprocess.run(argv, capture_output=True, text=True, timeout=…)`, gated; a timeout or an
    interruption stops the whole group, not only its leader."""
    process = spawn(
        argv, record, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        account=account,
    )  # fmt: skip
    with process:
        try:
            out, err = process.communicate(timeout=timeout)
        except BaseException:
            stop([Process.of(process.pid)])
            raise
    return subprocess.CompletedProcess(
        list(argv), process.returncode, out.decode(errors="replace"), err.decode(errors="replace")
    )


def members(leader: Process) -> list[Process]:
    """The live processes of `leader`'s group, its orphans included; none if the group's number
    now names someone else's group (it is free for reuse only once the group is empty)."""
    holder = Process.of(leader.pid)
    if holder.started and abs(holder.started - leader.started) >= START_TOLERANCE:
        return []
    found: list[Process] = []
    for process in psutil.process_iter(["create_time", "status"]):
        try:
            if (
                os.getpgid(process.pid) == leader.pid
                and process.info["status"] != psutil.STATUS_ZOMBIE
                and process.info["create_time"] > leader.started - START_TOLERANCE
            ):
                found.append(Process(process.pid, process.info["create_time"]))
        except (OSError, psutil.Error):  # it ended meanwhile
            continue
    return found


def stop(groups: Iterable[Process], processes: Iterable[Process] = ()) -> None:
    """SIGTERM to each live group leader (node lets miniflare stop workerd; a shell passes it on),
    then SIGKILL to whatever is left of the groups and of `processes`, each by its PID."""
    groups, processes = list(groups), list(processes)

    def left() -> list[Process]:
        found = [m for g in groups for m in members(g)] + [p for p in processes if p.alive()]
        return list(dict.fromkeys(found))

    leaders = [g for g in groups if g.alive()]
    for leader in leaders:
        _signal(leader, signal.SIGTERM)
    _wait(lambda: not any(g.alive() for g in leaders))
    for process in left():
        _signal(process, signal.SIGKILL)
    if not _wait(lambda: not left()):
        raise LocalError(f"processes {[p.pid for p in left()]} did not stop")


def _signal(process: Process, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # it ended since it was seen alive
        os.kill(process.pid, signum)


def _wait(done: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + STOP_TIMEOUT
    while not done():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True
