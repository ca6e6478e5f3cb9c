#!/usr/bin/env bash
# `npm start`: build the package, then run the playground (vendor sandbox with its consent page + a real
# n8n 2.41.1 with this package, an owner and one credential per vendor) until Ctrl-C.
# The playground installs the pinned n8n runtime on first use (scripts/n8n-runtime.sh: 2-3 minutes, with progress).
# Ports: N8N_PORT / SANDBOX_PORT, else 5710 / 5711 (never n8n's 5678/5679).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[start] building the package (npm run build)"
npm run -s build

# exec: Ctrl-C reaches the playground itself, which stops n8n and the sandbox by PID.
exec node build/scripts/start-playground.js
