/** The sandbox account's fixed sign-in (the password grant's user); public on purpose, like every sandbox secret. */
export const WORDAPP_USER = {
	username: 'sandbox',
	email: 'sandbox@example.com',
	password: 'Sandbox-pass-1',
} as const;

export interface WordappUser {
	id: number;
	username: string;
	email: string;
	password: string;
	name: string;
}

export interface WordappData {
	me: number;
	users: WordappUser[];
	/** Clients the user already approved; Wordapp's doc says the screen is then skipped. */
	approvedClients: Set<string>;
}

export function seedWordapp(): WordappData {
	return {
		me: 42,
		users: [{ id: 42, username: WORDAPP_USER.username, email: WORDAPP_USER.email, password: WORDAPP_USER.password, name: 'Sandy Box' }],
		approvedClients: new Set(),
	};
}
