"""The one error model of `codex-infra`, and the one place errors become exit codes and lines.

A command raises; it never prints an error and exits. What it raises says whose the failure is:
- `UsageError` (exit 2, as click's own usage errors): the caller's mistake, a line naming the key
  or value at fault;
- `RefusalError`: the command will not do what was asked, with the exit code it documents
  (capacity's 3: no room);
- `FaultError` (exit 1): a service, a process or the machine failed, not the caller's input.

Every message is one line and quotes no secret. `CodexCommand` and `CodexGroup` (what every
command is made with) turn them into `codex-infra: error: <line>` on stderr and the code, in
`report`; Ctrl-C ends a command with 130, not click's "Aborted!" and 1.
"""

from __future__ import annotations

from collections.abc import Generator, Iterable, Sequence
from contextlib import contextmanager
from typing import Any

import click

# click's own usage errors exit with 2; ours match them.
USAGE_ERROR = 2
# The machine, a service or an environment failed, not the caller's input.
FAULT = 1
# The shell's code for a command ended by Ctrl-C (128 + SIGINT).
INTERRUPTED = 130


class CodexError(Exception):
    """Ends a command: one line, and its exit code (the class's unless given: a signal's 128 + N).
    `causes` are said first, a line each (every script that cannot be rolled back, before the
    verdict); `notes` follow as they are (how to finish)."""

    exit_code: int = FAULT

    def __init__(
        self,
        message: str,
        exit_code: int | None = None,
        *,
        causes: Sequence[CodexError] = (),
        notes: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code
        self.causes = tuple(causes)
        self.notes = tuple(notes)


class UsageError(CodexError):
    """The caller's mistake: a stack, key, value, option or environment variable, named."""

    exit_code = USAGE_ERROR


class FaultError(CodexError):
    """A service, a process or the machine failed; trying again later may succeed."""

    exit_code = FAULT


class RefusalError(CodexError):
    """The command will not do this, and says so with the exit code it documents."""

    def __init__(self, message: str, exit_code: int, **kwargs: Any) -> None:
        super().__init__(message, exit_code, **kwargs)


def fail(message: str, code: int = USAGE_ERROR) -> click.exceptions.Exit:
    """The line on stderr; the exit for the caller to raise."""
    click.echo(f"codex-infra: error: {message}", err=True)
    return click.exceptions.Exit(code)


def report(error: CodexError) -> int:
    """Says `error` (its causes first, its notes after) on stderr; returns its exit code."""
    for cause in error.causes:
        report(cause)
    fail(str(error))
    for note in error.notes:
        click.echo(note, err=True)
    return error.exit_code


@contextmanager
def translated() -> Generator[None]:
    """The one place an error becomes an exit code and its lines."""
    try:
        yield
    except CodexError as error:
        raise click.exceptions.Exit(report(error)) from None
    except KeyboardInterrupt:
        raise fail("interrupted", INTERRUPTED) from None


class CodexCommand(click.Command):
    """A command whose errors end as `translated` says, invoked alone or as a subcommand."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with translated():  # option callbacks run here
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with translated():
            return super().invoke(ctx)


class CodexGroup(click.Group):
    """A group of such commands (and groups): `codex-infra`, `codex-infra local`."""

    command_class = CodexCommand
    group_class = type

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with translated():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with translated():
            return super().invoke(ctx)


def one_line(text: str, *, last: int = 0, empty: str = "(no output)") -> str:
    """A message made elsewhere (an exception, a tool's output) on one line: its first non-blank
    line, or with `last` its last `last` lines joined (a tool says what went wrong at the end)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines[-last:] if last else lines[:1]) or empty


WITHHELD = "[not shown: it quotes a secret]"


def redact(text: str, secrets: Iterable[str]) -> str:
    """For a message made elsewhere (a program, an SDK, a server), which may quote a secret it
    was given. Marking each place a secret occurs would show where a short one's characters fall,
    and so the secret: a message holding any is withheld whole."""
    return WITHHELD if any(secret and secret in text for secret in secrets) else text
