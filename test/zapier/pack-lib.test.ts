/**
 * zapier/pack-lib.ts: the single-file lib/ of a Zapier folder behaves like the separate CommonJS modules it
 * replaces (relative requires, caching, cycles, module.exports, real requires for packages and built-ins).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { packLib } from '../../zapier/pack-lib';

const MODULES: Record<string, string> = {
	'zapier/entry.js': `"use strict";
// a comment that must not ship
const helper = require("./helper");
const shared = require("../shared/index");
exports.run = () => helper.twice(shared.value) + ":" + require("path").posix.join("a", "b");
exports.sameInstance = () => require("./helper") === helper;`,
	'zapier/helper.js': `"use strict";
/** doc comment */
let calls = 0;
exports.twice = (n) => { calls += 1; return n * 2; };
exports.calls = () => calls;`,
	'shared/index.js': `"use strict";
const cycle = require("./cycle.js");
module.exports = { value: 21, cycleSeesPartial: cycle.seen };`,
	'shared/cycle.js': `"use strict";
exports.seen = typeof require("./index");`,
	'shared/vendors/acme.js': `"use strict";
exports.acme = { id: "acme" };`,
};

function writeFolder(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'pack-lib-'));
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, 'lib', path)), { recursive: true });
		writeFileSync(join(dir, 'lib', path), content);
	}
	return dir;
}

describe('packLib', () => {
	let dir: string | undefined;
	afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

	it('ships one bundle and a stub per entry, without comments', () => {
		const files = packLib(MODULES, ['zapier/entry.js', 'shared/vendors/acme.js']);
		expect(Object.keys(files).sort()).toEqual(['bundle.js', 'shared/vendors/acme.js', 'zapier/entry.js']);
		expect(files['bundle.js']).not.toMatch(/a comment that must not ship|doc comment/);
		expect(files['bundle.js']).not.toMatch(/require\("\.{1,2}\//); // every relative require became load()
		expect(files['zapier/entry.js']).toBe(`'use strict';\nmodule.exports = require("../bundle.js")("zapier/entry.js");\n`);
		expect(files['shared/vendors/acme.js']).toContain('require("../../bundle.js")');
	});

	it('loads like the separate modules: resolution, one instance per module, cycles, module.exports, real requires', () => {
		dir = writeFolder(packLib(MODULES, ['zapier/entry.js', 'shared/vendors/acme.js']));
		const entry = require(join(dir, 'lib', 'zapier', 'entry.js')) as { run: () => string; sameInstance: () => boolean }; // eslint-disable-line @typescript-eslint/no-require-imports
		expect(entry.run()).toBe('42:a/b');
		expect(entry.sameInstance()).toBe(true);
		const load = require(join(dir, 'lib', 'bundle.js')) as (path: string) => Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports
		// the cycle saw index.js's exports before index.js finished, as Node's require does
		expect(load('shared/index.js')).toEqual({ value: 21, cycleSeesPartial: 'object' });
		expect((load('zapier/helper.js').calls as () => number)()).toBe(1);
		expect(require(join(dir, 'lib', 'shared', 'vendors', 'acme.js'))).toEqual({ acme: { id: 'acme' } }); // eslint-disable-line @typescript-eslint/no-require-imports
	});

	it('is deterministic and independent of the order modules are given', () => {
		const reversed = Object.fromEntries(Object.entries(MODULES).reverse());
		expect(packLib(reversed, ['zapier/entry.js'])).toEqual(packLib(MODULES, ['zapier/entry.js']));
	});

	it('fails on a relative require outside the modules and on an unknown entry', () => {
		expect(() => packLib({ 'a.js': 'require("./missing");' }, [])).toThrow('a.js requires ./missing, which is not among the app');
		expect(() => packLib(MODULES, ['zapier/none.js'])).toThrow('entry zapier/none.js is not among');
	});
});
