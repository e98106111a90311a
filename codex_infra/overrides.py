"""`--config KEY=VALUE` and `--secret KEY=VALUE`, as `pulumi config set [--secret]` takes them:
one pair of options for every command that runs the program."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import click

from codex_infra.engine.mock import ENGINE_LOG
from codex_infra.engine.plan import secret_pieces
from codex_infra.errors import UsageError, one_line, redact


@dataclass(frozen=True)
class Overrides:
    plain: dict[str, str]
    secret: dict[str, str]


def assignments(pairs: Iterable[str], option: str) -> dict[str, str]:
    """`KEY=VALUE` as `pulumi config set KEY VALUE` takes it; a --secret is never echoed."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or key != key.strip():
            shown = "" if option == "--secret" else f" {pair!r}"
            raise UsageError(f"{option}{shown}: expected KEY=VALUE with a non-empty key")
        values[key] = value
    return values


class _EngineLogLine(logging.Handler):
    """What the program logs through the engine, as one redacted line (no traceback) on stderr."""

    def __init__(self, secrets: Sequence[str]) -> None:
        super().__init__(logging.WARNING)
        self.secrets = secrets

    def emit(self, record: logging.LogRecord) -> None:
        first = one_line(record.getMessage(), empty="")
        click.echo(f"{record.levelname.lower()}: {redact(first, self.secrets)}", err=True)


def _quiet_engine(secrets: Sequence[str]) -> None:
    ENGINE_LOG.handlers[:] = [_EngineLogLine(secrets)]
    ENGINE_LOG.propagate = False


def config_overrides(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds both options; the command gets them parsed, as `overrides`."""

    @click.option("--config", "plain", multiple=True, metavar="KEY=VALUE", help="Like config set.")
    @click.option(
        "--secret", "secret", multiple=True, metavar="KEY=VALUE", help="Like config set --secret."
    )
    @functools.wraps(command)
    def wrapper(*args: Any, plain: tuple[str, ...], secret: tuple[str, ...], **kwargs: Any) -> Any:
        overrides = Overrides(assignments(plain, "--config"), assignments(secret, "--secret"))
        _quiet_engine(secret_pieces(overrides.secret.values()))
        return command(*args, overrides=overrides, **kwargs)

    return wrapper
