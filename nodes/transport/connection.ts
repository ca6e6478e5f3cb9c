import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { VendorRequestContext } from './GenericFunctions';

/**
 * A view of the node context that resolves the credential once for a whole operation (every page of a
 * Return All) instead of on every request.
 *
 * Each request through n8n's httpRequestWithAuthentication reads the credential through the context it is
 * called on (`this.getCredentials`: a database read, decryption and expression resolution in the CLI), and
 * our transport reads it once more for the API base and token placement: two resolutions per page. Here the
 * first read is kept and handed to both. n8n still signs, refreshes under its lock and persists: when it
 * renews the token it writes the new token data into the credential object it was given, which is this
 * one, so later pages use the new token without reading again. A failed request drops what is kept, so code
 * that looks for a token another run saved meanwhile (the transport's retry after a rejected refresh) reads
 * the store, not this copy.
 * (getCredentials / requestOAuth2 in n8n-core's request-helpers, https://github.com/n8n-io/n8n)
 */
export function withCredentialResolvedOnce<T extends VendorRequestContext>(context: T, credentialType: string): T {
	let kept: Promise<ICredentialDataDecryptedObject> | undefined;
	const forget = () => {
		kept = undefined;
	};
	const getCredentials = async (type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject> => {
		if (type !== credentialType) return await context.getCredentials(type, itemIndex);
		if (!kept) {
			kept = context.getCredentials(type, itemIndex);
			kept.catch(forget);
		}
		return await kept;
	};
	const helpers = Object.create(context.helpers) as T['helpers'];
	const authenticated = context.helpers.httpRequestWithAuthentication;
	Object.defineProperty(helpers, 'httpRequestWithAuthentication', {
		value: async function (this: T, ...args: Parameters<typeof authenticated>) {
			const sent = authenticated.apply(this, args);
			// The caller gets the failure as it is; this side only drops the kept credential.
			sent.catch(forget);
			return await sent;
		},
	});
	const view = Object.create(context) as T;
	Object.defineProperty(view, 'getCredentials', { value: getCredentials });
	Object.defineProperty(view, 'helpers', { value: helpers });
	return view;
}
