// The Node side of the local Neon endpoint: router.mjs (in workerd) sends it Neon's two serverless
// paths for the Workers that have the database. `config`, written by codex_infra/local/neon.py
// (`neon.bridge` in miniflare.json):
//   server     where PostgreSQL listens ({host, port}); the bridge logs in there itself
//   hosts      the database's hostnames, as the Workers' connection strings name them
//   databases  this environment's databases: the only ones served
//   limits     {http_connections, sockets, wait_ms, query_ms, idle_ms, session_idle_ms}
import { SqlOverHttp } from "./http.mjs";
import { SqlOverWebSocket } from "./socket.mjs";

export function neonBridge(config) {
  const http = new SqlOverHttp(config);
  const sockets = new SqlOverWebSocket(config);
  return {
    fetch: (request) =>
      request.headers.get("upgrade")?.toLowerCase() === "websocket" ? sockets.accept() : http.answer(request),
    close: async () => {
      sockets.close();
      await http.close();
    },
  };
}
