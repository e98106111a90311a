"""`pulumi-resource-command`: `local.Command` run for real, as pulumi-command documents it.

`create` runs on create; a change of any input runs `update` (or `create` again when there is no
`update`), and a change of `triggers` replaces the resource unless there is an `update` (the SDK
also asks the engine to replace on `triggers[*]`); `delete` runs on delete. Each run gets the
engine's environment plus `environment`, in `dir`, through `interpreter` (`/bin/sh -c`), with the
previous run's stdout and stderr as PULUMI_COMMAND_STDOUT/STDERR unless addPreviousOutputInEnv is
false; stdout and stderr (without their last newline) are outputs. A run that exits non-zero fails
the step with its exit status and output, as pulumi-command's does. Not done: `logging` (the
output is not streamed to the engine), asset and archive paths.
"""

from __future__ import annotations

import os
import subprocess
import uuid

from tests.engine.standin import Created, Json, Kind, ProviderError, serve

#: Longest a command may run: pulumi-command has no bound but the step's custom timeout.
RUN_TIMEOUT = 600


class Command(Kind):
    token = "command:local:Command"

    def replacing(self, changed: list[str], old: Json, new: Json) -> list[str]:
        return ["triggers"] if "triggers" in changed and not new.get("update") else []

    def _run(self, command: str, inputs: Json, previous: Json | None) -> Created:
        env = {**os.environ, **(inputs.get("environment") or {})}
        if previous is not None and inputs.get("addPreviousOutputInEnv", True) is not False:
            env["PULUMI_COMMAND_STDOUT"] = previous.get("stdout", "")
            env["PULUMI_COMMAND_STDERR"] = previous.get("stderr", "")
        interpreter = inputs.get("interpreter") or ["/bin/sh", "-c"]
        try:
            run = subprocess.run(
                [*interpreter, command],
                env=env,
                cwd=inputs.get("dir") or None,
                input=inputs.get("stdin"),
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ProviderError(f"running {command!r}: {error}") from None
        stdout, stderr = run.stdout.removesuffix("\n"), run.stderr.removesuffix("\n")
        if run.returncode != 0:
            raise ProviderError(
                f"exit status {run.returncode}: running {command!r}:\n{stdout}\n{stderr}".rstrip()
            )
        return Created(uuid.uuid4().hex, {"stdout": stdout, "stderr": stderr})

    def create(self, inputs: Json) -> Created:
        return (
            self._run(inputs["create"], inputs, None)
            if inputs.get("create")
            else Created(uuid.uuid4().hex, {"stdout": "", "stderr": ""})
        )

    def update(self, id_: str, state: Json, inputs: Json) -> Created:
        command = inputs.get("update") or inputs.get("create")
        if not command:
            return Created(
                id_, {"stdout": state.get("stdout", ""), "stderr": state.get("stderr", "")}
            )
        return Created(id_, self._run(command, inputs, state).computed)

    def read(self, id_: str, state: Json) -> Json | None:
        """A command leaves nothing to read back: the state is what is known."""
        return state

    def delete(self, id_: str, state: Json) -> None:
        if state.get("delete"):
            self._run(state["delete"], state, state)


if __name__ == "__main__":
    serve("command", lambda _config: [Command()])
