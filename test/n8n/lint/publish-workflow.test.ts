/**
 * .github/workflows/publish.yml: on a version tag, the README's test command must pass before
 * `npm publish --provenance` runs, with the OIDC permission provenance needs and only in that job.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

type Step = { run?: string; uses?: string; env?: Record<string, string> };
type Job = { needs?: string | string[]; permissions?: Record<string, string>; steps: Step[] };
type Workflow = { on: { push: { tags: string[] } }; permissions: Record<string, string>; jobs: Record<string, Job> };

const REPO = path.resolve(__dirname, '..', '..', '..');
const workflow = parse(fs.readFileSync(path.join(REPO, '.github/workflows/publish.yml'), 'utf8')) as Workflow;
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

const runs = (job: Job) => job.steps.map((s) => s.run ?? '');
const publishJob = Object.values(workflow.jobs).find((job) => runs(job).some((r) => r.startsWith('npm publish')));

test('runs on version tags only, with read-only default permissions', () => {
	expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
	expect(workflow.permissions).toEqual({ contents: 'read' });
	expect(`v${pkg.version}`).toMatch(/^v\d+\.\d+\.\d+/);
});

test('publishes with provenance after the test job runs npm test', () => {
	expect(publishJob).toBeDefined();
	const job = publishJob as Job;
	expect(runs(job)).toContain('npm publish --provenance --access public');
	expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
	const needs = ([] as string[]).concat(job.needs ?? []);
	expect(needs.length).toBeGreaterThan(0);
	for (const name of needs) expect(runs(workflow.jobs[name])).toContain('npm test');
	expect(pkg.scripts.test).toBe('bash scripts/test-all.sh');
});

test('only the publish job may mint an OIDC token', () => {
	for (const job of Object.values(workflow.jobs)) if (job !== publishJob) expect(job.permissions?.['id-token']).toBeUndefined();
});
