"""Reading what `wrangler deploy --dry-run --outdir DIR` leaves behind, and the assets directory."""

from __future__ import annotations

import fnmatch
import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

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

# Everything in the assets directory is published, so server code and env files must never be there.
FORBIDDEN_ASSETS = ("_worker.js", "_routes.json", ".env*", ".dev.vars*")


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


def check_assets(root: Path) -> None:
    for path in sorted(root.rglob("*")):
        hit = next((p for p in FORBIDDEN_ASSETS if fnmatch.fnmatchcase(path.name, p)), None)
        if hit is not None:
            raise BundleError(
                f"{path.relative_to(root).as_posix()} would be published as a static asset "
                f"(matches {hit}); build assets into a directory without Worker code or env files"
            )


def read_optional(root: Path, name: str) -> str | None:
    """The provider does not treat `_headers`/`_redirects` specially: they go in assets.config."""
    path = root / name
    return path.read_text() if path.is_file() else None


def hash_tree(root: Path) -> str:
    """One digest of every file's path and bytes: changes when any migration is added or edited."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(sha256_file(path).encode() + b"\0")
    return digest.hexdigest()
