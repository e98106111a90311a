"""The machine's own Chromium or Chrome, driven by Playwright for Python: never a browser download.

Renders are pinned so that the same page gives the same pixels: device scale 1, UTC, en-US, a
frozen clock, reduced motion, animations stopped and the caret hidden at capture, and whatever
carries `data-visual-ignore` painted over in one flat colour.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from playwright.sync_api import Browser as PlaywrightBrowser
from playwright.sync_api import BrowserContext, Page, Response, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from codex_infra.errors import one_line
from codex_infra.visual.model import VisualError
from components.settings import Viewport

BROWSER_ENV = "VISUAL_BROWSER"
# Debian's package, then the names Chrome and Chromium go by elsewhere (GitHub's runners).
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
IGNORE = "[data-visual-ignore]"
MASK_COLOUR = "#FF00FF"
# What every page's Date says: a fixed instant, so dates on a page never differ between renders.
FROZEN_TIME = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
LAUNCH_TIMEOUT = 30.0
# Pages loading at once in one browser.
BATCH = 8
# In the browser's environment, with our PID: every process of a browser we started can be found
# (by tests proving none is left), whichever process it was reparented to.
OWNER_ENV = "CODEX_VISUAL_OWNER"


@dataclass(frozen=True)
class Render:
    png: bytes
    status: int | None  # the page's HTTP status (None: no response, e.g. a failed navigation)


def find_browser(explicit: str | None = None) -> str:
    """`VISUAL_BROWSER` (a path or a name on PATH), else the first of BROWSERS on PATH."""
    wanted = explicit or os.environ.get(BROWSER_ENV)
    for name in [wanted] if wanted else BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if wanted:
        raise VisualError(f"{BROWSER_ENV}={wanted}: no such browser")
    raise VisualError(
        f"no Chromium or Chrome on PATH (looked for {', '.join(BROWSERS)}): install Debian's "
        f"chromium, or name one in {BROWSER_ENV}"
    )


@dataclass(frozen=True)
class Request:
    url: str
    viewport: Viewport
    what: str  # names the page in errors: its path and viewport


class Chromium:
    """One browser for many renders; each render in a context of its own (no shared cookies)."""

    def __init__(self, browser: PlaywrightBrowser, frozen_time: dt.datetime) -> None:
        self._browser = browser
        self._frozen_time = frozen_time

    def render(self, requests: Sequence[Request], timeout: float) -> list[Render]:
        """Each page whole, once it has settled (network idle, fonts loaded) within `timeout`
        seconds of its start. BATCH pages load at once (most of a load is waiting), then are
        captured one by one."""
        renders: list[Render] = []
        for first in range(0, len(requests), BATCH):
            renders += self._batch(requests[first : first + BATCH], timeout)
        return renders

    def _batch(self, requests: Sequence[Request], timeout: float) -> list[Render]:
        contexts: list[BrowserContext] = []
        what = requests[0].what
        try:
            loading: list[tuple[Request, Page, Response | None, float]] = []
            for request in requests:
                what = request.what
                context = self._browser.new_context(
                    viewport={"width": request.viewport.width, "height": request.viewport.height},
                    device_scale_factor=1,
                    timezone_id="UTC",
                    locale="en-US",
                    color_scheme="light",
                    reduced_motion="reduce",
                    service_workers="block",
                )
                contexts.append(context)
                page = context.new_page()
                page.clock.set_fixed_time(self._frozen_time)
                deadline = time.monotonic() + timeout
                response = page.goto(request.url, wait_until="commit", timeout=timeout * 1000)
                loading.append((request, page, response, deadline))
            return [self._capture(*each, timeout) for each in loading]
        except PlaywrightTimeout:
            raise VisualError(f"{what}: no answer within {timeout:g} s") from None
        except PlaywrightError as err:
            raise VisualError(f"{what}: {one_line(err.message, empty='failed')}") from None
        finally:
            for context in contexts:
                context.close()

    def _capture(
        self,
        request: Request,
        page: Page,
        response: Response | None,
        deadline: float,
        timeout: float,
    ) -> Render:
        ms = max(deadline - time.monotonic(), 0.001) * 1000
        try:
            page.wait_for_load_state("networkidle", timeout=ms)
            page.wait_for_function("document.fonts.status === 'loaded'", timeout=ms)
        except PlaywrightTimeout:
            raise VisualError(
                f"{request.what} did not settle within {timeout:g} s (its network never went "
                "idle, or its fonts never loaded)"
            ) from None
        png = page.screenshot(
            full_page=True,
            animations="disabled",
            caret="hide",
            mask=[page.locator(IGNORE)],
            mask_color=MASK_COLOUR,
            timeout=timeout * 1000,
        )
        return Render(png, response.status if response is not None else None)


@contextmanager
def chromium(
    executable: str | None = None, frozen_time: dt.datetime = FROZEN_TIME
) -> Generator[Chromium]:
    """Started here and closed here, whatever happens in between (Playwright's driver too)."""
    path = find_browser(executable)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=path,
                headless=True,
                timeout=LAUNCH_TIMEOUT * 1000,
                env={**os.environ, OWNER_ENV: str(os.getpid())},
            )
        except PlaywrightError as err:
            said = one_line(err.message, empty="failed")
            raise VisualError(f"{path} did not start: {said}") from None
        try:
            yield Chromium(browser, frozen_time)
        finally:
            browser.close()
