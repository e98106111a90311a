// Runs one local environment's Workers in Cloudflare's runtime (workerd, through miniflare).
// argv[2]: a JSON file of Miniflare options, written by codex_infra.local from the program's plan.
// Node loads miniflare while the stack's database is made ready, then waits for a line on stdin,
// written once the options are there; end-of-file first (the command that started it is gone)
// ends it. The options' `neon` key, if there, is the local Neon endpoint (codex_infra/local/
// neon.py): a router Worker to add beside the others, and the config of the bridge
// (neon/bridge.mjs) it sends requests to.
// stdout: one JSON line, {"ready": true} or {"error": CODE, "message": TEXT}; then the Workers' logs.
import { readFileSync } from "node:fs";
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions } from "miniflare";
import { neonBridge } from "./neon/bridge.mjs";

const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
let mf;
let bridge;

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

const told = await new Promise((resolve) => {
  let heard = "";
  process.stdin.on("data", (chunk) => {
    heard += chunk;
    if (heard.includes("\n")) resolve(true);
  });
  process.stdin.on("end", () => resolve(false));
});
if (!told) process.exit(1);

try {
  const { neon, ...options } = JSON.parse(readFileSync(process.argv[2], "utf8"));
  bridge = neon && neonBridge(neon.bridge);
  if (bridge) {
    options.workers.push({ ...neon.router, serviceBindings: { BRIDGE: bridge.fetch } });
  }
  mf = new Miniflare(convertV4MiniflareOptions({ ...options, log: new Log(LogLevel.INFO) }));
  await mf.ready;
  say({ ready: true });
} catch (error) {
  say({ error: error?.code ?? error?.name ?? "Error", message: String(error?.message ?? error) });
  await stop(1);
}
