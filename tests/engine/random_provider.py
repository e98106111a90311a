"""`pulumi-resource-random`: RandomPassword as pulumi-random documents it. Every input replaces
(a new password), `keepers` included; `result` is secret; the character classes and minimums hold.
Not made: `bcryptHash` (no bcrypt here), which nothing of ours reads."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from tests.engine.standin import Created, Json, Kind, ProviderError, serve

LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
NUMERIC = "0123456789"
SPECIAL = "!@#$%&*()-_=+[]{}<>:?"  # pulumi-random's default set


def password(inputs: Json) -> str:
    def flag(name: str) -> bool:
        value: Any = inputs.get(name)
        return True if value is None else bool(value)

    def count(name: str) -> int:
        return int(inputs.get(name) or 0)

    classes = [
        (LOWER, flag("lower"), count("minLower")),
        (UPPER, flag("upper"), count("minUpper")),
        (NUMERIC, flag("numeric"), count("minNumeric")),
        (inputs.get("overrideSpecial") or SPECIAL, flag("special"), count("minSpecial")),
    ]
    length = int(inputs["length"])
    chosen = [secrets.choice(chars) for chars, on, least in classes if on for _ in range(least)]
    pool = "".join(chars for chars, on, _ in classes if on)
    if not pool or len(chosen) > length:
        raise ProviderError("length is too short for the character classes and minimums asked")
    chosen += [secrets.choice(pool) for _ in range(length - len(chosen))]
    secrets.SystemRandom().shuffle(chosen)
    return "".join(chosen)


class RandomPassword(Kind):
    token = "random:index/randomPassword:RandomPassword"
    replaces_all = True

    def create(self, inputs: Json) -> Created:
        return Created(uuid.uuid4().hex, {"result": password(inputs)}, frozenset({"result"}))

    def read(self, id_: str, state: Json) -> Json | None:
        return state

    def delete(self, id_: str, state: Json) -> None:
        """Nothing outside the state."""


if __name__ == "__main__":
    serve("random", lambda _config: [RandomPassword()])
