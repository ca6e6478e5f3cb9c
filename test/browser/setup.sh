#!/usr/bin/env bash
# Makes Debian's Chromium available for the real-browser test (playwright-core drives it; Playwright's own
# browser download is never used). CI runs as root with Debian's package mirrors reachable.
# Prints the browser path on stdout; progress goes to stderr.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
log() { printf '[browser-setup] %s\n' "$*" >&2; }

if [[ ! -x "$CHROMIUM" ]]; then
	if [[ "$(id -u)" != 0 ]]; then
		log "$CHROMIUM is missing and this user cannot install it: run 'apt-get install -y chromium' as root"
		exit 1
	fi
	started=$SECONDS
	log "installing Debian's chromium (apt-get; about 1 minute, once per machine)"
	export DEBIAN_FRONTEND=noninteractive
	apt_log="$(mktemp)"
	if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; } >"$apt_log" 2>&1; then
		tail -n 30 "$apt_log" >&2
		log "apt-get install chromium failed (full output: $apt_log)"
		exit 1
	fi
	rm -f "$apt_log"
	log "chromium installed in $((SECONDS - started)) s"
fi
[[ -x "$CHROMIUM" ]] || { log "$CHROMIUM still missing after the install"; exit 1; }
log "$("$CHROMIUM" --version 2>/dev/null | head -n1)"
printf '%s\n' "$CHROMIUM"
