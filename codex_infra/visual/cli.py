"""`codex-infra snapshot`, `compare` and `visual`: the commands of visual review.

The browser driver and the image libraries are imported by the commands that use them: at the
top they would cost every other codex-infra command most of a second.
"""

from __future__ import annotations

from collections.abc import Generator
from contextlib import contextmanager
from pathlib import Path

import click

from codex_infra.engine.plan import find_root
from codex_infra.errors import INTERRUPTED, CodexCommand, CodexError, UsageError
from codex_infra.local import environment
from codex_infra.visual.model import DEFAULT_TIMEOUT, THRESHOLD, VisualError
from codex_infra.visual.report import REPORT, render_markdown, write_reports

# Where the commands write unless told otherwise (gitignored).
OUTPUT = Path(".codex-visual")

timeout_option = click.option(
    "--timeout",
    type=click.FloatRange(1, 600),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds a page may take to settle.",
)
threshold_option = click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=THRESHOLD,
    show_default=True,
    help="Colour distance (YIQ, 0 to 1) below which a pixel counts as unchanged.",
)


@contextmanager
def _stopped_cleanly() -> Generator[None]:
    """What a command started (a browser, replicas) is stopped on the way out, Ctrl-C too."""
    try:
        yield
    except KeyboardInterrupt:
        raise CodexError("interrupted: nothing is left running", INTERRUPTED) from None


def _local_url(root: Path, stack: str) -> str:
    (record,) = environment.status(root, stack) or [None]
    if record is None:
        raise VisualError(
            f"{stack} is not running locally: `codex-infra local up {stack}` first, or give --url"
        )
    if record["state"] != "running":
        raise VisualError(f"{stack} has crashed ({'; '.join(record['problems'])}): restart it")
    url = record["env"].get("WEB_URL")
    if not url:
        raise VisualError(f"{stack} has no webUrl output to snapshot")
    return str(url)


@click.command(cls=CodexCommand)
@click.argument("stack")
@click.option("--url", help="Base URL of a deployed environment [default: STACK running locally]")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Folder for the PNGs and manifest.json [default: {OUTPUT}/snapshots/STACK]",
)
@timeout_option
def snapshot(stack: str, url: str | None, output: Path | None, timeout: float) -> None:
    """Screenshot STACK's pages (visualPages) at each viewport (visualViewports)."""
    from codex_infra.visual import browser
    from codex_infra.visual import snapshot as snapshots

    root = find_root()
    out = output or root / OUTPUT / "snapshots" / stack
    with _stopped_cleanly():
        settings = snapshots.visual_settings(root, stack)
        base = url or _local_url(root, stack)
        with browser.chromium() as chromium:
            manifest = snapshots.snapshot(base, settings, chromium, out, timeout)
    click.echo(snapshots.summary_line(manifest, out))


@click.command(cls=CodexCommand)
@click.argument("before", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("after", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Folder for the report [default: {OUTPUT}/compare]",
)
@threshold_option
def compare(before: Path, after: Path, output: Path | None, threshold: float) -> None:
    """Compare two snapshot folders; prints the Markdown summary, writes the report."""
    from codex_infra.visual import compare as comparing

    out = output or find_root() / OUTPUT / "compare"
    with _stopped_cleanly():
        comparison = comparing.compare(before, after, out, comparing.odiff(), threshold)
        write_reports(comparison, out)
    click.echo(render_markdown(comparison, text=str) + f"\nReport: {out / REPORT}")


@click.command(cls=CodexCommand)
@click.argument("stack")
@click.option("--base", "base_ref", required=True, help="The revision to compare with.")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help=f"Folder for the report [default: {OUTPUT}/STACK]",
)
@click.option("--build", help="Command that builds the Worker bundles, run in each revision.")
@timeout_option
@threshold_option
def visual(
    stack: str,
    base_ref: str,
    output: Path | None,
    build: str | None,
    timeout: float,
    threshold: float,
) -> None:
    """STACK's pages at BASE and in the working tree, both on local replicas, compared."""
    from codex_infra.visual import browser, review
    from codex_infra.visual import compare as comparing

    root = find_root()
    out = output or root / OUTPUT / stack
    with _stopped_cleanly():
        comparison = review.visual_review(
            root,
            stack,
            base_ref,
            out,
            review.replicas_for(root),
            browser.chromium,
            comparing.odiff(),
            build,
            timeout,
            threshold,
        )
    click.echo(render_markdown(comparison, text=str) + f"\nReport: {out / REPORT}")


@click.command("visual-comment", cls=CodexCommand)
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(["comparison", "snapshots"]),
    required=True,
    help="A compare/visual report, or a snapshot folder (a deployed preview's).",
)
@click.option("--run-url", required=True, help="The run whose artifacts hold the report.")
@click.option("--images-url", help="Where the published images will be (public repositories).")
@click.option(
    "--publish",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the checked images to publish (with --images-url).",
)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def visual_comment(
    folder: Path,
    kind: str,
    run_url: str,
    images_url: str | None,
    publish: Path | None,
    output: Path,
) -> None:
    """The PR comment of a report nobody trusts (a fork's CI artifact): for trusted jobs."""
    from codex_infra.visual import comment

    if (images_url is None) != (publish is None):
        raise UsageError("--images-url and --publish go together")
    render = comment.comparison_comment if kind == "comparison" else comment.snapshots_comment
    with _stopped_cleanly():
        text = render(folder, run_url, images_url, publish or folder)
    output.write_text(text)
