/**
 * Cold load in a fresh process, the way n8n loads a package: require each module and construct each class
 * it exports (our node descriptions are generated in the constructor). `n8n-workflow` (the copy the
 * modules themselves resolve) is loaded first and timed apart: every node package pays it, once.
 * Env: BENCH_MODULES = JSON array of absolute paths. Prints wall and CPU milliseconds of each part, and the class count.
 */
const modules = JSON.parse(process.env.BENCH_MODULES ?? '[]') as string[];

const c0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
require(require.resolve('n8n-workflow', { paths: [modules[0]] }));
const t1 = process.hrtime.bigint();
const c1 = process.cpuUsage();
let classes = 0;
for (const file of modules) {
	for (const exported of Object.values(require(file) as Record<string, unknown>)) {
		if (typeof exported === 'function' && /^class\b|^function [A-Z]/.test(Function.prototype.toString.call(exported))) {
			new (exported as new () => unknown)();
			classes++;
		}
	}
}
const t2 = process.hrtime.bigint();
const c2 = process.cpuUsage();
const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000;
process.stdout.write(
	`${JSON.stringify({ workflowMs: Number(t1 - t0) / 1e6, modulesMs: Number(t2 - t1) / 1e6, workflowCpuMs: cpuMs(c0, c1), modulesCpuMs: cpuMs(c1, c2), classes })}\n`,
);
