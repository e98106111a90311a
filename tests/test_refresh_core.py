"""`codex-infra refresh`'s order of work over stand-ins for the two databases and the tools: what
is checked before anything is touched, and what is said when the copy fails halfway. (The real
copies, against PostgreSQL, are in test_refresh.py.)"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codex_infra.errors import FAULT, USAGE_ERROR, CodexError, FaultError, UsageError
from codex_infra.operations.refresh import (
    MASK_KEY_ENV,
    Identity,
    Mask,
    check_versions,
    refresh,
)


@dataclass
class Journal:
    """What was done, in order, to either side."""

    steps: list[str] = field(default_factory=list[str])


@dataclass
class Side:
    journal: Journal
    name: str
    who: Identity
    major: int = 18
    bad_mask: str | None = None

    def identity(self) -> Identity:
        return self.who

    def server_major(self) -> int:
        return self.major

    def check_masks(self, masks: Sequence[Mask]) -> None:
        for mask in masks:
            if mask.where == self.bad_mask:
                raise UsageError(f"mask {mask.where}: no such column in the source")

    def empty(self) -> None:
        self.journal.steps.append(f"empty {self.name}")

    def apply_masks(self, masks: Sequence[Mask], key: str) -> None:
        self.journal.steps.append(f"mask {[m.where for m in masks]} with {key}")

    def table_counts(self) -> list[tuple[str, int]]:
        return [("public.users", 3)]


@dataclass
class Tools:
    journal: Journal
    dump_major: int = 18
    restore_major: int = 18
    restore_fails: bool = False

    def majors(self) -> tuple[int, int]:
        return self.dump_major, self.restore_major

    def dump(self, file: Path, schema_only: bool) -> None:
        self.journal.steps.append(f"dump{' schema' if schema_only else ''}")
        file.write_bytes(b"dump")

    def restore(self, file: Path) -> None:
        self.journal.steps.append(f"restore {file.read_bytes().decode()}")
        if self.restore_fails:
            raise FaultError("pg_restore failed on dst on db.example: error: out of space")


SOURCE = Identity(7, 16384, "timeline-a")
TARGET = Identity(7, 16384, "timeline-b")  # another branch of the same Neon project
MASKS = [Mask("public", "users", "email", "email")]


def sides(
    journal: Journal, target: Identity = TARGET, major: int = 18, bad_mask: str | None = None
) -> tuple[Side, Side]:
    src = Side(journal, "src on db.example", SOURCE, major, bad_mask)
    return src, Side(journal, "dst on db.example", target)


def test_a_copy_dumps_then_empties_restores_and_masks_the_target() -> None:
    journal = Journal()
    src, dst = sides(journal)
    copied = refresh(src, dst, Tools(journal), False, MASKS, "k")
    assert journal.steps == [
        "dump",
        "empty dst on db.example",
        "restore dump",
        "mask ['public.users.email'] with k",
    ]
    assert copied.tables == [("public.users", 3)]
    assert copied.masked == MASKS


def test_the_same_database_is_refused_before_anything_is_done() -> None:
    journal = Journal()
    src, dst = sides(journal, target=SOURCE)
    with pytest.raises(UsageError, match="the source and the target are the same database") as e:
        refresh(src, dst, Tools(journal), False, [], "")
    assert "(src on db.example and dst on db.example are database OID 16384 of cluster 7" in str(
        e.value
    )
    assert journal.steps == []


@pytest.mark.parametrize(
    ("bad_mask", "majors", "message"),
    [
        ("public.users.email", (18, 18, 18), "mask public.users.email: no such column"),
        (None, (18, 16, 16), "pg_dump 16 cannot dump the source's PostgreSQL 18"),
        (None, (18, 18, 17), "pg_dump 18 and pg_restore 17 are of different majors"),
        (None, (17, 18, 18), "the source runs PostgreSQL 17 and the target 18"),
    ],
)
def test_masks_and_versions_are_checked_before_the_dump(
    bad_mask: str | None, majors: tuple[int, int, int], message: str
) -> None:
    journal = Journal()
    source_major, dump_major, restore_major = majors
    src, dst = sides(journal, major=source_major, bad_mask=bad_mask)
    with pytest.raises(UsageError, match=message):
        refresh(src, dst, Tools(journal, dump_major, restore_major), False, MASKS, "k")
    assert journal.steps == []


def test_masking_by_digest_needs_a_key_and_a_fixed_value_does_not() -> None:
    journal = Journal()
    src, dst = sides(journal)
    with pytest.raises(UsageError, match=f"needs a key: set {MASK_KEY_ENV}"):
        refresh(src, dst, Tools(journal), False, MASKS, "")
    assert journal.steps == []
    fixed = [Mask("public", "users", "phone", "fixed:000")]
    refresh(src, dst, Tools(journal), True, fixed, "")
    assert journal.steps[0] == "dump schema"


def test_a_failed_restore_says_the_target_is_incomplete() -> None:
    journal = Journal()
    src, dst = sides(journal)
    with pytest.raises(FaultError) as failed:
        refresh(src, dst, Tools(journal, restore_fails=True), False, MASKS, "k")
    assert str(failed.value) == (
        "pg_restore failed on dst on db.example: error: out of space"
        " (the target is incomplete: run again)"
    )
    assert failed.value.exit_code == FAULT
    assert journal.steps == ["dump", "empty dst on db.example", "restore dump"]  # no masks


def test_version_rules_on_their_own() -> None:
    check_versions(16, 16, 18, 18)  # newer tools read an older server
    with pytest.raises(CodexError) as refused:
        check_versions(18, 18, 17, 17)
    assert refused.value.exit_code == USAGE_ERROR
