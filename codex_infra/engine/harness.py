"""Run the real program with the real SDK against Pulumi's mock engine, and record what it asks for.

This is what lets tests, the offline plan and the policy check see the desired state of a stack
with no CLI, no state backend and no credentials. The only module of the engine that loads the
SDK: what it records (`mock`) and the config it hands over (`config`) do not.
"""

from __future__ import annotations

import runpy
from pathlib import Path
from typing import Any

from google.protobuf import json_format
from pulumi import runtime
from pulumi.runtime import mocks, settings
from pulumi.runtime.stack import run_in_stack
from pulumi.runtime.sync_await import _sync_await  # pyright: ignore[reportPrivateUsage]

from codex_infra.engine.config import StackConfig
from codex_infra.engine.mock import (
    ENGINE_LOG,
    HIDDEN_INPUTS,
    STACK,
    Placeholders,
    Plan,
    PlannedResource,
    wire_to_plain,
)


class Mocked(mocks.Mocks):
    """The engine's mocks, answered by `Placeholders` (or the local environment's `LocalCloud`)."""

    def __init__(self, answers: Placeholders) -> None:
        self.answers = answers

    def new_resource(self, args: mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        return self.answers.new_resource(args)

    def call(self, args: mocks.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        return self.answers.call(args)


class _Recorder(mocks.MockMonitor):
    def __init__(self, plan: Plan, cloud: mocks.Mocks) -> None:
        super().__init__(cloud)
        self.plan = plan

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """The URN the engine gives: the type qualified by every ancestor's type but the stack's
        (the SDK's mock keeps the parent's own type only, and the stack's), so a URN copied from
        a plan works in `pulumi up --target`, `pulumi state unprotect` or an alias."""
        if parent:
            qualified = parent.split("::")[2]
            if qualified != STACK:
                type_ = f"{qualified}${type_}"
        return f"urn:pulumi:{self.plan.stack}::{self.plan.project}::{type_}::{name}"

    def _recorded(self, message: Any) -> Any:
        plan = self.plan
        return wire_to_plain(
            json_format.MessageToDict(message), plan.fingerprint_key, plan.reveal_secrets
        )

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 (the gRPC method's name)
        response: Any = super().RegisterResource(request)  # pyright: ignore[reportUnknownMemberType]
        if request.type != STACK:
            deps = set(request.dependencies)
            for prop in request.propertyDependencies.values():
                deps.update(prop.urns)
            inputs = self._recorded(request.object)
            self.plan.resources.append(
                PlannedResource(
                    urn=response.urn,
                    type=request.type,
                    name=request.name,
                    parent=request.parent or None,
                    custom=bool(request.custom),
                    protect=bool(request.protect),
                    retain_on_delete=bool(request.retainOnDelete),
                    dependencies=tuple(sorted(deps)),
                    inputs={k: v for k, v in inputs.items() if k not in HIDDEN_INPUTS},
                    secret_outputs=tuple(request.additionalSecretOutputs),
                )
            )
        return response

    def RegisterResourceOutputs(self, request: Any) -> Any:  # noqa: N802
        if request.urn.split("::")[2] == STACK:
            self.plan.outputs = self._recorded(request.outputs)
        return super().RegisterResourceOutputs(request)  # pyright: ignore[reportUnknownMemberType]


def run_program(
    root: Path, config: StackConfig, plan: Plan, cloud: Placeholders | None = None
) -> dict[str, Any]:
    """Runs `root/__main__.py` as `pulumi up` would, against the mock engine, recording into `plan`
    (which keeps what was registered even when the program fails). `cloud` answers for the
    providers: stable placeholders by default, the local environment's own values for it.

    Returns the program's globals, so tests can look at its Outputs directly.
    """
    answers = Mocked(cloud or Placeholders())
    mocks.set_mocks(
        answers,
        project=plan.project,
        stack=plan.stack,
        preview=False,
        logger=ENGINE_LOG,
        monitor=_Recorder(plan, answers),
    )
    runtime.set_all_config(dict(config.values), sorted(config.secret_keys))
    settings.ROOT.set(None)  # run_in_stack makes the stack resource, as the language host does
    program: dict[str, Any] = {}

    def run() -> None:
        program.update(runpy.run_path(str(root / "__main__.py"), run_name="__pulumi__"))

    try:
        _sync_await(run_in_stack(run))
    finally:
        plan.resources.sort(key=lambda r: r.urn)
    return program
