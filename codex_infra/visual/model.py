"""What snapshots and comparisons are, on disk: JSON documents read back through the same models,
so a folder from elsewhere (another run, a CI artifact) is checked before anything uses it."""

from __future__ import annotations

import hashlib
import re
import shutil
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from codex_infra.errors import FaultError
from components.settings import MAX_SHOTS, PagePath, ViewportName

MANIFEST = "manifest.json"
# pixelmatch's default: a colour change below it is noise no reader would see.
THRESHOLD = 0.1
# Seconds a page may take to settle.
DEFAULT_TIMEOUT = 30.0
COMPARISON = "comparison.json"
# Names of the images in a folder: ours, never a page's own text (pages may hold anything).
ImageFile = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,80}\.[a-z0-9-]{1,32}\.png$")]
# PNG's own limit is larger; no screenshot of a web page comes near this.
MAX_SIDE = 65535


class VisualError(FaultError):
    """Visual review cannot go on: one line naming the page, folder or tool at fault."""


class _Document(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


D = TypeVar("D", bound=_Document)


class Shot(_Document):
    """One page at one viewport: the PNG in the folder and how the page answered."""

    page: PagePath
    viewport: ViewportName
    width: int = Field(ge=1, le=MAX_SIDE)
    height: int = Field(ge=1, le=MAX_SIDE)
    file: ImageFile
    status: int | None = Field(default=None, ge=100, le=599)

    @property
    def key(self) -> tuple[str, str]:
        return (self.page, self.viewport)


class Manifest(_Document):
    version: Literal[1] = 1
    url: str
    shots: tuple[Shot, ...] = Field(max_length=MAX_SHOTS)


class Outcome(StrEnum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


class Box(_Document):
    """A changed region, in the pixels of the compared images."""

    x: int = Field(ge=0)
    y: int = Field(ge=0)
    width: int = Field(ge=1)
    height: int = Field(ge=1)


class Result(_Document):
    page: PagePath
    viewport: ViewportName
    outcome: Outcome
    share: float = Field(default=0.0, ge=0.0, le=1.0)  # of the pixels, changed
    boxes: tuple[Box, ...] = Field(default=(), max_length=1000)
    before: ImageFile | None = None  # under before/
    after: ImageFile | None = None  # under after/
    diff: ImageFile | None = None  # under diffs/
    before_status: int | None = Field(default=None, ge=100, le=599)
    after_status: int | None = Field(default=None, ge=100, le=599)


class Comparison(_Document):
    version: Literal[1] = 1
    before: str  # where each side was rendered from (a URL, or a revision)
    after: str
    threshold: float = Field(ge=0.0, le=1.0)
    results: tuple[Result, ...] = Field(max_length=2 * MAX_SHOTS)

    def changed(self) -> list[Result]:
        return [r for r in self.results if r.outcome is not Outcome.UNCHANGED]


def image_name(page: str, viewport: str) -> str:
    """`/pricing?plan=team` at `phone` -> `pricing-plan-team-1a2b3c.phone.png`: readable, and
    distinct for distinct paths (the digest tells `/a-b` from `/a/b`)."""
    slug = re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-")[:60] or "index"
    digest = hashlib.sha256(page.encode()).hexdigest()[:6]
    return f"{slug}-{digest}.{viewport}.png"


def read_document(model: type[D], path: Path) -> D:
    """A manifest or comparison as its model reads it; anything else is one line naming it."""
    try:
        return model.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise VisualError(f"{path}: not found") from None
    except ValidationError as err:
        first = err.errors(include_input=False, include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        kind = model.__name__.lower()
        raise VisualError(f"{path}: not a {kind} ({where}: {first['msg']})") from None


def write_document(document: _Document, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document.model_dump_json(indent=2) + "\n")


def fresh_folder(path: Path, marker: str) -> Path:
    """An empty folder to write into. One written before (it holds `marker`) is emptied; any
    other folder with something in it is refused, never emptied: it may be the caller's."""
    if path.is_dir() and any(path.iterdir()):
        if not (path / marker).is_file():
            raise VisualError(f"{path} is not empty and holds no {marker}: choose another folder")
        shutil.rmtree(path)
    elif path.exists() and not path.is_dir():
        raise VisualError(f"{path} is not a folder")
    path.mkdir(parents=True, exist_ok=True)
    return path
