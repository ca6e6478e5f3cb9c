export interface ConsentPageInput {
	vendorName: string;
	clientId: string;
	scope: string[];
	redirectUri: string;
	/** Where the form posts: the authorize path with the original query string. */
	action: string;
}

/** A minimal approval screen; the form posts `decision=approve|deny` back to authorize. */
export function renderConsentPage(input: ConsentPageInput): string {
	const scope = input.scope.length > 0 ? input.scope.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('') : '<li>(no scope requested)</li>';
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.vendorName)} (sandbox): authorize ${escapeHtml(input.clientId)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; }
.card { border: 1px solid #ccc; border-radius: 8px; padding: 1.5rem; }
button { font-size: 1rem; padding: .5rem 1.25rem; margin-right: .5rem; cursor: pointer; }
.note { color: #666; font-size: .85rem; }
</style>
</head>
<body>
<div class="card">
<h1>${escapeHtml(input.vendorName)} <small>(sandbox)</small></h1>
<p>The application <strong>${escapeHtml(input.clientId)}</strong> asks for access to your ${escapeHtml(input.vendorName)} account.</p>
<p>Requested permissions:</p>
<ul>${scope}</ul>
<p class="note">You will be sent back to <code>${escapeHtml(input.redirectUri)}</code>.</p>
<form method="post" action="${escapeHtml(input.action)}">
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form>
</div>
<p class="note">Local emulator for development; not the real ${escapeHtml(input.vendorName)}.</p>
</body>
</html>
`;
}

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
