"""How much an offline plan costs beyond importing pulumi_cloudflare, which it cannot avoid.

Runs `codex-infra plan pr-1 --json` and `python -c "import pulumi_cloudflare"` alternately (so a
change in machine load hits both alike), several times each, under both bytecode settings
(scripts/bytecode.py), and prints the medians and their ratio. Target, with bytecode compiled: at
most 1.25. Usage: `uv run python scripts/bench_plan.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.bytecode import SETTINGS, environment
from tests.project import temporary_project

# The examples' project, whatever the root Pulumi.yaml points at: a fixed workload.
ROOT = temporary_project()
TARGET = 1.25
COMMANDS = {
    # The console script uv installed beside this interpreter.
    "plan": [str(Path(sys.executable).parent / "codex-infra"), "plan", "pr-1", "--json"],
    "import": [sys.executable, "-c", "import pulumi_cloudflare"],
}


def seconds(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def medians(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> dict[str, float]:
    """Each command `runs` times, alternately (so a change in machine load hits all alike),
    after one warm-up run each (the file cache); prints and returns the medians."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        seconds(command, env)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(seconds(command, env))
    found = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:>6}: median {found[name]:.3f} s  ({', '.join(f'{v:.2f}' for v in values)})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    ratios: dict[str, float] = {}
    for setting in SETTINGS:
        print(f"{setting}:")
        found = medians(COMMANDS, runs, environment(setting))
        ratios[setting] = found["plan"] / found["import"]
        print(f"ratio of medians: {ratios[setting]:.3f}")
    met = ratios["compiled"] <= TARGET
    print(f"target, bytecode compiled: ratio <= {TARGET}: {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
