// n8n's community-node config (Cloud rules included), applied to what the npm package ships:
// credentials/, nodes/, shared/, index.ts and package.json. The repository also holds the Zapier
// apps, the vendor sandbox, tests, scripts and the benchmark, which are never published to npm
// (package.json `files`) and legitimately use Node globals (timers, process, servers) that the
// Cloud rules forbid in node code. n8n's strict mode (`"strict": true`) accepts only the byte-for-byte
// template, which has no way to leave them out, so strict mode is off and they are ignored here.
// test/n8n/lint-config.test.ts checks that every shipped path still gets the full Cloud rule set.
import { globalIgnores } from 'eslint/config';
import { config } from '@n8n/node-cli/eslint';

export default [
	globalIgnores(['bench/', 'build/', 'coverage/', 'docs/', 'sandbox/', 'scripts/', 'test/', 'zapier/']),
	...config,
];
