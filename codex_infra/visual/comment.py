"""`codex-infra visual-comment`: the PR comment of a visual review, made by a trusted job from a
report that a PR's own code wrote (a fork's, maybe).

Nothing of the report is trusted: its JSON is read through the models (paths, names and numbers
constrained), its text is written as Markdown entities, its Markdown is never used, and only
images the JSON names, under names we check, that are PNGs and not too large, are copied out for
publishing. The images' URLs are the caller's (`--images-url`), never the report's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from codex_infra.visual.model import (
    COMPARISON,
    MANIFEST,
    Comparison,
    Manifest,
    VisualError,
    fresh_folder,
    read_document,
)
from codex_infra.visual.report import ImageUrl, render_gallery, render_markdown

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 8 * 1024 * 1024
PUBLISHED = ".published"


def _checked_png(path: Path) -> Path:
    if path.is_symlink() or not path.is_file():
        raise VisualError(f"{path.name}: not a file in the report")
    if path.stat().st_size > MAX_IMAGE_BYTES:
        raise VisualError(f"{path.name}: larger than {MAX_IMAGE_BYTES // 1024 // 1024} MiB")
    with path.open("rb") as handle:
        if handle.read(len(PNG_SIGNATURE)) != PNG_SIGNATURE:
            raise VisualError(f"{path.name}: not a PNG")
    return path


def _publish(images: list[tuple[Path, str]], publish: Path) -> None:
    """Copies each image the document names (its path, where it goes), checked, to `publish`."""
    fresh_folder(publish, PUBLISHED)
    (publish / PUBLISHED).touch()
    for source, target in images:
        (publish / target).parent.mkdir(exist_ok=True)
        shutil.copyfile(_checked_png(source), publish / target)


def _url(images_url: str) -> ImageUrl:
    return lambda folder, name: f"{images_url.rstrip('/')}/{folder}/{name}"


def comparison_comment(report: Path, run_url: str, images_url: str | None, publish: Path) -> str:
    """A `codex-infra compare` folder as a comment: the changed screenshots inline (published
    from `publish`) when there is somewhere to show them, else a link to the run's report."""
    comparison = read_document(Comparison, report / COMPARISON)
    footer = f"\nThe whole report (report.html) is in [the artifacts of this run]({run_url}).\n"
    if images_url is None:
        return render_markdown(comparison) + footer
    images = [
        (report / folder / name, f"{folder}/{name}")
        for r in comparison.changed()
        for folder, name in (("before", r.before), ("after", r.after), ("diffs", r.diff))
        if name is not None
    ]
    _publish(images, publish)
    return render_markdown(comparison, _url(images_url)) + footer


def snapshots_comment(folder: Path, run_url: str, images_url: str | None, publish: Path) -> str:
    """A `codex-infra snapshot` folder (a deployed preview's) as a section of a comment."""
    manifest = read_document(Manifest, folder / MANIFEST)
    if images_url is not None:
        _publish([(folder / s.file, f"snapshots/{s.file}") for s in manifest.shots], publish)
    return render_gallery(manifest, None if images_url is None else _url(images_url), run_url)
