"""Processes a local command starts are findable by the next one, however the first one ended.

Real processes (sh, sleep), each in a group of its own; every wait is bounded, and every test
stops what it started, by PID.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from codex_infra.local import processes
from codex_infra.local.processes import Process

WAIT = 10.0


def gone(pid: int, within: float = WAIT) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def recorded() -> Iterator[list[Process]]:
    """What a test's gated processes put on record; stopped afterwards, whatever happened."""
    groups: list[Process] = []
    yield groups
    processes.stop(groups)


def test_a_gated_command_runs_only_once_its_group_is_on_record(
    tmp_path: Path, recorded: list[Process]
) -> None:
    ran = tmp_path / "ran"
    seen_before: list[bool] = []

    def record(group: Process) -> None:
        time.sleep(0.2)  # the command would have run by now, were it not held
        seen_before.append(ran.exists())
        recorded.append(group)

    process = processes.spawn(["touch", str(ran)], record)
    assert process.wait(WAIT) == 0
    assert seen_before == [False]
    assert ran.exists()


def test_a_held_command_reads_what_its_starter_writes_later_then_end_of_file(
    recorded: list[Process],
) -> None:
    """What the local runtime waits on: a line written once its options are there, or, if the
    command that started it is gone first, end-of-file."""
    script = "import sys; print(repr(sys.stdin.readline()), repr(sys.stdin.read()))"
    process = processes.spawn(
        [sys.executable, "-c", script], recorded.append, stdout=subprocess.PIPE, hold=True
    )
    assert process.stdin is not None
    time.sleep(0.2)
    assert process.poll() is None  # still waiting
    process.stdin.write(b"serve\n")
    process.stdin.close()
    process.stdin = None
    out, _ = process.communicate(timeout=WAIT)
    assert out.decode() == "'serve\\n' ''\n"
    (group,) = recorded
    assert group.pid == process.pid
    assert os.getpgid(os.getpid()) != group.pid  # a group of its own


def test_a_starter_killed_before_it_recorded_the_group_leaves_nothing_running(
    tmp_path: Path,
) -> None:
    """`kill -9` in the one window a record cannot cover: between the fork and the record."""
    ran, pid_file = tmp_path / "ran", tmp_path / "pid"
    starter = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from codex_infra.local import processes\n"
        "def record(group):\n"
        f"    Path({str(pid_file)!r}).write_text(str(group.pid))\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        f"processes.spawn(['sh', '-c', 'touch {ran}; sleep 60'], record)\n"
    )
    result = subprocess.run([sys.executable, "-c", starter], timeout=60, check=False)
    assert result.returncode == -signal.SIGKILL
    assert gone(int(pid_file.read_text()))
    assert not ran.exists()


def test_stop_finds_the_orphans_of_a_group_whose_leader_was_killed(
    recorded: list[Process],
) -> None:
    """As workerd is left when node is killed: its parent gone, its group still its own."""
    started = processes.spawn(["sh", "-c", "sleep 60 & sleep 60 & wait"], recorded.append)
    (leader,) = recorded
    deadline = time.monotonic() + WAIT
    while len(processes.members(leader)) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    orphans = [p for p in processes.members(leader) if p.pid != leader.pid]
    assert len(orphans) == 2
    os.kill(leader.pid, signal.SIGKILL)
    assert started.wait(WAIT) == -signal.SIGKILL
    assert all(p.alive() for p in orphans)
    assert set(processes.members(leader)) == set(orphans)
    processes.stop([leader])
    assert not [p for p in orphans if p.alive()]


def test_a_group_number_now_held_by_another_process_is_not_ours() -> None:
    """Once a group is empty its number may be reused: the leader's start time tells."""
    me = Process.of(os.getpid())
    assert processes.members(Process(me.pid, me.started - 3600)) == []
    processes.stop([Process(me.pid, me.started - 3600)])  # signals nobody: we are still here


def test_run_stops_the_whole_group_when_it_times_out(recorded: list[Process]) -> None:
    with pytest.raises(subprocess.TimeoutExpired):
        processes.run(["sh", "-c", "sleep 60 & sleep 60"], recorded.append, timeout=0.5)
    (leader,) = recorded
    assert processes.members(leader) == []


def test_run_returns_the_output_and_the_exit_code(recorded: list[Process]) -> None:
    done = processes.run(["sh", "-c", "echo out; echo err >&2; exit 3"], recorded.append, WAIT)
    assert (done.returncode, done.stdout, done.stderr) == (3, "out\n", "err\n")
