/**
 * The transport seam. The lifecycle builds plain request objects and reads plain responses; each platform
 * supplies the client: n8n's request helpers, Zapier's z.request, or axios in our own tools and tests.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	/** Already encoded (form or JSON); absent for GET. */
	body?: string;
}

export interface HttpResponse {
	status: number;
	/** Lower-case header names. */
	headers: Record<string, string | undefined>;
	/** The raw body text. */
	body: string;
}

export type HttpClient = (request: HttpRequest) => Promise<HttpResponse>;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** Form-encodes fields, skipping undefined values, in insertion order. */
export function encodeForm(fields: Record<string, string | undefined>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		if (value !== undefined) params.append(key, value);
	}
	return params.toString();
}

/**
 * Sends and reports a transport failure as a value instead of a throw, so callers raise their own
 * vendor-named, redacted error (and n8n's lint sees no raw re-throw inside a catch block).
 */
export async function sendCapturingFailure(
	http: HttpClient,
	request: HttpRequest,
): Promise<{ response: HttpResponse; failure?: undefined } | { response?: undefined; failure: string }> {
	try {
		return { response: await http(request) };
	} catch (error) {
		return { failure: error instanceof Error ? error.message : String(error) };
	}
}
