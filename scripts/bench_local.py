"""What `codex-infra local` costs, with the cluster initialised and the stack's plan kept (a warm-up
run does both), under both bytecode settings (scripts/bytecode.py).

Per run: `local up` with nothing changed (the kept plan) until all three Workers answer /healthz,
then `local down`; `local up` after a changed input (a line added to a bundle) until they answer,
then `local down`; and `codex-infra plan` of the same stack, the plan such an `up` runs. Also the
peak resident memory of the runtime (node plus workerd, each process's VmHWM read before down).
Targets, with bytecode compiled: unchanged up <= 1.5 s, changed up <= plan + 1.5 s (medians),
down <= 1 s, peak RSS <= 400 MB. Uses its own state directory and a copy of the examples' project.
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

from scripts.bytecode import SETTINGS, environment
from tests.project import temporary_project

# The examples' project, whatever the root Pulumi.yaml points at: a fixed workload.
ROOT = temporary_project()
CLI = str(Path(sys.executable).parent / "codex-infra")
STACK = "pr-100"
CHANGED = ROOT / "examples" / "bundles" / "auth" / "index.js"
TARGETS = {"up": 1.5, "changed over plan": 1.5, "down": 1.0, "rss_mb": 400.0}


def command(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=300
    )
    return time.perf_counter() - start


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def up_and_down(env: dict[str, str], state: Path) -> dict[str, float]:
    """`up` until every Worker answers, then `down`."""
    start = time.perf_counter()
    command(env, "local", "up", STACK)
    record = json.loads((state / "stacks" / STACK / "run.json").read_text())
    urls = [record["env"][k] for k in ("WEB_URL", "AUTH_URL", "STRIPE_WEBHOOK_URL")]
    assert all(httpx.get(f"{url}/healthz", timeout=10).status_code == 200 for url in urls)
    up = time.perf_counter() - start
    rss = sum(peak_rss_mb(p["pid"]) for p in record["processes"])
    return {"up": up, "down": command(env, "local", "down", STACK), "rss_mb": rss}


def one_run(env: dict[str, str], state: Path, run: int) -> dict[str, float]:
    kept = up_and_down(env, state)
    with CHANGED.open("a") as bundle:
        bundle.write(f"\n// run {run}\n")
    changed = up_and_down(env, state)["up"]
    return kept | {"changed": changed, "plan": command(env, "plan", STACK, "--json")}


def report(setting: str, results: list[dict[str, float]]) -> bool:
    """Medians (and every run), each against its target; the changed up against the plan."""
    medians = {key: statistics.median(r[key] for r in results) for key in results[0]}
    medians["changed over plan"] = medians["changed"] - medians["plan"]
    ok = True
    print(f"{setting}:")
    for key, median in medians.items():
        target = TARGETS.get(key)
        ok &= target is None or median <= target
        line = f"  {key:>17}: median {median:6.2f}"
        if target is not None:
            line += f"  (target <= {target})"
        if key in results[0]:
            line += "  runs: " + ", ".join(f"{r[key]:.2f}" for r in results)
        print(line)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    state = Path(tempfile.mkdtemp(prefix="codex-bench-"))
    state.chmod(0o755)  # under root, PostgreSQL's own account must reach it
    os.environ["CODEX_LOCAL_STATE"] = str(state)
    results: dict[str, list[dict[str, float]]] = {}
    try:
        up_and_down(environment("compiled"), state)  # the cluster, the template, the kept plan
        for setting in SETTINGS:
            env = environment(setting)
            up_and_down(env, state)  # this setting's first run: not counted
            results[setting] = [one_run(env, state, run) for run in range(runs)]
    finally:  # after a failure too: nothing of ours keeps running
        subprocess.run([CLI, "local", "down", STACK], cwd=ROOT, capture_output=True, check=False)
        shutil.rmtree(state, ignore_errors=True)
    ok = [report(setting, values) for setting, values in results.items()]
    print(f"targets, bytecode compiled: {'met' if ok[0] else 'NOT met'}")
    return 0 if ok[0] else 1


if __name__ == "__main__":
    sys.exit(main())
