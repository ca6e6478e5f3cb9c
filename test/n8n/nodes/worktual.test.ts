import nock from 'nock';

import { Worktual } from '../../../nodes/Worktual/Worktual.node';
import { worktualOperations } from '../../../shared/operations/worktual';
import { strictVendorMock } from '../../mocks/vendor-mocks';
import type { OperationCase } from './cases';
import { expectFailedThenDone, expectNodeApiError } from './helpers/errors';
import { operationCaseTests } from './helpers/operation-case-tests';
import { jsonOf, NodeRunner } from './node-runner';

// Worktual: the token as a raw Authorization header; GET /contacts answers a bare array and pages with
// offset = page index from 0 and limit ≤ 100.
const TOKEN = 'wt-access';
const CREDENTIAL = 'worktualOAuth2Api';

// n8n stores Worktual's one-element array token response as {"0": {...}}.
const node = () => new NodeRunner(new Worktual()).useCredential(CREDENTIAL, { clientId: 'test-client-id', clientSecret: 'test-client-secret', oauthTokenData: { 0: { access_token: TOKEN } } });
const contacts = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ coid: from + i, firstName: `C${from + i}` }));

const CASES: OperationCase[] = [
	{
		title: 'contact getAll: filters in the query, createdDate as epoch milliseconds',
		params: {
			resource: 'contact',
			operation: 'getAll',
			limit: 5,
			filters: { createdDate: '2024-04-01T00:00:00Z', condition: 'GT', filter: 'city = "London"', fields: 'firstName, lastName' },
		},
		calls: [
			{
				method: 'GET',
				path: '/contacts',
				query: { createdDate: '1711929600000', condition: 'GT', filter: 'city = "London"', fields: 'firstName,lastName', offset: '0', limit: '5' },
				reply: contacts(1001, 5),
			},
		],
		output: contacts(1001, 5),
	},
	{
		title: 'contact get',
		params: { resource: 'contact', operation: 'get', contactId: '1001' },
		calls: [{ method: 'GET', path: '/contacts/1001', reply: { coid: 1001, firstName: 'Asha' } }],
		output: [{ coid: 1001, firstName: 'Asha' }],
	},
	{
		title: 'contact get: an array answer is split into records',
		params: { resource: 'contact', operation: 'get', contactId: '1002' },
		calls: [{ method: 'GET', path: '/contacts/1002', reply: [{ coid: 1002 }] }],
		output: [{ coid: 1002 }],
	},
	{
		title: 'contact create (route guessed): JSON body of documented contact fields',
		params: { resource: 'contact', operation: 'create', firstName: 'Asha', additionalFields: { lastName: 'Patel', primaryEmail: 'asha@example.com', city: 'Leeds' } },
		calls: [
			{
				method: 'POST',
				path: '/contacts',
				body: { firstName: 'Asha', lastName: 'Patel', primaryEmail: 'asha@example.com', city: 'Leeds' },
				reply: { coid: 1251, firstName: 'Asha', lastName: 'Patel' },
			},
		],
		output: [{ coid: 1251, firstName: 'Asha', lastName: 'Patel' }],
	},
	{
		title: 'contact update (route guessed)',
		params: { resource: 'contact', operation: 'update', contactId: '1251', updateFields: { city: 'York' } },
		calls: [{ method: 'PUT', path: '/contacts/1251', body: { city: 'York' }, reply: { coid: 1251, city: 'York' } }],
		output: [{ coid: 1251, city: 'York' }],
	},
	{
		title: 'custom API call',
		params: { resource: 'customApiCall', operation: 'request', method: 'GET', path: '/contacts/1001/notes' },
		calls: [{ method: 'GET', path: '/contacts/1001/notes', reply: [{ id: 1 }, { id: 2 }] }],
		output: [{ id: 1 }, { id: 2 }],
	},
];

describe('Worktual node', () => {
	operationCaseTests({ vendor: 'worktual', catalogue: worktualOperations, cases: CASES, node, token: TOKEN });

	test('Return All pages through offset 0, 1, 2 with limit 100 and stops on the short page', async () => {
		const mock = strictVendorMock('worktual');
		const pages = [contacts(1, 100), contacts(101, 100), contacts(201, 50)];
		pages.forEach((reply, offset) => mock.expectApiCall({ method: 'GET', path: '/contacts', token: TOKEN, query: { offset: String(offset), limit: '100' }, reply }));
		const output = await node().execute({ resource: 'contact', operation: 'getAll', returnAll: true });
		mock.done();
		expect(output).toHaveLength(250);
		expect(jsonOf(output).map((c) => c.coid)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
	});

	test('Limit 150 reads two pages of 100 and keeps 150', async () => {
		const limited = strictVendorMock('worktual')
			.expectApiCall({ method: 'GET', path: '/contacts', token: TOKEN, query: { offset: '0', limit: '100' }, reply: contacts(1, 100) })
			.expectApiCall({ method: 'GET', path: '/contacts', token: TOKEN, query: { offset: '1', limit: '100' }, reply: contacts(101, 100) });
		const output = await node().execute({ resource: 'contact', operation: 'getAll', limit: 150 });
		limited.done();
		expect(output).toHaveLength(150);
		expect(output[149].json.coid).toBe(150);
	});

	test('private app token credential: the raw token in Authorization', async () => {
		const runner = new NodeRunner(new Worktual()).useCredential('worktualPrivateAppTokenApi', { accessToken: 'private-token', tokenPrefix: '' });
		const mock = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts/7', token: 'private-token', reply: { coid: 7 } });
		expect(jsonOf(await runner.execute({ resource: 'contact', operation: 'get', contactId: '7' }))).toEqual([{ coid: 7 }]);
		mock.done();
		expect(mock.requests[0].headers.authorization).toBe('private-token');
	});

	test('a 404 becomes a NodeApiError with the vendor message; continueOnFail emits it per item', async () => {
		const failing = strictVendorMock('worktual').expectApiCall({ method: 'GET', path: '/contacts/9', token: TOKEN, status: 404, reply: { status: 'error', message: 'Contact not found' } });
		await expectNodeApiError(node().execute({ resource: 'contact', operation: 'get', contactId: '9' }), { message: 'Contact not found', httpCode: '404', token: TOKEN });
		failing.done();
		nock.cleanAll();

		const mixed = strictVendorMock('worktual')
			.expectApiCall({ method: 'GET', path: '/contacts/9', token: TOKEN, status: 404, reply: { status: 'error', message: 'Contact not found' } })
			.expectApiCall({ method: 'GET', path: '/contacts/1001', token: TOKEN, reply: { coid: 1001 } });
		const output = await node().execute(
			{ resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
			{ items: [{ json: { id: 9 } }, { json: { id: 1001 } }], continueOnFail: true },
		);
		mixed.done();
		expectFailedThenDone(output, 'Contact not found', { coid: 1001 });
	});
});
