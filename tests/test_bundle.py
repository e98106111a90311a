"""Reading wrangler's output directory and the migrations folder."""

from __future__ import annotations

import hashlib
import os
import stat
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from components.bundle import (
    MAX_ASSET_BYTES,
    STAGED_ASSETS_DIR,
    BundleError,
    check_assets,
    hash_tree,
    load_bundle,
    publishable_assets,
    sha256_file,
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
    with pytest.raises(BundleError, match=r"main must name an ES module"):
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


def test_a_link_leaving_the_folder_is_refused_and_named(tmp_path: Path) -> None:
    site, outside = tmp_path / "site", tmp_path / "secret.txt"
    _write(site, {"index.html": b"<h1>hi</h1>"})
    outside.write_text("TOKEN=1")
    (site / "env.txt").symlink_to("/proc/self/environ")
    with pytest.raises(BundleError, match=r"^env\.txt is a symbolic link that leaves the folder"):
        check_assets(site)
    (site / "env.txt").unlink()
    (site / "deep").mkdir()
    (site / "deep/up.txt").symlink_to("../../secret.txt")  # relative, and out
    with pytest.raises(BundleError, match=r"^deep/up\.txt is a symbolic link that leaves"):
        stage_assets(tmp_path, "site")
    assert not (tmp_path / STAGED_ASSETS_DIR).exists() or not any(
        (tmp_path / STAGED_ASSETS_DIR).iterdir()
    )


def test_a_link_inside_the_folder_publishes_a_copy_of_its_file(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _write(site, {"index.html": b"<h1>hi</h1>", "img/logo.svg": b"<svg/>"})
    (site / "home.html").symlink_to("index.html")
    (site / "img/alias.svg").symlink_to("../img/logo.svg")
    assert check_assets(site) == 4
    copy = tmp_path / stage_assets(tmp_path, "site")
    assert not (copy / "home.html").is_symlink()
    assert (copy / "home.html").read_bytes() == b"<h1>hi</h1>"
    assert (copy / "img/alias.svg").read_bytes() == b"<svg/>"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda site: (site / "more").symlink_to("img"),
            r"^more is a symbolic link to a directory",
        ),
        (
            lambda site: (site / "gone.txt").symlink_to("nowhere"),
            r"^gone\.txt is a broken symbolic",
        ),
        (lambda site: (site / "loop").symlink_to("loop"), r"^loop is a broken symbolic link"),
        (lambda site: os.mkfifo(site / "pipe"), r"^pipe is not a regular file"),
    ],
    ids=["directory-link", "broken-link", "link-loop", "fifo"],
)
def test_anything_but_files_and_links_to_files_inside_is_refused(
    tmp_path: Path, make: Callable[[Path], None], message: str
) -> None:
    _write(tmp_path, {"index.html": b"", "img/logo.svg": b"<svg/>"})
    make(tmp_path)
    with pytest.raises(BundleError, match=message):
        check_assets(tmp_path)


def test_what_assetsignore_lists_is_not_looked_at(tmp_path: Path) -> None:
    _write(tmp_path, {"index.html": b"", ".assetsignore": b"env.txt\npipe\n"})
    (tmp_path / "env.txt").symlink_to("/proc/self/environ")
    os.mkfifo(tmp_path / "pipe")
    assert publishable_assets(tmp_path) == ["index.html"]


def test_a_bundle_link_leaving_its_folder_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, {"index.js": b"export default {}"})
    (tmp_path / "secrets.txt").symlink_to("/proc/self/environ")
    with pytest.raises(BundleError, match=r"^secrets\.txt is a symbolic link that leaves"):
        load_bundle(tmp_path, "b", "index.js")
    (tmp_path / "secrets.txt").unlink()
    (tmp_path / "lib.js").symlink_to("index.js")  # inside: uploaded as a module of its own
    assert [m.name for m in load_bundle(tmp_path, "b", "index.js").modules] == ["lib.js"]


def test_the_staged_copy_is_private_to_its_owner(tmp_path: Path) -> None:
    _write(tmp_path / "site", {"index.html": b"<h1>hi</h1>", "a/b.txt": b"b"})
    copy = tmp_path / stage_assets(tmp_path, "site")
    for path in (tmp_path / STAGED_ASSETS_DIR, copy, copy / "a"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    # A copy an older version left readable by all is made private when used again.
    copy.chmod(0o755)
    assert tmp_path / stage_assets(tmp_path, "site") == copy
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700


def test_an_asset_over_25_mib_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, {"index.html": b""})
    with (tmp_path / "video.mp4").open("wb") as file:
        file.truncate(MAX_ASSET_BYTES)  # sparse: no disk used
    assert check_assets(tmp_path) == 2  # 25 MiB exactly is allowed, as by wrangler
    with (tmp_path / "video.mp4").open("wb") as file:
        file.truncate(200 * 1024 * 1024)
    with pytest.raises(
        BundleError, match=r"^video\.mp4 is 200\.0 MiB; Cloudflare refuses a static asset over 25"
    ):
        check_assets(tmp_path)


def test_hashing_reads_in_chunks(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    with big.open("wb") as file:
        file.truncate(64 * 1024 * 1024)
    tracemalloc.start()
    try:
        digest = sha256_file(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert digest == hashlib.sha256(bytes(64 * 1024 * 1024)).hexdigest()
    assert peak < 4 * 1024 * 1024


@pytest.mark.parametrize("config", ["_headers", "_redirects", ".assetsignore"])
def test_what_is_read_into_the_config_follows_the_same_rules(tmp_path: Path, config: str) -> None:
    _write(tmp_path, {"index.html": b""})
    (tmp_path / config).symlink_to("/proc/self/environ")
    with pytest.raises(BundleError, match=rf"^{config} is a symbolic link that leaves"):
        check_assets(tmp_path)
    (tmp_path / config).unlink()
    (tmp_path / config).write_bytes(b"\xff\xfe")
    with pytest.raises(BundleError, match=rf"^{config} is not UTF-8 text"):
        check_assets(tmp_path)
