"""A comparison as people read it: a Markdown summary (terminal, job summary, PR comment) and a
self-contained HTML report (every image inside it, so the one file can be opened anywhere).

Page paths and labels come from pages and from reports made elsewhere: in Markdown every character
that could make a link, an image, a mention, HTML or a table cell is written as an entity.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from pathlib import Path

from codex_infra.visual.model import Comparison, Manifest, Outcome, Result

SUMMARY = "summary.md"
REPORT = "report.html"
# Characters Markdown shows as they are, wherever they stand.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 /-,")
MAX_LISTED_BOXES = 3
OK = 200
# Where each side's images are, for an image link: (side, file name) -> URL.
ImageUrl = Callable[[str, str], str]


def md_text(text: str) -> str:
    """`text` as Markdown shows it, literally."""
    return "".join(c if c in _PLAIN else f"&#{ord(c)};" for c in text)


def _percent(share: float) -> str:
    return f"{share:.2%}" if share >= 0.0001 or share == 0 else "<0.01%"


def _status(result: Result) -> str:
    """HTTP statuses worth a word: anything but 200 on either side."""
    sides = (result.before_status, result.after_status)
    statuses = sorted({s for s in sides if s is not None and s != OK})
    return f" (HTTP {', '.join(map(str, statuses))})" if statuses else ""


def _boxes(result: Result) -> str:
    shown = ", ".join(
        f"{b.width}x{b.height} at {b.x},{b.y}" for b in result.boxes[:MAX_LISTED_BOXES]
    )
    more = len(result.boxes) - MAX_LISTED_BOXES
    return shown + (f" and {more} more" if more > 0 else "")


def headline(comparison: Comparison) -> str:
    changed = comparison.changed()
    if not changed:
        return f"No visual changes ({len(comparison.results)} screenshots compared)"
    return f"{len(changed)} of {len(comparison.results)} screenshots differ"


def render_markdown(
    comparison: Comparison,
    image_url: ImageUrl | None = None,
    text: Callable[[str], str] = md_text,
) -> str:
    """The summary; with `image_url`, each changed screenshot's images inline below it. `text`
    writes page paths and labels (`str` for a terminal)."""
    lines = [
        f"### Visual review: {headline(comparison)}",
        "",
        f"{text(comparison.before)} → {text(comparison.after)}",
        "",
    ]
    changed = comparison.changed()
    if changed:
        lines += ["| Page | Viewport | Result | Changed pixels | Changed regions |"]
        lines += ["| --- | --- | --- | --- | --- |"]
        for r in changed:
            share = _percent(r.share) if r.outcome is Outcome.CHANGED else ""
            lines.append(
                f"| {text(r.page)} | {r.viewport} | **{r.outcome.value}**{_status(r)} "
                f"| {share} | {_boxes(r)} |"
            )
        lines.append("")
    unchanged = [r for r in comparison.results if r.outcome is Outcome.UNCHANGED]
    if unchanged:
        listed = ", ".join(f"{text(r.page)} at {r.viewport}" for r in unchanged)
        lines += [f"Unchanged: {listed}.", ""]
    if image_url is not None:
        for r in changed:
            lines += _images(r, image_url)
    return "\n".join(lines).rstrip("\n") + "\n"


def _images(result: Result, image_url: ImageUrl) -> list[str]:
    cells = [
        (title, image_url(side, name))
        for title, side, name in (
            ("Before", "before", result.before),
            ("After", "after", result.after),
            ("Changed pixels", "diffs", result.diff),
        )
        if name is not None
    ]
    return [
        f"#### {md_text(result.page)} at {result.viewport}: {result.outcome.value}",
        "",
        "| " + " | ".join(title for title, _ in cells) + " |",
        "| " + " | ".join("---" for _ in cells) + " |",
        "| " + " | ".join(f'<img src="{url}" width="300">' for _, url in cells) + " |",
        "",
    ]


def render_gallery(manifest: Manifest, image_url: ImageUrl | None, link: str) -> str:
    """A deployed environment's screenshots (`codex-infra snapshot --url`): inline where
    `image_url` places them, else a link to where they are kept."""
    lines = [f"#### Screenshots of {md_text(manifest.url)}", ""]
    if image_url is None:
        count = len(manifest.shots)
        return "\n".join([*lines, f"{count} screenshots: [in the artifacts of this run]({link})."])
    viewports = list(dict.fromkeys(s.viewport for s in manifest.shots))
    shots = {s.key: s for s in manifest.shots}
    lines += ["| Page | " + " | ".join(viewports) + " |"]
    lines += ["| --- |" + " --- |" * len(viewports)]
    for page in dict.fromkeys(s.page for s in manifest.shots):
        cells = [
            f'<img src="{image_url("snapshots", shot.file)}" width="240">' if shot else ""
            for shot in (shots.get((page, v)) for v in viewports)
        ]
        lines.append(f"| {md_text(page)} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1f2328; }
table.summary { border-collapse: collapse; margin-bottom: 24px; }
table.summary td, table.summary th { border: 1px solid #d0d7de; padding: 4px 8px; }
.changed { color: #b3261e; font-weight: 600; }
.added, .removed { color: #8250df; font-weight: 600; }
.sides { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; align-items: start; }
.sides figure { margin: 0; } .sides img { width: 100%; border: 1px solid #d0d7de; }
figcaption { font-weight: 600; margin-bottom: 4px; }
"""


def _embedded(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def render_html(comparison: Comparison, folder: Path) -> str:
    """One file, images included (`folder` holds before/, after/ and diffs/)."""
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(r.page)}</td><td>{e(r.viewport)}</td>"
        f'<td class="{r.outcome.value}">{r.outcome.value}{e(_status(r))}</td>'
        f"<td>{_percent(r.share) if r.outcome is Outcome.CHANGED else ''}</td>"
        f"<td>{e(_boxes(r))}</td></tr>"
        for r in comparison.results
    )
    sections: list[str] = []
    for r in comparison.changed():
        figures = "".join(
            f"<figure><figcaption>{title}</figcaption>"
            f'<img alt="{title}" src="{_embedded(folder / side / name)}"></figure>'
            if name is not None
            else f"<figure><figcaption>{title}</figcaption><p>(none)</p></figure>"
            for title, side, name in (
                ("Before", "before", r.before),
                ("After", "after", r.after),
                ("Changed pixels", "diffs", r.diff),
            )
        )
        sections.append(
            f"<h2>{e(r.page)} at {e(r.viewport)}: {r.outcome.value}</h2>"
            f'<div class="sides">{figures}</div>'
        )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Visual review: {e(headline(comparison))}</title><style>{_STYLE}</style></head>"
        f"<body><h1>Visual review: {e(headline(comparison))}</h1>"
        f"<p>Before: {e(comparison.before)}<br>After: {e(comparison.after)}<br>"
        f"Threshold: {comparison.threshold:g} (YIQ colour distance; anti-aliasing not counted)</p>"
        '<table class="summary"><tr><th>Page</th><th>Viewport</th><th>Result</th>'
        f"<th>Changed pixels</th><th>Changed regions</th></tr>{rows}</table>"
        f"{''.join(sections)}</body></html>\n"
    )


def write_reports(comparison: Comparison, folder: Path) -> str:
    """summary.md and report.html into the comparison's folder; returns the summary."""
    summary = render_markdown(comparison)
    (folder / SUMMARY).write_text(summary)
    (folder / REPORT).write_text(render_html(comparison, folder))
    return summary
