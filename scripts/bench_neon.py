"""What Neon's serverless driver costs against the local environment, here.

A Worker on @neondatabase/serverless (tests/neon_worker, bundled by wrangler) runs as the auth
Worker of a local preview. Measured at the client, through the Worker:
- one HTTP query (`neon()`), one request after another, after a warm-up; beside it the Worker's
  /healthz, which touches no database, for what the Worker alone costs;
- rounds of 100 concurrent requests mixing HTTP queries, HTTP transactions and transactions on a
  pooled WebSocket connection: how many succeed, their latencies, the most sessions the database
  held meanwhile, and how long until it holds none (idle HTTP connections close after a while).
Targets: p50 of one HTTP query <= 30 ms; every request succeeds; no backend left.
Usage: `uv run python -m scripts.bench_neon [--queries N] [--rounds N]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from codex_infra.local import environment, neon
from tests.neon_app import PeakSessions, backends, concurrently, neon_project

CLI = str(Path(sys.executable).parent / "codex-infra")
STACK = "pr-90"
P50_TARGET_MS = 30.0
KINDS = ("http", "transaction", "pool")


def milliseconds(client: httpx.Client, url: str, count: int) -> list[float]:
    times: list[float] = []
    for _ in range(count):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return times


def spread(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(ordered):.1f}, p95 {p95:.1f}, max {ordered[-1]:.1f} ms"


def until_no_backend(database_url: str, seconds: float) -> float | None:
    start = time.monotonic()
    while backends(database_url):
        if time.monotonic() - start > seconds:
            return None
        time.sleep(0.1)
    return time.monotonic() - start


def measure(env: dict[str, str], queries: int, rounds: int) -> bool:
    auth, database = env["AUTH_URL"], env["DATABASE_URL"]
    with httpx.Client(timeout=60) as client:
        milliseconds(client, f"{auth}/neon/load?kind=http", 20)  # warm-up: pool, isolate
        healthz = milliseconds(client, f"{auth}/healthz", queries)
        query = milliseconds(client, f"{auth}/neon/load?kind=http", queries)
    p50 = statistics.median(query)
    print(f"one HTTP query ({queries} in a row): {spread(query)}")
    print(f"  the Worker alone (/healthz):      {spread(healthz)}")
    ok = p50 <= P50_TARGET_MS
    limits = neon.LIMITS
    for round_ in range(1, rounds + 1):
        kinds = [KINDS[i % len(KINDS)] for i in range(100)]
        start = time.perf_counter()
        with PeakSessions(database) as peak:
            results = concurrently(auth, kinds)
        wall = time.perf_counter() - start
        succeeded = sum(1 for _, status, _ in results if status == 200)
        drained = until_no_backend(database, limits.idle_ms / 1000 + 30)
        print(
            f"round {round_}: {succeeded}/100 succeeded in {wall:.2f} s; at most {peak.most} "
            f"sessions (bound {limits.http_connections + limits.sockets}); "
            + (f"none left {drained:.1f} s later" if drained is not None else "BACKENDS LEFT")
        )
        for kind in KINDS:
            print(f"  {kind:>11}: {spread([s * 1000 for k, _, s in results if k == kind])}")
        ok &= succeeded == 100 and drained is not None
    verdict = "met" if ok else "NOT met"
    print(f"targets (p50 <= {P50_TARGET_MS:.0f} ms, all succeed, none left): {verdict}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="codex-bench-neon-"))
    home.chmod(0o755)  # PostgreSQL runs as nobody under root
    state = home / "state"
    state.mkdir(mode=0o755)
    os.environ["CODEX_LOCAL_STATE"] = str(state)
    project = neon_project(home / "project")
    try:
        subprocess.run(
            [CLI, "local", "up", STACK], cwd=project, check=True, capture_output=True, timeout=300
        )
        (record,) = environment.status(project, STACK)
        return 0 if measure(record["env"], args.queries, args.rounds) else 1
    finally:  # after a failure too: nothing of ours keeps running
        subprocess.run([CLI, "local", "down", STACK], cwd=project, capture_output=True, check=False)
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
