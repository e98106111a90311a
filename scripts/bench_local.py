"""What `codex-infra local` costs, with the cluster already initialised (a warm-up run does that).

Per run: `local up pr-N` until all three Workers answer /healthz, `local down pr-N`, and the peak
resident memory of the runtime (node plus workerd, each process's VmHWM read just before down).
Targets: up <= 3 s, down <= 3 s, peak RSS <= 400 MB. Uses its own state directory.
Usage: `uv run python scripts/bench_local.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from tests.project import temporary_project

# The examples' project, whatever the root Pulumi.yaml points at: a fixed workload.
ROOT = temporary_project()
CLI = str(Path(sys.executable).parent / "codex-infra")
TARGETS = {"up": 3.0, "down": 3.0, "rss_mb": 400.0}


def local(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, "local", *args], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300
    )


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def one_run(state: Path, stack: str) -> dict[str, float]:
    start = time.perf_counter()
    local("up", stack)
    record = json.loads((state / "stacks" / stack / "run.json").read_text())
    urls = [record["env"][k] for k in ("WEB_URL", "AUTH_URL", "STRIPE_WEBHOOK_URL")]
    assert all(httpx.get(f"{url}/healthz", timeout=10).status_code == 200 for url in urls)
    up = time.perf_counter() - start
    rss = sum(peak_rss_mb(p["pid"]) for p in record["processes"])
    start = time.perf_counter()
    local("down", stack)
    return {"up": up, "down": time.perf_counter() - start, "rss_mb": rss}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    state = Path(tempfile.mkdtemp(prefix="codex-bench-"))
    state.chmod(0o755)  # under root, PostgreSQL's own account must reach it
    os.environ["CODEX_LOCAL_STATE"] = str(state)
    stacks = [f"pr-{100 + i}" for i in range(runs + 1)]
    try:
        one_run(state, stacks[0])  # initialises the cluster and the template; not counted
        results = [one_run(state, stack) for stack in stacks[1:]]
    finally:
        for stack in stacks:  # after a failure too: nothing of ours keeps running
            subprocess.run(
                [CLI, "local", "down", stack], cwd=ROOT, capture_output=True, check=False
            )
        shutil.rmtree(state, ignore_errors=True)
    ok = True
    for key, target in TARGETS.items():
        values = [r[key] for r in results]
        worst = max(values)
        ok &= worst <= target
        shown = ", ".join(f"{v:.2f}" for v in values)
        print(f"{key:>6}: median {statistics.median(values):.2f}, max {worst:.2f} ({shown})")
    print(f"targets {TARGETS}: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
