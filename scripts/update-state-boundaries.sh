#!/bin/sh
# Refreshes the state boundaries the out-of-state GPS rule uses from the npm package us-atlas
# (Census cartographic boundaries, public domain). Needs npm; run from the repository root.
set -eu
version="${1:-3.0.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "us-atlas@$version" >/dev/null && tar xzf us-atlas-*.tgz)
cp "$work/package/states-10m.json" mappings/src/main/resources/io/leasebridge/gps/rules/states-10m.json
echo "states-10m.json from us-atlas $version copied; update the version in mappings/src/main/resources/io/leasebridge/gps/rules/NOTICE.md"
