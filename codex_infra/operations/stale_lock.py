"""`codex-infra stale-lock LOG [HISTORY]`: may CI cancel the update that holds a stack's lock?

Only when the failed Pulumi output names a lock conflict, the update holding it was started by CI
(the runner's user on a self-managed backend; CI metadata in Pulumi Cloud's history), and it
started longer ago than any job of ours may run: then it is the lock of a CI update that died (a
cancelled or timed-out job), never another run's live update or a person's. `pulumi cancel` is no
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

from codex_infra.errors import CodexCommand, UsageError

# Longer than the longest timeout-minutes of a job that runs Pulumi (the reaper's 60), with a
# margin: GitHub ends a job at its timeout, so no run of ours holds a lock that long.
STALE_AFTER = dt.timedelta(minutes=90)
_DIY_LOCK = re.compile(r"created by (?P<user>[^@\s]+)@\S+ \(pid \d+\) at (?P<at>\S+)")
# The user GitHub's hosted runners run as.
CI_USER = "runner"
_CLOUD_CONFLICT = "[409] Conflict: Another update is currently in progress"


class LockVerdict(StrEnum):
    STALE = "stale"  # a lock conflict, held by an update that died: cancel it
    LIVE = "live"  # a lock conflict, held by an update that may still run: never cancel it
    NONE = "none"  # no lock conflict: some other failure


def _time(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _running(history: Any) -> dict[str, Any] | None:
    """The update in progress, as `pulumi stack history --json` lists it, if it does."""
    updates = cast(list[Any], history) if isinstance(history, list) else []
    for update in updates:
        entry = cast(dict[str, Any], update) if isinstance(update, dict) else {}
        if entry.get("result") == "in-progress":
            return entry
    return None


def classify(
    output: str,
    history: Any,
    now: dt.datetime,
    stale_after: dt.timedelta = STALE_AFTER,
    ci_user: str = CI_USER,
) -> tuple[LockVerdict, str]:
    """The verdict and why, from the failed command's output and the stack's history."""
    locks = list(_DIY_LOCK.finditer(output))
    if locks:
        times = [_time(m["at"]) for m in locks]
        if any(at is None for at in times):
            return LockVerdict.LIVE, "a lock whose time cannot be read"
        if any(m["user"] != ci_user for m in locks):
            return LockVerdict.LIVE, f"a lock taken by someone other than CI ({ci_user})"
        newest = now - max(cast(list[dt.datetime], times))
        if newest > stale_after:
            return LockVerdict.STALE, f"every lock is CI's and older than {stale_after} ({newest})"
        return LockVerdict.LIVE, f"a lock {newest} old may belong to a running update"
    if _CLOUD_CONFLICT in output:
        update = _running(history)
        since = _time(str(update.get("startTime", ""))) if update else None
        if update is None or since is None:
            return LockVerdict.LIVE, "another update is in progress and its start time is unknown"
        environment = cast(dict[str, Any], update.get("environment") or {})
        if "ci.system" not in environment:
            return LockVerdict.LIVE, "the update in progress was not started by CI"
        age = now - since
        if age > stale_after:
            return LockVerdict.STALE, f"CI's update in progress started {age} ago"
        return LockVerdict.LIVE, f"the update in progress started {age} ago and may still run"
    return LockVerdict.NONE, "the output names no lock conflict"


@click.command("stale-lock", cls=CodexCommand)
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
            raise UsageError(f"{history}: not the JSON of pulumi stack history") from None
    verdict, why = classify(log.read_text(errors="replace"), records, dt.datetime.now(dt.UTC))
    click.echo(verdict.value)
    click.echo(f"{verdict.value}: {why}", err=True)
