/**
 * The README's vendor reference tables are generated (scripts/vendor-tables.ts) from the definitions and
 * catalogues; this fails when README.md drifts from them. `UPDATE_README=1 npx jest test/registry/readme-tables`
 * rewrites the block.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { END_MARKER, renderVendorTables, START_MARKER, withVendorTables } from '../../scripts/vendor-tables';
import { vendorList } from '../../shared/vendors';

const README = join(__dirname, '..', '..', 'README.md');

test('README.md holds the vendor tables as generated from shared/vendors and shared/operations', () => {
	const readme = readFileSync(README, 'utf8');
	const expected = withVendorTables(readme, renderVendorTables());
	if (process.env.UPDATE_README === '1' && expected !== readme) writeFileSync(README, expected);
	else if (readme !== expected) throw new Error('README.md vendor tables differ from shared/vendors and shared/operations: run UPDATE_README=1 npx jest test/registry/readme-tables');
});

test('the block names every vendor, and a changed fact changes it', () => {
	const block = renderVendorTables();
	for (const vendor of vendorList) expect(block).toContain(`| ${vendor.displayName} |`);
	expect(block.startsWith(START_MARKER) && block.endsWith(END_MARKER)).toBe(true);
	const stale = withVendorTables(`a\n${START_MARKER}\nold\n${END_MARKER}\nb`, block);
	expect(stale).toBe(`a\n${block}\nb`);
});

test('a README without the markers is refused with what to add', () => {
	expect(() => withVendorTables('# no markers', renderVendorTables())).toThrow(/no generated vendor tables/);
});
