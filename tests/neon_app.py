"""A project whose auth Worker is written on Neon's serverless driver and drizzle-orm
(tests/neon_worker/, bundled by wrangler as a deploy bundles it): the suite's project otherwise.
tests/test_local_neon.py and scripts/bench_neon.py run it locally."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psycopg
import yaml

from codex_infra.local import workers
from tests.conftest import copy_project

NEON_WORKER = Path(__file__).parent / "neon_worker"
BUNDLE = "examples/bundles/neon-auth"
BUILD_TIMEOUT = 300


def neon_project(target: Path) -> Path:
    """The suite's project in `target`, its auth Worker the Neon driver's test Worker."""
    workers.ensure_installed(NEON_WORKER)
    copy_project(target)
    wrangler = NEON_WORKER / "node_modules" / "wrangler" / "bin" / "wrangler.js"
    env = {k: v for k, v in os.environ.items() if k in {"PATH", "HOME", "TMPDIR", "LANG"}}
    subprocess.run(
        [
            str(workers.node()),
            str(wrangler),
            "deploy",
            "--dry-run",
            "--outdir",
            str(target / BUNDLE),
        ],
        cwd=NEON_WORKER,
        env=env | {"WRANGLER_SEND_METRICS": "false"},
        capture_output=True,
        check=True,
        timeout=BUILD_TIMEOUT,
    )
    config_file = target / "Pulumi.yaml"
    project = yaml.safe_load(config_file.read_text())
    project["config"]["bundles"]["value"]["auth"] = {"dir": BUNDLE, "main": "index.js"}
    config_file.write_text(yaml.safe_dump(project, sort_keys=False))
    return target


def concurrently(url: str, kinds: list[str]) -> list[tuple[str, int, float]]:
    """One /neon/load request of each kind (http, transaction, pool), all at once, each on a
    thread of its own: (kind, HTTP status, seconds)."""
    with (
        httpx.Client(timeout=120, limits=httpx.Limits(max_connections=len(kinds))) as client,
        ThreadPoolExecutor(max_workers=len(kinds)) as pool,
    ):

        def one(kind: str) -> tuple[str, int, float]:
            start = time.perf_counter()
            status = client.get(f"{url}/neon/load", params={"kind": kind}).status_code
            return kind, status, time.perf_counter() - start

        return list(pool.map(one, kinds))


OTHER_SESSIONS = (
    "SELECT pid, state, query FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


def backends(database_url: str) -> list[tuple[Any, ...]]:
    """The database's other sessions, as PostgreSQL lists them: (pid, state, query)."""
    with psycopg.connect(database_url, connect_timeout=10) as conn:
        return conn.execute(OTHER_SESSIONS).fetchall()


class PeakSessions:
    """The most sessions the database held at once, sampled while a load runs."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.most = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakSessions:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _sample(self) -> None:
        with psycopg.connect(self.database_url, connect_timeout=10, autocommit=True) as conn:
            while not self._stop.is_set():
                self.most = max(self.most, len(conn.execute(OTHER_SESSIONS).fetchall()))
                time.sleep(0.01)
