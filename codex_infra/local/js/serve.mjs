// Runs one local environment's Workers in Cloudflare's runtime (workerd, through miniflare).
// argv[2]: a JSON file of Miniflare options, written by codex_infra.local from the program's plan.
// Its `neon` key, if there, is the local Neon endpoint (codex_infra/local/neon.py): a router Worker
// to add beside the others, and the config of the bridge (neon/bridge.mjs) it sends requests to.
// stdout: one JSON line, {"ready": true} or {"error": CODE, "message": TEXT}; then the Workers' logs.
import { readFileSync } from "node:fs";
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions } from "miniflare";
import { neonBridge } from "./neon/bridge.mjs";

const { neon, ...options } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
const bridge = neon && neonBridge(neon.bridge);
let mf;

if (bridge) {
  options.workers.push({ ...neon.router, serviceBindings: { BRIDGE: bridge.fetch } });
}

async function stop(code) {
  try {
    await mf?.dispose();
    await bridge?.close();
  } finally {
    process.exit(code);
  }
}

process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

try {
  mf = new Miniflare(convertV4MiniflareOptions({ ...options, log: new Log(LogLevel.INFO) }));
  await mf.ready;
  say({ ready: true });
} catch (error) {
  say({ error: error?.code ?? error?.name ?? "Error", message: String(error?.message ?? error) });
  await stop(1);
}
