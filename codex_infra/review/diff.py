"""What a change does to each stack: plans at a base revision and in the working tree, compared.

Each side's program (__main__.py, components/, config, bundles) runs in a subprocess whose import
path starts at that tree, so the base's components run, not the working tree's.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Generator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import click
import psutil

from codex_infra.engine.config import StackConfigError, check_stack_name
from codex_infra.engine.mock import (
    COMMAND,
    DOMAIN,
    HYPERDRIVE,
    NEON_BRANCH,
    RANDOM_PASSWORD,
    SCRIPT,
    SUBDOMAIN,
    is_secret,
)
from codex_infra.engine.plan import find_root, named_items, plan_epoch
from codex_infra.errors import CodexCommand, FaultError, UsageError, one_line
from components.naming import NamingError, parse_stack
from components.neon_provider import REPLACE_KEYS as NEON_REPLACE_KEYS

DEFAULT_STACKS = ("production", "staging", "pr-1")
EVERY_INPUT = "*"
# Inputs whose change makes the provider replace the resource rather than update it in place.
# Cloudflare: RequiresReplace in the bridged Terraform provider's schemas (workers_script,
# workers_script_subdomain, workers_custom_domain, hyperdrive_config); random: every input of
# random_password; command: the SDK sets replace_on_changes=["triggers[*]"]; Neon: our
# provider's diff.
REPLACES: dict[str, frozenset[str]] = {
    SCRIPT: frozenset({"accountId", "scriptName"}),
    SUBDOMAIN: frozenset({"accountId", "scriptName"}),
    DOMAIN: frozenset({"accountId", "hostname", "service", "zoneId", "zoneName", "environment"}),
    NEON_BRANCH: frozenset(NEON_REPLACE_KEYS),
    RANDOM_PASSWORD: frozenset({EVERY_INPUT}),
    COMMAND: frozenset({"triggers"}),
    HYPERDRIVE: frozenset({"accountId"}),
}
# How long a value may be in the report before it is cut.
MAX_VALUE = 100


class Action(StrEnum):
    ADD = "add"
    REMOVE = "remove"
    REPLACE = "replace"
    UPDATE = "update"


class _Absent:
    def __repr__(self) -> str:
        return "(none)"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class FieldChange:
    path: str
    old: Any
    new: Any
    replaces: bool


@dataclass(frozen=True)
class Change:
    action: Action
    urn: str
    type: str
    name: str
    protect: bool
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class StackDiff:
    stack: str
    changes: tuple[Change, ...]
    notes: tuple[str, ...] = ()

    def count(self, action: Action) -> int:
        return sum(1 for c in self.changes if c.action is action)

    def summary(self) -> str:
        counts = ", ".join(f"{self.count(a)} to {a.value}" for a in Action)
        return f"**{self.stack}**: {counts}" if self.changes else f"**{self.stack}**: no changes"

    def warnings(self) -> list[str]:
        """Protected resources the change would replace or delete: `pulumi up` stops there."""
        verbs = {Action.REPLACE: "replace", Action.REMOVE: "delete"}
        return [
            f"**{self.stack}** would **{verbs[c.action]}** protected `{c.name}` (`{c.type}`)"
            for c in self.changes
            if c.protect and c.action in verbs
        ]


def _leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Flattened inputs; lists of named things (bindings) are keyed by name, not position, so
    adding one binding changes one path, not every later index."""
    if isinstance(value, dict) and value:
        obj = cast(dict[str, Any], value)
        return {
            p: v
            for k, child in obj.items()
            for p, v in _leaves(child, f"{path}.{k}" if path else k).items()
        }
    if isinstance(value, list) and value:
        items = cast(list[Any], value)
        named = named_items(items)
        keys = [i["name"] for i in named] if named is not None else list(range(len(items)))
        return {
            p: v
            for k, i in zip(keys, items, strict=True)
            for p, v in _leaves(i, f"{path}[{k}]").items()
        }
    return {path: value}


def _top_key(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _field_changes(type_: str, old: dict[str, Any], new: dict[str, Any]) -> tuple[FieldChange, ...]:
    before, after = _leaves(old), _leaves(new)
    replaces = REPLACES.get(type_, frozenset())
    return tuple(
        FieldChange(
            path,
            before.get(path, ABSENT),
            after.get(path, ABSENT),
            EVERY_INPUT in replaces or _top_key(path) in replaces,
        )
        for path in sorted(before.keys() | after.keys())
        if before.get(path, ABSENT) != after.get(path, ABSENT)
    )


def diff_documents(stack: str, base: dict[str, Any] | None, head: dict[str, Any]) -> StackDiff:
    """Resources are matched by URN, as the engine does: a new URN is a delete and a create."""
    old = {r["urn"]: r for r in (base or {"resources": []})["resources"]}
    new = {r["urn"]: r for r in head["resources"]}
    changes: list[Change] = []
    for urn in sorted(old.keys() | new.keys()):
        was, now = old.get(urn), new.get(urn)
        resource = cast(dict[str, Any], now or was)
        if was is None or now is None:
            action = Action.ADD if was is None else Action.REMOVE
            changes.append(
                Change(action, urn, resource["type"], resource["name"], resource["protect"])
            )
            continue
        fields = _field_changes(resource["type"], was["inputs"], now["inputs"])
        if was["protect"] != now["protect"]:
            fields += (FieldChange("(protect)", was["protect"], now["protect"], False),)
        if fields:
            action = Action.REPLACE if any(f.replaces for f in fields) else Action.UPDATE
            # A resource is protected by its state: the base's flag is what `pulumi up` checks.
            changes.append(
                Change(action, urn, resource["type"], resource["name"], was["protect"], fields)
            )
    return StackDiff(stack, tuple(changes))


@dataclass(frozen=True)
class Planned:
    """One side of a diff: the plan document, or why there is none."""

    document: dict[str, Any] | None
    error: str | None = None


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        said = one_line(result.stderr, last=1, empty=f"exit code {result.returncode}")
        raise UsageError(f"git {args[0]}: {said}")
    return result.stdout.strip()


# A diff's worktree is locked with this reason, so that the next diff can tell one whose process
# died (kill -9) from one still in use, and remove it.
_WORKTREE_OWNER = "codex-infra diff: process {pid} started at {started}"
_OWNER_PATTERN = re.compile(r"codex-infra diff: process (\d+) started at ([\d.]+)")
_WORKTREE_PREFIX = "codex-infra-diff-"


def _started(pid: int) -> str | None:
    try:
        return f"{psutil.Process(pid).create_time():.2f}"
    except psutil.Error:
        return None


def _remove_abandoned_worktrees(root: Path) -> None:
    """Worktrees of earlier diffs whose process is gone: a PID that no longer runs, or runs
    another process (started at another time)."""
    for block in _git(root, "worktree", "list", "--porcelain").split("\n\n"):
        fields = {
            name: value for name, _, value in (line.partition(" ") for line in block.splitlines())
        }
        owner = _OWNER_PATTERN.fullmatch(fields.get("locked", ""))
        if owner is None or _started(int(owner.group(1))) == owner.group(2):
            continue
        tree = Path(fields["worktree"])
        _git(root, "worktree", "remove", "--force", "--force", str(tree))
        if tree.parent.name.startswith(_WORKTREE_PREFIX):
            shutil.rmtree(tree.parent, ignore_errors=True)


@contextmanager
def checkout(root: Path, ref: str) -> Generator[Path]:
    """The project as it is at `ref`, in a temporary worktree removed afterwards, even on error
    or Ctrl-C; one left by a diff that was killed is removed by the next."""
    prefix = _git(root, "rev-parse", "--show-prefix")
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except UsageError:
        raise UsageError(f"{ref!r} is not a commit of this repository") from None
    _remove_abandoned_worktrees(root)
    owner = _WORKTREE_OWNER.format(pid=os.getpid(), started=_started(os.getpid()))
    with tempfile.TemporaryDirectory(prefix=_WORKTREE_PREFIX) as tmp:
        tree = Path(tmp) / "tree"
        add = ["worktree", "add", "--detach", "--quiet", "--lock", "--reason", owner]
        _git(root, *add, str(tree), commit)
        try:
            yield tree / prefix
        finally:
            _git(root, "worktree", "remove", "--force", "--force", str(tree))


# The harness (codex_infra.engine, which imports nothing of `components`) is loaded from where it
# runs now; the program, `components` first of all, from the tree being planned, which is first on
# the path. So any revision plans, whatever its components look like inside.
_HARNESS = Path(__file__).resolve().parent.parent
_LOAD_HARNESS = """
import importlib.util, sys
path = sys.argv.pop(1)
spec = importlib.util.spec_from_file_location(
    "codex_infra", path + "/__init__.py", submodule_search_locations=[path]
)
sys.modules["codex_infra"] = module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
from codex_infra.engine.plan import no_collection_at_exit
no_collection_at_exit()
"""
_PLAN = """
import json, sys
from pathlib import Path
from codex_infra.engine.plan import find_root, plan_document, plan_stack
from codex_infra.errors import UsageError
key = bytes.fromhex(sys.argv[1])
planned = {}
for stack in sys.argv[2:]:
    try:
        plan = plan_stack(find_root(), stack, fingerprint_key=key)
        planned[stack] = {"document": plan_document(plan)}
    except UsageError as err:
        planned[stack] = {"error": f"codex-infra: error: {err}"}
sys.stdout.write(json.dumps(planned))
"""


def start_harness(
    project: Path, script: str, args: Sequence[str], env: Mapping[str, str] | None = None
) -> subprocess.Popen[str]:
    """`script` in a fresh Python whose `codex_infra` is this one and whose program (__main__.py,
    components/) is `project`'s, run in `project` (`codex-infra visual` brings each revision up
    this way)."""
    environment = {
        **os.environ,
        **(env or {}),
        "PYTHONPATH": os.pathsep.join(
            [str(project), *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    return subprocess.Popen(
        [sys.executable, "-c", _LOAD_HARNESS + script, str(_HARNESS), *args],
        cwd=project,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _harness_result(process: subprocess.Popen[str], stacks: Sequence[str]) -> dict[str, Planned]:
    out, err = process.communicate()
    try:
        planned = cast(dict[str, dict[str, Any]], json.loads(out))
    except json.JSONDecodeError:
        said = one_line(err, last=1, empty=f"exit code {process.returncode}")
        return dict.fromkeys(stacks, Planned(None, said))
    return {
        stack: Planned(planned[stack].get("document"), planned[stack].get("error"))
        for stack in stacks
    }


@contextmanager
def _harnesses(
    projects: Sequence[Path], stacks: Sequence[str], key: bytes
) -> Generator[list[subprocess.Popen[str]]]:
    """One harness per project, running at once; any still running on the way out (an error,
    Ctrl-C) is killed and reaped."""
    processes: list[subprocess.Popen[str]] = []
    try:
        epoch = {"SOURCE_DATE_EPOCH": str(plan_epoch())}
        processes.extend(
            start_harness(project, _PLAN, [key.hex(), *stacks], epoch) for project in projects
        )
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()


def plan_in_subprocess(
    project: Path, stacks: Sequence[str], fingerprint_key: bytes
) -> dict[str, Planned]:
    """`codex-infra plan --json` of each stack of the program in `project` (its __main__.py,
    components/, config and bundles), by this harness, in one process: the providers are
    imported once. One harness for both sides keeps the two documents comparable even where the
    base's own codex_infra differs or is missing."""
    with _harnesses([project], stacks, fingerprint_key) as (process,):
        return _harness_result(process, stacks)


def _stack_diff(stack: str, base: Planned, head: Planned) -> StackDiff:
    if head.document is None:
        return StackDiff(stack, (), (f"cannot plan the working tree: {head.error}",))
    notes = (
        ()
        if base.error is None
        else (f"no plan at base ({base.error}): everything shows as added",)
    )
    return replace(diff_documents(stack, base.document, head.document), notes=notes)


def _code(value: Any) -> str:
    text = (
        value if isinstance(value, str) else repr(value) if value is ABSENT else json.dumps(value)
    )
    text = text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _field_line(field: FieldChange) -> str:
    what = (
        "changed"
        if is_secret(field.old) or is_secret(field.new)
        else f"{_code(field.old)} → {_code(field.new)}"
    )
    return f"  - `{field.path}`: {what}{' **(forces replacement)**' if field.replaces else ''}"


def _section(diff: StackDiff) -> list[str]:
    if not diff.changes and not diff.notes:
        return []
    lines = [f"### {diff.stack}", ""]
    lines += [f"> {note}" for note in diff.notes]
    lines += [""] if diff.notes else []
    titles = {
        Action.ADD: "Added",
        Action.REMOVE: "Removed",
        Action.REPLACE: "Replaced",
        Action.UPDATE: "Updated",
    }
    for action, title in titles.items():
        changes = [c for c in diff.changes if c.action is action]
        if not changes:
            continue
        lines += [f"#### {title}", ""]
        for change in changes:
            protected = " **protected**" if change.protect else ""
            lines.append(f"- `{change.name}` (`{change.type}`){protected}")
            lines += [_field_line(f) for f in change.fields]
        lines.append("")
    return lines


def render_report(base_ref: str, diffs: Sequence[StackDiff]) -> str:
    lines = [f"## Infrastructure changes against `{base_ref}`", ""]
    warnings = [w for d in diffs for w in d.warnings()]
    if warnings:
        lines += ["> [!CAUTION]", "> **Protected resources would be replaced or deleted:**"]
        lines += [f"> - {w}" for w in warnings]
        lines.append("")
    lines += [f"- {d.summary()}" for d in diffs]
    lines.append("")
    for diff in diffs:
        lines += _section(diff)
    return "\n".join(lines).rstrip("\n") + "\n"


def diff_report(root: Path, base_ref: str, stacks: Sequence[str]) -> str:
    """Plans every stack of each side in one subprocess, both sides at once, then compares."""
    try:
        for stack in stacks:
            check_stack_name(stack)
            parse_stack(stack)
    except (StackConfigError, NamingError) as err:
        raise UsageError(str(err)) from None
    key = secrets.token_bytes(16)  # this report's alone: fingerprints mean nothing elsewhere
    with checkout(root, base_ref) as base_tree, _harnesses([base_tree, root], stacks, key) as both:
        base, head = (_harness_result(process, stacks) for process in both)
    return render_report(base_ref, [_stack_diff(s, base[s], head[s]) for s in stacks])


@click.command(cls=CodexCommand)
@click.argument("base_ref")
@click.option(
    "--stack",
    "stacks",
    multiple=True,
    help=f"Repeatable; default: {', '.join(DEFAULT_STACKS)}.",
)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here."
)
def diff(base_ref: str, stacks: tuple[str, ...], output: Path | None) -> None:
    """Markdown report of what the working tree changes, per stack, against BASE_REF."""
    folder = (output or Path()).parent
    if output is not None and not (folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)):
        raise UsageError(f"--output {output}: {folder} is not a directory this user may write in")
    report = diff_report(find_root(), base_ref, list(stacks or DEFAULT_STACKS))
    if output is None:
        click.echo(report, nl=False)
        return
    try:
        output.write_text(report)
    except OSError as err:
        raise FaultError(f"--output {output}: {err.strerror or type(err).__name__}") from None
