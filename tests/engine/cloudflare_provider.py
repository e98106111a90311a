"""`pulumi-resource-cloudflare`: the Workers resources codex registers, over the Cloudflare API
(the official SDK's client, so every request is what that SDK sends), at CLOUDFLARE_BASE_URL (or
the provider's `baseUrl`) with CLOUDFLARE_API_TOKEN (or its `apiToken`).

As pulumi-cloudflare 6 does where the engine sees it: a script's name or account, a domain's
hostname, zone or account, a Hyperdrive's name or account replace; everything else updates. A
script upload sends its modules (a content_sha256 that does not match its file is refused), its
assets through an upload session (only the files the account lacks), the assets config with
`_headers`/`_redirects` as the API names them, and its metadata. Read takes bindings, dates, flags
and observability from the API; a `secret_text` binding's text, which the API never returns, from
the state, and leaves out kept bindings (keep_bindings) the program does not set. Deleted in the
API means gone from the state. Errors read as the provider's do: the request, the status, the body.
Not done: routes, other binding and resource types, the multipart content read-back.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tests.engine.standin import Created, Json, Kind, ProviderError, serve

if TYPE_CHECKING:
    import cloudflare

DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"
MODULE = "application/javascript+module"
#: Assets config inputs and the names the API gives them.
ASSETS_CONFIG = {"headers": "_headers", "redirects": "_redirects"}


def snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def to_api(value: Any, names: dict[str, str] | None = None) -> Any:
    """Inputs as the API spells them (snake_case, at any depth), unset values left out."""
    if isinstance(value, dict):
        items = cast(Json, value).items()
        return {(names or {}).get(k) or snake(k): to_api(v) for k, v in items if v is not None}
    if isinstance(value, list):
        return [to_api(v) for v in cast(list[Any], value)]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def from_api(value: Any) -> Any:
    if isinstance(value, dict):
        return {camel(k): from_api(v) for k, v in cast(Json, value).items() if v is not None}
    if isinstance(value, list):
        return [from_api(v) for v in cast(list[Any], value)]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


class NotFoundError(ProviderError):
    """The API answered 404."""


class Api:
    """One client for the plugin's life, made on first use: a preview never imports the SDK."""

    def __init__(self, config: Json) -> None:
        self.config = config
        self._client: cloudflare.Cloudflare | None = None

    @property
    def client(self) -> cloudflare.Cloudflare:
        if self._client is None:
            import cloudflare

            token = self.config.get("apiToken") or os.environ.get("CLOUDFLARE_API_TOKEN")
            if not token:
                raise ProviderError("no Cloudflare API token: set CLOUDFLARE_API_TOKEN")
            self._client = cloudflare.Cloudflare(
                api_token=token,
                base_url=self.config.get("baseUrl")
                or os.environ.get("CLOUDFLARE_BASE_URL")
                or DEFAULT_BASE_URL,
            )
            self._client.api_email = self._client.api_key = self._client.user_service_key = None
        return self._client

    def call(self, work: Any) -> Any:
        """The SDK's errors as the provider words them: request, status and Cloudflare's body."""
        import cloudflare

        try:
            return work(self.client)
        except cloudflare.APIStatusError as error:
            request = error.request
            refusal = NotFoundError if error.status_code == 404 else ProviderError
            raise refusal(
                f'failed to make http request: {request.method} "{request.url}":'
                f" {error.status_code} {error.response.reason_phrase} {error.response.text}"
            ) from None
        except cloudflare.APIConnectionError as error:
            raise ProviderError(
                f"failed to make http request: {error.request.url}: {error}"
            ) from None

    def gone(self, work: Any) -> Any:
        """`work`'s answer, or None when the object is not there (404)."""
        try:
            return self.call(work)
        except NotFoundError:
            return None


def _read(path: str) -> bytes:
    """Paths are the program's, relative to the project: the provider runs there."""
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise ProviderError(f"reading {path}: {error.strerror}") from None


def _checked(path: str, sha256: str | None) -> bytes:
    content = _read(path)
    if sha256 is not None and hashlib.sha256(content).hexdigest() != sha256:
        raise ProviderError(f"content_sha256 {sha256} does not match the content of {path}")
    return content


class CloudflareKind(Kind):
    def __init__(self, api: Api) -> None:
        self.api = api


class Upserted(CloudflareKind):
    """A type whose API call that makes it also changes it in place (a PUT, or a POST that sets)."""

    def update(self, id_: str, state: Json, inputs: Json) -> Created:
        return self.create(inputs)


class WorkersScript(Upserted):
    token = "cloudflare:index/workersScript:WorkersScript"
    replaces = ("accountId", "scriptName")

    def _modules(self, inputs: Json) -> list[tuple[str, bytes, str]]:
        main = inputs.get("mainModule") or inputs.get("bodyPart") or "worker.js"
        content = (
            inputs["content"].encode()
            if inputs.get("content") is not None
            else _checked(inputs["contentFile"], inputs.get("contentSha256"))
        )
        parts = [(main, content, inputs.get("contentType") or MODULE)]
        for name, module in (inputs.get("files") or {}).items():
            data = (
                base64.b64decode(module["contentBase64"])
                if module.get("contentBase64") is not None
                else _checked(module["contentFile"], module.get("contentSha256"))
            )
            parts.append((name, data, module.get("contentType") or MODULE))
        return parts

    def _assets(self, inputs: Json) -> Json | None:
        """The upload session for the assets directory's files, then the completion token."""
        assets: Json | None = inputs.get("assets")
        if assets is None:
            return None
        config = to_api(assets.get("config") or {}, ASSETS_CONFIG)
        directory = assets.get("directory")
        if directory is None:
            return {"config": config}
        files: dict[str, tuple[str, bytes]] = {}
        for path in sorted(Path(directory).rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                encoded = base64.b64encode(data).decode()
                digest = hashlib.sha256((encoded + path.suffix.lstrip(".")).encode()).hexdigest()
                files[f"/{path.relative_to(directory).as_posix()}"] = (digest[:32], data)
        account, name = inputs["accountId"], inputs["scriptName"]
        manifest = {p: {"hash": h, "size": len(d)} for p, (h, d) in files.items()}
        session = self.api.call(
            lambda c: c.workers.scripts.assets.upload.create(
                name, account_id=account, manifest=manifest
            )
        )
        upload = session.jwt
        completion = None if session.buckets else upload
        contents = {h: base64.b64encode(d).decode() for h, d in files.values()}
        for bucket in session.buckets or []:
            body = {h: contents[h] for h in bucket}
            done = self.api.call(
                lambda c, body=body: c.with_options(api_token=upload).workers.assets.upload.create(
                    account_id=account, base64=True, body=body
                )
            )
            completion = done.jwt or completion
        return {"jwt": completion, "config": config}

    def create(self, inputs: Json) -> Created:
        metadata = {
            snake(k): to_api(v)
            for k, v in inputs.items()
            if k
            in (
                "mainModule",
                "bodyPart",
                "compatibilityDate",
                "compatibilityFlags",
                "bindings",
                "keepBindings",
                "observability",
                "logpush",
                "placement",
                "usageModel",
                "tailConsumers",
                "limits",
            )
            and v is not None
        }
        assets = self._assets(inputs)
        if assets is not None:
            metadata["assets"] = assets
        parts = self._modules(inputs)
        answer = self.api.call(
            lambda c: c.workers.scripts.update(
                inputs["scriptName"],
                account_id=inputs["accountId"],
                metadata=cast(Any, metadata),
                files=[(name, data, kind) for name, data, kind in parts],
            )
        )
        computed = from_api(json.loads(answer.model_dump_json(exclude_none=True, exclude={"id"})))
        return Created(inputs["scriptName"], computed)

    def read(self, id_: str, state: Json) -> Json | None:
        settings = self.api.gone(
            lambda c: c.workers.scripts.script_and_version_settings.get(
                state["scriptName"], account_id=state["accountId"]
            )
        )
        if settings is None:
            return None
        live = from_api(json.loads(settings.model_dump_json(exclude_none=True)))
        known = {b["name"]: b for b in state.get("bindings") or []}
        kept = set(state.get("keepBindings") or [])
        bindings = []
        for binding in live.get("bindings", []):
            mine = known.get(binding["name"])
            if mine is None and binding["type"] in kept:
                continue  # put by someone else (wrangler secret put), kept by the deploy
            if binding["type"] == "secret_text" and mine is not None:
                binding["text"] = mine.get("text")
            bindings.append(binding)
        order = {name: i for i, name in enumerate(known)}
        bindings.sort(key=lambda b: order.get(b["name"], len(order)))
        fresh = {
            k: live[k]
            for k in ("compatibilityDate", "compatibilityFlags", "observability", "logpush")
            if k in live
        }
        return {**fresh, "bindings": bindings}

    def delete(self, id_: str, state: Json) -> None:
        self.api.gone(
            lambda c: c.workers.scripts.delete(state["scriptName"], account_id=state["accountId"])
        )


class WorkersScriptSubdomain(Upserted):
    token = "cloudflare:index/workersScriptSubdomain:WorkersScriptSubdomain"
    replaces = ("accountId", "scriptName")

    def create(self, inputs: Json) -> Created:
        self.api.call(
            lambda c: c.workers.scripts.subdomain.create(
                inputs["scriptName"],
                account_id=inputs["accountId"],
                enabled=inputs["enabled"],
                previews_enabled=inputs.get("previewsEnabled", False),
            )
        )
        return Created(f"{inputs['accountId']}/{inputs['scriptName']}")

    def read(self, id_: str, state: Json) -> Json | None:
        answer = self.api.gone(
            lambda c: c.workers.scripts.subdomain.get(
                state["scriptName"], account_id=state["accountId"]
            )
        )
        return None if answer is None else from_api(json.loads(answer.model_dump_json()))

    def delete(self, id_: str, state: Json) -> None:
        self.api.gone(
            lambda c: c.workers.scripts.subdomain.delete(
                state["scriptName"], account_id=state["accountId"]
            )
        )


class WorkersCustomDomain(Upserted):
    token = "cloudflare:index/workersCustomDomain:WorkersCustomDomain"
    replaces = ("accountId", "hostname", "zoneId")

    def create(self, inputs: Json) -> Created:
        body = to_api(
            {k: inputs.get(k) for k in ("hostname", "service", "zoneId", "zoneName", "environment")}
        )
        answer = self.api.call(
            lambda c: c.workers.domains.update(account_id=inputs["accountId"], **body)
        )
        return Created(answer.id, {"certId": answer.cert_id})

    def read(self, id_: str, state: Json) -> Json | None:
        answer = self.api.gone(lambda c: c.workers.domains.get(id_, account_id=state["accountId"]))
        return None if answer is None else from_api(json.loads(answer.model_dump_json()))

    def delete(self, id_: str, state: Json) -> None:
        self.api.gone(lambda c: c.workers.domains.delete(id_, account_id=state["accountId"]))


class HyperdriveConfig(CloudflareKind):
    token = "cloudflare:index/hyperdriveConfig:HyperdriveConfig"
    replaces = ("accountId", "name")

    @staticmethod
    def _body(inputs: Json) -> Json:
        return to_api({k: inputs.get(k) for k in ("name", "origin", "caching", "mtls")})

    def create(self, inputs: Json) -> Created:
        body = self._body(inputs)
        answer = self.api.call(
            lambda c: c.hyperdrive.configs.create(account_id=inputs["accountId"], **body)
        )
        return Created(answer.id, from_api(json.loads(answer.model_dump_json(exclude_none=True))))

    def update(self, id_: str, state: Json, inputs: Json) -> Created:
        body = self._body(inputs)
        answer = self.api.call(
            lambda c: c.hyperdrive.configs.update(id_, account_id=inputs["accountId"], **body)
        )
        return Created(id_, from_api(json.loads(answer.model_dump_json(exclude_none=True))))

    def read(self, id_: str, state: Json) -> Json | None:
        answer = self.api.gone(
            lambda c: c.hyperdrive.configs.get(id_, account_id=state["accountId"])
        )
        if answer is None:
            return None
        live = from_api(json.loads(answer.model_dump_json(exclude_none=True)))
        origin = {**live["origin"], "password": (state.get("origin") or {}).get("password")}
        return {**live, "origin": origin}

    def delete(self, id_: str, state: Json) -> None:
        self.api.gone(lambda c: c.hyperdrive.configs.delete(id_, account_id=state["accountId"]))


def kinds(config: Json) -> list[Kind]:
    """The types served, sharing one client configured by the provider's config."""
    api = Api(config)
    return [
        WorkersScript(api),
        WorkersScriptSubdomain(api),
        WorkersCustomDomain(api),
        HyperdriveConfig(api),
    ]


if __name__ == "__main__":
    serve("cloudflare", kinds)
