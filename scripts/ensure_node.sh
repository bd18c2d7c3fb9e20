#!/usr/bin/env bash
# Prints the path of a Node binary of the exact VERSION, fetching it once from the npm registry
# (the official build, published as node-linux-<arch>) into a cache outside the repo.
# Usage: scripts/ensure_node.sh 22.23.3
set -euo pipefail
version="${1:?usage: ensure_node.sh VERSION}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure_node: no node-linux package for $(uname -m)" >&2; exit 1 ;;
esac
cache="${XDG_CACHE_HOME:-$HOME/.cache}/openrouter-ci"
dir="$cache/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.fetch-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-$arch@$version" >/dev/null)
  mkdir -p "$tmp/out"
  tar -xzf "$tmp/node-linux-$arch-$version.tgz" -C "$tmp/out" --strip-components=1 package/bin/node package/LICENSE
  rm -rf "$dir"
  mv "$tmp/out" "$dir"
fi
actual="$("$dir/bin/node" --version)"
if [ "$actual" != "v$version" ]; then
  echo "ensure_node: $dir/bin/node is $actual, expected v$version" >&2
  exit 1
fi
echo "$dir/bin/node"
