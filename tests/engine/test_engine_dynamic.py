"""The Neon branch's dynamic provider is pickled into the state by reference: the engine's provider
process imports components.neon_provider again, from the project, on every run. A change to that
module therefore reaches existing stacks without touching their branches."""

from __future__ import annotations

import base64
import json

import pytest

from codex_infra.engine import NEON_BRANCH
from tests.engine.conftest import World
from tests.engine.stack import EngineStack

pytestmark = pytest.mark.engine

#: A pickle by reference names the class; by value it would carry the class's code (kilobytes).
BY_REFERENCE = 200


def _pickle(stack: EngineStack) -> str:
    """The serialized provider, a secret of the branch's inputs (the SDK makes it one)."""
    (branch,) = [r for r in stack.opened() if r["type"] == NEON_BRANCH]
    return branch["inputs"]["__provider"]


def _branch_ids(world: World) -> list[str]:
    project = world.config("pr-9")["codex:neonProjectId"]
    return [b["id"] for b in world.neon.branches(project) if b["name"] == "preview/pr-9"]


def test_a_change_to_the_providers_module_does_not_replace_the_branch(world: World) -> None:
    """With Hyperdrive on, whose config the cloudflare stand-in makes from the branch's string."""
    stack = world.stack("pr-9", {"hyperdrive": "true"})
    first = stack.up()
    assert first.error is None, first.error
    (config,) = world.cloudflare.hyperdrives(world.config("pr-9")["codex:cloudflareAccountId"])
    assert config["name"] == "codex-preview-9"
    assert config["origin"]["password"] == world.password
    before = _pickle(stack)
    assert len(base64.b64decode(before)) < BY_REFERENCE
    (branch_id,) = _branch_ids(world)

    module = world.project / "components" / "neon_provider.py"
    module.write_text(
        module.read_text().replace(
            '"""Pulumi dynamic provider for one Neon branch',
            '"""(changed by a later commit) Pulumi dynamic provider for one Neon branch',
        )
        + "\n#: Something a later commit added.\nLATER = True\n"
    )
    again = stack.up()
    assert again.error is None, again.error
    assert again.changes == {}, again.changed_steps()
    (step,) = [s for s in again.steps() if s["type"] == NEON_BRANCH]
    assert step["op"] == "same"
    assert _pickle(stack) == before
    assert _branch_ids(world) == [branch_id]
    outputs = json.loads(stack.pulumi("stack", "output", "--json", "--stack", "pr-9").stdout)
    assert outputs["neonBranchId"] == branch_id
