/** The authorize URL per vendor doc: host/path, parameter names, scope separator, state, no PKCE. */
import { createHash } from 'crypto';

import { buildAuthorizeUrl, createPkcePair, createState } from '../../shared/oauth';
import { vendors } from '../../shared/vendors';
import { client, REDIRECT } from './helpers';

function params(url: string): Record<string, string> {
	return Object.fromEntries(new URL(url).searchParams);
}

const build = (id: keyof typeof vendors, extra: { scopes?: string[]; authorizeUrl?: string } = {}) =>
	buildAuthorizeUrl(vendors[id], { clientId: client.clientId, redirectUri: REDIRECT, state: 'st-123', ...extra });

describe('authorize URL', () => {
	test('Weekdone: documented URL and the four documented parameters, no scope', () => {
		const url = build('weekdone');
		expect(url.split('?')[0]).toBe('https://weekdone.com/oauth_authorize');
		expect(params(url)).toEqual({ client_id: client.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-123' });
	});

	test('Worksection: documented URL, scopes joined by comma', () => {
		const url = build('worksection', { scopes: ['projects_read', 'tasks_write'] });
		expect(url.split('?')[0]).toBe('https://worksection.com/oauth2/authorize');
		expect(params(url)).toEqual({ client_id: client.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-123', scope: 'projects_read,tasks_write' });
	});

	test('Worksection: default scopes are documented scope names', () => {
		const documented = 'projects_read, projects_write, tasks_read, tasks_write, costs_read, costs_write, tags_read, tags_write, comments_read, comments_write, files_read, files_write, users_read, users_write, contacts_read, contacts_write, administrative'.split(', ');
		const requested = params(build('worksection')).scope.split(',');
		expect(requested.length).toBeGreaterThan(0);
		for (const scope of requested) expect(documented).toContain(scope);
	});

	test('Worktual: Redirect_url, never redirect_uri', () => {
		const p = params(build('worktual'));
		expect(p).toEqual({ client_id: client.clientId, Redirect_url: REDIRECT, response_type: 'code', state: 'st-123' });
		expect(p).not.toHaveProperty('redirect_uri');
	});

	test('WebWork Tracker: documented URL, scopes space-separated, admin for DELETE calls', () => {
		const url = build('webwork-tracker');
		expect(url.split('?')[0]).toBe('https://webwork-tracker.com/oauth/authorize');
		expect(params(url)).toEqual({ client_id: client.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-123', scope: 'read write admin' });
		expect(params(build('webwork-tracker', { scopes: ['admin'] })).scope).toBe('admin');
	});

	test('Wordapp: RFC names; the undocumented URL can be overridden', () => {
		const url = build('wordapp', { authorizeUrl: 'https://sandbox.example.com/oauth/authorize' });
		expect(url.split('?')[0]).toBe('https://sandbox.example.com/oauth/authorize');
		expect(params(url)).toEqual({ client_id: client.clientId, redirect_uri: REDIRECT, response_type: 'code', state: 'st-123' });
	});

	test('an explicit empty scope list sends no scope parameter', () => {
		expect(params(build('worksection', { scopes: [] }))).not.toHaveProperty('scope');
	});

	test('state survives encoding exactly', () => {
		const state = 'a b&c=d/é';
		const url = buildAuthorizeUrl(vendors.weekdone, { clientId: 'x', redirectUri: REDIRECT, state });
		expect(new URL(url).searchParams.get('state')).toBe(state);
	});

	test('no vendor documents PKCE, so a challenge is never sent', () => {
		const { challenge } = createPkcePair();
		for (const vendor of Object.values(vendors)) {
			const p = params(buildAuthorizeUrl(vendor, { clientId: 'x', redirectUri: REDIRECT, state: 's', codeChallenge: challenge }));
			expect(p).not.toHaveProperty('code_challenge');
			expect(p).not.toHaveProperty('code_challenge_method');
		}
	});

	test('createState is random and URL-safe', () => {
		const states = new Set(Array.from({ length: 50 }, createState));
		expect(states.size).toBe(50);
		for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{16,}$/);
	});

	test('createPkcePair is a valid S256 pair', () => {
		const { verifier, challenge } = createPkcePair();
		expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
		expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
	});
});
