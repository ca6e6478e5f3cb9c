/**
 * Facts a credential relies on that the vendor's documentation does not confirm (definitions:
 * `documented: false` URLs, editable header values, a token header without a scheme, an unstated token
 * lifetime) are stated once, plainly, in the credential's notice; no other text of the form repeats them, and
 * no text carries a maintainer's note (sources, guesses, library names).
 */
import * as path from 'path';
import type { ICredentialType, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { n8n } from '../../../package.json';

const REPO = path.resolve(__dirname, '..', '..', '..');
const credentials: ICredentialType[] = n8n.credentials.map((file) => {
	const base = path.basename(file, '.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const Class = (require(path.join(REPO, file.replace(/^dist\//, '').replace(/\.js$/, ''))) as Record<string, new () => ICredentialType>)[base.replace('.credentials', '')];
	return new Class();
});
const byName = (name: string) => credentials.find((c) => c.name === name)!;
const notice = (type: ICredentialType) => type.properties.find((p) => p.name === 'unconfirmedNotice');

/** Every text the form shows, but the notice's own. */
function otherTexts(type: ICredentialType): string[] {
	return type.properties
		.filter((p: INodeProperties) => p.type !== 'hidden' && p.name !== 'unconfirmedNotice')
		.flatMap((p) => [p.displayName, p.description ?? '', p.hint ?? '', p.placeholder ?? '', ...((p.options ?? []) as INodePropertyOptions[]).flatMap((o) => [o.name, o.description ?? ''])]);
}

const MAINTAINER_NOTE = /unconfirmed|not confirmed|guess|doorkeeper|docs\/vendors|research|\(doc\)|\[(?:3P|DOC|GUESS|VENDOR-CODE)\]|activepieces|sdk|wordpress plugin|not documented/i;

test.each(credentials.map((c) => [c.name, c] as const))('%s: no other text names an unconfirmed fact or a maintainer note', (_n, type) => {
	expect(otherTexts(type).filter((t) => MAINTAINER_NOTE.test(t))).toEqual([]);
	if (notice(type)) expect(notice(type)!.displayName).not.toMatch(/guess|doorkeeper|docs\/vendors|research|\(doc\)/i);
});

test.each([
	['weekdoneOAuth2Api', ['the API Base URL']],
	['worktualOAuth2Api', ['the Authorization URL', 'the API Base URL', 'whether the Authorization header carries the token alone']],
	['worktualPrivateAppTokenApi', ['how long the token stays valid', 'whether the Authorization header carries the token alone', 'the API Base URL']],
	['wordappOAuth2Api', ['the Authorization URL', 'the Access Token URL', 'the Revoke Token URL', 'the API Base URL', "the X-Api-Version header's value"]],
	['wordappPasswordApi', ['the Access Token URL', 'the API Base URL', "the X-Api-Version header's value"]],
	['wordappClientCredentialsOAuth2Api', ['the Access Token URL', 'the API Base URL', "the X-Api-Version header's value"]],
])('%s: one notice, above every field it names, names each unconfirmed fact', (name, facts) => {
	const type = byName(name);
	expect(type.properties.filter((p) => p.name === 'unconfirmedNotice')).toHaveLength(1);
	const at = type.properties.findIndex((p) => p.name === 'unconfirmedNotice');
	const named = type.properties.filter((p) => p.type !== 'hidden' && p.type !== 'notice' && facts.includes(`the ${p.displayName}`));
	for (const field of named) expect([field.name, type.properties.indexOf(field) > at]).toEqual([field.name, true]);
	const text = notice(type)!.displayName;
	expect(text).toMatch(/^Not confirmed by \w+'s documentation: /);
	for (const fact of facts) expect([name, text]).toEqual([name, expect.stringContaining(fact)]);
	// each editable URL it names is a field of this credential, prefilled and without a hint of its own
	for (const url of facts.filter((f) => f.endsWith(' URL'))) {
		const field = type.properties.find((p) => `the ${p.displayName}` === url);
		expect([name, url, field?.type, field?.hint]).toEqual([name, url, 'string', undefined]);
	}
});

test.each(['webworkTrackerOAuth2Api', 'webworkTrackerPersonalAccessTokenApi', 'webworkTrackerClientCredentialsOAuth2Api', 'worksectionOAuth2Api', 'worksectionAdminApi'])(
	'%s: everything documented, no notice',
	(name) => {
		expect(notice(byName(name))).toBeUndefined();
	},
);

test('every credential is covered by one of the cases above', () => {
	expect(credentials.length).toBe(11);
});
