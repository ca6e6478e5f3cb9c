import type { Owner } from './n8n-client';

/** The instance owner of every e2e and playground n8n (printed by `npm start`; loopback-only instances). */
export const OWNER: Owner = {
	email: 'owner@worktools.local',
	password: 'Playground-1',
	firstName: 'Worktools',
	lastName: 'Owner',
};
