// n8n-core reads and writes its settings under N8N_USER_FOLDER: keep tests out of ~/.n8n.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One folder for every run: n8n-core only writes its settings file there once.
process.env.N8N_USER_FOLDER ??= join(tmpdir(), 'hero-unit-n8n');
mkdirSync(process.env.N8N_USER_FOLDER, { recursive: true });
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
