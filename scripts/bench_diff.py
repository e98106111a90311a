"""How long a review diff of the three default stacks takes, against one plan of one stack.

Runs `codex-infra plan pr-1 --json` and `codex-infra diff HEAD` (each side of it plans
production, staging and pr-1 with its own revision's program) alternately, several times each,
in this one run, and prints the ratio of the medians. Target: at most 2.
Usage: `uv run python scripts/bench_diff.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from bench_plan import ROOT, medians

TARGET = 2.0
CLI = str(Path(sys.executable).parent / "codex-infra")
COMMANDS = {
    "plan": [CLI, "plan", "pr-1", "--json"],
    "diff": [CLI, "diff", "HEAD", "--output", "/dev/null"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for git in (["init", "--quiet"], ["add", "-A"], ["commit", "--quiet", "-m", "bench"]):
        identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
        subprocess.run(["git", *identity, *git], cwd=ROOT, check=True)  # a diff needs history
    found = medians(COMMANDS, runs)
    ratio = found["diff"] / found["plan"]
    print(f"ratio of medians: {ratio:.2f} (target <= {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
