// Lenient switches: each one lets the sandbox accept something the project relies on although no vendor
// document (the vendor's public auth page, summarised in docs/vendors/<id>.md) states it. All are OFF by
// default, so the sandbox is strict to the documents; a test run that needs one switches it on by name and
// the sandbox records which switches a request actually needed (`exercised`), so the test summary can list
// every behaviour that is only assumed. Names are stable: tests, scripts and sandbox/README.md use them.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { VendorId } from './clients';
import { hasOwn } from './own-keys';

export interface AssumptionInfo {
	vendor: VendorId;
	/** What the sandbox accepts when the switch is on. */
	accepts: string;
	/** Why it is only an assumption (what the document says, or that it says nothing). */
	why: string;
}

export const ASSUMPTIONS = {
	'weekdone-token-query': {
		vendor: 'weekdone',
		accepts: 'token-endpoint parameters (e.g. redirect_uri on refresh) in the query string',
		why: 'the token section: "passing following parameters in form-encoded post body" (the overview\'s "accepts form-encoded content and query parameters" is about the API)',
	},
	'weekdone-api-401-body': {
		vendor: 'weekdone',
		accepts: 'answers an API 401 with {status:"error", error:"invalid_token", message} instead of {}',
		why: 'the developer overview says only that errors are JSON; no error shape is documented',
	},
	'worksection-http-redirect': {
		vendor: 'worksection',
		accepts: 'a registered plain-http redirect URI (local n8n and the Zapier CLI listen on http://127.0.0.1)',
		why: 'the doc: "The URI must meet the requirements of the OAuth2 standard and use the HTTPS protocol"',
	},
	'worksection-action-me': {
		vendor: 'worksection',
		accepts: 'action=me on /api/oauth2 (current user)',
		why: 'the doc documents POST /oauth2/resource for user information; action=me is not in it',
	},
	'worksection-unscoped-actions': {
		vendor: 'worksection',
		accepts: 'get_events, get_webhooks, add_webhook, delete_webhook with any token (otherwise they need "administrative")',
		why: 'the doc lists no scope for events or webhooks; without the switch only the catch-all "administrative" scope passes',
	},
	'worktual-authorize-url': {
		vendor: 'worktual',
		accepts: 'an authorize endpoint at /services/oauth2/v1/authorize, beside the documented token URL',
		why: 'the doc names the authorize parameters but not the URL',
	},
	'worktual-authorization-header': {
		vendor: 'worktual',
		accepts: 'the API token in an "Authorization" header and/or with a "Bearer " prefix',
		why: 'the contact-module doc prints the header as "Authorisation : token" (British spelling, no scheme)',
	},
	'wordapp-authorize-url': {
		vendor: 'wordapp',
		accepts: 'an authorize endpoint at /oauth/authorize (Doorkeeper default)',
		why: 'the doc describes the authorization request but names no URL',
	},
	'wordapp-token-url': {
		vendor: 'wordapp',
		accepts: 'a token endpoint at /oauth/token (Doorkeeper default)',
		why: 'the doc lists the token request fields but names no URL',
	},
	'wordapp-revoke-url': {
		vendor: 'wordapp',
		accepts: 'a revoke endpoint at /oauth/revoke (Doorkeeper default)',
		why: 'the doc describes revoking (token field + Authorization header) but names no URL',
	},
	'wordapp-token-info': {
		vendor: 'wordapp',
		accepts: 'GET /oauth/token/info (Doorkeeper default)',
		why: 'no document mentions a token-info resource',
	},
	'wordapp-api-me': {
		vendor: 'wordapp',
		accepts: 'GET /api/v1/me as the API resource',
		why: 'the doc names no API base and no resource at all',
	},
	'wordapp-api-version-value': {
		vendor: 'wordapp',
		accepts: 'X-Api-Version: application/vnd.wordapp-v1+json (otherwise no value is known to be valid)',
		why: 'the doc requires an "X-Api-Version" header but gives no value; this one comes from Wordapp\'s WordPress plugin',
	},
} as const satisfies Record<string, AssumptionInfo>;

export type AssumptionName = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_NAMES = Object.keys(ASSUMPTIONS) as AssumptionName[];

export function isAssumptionName(value: unknown): value is AssumptionName {
	return typeof value === 'string' && hasOwn(ASSUMPTIONS, value);
}

/** `all` switches every assumption on; anything else must be a known name (a typo fails loudly). */
export function parseAssumptionNames(values: Iterable<string>): AssumptionName[] {
	const out = new Set<AssumptionName>();
	for (const raw of values) {
		for (const name of raw.split(/[\s,]+/).filter((n) => n.length > 0)) {
			if (name === 'all') ASSUMPTION_NAMES.forEach((n) => out.add(n));
			else if (isAssumptionName(name)) out.add(name);
			else throw new Error(`unknown sandbox assumption "${name}" (known: ${ASSUMPTION_NAMES.join(', ')})`);
		}
	}
	return [...out];
}

export interface ExercisedAssumption {
	count: number;
	/** The first request that passed only because of the switch, e.g. "POST /weekdone/oauth_token". */
	first: string;
}

export interface AssumptionsReport {
	enabled: AssumptionName[];
	exercised: Partial<Record<AssumptionName, ExercisedAssumption>>;
}

export class Assumptions {
	private readonly enabled: Set<AssumptionName>;
	private exercised = new Map<AssumptionName, ExercisedAssumption>();

	constructor(
		enabled: Iterable<AssumptionName>,
		/** Written at start, whenever a switch is exercised, and on close. */
		private readonly file: string | undefined,
	) {
		this.enabled = new Set(enabled);
	}

	isOn(name: AssumptionName): boolean {
		return this.enabled.has(name);
	}

	/**
	 * Call where the documents alone would reject the request: true (and recorded) when the switch lets
	 * it through, false when the sandbox must reject.
	 */
	rely(name: AssumptionName, request: string): boolean {
		if (!this.enabled.has(name)) return false;
		const seen = this.exercised.get(name);
		if (seen) seen.count++;
		else this.exercised.set(name, { count: 1, first: request });
		// Written at once (a few hundred bytes): a sandbox stopped by SIGKILL still leaves a true report.
		this.write();
		return true;
	}

	set(names: Iterable<AssumptionName>, on: boolean): void {
		for (const name of names) {
			if (on) this.enabled.add(name);
			else this.enabled.delete(name);
		}
	}

	report(): AssumptionsReport {
		return {
			enabled: ASSUMPTION_NAMES.filter((n) => this.enabled.has(n)),
			exercised: Object.fromEntries([...this.exercised].map(([n, e]) => [n, { ...e }])),
		};
	}

	/** Never throws: a sandbox that cannot write its report keeps serving. */
	write(): void {
		if (!this.file) return;
		try {
			mkdirSync(dirname(this.file), { recursive: true });
			writeFileSync(this.file, `${JSON.stringify(this.report(), null, 2)}\n`);
		} catch {
			// reported by the absence of the file; nothing to do inside a request
		}
	}
}
