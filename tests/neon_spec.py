"""Cut Neon's published OpenAPI document down to what the fake Neon API validates against.

    uv run python tests/neon_spec.py [FULL_SPEC] > tests/data/neon-openapi.json

FULL_SPEC is Neon's document as published (default: ../shared/neon/openapi.json beside the
repository, the copy of `kislerdm/neon-sdk-go`'s `openAPIDefinition.json`, 2025-10-26). Kept: the
operations of the routes the fake serves (`tests/neon_fake.py` ROUTES), every component they
reach through `$ref`, and the security schemes; dropped: every other path and component, and the
prose (`summary`, `example`, `examples`, `x-*`; a `description` is emptied, since OpenAPI requires
one on each response), none of which validation reads. Cutting the cut again gives the same
document, which a test checks, so nothing it needs is missing.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, cast

from neon_fake import ROUTES

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "neon" / "openapi.json"
PROSE = frozenset({"summary", "example", "examples"})
# Objects whose keys are names (a property may be called `description`), not schema keywords.
NAME_MAPS = frozenset(
    {"properties", "paths", "schemas", "responses", "parameters", "securitySchemes", "content"}
)
SOURCE = (
    "Neon API v2, cut by tests/neon_spec.py from Neon's published OpenAPI document "
    "(kislerdm/neon-sdk-go openAPIDefinition.json, 2025-10-26) to the routes tests/neon_fake.py "
    "serves; descriptions and examples dropped"
)


def _without_prose(value: Any, names: bool = False) -> Any:
    if isinstance(value, dict):
        return {
            k: ""
            if k == "description" and not names
            else _without_prose(v, not names and k in NAME_MAPS)
            for k, v in cast(dict[str, Any], value).items()
            if names or (k not in PROSE and not k.startswith("x-"))
        }
    if isinstance(value, list):
        return [_without_prose(v) for v in cast(list[Any], value)]
    return value


def _refs(value: Any) -> set[str]:
    if isinstance(value, dict):
        obj = cast(dict[str, Any], value)
        found = {obj["$ref"]} if isinstance(obj.get("$ref"), str) else set[str]()
        return found.union(*(_refs(v) for v in obj.values()))
    if isinstance(value, list):
        return set[str]().union(*(_refs(v) for v in cast(list[Any], value)))
    return set()


def cut(spec: dict[str, Any]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in ROUTES:
        method, rule = route.split(" ", 1)
        path = re.sub(r"<(\w+)>", r"{\1}", rule)
        item = spec["paths"][path]
        kept = paths.setdefault(path, {k: v for k, v in item.items() if k == "parameters"})
        kept[method.lower()] = item[method.lower()]
    components: dict[str, dict[str, Any]] = {
        "securitySchemes": spec["components"]["securitySchemes"]
    }
    pending = _refs(paths)
    seen: set[str] = set()
    while pending:
        ref = pending.pop()
        seen.add(ref)
        _, _, section, name = ref.split("/")
        component = spec["components"][section][name]
        components.setdefault(section, {})[name] = component
        pending |= _refs(component) - seen
    document: dict[str, Any] = {
        "openapi": spec["openapi"],
        "info": {"title": spec["info"]["title"], "version": spec["info"]["version"]},
        "servers": spec["servers"],
        "security": spec["security"],
        "paths": paths,
        "components": components,
    }
    return {**_without_prose(document), "x-source": SOURCE}


def render(spec: dict[str, Any]) -> str:
    return json.dumps(cut(spec), indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    sys.stdout.write(render(json.loads(source.read_text())))
