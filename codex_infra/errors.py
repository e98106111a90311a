"""How every `codex-infra` command ends on a mistake: one line on stderr, no traceback."""

from __future__ import annotations

from collections.abc import Generator, Iterable
from contextlib import contextmanager

import click

# click's own usage errors exit with 2; ours match them.
USAGE_ERROR = 2
# The machine, a service or an environment failed, not the caller's input.
FAULT = 1
# The shell's code for a command ended by Ctrl-C (128 + SIGINT).
INTERRUPTED = 130


def fail(message: str, code: int = USAGE_ERROR) -> click.exceptions.Exit:
    click.echo(f"codex-infra: error: {message}", err=True)
    return click.exceptions.Exit(code)


WITHHELD = "[not shown: it quotes a secret]"


def redact(text: str, secrets: Iterable[str]) -> str:
    """For a message made elsewhere (a program, an SDK, a server), which may quote a secret it
    was given. Marking each place a secret occurs would show where a short one's characters fall,
    and so the secret: a message holding any is withheld whole."""
    return WITHHELD if any(secret and secret in text for secret in secrets) else text


@contextmanager
def failures(
    mistakes: tuple[type[Exception], ...], faults: tuple[type[Exception], ...]
) -> Generator[None]:
    """A command's errors as one line each: the caller's `mistakes` exit USAGE_ERROR, the
    machine's `faults` FAULT."""
    try:
        yield
    except mistakes as err:
        raise fail(str(err)) from None
    except faults as err:
        raise fail(str(err), FAULT) from None
