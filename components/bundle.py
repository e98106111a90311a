"""Reading what `wrangler deploy --dry-run --outdir DIR` leaves behind, and the assets directory."""

from __future__ import annotations

import fnmatch
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pathspec

# Module types the Workers upload API accepts, by the file endings wrangler's module rules use.
CONTENT_TYPES = {
    ".js": "application/javascript+module",
    ".mjs": "application/javascript+module",
    ".cjs": "application/javascript",
    ".py": "text/x-python",
    ".wasm": "application/wasm",
    ".txt": "text/plain",
    ".html": "text/plain",
    ".sql": "text/plain",
    ".bin": "application/octet-stream",
    ".map": "application/source-map",
}
# wrangler writes a README.md with a timestamp into the outdir; it is not part of the Worker.
_NOT_MODULES = {"README.md"}

# Everything published from the assets directory is public, so server code and env files must never
# be among it.
FORBIDDEN_ASSETS = ("_worker.js", "_routes.json", ".env*", ".dev.vars*")
#: Gitignore-style patterns of files never to publish, as wrangler reads them.
ASSETS_IGNORE_FILE = ".assetsignore"
# What wrangler never uploads (workers-shared `createAssetsIgnoreFunction`): its own metafiles,
# at the top of the directory only. The provider uploads every file, so we hand it a copy without.
_ALWAYS_IGNORED = (f"/{ASSETS_IGNORE_FILE}", "/_redirects", "/_headers")
#: Where the published copies live, relative to the project (one per content, named by its digest).
STAGED_ASSETS_DIR = ".codex-build/assets"


class BundleError(ValueError):
    """A bundle or assets directory we refuse to deploy."""


@dataclass(frozen=True)
class Module:
    name: str
    path: str
    content_type: str
    sha256: str


@dataclass(frozen=True)
class Bundle:
    """A built Worker: the entry module and every other module beside it."""

    main: Module
    modules: tuple[Module, ...]


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _module(root: Path, base: str, path: Path) -> Module:
    name = path.relative_to(root).as_posix()
    content_type = CONTENT_TYPES.get(path.suffix)
    if content_type is None:
        raise BundleError(
            f"bundle {base}: {name} has no Workers module type "
            f"(known endings: {', '.join(sorted(CONTENT_TYPES))})"
        )
    return Module(name, str(PurePosixPath(base, name)), content_type, sha256_file(path))


def load_bundle(root: Path, base: str, main: str) -> Bundle:
    """`base` is the directory as configured (relative to the project), kept in paths so
    that the inputs, and so the plan, do not depend on where the checkout lives."""
    entry = root / main
    if not entry.is_file():
        raise BundleError(f"bundle {base}: entry module {main} not found")
    if CONTENT_TYPES.get(entry.suffix) != "application/javascript+module":
        raise BundleError(f"bundle {base}: entry module {main} must be an ES module (.js or .mjs)")
    modules = tuple(
        _module(root, base, path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and path != entry
        and path.relative_to(root).as_posix() not in _NOT_MODULES
    )
    return Bundle(_module(root, base, entry), modules)


def publishable_assets(root: Path) -> list[str]:
    """The files wrangler would upload from `root`, as sorted relative POSIX paths: every file but
    its metafiles and what `.assetsignore` lists (gitignore syntax, like wrangler's `ignore`)."""
    patterns = list(_ALWAYS_IGNORED)
    ignore_file = root / ASSETS_IGNORE_FILE
    if ignore_file.is_file():
        patterns += ignore_file.read_text().splitlines()
    ignored = pathspec.GitIgnoreSpec.from_lines(patterns)
    names = (path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    return sorted(name for name in names if not ignored.match_file(name))


def check_assets(root: Path) -> None:
    for name in publishable_assets(root):
        base = PurePosixPath(name).name
        hit = next((p for p in FORBIDDEN_ASSETS if fnmatch.fnmatchcase(base, p)), None)
        if hit is not None:
            raise BundleError(
                f"{name} would be published as a static asset (matches {hit}); build assets"
                f" into a directory without Worker code or env files, or list it in"
                f" {ASSETS_IGNORE_FILE}"
            )


def stage_assets(project: Path, assets_dir: str) -> str:
    """A copy of exactly what wrangler would publish from `assets_dir`, for the provider to upload.

    Named by a digest of its content, so the same assets give the same directory (and so the same
    inputs) on every checkout and every run; copies of other content are removed. Returns its path
    relative to the project.
    """
    source = project / assets_dir
    names = publishable_assets(source)
    staged = f"{STAGED_ASSETS_DIR}/{hash_tree(source, names)[:32]}"
    parent, target = project / STAGED_ASSETS_DIR, project / staged
    parent.mkdir(parents=True, exist_ok=True)
    if not target.is_dir():
        scratch = Path(tempfile.mkdtemp(dir=parent, prefix=".partial-"))
        for name in names:
            (scratch / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, scratch / name)
        scratch.chmod(
            0o755
        )  # mkdtemp's 0700 would hide the copy from a provider run by another user
        try:
            os.rename(scratch, target)
        except OSError:  # made meanwhile by a run of another stack from this checkout
            shutil.rmtree(scratch)
    for other in parent.iterdir():
        if other != target and not other.name.startswith(".partial-"):
            shutil.rmtree(other, ignore_errors=True)
    return staged


def read_optional(root: Path, name: str) -> str | None:
    """The provider does not treat `_headers`/`_redirects` specially: they go in assets.config."""
    path = root / name
    return path.read_text() if path.is_file() else None


def hash_tree(root: Path, names: list[str] | None = None) -> str:
    """One digest of the paths and bytes of `names` (relative POSIX paths, in order; default:
    every file under root, in path order): changes when any file is added, removed or edited."""
    if names is None:
        names = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*")) if p.is_file()]
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0")
        digest.update(sha256_file(root / name).encode() + b"\0")
    return digest.hexdigest()
