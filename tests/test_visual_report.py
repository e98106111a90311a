"""Visual review's comparison and reports, without a browser: images drawn here, compared by the
real odiff binary; reports read back as a trusted job reads a fork's artifact."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw

from codex_infra.cli import main
from codex_infra.visual.compare import compare, compare_pair, odiff, regions
from codex_infra.visual.model import (
    COMPARISON,
    MANIFEST,
    Box,
    Comparison,
    Manifest,
    Outcome,
    Result,
    Shot,
    VisualError,
    fresh_folder,
    image_name,
    write_document,
)
from codex_infra.visual.report import md_text, render_markdown

# Pages no path check refuses (no spaces, no '#'), each trying to be more than text.
HOSTILE = [
    "/<img/src=x/onerror=alert(1)>",
    "/[click](https://evil.example/login)",
    "/@maintainers",
    "/a|b|c",
    "/`code`*bold*_it_",
    "/x/https://evil.example",
    "/&lt;script&gt;",
    "/![i](https://evil.example/i.png)",
]


def page(path: Path, size: tuple[int, int] = (1280, 800), card: str = "#dde") -> Path:
    """A page-like image: text-like strokes, and a card at (100, 200) of 200x100."""
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for y in range(20, min(size[1], 180), 24):
        draw.text((20, y), "The quick brown fox jumps over the lazy dog " * 3, fill="black")
    draw.rectangle((100, 200, 299, 299), fill=card)
    image.save(path)
    return path


def test_regions_are_tight_boxes_around_nearby_changes() -> None:
    changed = np.zeros((400, 600), dtype=bool)
    changed[10:20, 10:50] = True  # one word
    changed[10:20, 60:90] = True  # the next word: closer than GAP, the same region
    changed[300:310, 400:420] = True  # far away: a region of its own
    assert regions(changed) == (
        Box(x=10, y=10, width=80, height=10),
        Box(x=400, y=300, width=20, height=10),
    )


def test_the_same_image_is_unchanged_and_a_changed_card_is_boxed(tmp_path: Path) -> None:
    differ = odiff()
    before = page(tmp_path / "before.png")
    assert compare_pair(before, page(tmp_path / "same.png"), tmp_path / "d0.png", differ) == (
        0.0,
        (),
    )
    assert not (tmp_path / "d0.png").exists()
    share, boxes = compare_pair(
        before, page(tmp_path / "after.png", card="#c33"), tmp_path / "d1.png", differ
    )
    assert boxes == (Box(x=100, y=200, width=200, height=100),)
    assert share == pytest.approx(200 * 100 / (1280 * 800))
    with Image.open(tmp_path / "d1.png") as diff:
        assert diff.size == (1280, 800)
        assert diff.convert("RGB").getpixel((150, 250)) == (255, 0, 255)


def test_a_colour_change_under_the_threshold_is_not_a_change(tmp_path: Path) -> None:
    before = page(tmp_path / "before.png", card="#dddddd")
    after = page(tmp_path / "after.png", card="#dcdcdc")
    assert compare_pair(before, after, tmp_path / "d.png", odiff()) == (0.0, ())
    assert compare_pair(before, after, tmp_path / "d.png", odiff(), threshold=0.0)[1]


def test_a_page_that_grew_differs_where_only_one_side_has_pixels(tmp_path: Path) -> None:
    before = page(tmp_path / "before.png", size=(400, 600))
    after = page(tmp_path / "after.png", size=(400, 700))
    share, boxes = compare_pair(before, after, tmp_path / "d.png", odiff())
    assert boxes == (Box(x=0, y=600, width=400, height=100),)
    assert share == pytest.approx(100 / 700)


def _snapshot(folder: Path, pages: dict[str, str]) -> None:
    """A snapshot folder of desktop screenshots: page -> card colour."""
    folder.mkdir(parents=True)
    shots = []
    for path, colour in pages.items():
        name = image_name(path, "desktop")
        page(folder / name, card=colour)
        shots.append(Shot(page=path, viewport="desktop", width=1280, height=800, file=name))
    write_document(Manifest(url="http://127.0.0.1:1", shots=tuple(shots)), folder / MANIFEST)


def test_compare_reports_unchanged_changed_added_and_removed(tmp_path: Path) -> None:
    _snapshot(tmp_path / "a", {"/": "#dde", "/card": "#dde", "/old": "#dde"})
    _snapshot(tmp_path / "b", {"/": "#dde", "/card": "#c33", "/new": "#dde"})
    comparison = compare(tmp_path / "a", tmp_path / "b", tmp_path / "out", odiff())
    assert [(r.page, r.outcome) for r in comparison.results] == [
        ("/", Outcome.UNCHANGED),
        ("/card", Outcome.CHANGED),
        ("/new", Outcome.ADDED),
        ("/old", Outcome.REMOVED),
    ]
    assert sorted(p.name for p in (tmp_path / "out" / "diffs").iterdir()) == [
        image_name("/card", "desktop")
    ]
    # Written once more into the same folder: it is emptied first, being a report of ours...
    compare(tmp_path / "a", tmp_path / "b", tmp_path / "out", odiff())
    # ... but a folder of somebody else's is never emptied.
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(VisualError, match=r"is not empty and holds no comparison\.json"):
        compare(tmp_path / "a", tmp_path / "b", tmp_path / "mine", odiff())
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep"


def test_fresh_folder_refuses_a_file() -> None:
    with pytest.raises(VisualError, match="is not a folder"):
        fresh_folder(Path(__file__), MANIFEST)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_page_paths_are_only_text_in_markdown(hostile: str) -> None:
    written = md_text(hostile)
    assert not re.search(r"[<>\[\]()|`*_@!:&]", written.replace("&#", "").replace(";", ""))
    comparison = Comparison(
        before=f"base {hostile}",
        after="head",
        threshold=0.1,
        results=(
            Result(page=hostile, viewport="desktop", outcome=Outcome.ADDED, after="a.desktop.png"),
        ),
    )
    markdown = render_markdown(comparison, lambda side, name: f"https://img.example/{side}/{name}")
    assert hostile not in markdown
    assert "](" not in markdown.replace("](https://img.example", "")
    # Only our own markup: the table, and the images we placed.
    assert re.findall(r"<[a-z]+", markdown) == ["<img"]
    # No cell of the page's making: the summary's rows have 5 cells, the image table's 1.
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert [row.count("|") for row in rows] == [6, 6, 6, 2, 2, 2]


def _artifact(folder: Path, comparison: dict[str, object]) -> Path:
    """A report as a fork's CI could upload it: anything at all."""
    for side in ("before", "after", "diffs"):
        (folder / side).mkdir(parents=True, exist_ok=True)
    (folder / COMPARISON).write_text(json.dumps(comparison))
    (folder / "summary.md").write_text("<img src=https://evil.example/track.png> @everyone")
    return folder


def _changed(**overrides: object) -> dict[str, object]:
    name = "card-abc123.desktop.png"
    result: dict[str, object] = {
        "page": "/card",
        "viewport": "desktop",
        "outcome": "changed",
        "share": 0.02,
        "boxes": [{"x": 1, "y": 2, "width": 3, "height": 4}],
        "before": name,
        "after": name,
        "diff": name,
    } | overrides
    return {"before": "a", "after": "b", "threshold": 0.1, "results": [result]}


def _comment(folder: Path, tmp_path: Path, *images: str) -> tuple[int, str]:
    run = "https://github.com/o/r/actions/runs/9"
    args = ["visual-comment", str(folder), "--kind", "comparison", "--run-url", run,
            "--output", str(tmp_path / "c.md")]  # fmt: skip
    if images:
        args += ["--images-url", images[0], "--publish", str(tmp_path / "publish")]
    result = CliRunner().invoke(main, args)
    text = (tmp_path / "c.md").read_text() if (tmp_path / "c.md").exists() else result.output
    return result.exit_code, text


def test_the_comment_is_made_from_the_checked_json_never_from_the_artifacts_markdown(
    tmp_path: Path,
) -> None:
    folder = _artifact(tmp_path / "artifact", _changed(page=HOSTILE[0]))
    for side in ("before", "after", "diffs"):
        page(folder / side / "card-abc123.desktop.png")
    code, text = _comment(folder, tmp_path, "https://raw.example/o/r/codex-visual/pr-7/9")
    assert code == 0, text
    assert "evil.example" not in text
    assert "@everyone" not in text
    assert HOSTILE[0] not in text
    assert (
        '<img src="https://raw.example/o/r/codex-visual/pr-7/9/diffs/card-abc123.desktop.png"'
        in text
    )
    published = sorted(
        str(p.relative_to(tmp_path / "publish")) for p in (tmp_path / "publish").rglob("*.png")
    )
    assert published == [f"{s}/card-abc123.desktop.png" for s in ("after", "before", "diffs")]
    # Private repositories: no images published, a link to the run's report.
    code, text = _comment(folder, tmp_path)
    assert code == 0
    assert "<img" not in text
    assert "[the artifacts of this run](https://github.com/o/r/actions/runs/9)" in text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"diff": "../../.github/workflows/x.png"}, "diff"),
        ({"page": "javascript:alert(1)"}, "page"),
        ({"viewport": "Desktop<script>"}, "viewport"),
        ({"share": 7}, "share"),
        ({"outcome": "merged"}, "outcome"),
        ({"note": "extra"}, "note"),
    ],
)
def test_a_forged_report_is_refused_by_name(
    tmp_path: Path, overrides: dict[str, object], message: str
) -> None:
    folder = _artifact(tmp_path / "artifact", _changed(**overrides))
    code, text = _comment(folder, tmp_path, "https://raw.example/x")
    assert code == 1
    assert f"results.0.{message}" in text
    assert not (tmp_path / "publish").exists()


@pytest.mark.parametrize("bad", ["not-png", "symlink", "missing"])
def test_only_real_pngs_the_report_names_are_published(tmp_path: Path, bad: str) -> None:
    folder = _artifact(tmp_path / "artifact", _changed())
    for side in ("before", "after"):
        page(folder / side / "card-abc123.desktop.png")
    target = folder / "diffs" / "card-abc123.desktop.png"
    if bad == "not-png":
        target.write_text("<svg onload=alert(1)>")
    elif bad == "symlink":
        target.symlink_to("/etc/passwd")
    code, text = _comment(folder, tmp_path, "https://raw.example/x")
    assert code == 1
    assert "card-abc123.desktop.png: not" in text
