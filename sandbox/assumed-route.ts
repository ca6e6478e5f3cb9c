import type { AssumptionName } from './assumptions';
import { sendJson } from './http/respond';
import type { Handler } from './router';
import type { SandboxState } from './state';

/**
 * A route no vendor document names (a guessed URL): 404 like any unknown path unless its assumption is
 * switched on, in which case every request through it is recorded as relying on that assumption.
 */
export function assumedRoute(state: SandboxState, name: AssumptionName, handler: Handler): Handler {
	return (ctx) => {
		if (!state.rely(name, ctx)) {
			return sendJson(ctx.res, 404, {
				error: 'not_found',
				message: `The sandbox has no route ${ctx.method} ${ctx.path}: no vendor document names it (switch on the "${name}" assumption to serve it).`,
			});
		}
		return handler(ctx);
	};
}
