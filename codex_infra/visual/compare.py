"""`codex-infra compare`: two snapshot folders, page by page and viewport by viewport.

Pixels are compared by odiff (the native image-diff tool Lost Pixel uses, a port of pixelmatch):
YIQ colour distance against a threshold, and anti-aliased pixels, which differ between renders of
the same page, not counted. What it reports as changed is grouped into regions (changed pixels
closer than GAP belong together) with scipy's labelling, each region bounded by a box.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageOps
from scipy import ndimage  # pyright: ignore[reportMissingTypeStubs]

from codex_infra.errors import one_line
from codex_infra.local.state import LocalError
from codex_infra.local.workers import ensure_installed
from codex_infra.visual.model import (
    COMPARISON,
    MANIFEST,
    THRESHOLD,
    Box,
    Comparison,
    Manifest,
    Outcome,
    Result,
    Shot,
    VisualError,
    fresh_folder,
    read_document,
    write_document,
)

JS_DIR = Path(__file__).parent / "js"
# Changed pixels this close (px) form one region: a reworded line is one box, not one per glyph.
GAP = 24
MAX_BOXES = 50
DIFF_TIMEOUT = 60
CHANGED_COLOUR = (255, 0, 255)
BOX_COLOUR = (220, 0, 0)
Mask = NDArray[np.bool_]
# odiff's exit codes: the same within the threshold, or different.
SAME, DIFFERENT = 0, 22


class Differ(Protocol):
    def __call__(self, before: Path, after: Path, mask: Path, threshold: float) -> bool:
        """Writes `mask`, the changed pixels over transparency; False if there are none."""
        ...


def odiff(js_dir: Path = JS_DIR) -> Differ:
    """odiff's binary from the lockfile in `js/` (installed on first use); run without Node."""
    try:
        ensure_installed(js_dir)
    except LocalError as err:
        raise VisualError(str(err)) from None
    arch = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64"}.get(platform.machine().lower())
    binary = js_dir / "node_modules" / "@odiff" / f"{platform.system().lower()}-{arch}" / "odiff"
    if not binary.is_file():
        raise VisualError(
            f"odiff has no binary for {platform.system()} {platform.machine()} in {js_dir}: "
            "its lockfile holds the linux-x64 build only"
        )

    def run(before: Path, after: Path, mask: Path, threshold: float) -> bool:
        command = [str(binary), str(before), str(after), str(mask), "--diff-mask",
                   "--antialiasing", f"--threshold={threshold}", "--parsable-stdout"]  # fmt: skip
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=DIFF_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise VisualError(f"odiff took over {DIFF_TIMEOUT} s on {after.name}") from None
        if done.returncode not in (SAME, DIFFERENT):
            said = one_line(done.stderr or done.stdout, last=1)
            raise VisualError(f"odiff failed on {after.name} (exit {done.returncode}): {said}")
        return done.returncode == DIFFERENT

    return run


def _canvas(path: Path, size: tuple[int, int]) -> Image.Image:
    """The image on a white canvas of `size` (for the diff image of a page that grew)."""
    canvas = Image.new("RGB", size, "white")
    with Image.open(path) as image:
        canvas.paste(image.convert("RGB"), (0, 0))
    return canvas


def _groups(changed: Mask, gap: int) -> list[tuple[slice, slice]]:
    """The bounding slices of the groups of changed pixels closer than `gap`."""
    scipy: Any = ndimage  # it ships no types
    labels: NDArray[np.int32] = scipy.label(scipy.maximum_filter(changed, size=gap))[0]
    found: list[tuple[slice, slice] | None] = scipy.find_objects(labels)
    return [group for group in found if group is not None]


def regions(changed: Mask, gap: int = GAP) -> tuple[Box, ...]:
    """Boxes around groups of changed pixels (within `gap` of each other), top to bottom, each
    as tight as its pixels; at most MAX_BOXES, the largest kept."""
    boxes: list[Box] = []
    for rows, cols in _groups(changed, gap):
        inside = changed[rows, cols]
        ys = np.nonzero(np.any(inside, axis=1))[0]
        xs = np.nonzero(np.any(inside, axis=0))[0]
        if ys.size == 0:
            continue
        boxes.append(
            Box(
                x=int(cols.start) + int(xs[0]),
                y=int(rows.start) + int(ys[0]),
                width=int(xs[-1] - xs[0]) + 1,
                height=int(ys[-1] - ys[0]) + 1,
            )
        )
    boxes.sort(key=lambda b: b.width * b.height, reverse=True)
    return tuple(sorted(boxes[:MAX_BOXES], key=lambda b: (b.y, b.x)))


def _diff_image(after: Image.Image, changed: Mask, boxes: tuple[Box, ...]) -> Image.Image:
    """What a reviewer looks at: the new page faded to grey, its changed pixels in magenta, a
    box around each changed region."""
    faded = Image.blend(
        ImageOps.grayscale(after.convert("RGB")).convert("RGB"),
        Image.new("RGB", after.size, "white"),
        0.7,
    )
    pixels = np.array(faded)
    pixels[changed] = CHANGED_COLOUR
    image = Image.fromarray(pixels)
    draw = ImageDraw.Draw(image)
    for b in boxes:
        draw.rectangle((b.x - 2, b.y - 2, b.x + b.width + 1, b.y + b.height + 1),
                       outline=BOX_COLOUR, width=2)  # fmt: skip
    return image


def compare_pair(
    before: Path, after: Path, diff_out: Path, differ: Differ, threshold: float = THRESHOLD
) -> tuple[float, tuple[Box, ...]]:
    """The share of pixels changed and the changed regions; the diff image written to
    `diff_out` when something changed. Where only one of the two has pixels (a page that grew
    or shrank) counts as changed; odiff compares where both have."""
    with Image.open(before) as a, Image.open(after) as b:
        size = (max(a.width, b.width), max(a.height, b.height))
        common = (min(a.width, b.width), min(a.height, b.height))
    changed = np.ones((size[1], size[0]), dtype=bool)
    with tempfile.TemporaryDirectory(prefix="codex-compare-") as tmp:
        work = Path(tmp)
        left, right = before, after
        if common != size:
            left, right = work / "before.png", work / "after.png"
            for source, target in ((before, left), (after, right)):
                with Image.open(source) as image:
                    image.crop((0, 0, *common)).save(target, compress_level=1)
        if differ(left, right, work / "mask.png", threshold):
            with Image.open(work / "mask.png") as mask:
                inside = np.asarray(mask.convert("RGBA").getchannel("A")) > 0
        else:
            inside = np.zeros((common[1], common[0]), dtype=bool)
    changed[: common[1], : common[0]] = inside
    count = int(changed.sum())
    if count == 0:
        return 0.0, ()
    boxes = regions(changed)
    _diff_image(_canvas(after, size), changed, boxes).save(diff_out, compress_level=1)
    return count / changed.size, boxes


def compare(
    before_dir: Path,
    after_dir: Path,
    out: Path,
    differ: Differ,
    threshold: float = THRESHOLD,
    labels: tuple[str, str] | None = None,
    on_result: Callable[[Result], None] | None = None,
) -> Comparison:
    """Writes into `out`: before/ and after/ (the screenshots), diffs/ (one image per changed
    page and viewport) and comparison.json. `labels` name the two sides (default: their URLs)."""
    old = read_document(Manifest, before_dir / MANIFEST)
    new = read_document(Manifest, after_dir / MANIFEST)
    for folder, manifest in ((before_dir, old), (after_dir, new)):
        missing = [s.file for s in manifest.shots if not (folder / s.file).is_file()]
        if missing:
            raise VisualError(f"{folder}: {missing[0]} is in its manifest but not in the folder")
    fresh_folder(out, COMPARISON)
    for side, folder, manifest in (("before", before_dir, old), ("after", after_dir, new)):
        (out / side).mkdir()
        for shot in manifest.shots:
            shutil.copyfile(folder / shot.file, out / side / shot.file)
    (out / "diffs").mkdir()
    earlier = {s.key: s for s in old.shots}
    later = {s.key: s for s in new.shots}
    keys = [s.key for s in new.shots] + [s.key for s in old.shots if s.key not in later]
    results: list[Result] = []
    for key in keys:
        result = _result(earlier.get(key), later.get(key), out, differ, threshold)
        results.append(result)
        if on_result is not None:
            on_result(result)
    before_label, after_label = labels or (old.url, new.url)
    comparison = Comparison(
        before=before_label, after=after_label, threshold=threshold, results=tuple(results)
    )
    write_document(comparison, out / COMPARISON)
    return comparison


def _result(
    before: Shot | None, after: Shot | None, out: Path, differ: Differ, threshold: float
) -> Result:
    shot = after or before
    assert shot is not None
    unchanged = Result(
        page=shot.page,
        viewport=shot.viewport,
        outcome=Outcome.UNCHANGED,
        before=before.file if before else None,
        after=after.file if after else None,
        before_status=before.status if before else None,
        after_status=after.status if after else None,
    )
    if before is None or after is None:
        outcome = Outcome.ADDED if before is None else Outcome.REMOVED
        return unchanged.model_copy(update={"outcome": outcome})
    share, boxes = compare_pair(
        out / "before" / before.file,
        out / "after" / after.file,
        out / "diffs" / after.file,
        differ,
        threshold,
    )
    if not boxes:
        return unchanged
    return unchanged.model_copy(
        update={"outcome": Outcome.CHANGED, "share": share, "boxes": boxes, "diff": after.file}
    )
