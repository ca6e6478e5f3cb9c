// n8n's Logger reads its level once, when the container first builds it: every level on, so the secret scan
// sees debug lines too (they are written in production when N8N_LOG_LEVEL=debug). Import before n8n loads;
// call restoreLogLevel() in afterAll (jest reuses the process, and its env, for the next test file).
const previous = process.env.N8N_LOG_LEVEL;
process.env.N8N_LOG_LEVEL = 'debug';

export function restoreLogLevel(): void {
	if (previous === undefined) delete process.env.N8N_LOG_LEVEL;
	else process.env.N8N_LOG_LEVEL = previous;
}
