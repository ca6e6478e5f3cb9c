import { randomBytes } from 'node:crypto';
import type { VendorId } from '../clients';

export type TokenKind = 'oauth' | 'static';

export interface AccessTokenRecord {
	token: string;
	vendor: VendorId;
	kind: TokenKind;
	clientId: string | null;
	/** null for app-only tokens (client_credentials without a resource owner). */
	userId: string | null;
	scope: string[];
	grantType: string;
	issuedAt: number;
	expiresAt: number | null;
	revokedAt: number | null;
	refreshToken: string | null;
}

export interface RefreshTokenRecord {
	token: string;
	vendor: VendorId;
	clientId: string | null;
	userId: string | null;
	scope: string[];
	issuedAt: number;
	expiresAt: number | null;
	revokedAt: number | null;
	/** The access token issued together with this refresh token. */
	accessToken: string;
	/** Kept for Weekdone, whose refresh must repeat the original redirect_uri. */
	redirectUri: string | null;
}

export type TokenFailure = 'unknown' | 'expired' | 'revoked';
export type TokenCheck<T> = { ok: true; record: T } | { ok: false; reason: TokenFailure; record?: T };

export interface IssueInput {
	vendor: VendorId;
	clientId: string | null;
	userId: string | null;
	scope: string[];
	grantType: string;
	/** null = never expires. */
	accessTtlSeconds: number | null;
	/** Omit for grants without a refresh token. */
	refresh?: { ttlSeconds: number | null; redirectUri?: string | null };
	accessPrefix?: string;
	refreshPrefix?: string;
}

export interface IssuedTokens {
	access: AccessTokenRecord;
	refresh: RefreshTokenRecord | null;
}

export function randomToken(bytes = 32, prefix = ''): string {
	return prefix + randomBytes(bytes).toString('base64url');
}

/** In-memory access and refresh tokens; every lookup is scoped to one vendor. */
export class TokenStore {
	private readonly access = new Map<string, AccessTokenRecord>();
	private readonly refresh = new Map<string, RefreshTokenRecord>();

	constructor(private readonly now: () => number) {}

	issue(input: IssueInput): IssuedTokens {
		const now = this.now();
		const access: AccessTokenRecord = {
			token: randomToken(32, input.accessPrefix),
			vendor: input.vendor,
			kind: 'oauth',
			clientId: input.clientId,
			userId: input.userId,
			scope: [...input.scope],
			grantType: input.grantType,
			issuedAt: now,
			expiresAt: input.accessTtlSeconds === null ? null : now + input.accessTtlSeconds * 1000,
			revokedAt: null,
			refreshToken: null,
		};
		let refresh: RefreshTokenRecord | null = null;
		if (input.refresh) {
			refresh = {
				token: randomToken(48, input.refreshPrefix),
				vendor: input.vendor,
				clientId: input.clientId,
				userId: input.userId,
				scope: [...input.scope],
				issuedAt: now,
				expiresAt: input.refresh.ttlSeconds === null ? null : now + input.refresh.ttlSeconds * 1000,
				revokedAt: null,
				accessToken: access.token,
				redirectUri: input.refresh.redirectUri ?? null,
			};
			access.refreshToken = refresh.token;
			this.refresh.set(refresh.token, refresh);
		}
		this.access.set(access.token, access);
		return { access, refresh };
	}

	/** Personal/private tokens configured in the vendor's UI rather than issued over OAuth. */
	addStatic(vendor: VendorId, token: string, userId: string, scope: string[], expiresAt: number | null): void {
		this.access.set(token, {
			token,
			vendor,
			kind: 'static',
			clientId: null,
			userId,
			scope,
			grantType: 'static',
			issuedAt: this.now(),
			expiresAt,
			revokedAt: null,
			refreshToken: null,
		});
	}

	checkAccess(vendor: VendorId, token: string | undefined | null): TokenCheck<AccessTokenRecord> {
		return this.check(this.access, vendor, token);
	}

	checkRefresh(vendor: VendorId, token: string | undefined | null): TokenCheck<RefreshTokenRecord> {
		return this.check(this.refresh, vendor, token);
	}

	/** Revokes an access token and the refresh token issued with it (one grant). */
	revokeGrantOfAccess(token: string): boolean {
		const record = this.access.get(token);
		if (!record || record.revokedAt !== null) return false;
		record.revokedAt = this.now();
		const refresh = record.refreshToken ? this.refresh.get(record.refreshToken) : undefined;
		if (refresh && refresh.revokedAt === null) refresh.revokedAt = this.now();
		return true;
	}

	/** Rotation: a used refresh token dies together with the access token issued with it. */
	revokeRefreshAndAccess(refresh: RefreshTokenRecord): void {
		this.revokeRefresh(refresh.token);
		this.revokeAccess(refresh.accessToken);
	}

	revokeRefresh(token: string): void {
		const record = this.refresh.get(token);
		if (record && record.revokedAt === null) record.revokedAt = this.now();
	}

	revokeAccess(token: string): void {
		const record = this.access.get(token);
		if (record && record.revokedAt === null) record.revokedAt = this.now();
	}

	/** Revokes every live OAuth grant matching the predicate; returns how many access tokens it hit. */
	revokeWhere(predicate: (record: AccessTokenRecord) => boolean): number {
		let count = 0;
		for (const record of this.access.values()) {
			if (record.kind === 'oauth' && record.revokedAt === null && predicate(record)) {
				this.revokeGrantOfAccess(record.token);
				count++;
			}
		}
		return count;
	}

	/** Test hook: every OAuth-issued access token of the vendor expires now (static tokens are untouched). */
	expireVendor(vendor: VendorId): number {
		const now = this.now();
		let count = 0;
		for (const record of this.access.values()) {
			if (record.vendor !== vendor || record.kind !== 'oauth' || record.revokedAt !== null) continue;
			if (record.expiresAt !== null && record.expiresAt <= now) continue;
			record.expiresAt = now;
			count++;
		}
		return count;
	}

	listAccess(vendor: VendorId): AccessTokenRecord[] {
		return [...this.access.values()].filter((r) => r.vendor === vendor);
	}

	private check<T extends { vendor: VendorId; expiresAt: number | null; revokedAt: number | null }>(
		map: Map<string, T>,
		vendor: VendorId,
		token: string | undefined | null,
	): TokenCheck<T> {
		const record = token ? map.get(token) : undefined;
		if (!record || record.vendor !== vendor) return { ok: false, reason: 'unknown' };
		if (record.revokedAt !== null) return { ok: false, reason: 'revoked', record };
		if (record.expiresAt !== null && record.expiresAt <= this.now()) return { ok: false, reason: 'expired', record };
		return { ok: true, record };
	}
}
