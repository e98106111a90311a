"""`codex-infra stale-lock LOG [HISTORY]`: may CI cancel the update that holds a stack's lock?

Only when the failed Pulumi output names a lock conflict, and the update holding it started
longer ago than any job of ours may run: then it is the lock of an update that died (a cancelled
or timed-out job), never another run's live update or a person's. `pulumi cancel` is no
surgical tool: on Pulumi Cloud it cancels the stack's running update whoever started it, and on a
self-managed backend it deletes every lock file of the stack.

What Pulumi prints (pulumi/pulumi source): a self-managed backend lists each lock,
"<path>: created by <user>@<host> (pid <n>) at <RFC 3339 time>" (pkg/backend/diy/lock.go);
Pulumi Cloud answers "[409] Conflict: Another update is currently in progress." and the time
the update started is only in `pulumi stack history --json` ("startTime", result "in-progress"),
if the service lists running updates there; without it, the lock is treated as live.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import click

from codex_infra.errors import fail

# Longer than the longest timeout-minutes of a job that runs Pulumi (the reaper's 60), with a
# margin: GitHub ends a job at its timeout, so no run of ours holds a lock that long.
STALE_AFTER = dt.timedelta(minutes=90)
_DIY_LOCK = re.compile(r"created by \S+ \(pid \d+\) at (?P<at>\S+)")
_CLOUD_CONFLICT = "[409] Conflict: Another update is currently in progress"


class Verdict(StrEnum):
    STALE = "stale"  # a lock conflict, held by an update that died: cancel it
    LIVE = "live"  # a lock conflict, held by an update that may still run: never cancel it
    NONE = "none"  # no lock conflict: some other failure


def _time(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _running_since(history: Any) -> dt.datetime | None:
    updates = cast(list[Any], history) if isinstance(history, list) else []
    for update in updates:
        if isinstance(update, dict):
            entry = cast(dict[str, Any], update)
            if entry.get("result") == "in-progress":
                return _time(str(entry.get("startTime", "")))
    return None


def classify(
    output: str, history: Any, now: dt.datetime, stale_after: dt.timedelta = STALE_AFTER
) -> tuple[Verdict, str]:
    """The verdict and why, from the failed command's output and the stack's history."""
    locks = [_time(m["at"]) for m in _DIY_LOCK.finditer(output)]
    if locks:
        if any(at is None for at in locks):
            return Verdict.LIVE, "a lock whose time cannot be read"
        oldest = now - max(cast(list[dt.datetime], locks))
        if oldest > stale_after:
            return Verdict.STALE, f"every lock is older than {stale_after} (newest {oldest})"
        return Verdict.LIVE, f"a lock {oldest} old may belong to a running update"
    if _CLOUD_CONFLICT in output:
        since = _running_since(history)
        if since is None:
            return Verdict.LIVE, "another update is in progress and its start time is unknown"
        age = now - since
        if age > stale_after:
            return Verdict.STALE, f"the update in progress started {age} ago"
        return Verdict.LIVE, f"the update in progress started {age} ago and may still run"
    return Verdict.NONE, "the output names no lock conflict"


@click.command("stale-lock")
@click.argument("log", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("history", required=False, type=click.Path(dir_okay=False, path_type=Path))
def stale_lock(log: Path, history: Path | None) -> None:
    """Print stale, live or none for the failed Pulumi output in LOG (with HISTORY, the stack's
    `pulumi stack history --json`); why, on stderr."""
    records: Any = []
    if history is not None and history.is_file():
        try:
            records = json.loads(history.read_text() or "[]")
        except json.JSONDecodeError:
            raise fail(f"{history}: not the JSON of pulumi stack history") from None
    verdict, why = classify(log.read_text(errors="replace"), records, dt.datetime.now(dt.UTC))
    click.echo(verdict.value)
    click.echo(f"{verdict.value}: {why}", err=True)
