// The outbound service of every Worker that has the database (a Worker of its own, in workerd).
// @neondatabase/serverless reaches Neon at https://<host>/sql and wss://<host>/v2, port dropped: for
// the database's host, those two go to the bridge (Node, bridge.mjs, bound as BRIDGE); every other
// request leaves as it would have without this Worker.
export default {
  fetch(request, env) {
    const url = new URL(request.url);
    const upgrade = request.headers.get("upgrade")?.toLowerCase() === "websocket";
    const neon =
      url.port === "" && env.NEON_HOSTS.includes(url.hostname) && (upgrade || url.pathname === "/sql");
    return neon ? env.BRIDGE.fetch(request) : fetch(request);
  },
};
