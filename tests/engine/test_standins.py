"""The stand-in providers' own rules, without the engine (these run in the default suite)."""

from __future__ import annotations

import string
from functools import cache
from typing import Any

import pulumi_cloudflare
import pulumi_command
import pulumi_random
import pytest

from tests.engine import sdk_inputs
from tests.engine.cloudflare_provider import Api, WorkersCustomDomain, WorkersScript, to_api
from tests.engine.command_provider import Command
from tests.engine.random_provider import RandomPassword, password
from tests.engine.standin import sdk_version

SCRIPT = "cloudflare:index/workersScript:WorkersScript"


@cache
def schema() -> dict[str, Any]:
    return sdk_inputs.describe()


def script(**inputs: Any) -> dict[str, Any]:
    return {"accountId": "a" * 32, "scriptName": "codex-web-preview-7", **inputs}


def test_inputs_fit_the_installed_sdks_types() -> None:
    binding = {"name": "ENVIRONMENT", "type": "plain_text", "text": "preview"}
    assert sdk_inputs.problems(schema(), SCRIPT, script(bindings=[binding])) == []
    assert sdk_inputs.problems(schema(), SCRIPT, script(bindings=sdk_inputs.UNKNOWN)) == []


@pytest.mark.parametrize(
    ("inputs", "path", "reason"),
    [
        (script(tags=["x"]), "tags", "tags is not an input of this type"),
        ({"accountId": "a" * 32}, "scriptName", "scriptName is required"),
        (script(bindings=[{"name": "X"}]), "bindings[0].type", "bindings[0].type is required"),
        (script(compatibilityFlags="nodejs_compat"), "compatibilityFlags", "must be a list"),
        (script(observability={"enabled": "yes"}), "observability.enabled", "of type bool"),
    ],
)
def test_inputs_the_sdk_does_not_declare_fail_the_check(
    inputs: dict[str, Any], path: str, reason: str
) -> None:
    (found,) = sdk_inputs.problems(schema(), SCRIPT, inputs)
    assert found[0] == path
    assert reason in found[1]


def test_each_stand_in_reports_the_version_its_sdk_asks_for() -> None:
    for package, sdk in (
        ("cloudflare", pulumi_cloudflare),
        ("command", pulumi_command),
        ("random", pulumi_random),
    ):
        assert sdk_version(package) == sdk._utilities.get_version()  # pyright: ignore[reportAttributeAccessIssue]


def test_what_cloudflare_cannot_change_in_place_replaces() -> None:
    api = Api({})  # no client is made until a call
    changed = ["bindings", "scriptName", "compatibilityDate"]
    assert WorkersScript(api).replacing(changed, {}, {}) == ["scriptName"]
    assert WorkersCustomDomain(api).replacing(["service", "hostname"], {}, {}) == ["hostname"]


@pytest.mark.parametrize(
    ("new", "replaces"),
    [({"create": "migrate"}, ["triggers"]), ({"create": "migrate", "update": "again"}, [])],
)
def test_changed_triggers_replace_a_command_without_an_update(
    new: dict[str, Any], replaces: list[str]
) -> None:
    assert Command().replacing(["triggers", "environment"], {}, new) == replaces
    assert Command().replacing(["environment"], {}, new) == []


def test_any_change_makes_a_new_password() -> None:
    assert RandomPassword().replacing(["keepers", "length"], {}, {}) == ["keepers", "length"]


def test_a_password_keeps_its_classes_and_minimums() -> None:
    plain = password({"length": 64.0, "special": False})
    assert len(plain) == 64
    assert set(plain) <= set(string.ascii_letters + string.digits)
    mixed = password({"length": 8.0, "minNumeric": 3.0, "minSpecial": 2.0, "upper": False})
    assert sum(c.isdigit() for c in mixed) >= 3
    assert sum(c in "!@#$%&*()-_=+[]{}<>:?" for c in mixed) >= 2
    assert not any(c.isupper() for c in mixed)


def test_assets_config_takes_the_apis_names() -> None:
    config = {"headers": "/*\n  X: y", "redirects": None, "notFoundHandling": "404-page"}
    assert to_api(config, {"headers": "_headers", "redirects": "_redirects"}) == {
        "_headers": "/*\n  X: y",
        "not_found_handling": "404-page",
    }
