"""`codex-infra reset STACK`: its core over a stand-in for Neon, then the command against the fake
Neon (every request and answer checked against Neon's OpenAPI spec): staging reset to its
parent's head, and the refusals."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner, Result

from codex_infra.cli import main
from codex_infra.clients.neon import Json
from codex_infra.errors import UsageError
from codex_infra.operations.reset import reset_branch, resettable
from tests.neon_fake import DEFAULT_API_KEY, FakeNeon, fake_neon

PROJECT = "codex-example-00000000"  # Pulumi.yaml's: staging's and the previews' project


@pytest.fixture
def neon(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeNeon]:
    with fake_neon(monkeypatch) as fake:
        fake.add_project(PROJECT)
        yield fake


class Branches:
    """Neon's branches of one project, by name; each restore recorded."""

    def __init__(self, *names: str) -> None:
        self.ids = {name: f"br-{name.replace('/', '-')}" for name in names}
        self.restored: list[tuple[str, str, str]] = []

    def list_branches(self, project_id: str) -> list[Json]:
        return [{"id": i, "name": n} for n, i in self.ids.items()]

    def restore_branch(self, project_id: str, branch_id: str, source_branch_id: str) -> Json:
        self.restored.append((project_id, branch_id, source_branch_id))
        return {}


def test_the_core_restores_the_branch_from_its_parent_by_their_ids() -> None:
    neon = Branches("main", "staging", "preview/pr-3")
    reset_branch(neon, "proj", "preview/pr-3", "staging")
    assert neon.restored == [("proj", "br-preview-pr-3", "br-staging")]


@pytest.mark.parametrize(("branch", "parent"), [("staging", "main"), ("preview/pr-3", "dev")])
def test_the_core_names_a_branch_neon_does_not_have(branch: str, parent: str) -> None:
    neon = Branches("main", "preview/pr-3")
    missing = branch if branch == "staging" else parent
    with pytest.raises(UsageError, match=f"^project proj has no branch '{missing}'$"):
        reset_branch(neon, "proj", branch, parent)
    assert neon.restored == []


@pytest.mark.parametrize(
    ("stack", "message"),
    [
        ("production", "production's branch is the parent of all: it is never reset"),
        ("pr-07", "stack name 'pr-07' is not allowed"),
    ],
)
def test_only_a_stack_below_production_is_resettable(stack: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        resettable(stack)
    assert resettable("pr-3").pr == 3


def reset(stack: str) -> Result:
    result = CliRunner().invoke(main, ["reset", stack])
    assert DEFAULT_API_KEY not in result.output
    return result


def _restores(neon: FakeNeon) -> list[tuple[str, object]]:
    return [(c.path, c.body) for c in neon.requests if c.path.endswith("/restore")]


def test_staging_is_reset_to_the_head_of_its_parent(neon: FakeNeon) -> None:
    staging = neon.add_branch(PROJECT, "staging")
    (main_branch,) = [b for b in neon.branches(PROJECT) if b["name"] == "main"]
    result = reset("staging")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"staging: branch staging of {PROJECT} reset to the head of main.\n"
    assert _restores(neon) == [
        (
            f"/projects/{PROJECT}/branches/{staging}/restore",
            {"source_branch_id": main_branch["id"]},
        )
    ]
    (after,) = [b for b in neon.branches(PROJECT) if b["id"] == staging]
    assert "last_reset_at" in after
    assert neon.count("GET", r"/operations/") >= 1  # it waited for the reset to finish


def test_production_is_never_reset(neon: FakeNeon) -> None:
    result = reset("production")
    assert result.exit_code == 2
    assert "production's branch is the parent of all: it is never reset" in result.stderr
    assert neon.requests == []


def test_a_missing_branch_is_named(neon: FakeNeon) -> None:
    result = reset("pr-4")
    assert result.exit_code == 2
    assert result.stderr == (
        f"codex-infra: error: project {PROJECT} has no branch 'preview/pr-4'\n"
    )
    assert _restores(neon) == []


def test_a_branch_with_children_is_refused_by_neon_in_one_line(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, "staging")
    neon.add_branch(PROJECT, "staging-child", parent="staging")
    result = reset("staging")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "preserve_under_name" in result.stderr


def test_a_refused_key_names_the_variable(neon: FakeNeon) -> None:
    neon.add_branch(PROJECT, "staging")
    neon.inject("POST", r"/restore$", 401, times=1)
    result = reset("staging")
    assert result.exit_code == 1
    assert "NEON_API_KEY" in result.stderr
