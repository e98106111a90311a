"""The part of Neon's published OpenAPI document the fake validates against, kept in the repository
so that no test of the Neon client, provider, reaper or capacity skips for want of it."""

from __future__ import annotations

import json

from neon_fake import ROUTES, SPEC, load_openapi
from neon_spec import render


def test_the_kept_spec_is_exactly_its_own_cut() -> None:
    """Cutting it again changes nothing: every operation the fake serves and every schema they
    reach are in it, with no prose."""
    text = SPEC.read_text()
    assert render(json.loads(text)) == text
    operation = json.loads(text)["paths"]["/projects/{project_id}/branches"]["post"]
    assert "summary" not in operation
    assert operation["description"] == ""


def test_it_describes_every_route_the_fake_serves() -> None:
    spec = json.loads(SPEC.read_text())
    for route in ROUTES:
        method, rule = route.split(" ", 1)
        path = rule.replace("<", "{").replace(">", "}")
        assert method.lower() in spec["paths"][path], route
    assert load_openapi(SPEC) is not None
