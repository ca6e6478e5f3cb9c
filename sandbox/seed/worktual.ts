// Contact fields follow the names listed in Worktual's contact-module doc; values are invented.

export type WorktualContact = Record<string, string | number | null>;

export interface WorktualData {
	me: number;
	contacts: WorktualContact[];
}

/** Fixed, so tests can compute createdDate boundaries: contact i is created at BASE + i hours. */
export const WORKTUAL_SEED_BASE_MS = Date.UTC(2024, 3, 1, 0, 0, 0);
export const WORKTUAL_SEED_COUNT = 250;

const CITIES = ['London', 'Chennai', 'Leeds', 'Hen'];
const FIRST = ['Asha', 'Ben', 'Chloe', 'Dev', 'Ema', 'Finn', 'Gita', 'Hugo', 'Ivy', 'Jon'];
const LAST = ['Patel', 'Smith', 'Jones', 'Kumar', 'Brown'];

export function seedWorktual(): WorktualData {
	const contacts: WorktualContact[] = [];
	for (let i = 0; i < WORKTUAL_SEED_COUNT; i++) {
		const created = new Date(WORKTUAL_SEED_BASE_MS + i * 3_600_000).toISOString();
		const first = FIRST[i % FIRST.length];
		const last = LAST[i % LAST.length];
		const email = `${first}.${last}.${i}@example.com`.toLowerCase();
		const phone = `+4477009${String(i).padStart(5, '0')}`;
		contacts.push({
			coid: 1001 + i,
			accountNumber: `ACC-${1001 + i}`,
			firstName: first,
			lastName: last,
			primaryEmail: email,
			email: JSON.stringify([email]),
			primaryPhoneNumber: phone,
			phoneNumber: JSON.stringify([phone]),
			address: `${i + 1} Sandbox Street`,
			city: CITIES[i % CITIES.length],
			state: '',
			country: i % 4 === 1 ? 'India' : 'United Kingdom',
			postalCode: `SB${i % 10} 1AA`,
			location: '',
			blockCustomer: i % 25 === 0 ? 1 : 0,
			doNotDisturb: 0,
			customerType: i % 3 === 0 ? 'business' : 'individual',
			type: 'contact',
			tags: '[]',
			facebook: '',
			instagram: '',
			twitter: '',
			whatsapp: '',
			Reason: '',
			Source: 'sandbox',
			Timezone: 'Europe/London',
			voiceBiometric: 0,
			createdAt: created,
			updatedAt: created,
		});
	}
	return { me: 1, contacts };
}
