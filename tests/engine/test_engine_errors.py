"""What a user reads when Neon or Cloudflare refuses an `up`: the provider's one line, with at
most the few frames of the provider's entry point above it, never the HTTP client's or the
retries' (the dynamic-provider host sends whatever traceback it is given)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.engine.conftest import World, in_parallel
from tests.engine.stack import Outcome

pytestmark = pytest.mark.engine

#: Frames a provider's error may carry: the host's wrapper, its call, our entry point.
MOST_FRAMES = 3


def _error_of(outcome: Outcome, resource: str) -> str:
    """The engine's error diagnostic for the resource."""
    assert outcome.error is not None
    (message,) = [
        e["message"]
        for e in outcome.events
        if e["kind"] == "diagnostic"
        and e["severity"] == "error"
        and (e["urn"] or "").endswith(f"::{resource}")
    ]
    return message


def _failing_up(world: World, stack: str, config: dict[str, str]) -> Callable[[], Outcome]:
    return lambda: world.stack(stack, config).up()


def test_neon_and_cloudflare_refusals_read_as_one_line(world: World) -> None:
    flaky = "codex-flaky-00000000"
    world.neon.add_project(flaky, password=world.password)
    world.neon.inject("GET", rf"/projects/{flaky}/branches$", 503, times=99)
    world.cloudflare.fail(
        "PUT",
        r"/workers/scripts/auth-worker-preview-3$",
        400,
        10021,
        "Uncaught SyntaxError: Unexpected token '<'",
    )
    missing, unavailable, refused = in_parallel(
        [
            _failing_up(world, "pr-1", {"neonProjectId": "codex-missing-00000000"}),
            _failing_up(world, "pr-2", {"neonProjectId": flaky}),
            _failing_up(world, "pr-3", {}),
        ]
    )

    for outcome, resource, line in (
        (
            missing,
            "codex-db-branch",
            re.escape(
                "Neon API GET /projects/codex-missing-00000000/branches failed with HTTP 404:"
                " project not found"
            ),
        ),
        (
            unavailable,
            "codex-db-branch",
            # Attempts end at NEON_RETRY_ATTEMPTS or NEON_RETRY_MAX_SECONDS, whichever is first.
            rf"gave up after \d attempts: Neon API GET /projects/{flaky}/branches failed with"
            r" HTTP 503: injected fault",
        ),
        (refused, "codex-auth-script", re.escape("Uncaught SyntaxError: Unexpected token '<'")),
    ):
        message = _error_of(outcome, resource)
        assert re.search(line, message), message
        assert message.count("  File ") <= MOST_FRAMES, message
        assert "tenacity" not in message
        assert "httpx" not in message
