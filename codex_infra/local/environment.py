"""A stack's environment on this machine: up, down, status.

`up` runs the program through the engine with `LocalCloud`, reads the plan (`Blueprint`), then
creates what it asks for in the engine's order: the branch's database (a clone of its parent's
template), the migration command on it, then every Worker in one miniflare. Anything that fails,
or a Ctrl-C, undoes what this `up` started before the error is reported.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from codex_infra.engine import PROJECT, Plan, placeholder_secrets
from codex_infra.local import workers
from codex_infra.local.cloud import Blueprint, Branch, Command, LocalCloud
from codex_infra.local.postgres import (
    Server,
    create_database,
    database_exists,
    drop_database,
    ensure_role,
    random_text,
    rename_database,
    server_for,
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
    write_json,
)
from codex_infra.plan import run_stack

MIGRATION_TIMEOUT = 600
NOTE = (
    "Local values, made on this machine for this environment: not Cloudflare's, Neon's or "
    "Stripe's, and never valid there."
)


@dataclass(frozen=True)
class Local:
    """A stack's local environment as `up` recorded it (run.json)."""

    stack: str
    record: dict[str, Any]
    already_running: bool = False

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
    plan: Plan,
    secrets: Mapping[str, str],
    routes: Mapping[str, str | None],
    ports: Mapping[str, int],
) -> dict[str, str]:
    """The stack's URL outputs, localised, and the config secrets the program was given."""
    local_urls = {script: f"http://{LOOPBACK}:{port}" for script, port in ports.items()}
    env = {
        env_name(key): _localise(value, routes, local_urls)
        for key, value in sorted(plan.outputs.items())
        if key.endswith("Url") and isinstance(value, str)
    }
    return env | {env_name(key): value for key, value in sorted(secrets.items())}


def _choose_ports(
    scripts: list[str], base: int | None, remembered: Mapping[str, int]
) -> dict[str, int]:
    """`--port BASE`: BASE, BASE+1, … in the plan's order; else last time's ports, or free ones."""
    ports: dict[str, int] = {}
    for index, script in enumerate(scripts):
        if base is not None:
            ports[script] = base + index
            continue
        port = remembered.get(script)
        while port is None or port_in_use(port) or port in ports.values():
            port = free_port()
        ports[script] = port
    for script, port in ports.items():
        if port_in_use(port):
            raise LocalError(
                f"port {port} on {LOOPBACK} (for {script}) is in use: stop what holds it, or "
                f"choose other ports with --port"
            )
    return ports


def _tail(text: str, secret: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines[-3:]).replace(secret, "***") or "(no output)"


def _run_command(
    command: Command, root: Path, server: Server, target: str, swap: tuple[str, str] | None = None
) -> None:
    """As pulumi-command would (`/bin/sh -c`), with only what a migration needs: its declared
    environment, PATH (PostgreSQL's client tools first) and HOME."""
    env = {k: v.replace(*swap) if swap else v for k, v in command.environment.items()}
    base = {
        "PATH": f"{server.bin}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": os.environ.get("HOME", "/"),
    }
    try:
        result = subprocess.run(
            ["/bin/sh", "-c", command.create],
            cwd=root / (command.dir or "."),
            env=base | env,
            capture_output=True,
            text=True,
            timeout=MIGRATION_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise LocalError(
            f"{command.name}: `{command.create}` ran over {MIGRATION_TIMEOUT} s on {target}"
        ) from None
    if result.returncode != 0:
        raise LocalError(
            f"{command.name}: `{command.create}` failed with exit code {result.returncode} on "
            f"{target}: {_tail(result.stderr or result.stdout, server.endpoint.password)}"
        )


def _prepare_branch(branch: Branch, server: Server, root: Path) -> None:
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
                    _run_command(
                        command, root, server, f"{branch.template}", (branch.url, staging_url)
                    )
            except BaseException:
                drop_database(conn, staging)
                raise
            rename_database(conn, staging, branch.template)
        if not database_exists(conn, branch.database):
            create_database(conn, branch.database, owner, template=branch.template)


def _running_elsewhere(state: StateDir, stack: str) -> bool:
    for other in state.stacks():
        record = read_json(state.stack(other) / "run.json")
        if other != stack and record is not None and _processes(record)[0].alive():
            return True
    return False


def _processes(record: Mapping[str, Any]) -> list[workers.Process]:
    return [workers.Process(int(p["pid"]), float(p["started"])) for p in record["processes"]]


def problems(record: Mapping[str, Any]) -> list[str]:
    """Why a recorded environment no longer works, if it does not."""
    found = [f"process {p.pid} has exited" for p in _processes(record) if not p.alive()]
    found += [
        f"{w['script']} no longer answers on port {w['port']}"
        for w in record["workers"]
        if not listening(int(w["port"]))
    ]
    return found


def _given_secrets(stack: str, secrets: Mapping[str, str]) -> dict[str, str]:
    """The stack's config secrets from the environment (`STRIPE_WEBHOOK_SECRET`…) or --secret."""
    from_env = {
        key: os.environ[env_name(key)]
        for key in placeholder_secrets(stack)
        if os.environ.get(env_name(key))
    }
    return from_env | dict(secrets)


def _run_record(
    stack: str,
    root: Path,
    plan: Plan,
    blueprint: Blueprint,
    ports: Mapping[str, int],
    secrets: Mapping[str, str],
    passwords: Mapping[str, str],
    processes: list[workers.Process],
    server: Server,
) -> dict[str, Any]:
    """What `status` reports and `down` stops (run.json)."""
    return {
        "stack": stack,
        "project": str(root),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "workers": [
            {
                "script": script,
                "port": port,
                "url": f"http://{LOOPBACK}:{port}",
                "cloud": blueprint.routes[script] or "workers.dev",
            }
            for script, port in ports.items()
        ],
        "databases": {b.name: b.url for b in blueprint.branches},
        "env": environment_variables(plan, secrets, blueprint.routes, ports),
        "secrets": {env_name(k): v for k, v in secrets.items()} | dict(passwords),
        "processes": [{"pid": p.pid, "started": p.started} for p in processes],
        "postgres": {"pid": server.pid(), "port": server.endpoint.port},
        "log": str(StateDir.for_project(root).stack(stack) / "workers.log"),
    }


def up(
    root: Path,
    stack: str,
    plain: Mapping[str, str],
    secrets: Mapping[str, str],
    port_base: int | None = None,
) -> Local:
    state = StateDir.for_project(root)
    home = state.stack(stack)
    with state.lock():
        previous = read_json(home / "run.json")
        if previous is not None and not problems(previous):
            return Local(stack, previous, already_running=True)
        if previous is not None:  # crashed: clear what is left before starting again
            workers.stop(_processes(previous))
            (home / "run.json").unlink()
        workers.ensure_installed()
        server = server_for(state.postgres)
        record = read_json(home / "stack.json") or {}
        marker = str(record.get("marker") or "local" + random_text(24))
        passwords = cast(dict[str, str], record.get("passwords") or {})
        given = _given_secrets(stack, secrets)
        plan = Plan(PROJECT, stack, reveal_secrets=True)
        cloud = LocalCloud(server.endpoint, passwords)
        run_stack(root, plan, plain, given, cloud, marker)
        blueprint = Blueprint.of(plan, cloud)
        ports = _choose_ports(blueprint.reachable, port_base, record.get("ports") or {})
        databases = [b.database for b in blueprint.branches]
        kept = {"marker": marker, "passwords": passwords, "ports": ports, "databases": databases}
        write_json(home / "stack.json", kept)
        undo: list[Callable[[], None]] = []
        try:
            if not server.running():  # registered first: a Ctrl-C may land inside the start
                undo.append(lambda: None if _running_elsewhere(state, stack) else server.stop())
            server.start()
            for branch in blueprint.branches:
                _prepare_branch(branch, server, root)
            for command in blueprint.commands:
                _run_command(command, root, server, blueprint.target(command))
            options = workers.miniflare_options(blueprint.scripts, ports, root, home / "persist")
            processes = workers.start(options, home, root, list(ports.values()))
            undo.append(lambda: workers.stop(processes))
            config_secrets = placeholder_secrets(stack, marker) | given
            run = _run_record(
                stack, root, plan, blueprint, ports, config_secrets, passwords, processes, server
            )
            write_json(home / "run.json", run)
            return Local(stack, run)
        except BaseException:
            for step in reversed(undo):
                step()
            raise


def down(root: Path, stack: str, purge: bool = False) -> bool:
    """False if the stack was not running. The server stops with the last running stack."""
    state = StateDir.for_project(root)
    home = state.stack(stack)
    with state.lock():
        record = read_json(home / "run.json")
        if record is not None:
            workers.stop(_processes(record))
            (home / "run.json").unlink()
        server = server_for(state.postgres)
        if purge:
            kept = read_json(home / "stack.json") or {}
            if kept.get("databases"):
                server.start()
                with session(server) as conn:
                    for database in kept["databases"]:
                        drop_database(conn, str(database))
            shutil.rmtree(home, ignore_errors=True)
        if not _running_elsewhere(state, stack):
            server.stop()
        return record is not None


def status(root: Path, stack: str | None = None) -> list[dict[str, Any]]:
    """Every recorded environment (or STACK's), with what no longer works."""
    state = StateDir.for_project(root)
    found: list[dict[str, Any]] = []
    for name in [stack] if stack else state.stacks():
        record = read_json(state.stack(name) / "run.json")
        if record is None:
            continue
        trouble = problems(record)
        found.append(
            record
            | {
                "state": "crashed" if trouble else "running",
                "problems": trouble,
                "note": NOTE,
            }
        )
    return found
