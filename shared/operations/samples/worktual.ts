/**
 * Worktual contacts as the contact module answers them (https://worktual.com/api-documentation/ccaas/contact-module
 * and the sandbox's seed in sandbox/seed/worktual.ts), for the Zapier editor's samples.
 */
import type { RecordSamples } from '../types';

export const worktualSamples: RecordSamples = {
	contact: {
		coid: 1001,
		accountNumber: 'ACC-1001',
		firstName: 'Asha',
		lastName: 'Patel',
		primaryEmail: 'asha.patel@example.com',
		primaryPhoneNumber: '+447700900001',
		address: '1 Sandbox Street',
		city: 'London',
		state: '',
		country: 'United Kingdom',
		postalCode: 'SB1 1AA',
		blockCustomer: 0,
		doNotDisturb: 0,
		customerType: 'individual',
		type: 'contact',
		createdAt: '2024-01-31T09:30:00+00:00',
	},
};
