#!/usr/bin/env bash
# Copy the front-end libraries the pages use from node_modules (installed by `npm ci` at the
# versions package-lock.json pins) into the package, where the app serves them. Only the
# files the pages load are kept: the minified script and style sheet, and woff2 fonts.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
src=node_modules/katex/dist
dst=service/web/static/vendor/katex
rm -rf "$dst"
mkdir -p "$dst/fonts"
cp "$src/katex.min.js" "$src/katex.min.css" "$dst/"
cp "$src/contrib/auto-render.min.js" "$dst/"
cp "$src"/fonts/*.woff2 "$dst/fonts/"
node -p "require('./node_modules/katex/package.json').version" > "$dst/VERSION"
echo "vendored katex $(cat "$dst/VERSION") into $dst"
