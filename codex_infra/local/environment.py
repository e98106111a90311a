"""A stack's environment on this machine: up, down, status.

`up` runs the program through the engine with `LocalCloud`, reads the plan (`Blueprint`), then
creates what it asks for in the engine's order: the branch's database (a clone of its parent's
template), the migration command on it, then every Worker in one miniflare. Anything that fails,
or a Ctrl-C or SIGTERM, undoes what this `up` started before the error is reported. Its record
(run.json) is on disk before it spawns anything, and holds each process group before that group
runs: if `up` itself is killed, the next command finds and stops all it left.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from codex_infra.engine.config import PROJECT, placeholder_secrets, stack_files
from codex_infra.engine.mock import Plan
from codex_infra.engine.plan import run_stack
from codex_infra.errors import one_line
from codex_infra.local import neon, plan_cache, processes, workers
from codex_infra.local.cloud import Blueprint, Branch, Command, LocalCloud
from codex_infra.local.postgres import (
    Cluster,
    Endpoint,
    ExternalServer,
    Server,
    create_database,
    database_exists,
    drop_database,
    ensure_role,
    random_text,
    rename_database,
    server_for,
    server_pid,
    session,
)
from codex_infra.local.state import (
    LOOPBACK,
    LocalError,
    StateDir,
    free_port,
    listening,
    port_in_use,
    read_json,
    run_all,
    uninterrupted,
    write_json,
)

MIGRATION_TIMEOUT = 600
MAX_PORT = 65535
GIVEN = "[given]"
NOTE = (
    "Local values, made on this machine for this environment: not Cloudflare's, Neon's or "
    f"Stripe's, and never valid there. Secrets given from the environment or --secret show as "
    f"{GIVEN}."
)


@dataclass(frozen=True)
class Running:
    """A stack's local environment as `up` recorded it (run.json)."""

    record: dict[str, Any]
    already: bool = False  # it was running before this `up`
    kept: tuple[str, ...] = ()  # config keys given before a crash, given again on its restart
    reused: bool = False  # its last plan, unchanged inputs: the program did not run

    @property
    def stack(self) -> str:
        return str(self.record["stack"])

    @property
    def env(self) -> dict[str, str]:
        """What `local run` hands the command: each URL output under its env name, the secrets."""
        return cast(dict[str, str], self.record["env"])


def env_name(key: str) -> str:
    """`stripeWebhookUrl` -> `STRIPE_WEBHOOK_URL`."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", key).upper()


def _localise(url: str, routes: Mapping[str, str | None], local_urls: Mapping[str, str]) -> str:
    """A Worker's cloud URL (workers.dev or its custom domain) -> its loopback URL."""
    host = urlsplit(url).hostname or ""
    for script, hostname in routes.items():
        if host == hostname or (
            hostname is None and host.endswith(".workers.dev") and host.split(".")[0] == script
        ):
            return local_urls[script]
    return url


def environment_variables(
    outputs: Mapping[str, Any],
    secrets: Mapping[str, str],
    routes: Mapping[str, str | None],
    ports: Mapping[str, int],
) -> dict[str, str]:
    """The stack's URL outputs, localised, and the config secrets the program was given."""
    local_urls = {script: f"http://{LOOPBACK}:{port}" for script, port in ports.items()}
    env = {
        env_name(key): _localise(value, routes, local_urls)
        for key, value in sorted(outputs.items())
        if key.endswith("Url") and isinstance(value, str)
    }
    return env | {env_name(key): value for key, value in sorted(secrets.items())}


def _choose_ports(
    scripts: list[str], base: int | None, remembered: Mapping[str, int], taken: set[int]
) -> dict[str, int]:
    """`--port BASE`: BASE, BASE+1, … in the plan's order; else last time's ports, or free ones.
    `taken`: ports of ours that are not free for a Worker (the database server's)."""
    ports: dict[str, int] = {}
    for index, script in enumerate(scripts):
        if base is not None:
            ports[script] = base + index
            continue
        port = remembered.get(script)
        while port is None or port in taken or port_in_use(port) or port in ports.values():
            port = free_port()
        ports[script] = port
    for script, port in ports.items():
        if port > MAX_PORT:
            raise LocalError(f"--port {base}: {script} would need port {port}, over {MAX_PORT}")
        if port in taken or port_in_use(port):
            raise LocalError(
                f"port {port} on {LOOPBACK} (for {script}) is in use: stop what holds it, or "
                f"choose other ports with --port"
            )
    return ports


def _run_command(
    command: Command,
    root: Path,
    server: Server,
    target: str,
    record: processes.Record,
    swap: tuple[str, str] | None = None,
) -> None:
    """As pulumi-command would (`/bin/sh -c`), with only what a migration needs: its declared
    environment, PATH (PostgreSQL's client tools first) and HOME; its process group on record."""
    env = {k: v.replace(*swap) if swap else v for k, v in command.environment.items()}
    base = {
        "PATH": f"{server.bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": os.environ.get("HOME", "/"),
    }
    what = f"{command.name}: `{command.create}`"
    try:
        result = processes.run(
            ["/bin/sh", "-c", command.create],
            record,
            MIGRATION_TIMEOUT,
            cwd=root / (command.dir or "."),
            env=base | env,
        )
    except subprocess.TimeoutExpired:
        raise LocalError(f"{what} ran over {MIGRATION_TIMEOUT} s on {target}") from None
    except OSError as err:
        raise LocalError(f"{what} could not start: {err}") from None
    if result.returncode != 0:
        tail = server.endpoint.redact(one_line(result.stderr or result.stdout, last=3))
        raise LocalError(f"{what} failed with exit code {result.returncode} on {target}: {tail}")


def _prepare_branch(branch: Branch, server: Server, root: Path, record: processes.Record) -> None:
    """The template (the parent branch) is made once, migrated by the program's own command
    under a temporary name, so a failed migration never leaves a half-made parent."""
    owner = server.endpoint.role(branch.role)
    with session(server) as conn:
        if server.endpoint.user is None:
            ensure_role(conn, branch.role, server.endpoint.password)
        if not database_exists(conn, branch.template):
            staging = f"{branch.template[:55]}_staging"
            drop_database(conn, staging)
            create_database(conn, staging, owner)
            try:
                staging_url = server.endpoint.url(branch.role, staging)
                for command in branch.migrations:
                    swap = (branch.url, staging_url)
                    _run_command(command, root, server, branch.template, record, swap)
            except BaseException:
                drop_database(conn, staging)
                raise
            rename_database(conn, staging, branch.template)
        if not database_exists(conn, branch.database):
            create_database(conn, branch.database, owner, template=branch.template)


def _processes(record: Mapping[str, Any]) -> list[processes.Process]:
    """The runtime's processes (node, workerd) once the stack is ready."""
    return [processes.Process.from_record(p) for p in record["processes"]]


def _groups(record: Mapping[str, Any]) -> list[processes.Process]:
    """The leader of each process group `up` started (older records have none)."""
    groups = cast(list[dict[str, Any]], record.get("groups") or [])
    return [processes.Process.from_record(g) for g in groups]


def _left(record: Mapping[str, Any]) -> list[processes.Process]:
    """Every live process of the record: the runtime's and any member of its groups."""
    found = [m for g in _groups(record) for m in processes.members(g)]
    return list(dict.fromkeys(found + [p for p in _processes(record) if p.alive()]))


def _stop(record: Mapping[str, Any]) -> None:
    processes.stop(_groups(record), _processes(record))


def _running_elsewhere(state: StateDir, stack: str) -> bool:
    for other in state.stacks():
        record = read_json(state.stack(other) / "run.json")
        if other != stack and record is not None and _left(record):
            return True
    return False


def _stop_server_if_idle(state: StateDir, stack: str, server: Server) -> None:
    """The server stops with the last running stack."""
    if not _running_elsewhere(state, stack):
        server.stop()


def problems(record: Mapping[str, Any]) -> list[str]:
    """Why a recorded environment no longer works, if it does not."""
    found = [f"process {p.pid} has exited" for p in _processes(record) if not p.alive()]
    found += [
        f"{w['script']} no longer answers on port {w['port']}"
        for w in record["workers"]
        if not listening(int(w["port"]))
    ]
    return found + _database_problems(record["postgres"])


def _database_problems(postgres: Mapping[str, Any]) -> list[str]:
    """A killed server (ours: its data directory names no live postmaster), or one that no
    longer answers where the Workers reach it."""
    data, host, port = postgres.get("data"), postgres.get("host", LOOPBACK), postgres["port"]
    if data is not None and server_pid(Path(data)) is None:
        return [f"PostgreSQL (the server of {data}) is not running"]
    if not listening(int(port), host):
        return [f"PostgreSQL does not answer on {host}:{port}"]
    return []


def condition(record: Mapping[str, Any]) -> tuple[str, list[str]]:
    """running, crashed (and why), starting (its `up` is at work) or interrupted (its `up`
    ended before the stack was ready: killed, maybe)."""
    if record.get("ready", True):
        trouble = problems(record)
        return ("crashed" if trouble else "running"), trouble
    starter = processes.Process.from_record(record["starter"])
    if starter.alive():
        return "starting", []
    return "interrupted", [
        f"`local up` (pid {starter.pid}) ended before {record['stack']} was ready: "
        "`local down` stops what it left, `local up` starts it afresh"
    ]


def _given_secrets(stack: str, secrets: Mapping[str, str]) -> dict[str, str]:
    """The stack's config secrets from the environment (`STRIPE_WEBHOOK_SECRET`…) or --secret."""
    from_env = {
        key: os.environ[env_name(key)]
        for key in placeholder_secrets(stack)
        if os.environ.get(env_name(key))
    }
    return from_env | dict(secrets)


def _restarted(
    previous: Mapping[str, Any] | None,
    plain: Mapping[str, str],
    given: Mapping[str, str],
) -> tuple[dict[str, str], dict[str, str], tuple[str, ...]]:
    """A stack that crashed (or whose `up` was killed) starts again with the config and secrets
    it was given then, each unless given anew now. Which were kept, by config key."""
    if previous is None:
        return dict(plain), dict(given), ()
    before = cast(dict[str, dict[str, str]], previous.get("overrides") or {})
    config, secrets = before.get("config") or {}, before.get("secrets") or {}
    lost = set(previous.get("given") or []) - {env_name(k) for k in [*secrets, *given]}
    if lost:
        raise LocalError(
            f"{previous['stack']} stopped running with secrets you gave ({', '.join(sorted(lost))})"
            f" that its record does not keep: give them again, or `codex-infra local down "
            f"{previous['stack']}` first to start it with local values"
        )
    kept = tuple(sorted(k for k in [*config, *secrets] if k not in plain and k not in given))
    return config | dict(plain), secrets | dict(given), kept


class _Ledger:
    """run.json while `up` works: on disk before anything is spawned, each process group on it
    before that group may run."""

    def __init__(self, path: Path, record: dict[str, Any]) -> None:
        self.path = path
        self.record = record
        self.closed = False
        write_json(path, record)

    def add(self, group: processes.Process) -> None:
        """Once closed, only the clean-up runs (pg_ctl stop): bounded, and not the stack's."""
        if not self.closed:
            self.record["groups"].append(group.to_record())
            write_json(self.path, self.record)

    def stop_all(self) -> None:
        """What this `up` started, then its record: kept if something would not stop."""
        self.closed = True
        _stop(self.record)
        self.path.unlink(missing_ok=True)

    def complete(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """The stack is ready: its record as `status` reports it and `down` stops it."""
        live = [g.to_record() for g in _groups(self.record) if processes.members(g)]
        ready = self.record | dict(fields) | {"ready": True, "groups": live}
        write_json(self.path, ready)
        return ready


def _starting_record(
    stack: str, root: Path, home: Path, config: Mapping[str, str], secrets: Mapping[str, str]
) -> dict[str, Any]:
    return {
        "stack": stack,
        "project": str(root),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "ready": False,
        "starter": processes.Process.of(os.getpid()).to_record(),
        "groups": [],
        "processes": [],
        "workers": [],
        "databases": {},
        "env": {},
        "given": sorted(env_name(k) for k in secrets),
        "overrides": {"config": dict(config), "secrets": dict(secrets)},
        "passwords": {},
        "postgres": {"pid": None},
        "log": str(home / workers.LOG),
    }


def _postgres_record(server: Server) -> dict[str, Any]:
    """Where the Workers reach the database, and for our own cluster where it lives and as whom
    it runs."""
    ours = isinstance(server, Cluster)
    return {
        "pid": server.pid(),
        "host": server.endpoint.host,
        "port": server.endpoint.port,
        "data": str(server.data) if ours else None,
        "account": server.account if ours else None,
    }


@dataclass(frozen=True)
class _Made:
    """What one `up` made, for its run record."""

    outputs: dict[str, Any]  # the stack's outputs, as the plan has them
    blueprint: Blueprint
    ports: dict[str, int]
    secrets: dict[str, str]  # the config secrets the program got, by config key
    passwords: dict[str, str]
    processes: list[processes.Process]
    neon: neon.NeonEndpoint | None


def _run_record(made: _Made, server: Server) -> dict[str, Any]:
    """What `status` reports and `down` stops (run.json, readable by its owner only)."""
    return {
        "workers": [
            {
                "script": script,
                "port": port,
                "url": f"http://{LOOPBACK}:{port}",
                "cloud": made.blueprint.routes[script] or "workers.dev",
            }
            for script, port in made.ports.items()
        ],
        "databases": {b.name: b.url for b in made.blueprint.branches},
        "env": environment_variables(made.outputs, made.secrets, made.blueprint.routes, made.ports),
        "passwords": made.passwords,
        "processes": [p.to_record() for p in made.processes],
        "postgres": _postgres_record(server),
        "neon": made.neon.describe() if made.neon else None,
    }


@dataclass(frozen=True)
class _Planned:
    blueprint: Blueprint
    outputs: dict[str, Any]
    reused: bool  # the stack's last plan, nothing it depends on changed since


def _plan(inputs: plan_cache.Inputs, endpoint: Endpoint, passwords: dict[str, str]) -> _Planned:
    """The program run through the engine with local answers (the endpoint's, the passwords
    kept: those it makes are added), or the stack's last plan while nothing it depends on has
    changed (plan_cache)."""
    root, stack = Path(inputs.root), inputs.stack
    cache = StateDir.for_project(root).stack(stack) / plan_cache.FILE
    kept = plan_cache.load(cache, inputs)
    if kept is not None:
        return _Planned(Blueprint.from_document(kept["blueprint"]), kept["outputs"], reused=True)
    plan = Plan(PROJECT, stack, reveal_secrets=True)
    cloud = LocalCloud(endpoint, passwords)
    with plan_cache.traced() as trace:
        run_stack(root, plan, inputs.config, inputs.secrets, cloud, inputs.marker)
    blueprint = Blueprint.of(plan, cloud)
    document = {"blueprint": blueprint.to_document(), "outputs": plan.outputs}
    made = replace(inputs, passwords=dict(passwords))
    plan_cache.save(cache, made, trace, document, stack_files(root, stack))
    return _Planned(blueprint, plan.outputs, reused=False)


def up(
    root: Path,
    stack: str,
    plain: Mapping[str, str],
    secrets: Mapping[str, str],
    port_base: int | None = None,
) -> Running:
    state = StateDir.for_project(root)
    home = state.stack(stack)
    with state.lock():
        previous = read_json(home / "run.json")
        if previous is not None and condition(previous)[0] == "running":
            return Running(previous, already=True)
        config, given, kept = _restarted(previous, plain, _given_secrets(stack, secrets))
        if previous is not None:  # crashed or interrupted: clear what is left before starting
            _stop(previous)
            (home / "run.json").unlink()
        ledger = _Ledger(home / "run.json", _starting_record(stack, root, home, config, given))
        server = server_for(state.root, ledger.add)
        ledger.record["postgres"] = _postgres_record(server)
        # Registered before anything starts: a Ctrl-C or SIGTERM may land anywhere.
        undo = [ledger.stop_all, lambda: _stop_server_if_idle(state, stack, server)]
        try:
            workers.ensure_installed(record=ledger.add)
            record = read_json(home / "stack.json") or {}
            marker = str(record.get("marker") or "local" + random_text(24))
            passwords = cast(dict[str, str], record.get("passwords") or {})
            endpoint = asdict(server.endpoint)
            inputs = plan_cache.inputs(root, stack, config, given, marker, passwords, endpoint)
            planned = _plan(inputs, server.endpoint, passwords)
            blueprint = planned.blueprint
            remembered = cast(dict[str, int], record.get("ports") or {})
            taken = {server.endpoint.port}
            ports = _choose_ports(blueprint.reachable, port_base, remembered, taken)
            write_json(
                home / "stack.json",
                {
                    "marker": marker,
                    "passwords": passwords,
                    "ports": ports,
                    "databases": [b.database for b in blueprint.branches],
                    "external_server": isinstance(server, ExternalServer),
                },
            )
            launched = workers.launch(home, root, ledger.add)  # loads while the database starts
            server.start()
            for branch in blueprint.branches:
                _prepare_branch(branch, server, root, ledger.add)
            for command in blueprint.commands:
                _run_command(command, root, server, blueprint.target(command), ledger.add)
            options = workers.miniflare_options(
                blueprint.scripts, ports, root, home, blueprint.hyperdrives
            )
            served = neon.endpoint(blueprint.scripts, blueprint.branches, server.endpoint)
            options = neon.with_endpoint(options, served)
            runtime = workers.serve(launched, options, home, list(ports.values()))
            config_secrets = placeholder_secrets(stack, marker) | given
            made = _Made(
                planned.outputs, blueprint, ports, config_secrets, passwords, runtime, served
            )
            record = ledger.complete(_run_record(made, server))
            return Running(record, kept=kept, reused=planned.reused)
        except BaseException:
            with uninterrupted():
                run_all(undo)
            raise


def down(root: Path, stack: str, purge: bool = False) -> bool:
    """False if the stack was not running. The server stops with the last running stack; with
    --purge of the last stack, its directory goes too."""
    state = StateDir.for_project(root)
    home = state.stack(stack)
    with state.lock(), uninterrupted():
        record = read_json(home / "run.json")
        kept = read_json(home / "stack.json") or {}
        server = server_for(state.root)
        if purge and bool(kept.get("external_server")) != isinstance(server, ExternalServer):
            raise LocalError(
                f"{stack}'s databases are on the server of LOCAL_DATABASE_URL"
                if kept.get("external_server")
                else f"{stack}'s databases are on this checkout's own server: unset "
                "LOCAL_DATABASE_URL"
            )
        steps: list[Callable[[], None]] = []
        if record is not None:
            steps += [lambda: _stop(record), (home / "run.json").unlink]
        if purge:
            steps += [
                lambda: _drop(server, kept.get("databases") or []),
                lambda: shutil.rmtree(home),
            ]
        steps.append(lambda: _stop_server_if_idle(state, stack, server))
        if purge and isinstance(server, Cluster):
            steps.append(lambda: None if state.stacks() else server.remove())
        run_all(steps)
        return record is not None


def _drop(server: Server, databases: list[str]) -> None:
    if databases:
        server.start()
        with session(server) as conn:
            for database in databases:
                drop_database(conn, database)


def status(root: Path, stack: str | None = None) -> list[dict[str, Any]]:
    """Every recorded environment (or STACK's), with what no longer works and the processes it
    has; secrets the caller gave are masked (only our local values are shown)."""
    state = StateDir.for_project(root)
    found: list[dict[str, Any]] = []
    for name in [stack] if stack else state.stacks():
        record = read_json(state.stack(name) / "run.json")
        if record is None:
            continue
        state_of, trouble = condition(record)
        postgres = cast(dict[str, Any], record["postgres"])
        data = postgres.get("data")
        found.append(
            masked(record)
            | {
                "state": state_of,
                "problems": trouble,
                "note": NOTE,
                "processes": [p.to_record() for p in _left(record)]
                if state_of in ("starting", "interrupted")
                else record["processes"],
                "postgres": postgres | {"pid": server_pid(Path(data)) if data else None},
            }
        )
    return found


def masked(record: dict[str, Any]) -> dict[str, Any]:
    """For whatever is printed: a secret the caller gave (a real Stripe key, maybe) is not ours
    to show."""
    given = set(record.get("given") or [])
    env = {k: GIVEN if k in given else v for k, v in record["env"].items()}
    overrides = cast(dict[str, dict[str, str]], record.get("overrides") or {})
    secrets = {k: GIVEN for k in overrides.get("secrets") or {}}
    return record | {"env": env, "overrides": overrides | {"secrets": secrets}}
