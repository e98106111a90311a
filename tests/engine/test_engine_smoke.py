import pytest

from tests.engine.conftest import World

pytestmark = pytest.mark.engine


def test_smoke(world: World) -> None:
    stack = world.stack("pr-7")
    preview = stack.preview()
    print(preview.summary, preview.error, preview.seconds)
    up = stack.up()
    print(up.summary, up.error, up.seconds)
    print(up.diagnostics())
    again = stack.preview()
    print(
        again.summary,
        again.seconds,
        [(s["op"], s["urn"], s["diffs"]) for s in again.changed_steps()],
    )
    assert up.error is None
