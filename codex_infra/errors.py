"""How every `codex-infra` command ends on a mistake: one line on stderr, no traceback."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager

import click

# click's own usage errors exit with 2; ours match them.
USAGE_ERROR = 2
# The machine, a service or an environment failed, not the caller's input.
FAULT = 1


def fail(message: str, code: int = USAGE_ERROR) -> click.exceptions.Exit:
    click.echo(f"codex-infra: error: {message}", err=True)
    return click.exceptions.Exit(code)


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
