"""docs/app.md's recipe, "Pointing it at the real app", as a team follows it: the build output its
`Pulumi.yaml` names is committed (the policy check and the diff read only what is committed), and
the app's version is a digest of its sources, so the same sources build the same bundle wherever
they are checked out, and its own build output never feeds it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

RECIPE = (REPO / "docs" / "app.md").read_text()
APP = "apps/web"  # where the recipe creates the app
# SvelteKit's own files beside the adapter's output (`svelte-kit sync`, `vite build`): not deployed.
SVELTEKIT_WORK = [".svelte-kit/output/server/index.js", ".svelte-kit/ambient.d.ts"]


def _block(language: str, containing: str) -> str:
    """The one fenced block of that language in the recipe that contains the given text."""
    blocks = [
        body
        for lang, body in re.findall(r"^```(\w+)\n(.*?)^```", RECIPE, flags=re.S | re.M)
        if lang == language and containing in body
    ]
    assert len(blocks) == 1, f"docs/app.md: {len(blocks)} {language} blocks with {containing!r}"
    return blocks[0]


def _recipe_paths() -> dict[str, str]:
    """The folders the recipe's Pulumi.yaml points the web Worker at, relative to the project."""
    config = yaml.safe_load(_block("yaml", "assetsDir:"))
    return {
        "bundle": config["bundles"]["value"]["web"]["dir"],
        "assets": config["assetsDir"]["default"],
    }


def test_the_recipes_pulumi_yaml_names_what_its_build_writes() -> None:
    outdir = re.search(r'--outdir "\$PWD/([\w.-]+)"', _block("sh", "wrangler deploy --dry-run"))
    assets = re.search(r'"directory": "([^"]+)"', _block("jsonc", '"assets"'))
    assert outdir, "docs/app.md: no wrangler --outdir"
    assert assets, "docs/app.md: no assets.directory"
    assert _recipe_paths() == {"bundle": f"{APP}/{outdir[1]}", "assets": f"{APP}/{assets[1]}"}


def _ignored(tmp_path: Path, rules: str, paths: list[str]) -> set[str]:
    """Which of the paths (in the app's folder) `git add` leaves out under the app's .gitignore."""
    repo = tmp_path / "repo"
    (repo / APP).mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    (repo / APP / ".gitignore").write_text(rules)
    result = subprocess.run(
        ["git", "-C", str(repo), "check-ignore", "--no-index", "--stdin"],
        input="\n".join(f"{APP}/{path}" for path in paths),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,  # 1: none ignored
    )
    assert result.returncode in (0, 1), result.stderr
    return {line.removeprefix(f"{APP}/") for line in result.stdout.split()}


def test_the_recipes_gitignore_commits_the_build_output_pulumi_yaml_names(tmp_path: Path) -> None:
    bundle, assets = (path.removeprefix(f"{APP}/") for path in _recipe_paths().values())
    deployed = [
        f"{bundle}/_worker.js",
        f"{bundle}/_worker.js.map",
        f"{assets}/_worker.js",
        f"{assets}/.assetsignore",
        f"{assets}/_app/immutable/entry/app.Cq-SuNXF.js",
    ]
    wranglers_readme = "dist-worker/README.md"  # the build's time: not part of the Worker
    scaffold = "node_modules\n/.svelte-kit\n/build\n"  # the rules sv 0.17.1 writes
    assert _ignored(tmp_path, scaffold, deployed) >= {p for p in deployed if ".svelte-kit" in p}
    recipe = scaffold.replace("/.svelte-kit\n", _block("gitignore", ".svelte-kit"))
    assert _ignored(tmp_path, recipe, [*deployed, *SVELTEKIT_WORK, wranglers_readme]) == {
        *SVELTEKIT_WORK,
        wranglers_readme,
    }


def test_the_example_app_keeps_its_build_output_as_the_recipe_says(tmp_path: Path) -> None:
    example = (REPO / "examples" / "workers" / "web" / ".gitignore").read_text()
    paths = [".svelte-kit/cloudflare/_worker.js", ".svelte-kit/cloudflare/.assetsignore"]
    assert _ignored(tmp_path, example, [*paths, *SVELTEKIT_WORK]) == set(SVELTEKIT_WORK)


def _app_version(app: Path) -> str:
    """The recipe's APP_VERSION, computed in the app's folder as its step 5 does."""
    line = re.compile(r"^export APP_VERSION=\$\((.*?)\)$", re.S | re.M)
    command = line.search(_block("sh", "APP_VERSION="))
    assert command, "docs/app.md: no `export APP_VERSION=$(...)` line"
    result = subprocess.run(
        ["bash", "-c", f"set -euo pipefail\n{command[1]}"],
        cwd=app,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def app(tmp_path: Path) -> Path:
    """An app's sources as the recipe leaves them, names with brackets and spaces among them."""
    app = tmp_path / "one" / "web"
    files = {
        "src/routes/+page.svelte": "<h1>otherapp</h1>\n",
        "src/routes/auth/[...path]/+server.ts": "export const fallback = () => new Response();\n",
        "src/lib/a name with spaces.ts": "export const x = 1;\n",
        "static/robots.txt": "User-agent: *\n",
        "package-lock.json": '{"lockfileVersion": 3}\n',
        "vite.config.ts": "export default {};\n",
    }
    for name, text in files.items():
        (app / name).parent.mkdir(parents=True, exist_ok=True)
        (app / name).write_text(text)
    return app


def test_the_app_version_is_the_same_for_the_same_sources_anywhere(
    app: Path, tmp_path: Path
) -> None:
    version = _app_version(app)
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    elsewhere = shutil.copytree(app, tmp_path / "a fresh clone" / "web")
    assert _app_version(elsewhere) == version
    (app / "static" / "robots.txt").touch()  # a new checkout's times change nothing
    assert _app_version(app) == version


def test_the_app_version_ignores_its_own_build_output(app: Path) -> None:
    version = _app_version(app)
    for built in ("dist-worker/_worker.js", ".svelte-kit/cloudflare/_app/version.json"):
        (app / built).parent.mkdir(parents=True, exist_ok=True)
        (app / built).write_text(f'{{"version": "{version}"}}\n')
    assert _app_version(app) == version


@pytest.mark.parametrize(
    "change",
    [
        "src/routes/auth/[...path]/+server.ts",  # a route's code
        "src/lib/a name with spaces.ts",
        "static/robots.txt",  # a static asset
        "package-lock.json",  # a dependency
        "vite.config.ts",
    ],
)
def test_any_change_to_the_sources_is_a_new_version(app: Path, change: str) -> None:
    version = _app_version(app)
    with (app / change).open("a") as file:
        file.write("\n")
    assert _app_version(app) != version


def test_a_new_source_file_is_a_new_version(app: Path) -> None:
    version = _app_version(app)
    (app / "src" / "routes" / "about").mkdir()
    (app / "src" / "routes" / "about" / "+page.svelte").write_text("<h1>About</h1>\n")
    assert _app_version(app) != version
