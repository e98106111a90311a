"""`codex-infra local up|down|status|run`: what `supabase start/stop/status` users expect.

`up` and `run` treat SIGTERM (`timeout`, `docker stop`, a cancelled CI job) as Ctrl-C: what they
started is taken down, and they exit 128 + the signal (130, 143)."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Generator
from contextlib import contextmanager
from typing import Any

import click

from codex_infra.engine.plan import find_root
from codex_infra.errors import FAULT, CodexError, CodexGroup, FaultError, UsageError, report
from codex_infra.local import environment
from codex_infra.local.environment import GIVEN, Running, masked
from codex_infra.local.state import Interrupted, interruptible, uninterrupted
from codex_infra.overrides import Overrides, config_overrides
from components.naming import NamingError, Role, parse_stack

COMMAND_STOP_TIMEOUT = 10


@contextmanager
def _os_faults() -> Generator[None]:
    """A file the machine refuses ends as one line too."""
    try:
        yield
    except OSError as err:
        raise FaultError(f"{err.filename or 'local'}: {err.strerror or err}") from None


def _stack(_ctx: click.Context, _param: click.Parameter, stack: str | None) -> str | None:
    """A usage mistake, found before anything is read or made: a name the program refuses, or
    one whose Worker names Cloudflare would (an over-long PR number)."""
    if stack is not None:
        try:
            stage = parse_stack(stack)
            for role in Role:
                stage.script_name(role)
        except NamingError as err:
            raise UsageError(str(err)) from None
    return stack


def _up(stack: str, overrides: Overrides, port: int | None) -> Running:
    root = find_root()
    try:
        with _os_faults():
            return environment.up(root, stack, overrides.plain, overrides.secret, port)
    except Interrupted as signal_:
        raise CodexError(
            f"{signal_.what}: {stack} was not started, nothing is left running",
            signal_.exit_code,
        ) from None


def _describe(running: Running) -> str:
    record = masked(running.record)
    env: dict[str, str] = record["env"]
    width = max(len(k) for k in env)
    stack = running.stack
    notes = (
        ["  (as started before: `local down` first to change its config or ports)"]
        if running.already
        else []
    )
    if running.kept:
        given = ", ".join(running.kept)
        notes.append(f"  (restarted with what it was given before it stopped: {given})")
    if running.reused:
        notes.append("  (its last plan, reused: nothing the plan depends on has changed)")
    lines = [
        f"{stack} is {'already ' if running.already else ''}running locally.",
        *notes,
        "",
        *(f"  {key.ljust(width)}  {value}" for key, value in env.items()),
        "",
        f"  Data:    {_database(record['postgres'])}",
        f"  Logs:    {record['log']}",
        f"  Status:  codex-infra local status {stack}",
        f"  Stop:    codex-infra local down {stack}   (--purge also drops its database)",
        "",
        f"  Secrets above are local values made for this environment ({GIVEN}: yours, not shown).",
    ]
    return "\n".join(lines)


def _database(postgres: dict[str, Any]) -> str:
    if postgres.get("data") is None:
        return f"PostgreSQL at {postgres.get('host')}:{postgres['port']} (LOCAL_DATABASE_URL)"
    return f"{postgres['data']} (PostgreSQL, running as {postgres['account']})"


port_option = click.option(
    "--port", type=click.IntRange(1024, 65535), help="First port of the Workers (then +1, +2)."
)


@click.group(cls=CodexGroup)
def local() -> None:
    """Run a stack here: Cloudflare's Workers runtime (miniflare) and PostgreSQL for its branch."""


stack_argument = click.argument("stack", callback=_stack)


@local.command()
@stack_argument
@port_option
@config_overrides
def up(stack: str, port: int | None, overrides: Overrides) -> None:
    """Start STACK's Workers and database; prints their URLs."""
    with interruptible():
        running = _up(stack, overrides, port)
    click.echo(_describe(running))


@local.command()
@stack_argument
@click.option(
    "--purge",
    is_flag=True,
    help="Also drop its database and local secrets (with the last stack, the server's data).",
)
def down(stack: str, purge: bool) -> None:
    """Stop STACK (the database server stops with the last running stack)."""
    with _os_faults():
        was_running = environment.down(find_root(), stack, purge)
    done = "stopped" if was_running else "was not running"
    click.echo(f"{stack} {done}{'; its database and local secrets are gone' if purge else ''}.")


@local.command()
@click.argument("stack", required=False, callback=_stack)
@click.option("--json", "as_json", is_flag=True, help="One JSON document: URLs, pids, secrets.")
def status(stack: str | None, as_json: bool) -> None:
    """Each local environment (or STACK's): running or crashed, URLs, processes."""
    with _os_faults():
        found = environment.status(find_root(), stack)
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
        pids = ", ".join(str(p["pid"]) for p in record["processes"]) or "none"
        postgres = record["postgres"]
        click.echo(f"  processes  {pids}; postgres {postgres['pid'] or 'not running'}")
        if postgres.get("data"):
            click.echo(f"  data       {_database(postgres)}")
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
@stack_argument
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@port_option
@config_overrides
def run(stack: str, command: tuple[str, ...], port: int | None, overrides: Overrides) -> None:
    """Bring STACK up, run COMMAND with its URLs, DATABASE_URL and secrets in the environment,
    then take STACK down (even if COMMAND fails, or Ctrl-C or SIGTERM stops it); exit with
    COMMAND's code (128 + the signal if one stopped it)."""
    with interruptible():
        running = _up(stack, overrides, port)
        code = FAULT
        try:
            click.echo(_describe(running), err=True)
            code = _run(list(command), os.environ | running.env)
        except Interrupted as signal_:
            code = signal_.exit_code
        finally:
            if not running.already:
                try:
                    with uninterrupted(), _os_faults():
                        environment.down(find_root(), stack)
                except CodexError as err:
                    report(err)
                    code = code or FAULT  # the command's own failure comes first
    raise click.exceptions.Exit(code)


def _run(command: list[str], env: dict[str, Any]) -> int:
    try:
        process = subprocess.Popen(command, env=env)
    except OSError as err:
        raise UsageError(f"{command[0]}: {err.strerror}") from None
    try:
        return process.wait()
    except Interrupted as signal_:
        # Passed on: a terminal sent Ctrl-C to it too, but `docker stop` signals us alone.
        with uninterrupted():
            process.send_signal(signal_.signum)
            try:
                process.wait(COMMAND_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return signal_.exit_code
