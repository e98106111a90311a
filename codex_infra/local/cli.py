"""`codex-infra local up|down|status|run`: what `supabase start/stop/status` users expect."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from codex_infra.errors import FAULT, fail
from codex_infra.local import environment
from codex_infra.local.environment import GIVEN, Running, masked
from codex_infra.local.state import LocalError
from codex_infra.overrides import Overrides, config_overrides
from codex_infra.plan import PlanError, find_root

INTERRUPTED = 130  # the shell's code for a command ended by Ctrl-C
COMMAND_STOP_TIMEOUT = 10


def _root() -> Path:
    try:
        return find_root(Path.cwd())
    except PlanError as err:
        raise fail(str(err)) from None


@contextmanager
def _faults() -> Generator[None]:
    """Every way a local command fails ends as one line."""
    try:
        yield
    except PlanError as err:
        raise fail(str(err)) from None
    except LocalError as err:
        raise fail(str(err), FAULT) from None
    except OSError as err:
        raise fail(f"{err.filename or 'local'}: {err.strerror or err}", FAULT) from None


def _up(stack: str, overrides: Overrides, port: int | None) -> Running:
    root = _root()
    try:
        with _faults():
            return environment.up(root, stack, overrides.plain, overrides.secret, port)
    except KeyboardInterrupt:
        raise fail(
            f"interrupted: {stack} was not started, nothing is left running", INTERRUPTED
        ) from None


def _describe(running: Running) -> str:
    record = masked(running.record)
    env: dict[str, str] = record["env"]
    width = max(len(k) for k in env)
    stack = running.stack
    lines = [
        f"{stack} is {'already ' if running.already else ''}running locally.",
        *(
            ["  (as started before: `local down` first to change its config or ports)"]
            if running.already
            else []
        ),
        "",
        *(f"  {key.ljust(width)}  {value}" for key, value in env.items()),
        "",
        f"  Logs:    {record['log']}",
        f"  Status:  codex-infra local status {stack}",
        f"  Stop:    codex-infra local down {stack}   (--purge also drops its database)",
        "",
        f"  Secrets above are local values made for this environment ({GIVEN}: yours, not shown).",
    ]
    return "\n".join(lines)


port_option = click.option(
    "--port", type=click.IntRange(1024, 65535), help="First port of the Workers (then +1, +2)."
)


@click.group()
def local() -> None:
    """Run a stack here: Cloudflare's Workers runtime (miniflare) and PostgreSQL for its branch."""


@local.command()
@click.argument("stack")
@port_option
@config_overrides
def up(stack: str, port: int | None, overrides: Overrides) -> None:
    """Start STACK's Workers and database; prints their URLs."""
    click.echo(_describe(_up(stack, overrides, port)))


@local.command()
@click.argument("stack")
@click.option("--purge", is_flag=True, help="Also drop its database and local secrets.")
def down(stack: str, purge: bool) -> None:
    """Stop STACK (the database server stops with the last running stack)."""
    with _faults():
        was_running = environment.down(_root(), stack, purge)
    done = "stopped" if was_running else "was not running"
    click.echo(f"{stack} {done}{'; its database and local secrets are gone' if purge else ''}.")


@local.command()
@click.argument("stack", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON document: URLs, pids, secrets.")
def status(stack: str | None, as_json: bool) -> None:
    """Each local environment (or STACK's): running or crashed, URLs, processes."""
    with _faults():
        found = environment.status(_root(), stack)
    if as_json:
        click.echo(json.dumps(found, indent=2, sort_keys=True))
        return
    if not found:
        click.echo(f"{stack} is not running locally." if stack else "No stack is running locally.")
    for record in found:
        click.echo(f"{record['stack']}: {record['state']}")
        for problem in record["problems"]:
            click.echo(f"  ! {problem}")
        for key, value in record["env"].items():
            click.echo(f"  {key}  {value}")
        pids = ", ".join(str(p["pid"]) for p in record["processes"])
        click.echo(f"  processes  {pids}; postgres {record['postgres']['pid']}")
        click.echo(_neon_lines(record.get("neon")))


def _neon_lines(neon: dict[str, Any] | None) -> str:
    """Whether Neon's serverless driver (HTTP and WebSockets) reaches the database, and how."""
    if neon is None:
        return "  neon serverless  not served: no Worker has the database"
    workers = ", ".join(neon["workers"])
    if not neon["served"]:
        return f"  neon serverless  not served to {workers}: {neon['reason']}"
    return (
        f"  neon serverless  {neon['http']} and {neon['websocket']} for {workers}\n"
        f"    ({neon['differences']})"
    )


@local.command(context_settings={"ignore_unknown_options": True})
@click.argument("stack")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@port_option
@config_overrides
def run(stack: str, command: tuple[str, ...], port: int | None, overrides: Overrides) -> None:
    """Bring STACK up, run COMMAND with its URLs, DATABASE_URL and secrets in the environment,
    then take STACK down (even if COMMAND fails or is interrupted); exit with COMMAND's code."""
    running = _up(stack, overrides, port)
    code = INTERRUPTED
    try:
        click.echo(_describe(running), err=True)
        code = _run(list(command), os.environ | running.env)
    finally:
        if not running.already:
            try:
                with _faults():
                    environment.down(_root(), stack)
            except click.exceptions.Exit:
                code = code or FAULT  # the line is out; the command's own failure comes first
    raise click.exceptions.Exit(code)


def _run(command: list[str], env: dict[str, Any]) -> int:
    try:
        process = subprocess.Popen(command, env=env)
    except OSError as err:
        raise fail(f"{command[0]}: {err.strerror}") from None
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.send_signal(signal.SIGINT)  # a terminal sent it too; a test harness may not have
        try:
            process.wait(COMMAND_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return INTERRUPTED
