"""How every `codex-infra` command ends on a mistake: one line on stderr, no traceback."""

from __future__ import annotations

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
