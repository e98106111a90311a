"""What the stand-in providers share: the engine's side of a provider, on Pulumi's own Python
provider SDK (`pulumi.provider.experimental`), with the type-specific work left to a `Kind`.

Like a bridged provider, a stand-in checks inputs against the installed SDK's types (`sdk_inputs`),
diffs what the program gives against the state, replaces where the cloud cannot change a property
in place, previews (the inputs as planned outputs, the rest unknown), keeps every secret input
secret in the outputs and reads the live object on refresh: gone means gone. An output is an input
the program set, or one the resource computes; an input the program never set stays out of the
state, so a provider default never shows as a change.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from types import CoroutineType
from typing import Any, ClassVar, ParamSpec, TypeVar, cast

from pulumi.provider.experimental import server
from pulumi.provider.experimental.property_value import Computed, PropertyValue
from pulumi.provider.experimental.provider import (
    CheckFailure,
    CheckRequest,
    CheckResponse,
    ConfigureRequest,
    ConfigureResponse,
    CreateRequest,
    CreateResponse,
    DeleteRequest,
    DiffRequest,
    DiffResponse,
    Provider,
    ReadRequest,
    ReadResponse,
    UpdateRequest,
    UpdateResponse,
)

from tests.engine.sdk_inputs import UNKNOWN, problems

Json = dict[str, Any]
#: Where the launcher says the description of the SDKs' inputs is (sdk_inputs.write).
SCHEMA_ENV = "CODEX_STANDIN_SCHEMA"


class ProviderError(Exception):
    """A failure the provider reports as the engine shows it: its message, one line."""


def unwrap(value: PropertyValue) -> Any:
    """A wire value as plain Python: secrets opened, unknowns as UNKNOWN, numbers as floats."""
    inner = value.value
    if isinstance(inner, Computed):
        return UNKNOWN
    if isinstance(inner, Mapping):
        return {k: unwrap(v) for k, v in inner.items()}
    if isinstance(inner, Sequence) and not isinstance(inner, str):
        return [unwrap(v) for v in inner]
    return inner


def unwrap_map(values: Mapping[str, PropertyValue]) -> Json:
    return {k: unwrap(v) for k, v in values.items()}


def rewrap(value: Any, like: PropertyValue | None = None) -> PropertyValue:
    """Plain Python as a wire value, secret wherever `like` (the same property as the program or
    the state had it) was secret, at the same key or index."""
    secret = like is not None and like.is_secret
    inner = like.value if like is not None else None
    if value is UNKNOWN:
        return PropertyValue(Computed(), is_secret=secret)
    if isinstance(value, Mapping):
        likes = inner if isinstance(inner, Mapping) else {}
        items = {k: rewrap(v, likes.get(k)) for k, v in cast(Mapping[str, Any], value).items()}
        return PropertyValue(items, is_secret=secret)
    if isinstance(value, list):
        likes_seq: Sequence[PropertyValue] = (
            inner if isinstance(inner, Sequence) and not isinstance(inner, str) else ()
        )
        entries = cast(list[Any], value)
        return PropertyValue(
            [
                rewrap(v, likes_seq[i] if i < len(likes_seq) else None)
                for i, v in enumerate(entries)
            ],
            is_secret=secret,
        )
    if isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    return PropertyValue(value, is_secret=secret)


def rewrap_map(values: Json, likes: Mapping[str, PropertyValue]) -> dict[str, PropertyValue]:
    return {k: rewrap(v, likes.get(k)) for k, v in values.items()}


def contains_unknown(value: Any) -> bool:
    if value is UNKNOWN:
        return True
    if isinstance(value, Mapping):
        return any(contains_unknown(v) for v in cast(Mapping[str, Any], value).values())
    if isinstance(value, list):
        return any(contains_unknown(v) for v in cast(list[Any], value))
    return False


@dataclass(frozen=True)
class Created:
    """What a create or an update made: the resource's id and its computed outputs (secret:
    which of those the provider marks secret itself)."""

    id: str
    computed: Json = field(default_factory=dict[str, Any])
    secret: frozenset[str] = frozenset()


class Kind:
    """One resource type of a stand-in: the cloud side of create, read, update and delete.
    `inputs` are the program's, plain; `state` the previous outputs, plain."""

    token: ClassVar[str]
    #: Inputs the cloud cannot change in place: a change replaces the resource (all: any does).
    replaces: ClassVar[tuple[str, ...]] = ()
    replaces_all: ClassVar[bool] = False

    def replacing(self, changed: list[str], old: Json, new: Json) -> list[str]:
        """Which of the changed inputs replace the resource."""
        return changed if self.replaces_all else [k for k in changed if k in self.replaces]

    def create(self, inputs: Json) -> Created:
        raise NotImplementedError

    def update(self, id_: str, state: Json, inputs: Json) -> Created:
        raise NotImplementedError

    def read(self, id_: str, state: Json) -> Json | None:
        """The live values of the state's properties (inputs the program set, computed outputs);
        None when the object is gone."""
        raise NotImplementedError

    def delete(self, id_: str, state: Json) -> None:
        raise NotImplementedError


P = ParamSpec("P")
R = TypeVar("R")


def _reported(
    call: Callable[P, CoroutineType[Any, Any, R]],
) -> Callable[P, CoroutineType[Any, Any, R]]:
    """A ProviderError reaches the engine as the provider's message, raised afresh under the
    entry point alone (the SDK's server appends the frames it passed through)."""

    @functools.wraps(call)
    async def entry(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await call(*args, **kwargs)
        except ProviderError as error:
            raise error.with_traceback(None) from None

    return entry


def _type_of(urn: str) -> str:
    """The resource's type token: the SDK's `request.type` is the URN's qualified type, which
    holds every ancestor's type too."""
    return urn.split("::")[-2].split("$")[-1]


class StandIn(Provider):
    """A provider plugin made of `Kind`s, serving the types the installed SDK declares."""

    def __init__(self, package: str, kinds: Callable[[Json], Sequence[Kind]]) -> None:
        self.package = package
        # Filled in place by configure: the kinds hold on to it.
        self.config: Json = {}
        self.kinds = {kind.token: kind for kind in kinds(self.config)}
        self.schema: Json = json.loads(Path(os.environ[SCHEMA_ENV]).read_text())

    def _kind(self, token: str) -> Kind:
        if token not in self.kinds:
            raise ProviderError(f"the {self.package} stand-in does not serve {token}")
        return self.kinds[token]

    def _outputs(self, token: str) -> frozenset[str]:
        return frozenset(self.schema["resources"][token]["outputs"])

    def _inputs(self, token: str) -> frozenset[str]:
        return frozenset(self.schema["resources"][token]["properties"])

    def _failures(self, token: str, inputs: Mapping[str, PropertyValue]) -> list[CheckFailure]:
        found = problems(self.schema, token, unwrap_map(inputs))
        return [CheckFailure(path.split(".")[0].split("[")[0], reason) for path, reason in found]

    async def check_config(self, request: CheckRequest) -> CheckResponse:
        token = f"pulumi:providers:{self.package}"
        inputs = {k: v for k, v in request.new_inputs.items() if k != "version"}
        return CheckResponse(
            inputs=request.new_inputs, failures=self._failures(token, inputs) or None
        )

    async def configure(self, request: ConfigureRequest) -> ConfigureResponse:
        self.config.update(unwrap_map(request.args))
        return ConfigureResponse(accept_secrets=True, supports_preview=True)

    async def check(self, request: CheckRequest) -> CheckResponse:
        self._kind(_type_of(request.urn))
        return CheckResponse(
            inputs=request.new_inputs,
            failures=self._failures(_type_of(request.urn), request.new_inputs),
        )

    async def diff(self, request: DiffRequest) -> DiffResponse:
        kind = self._kind(_type_of(request.urn))
        old, new = unwrap_map(request.old_state), unwrap_map(request.new_inputs)
        keys = (set(old) | set(new)) & self._inputs(_type_of(request.urn))
        changed = sorted(
            k for k in keys if contains_unknown(new.get(k)) or old.get(k) != new.get(k)
        )
        replaces = kind.replacing(changed, old, new)
        return DiffResponse(changes=bool(changed), replaces=replaces, diffs=changed)

    def _result(
        self, token: str, inputs: Mapping[str, PropertyValue], made: Created | None
    ) -> dict[str, PropertyValue]:
        """The outputs: the inputs as given (secrets stay secret), then the computed outputs the
        SDK declares; a preview (`made` None) leaves those unknown."""
        outputs: dict[str, PropertyValue] = dict(inputs)
        if made is not None:
            computed = self._outputs(token) - self._inputs(token)
            for key, value in made.computed.items():
                if key in computed:
                    outputs[key] = rewrap(value).with_secret(key in made.secret)
        return outputs

    @_reported
    async def create(self, request: CreateRequest) -> CreateResponse:
        token = _type_of(request.urn)
        if request.preview:
            return CreateResponse(properties=self._result(token, request.properties, None))
        made = self._kind(token).create(unwrap_map(request.properties))
        return CreateResponse(made.id, self._result(token, request.properties, made))

    @_reported
    async def update(self, request: UpdateRequest) -> UpdateResponse:
        token = _type_of(request.urn)
        if request.preview:
            kept = {k: v for k, v in request.olds.items() if k not in self._inputs(token)}
            return UpdateResponse({**kept, **request.news})
        olds, news = unwrap_map(request.olds), unwrap_map(request.news)
        made = self._kind(token).update(request.resource_id, olds, news)
        return UpdateResponse(self._result(token, request.news, made))

    @_reported
    async def read(self, request: ReadRequest) -> ReadResponse:
        state = unwrap_map(request.properties)
        live = self._kind(_type_of(request.urn)).read(request.resource_id, state)
        if live is None:
            return ReadResponse(resource_id="")
        fresh = {k: live.get(k, v) for k, v in state.items()}
        properties = rewrap_map(fresh, request.properties)
        inputs = {k: v for k, v in properties.items() if k in request.inputs}
        return ReadResponse(request.resource_id, properties, inputs)

    @_reported
    async def delete(self, request: DeleteRequest) -> None:
        state = unwrap_map(request.properties)
        self._kind(_type_of(request.urn)).delete(request.resource_id, state)


def sdk_version(package: str) -> str:
    """The version the installed SDK asks the engine for (its pulumi-plugin.json), read without
    importing the SDK."""
    spec = find_spec(f"pulumi_{package}")
    if spec is None or not spec.submodule_search_locations:
        raise ProviderError(f"pulumi_{package} is not installed")
    plugin = Path(next(iter(spec.submodule_search_locations))) / "pulumi-plugin.json"
    return json.loads(plugin.read_text())["version"]


def serve(package: str, kinds: Callable[[Json], Sequence[Kind]]) -> None:
    """The plugin's main: serve until the engine lets go. `kinds` makes the types served, given
    the provider's config (filled in when the engine configures the provider)."""
    try:
        server.main(sys.argv[1:], sdk_version(package), StandIn(package, kinds))
    except Exception:
        traceback.print_exc()
        raise
