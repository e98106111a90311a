"""How much an offline plan costs beyond importing pulumi_cloudflare, which it cannot avoid.

Runs `codex-infra plan pr-1 --json` and `python -c "import pulumi_cloudflare"` alternately (so a
change in machine load hits both alike), several times each, and prints the ratio of the medians.
Target: at most 1.25. Usage: `uv run python scripts/bench_plan.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.25
COMMANDS = {
    # The console script uv installed beside this interpreter.
    "plan": [str(Path(sys.executable).parent / "codex-infra"), "plan", "pr-1", "--json"],
    "import": [sys.executable, "-c", "import pulumi_cloudflare"],
}


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():
        seconds(command)  # warm the file cache (and the bytecode cache, if written); not counted
    for _ in range(runs):
        for name, command in COMMANDS.items():
            times[name].append(seconds(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:>6}: median {medians[name]:.3f} s  ({', '.join(f'{v:.2f}' for v in values)})")
    ratio = medians["plan"] / medians["import"]
    print(f"ratio of medians: {ratio:.3f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
