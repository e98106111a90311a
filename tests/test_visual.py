"""Visual review against real Chromium (Debian's, never a downloaded one) and real local stacks.

Pages of our own are added to a copy of the suite's project (so these tests hold whatever the
example app becomes); every stack is brought down and every browser closed, which each test
checks: no process of a browser we started survives it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
import yaml
from PIL import Image

from codex_infra.engine.config import load_stack_config
from codex_infra.local import environment, workers
from codex_infra.local.state import STATE_ENV
from codex_infra.visual.browser import MASK_COLOUR, OWNER_ENV, chromium
from codex_infra.visual.compare import compare, odiff
from codex_infra.visual.model import COMPARISON, Comparison, Outcome, VisualError, read_document
from codex_infra.visual.snapshot import snapshot, visual_settings
from tests.conftest import copy_project

pytestmark = pytest.mark.local
CLI = str(Path(sys.executable).parent / "codex-infra")
STACK = "pr-41"
# The card's box on the page, in CSS pixels (device scale 1): the region a change to it makes.
CARD = (100, 200, 200, 100)

PAGES = {
    "visual/card.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card</title>'
        '<link rel="stylesheet" href="/visual/card.css"></head>'
        '<body><h1>Card</h1><div class="card"></div></body></html>'
    ),
    "visual/card.css": (
        "body { margin: 0; font-family: sans-serif; }\n"
        ".card { position: absolute; left: 100px; top: 200px; width: 200px; height: 100px;"
        " background: #dde; }\n"
    ),
    # Different text on every load: inside data-visual-ignore, and (the control) outside it.
    "visual/masked.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Masked</title></head>'
        '<body style="margin:0"><h1>Masked</h1><p id="now" data-visual-ignore style="position:'
        'absolute; left:20px; top:300px; width:300px; height:40px; margin:0"></p><script>'
        'document.getElementById("now").textContent = Math.random();</script></body></html>'
    ),
    "visual/volatile.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Volatile</title>'
        '</head><body><h1>Volatile</h1><p id="now"></p><script>'
        'document.getElementById("now").textContent = Math.random();</script></body></html>'
    ),
    # Its network never goes idle.
    "visual/never.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Never</title></head>'
        "<body><h1>Never settles</h1><script>"
        'setInterval(() => fetch("/healthz?" + Math.random()), 100);</script></body></html>'
    ),
}


def with_pages(project: Path, stack: str, pages: list[str], files: dict[str, str]) -> Path:
    """Files added to the web Worker's assets (wherever the project's config keeps them), and
    the stack's visualPages in its stack file."""
    assets = project / load_stack_config(project, stack).values["codex:assetsDir"]
    for name, text in files.items():
        (assets / name).parent.mkdir(parents=True, exist_ok=True)
        (assets / name).write_text(text)
    (project / f"Pulumi.{stack}.yaml").write_text(
        yaml.safe_dump({"config": {"codex:visualPages": pages}})
    )
    return project


def our_browsers(owner: int | None = None) -> list[psutil.Process]:
    """Every process of a browser this test process (or `owner`) started (see OWNER_ENV)."""
    found: list[psutil.Process] = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(OWNER_ENV) == str(owner or os.getpid()):
                found.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return found


@pytest.fixture(scope="module")
def state() -> Iterator[Path]:
    workers.ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="codex-visual-"))
    root.chmod(0o755)  # PostgreSQL's user must reach it under root
    previous = os.environ.get(STATE_ENV)
    os.environ[STATE_ENV] = str(root / "local")
    try:
        yield root
    finally:
        if previous is None:
            del os.environ[STATE_ENV]
        else:
            os.environ[STATE_ENV] = previous
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def running(state: Path) -> Iterator[tuple[Path, str]]:
    """One local stack with our pages, for the snapshot tests; down afterwards."""
    project = with_pages(
        copy_project(state / "project"),
        STACK,
        ["/", "/visual/masked", "/visual/volatile"],
        PAGES,
    )
    local(project, "up", STACK)  # the command, not environment.up: its runtime is not our child
    try:
        (record,) = environment.status(project, STACK)
        yield project, record["env"]["WEB_URL"]
    finally:
        local(project, "down", "--purge", STACK)
        assert environment.status(project) == []


def local(project: Path, *args: str) -> None:
    result = subprocess.run(
        [CLI, "local", *args], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr


def test_the_same_environment_twice_is_unchanged_and_the_mask_hides_what_it_covers(
    running: tuple[Path, str], tmp_path: Path
) -> None:
    project, url = running
    settings = visual_settings(project, STACK)
    with chromium() as browser:
        first = snapshot(url, settings, browser, tmp_path / "first")
        snapshot(url, settings, browser, tmp_path / "second")
    assert our_browsers() == []
    assert {(s.page, s.viewport, s.status) for s in first.shots} == {
        (page, viewport, 200)
        for page in ("/", "/visual/masked", "/visual/volatile")
        for viewport in ("desktop", "phone")
    }
    comparison = compare(tmp_path / "first", tmp_path / "second", tmp_path / "report", odiff())
    outcomes = {(r.page, r.viewport): r.outcome for r in comparison.results}
    for viewport in ("desktop", "phone"):
        assert outcomes["/", viewport] is Outcome.UNCHANGED
        assert outcomes["/visual/masked", viewport] is Outcome.UNCHANGED
        # The control: the same volatile text, unmasked, is seen.
        assert outcomes["/visual/volatile", viewport] is Outcome.CHANGED
    # The mask is painted over exactly the element that carries the attribute.
    (masked,) = [s for s in first.shots if s.page == "/visual/masked" and s.viewport == "desktop"]
    with Image.open(tmp_path / "first" / masked.file) as image:
        pixels = image.convert("RGB")
        magenta = tuple(int(MASK_COLOUR[i : i + 2], 16) for i in (1, 3, 5))
        assert pixels.getpixel((20, 300)) == magenta
        assert pixels.getpixel((319, 339)) == magenta
        assert pixels.getpixel((321, 341)) != magenta
        assert pixels.getpixel((10, 10)) != magenta


def test_a_page_that_never_settles_fails_with_its_name_and_the_browser_is_closed(
    running: tuple[Path, str], tmp_path: Path
) -> None:
    project, url = running
    settings = visual_settings(project, STACK).model_copy(
        update={"visual_pages": ("/visual/never",)}
    )
    with chromium() as browser:
        started = our_browsers()
        with pytest.raises(VisualError) as err:
            snapshot(url, settings, browser, tmp_path / "shots", timeout=5)
    assert str(err.value).startswith(
        "/visual/never at desktop (1280x800) did not settle within 5 s"
    )
    assert started, "the browser ran"
    assert our_browsers() == []
    assert not (tmp_path / "shots" / "manifest.json").exists()  # no half snapshot passes as one


def test_snapshot_of_a_stack_that_is_not_running_says_how_to_start_it(state: Path) -> None:
    project = copy_project(state / "idle")
    result = subprocess.run(
        [CLI, "snapshot", "pr-99"], cwd=project, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == (
        "codex-infra: error: pr-99 is not running locally: `codex-infra local up pr-99` "
        "first, or give --url\n"
    )


def _git(project: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        cwd=project,
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_visual_finds_a_css_change_on_its_page_only_and_added_and_removed_pages(
    state: Path,
) -> None:
    """`codex-infra visual` as a person runs it: the base from a worktree, the working tree with
    a CSS change, a page added to visualPages and one removed."""
    stack = "pr-42"
    old = {"visual/old.html": PAGES["visual/volatile.html"].replace("Math.random()", "'old'")}
    project = with_pages(
        copy_project(state / "repo"),
        stack,
        ["/", "/visual/card", "/visual/old"],
        {k: v for k, v in PAGES.items() if k.startswith("visual/card")} | old,
    )
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")
    css = project / load_stack_config(project, stack).values["codex:assetsDir"] / "visual/card.css"
    css.write_text(css.read_text().replace("background: #dde", "background: #c33"))
    new = {"visual/new.html": PAGES["visual/volatile.html"].replace("Math.random()", "'new'")}
    with_pages(project, stack, ["/", "/visual/card", "/visual/new"], new)
    out = state / "visual-report"
    with subprocess.Popen(
        [CLI, "visual", stack, "--base", "HEAD", "--output", str(out)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as command:
        stdout, stderr = command.communicate(timeout=600)
    assert command.returncode == 0, stderr
    comparison = read_document(Comparison, out / COMPARISON)
    found = {(r.page, r.viewport): r for r in comparison.results}
    assert {key: r.outcome for key, r in found.items()} == {
        (page, viewport): outcome
        for page, outcome in (
            ("/", Outcome.UNCHANGED),
            ("/visual/card", Outcome.CHANGED),
            ("/visual/new", Outcome.ADDED),
            ("/visual/old", Outcome.REMOVED),
        )
        for viewport in ("desktop", "phone")
    }
    for viewport in ("desktop", "phone"):
        card = found["/visual/card", viewport]
        (box,) = card.boxes
        assert (box.x, box.y, box.width, box.height) == CARD
        assert card.share == pytest.approx(200 * 100 / (card_size(out, card.after) or 1))
        assert card.diff is not None
        assert (out / "diffs" / card.diff).is_file()
    assert sorted(p.name for p in (out / "diffs").iterdir()) == sorted(
        str(found["/visual/card", v].diff) for v in ("desktop", "phone")
    )
    assert comparison.before == f"{stack} at HEAD"
    assert "| /visual/card | desktop | **changed** | " in stdout
    assert "data:image/png;base64," in (out / "report.html").read_text()
    # Both replicas are down, their databases dropped, their servers stopped; no browser left.
    home = Path(os.environ[STATE_ENV]) / "visual"
    for side in ("before", "after"):
        assert not (home / side / "stacks" / stack).exists()
        assert not (home / side / "postgres" / "data" / "postmaster.pid").exists()
    assert our_browsers(command.pid) == []
    assert json.loads((out / COMPARISON).read_text())["version"] == 1


def card_size(out: Path, name: str | None) -> int | None:
    if name is None:
        return None
    with Image.open(out / "after" / name) as image:
        return image.width * image.height
