#!/usr/bin/env bash
# Runs the whole test suite (`vitest run`) on each Node version × @langchain/core version:
# the Node on PATH (primary, 20.x) and MATRIX_NODE_VERSIONS (scripts/ci_versions.sh), with the
# lockfile's core and with the lowest 1.2.x. Prints `cell node22×core1.2.0: N passed, M failed, K skipped`
# per cell; reports in .tmp/matrix/. MATRIX_PRIMARY_REPORT=path reuses a report of the primary cell
# (Node on PATH × locked core) instead of running it again. Leaves node_modules as `npm ci` makes it.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/ci_versions.sh
out=.tmp/matrix
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log
status=0

declare -a nodes=("$(command -v node)")
for version in $MATRIX_NODE_VERSIONS; do
  nodes+=("$(scripts/ensure_node.sh "$version")") || exit 1
done

run_cell() { # core-version
  local core="$1" node major label report
  for node in "${nodes[@]}"; do
    major="$("$node" -p 'process.versions.node.split(".")[0]')"
    label="node${major}×core${core}"
    report="$out/node${major}-core${core}.json"
    if [ "$node" = "${nodes[0]}" ] && [ "$core" = "$MATRIX_CORE_LOCKED" ] && [ -n "${MATRIX_PRIMARY_REPORT:-}" ]; then
      report="$MATRIX_PRIMARY_REPORT" # already run; not copied, so totals count it once
    else
      PATH="$(dirname "$node"):$PATH" "$node" node_modules/vitest/vitest.mjs run \
        --reporter=default --reporter=json --outputFile.json="$report" >"$out/node${major}-core${core}.log" 2>&1 || status=1
    fi
    node scripts/ci_summary.mjs cell "$label" "$report"
  done
}

run_cell "$MATRIX_CORE_LOCKED"

restore() { npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null 2>&1 || npm ci --no-audit --no-fund; }
trap restore EXIT
# --no-save: the lockfile keeps the latest core; restore() reinstalls it afterwards
# shellcheck disable=SC2086 # MATRIX_CORE_LOWEST_WITH is a list of package specs
npm install --no-save --no-audit --no-fund --prefer-offline --loglevel=error "@langchain/core@$MATRIX_CORE_LOWEST" $MATRIX_CORE_LOWEST_WITH >"$out/install-core${MATRIX_CORE_LOWEST}.log" 2>&1 || { cat "$out/install-core${MATRIX_CORE_LOWEST}.log"; exit 1; }
installed="$(node -p 'require("@langchain/core/package.json").version')"
copies="$(find node_modules -path '*/@langchain/core/package.json' | wc -l)"
if [ "$installed" != "$MATRIX_CORE_LOWEST" ] || [ "$copies" != 1 ]; then
  echo "ci_matrix: wanted one @langchain/core $MATRIX_CORE_LOWEST, got $installed ($copies copies)" >&2
  exit 1
fi
# users compile against the core they have: our sources and tests must type-check on the lowest too
if npx tsc --noEmit -p tsconfig.json >"$out/typecheck-core${MATRIX_CORE_LOWEST}.log" 2>&1; then
  echo "typecheck with core${MATRIX_CORE_LOWEST}: ok"
else
  echo "typecheck with core${MATRIX_CORE_LOWEST}: FAILED"; head -20 "$out/typecheck-core${MATRIX_CORE_LOWEST}.log"; status=1
fi
run_cell "$MATRIX_CORE_LOWEST"
exit $status
