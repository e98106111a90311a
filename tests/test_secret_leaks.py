"""Secret-leak canaries: every secret gets a random value, which must then appear nowhere a
reviewer or a CI log can see — tree, JSON, outputs, diff report, error messages, logs."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner, Result

from codex_infra.cli import main
from codex_infra.engine.config import load_stack_config, with_overrides, with_placeholder_secrets
from codex_infra.engine.harness import run_program
from codex_infra.engine.mock import (
    NEON_BRANCH,
    SECRET,
    Placeholders,
    Plan,
)
from codex_infra.engine.plan import plan_document, secret_pieces
from codex_infra.errors import WITHHELD, redact
from codex_infra.review.diff import diff_documents, render_report
from codex_infra.review.plan import render_json, render_tree
from components.settings import _OWNER
from tests.conftest import PROJECT_DIR
from tests.test_policies import Planned, binding

Logged = Callable[[], list[str]]
STACKS = ("production", "staging", "pr-7")
# What the mock engine makes up for the generated secrets: Neon connection strings and the
# session secret (random's result). They must stay as secret as the configured ones.
GENERATED = ("postgresql://", ":password@", "password-")


def canaries(stack: str) -> dict[str, str]:
    """A fresh random value for every configured secret, of the shape the stage accepts."""
    mode = "live" if stack == "production" else "test"
    return {
        "stripeSecretKey": f"sk_{mode}_canary{secrets.token_hex(12)}",
        "stripeWebhookSecret": f"whsec_canary{secrets.token_hex(12)}",
    }


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_DIR)


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]) -> Logged:
    """Everything logged (any logger, any level) or written to the process's stdout/stderr."""
    caplog.set_level(logging.DEBUG)

    def everything() -> list[str]:
        out, err = capfd.readouterr()
        return [caplog.text, out, err]

    return everything


def assert_hidden(shown: list[str], *values: str) -> None:
    assert values
    for text in shown:
        for value in values:
            assert value not in text


def invoke(*args: str, values: dict[str, str]) -> Result:
    flags = [f for key, value in values.items() for f in ("--secret", f"{key}={value}")]
    return CliRunner().invoke(main, [*args, *flags])


@pytest.mark.parametrize("stack", STACKS)
def test_the_program_marks_every_secret(stack: str, logged: Logged) -> None:
    """No safety net here: the raw plan of the engine, as the program made it."""
    values = canaries(stack)
    plan = Plan("codex", stack)
    config = with_overrides(
        load_stack_config(PROJECT_DIR, stack), {"headSamplingRate": "0.25"}, values
    )
    program = run_program(PROJECT_DIR, config, plan)
    stripe = program["settings"].stripe
    assert stripe.stripe_secret_key.get_secret_value() == values["stripeSecretKey"]  # it got in
    script = plan.by_name("codex-stripe-webhook-script").inputs
    assert binding(script, "STRIPE_SECRET_KEY")["text"] == SECRET
    assert binding(script, "STRIPE_WEBHOOK_SECRET")["text"] == SECRET
    shown = [render_tree(plan), render_json(plan), json.dumps(plan.outputs)]
    assert plan.outputs["databaseUrl"] == SECRET
    assert_hidden([*shown, *logged()], *values.values(), *GENERATED)


@pytest.mark.parametrize("stack", STACKS)
def test_the_diff_report_shows_no_secret(planned: Planned, stack: str) -> None:
    """Base: the placeholders; head: canaries and a visible change, so the report has content."""
    values = canaries(stack)
    head = Plan("codex", stack)
    config = with_overrides(
        load_stack_config(PROJECT_DIR, stack), {"headSamplingRate": "0.25"}, values
    )
    run_program(PROJECT_DIR, config, head)
    base, _ = planned(stack)
    report = render_report(
        "base", [diff_documents(stack, plan_document(base), plan_document(head))]
    )
    assert "`observability.headSamplingRate`" in report
    assert_hidden([report], *values.values(), *GENERATED)


@pytest.mark.parametrize("stack", STACKS)
def test_the_cli_shows_no_secret(stack: str, logged: Logged) -> None:
    values = canaries(stack)
    tree, as_json = (
        invoke("plan", stack, values=values),
        invoke("plan", stack, "--json", values=values),
    )
    assert (tree.exit_code, as_json.exit_code) == (0, 0), tree.output + as_json.output
    document: dict[str, Any] = json.loads(as_json.stdout)
    assert document["outputs"]["databaseUrl"] == SECRET
    assert_hidden([tree.output, as_json.output, *logged()], *values.values(), *GENERATED)


def _bad(canary: str) -> list[tuple[str, list[str]]]:
    """(stack, arguments) that fail with the canary somewhere a message could echo it."""
    return [
        ("staging", ["--secret", f"stripeSecretKey={canary}"]),
        ("staging", ["--secret", f"stripeSecretKey=sk_live_{canary}"]),
        ("production", ["--secret", f"stripeSecretKey=sk_test_{canary}"]),
        ("pr-7", ["--secret", f"stripeWebhookSecret={canary}"]),
        ("pr-7", ["--config", f"stripeSecretKey=sk_test_{canary}"]),
        ("pr-7", ["--secret", f"codex:notASetting={canary}"]),
        ("pr-7", ["--secret", f" stripeSecretKey={canary}"]),
        ("pr-7", ["--secret", f"compatibilityDate={canary}"]),
    ]


@pytest.mark.parametrize("case", range(len(_bad("x"))))
def test_error_messages_show_no_secret(case: int, logged: Logged) -> None:
    canary = f"canary{secrets.token_hex(12)}"
    stack, args = _bad(canary)[case]
    result = CliRunner().invoke(main, ["plan", stack, *args])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("codex-infra: error: ")
    assert len(result.stderr.splitlines()) == 1
    assert_hidden([result.output, *logged()], canary)


class _NeonPassword(Placeholders):
    """The mock engine's Neon branch, with a canary for its role's password."""

    def __init__(self, password: str) -> None:
        self.password = password

    def outputs(self, typ: str, name: str, inputs: dict[str, Any]) -> dict[str, Any]:
        outputs = super().outputs(typ, name, inputs)
        if typ != NEON_BRANCH:
            return outputs
        return {k: str(v).replace(":password@", f":{self.password}@") for k, v in outputs.items()}


@pytest.mark.parametrize("stack", STACKS)
def test_the_hyperdrive_origins_password_stays_secret(
    planned: Planned, stack: str, logged: Logged
) -> None:
    """Hyperdrive's origin takes the password out of the connection string: it stays secret in
    the plan, its tree, its JSON, the diff report; and it is the branch's own password."""
    password = f"canary{secrets.token_hex(12)}"
    config = with_overrides(load_stack_config(PROJECT_DIR, stack), {"hyperdrive": "true"}, {})
    config = with_placeholder_secrets(config, stack)
    plan, revealed = Plan("codex", stack), Plan("codex", stack, reveal_secrets=True)
    run_program(PROJECT_DIR, config, plan, _NeonPassword(password))
    run_program(PROJECT_DIR, config, revealed, _NeonPassword(password))
    assert revealed.by_name("codex-hyperdrive").inputs["origin"]["password"] == password
    assert plan.by_name("codex-hyperdrive").inputs["origin"]["password"] == SECRET
    base, _ = planned(stack)
    report = render_report(
        "base", [diff_documents(stack, plan_document(base), plan_document(plan))]
    )
    assert "codex-hyperdrive" in report
    shown = [render_tree(plan), render_json(plan), json.dumps(plan.outputs), report]
    assert_hidden([*shown, *logged()], password)


def _bundles(web: dict[str, Any]) -> str:
    return json.dumps(
        {
            "web": web,
            "auth": {"dir": "examples/bundles/auth"},
            "stripeWebhook": {"dir": "examples/bundles/stripe-webhook"},
        }
    )


def test_a_secret_in_a_bad_nested_value_is_not_quoted(logged: Logged) -> None:
    canary = f"canary{secrets.token_hex(12)}"
    missing = invoke("plan", "pr-7", values={"bundles": _bundles({"dir": f"{canary}dir"})})
    unknown = invoke(
        "plan",
        "pr-7",
        values={"bundles": _bundles({"dir": "examples/bundles/web", f"{canary}key": 1})},
    )
    assert missing.stderr == ("codex-infra: error: codex:bundles.web.dir: names no directory\n")
    assert unknown.stderr == (
        "codex-infra: error: codex:bundles.web: holds a key that is not a known setting\n"
    )
    assert_hidden([missing.output, unknown.output, *logged()], canary)


def test_a_one_letter_secret_leaves_the_message_whole(logged: Logged) -> None:
    """Marking where the letter occurs would spell the secret out; the message names the key and
    the rule instead, and is shown as it is."""
    result = invoke("plan", "staging", values={"stripeSecretKey": "s"})
    assert result.exit_code == 2
    assert result.stderr == (
        "codex-infra: error: codex:stripeSecretKey: is not a Stripe secret or restricted key"
        " (sk_… or rk_…)\n"
    )
    assert "[secret]" not in "".join(logged())


@pytest.mark.parametrize("key", sorted(_OWNER))
def test_no_setting_quotes_a_secret_value_it_refuses(key: str, logged: Logged) -> None:
    """Every key, given as a secret with a canary (as text, and inside structures): refused in
    one line that shows no part of it, or accepted and hidden in the plan."""
    canary = f"canary{secrets.token_hex(12)}"
    for value in (canary, json.dumps({canary: canary}), json.dumps([canary, {"dir": canary}])):
        result = invoke("plan", "production", values={key: value})
        assert result.exit_code in (0, 2), result.output
        if result.exit_code == 2:
            assert len(result.stderr.splitlines()) == 1
            assert result.stderr.startswith(f"codex-infra: error: codex:{key}")
        assert_hidden([result.output, *logged()], canary)


def test_a_message_quoting_a_secret_is_withheld_whole() -> None:
    assert secret_pieces(['{"web": {"dir": "CANARYdir"}}', "", "x"]) == (
        '{"web": {"dir": "CANARYdir"}}',
        "CANARYdir",
        "x",
    )
    assert redact("directory 'CANARYdir' does not exist", ["CANARYdir"]) == WITHHELD
    assert redact("codex:stripeSecretKey: is not a key", ["zq"]) == (
        "codex:stripeSecretKey: is not a key"
    )
