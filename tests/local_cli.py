"""Driving `codex-infra local` as a user does, for the tests that start real environments."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
import psycopg
from psycopg import sql

from codex_infra.local.state import listening
from e2e.stripe_signature import header
from tests.conftest import PROJECT_DIR

CLI = shutil.which("codex-infra", path=str(Path(sys.executable).parent)) or "codex-infra"
TIMEOUT = 120  # seconds for one command; each bounds its own waits well below this


def cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path = PROJECT_DIR
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, "local", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env=env,
    )


def status(
    stack: str, env: dict[str, str] | None = None, cwd: Path = PROJECT_DIR
) -> dict[str, Any]:
    result = cli("status", stack, "--json", env=env, cwd=cwd)
    assert result.returncode == 0, result.stderr
    (record,) = json.loads(result.stdout)
    return record


def pids(record: dict[str, Any]) -> list[int]:
    return [p["pid"] for p in record["processes"]]


def ports(record: dict[str, Any]) -> list[int]:
    return [w["port"] for w in record["workers"]]


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def nothing_left(record: dict[str, Any]) -> None:
    assert not [pid for pid in pids(record) if alive(pid)]
    assert not [port for port in ports(record) if listening(port)]


def rows(url: str, table: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, connect_timeout=10) as conn:
        return conn.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))).fetchall()


def stripe_takes(record: dict[str, Any], secret: str) -> bool:
    """Whether the stack's webhook takes an event signed with `secret` (any 2xx, as Stripe)."""
    body = json.dumps({"id": f"evt_{secret[-6:]}", "type": "checkout.session.completed"})
    headers = {"stripe-signature": header(body, int(time.time()), secret)}
    url = record["env"]["STRIPE_WEBHOOK_URL"]
    return httpx.post(url, content=body, headers=headers, timeout=10).is_success
