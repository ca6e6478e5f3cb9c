#!/usr/bin/env bash
# `npm start`: build the package, make sure the pinned n8n runtime is installed (first run: 2-3 minutes),
# then run the playground (vendor sandbox + n8n with this package) until Ctrl-C.
# Ports: N8N_PORT / SANDBOX_PORT, else 5710 / 5711 (never n8n's 5678/5679).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[start] building the package (npm run build)"
npm run -s build

echo "[start] checking the n8n runtime"
bash scripts/n8n-runtime.sh >/dev/null

# exec: Ctrl-C reaches the playground itself, which stops n8n and the sandbox by PID.
exec node build/scripts/start-playground.js
