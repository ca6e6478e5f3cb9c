#!/usr/bin/env bash
# `npm run build:zapier`: one pushable zip per Zapier app, dist/zapier/<id>/build/build.zip, without Zapier's
# servers. Per app folder:
#   1. npm install of its one dependency (zapier-platform-core, with the folder's overrides) into a copy of the
#      folder outside the repository, from npm's cache when the root install already fetched it (--prefer-offline);
#      `zapier-platform build` refuses a folder without it;
#   2. `zapier-platform validate --without-style`: the schema check, local (the style check needs Zapier's API);
#   3. `zapier-platform build --skip-npm-install --skip-validation`: the CLI's build validates by calling
#      Zapier's API ("Validating project schema and style" fails with "fetch failed" offline), and its hidden
#      --skip-validation flag skips that call together with the local check, which step 2 has already done.
#      It still loads the zipped app ("Testing build") before it reports success.
# zapier-platform-cli needs Node >= 22: the n8n runtime's Node 24 runs it (scripts/n8n-runtime.sh).
# Env: SKIP_BUILD=1 uses the existing dist/zapier (otherwise `npm run build` first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cli="$root/node_modules/.bin/zapier-platform"

[[ "${SKIP_BUILD:-}" == "1" ]] || npm run -s build
node24="$(bash scripts/n8n-runtime.sh)"
zp() { PATH="$(dirname "$node24"):$PATH" DISABLE_ZAPIER_ANALYTICS=1 "$cli" "$@" </dev/null 2>&1; }

built=0
failed=0
for dir in dist/zapier/*/; do
	dir="${dir%/}"
	id="$(basename "$dir")"
	[[ -f "$dir/index.js" && -f "$dir/package.json" ]] || continue
	started=$SECONDS
	# Built in a copy outside the repository, as `zapier-platform push` builds in a temp copy: inside it, the
	# CLI's esbuild scan (which decides the zip's files) also resolves packages from the repository's own
	# node_modules (node-fetch's optional `encoding` → iconv-lite, ~180 kB) that a pushed folder does not have.
	work="$(mktemp -d)"
	cp -r "$dir/." "$work/" && rm -rf "$work/node_modules" "$work/build"
	log="$(
		cd "$work" &&
			npm install --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --package-lock=false --loglevel=error 2>&1 &&
			zp validate --without-style &&
			zp build --skip-npm-install --skip-validation
	)" || {
		echo "FAIL build:zapier $id"
		sed 's/^/     /' <<<"$log" | tail -20
		rm -rf "$work"
		failed=$((failed + 1))
		continue
	}
	mkdir -p "$dir/build" && cp "$work/build/build.zip" "$work/build/source.zip" "$dir/build/"
	rm -rf "$work"
	size="$(stat -c %s "$dir/build/build.zip")"
	echo "ok   build:zapier $id: $dir/build/build.zip ($size bytes, $((SECONDS - started)) s)"
	built=$((built + 1))
done
echo "build:zapier: $built zips built, $failed failed"
[[ "$failed" == 0 && "$built" -gt 0 ]]
