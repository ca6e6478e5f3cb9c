import { registerControl } from './control';
import { Router } from './router';
import type { SandboxState } from './state';
import { registerWebwork } from './vendors/webwork-tracker';
import { registerWeekdone } from './vendors/weekdone';
import { registerWordapp } from './vendors/wordapp';
import { registerWorksection } from './vendors/worksection';
import { registerWorktual } from './vendors/worktual';

export function buildRouter(state: SandboxState): Router {
	const router = new Router();
	registerControl(router, state);
	registerWeekdone(router, state);
	registerWorksection(router, state);
	registerWorktual(router, state);
	registerWebwork(router, state);
	registerWordapp(router, state);
	return router;
}
