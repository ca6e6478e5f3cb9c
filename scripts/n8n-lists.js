/**
 * Writes (n8nListsFromDist, used by scripts/build.js) and checks package.json's `n8n` lists against the vendor registry (shared/vendors/index.ts, compiled to
 * dist/) and the files on disk, so a vendor added to the registry cannot be left out of what n8n loads:
 * - every credential type the registry implies (`<n8nPrefix>OAuth2Api` and each alternative's
 *   `credentialName`) and every vendor's action node (`nodes/<Prefix>/<Prefix>.node`) is listed;
 * - every listed file has its source (`credentials/*.credentials.ts`, `nodes/<X>/<X>.node.ts`) and
 *   every such source file is listed (triggers included), and each node file belongs to a registry vendor.
 * Used by scripts/check-pack.js; returns problems as sentences.
 */
const fs = require('node:fs');
const path = require('node:path');

const capitalise = (name) => name.charAt(0).toUpperCase() + name.slice(1);

function sourceOf(listed) {
	return listed.replace(/^dist\//, '').replace(/\.js$/, '.ts');
}

/** @param {{ root: string, n8n: { credentials: string[], nodes: string[] }, vendorList: Array<{ id: string, n8nPrefix: string, alternatives: Array<{ credentialName: string }> }> }} input */
function checkN8nLists({ root, n8n, vendorList }) {
	const problems = [];
	const listed = [...n8n.credentials, ...n8n.nodes];
	for (const vendor of vendorList) {
		for (const name of [`${vendor.n8nPrefix}OAuth2Api`, ...vendor.alternatives.map((a) => a.credentialName)]) {
			const file = `dist/credentials/${capitalise(name)}.credentials.js`;
			if (!n8n.credentials.includes(file)) problems.push(`vendor "${vendor.id}": credential ${name} is not listed in package.json n8n.credentials (${file})`);
		}
		const node = capitalise(vendor.n8nPrefix);
		const file = `dist/nodes/${node}/${node}.node.js`;
		if (!n8n.nodes.includes(file)) problems.push(`vendor "${vendor.id}": node ${node} is not listed in package.json n8n.nodes (${file})`);
	}
	const prefixes = vendorList.map((v) => capitalise(v.n8nPrefix));
	for (const file of n8n.nodes) {
		const folder = file.split('/')[2] ?? '';
		if (!prefixes.some((prefix) => folder.startsWith(prefix))) problems.push(`package.json n8n.nodes lists ${file}, which belongs to no vendor in shared/vendors/index.ts`);
	}
	for (const file of listed) {
		if (!fs.existsSync(path.join(root, sourceOf(file)))) problems.push(`package.json n8n lists ${file}, but its source ${sourceOf(file)} does not exist`);
	}
	const onDisk = [
		...fs.readdirSync(path.join(root, 'credentials')).filter((f) => f.endsWith('.credentials.ts')).map((f) => `credentials/${f}`),
		...fs
			.readdirSync(path.join(root, 'nodes'), { withFileTypes: true })
			.filter((d) => d.isDirectory())
			.flatMap((d) => fs.readdirSync(path.join(root, 'nodes', d.name)).filter((f) => f.endsWith('.node.ts')).map((f) => `nodes/${d.name}/${f}`)),
	];
	for (const source of onDisk) {
		if (!listed.some((file) => sourceOf(file) === source)) problems.push(`${source} exists but package.json n8n does not list it, so n8n never loads it`);
	}
	return problems;
}

/**
 * The `n8n` lists as n8n needs them, read from what the build compiled: every `dist/credentials/*.credentials.js`
 * and every `dist/nodes/<X>/<X>.node.js` (triggers included), sorted. scripts/build.js writes them into
 * package.json, so a new vendor's credential and node files are listed without an edit.
 */
function n8nListsFromDist(root) {
	const dist = path.join(root, 'dist');
	const credentials = fs
		.readdirSync(path.join(dist, 'credentials'))
		.filter((f) => f.endsWith('.credentials.js'))
		.map((f) => `dist/credentials/${f}`);
	const nodes = fs
		.readdirSync(path.join(dist, 'nodes'), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => fs.readdirSync(path.join(dist, 'nodes', d.name)).filter((f) => f.endsWith('.node.js')).map((f) => `dist/nodes/${d.name}/${f}`));
	const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
	return { credentials: credentials.sort(byName), nodes: nodes.sort(byName) };
}

module.exports = { checkN8nLists, n8nListsFromDist };
