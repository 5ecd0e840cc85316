#!/usr/bin/env bash
# Copy the front-end libraries the pages use from node_modules (installed by `npm ci` at the
# versions package-lock.json pins) into the package, where the app serves them. Only the
# files the pages load are kept: KaTeX's minified script and style sheet, and woff2 fonts;
# the Swagger UI and ReDoc bundles that /docs and /redoc load, with their licence notices.
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
vendor=service/web/static/vendor

# A fresh folder for a package's files; then the version it holds, said once copied.
fresh() { rm -rf "$1"; mkdir -p "$1"; }
done_with() {
  node -p "require('./node_modules/$1/package.json').version" > "$2/VERSION"
  echo "vendored $1 $(cat "$2/VERSION") into $2"
}

src=node_modules/katex/dist
dst=$vendor/katex
fresh "$dst/fonts"
cp "$src/katex.min.js" "$src/katex.min.css" "$dst/"
cp "$src/contrib/auto-render.min.js" "$dst/"
cp "$src"/fonts/*.woff2 "$dst/fonts/"
done_with katex "$dst"

src=node_modules/swagger-ui-dist
dst=$vendor/swagger-ui
fresh "$dst"
cp "$src/swagger-ui-bundle.js" "$src/swagger-ui-bundle.js.LICENSE.txt" "$src/swagger-ui.css" "$dst/"
cp "$src/LICENSE" "$src/NOTICE" "$dst/"
done_with swagger-ui-dist "$dst"

src=node_modules/redoc
dst=$vendor/redoc
fresh "$dst"
cp "$src/bundles/redoc.standalone.js" "$src/bundles/redoc.standalone.js.LICENSE.txt" "$dst/"
cp "$src/LICENSE" "$dst/"
# The sidebar's credit line shows Redocly's logo from their CDN, and /redoc loads nothing from
# elsewhere: the logo's address becomes an empty image, which ReDoc hides (the credit stays).
logo=https://cdn.redoc.ly/redoc/logo-mini.svg
grep -q "$logo" "$dst/redoc.standalone.js" || { echo "redoc: no $logo to replace" >&2; exit 1; }
sed -i "s#$logo#data:,#" "$dst/redoc.standalone.js"
done_with redoc "$dst"
