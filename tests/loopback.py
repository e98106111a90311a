"""A WSGI app served on a free port of 127.0.0.1 by a daemon thread: the fakes' HTTP side."""

from __future__ import annotations

import threading
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server


class LoopbackServer:
    def __init__(self, app: Any, name: str) -> None:
        self._app = app
        self._name = name
        self._server: BaseWSGIServer | None = None

    def start(self) -> None:
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        ).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def url(self, path: str) -> str:
        assert self._server is not None, f"{self._name} is not started"
        return f"http://127.0.0.1:{self._server.server_port}{path}"
