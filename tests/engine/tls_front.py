"""TLS in front of a local PostgreSQL, as Neon's proxy is in front of its computes.

Neon's connection strings say `sslmode=require` and the embedded PostgreSQL is built without TLS:
this front answers a client's SSLRequest with "S", completes TLS with a throwaway certificate, and
passes the plain protocol on to the server. A client that will not speak TLS is refused, as Neon
refuses it. Loopback only; stopped with the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import struct
import tempfile
import threading
from collections.abc import Generator
from pathlib import Path

import trustme

LOOPBACK = "127.0.0.1"
SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, ssl.SSLError):
        pass
    finally:
        writer.close()


class TlsFront:
    def __init__(self, backend_port: int) -> None:
        self.backend_port = backend_port
        self.port = 0
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        with tempfile.TemporaryDirectory() as scratch:
            cert = trustme.CA().issue_cert(LOOPBACK)
            chain, key = Path(scratch) / "cert.pem", Path(scratch) / "key.pem"
            cert.cert_chain_pems[0].write_to_path(str(chain))
            cert.private_key_pem.write_to_path(str(key))
            self._context.load_cert_chain(chain, key)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                length, code = struct.unpack("!II", await reader.readexactly(8))
                if length == 8 and code == GSSENC_REQUEST:
                    writer.write(b"N")  # no GSSAPI: the client goes on with an SSLRequest
                    continue
                if length != 8 or code != SSL_REQUEST:
                    return  # plain text: refused, as Neon refuses it
                writer.write(b"S")
                await writer.drain()
                await writer.start_tls(self._context)
                break
            server_reader, server_writer = await asyncio.open_connection(
                LOOPBACK, self.backend_port
            )
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError, OSError):
            writer.close()
            return
        await asyncio.gather(_pump(reader, server_writer), _pump(server_reader, writer))

    def start(self) -> TlsFront:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._serve, LOOPBACK, 0), self._loop
        )
        self._server = started.result(timeout=10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for writer in self._writers:
            writer.close()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()


@contextlib.contextmanager
def tls_front(backend_port: int) -> Generator[TlsFront]:
    front = TlsFront(backend_port).start()
    try:
        yield front
    finally:
        front.stop()
