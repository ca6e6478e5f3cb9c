import * as zapier from 'zapier-platform-core';

import { vendorList } from '../../shared/vendors';
import { buildApp } from '../../zapier/app';
import { version } from '../../package.json';

type Handler = (event: { command: string }) => Promise<{ results: unknown }>;
// exported by core at runtime, absent from its typings
const { createAppHandler } = zapier as unknown as { createAppHandler: (app: object) => Handler };

async function validate(app: object): Promise<unknown[]> {
	const handler = createAppHandler(app);
	const { results } = await handler({ command: 'validate' });
	return results as unknown[];
}

describe('Zapier schema validation (what `zapier-platform validate` runs locally)', () => {
	it.each(vendorList.map((vendor) => [vendor.id, vendor] as const))('%s app has no schema errors', async (_id, vendor) => {
		expect(await validate(buildApp(vendor, { version }))).toEqual([]);
	});

	it('a deliberately broken app does produce errors, so the check can fail', async () => {
		const app = buildApp(vendorList[0], { version: '0.1' }) as unknown as Record<string, unknown>;
		const auth = app.authentication as { oauth2Config: Record<string, unknown> };
		const broken = { ...app, authentication: { ...auth, oauth2Config: { ...auth.oauth2Config, tokenUrl: 'https://x.test/token', autoRefresh: 'yes' } } };
		const errors = (await validate(broken)).map((error) => JSON.stringify(error));
		expect(errors.length).toBeGreaterThanOrEqual(3);
		expect(errors.join('\n')).toMatch(/version/);
		expect(errors.join('\n')).toMatch(/tokenUrl/);
		expect(errors.join('\n')).toMatch(/autoRefresh/);
	});
});
