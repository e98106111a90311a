"""What the installed provider SDKs say a resource takes: the stand-ins check inputs against it.

`describe` reads the SDKs' typed `*Args` classes (their wire names, which `__init__` arguments have
no default, and the input types nested in them) and the resource classes' output properties, and
writes it as JSON; the stand-in providers load that file instead of importing the SDKs (importing
pulumi_cloudflare takes seconds, paid on every engine run by every provider process).
"""

from __future__ import annotations

import collections.abc
import inspect
import json
import types
import typing
from pathlib import Path
from typing import Any, cast

from pulumi import Output, _types  # pyright: ignore[reportPrivateUsage]

Json = dict[str, Any]
#: A value the engine does not know yet (preview); it fits any type.
UNKNOWN = object()


def _sdk_classes() -> dict[str, tuple[type, type]]:
    """Type token -> (resource class, its Args class), for what the stand-ins serve."""
    import pulumi_cloudflare as cloudflare
    import pulumi_command as command
    import pulumi_random as random

    classes: list[tuple[type, type]] = [
        (cloudflare.WorkersScript, cloudflare.WorkersScriptArgs),
        (cloudflare.WorkersScriptSubdomain, cloudflare.WorkersScriptSubdomainArgs),
        (cloudflare.WorkersCustomDomain, cloudflare.WorkersCustomDomainArgs),
        (cloudflare.HyperdriveConfig, cloudflare.HyperdriveConfigArgs),
        (cloudflare.Provider, cloudflare.ProviderArgs),
        (command.local.Command, command.local.CommandArgs),
        (command.Provider, command.ProviderArgs),
        (random.RandomPassword, random.RandomPasswordArgs),
        (random.Provider, random.ProviderArgs),
    ]
    return {_token(resource): (resource, args) for resource, args in classes}


def _token(resource: type) -> str:
    """The type token the SDK registers the class under (its `__init__` passes it on)."""
    source = inspect.getsource(resource._internal_init)  # pyright: ignore[reportAttributeAccessIssue]
    if resource.__name__ == "Provider":
        package = resource.__module__.split(".")[0].removeprefix("pulumi_")
        return f"pulumi:providers:{package}"
    (token,) = {
        part.split("'")[1]
        for part in source.split("super(")[1:]
        if part.split("'")[1].count(":") == 2
    }
    return token


def _type(hint: Any, objects: dict[str, Json]) -> Any:
    """A JSON description of an input type: a scalar's name, {"list": t}, {"map": t} or
    {"object": name} (described in `objects`)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        # Input[T] is Union[T, Awaitable[T], Output[T]]: what the wire carries is T.
        members = [
            a
            for a in typing.get_args(hint)
            if a is not type(None)
            and typing.get_origin(a) not in (collections.abc.Awaitable, Output)
        ]
        return _type(members[0], objects) if len(members) == 1 else "any"
    if origin in (collections.abc.Sequence, list):
        return {"list": _type(typing.get_args(hint)[0], objects)}
    if origin in (collections.abc.Mapping, dict):
        return {"map": _type(typing.get_args(hint)[1], objects)}
    if isinstance(hint, type) and _types.is_input_type(hint):
        if hint.__name__ not in objects:
            objects[hint.__name__] = {}
            objects[hint.__name__] = _object(hint, objects)
        return {"object": hint.__name__}
    if hint in (str, bool):
        return hint.__name__
    if hint in (int, float):
        return "number"
    if isinstance(hint, type) and issubclass(hint, str):  # the SDKs' string enums
        return "str"
    return "any"


def _object(args: type, objects: dict[str, Json]) -> Json:
    names = _types.input_type_py_to_pulumi_names(args)
    hints = _types.input_type_types(args)
    parameters = inspect.signature(args.__init__).parameters.values()
    required = [
        names[p.name]
        for p in parameters
        if p.default is inspect.Parameter.empty and p.name in names
    ]
    return {
        "properties": {name: _type(hint, objects) for name, hint in hints.items()},
        "required": sorted(required),
    }


def describe() -> Json:
    """The inputs and outputs of every type the stand-ins serve, read from the installed SDKs."""
    objects: dict[str, Json] = {}
    resources = {
        token: {
            **_object(args, objects),
            "outputs": sorted(_types.resource_types(resource)),
        }
        for token, (resource, args) in _sdk_classes().items()
    }
    return {"resources": resources, "objects": objects}


def write(path: Path) -> Path:
    path.write_text(json.dumps(describe(), indent=1, sort_keys=True))
    return path


def _fits(value: Any, kind: Any) -> bool:
    if value is UNKNOWN or value is None or kind == "any":
        return True
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    return True


def problems(schema: Json, token: str, inputs: Json) -> list[tuple[str, str]]:
    """(property path, reason) for each input the SDK does not declare, each required one
    missing, and each value of the wrong kind, at any depth."""
    resource = schema["resources"][token]
    return _object_problems(schema, resource, inputs, "")


def _object_problems(schema: Json, shape: Json, value: Json, where: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    properties: Json = shape["properties"]
    for key in sorted(set(value) - set(properties)):
        found.append((f"{where}{key}", f"{where}{key} is not an input of this type"))
    for key in shape["required"]:
        if value.get(key) is None:
            found.append((f"{where}{key}", f"{where}{key} is required"))
    for key, item in value.items():
        if key in properties:
            found += _value_problems(schema, properties[key], item, f"{where}{key}")
    return found


def _value_problems(schema: Json, kind: Any, value: Any, where: str) -> list[tuple[str, str]]:
    if value is UNKNOWN or value is None:
        return []
    if isinstance(kind, dict):
        shape = cast(Json, kind)
        if "list" in shape:
            if not isinstance(value, list):
                return [(where, f"{where} must be a list")]
            items = cast(list[Any], value)
            return [
                p
                for i, v in enumerate(items)
                for p in _value_problems(schema, shape["list"], v, f"{where}[{i}]")
            ]
        if not isinstance(value, dict):
            return [(where, f"{where} must be an object")]
        entries = cast(Json, value)
        if "map" in shape:
            return [
                p
                for k, v in entries.items()
                for p in _value_problems(schema, shape["map"], v, f"{where}.{k}")
            ]
        return _object_problems(schema, schema["objects"][shape["object"]], entries, f"{where}.")
    if not _fits(value, kind):
        return [(where, f"{where} must be of type {kind}, not {type(value).__name__}")]
    return []
