"""Reading wrangler's output directory and the migrations folder."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from components.bundle import (
    STAGED_ASSETS_DIR,
    BundleError,
    check_assets,
    hash_tree,
    load_bundle,
    publishable_assets,
    stage_assets,
)


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def test_every_module_gets_its_content_type_and_hash(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "index.js": b"export default {}",
            "chunks/a.mjs": b"export const a = 1",
            "legacy.cjs": b"module.exports = 1",
            "add.wasm": b"\0asm",
            "schema.sql": b"select 1",
            "data.bin": b"\x01",
            "index.js.map": b"{}",
            "worker.py": b"print(1)",
            "README.md": b"written by wrangler, with a timestamp",
        },
    )
    bundle = load_bundle(tmp_path, "build/web", "index.js")
    assert bundle.main.name == "index.js"
    assert bundle.main.path == "build/web/index.js"
    assert bundle.main.content_type == "application/javascript+module"
    assert bundle.main.sha256 == hashlib.sha256(b"export default {}").hexdigest()
    assert {m.name: m.content_type for m in bundle.modules} == {
        "add.wasm": "application/wasm",
        "chunks/a.mjs": "application/javascript+module",
        "data.bin": "application/octet-stream",
        "index.js.map": "application/source-map",
        "legacy.cjs": "application/javascript",
        "schema.sql": "text/plain",
        "worker.py": "text/x-python",
    }
    assert [m.path for m in bundle.modules][:2] == ["build/web/add.wasm", "build/web/chunks/a.mjs"]


def test_the_entry_must_be_an_es_module(tmp_path: Path) -> None:
    _write(tmp_path, {"index.cjs": b"module.exports = {}"})
    with pytest.raises(BundleError, match=r"entry module index\.cjs must be an ES module"):
        load_bundle(tmp_path, "b", "index.cjs")


def test_same_code_same_hashes_changed_code_new_hash(tmp_path: Path) -> None:
    _write(tmp_path, {"index.js": b"export default {}", "lib.js": b"export const x = 1"})
    first = load_bundle(tmp_path, "b", "index.js")
    assert load_bundle(tmp_path, "b", "index.js") == first
    _write(tmp_path, {"lib.js": b"export const x = 2"})
    second = load_bundle(tmp_path, "b", "index.js")
    assert second.main == first.main
    assert second.modules[0].sha256 != first.modules[0].sha256


def test_migrations_hash_follows_names_and_contents(tmp_path: Path) -> None:
    _write(tmp_path, {"0001.sql": b"create table a ();"})
    first = hash_tree(tmp_path)
    assert hash_tree(tmp_path) == first
    _write(tmp_path, {"0002.sql": b"create table b ();"})
    second = hash_tree(tmp_path)
    assert second != first
    (tmp_path / "0002.sql").rename(tmp_path / "0003.sql")
    assert hash_tree(tmp_path) not in {first, second}


SITE = {
    "index.html": b"<h1>hi</h1>",
    "_headers": b"/*\n  X-Frame-Options: DENY\n",
    "_redirects": b"/old /new 301\n",
    ".assetsignore": b"*.map\ndrafts/\n!keep.map\n",
    "app.js": b"console.log(1)",
    "app.js.map": b"{}",
    "keep.map": b"{}",
    "drafts/post.html": b"draft",
    "blog/_headers": b"a nested _headers is an ordinary file to wrangler",
}


def test_publishes_what_wrangler_would(tmp_path: Path) -> None:
    """Metafiles at the top are skipped, `.assetsignore` is gitignore syntax (negation too)."""
    _write(tmp_path, SITE)
    assert publishable_assets(tmp_path) == ["app.js", "blog/_headers", "index.html", "keep.map"]


def test_a_staged_copy_holds_exactly_that_and_is_named_by_its_content(tmp_path: Path) -> None:
    project_a, project_b = tmp_path / "a", tmp_path / "b"
    for project in (project_a, project_b):
        _write(project / "site", SITE)
    staged = stage_assets(project_a, "site")
    assert staged.startswith(f"{STAGED_ASSETS_DIR}/")
    copy = project_a / staged
    assert sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()) == [
        "app.js",
        "blog/_headers",
        "index.html",
        "keep.map",
    ]
    assert (copy / "index.html").read_bytes() == SITE["index.html"]
    # Another checkout, and a second run: the same directory, so the same provider inputs.
    assert stage_assets(project_b, "site") == staged
    assert stage_assets(project_a, "site") == staged
    # Only what is published counts: an edit to _headers (sent as config) keeps the copy.
    (project_a / "site/_headers").write_bytes(b"/*\n  X-Other: 1\n")
    assert stage_assets(project_a, "site") == staged
    # New content, a new copy; the old one is removed.
    (project_a / "site/index.html").write_bytes(b"<h1>new</h1>")
    newer = stage_assets(project_a, "site")
    assert newer != staged
    assert [p.name for p in (project_a / STAGED_ASSETS_DIR).iterdir()] == [newer.rsplit("/")[-1]]


def test_env_files_are_refused_unless_ignored(tmp_path: Path) -> None:
    _write(tmp_path, {"index.html": b"", ".env.production": b"SECRET=1"})
    with pytest.raises(BundleError, match=r"\.env\.production would be published .*\.assetsignore"):
        check_assets(tmp_path)
    _write(tmp_path, {".assetsignore": b".env*\n"})
    check_assets(tmp_path)
