"""`codex-infra snapshot`: every page of an environment at every viewport, as PNGs and a manifest.

The environment is a base URL: a stack running locally (`codex-infra local up`) or a deployed one.
The pages and viewports are the stack's `visualPages` and `visualViewports`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from PIL import Image

from codex_infra.engine.config import load_stack_config
from codex_infra.errors import UsageError
from codex_infra.visual.browser import Render, Request
from codex_infra.visual.model import (
    DEFAULT_TIMEOUT,
    MANIFEST,
    Manifest,
    Shot,
    VisualError,
    fresh_folder,
    image_name,
    write_document,
)
from components.settings import VisualSettings, load_concern


class Browser(Protocol):
    def render(self, requests: Sequence[Request], timeout: float) -> list[Render]:
        """One render per request, in their order."""
        ...


def visual_settings(root: Path, stack: str) -> VisualSettings:
    """The pages and viewports as `root`'s config gives them for `stack`."""
    try:
        return load_concern(VisualSettings, load_stack_config(root, stack).values)
    except UsageError as err:  # the config files, or the keys in them
        raise VisualError(str(err)) from None


def page_url(base_url: str, page: str) -> str:
    return base_url.rstrip("/") + page


def check_base_url(base_url: str) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.query or parts.fragment:
        raise VisualError(f"{base_url!r} is not a base URL like https://example.com")
    return base_url


@dataclass(frozen=True)
class Target:
    """An environment to snapshot, what of it, and the folder its snapshot goes to."""

    base_url: str
    settings: VisualSettings
    out: Path


def snapshot_all(targets: Sequence[Target], browser: Browser, timeout: float) -> list[Manifest]:
    """Every page of every target in one go (their loads overlap), each target into its own
    folder (a folder holds one snapshot); a folder's manifest is written last."""
    wanted = [
        (target, page, viewport)
        for target in targets
        for viewport in target.settings.visual_viewports
        for page in target.settings.visual_pages
    ]
    for target in targets:
        check_base_url(target.base_url)
        fresh_folder(target.out, MANIFEST)
    renders = browser.render(
        [
            Request(
                page_url(target.base_url, page),
                viewport,
                f"{page} at {viewport.name} ({viewport.width}x{viewport.height})",
            )
            for target, page, viewport in wanted
        ],
        timeout,
    )
    shots: dict[Path, list[Shot]] = {target.out: [] for target in targets}
    for (target, page, viewport), render in zip(wanted, renders, strict=True):
        name = image_name(page, viewport.name)
        (target.out / name).write_bytes(render.png)
        width, height = _size(render.png)
        shots[target.out].append(Shot(page=page, viewport=viewport.name, width=width,
                                      height=height, file=name, status=render.status))  # fmt: skip
    manifests: list[Manifest] = []
    for target in targets:
        manifest = Manifest(url=target.base_url, shots=tuple(shots[target.out]))
        write_document(manifest, target.out / MANIFEST)
        manifests.append(manifest)
    return manifests


def snapshot(
    base_url: str,
    settings: VisualSettings,
    browser: Browser,
    out: Path,
    timeout: float = DEFAULT_TIMEOUT,
) -> Manifest:
    (manifest,) = snapshot_all([Target(base_url, settings, out)], browser, timeout)
    return manifest


def _size(png: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(png)) as image:  # reads the header only
        return image.size


def summary_line(manifest: Manifest, out: Path) -> str:
    pages = len({s.page for s in manifest.shots})
    viewports: Sequence[str] = sorted({s.viewport for s in manifest.shots})
    return (
        f"{len(manifest.shots)} screenshots ({pages} pages at {', '.join(viewports)}) of "
        f"{manifest.url} in {out}"
    )
