import { registerControl } from './control';
import { Router } from './router';
import type { SandboxState } from './state';
import { SANDBOX_VENDORS } from './vendors';

export function buildRouter(state: SandboxState): Router {
	const router = new Router();
	registerControl(router, state);
	for (const vendor of SANDBOX_VENDORS) vendor.register(router, state);
	return router;
}
