"""TLS in front of a local PostgreSQL, as Neon's proxy is in front of its computes.

Neon's connection strings say `sslmode=require` and the embedded PostgreSQL is built without TLS:
this front answers a client's SSLRequest with "S", completes TLS with a throwaway certificate, and
passes the plain protocol on to the server. A client that will not speak TLS is refused, as Neon
refuses it. Each `route` is a port of its own whose clients reach one database, whatever database
they name: a Neon branch's endpoint, whose `neondb` is that branch's own. Loopback only; stopped
with the test.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
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


async def _startup(reader: asyncio.StreamReader, database: str) -> bytes:
    """The client's StartupMessage, its `database` replaced (the protocol's key\0value\0 pairs)."""
    (length,) = struct.unpack("!I", await reader.readexactly(4))
    body = await reader.readexactly(length - 4)
    protocol, pairs = body[:4], body[4:].rstrip(b"\0").split(b"\0")
    settings = dict(zip(pairs[::2], pairs[1::2], strict=True))
    settings[b"database"] = database.encode()
    packed = protocol + b"".join(k + b"\0" + v + b"\0" for k, v in settings.items()) + b"\0"
    return struct.pack("!I", len(packed) + 4) + packed


class TlsFront:
    def __init__(self, backend_port: int) -> None:
        self.backend_port = backend_port
        self._context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        with tempfile.TemporaryDirectory() as scratch:
            cert = trustme.CA().issue_cert(LOOPBACK)
            chain, key = Path(scratch) / "cert.pem", Path(scratch) / "key.pem"
            cert.cert_chain_pems[0].write_to_path(str(chain))
            cert.private_key_pem.write_to_path(str(key))
            self._context.load_cert_chain(chain, key)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._servers: list[asyncio.Server] = []
        self._writers: set[asyncio.StreamWriter] = set()

    async def _serve(
        self, database: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
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
            startup = await _startup(reader, database)
            server_reader, server_writer = await asyncio.open_connection(
                LOOPBACK, self.backend_port
            )
            self._writers.add(server_writer)
            server_writer.write(startup)
        except (asyncio.IncompleteReadError, ConnectionError, ssl.SSLError, OSError):
            writer.close()
            return
        await asyncio.gather(_pump(reader, server_writer), _pump(server_reader, writer))

    def start(self) -> TlsFront:
        self._thread.start()
        return self

    def route(self, database: str) -> int:
        """A new port whose clients reach `database`."""
        serve = functools.partial(self._serve, database)
        started = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(serve, LOOPBACK, 0), self._loop
        )
        server = started.result(timeout=10)
        self._servers.append(server)
        return server.sockets[0].getsockname()[1]

    async def _shutdown(self) -> None:
        for server in self._servers:
            server.close()
            await server.wait_closed()
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
