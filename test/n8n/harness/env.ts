import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core writes an encryption key under $N8N_USER_FOLDER/.n8n when its settings load: keep it in a temp dir.
// Imported before anything that loads n8n-core.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'worktools-n8n-'));
