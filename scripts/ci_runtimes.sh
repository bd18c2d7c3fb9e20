#!/usr/bin/env bash
# The runtime checks (vitest.runtimes.config.ts): the packed tarball imported and required on every
# Node of the matrix with each core version, on Bun and Deno, bundled into a Worker on workerd (without
# and with nodejs_compat), the ESM bundle in headless Chromium, no Node built-ins. Needs `npm run build`
# and Chromium (CHROMIUM_PATH, default /usr/bin/chromium); Bun, Deno and workerd come with `npm ci`
# (exact devDependencies). Report: .tmp/runtimes.json
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ci_versions.sh
binaries=()
for version in $MATRIX_NODE_VERSIONS; do binaries+=("$(scripts/ensure_node.sh "$version")"); done
export RUNTIME_NODE_BINARIES="$(IFS=:; echo "${binaries[*]}")"
export PACK_CORE_VERSIONS="$MATRIX_CORE_LOCKED $MATRIX_CORE_LOWEST"
mkdir -p .tmp
rm -f .tmp/runtimes.json
status=0
npx vitest run -c vitest.runtimes.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/runtimes.json "$@" || status=$?
node scripts/ci_summary.mjs cell "runtimes(node$(node -p 'process.versions.node.split(".")[0]'))" .tmp/runtimes.json
exit $status
