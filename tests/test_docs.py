"""The README is an index of the documentation pages: every link between them lands on a file
and a heading that exist, and the README stays short enough to read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchor(heading: str) -> str:
    """GitHub's slug of a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.S)
    return {anchor(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_link_lands_on_a_page_and_heading(page: Path) -> None:
    for target in LINK.findall(page.read_text()):
        if re.match(r"^[a-z]+:", target):
            continue  # a web address
        path, _, fragment = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target} names no file"
        if fragment and linked.suffix == ".md":
            assert fragment in anchors(linked), f"{page.name}: {target} names no heading"


def test_the_readme_is_an_index_not_the_whole_story() -> None:
    assert len((REPO / "README.md").read_text().splitlines()) <= 250


def _layout() -> tuple[str, set[Path]]:
    """The README's layout section, and every path its rows name: a row's first cell names paths
    (`dir/a.py`, `b.py`: both in dir/), and the modules its second cell names are in that folder."""
    text = (REPO / "README.md").read_text()
    section = text.split("## Layout", 1)[1].split("\n## ", 1)[0]
    named: set[Path] = set()
    for row in section.splitlines():
        cells = row.strip("|").split(" | ")
        if len(cells) < 2:
            continue
        folder = Path()
        for item in re.findall(r"`([^`\s]+)`", cells[0]):
            path = Path(item.rstrip("/"))
            if "/" in item:
                folder = path.parent if path.suffix else path
                named.add(path)
            elif path.suffix:
                named.add(folder / path)
        if folder != Path():
            modules = re.findall(r"`(\w+\.py)`", cells[1])
            named.update(folder / module for module in modules)
    return section, named


def test_the_layout_table_names_only_what_exists() -> None:
    _, named = _layout()
    for path in named:
        assert (REPO / path).exists() or path.match("bench_*.py"), f"README layout: {path}"


def test_every_package_and_component_has_its_row() -> None:
    section, named = _layout()
    packages = [p.parent.relative_to(REPO) for p in (REPO / "codex_infra").glob("*/__init__.py")]
    for package in packages:
        assert f"`{package}/`" in section, f"README layout: no row for {package}/"
        for module in (REPO / package).glob("*.py"):
            if module.name != "__init__.py":
                assert package / module.name in named, f"README layout: {module.name} of {package}"
    for module in (REPO / "components").glob("*.py"):
        if module.name != "__init__.py":
            assert module.name in section, f"README layout: {module.name} is not named"
    for module in (REPO / "codex_infra").glob("*.py"):
        if module.name != "__init__.py":
            assert module.name in section, f"README layout: codex_infra/{module.name} is not named"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_path_a_page_names_exists(page: Path) -> None:
    for path in re.findall(
        r"`((?:codex_infra|components|tests|scripts|e2e)/[\w./-]+)`", page.read_text()
    ):
        if "*" in path or "node_modules" in path:
            continue  # a pattern, or what an install makes
        assert (REPO / path).exists(), f"{page.name}: {path} does not exist"
