// Runs one local environment's Workers in Cloudflare's runtime (workerd, through miniflare).
// argv[2]: a JSON file of Miniflare options, written by codex_infra.local from the program's plan.
// stdout: one JSON line, {"ready": true} or {"error": CODE, "message": TEXT}; then the Workers' logs.
import { readFileSync } from "node:fs";
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions } from "miniflare";

const options = JSON.parse(readFileSync(process.argv[2], "utf8"));
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
let mf;

async function stop(code) {
  try {
    await mf?.dispose();
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
