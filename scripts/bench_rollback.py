"""How long `codex-infra rollback production --yes` takes against the fake Cloudflare API, here.

Each run gets a fresh fake (tests/cloudflare_fake.py) holding production's three scripts with two
deployed versions each, and times the command's wall clock, split into before its first request
(imports, the offline plan), its requests, and after the last answer. Usage:
`uv run python -m scripts.bench_rollback [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from codex_infra.engine.mock import SCRIPT
from codex_infra.engine.plan import plan_stack
from tests.cloudflare_fake import FakeCloudflare
from tests.project import temporary_project

# The examples' project, whatever the root Pulumi.yaml points at: a fixed workload.
ROOT = temporary_project()
CLI = str(Path(sys.executable).parent / "codex-infra")


def one_run(scripts: list[tuple[str, str]]) -> tuple[float, float, float]:
    with FakeCloudflare() as fake:
        for account, script in scripts:
            fake.add_script(account, script)
            fake.deploy(account, script)
        env = os.environ | {
            "CLOUDFLARE_API_TOKEN": fake.token,
            "CLOUDFLARE_BASE_URL": fake.base_url,
        }
        start = time.perf_counter()
        subprocess.run(
            [CLI, "rollback", "production", "--yes"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        end = time.perf_counter()
        assert not fake.violations, fake.violations
        first, last = fake.requests[0], fake.requests[-1]
        return end - start, first.arrived - start, last.answered - first.arrived


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    plan = plan_stack(ROOT, "production")
    scripts = [(r.inputs["accountId"], r.inputs["scriptName"]) for r in plan.of_type(SCRIPT)]
    results = [one_run(scripts) for _ in range(runs)]
    wall, before, requests = (statistics.median(column) for column in zip(*results, strict=True))
    print(f"rollback production, {len(scripts)} scripts, median of {runs}: {wall:.2f} s wall")
    print(f"  before the first request (imports, offline plan): {before:.2f} s")
    print(f"  requests ({3 * len(scripts)}): {requests:.2f} s")
    print(f"  after the last answer: {wall - before - requests:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
