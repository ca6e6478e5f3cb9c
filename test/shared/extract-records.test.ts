/**
 * Records out of a list answer (shared/operations/request.ts extractRecords): an array or a keyed object of
 * records is a list; text, a number, a boolean or a single object where the catalogue says the records are
 * is an UnexpectedAnswerError naming the path and what was found, never the value.
 */
import { extractRecords, UnexpectedAnswerError } from '../../shared/operations/request';

const list = { shape: 'list' as const, path: 'data' };

describe('extractRecords on a list answer', () => {
	test('an array, a keyed object of records, and nothing at all are lists', () => {
		expect(extractRecords(list, { data: [{ id: 1 }, { id: 2 }] })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(extractRecords(list, { data: { a: { id: 1 }, b: { id: 2 } } })).toEqual([{ id: 1 }, { id: 2 }]);
		expect(extractRecords(list, { data: {} })).toEqual([]);
		expect(extractRecords(list, { data: null })).toEqual([]);
		expect(extractRecords(list, {})).toEqual([]);
	});

	test.each([
		['text', { data: 'secret-looking text' }, /the answer holds text at "data" where a list of records was expected/],
		['a number', { data: 42 }, /holds a number at "data"/],
		['a boolean', { data: true }, /holds a boolean at "data"/],
		['one record instead of a list', { data: { id: 7, name: 'Apollo' } }, /holds an object that is not a list of records at "data"/],
	])('%s is an error, not odd records', (_title, body, message) => {
		let thrown: unknown;
		try {
			extractRecords(list, body);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(UnexpectedAnswerError);
		expect((thrown as Error).message).toMatch(message);
		expect((thrown as Error).message).not.toContain('secret-looking');
		expect((thrown as Error).message).not.toContain('Apollo');
	});

	test('a whole answer that is text (no path) is an error too', () => {
		expect(() => extractRecords({ shape: 'list' }, 'OK')).toThrow('the answer holds text where a list of records was expected');
	});
});
