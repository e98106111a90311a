"""How codex-infra reaches Cloudflare's API: the official SDK only, with the credentials a deploy
has, and the few calls of the Workers API our commands make (`WorkersApi`).

The token is the one pulumi-cloudflare reads, CLOUDFLARE_API_TOKEN; CLOUDFLARE_BASE_URL (the
SDK's own variable) points it at a stand-in. The SDK retries 429 and 5xx itself. Every failure
becomes one `CloudflareError` line naming the call and Cloudflare's own error codes, never the
token.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, cast

from codex_infra.clients.http import base_url, token
from codex_infra.errors import FaultError

if TYPE_CHECKING:
    import cloudflare
    from cloudflare.types.workers.scripts.deployment import Deployment
    from cloudflare.types.workers.scripts.version_list_response import VersionListResponse

TOKEN_ENV = "CLOUDFLARE_API_TOKEN"  # noqa: S105 (a variable's name)
BASE_URL_ENV = "CLOUDFLARE_BASE_URL"
DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4"


class CloudflareError(FaultError):
    """A call failed: Cloudflare refused it or did not answer."""


def client_from_env(*, timeout: float = 30.0) -> cloudflare.Cloudflare:
    """A client authenticated by the deploy's API token and nothing else; a missing token or a
    base URL no request could reach is the caller's mistake (`UsageError`)."""
    import cloudflare  # here, not above: half a second that no other codex-infra command needs

    credential = token(TOKEN_ENV, why=" (the token a deploy of this stack uses)")
    url = base_url(os.environ.get(BASE_URL_ENV, ""), DEFAULT_BASE_URL, BASE_URL_ENV)
    client = cloudflare.Cloudflare(api_token=credential, base_url=url, timeout=timeout)
    # The SDK sends one credential only, and prefers CLOUDFLARE_EMAIL / CLOUDFLARE_API_KEY /
    # CLOUDFLARE_API_USER_SERVICE_KEY from the environment over the token when they are set.
    client.api_email = client.api_key = client.user_service_key = None
    return client


def envelope_errors(body: object) -> str:
    """What Cloudflare's envelope says went wrong, from its `errors: [{code, message}]`."""
    if not isinstance(body, dict):
        return ""
    errors: Any = cast(dict[str, Any], body).get("errors")
    if not isinstance(errors, list):
        return ""
    parts: list[str] = []
    for error in cast(list[Any], errors):
        if isinstance(error, dict):
            entry = cast(dict[str, Any], error)
            parts.append(" ".join(f"{entry.get('code', '')} {entry.get('message', '')}".split()))
    return "; ".join(p for p in parts if p)


@contextmanager
def calling(what: str) -> Generator[None]:
    """Turns the SDK's exceptions raised inside into one CloudflareError naming `what` was asked
    and the request that failed."""
    import cloudflare

    try:
        yield
    except cloudflare.APIStatusError as err:
        request = f"{err.request.method} {err.request.url.path}"
        said = envelope_errors(err.body) or err.message
        raise CloudflareError(
            f"Cloudflare API {request} ({what}) failed with HTTP {err.status_code}: {said}"
        ) from None
    except cloudflare.APIError as err:  # no answer, or an answer the SDK could not read
        request = f"{err.request.method} {err.request.url.path}"
        raise CloudflareError(f"Cloudflare API {request} ({what}) failed: {err.message}") from None


@dataclass(frozen=True)
class WorkersDomain:
    """A Workers custom domain as the account holds it."""

    id: str
    service: str
    zone_id: str


class WorkersApi:
    """The Workers API of Cloudflare accounts, as our commands use it: scripts, their versions
    and deployments, custom domains."""

    def __init__(self, client: cloudflare.Cloudflare) -> None:
        self._client = client

    @classmethod
    def from_env(cls) -> Self:
        return cls(client_from_env())

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._client.close()

    def script_names(self, account_id: str) -> list[str]:
        """Every Workers script of the account, by name."""
        with calling(f"list the Workers scripts of account {account_id}"):
            page = self._client.workers.scripts.list(account_id=account_id)
            return [script.id for script in page if script.id]

    def delete_script(self, account_id: str, name: str) -> bool:
        """Deletes without `force`, which would also delete Durable Objects and bypass the check
        for other Workers still bound to the script. False when it was already gone."""
        import cloudflare

        with calling(f"delete the Workers script {name}"):
            try:
                self._client.workers.scripts.delete(name, account_id=account_id)
            except cloudflare.NotFoundError:
                return False
        return True

    def custom_domains(self, account_id: str, hostname: str) -> list[WorkersDomain]:
        """The account's Workers custom domains of exactly this hostname."""
        with calling(f"look up the Workers custom domain {hostname}"):
            page = self._client.workers.domains.list(account_id=account_id, hostname=hostname)
            return [
                WorkersDomain(d.id, d.service, d.zone_id) for d in page if d.hostname == hostname
            ]

    def deployments(self, account_id: str, script: str) -> list[Deployment]:
        """The script's deployments, latest first.

        The API answers `result: {deployments: [...]}` (Cloudflare's API reference; wrangler reads
        it so), which is the SDK's DeploymentListResponse; but SDK 5.9.0's `deployments.list` puts
        that model in a V4 page, which looks for `result.items` and so yields nothing. The request
        is the SDK's all the same (auth, retries, errors); its answer is read here with that model.
        """
        import pydantic
        from cloudflare.types.workers.scripts.deployment_list_response import (
            DeploymentListResponse,
        )

        what = f"list the deployments of {script}"
        with calling(what):
            answer = self._client.workers.scripts.deployments.with_raw_response.list(
                script, account_id=account_id
            )
            body: Any = answer.json()
        try:
            result = cast(dict[str, Any], body)["result"] if isinstance(body, dict) else None
            return DeploymentListResponse.model_validate(result).deployments
        except (KeyError, pydantic.ValidationError):
            request = f"{answer.http_request.method} {answer.http_request.url.path}"
            raise CloudflareError(
                f"Cloudflare API {request} ({what}) answered no `result.deployments` list"
            ) from None

    def versions(self, account_id: str, script: str) -> list[VersionListResponse]:
        """Every deployable version, latest first, in one answer (`deployable` ignores paging).

        Only the first page is read: the SDK's iterator asks for the next page as long as a page
        has items, and an answer that ignores paging always has them.
        """
        with calling(f"list the versions of {script}"):
            page = self._client.workers.scripts.versions.list(
                script, account_id=account_id, deployable=True
            )
        return list(page.result.items or []) if page.result else []

    def deploy(self, account_id: str, script: str, version_id: str, message: str) -> str:
        """A deployment of one version to all traffic; its id."""
        with calling(f"deploy {version_id} to all traffic of {script}"):
            deployment = self._client.workers.scripts.deployments.create(
                script,
                account_id=account_id,
                strategy="percentage",
                versions=[{"percentage": 100, "version_id": version_id}],
                annotations={"workers_message": message},
            )
        return deployment.id
