"""Every `pulumi …` command line in .github/ parses under the real CLI, as CI would run it.

A line's variables become placeholders; `pulumi "${args[@]}"` is expanded from the script's
`args=(…)`/`args+=(…)` arrays, once for each value its `case "$VAR" in a|b)` allows (an `args+=`
behind `[ "$VAR" = value ]` only for that value). For each line,
`pulumi <line> --help` must exit 0 with the usage of exactly that command (cobra answers an unknown
subcommand with its parent's help), and an unknown flag must fail it: so `--help` checks the flags.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.engine.conftest import Tools
from tests.engine.tools import REPO

pytestmark = pytest.mark.engine

PLACEHOLDER = "x"
#: Where a command starts in a shell line.
COMMAND_START = re.compile(
    r"(?:^|[;&|({]|\$\(|\bthen\b|\bdo\b|\bif\b|\belse\b)\s*pulumi\s", re.MULTILINE
)
#: Redirections, which are the shell's, not the command's.
REDIRECTION = re.compile(r"\s\d?>&\d\b|\s\d?>>?\s*\S+")
ENDS = {";;", ";", "|", "||", "&", "&&", ")", ">", "<", ">>", "2>", "}"}


def _scripts() -> Iterator[tuple[str, str]]:
    for path in sorted(
        [*REPO.glob(".github/workflows/*.yml"), *REPO.glob(".github/actions/*/action.yml")]
    ):
        document: Any = yaml.safe_load(path.read_text())
        steps = [s for job in (document.get("jobs") or {}).values() for s in job.get("steps", [])]
        steps += (document.get("runs") or {}).get("steps", [])
        for step in steps:
            if "run" in step:
                yield str(path.relative_to(REPO)), step["run"]


def _words(text: str) -> list[str]:
    lexer = shlex.shlex(text, posix=True, punctuation_chars=";&|()<>")
    lexer.whitespace_split = True
    return list(lexer)


def _value(word: str) -> str:
    return PLACEHOLDER if "$" in word else word


Array = list[tuple[str | None, str | None, list[str]]]  # (variable, value it needs, words)


def _lines(script: str) -> Iterator[list[str]]:
    """The pulumi command lines of a script, expanded, without `pulumi`."""
    arrays: dict[str, Array] = {}
    cases: dict[str, list[str]] = {}
    for line in script.splitlines():
        for match in re.finditer(r"(\w+)(\+?)=\(([^)]*)\)", line):
            name, append, body = match.groups()
            guard = re.search(r'\[ "\$(\w+)" = (\w+) \]', line[: match.start()])
            needs, wanted = (guard.group(1), guard.group(2)) if guard else (None, None)
            arrays[name] = [
                *(arrays.get(name, []) if append else []),
                (needs, wanted, _words(body)),
            ]
    for match in re.finditer(r'case "\$(\w+)" in ([\w|-]+)\)', script):
        cases[match.group(1)] = match.group(2).split("|")
    for match in COMMAND_START.finditer(script):
        words: list[str] = []
        rest = REDIRECTION.sub(" ", script[match.end() :].split("\n", 1)[0])
        for word in _words(rest):
            if word in ENDS:
                break
            words.append(word)
        yield from _expanded(words, arrays, cases)


def _expanded(
    words: list[str], arrays: dict[str, Array], cases: dict[str, list[str]]
) -> Iterator[list[str]]:
    """The line once for each value of the variable a `case` names in it (once if none)."""
    named = {w.strip('"').lstrip("$") for w in words} | {
        w.lstrip("$") for parts in arrays.values() for _, _, ws in parts for w in ws
    }
    variable = next((v for v in cases if v in named), None)
    for value in cases.get(variable or "", [""]):
        flat: list[str] = []
        for word in words:
            array = re.fullmatch(r"\$\{(\w+)\[@\]\}", word)
            if array is None:
                flat.append(word)
                continue
            for needs, wanted, part in arrays[array.group(1)]:
                if needs is None or (needs == variable and wanted == value):
                    flat += part
        yield [value if w == f"${variable}" else _value(w) for w in flat]


LINES = sorted({(where, tuple(line)) for where, script in _scripts() for line in _lines(script)})


def test_the_workflows_have_pulumi_lines() -> None:
    """The extraction finds what CI runs: a regex that matched nothing would check nothing."""
    first = {line[0] for _, line in LINES}
    assert {"up", "destroy", "preview", "refresh", "cancel", "login", "stack", "config"} <= first
    assert ("up", "--yes", "--non-interactive", "--refresh", "--diff", "--stack", "x") in {
        line[:7] for _, line in LINES
    }


def _pulumi(tools: Tools, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["pulumi", *args],
        env={"PATH": tools.path, "PULUMI_HOME": str(tools.home), "PULUMI_SKIP_UPDATE_CHECK": "1"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(("where", "line"), LINES, ids=[" ".join(line) for _, line in LINES])
def test_each_line_parses_under_the_cli(
    engine_tools: Tools, tmp_path: Path, where: str, line: tuple[str, ...]
) -> None:
    helped = _pulumi(engine_tools, tmp_path, *line, "--help")
    assert helped.returncode == 0, f"{where}: pulumi {' '.join(line)}: {helped.stderr}"
    usage = helped.stdout.split("Usage:", 1)[1].strip().splitlines()[0].split()
    path = [w for w in usage if re.fullmatch(r"[a-z][\w-]*", w)]
    leading = ["pulumi", *[w for w in line if not w.startswith("-")]][: len(path)]
    aliases = re.search(r"Aliases:\n\s*(.*)", helped.stdout)
    names = {path[-1], *(aliases.group(1).split(", ") if aliases else [])}
    assert path[:-1] == leading[:-1], f"{where}: pulumi {' '.join(line)} is not a command ({usage})"
    assert leading[-1] in names, f"{where}: pulumi {' '.join(line)} is not a command ({usage})"
    assert "[command]" not in " ".join(usage), f"{where}: pulumi {' '.join(line)} is a group"
    wrong = _pulumi(engine_tools, tmp_path, *line, "--no-such-flag", "--help")
    assert wrong.returncode != 0
    assert "unknown flag: --no-such-flag" in wrong.stderr
