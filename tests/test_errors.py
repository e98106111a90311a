"""The one error model: what a command raises becomes its exit code and its lines in one place,
whether the command runs alone, in a group, or fails while its options are read."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from codex_infra.errors import (
    FAULT,
    INTERRUPTED,
    USAGE_ERROR,
    CodexCommand,
    CodexError,
    CodexGroup,
    FaultError,
    RefusalError,
    UsageError,
    one_line,
)


def raising(error: BaseException) -> click.Command:
    @click.command(cls=CodexCommand)
    def command() -> None:
        click.echo("working")
        raise error

    return command


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UsageError("codex:zoneId: is required"), USAGE_ERROR),
        (FaultError("Neon API GET /x failed with HTTP 503: busy"), FAULT),
        (RefusalError("no room for pr-9", 3), 3),
        (CodexError("terminated: pr-7 was not started", 143), 143),
    ],
)
def test_an_error_is_one_line_and_its_code(error: CodexError, code: int) -> None:
    result = CliRunner().invoke(raising(error))
    assert result.exit_code == code
    assert result.stdout == "working\n"
    assert result.stderr == f"codex-infra: error: {error}\n"


def test_causes_come_first_and_notes_after() -> None:
    error = FaultError(
        "production: nothing was changed",
        causes=[FaultError("web: has only one version"), UsageError("auth: --to v9 is unknown")],
        notes=["To finish: codex-infra rollback production --to web=v1"],
    )
    result = CliRunner().invoke(raising(error))
    assert result.exit_code == FAULT  # the error's own code, whatever its causes'
    assert result.stderr.splitlines() == [
        "codex-infra: error: web: has only one version",
        "codex-infra: error: auth: --to v9 is unknown",
        "codex-infra: error: production: nothing was changed",
        "To finish: codex-infra rollback production --to web=v1",
    ]


def test_ctrl_c_is_130_not_clicks_aborted() -> None:
    result = CliRunner().invoke(raising(KeyboardInterrupt()))
    assert result.exit_code == INTERRUPTED
    assert result.stderr == "codex-infra: error: interrupted\n"


def test_an_error_while_options_are_read_is_translated_too() -> None:
    def stack(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
        raise UsageError(f"stack name {value!r} is not allowed")

    @click.group(cls=CodexGroup)
    def outer() -> None: ...

    @outer.command()
    @click.argument("name", callback=stack)
    def inner(name: str) -> None: ...

    assert isinstance(inner, CodexCommand)  # the group makes its commands ours
    for command, args in ((outer, ["inner", "pr-07"]), (inner, ["pr-07"])):
        result = CliRunner().invoke(command, args)
        assert result.exit_code == USAGE_ERROR
        assert result.stderr == "codex-infra: error: stack name 'pr-07' is not allowed\n"


def test_anything_else_is_a_bug_and_keeps_its_traceback() -> None:
    result = CliRunner().invoke(raising(ZeroDivisionError("bug")))
    assert isinstance(result.exception, ZeroDivisionError)
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("text", "last", "line"),
    [
        ("\n  psql: error: refused  \nDETAIL: x\n", 0, "psql: error: refused"),
        (
            "warning: x\nerror: PULUMI_ACCESS_TOKEN must be set\n\n",
            1,
            "error: PULUMI_ACCESS_TOKEN must be set",
        ),
        ("a\nb\nc\n", 2, "b | c"),
        (" \n", 0, "(no output)"),
    ],
)
def test_one_line_of_a_message_made_elsewhere(text: str, last: int, line: str) -> None:
    assert one_line(text, last=last) == line
    assert one_line("", empty="no message") == "no message"
