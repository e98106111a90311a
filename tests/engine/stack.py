"""The test's side of one stack under the real engine: its runner process (tests/engine/runner.py),
the CLI for what needs no program (state, export, stack rm), and the state file on disk."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

Json = dict[str, Any]
#: The engine's marker of a secret in a state (pulumi/sdk/go/common/resource/sig).
SIG, SECRET_SIG = "4dabf18193072939515e22adb298388d", "1b47061264138c4ac30d75fd1eb44270"
#: Longest one engine operation may take here (an up of a pr-N takes seconds).
OPERATION_TIMEOUT = 300
#: The runner's start: Python, pulumi.automation, `pulumi stack select --create`.
START_TIMEOUT = 120


#: (stack, operation, seconds) of every operation run, for the session's summary of where time went.
TIMINGS: list[tuple[str, str, float]] = []


class EngineError(AssertionError):
    """The runner did not answer, or died."""


@dataclass
class Outcome:
    """What one operation did: the engine's summary, its steps and diagnostics, the stack's
    outputs (after an up) or its error."""

    summary: dict[str, int] = field(default_factory=dict[str, int])
    events: list[Json] = field(default_factory=list[Json])
    outputs: Json = field(default_factory=dict[str, Any])
    error: str | None = None
    seconds: float = 0.0

    def steps(self, *ops: str) -> list[Json]:
        return [e for e in self.events if e["kind"] == "step" and (not ops or e["op"] in ops)]

    def names(self, *ops: str) -> set[str]:
        """The resource names (the URNs' last part) of the steps with these ops."""
        return {s["urn"].rsplit("::", 1)[-1] for s in self.steps(*ops)}

    @property
    def changes(self) -> dict[str, int]:
        """The summary without what stayed the same."""
        return {op: n for op, n in self.summary.items() if op != "same" and n}

    def changed_steps(self) -> list[Json]:
        return [s for s in self.steps() if s["op"] not in ("same", "read", "refresh")]

    def diagnostics(self, severity: str = "error") -> list[str]:
        return [
            e["message"]
            for e in self.events
            if e["kind"] == "diagnostic" and e["severity"] == severity
        ]


class EngineStack:
    """A stack of the project copy at `project`, its operations run by a runner process."""

    def __init__(self, name: str, project: Path, backend: Path, env: dict[str, str], log: Path):
        self.name = name
        self.project = project
        self.backend = backend
        self.env = env
        self._log: IO[str] = log.open("a")
        self._replies: queue.Queue[str] = queue.Queue()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "tests.engine.runner", str(project), name],
            cwd=project,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self._process.stdout is not None
        self._reader = threading.Thread(
            target=self._read, args=(self._process.stdout,), daemon=True
        )
        self._reader.start()
        started = time.perf_counter()
        self._reply(START_TIMEOUT)
        TIMINGS.append((name, "start", round(time.perf_counter() - started, 2)))

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._replies.put(line)

    def _reply(self, timeout: float) -> Json:
        try:
            return json.loads(self._replies.get(timeout=timeout))
        except queue.Empty:
            raise EngineError(
                f"{self.name}: no answer from the runner within {timeout} s (see {self._log.name})"
            ) from None

    def _call(self, op: str, **arguments: Any) -> Outcome:
        if self._process.poll() is not None:
            raise EngineError(f"{self.name}: the runner exited (see {self._log.name})")
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps({"op": op, **arguments}) + "\n")
        self._process.stdin.flush()
        answer = self._reply(OPERATION_TIMEOUT)
        TIMINGS.append((self.name, op, answer["seconds"]))
        return Outcome(
            summary=answer.get("summary", {}),
            events=answer.get("events", []),
            outputs=answer.get("outputs", {}),
            error=answer.get("error"),
            seconds=answer["seconds"],
        )

    def config(self, values: dict[str, str] | None = None, secrets: dict[str, str] | None = None):
        return self._call("config", values=values or {}, secrets=secrets or {})

    def preview(self, **options: Any) -> Outcome:
        return self._call("preview", **options)

    def up(self, **options: Any) -> Outcome:
        return self._call("up", **options)

    def refresh(self, **options: Any) -> Outcome:
        return self._call("refresh", **options)

    def destroy(self, **options: Any) -> Outcome:
        return self._call("destroy", **options)

    def pulumi(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """The CLI itself, for what runs no program."""
        done = subprocess.run(
            ["pulumi", *args, "--non-interactive"],
            cwd=self.project,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=OPERATION_TIMEOUT,
            check=False,
        )
        if check and done.returncode != 0:
            raise EngineError(f"pulumi {' '.join(args)}: {done.stderr.strip()[-2000:]}")
        return done

    def state_text(self) -> str:
        """The state file as the backend stores it (secrets encrypted)."""
        return (self.backend / ".pulumi" / "stacks" / "codex" / f"{self.name}.json").read_text()

    def resources(self) -> list[Json]:
        return json.loads(self.state_text())["checkpoint"]["latest"].get("resources") or []

    def opened(self) -> list[Json]:
        """The state's resources with every secret opened (`stack export --show-secrets`)."""
        done = self.pulumi("stack", "export", "--show-secrets", "--stack", self.name)
        return opened(json.loads(done.stdout)["deployment"]["resources"])

    def close(self) -> None:
        """Stop the runner, by its pid, within a bound."""
        if self._process.stdin is not None and not self._process.stdin.closed:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._reader.join(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()


def is_secret(value: Any) -> bool:
    """A secret of a state export: the engine's marker and the value (opened or encrypted)."""
    return isinstance(value, dict) and value.get(SIG) == SECRET_SIG


def opened(value: Any) -> Any:
    """An export's values with their secrets' plaintext in place."""
    if is_secret(value):
        return json.loads(value["plaintext"])
    if isinstance(value, dict):
        return {k: opened(v) for k, v in cast(Json, value).items()}
    if isinstance(value, list):
        return [opened(v) for v in cast(list[Any], value)]
    return value


def output(resources: list[Json], name: str, key: str) -> Any:
    """An output of the resource named `name`."""
    (resource,) = [r for r in resources if r["urn"].endswith(f"::{name}")]
    return resource["outputs"][key]
