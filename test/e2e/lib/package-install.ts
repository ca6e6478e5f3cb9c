import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-worktools';

/**
 * Packs the built package (exactly the files a user would download) and installs the tarball the way
 * n8n's community-package installer does, into <userFolder>/.n8n/nodes, where n8n scans at start-up.
 */
export function installPackedPackage(root: string, workDir: string, userFolder: string): string {
	if (!existsSync(join(root, 'dist/credentials'))) throw new Error('dist/credentials is missing: run `npm run build` first');
	const packDir = join(workDir, 'pack');
	mkdirSync(packDir, { recursive: true });
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
	) as { filename: string }[];
	const tarball = join(packDir, packed[0].filename);

	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2)}\n`);
	execFileSync('npm', ['install', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--package-lock=false', tarball], {
		cwd: nodesDir,
		stdio: ['ignore', 'ignore', 'pipe'],
	});
	const installed = join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!existsSync(join(installed, 'package.json'))) throw new Error(`npm install of ${tarball} did not create ${installed}`);
	return installed;
}
