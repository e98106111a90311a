"""One stack of a copy of the project under the real Pulumi engine, in a process of its own.

    python -m tests.engine.runner PROJECT STACK      (cwd: PROJECT)

The inline program runs the copy's own `__main__.py` (its `components` first on sys.path), so the
engine hands it the config of the copy's Pulumi.yaml and stack files as it does to a user's
program. Operations come as JSON lines on stdin and their results leave as JSON lines on stdout;
everything else the engine and the program print goes to stderr. No SDK state of this process
reaches the test process: the mock engine's tests run there.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pulumi import automation as auto

Json = dict[str, Any]


def _events(into: list[Json]) -> Callable[[auto.EngineEvent], None]:
    """Each step the engine takes or plans, and each diagnostic, as plain JSON."""

    def record(event: auto.EngineEvent) -> None:
        if event.resource_pre_event is not None:
            step = event.resource_pre_event.metadata
            into.append(
                {
                    "kind": "step",
                    "op": step.op.value,
                    "urn": step.urn,
                    "type": step.type,
                    "diffs": list(step.diffs or []),
                    "keys": list(step.keys or []),
                }
            )
        elif event.diagnostic_event is not None:
            diagnostic = event.diagnostic_event
            into.append(
                {
                    "kind": "diagnostic",
                    "severity": diagnostic.severity,
                    "urn": diagnostic.urn,
                    "message": diagnostic.message,
                }
            )

    return record


def _outputs(outputs: auto.OutputMap) -> Json:
    return {k: {"value": v.value, "secret": v.secret} for k, v in outputs.items()}


class Runner:
    def __init__(self, project: Path, stack_name: str) -> None:
        self.project = project
        main = project / "__main__.py"

        def program() -> None:
            runpy.run_path(str(main), run_name="__main__")

        self.stack = auto.create_or_select_stack(
            stack_name,
            project_name="codex",
            program=program,
            opts=auto.LocalWorkspaceOptions(work_dir=str(project)),
        )

    def config(self, events: list[Json], values: dict[str, str], secrets: dict[str, str]) -> Json:
        for key, value in values.items():
            self.stack.set_config(key, auto.ConfigValue(value))
        for key, value in secrets.items():
            self.stack.set_config(key, auto.ConfigValue(value, secret=True))
        return {}

    def preview(self, events: list[Json], **options: Any) -> Json:
        result = self.stack.preview(on_event=_events(events), **options)
        return {"summary": dict(result.change_summary), "events": events}

    def up(self, events: list[Json], **options: Any) -> Json:
        result = self.stack.up(on_event=_events(events), **options)
        return {
            "summary": dict(result.summary.resource_changes or {}),
            "events": events,
            "outputs": _outputs(result.outputs),
        }

    def refresh(self, events: list[Json], **options: Any) -> Json:
        result = self.stack.refresh(on_event=_events(events), **options)
        return {"summary": dict(result.summary.resource_changes or {}), "events": events}

    def destroy(self, events: list[Json], **options: Any) -> Json:
        result = self.stack.destroy(on_event=_events(events), **options)
        return {"summary": dict(result.summary.resource_changes or {}), "events": events}

    def handle(self, request: Json) -> Json:
        operation: Callable[..., Json] = getattr(self, request.pop("op"))
        started = time.perf_counter()
        events: list[Json] = []
        try:
            answer = operation(events, **request)
        except auto.CommandError as error:
            answer = {"error": str(error), "events": events}
        return {**answer, "seconds": round(time.perf_counter() - started, 2)}


def main() -> None:
    project, stack_name = Path(sys.argv[1]).resolve(), sys.argv[2]
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # prints of the engine and the program
    sys.path.insert(0, str(project))  # the copy's components, as `python __main__.py` finds them
    os.environ.pop("PYTHONPATH", None)  # for this process only, not the engine or its plugins
    runner = Runner(project, stack_name)
    replies.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        replies.write(json.dumps(runner.handle(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
