"""A stack's last local plan, reused by `up` while nothing the plan depends on has changed.

Running the program costs seconds (importing the providers' SDKs most of all); bringing a stack
up again with the same code, config and files gives the same plan. The key is a digest of
content, never of file times:

- what `up` is given: the stack, the `--config` values, the secrets (from the environment or
  `--secret`), its local passwords and marker, the database endpoint the plan's URLs name;
- the code: this tool's package, the `components` package the program imports, the installed
  distributions (by name and version) and Python's version;
- the environment variables a program reads (ENVIRONMENT);
- every file the plan read, every directory it listed and the source of every module it
  imported, as the run itself traced them (so a bundle, the assets, the migrations and the config
  files count without being named here), and the stack's config files, read or not (a stack file
  that appears changes the plan too).

A plan also leaves files behind (the published copy of the assets): if one has gone, the plan
runs again. The cached plan is the stack's own (0600, in its state directory) and holds no
secret that was given: each is left out where the plan holds it, and put back from what `up`
is given when the key (which covers it) matches. A plan that holds one any other way (inside a
longer string) is not kept.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from collections.abc import Generator, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any, cast

from codex_infra.local.state import write_json

FILE = "plan.json"
FORMAT = 1
# The variables a plan may read: GitHub's run (recorded on a new Neon branch), the deploy clock
# (SOURCE_DATE_EPOCH) and the SDK's own config (PULUMI_CONFIG and the rest), by name or prefix.
ENVIRONMENT = ("GITHUB_", "PULUMI_", "SOURCE_DATE_EPOCH")
# What a trace never records: the interpreter and the installed distributions (their versions are
# in the key), and what the kernel makes up.
_SYSTEM = ("/proc", "/sys", "/dev")


@dataclass(frozen=True)
class Inputs:
    """What a plan depends on besides the files it reads."""

    root: str
    stack: str
    config: Mapping[str, str]
    secrets: Mapping[str, str]
    marker: str
    passwords: Mapping[str, str]
    endpoint: Mapping[str, Any]
    environment: Mapping[str, str]
    code: Mapping[str, str]
    distributions: tuple[str, ...]
    python: str


def inputs(
    root: Path,
    stack: str,
    config: Mapping[str, str],
    secrets: Mapping[str, str],
    marker: str,
    passwords: Mapping[str, str],
    endpoint: Mapping[str, Any],
) -> Inputs:
    """What a plan made now, in this process, would depend on besides the files it reads."""
    return Inputs(
        str(root),
        stack,
        dict(config),
        dict(secrets),
        marker,
        dict(passwords),
        dict(endpoint),
        plan_environment(os.environ),
        code(code_dirs()),
        distributions(),
        sys.version,
    )


def plan_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The variables of `env` a plan may read."""
    return {k: v for k, v in sorted(env.items()) if k.startswith(ENVIRONMENT)}


def key(inputs: Inputs, files: Mapping[str, str | None]) -> str:
    """One digest of everything a plan depends on; `files` are the digests of what it read."""
    material = {"format": FORMAT, "inputs": asdict(inputs), "files": dict(sorted(files.items()))}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


class UnsealableError(Exception):
    """The document holds a given secret other than as a whole value."""


def seal(document: Any, secrets: Mapping[str, str]) -> tuple[Any, list[list[Any]]]:
    """The document (as JSON has it: tuples are lists) without the given secrets' values, and
    where each was (a path of keys and indices, and the secret's config key)."""
    by_value = {value: name for name, value in secrets.items() if value}
    places: list[list[Any]] = []

    def walk(value: Any, path: list[Any]) -> Any:
        if isinstance(value, str):
            if value in by_value:
                places.append([path, by_value[value]])
                return None
            if any(secret in value for secret in by_value):
                raise UnsealableError
            return value
        if isinstance(value, dict):
            items = cast(dict[str, Any], value).items()
            return {k: walk(v, [*path, k]) for k, v in items}
        if isinstance(value, list | tuple):
            return [walk(v, [*path, i]) for i, v in enumerate(cast(list[Any], value))]
        return value

    return walk(document, []), places


def unseal(document: Any, places: Iterable[list[Any]], secrets: Mapping[str, str]) -> Any:
    """`seal` undone with the same secrets."""
    for path, name in places:
        *parents, last = path
        target = document
        for step in parents:
            target = target[step]
        target[last] = secrets[name]
    return document


def digest(path: Path) -> str | None:
    """A file's content, or a directory's entries (names and kinds); None if it is neither."""
    try:
        if path.is_dir():
            with os.scandir(path) as entries:
                kinds = sorted(f"{e.name}/{_kind(e)}" for e in entries)
            return "dir:" + hashlib.sha256("\0".join(kinds).encode()).hexdigest()
        with path.open("rb") as file:
            return "file:" + hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


def _kind(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    return "dir" if entry.is_dir() else "file"


def code_dirs() -> tuple[Path, ...]:
    """This tool's package and the `components` the program imports (found, not imported)."""
    spec = find_spec("components")
    found = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    return (Path(__file__).resolve().parents[1], *found)


def code(dirs: Iterable[Path]) -> dict[str, str]:
    """Every Python source under `dirs`, by path."""
    return {
        str(source): digest(source) or ""
        for folder in dirs
        for source in sorted(folder.rglob("*.py"))
        if "__pycache__" not in source.parts
    }


def distributions() -> tuple[str, ...]:
    """What is installed where Python imports from, by name and version (`.dist-info`)."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            found.update(n for n in os.listdir(entry or ".") if n.endswith(".dist-info"))
        except OSError:
            continue
    return tuple(sorted(found))


@dataclass
class Trace:
    """The paths a plan read (files opened for reading, directories listed) and wrote, but for
    what is in `skipped` (folders) or is a folder Python imports from (which its import system
    lists)."""

    skipped: tuple[str, ...]
    imports_from: frozenset[str]
    reads: set[str] = field(default_factory=set[str])
    writes: set[str] = field(default_factory=set[str])

    def add(self, into: set[str], path: Any) -> None:
        if isinstance(path, int):
            return  # an open file descriptor: its path was seen when it was opened
        name = os.path.abspath(os.fsdecode(path if path is not None else "."))
        if (
            name in self.imports_from
            or "__pycache__" in name
            or any(name == s or name.startswith(f"{s}/") for s in self.skipped)
        ):
            return
        into.add(name)


_traces: list[Trace] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Python's audit events (PEP 578) for the trace being recorded, if any."""
    if not _traces:
        return
    trace = _traces[-1]
    if event == "open":
        path, _mode, flags = args
        trace.add(trace.reads if flags & os.O_ACCMODE == os.O_RDONLY else trace.writes, path)
    elif event in ("os.listdir", "os.scandir"):
        trace.add(trace.reads, args[0])
    elif event in ("os.rename", "os.replace"):
        trace.add(trace.writes, args[1])
    elif event in ("os.mkdir", "os.chmod"):
        trace.add(trace.writes, args[0])


@functools.cache
def _hooked() -> None:
    sys.addaudithook(_audit)  # for the life of the process: a hook cannot be removed


@contextmanager
def traced() -> Generator[Trace]:
    """Records what the code run inside reads and writes, in every thread, and the source of
    each module it imports (whose bytecode, once compiled, is read instead)."""
    _hooked()
    skipped = {sys.prefix, sys.base_prefix, sys.exec_prefix, *map(str, code_dirs()), *_SYSTEM}
    imports_from = frozenset(os.path.abspath(p or ".") for p in sys.path)
    trace = Trace(tuple(sorted(skipped)), imports_from)
    imported = set(sys.modules)
    _traces.append(trace)
    try:
        yield trace
    finally:
        _traces.remove(trace)
        for name in set(sys.modules) - imported:
            source = getattr(sys.modules[name], "__file__", None)
            if source is not None:
                trace.add(trace.reads, source)


def save(
    path: Path,
    inputs: Inputs,
    trace: Trace,
    document: Any,
    config_files: Iterable[Path] = (),
) -> bool:
    """Keeps `document`, the plan made from `inputs` while `trace` recorded; False if it holds a
    given secret in a way that cannot be left out (nothing is kept then)."""
    try:
        sealed, places = seal(document, inputs.secrets)
    except UnsealableError:
        path.unlink(missing_ok=True)
        return False
    files = {p: digest(Path(p)) for p in sorted({*trace.reads, *map(str, config_files)})}
    left = sorted(p for p in trace.writes if p not in trace.reads and Path(p).exists())
    write_json(
        path,
        {
            "format": FORMAT,
            "key": key(inputs, files),
            "files": sorted(files),
            "left": left,
            "plan": sealed,
            "secrets": places,
        },
    )
    return True


def load(path: Path, inputs: Inputs) -> Any | None:
    """The plan kept for `inputs`, if nothing it read has changed and what it left is there."""
    try:
        kept: Any = json.loads(path.read_text())
        if kept["format"] != FORMAT:
            return None
        files = {p: digest(Path(p)) for p in kept["files"]}
        if kept["key"] != key(inputs, files) or not all(Path(p).exists() for p in kept["left"]):
            return None
        return unseal(kept["plan"], kept["secrets"], inputs.secrets)
    except (OSError, ValueError, LookupError, TypeError):  # missing, or not one of ours
        return None
