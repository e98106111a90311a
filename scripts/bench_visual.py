"""What visual review costs, on a copy of the suite's project with two pages of its own.

- snapshot: 2 pages at 2 viewports of a running local stack, the browser's start included
  (`codex-infra snapshot`'s core, in this process); target <= 10 s.
- compare: one pair of 1280x800 screenshots that differ (a card's colour), odiff and the regions
  and the diff image included; target <= 0.3 s.
- visual: the whole `codex-infra visual pr-N --base HEAD` (a CSS change in the working tree), with
  both replicas' clusters initialised by a warm-up run that is not counted; target <= 45 s.
Each figure is wall time, with the CPU time this process and the children it waited for spent
beside it (it misses the stacks' own processes, detached by design): on a loaded machine the
first grows, the second hardly. Uses its own state directory; nothing is left running. Usage:
`uv run python scripts/bench_visual.py [--runs N]`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from codex_infra.engine.config import load_stack_config  # noqa: E402
from codex_infra.local import environment  # noqa: E402
from codex_infra.local.state import STATE_ENV  # noqa: E402
from codex_infra.visual.browser import chromium  # noqa: E402
from codex_infra.visual.compare import compare_pair, odiff  # noqa: E402
from codex_infra.visual.snapshot import snapshot, visual_settings  # noqa: E402
from tests.conftest import copy_project  # noqa: E402

CLI = str(Path(sys.executable).parent / "codex-infra")
TARGETS = {"snapshot": 10.0, "compare": 0.3, "visual": 45.0}
STACK = "pr-77"
CSS = ".card { margin: 40px; width: 300px; height: 120px; background: #dde; }\n"
PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{0}</title>'
    '<link rel="stylesheet" href="/bench.css"></head><body><h1>{0}</h1>'
    '<p>Two pages of a benchmark.</p><div class="card"></div></body></html>'
)


def cpu() -> float:
    """CPU seconds of this process and of its children that have been waited for."""
    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Timed:
    """Wall and CPU seconds of each run."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Timed:
        self._start = (time.perf_counter(), cpu())
        return self

    def __exit__(self, *_: object) -> None:
        self.wall.append(time.perf_counter() - self._start[0])
        self.cpu.append(cpu() - self._start[1])


def project(home: Path) -> Path:
    """The suite's project, two pages and their stylesheet, committed in a repository of its own."""
    root = copy_project(home / "project")
    assets = root / load_stack_config(root, STACK).values["codex:assetsDir"]
    (assets / "bench.css").write_text(CSS)
    for name in ("one", "two"):
        (assets / f"{name}.html").write_text(PAGE.format(name))
    (root / f"Pulumi.{STACK}.yaml").write_text('config:\n  codex:visualPages: ["/one", "/two"]\n')
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run([*git, *args], cwd=root, check=True, capture_output=True)
    return root


def local(root: Path, *args: str) -> None:
    subprocess.run([CLI, "local", *args], cwd=root, check=True, capture_output=True, timeout=300)


def bench_snapshot(root: Path, work: Path, runs: int) -> Timed:
    local(root, "up", STACK)
    try:
        (record,) = environment.status(root, STACK)
        url, settings = record["env"]["WEB_URL"], visual_settings(root, STACK)
        timed = Timed()
        for run in range(runs):
            with timed, chromium() as browser:
                snapshot(url, settings, browser, work / f"shots-{run}")
        return timed
    finally:
        local(root, "down", "--purge", STACK)


def bench_compare(work: Path, runs: int) -> Timed:
    before = work / "shots-0" / next(p.name for p in (work / "shots-0").glob("one-*.desktop.png"))
    changed = work / "changed.png"
    from PIL import Image, ImageDraw

    with Image.open(before) as image:
        edited = image.convert("RGB")
    ImageDraw.Draw(edited).rectangle((48, 160, 347, 279), fill="#c33")
    edited.save(changed)
    differ = odiff()
    timed = Timed()
    for run in range(runs):
        with timed:
            _, boxes = compare_pair(before, changed, work / f"diff-{run}.png", differ)
        assert boxes, "the pair differs"
    return timed


def bench_visual(root: Path, work: Path, runs: int) -> Timed:
    css = root / load_stack_config(root, STACK).values["codex:assetsDir"] / "bench.css"
    css.write_text(CSS.replace("#dde", "#c33"))

    def once(out: Path) -> None:
        subprocess.run(
            [CLI, "visual", STACK, "--base", "HEAD", "--output", str(out)],
            cwd=root, check=True, capture_output=True, timeout=600,
        )  # fmt: skip

    once(work / "visual-warm-up")  # initialises both replicas' clusters and templates
    timed = Timed()
    for run in range(runs):
        with timed:
            once(work / f"visual-{run}")
    return timed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    home = Path(tempfile.mkdtemp(prefix="codex-bench-visual-"))
    home.chmod(0o755)  # PostgreSQL runs as nobody under root
    os.environ[STATE_ENV] = str(home / "state")
    try:
        root, work = project(home), home / "work"
        work.mkdir()
        results = {
            "snapshot": bench_snapshot(root, work, runs),
            "compare": bench_compare(work, max(runs, 10)),
            "visual": bench_visual(root, work, runs),
        }
    finally:
        shutil.rmtree(home, ignore_errors=True)
    ok = True
    for key, target in TARGETS.items():
        values = results[key].wall
        ok &= max(values) <= target
        shown = ", ".join(f"{v:.2f}" for v in values)
        median, worst = statistics.median(values), max(values)
        spent = statistics.median(results[key].cpu)
        print(f"{key:>8}: median {median:.2f} s, max {worst:.2f} ({shown}); CPU {spent:.2f} s")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average {load} on {os.cpu_count()} cores")
    print(f"targets {TARGETS}: {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
