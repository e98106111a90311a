"""Reading what `wrangler deploy --dry-run --outdir DIR` leaves behind, and the assets directory.

Both are read as regular files only. A symbolic link to a regular file inside the same folder
stands for that file (published, or uploaded, under the link's name, as wrangler does); any other
link (leaving the folder, to a directory, broken) is refused, named: a link to /proc/self/environ
would otherwise publish the process's environment. Messages name files relative to the folder and
never quote a config value (which may have been given as a secret).
"""

from __future__ import annotations

import fnmatch
import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
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
#: Cloudflare refuses a static asset over 25 MiB on every Workers plan ("Individual Static Asset
#: file size", plans.WORKERS_PLAN_LIMITS_URL; wrangler refuses `size > MAX_ASSET_SIZE`,
#: 25 * 1024 * 1024). Files per version depend on the plan (plans.py).
MAX_ASSET_BYTES = 25 * 1024 * 1024
_MIB = 1024 * 1024


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


@dataclass(frozen=True)
class TreeFile:
    """A file to read under a folder: its name there (relative, POSIX) and the regular file whose
    bytes it holds (itself, or what a link inside the folder points at)."""

    name: str
    source: Path
    size: int


def sha256_file(path: Path) -> str:
    """Read in chunks: an asset may be tens of MiB."""
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _raise(error: OSError) -> None:
    raise error


def _resolved(root: Path, real_root: Path, path: Path) -> TreeFile:
    name = path.relative_to(root).as_posix()
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # missing, or a loop
            raise BundleError(f"{name} is a broken symbolic link") from None
        if not target.is_relative_to(real_root):
            raise BundleError(
                f"{name} is a symbolic link that leaves the folder: refused, since whatever it"
                " points at would be published; copy the file in instead"
            )
        path = target
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise BundleError(f"{name} is a symbolic link to a directory: link its files instead")
    if not stat.S_ISREG(info.st_mode):
        raise BundleError(f"{name} is not a regular file")
    return TreeFile(name, path, info.st_size)


def tree_files(root: Path, skip: Callable[[str], bool] = lambda _: False) -> list[TreeFile]:
    """Every file under `root` but those `skip` names, sorted by name; links as the module says.
    Real directories are walked, links to directories are not."""
    real_root = root.resolve()
    found: list[TreeFile] = []
    try:
        for folder, dirs, files in os.walk(root, onerror=_raise):
            for entry in (*dirs, *files):
                path = Path(folder, entry)
                if entry in dirs and not path.is_symlink():
                    continue
                if not skip(path.relative_to(root).as_posix()):
                    found.append(_resolved(root, real_root, path))
    except OSError as err:
        where = Path(err.filename or root)
        shown = where.relative_to(root).as_posix() if where.is_relative_to(root) else "it"
        raise BundleError(f"{shown}: {err.strerror or type(err).__name__}") from None
    return sorted(found, key=lambda f: f.name)


def _module(root: Path, base: str, file: TreeFile) -> Module:
    content_type = CONTENT_TYPES.get(PurePosixPath(file.name).suffix)
    if content_type is None:
        raise BundleError(
            f"{file.name} has no Workers module type "
            f"(known endings: {', '.join(sorted(CONTENT_TYPES))})"
        )
    return Module(
        file.name, str(PurePosixPath(base, file.name)), content_type, sha256_file(file.source)
    )


def load_bundle(root: Path, base: str, main: str) -> Bundle:
    """`base` is the directory as configured (relative to the project), kept in paths so
    that the inputs, and so the plan, do not depend on where the checkout lives."""
    files = {f.name: f for f in tree_files(root, lambda name: name in _NOT_MODULES)}
    entry = files.pop(PurePosixPath(main).as_posix(), None)
    if entry is None:
        raise BundleError("main names no file in the bundle")
    if CONTENT_TYPES.get(PurePosixPath(entry.name).suffix) != "application/javascript+module":
        raise BundleError("main must name an ES module (.js or .mjs)")
    return Bundle(_module(root, base, entry), tuple(_module(root, base, f) for f in files.values()))


def _published(root: Path) -> list[TreeFile]:
    """The files wrangler would upload from `root`: every file but its metafiles and what
    `.assetsignore` lists (gitignore syntax, like wrangler's `ignore`)."""
    patterns = [*_ALWAYS_IGNORED, *(read_optional(root, ASSETS_IGNORE_FILE) or "").splitlines()]
    ignored = pathspec.GitIgnoreSpec.from_lines(patterns)
    return tree_files(root, lambda name: ignored.match_file(name))


def publishable_assets(root: Path) -> list[str]:
    """The names `_published` finds, sorted relative POSIX paths."""
    return [f.name for f in _published(root)]


def check_assets(root: Path) -> int:
    """Refuses what must not be published, or what Cloudflare would refuse; the number of files
    that would be (the plan's limit on it is checked with the plans, in settings)."""
    published = _published(root)
    for config in ("_headers", "_redirects"):  # read into the assets' config: the same rules
        read_optional(root, config)
    for file in published:
        base = PurePosixPath(file.name).name
        hit = next((p for p in FORBIDDEN_ASSETS if fnmatch.fnmatchcase(base, p)), None)
        if hit is not None:
            raise BundleError(
                f"{file.name} would be published as a static asset (matches {hit}); build assets"
                f" into a directory without Worker code or env files, or list it in"
                f" {ASSETS_IGNORE_FILE}"
            )
        if file.size > MAX_ASSET_BYTES:
            raise BundleError(
                f"{file.name} is {file.size / _MIB:.1f} MiB; Cloudflare refuses a static asset"
                f" over {MAX_ASSET_BYTES // _MIB} MiB"
            )
    return len(published)


def stage_assets(project: Path, assets_dir: str) -> str:
    """A copy of exactly what wrangler would publish from `assets_dir`, for the provider to upload.

    Named by a digest of its content, so the same assets give the same directory (and so the same
    inputs) on every checkout and every run; copies of other content are removed. Private to its
    owner (0700): what it holds is public once deployed, not before. Returns its path relative to
    the project.
    """
    published = _published(project / assets_dir)
    staged = f"{STAGED_ASSETS_DIR}/{_digest(published)[:32]}"
    parent, target = project / STAGED_ASSETS_DIR, project / staged
    parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if target.is_dir():
        target.chmod(0o700)  # made by an older version, perhaps readable by all
    else:
        scratch = Path(tempfile.mkdtemp(dir=parent, prefix=".partial-"))  # 0700
        for file in published:
            (scratch / file.name).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.copyfile(file.source, scratch / file.name)
        try:
            os.rename(scratch, target)
        except OSError:  # made meanwhile by a run of another stack from this checkout
            shutil.rmtree(scratch)
    for other in parent.iterdir():
        if other != target and not other.name.startswith(".partial-"):
            shutil.rmtree(other, ignore_errors=True)
    return staged


def read_optional(root: Path, name: str) -> str | None:
    """A metafile wrangler reads instead of publishing (`.assetsignore`; `_headers` and
    `_redirects`, which the provider does not treat specially: they go in assets.config), under
    the rules of what is published, since what it holds is sent too."""
    path = root / name
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        return _resolved(root, root.resolve(), path).source.read_text()
    except UnicodeDecodeError:
        raise BundleError(f"{name} is not UTF-8 text") from None


def _digest(files: list[TreeFile]) -> str:
    """One digest of the names and bytes of `files`, in order."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0")
        digest.update(sha256_file(file.source).encode() + b"\0")
    return digest.hexdigest()


def hash_tree(root: Path) -> str:
    """One digest of every file under root, by path and content (links followed, wherever they
    lead: nothing here is published): changes when any file is added, removed or edited."""
    files = sorted(p for p in root.rglob("*") if p.is_file())
    return _digest([TreeFile(p.relative_to(root).as_posix(), p, 0) for p in files])
