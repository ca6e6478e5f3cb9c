/**
 * A REST hook trigger from the catalogue's webhook registration: performSubscribe registers Zapier's target
 * URL with the vendor, performUnsubscribe removes it, perform checks that a delivery carries the secret of
 * our registration and hands its events on. The secret lives in bundle.subscribeData, which Zapier passes
 * to perform and performUnsubscribe.
 *
 * performList (what the Zap editor's test reads instead of waiting for a delivery): recent records of the
 * list the catalogue names in `webhook.testRecords`, wrapped the way a delivery is assumed to wrap them
 * (the vendors do not document the delivery body; the assumption is the catalogue's `note`).
 */
import { createHash, randomBytes, timingSafeEqual } from 'crypto';

import type { Bundle, PlainInputField, Trigger, ZObject } from 'zapier-platform-core';

import { readPath } from '../../shared/oauth/api';
import { buildOperationRequest, extractRecords, fieldName, fillPath, formatValue, type OperationRequest, type Scalar } from '../../shared/operations/request';
import type { RequestSpec, VendorOperations, WebhookSpec } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { choicesOf, inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { errorStatus, inputError, sendOperationRequest } from './send';
import { catalogueSample, recordSample, resourceFields, SAMPLE_TIME } from './samples';

type Row = Record<string, unknown>;

export const EVENTS_INPUT = 'events';
/** The Basic auth user we register with vendors that echo one (Worksection http_user). */
export const HOOK_USER = 'zapier';

/** What performSubscribe returns and Zapier keeps as bundle.subscribeData. */
export interface HookSubscription {
	id: string;
	user?: string;
	secret: string;
	/** Registration inputs the delete must repeat (WebWork workspace_id). */
	carry: Record<string, Scalar>;
}

function listOf(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** A request to a webhook endpoint; `params` go to the query or the body as the spec says. */
function hookRequest(catalogue: VendorOperations, spec: RequestSpec, params: Row, where: 'query' | 'body'): OperationRequest {
	const qs: Record<string, Scalar> = { ...(spec.query ?? {}) };
	if (spec.action && catalogue.actionParam) qs[catalogue.actionParam] = spec.action;
	const request: OperationRequest = { method: spec.method, path: spec.path, qs, bodyFormat: spec.bodyFormat ?? catalogue.bodyFormat };
	if (where === 'query') for (const [key, value] of Object.entries(params)) qs[key] = Array.isArray(value) ? value.join(',') : (value as Scalar);
	else request.body = params;
	return request;
}

/** A header of the delivery, by name, case-insensitively; Zapier may hand headers over prefixed with `Http-`. */
function headerOf(bundle: Bundle, name: string): string {
	const headers = (bundle.rawRequest?.headers ?? {}) as Record<string, unknown>;
	const wanted = [name.toLowerCase(), `http-${name.toLowerCase()}`];
	const key = Object.keys(headers).find((k) => wanted.includes(k.toLowerCase()));
	return key === undefined ? '' : String(headers[key]);
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function verified(hook: WebhookSpec, bundle: Bundle): boolean {
	const subscription = bundle.subscribeData as Partial<HookSubscription> | undefined;
	if (!subscription?.secret) return false;
	if (hook.verification.kind === 'basicAuth') {
		const expected = `Basic ${Buffer.from(`${subscription.user ?? ''}:${subscription.secret}`).toString('base64')}`;
		return sameSecret(headerOf(bundle, 'authorization'), expected);
	}
	return sameSecret(headerOf(bundle, hook.verification.header), subscription.secret);
}

/** Deliveries carry no id of their own; their content identifies them. */
function withDeliveryId(event: unknown): Row {
	const record = event !== null && typeof event === 'object' && !Array.isArray(event) ? (event as Row) : { value: event };
	if (typeof record.id === 'string' || typeof record.id === 'number') return record;
	return { ...record, id: createHash('sha1').update(JSON.stringify(record)).digest('hex').slice(0, 20) };
}

function verificationNotice(hook: WebhookSpec): PlainInputField[] {
	if (hook.verification.kind !== 'token' || hook.verification.source !== 'guess') return [];
	return [
		{
			key: 'deliveryNotice',
			type: 'copy',
			helpText: `Deliveries that do not carry this webhook's token in the \`${hook.verification.header}\` header are ignored.`,
		},
	];
}

/** A delivery of the test event around one record, as `testRecords` describes it. */
function asDelivery(test: NonNullable<WebhookSpec['testRecords']>, record: Row, registration: Record<string, Scalar>, time: string): Row {
	return { [test.eventKey]: test.event, ...registration, [test.dataKey]: record, timestamp: time };
}

export function hookTrigger(vendor: VendorDefinition, catalogue: VendorOperations, hook: WebhookSpec, key: string): Trigger {
	const registration = userFields(hook.create.fields);

	const remove = async (z: ZObject, bundle: Bundle, id: string, carry: Record<string, Scalar>): Promise<unknown> => {
		const request = hookRequest(catalogue, hook.delete, {}, 'query');
		if (hook.delete.idIn === 'path') request.path = fillPath(hook.delete.path, { [hook.delete.idKey]: id });
		else request.qs[hook.delete.idKey] = id;
		Object.assign(request.qs, carry);
		return await sendOperationRequest(z, bundle, vendor, request);
	};

	const performSubscribe = async (z: ZObject, bundle: Bundle): Promise<HookSubscription> => {
		const events = listOf(bundle.inputData?.[EVENTS_INPUT]);
		if (events.length === 0) throw inputError(z, vendor, new Error('Choose at least one event'));
		const values = valuesOf(registration, bundle.inputData);
		const wire: Record<string, Scalar> = {};
		for (const field of registration) {
			const value = values[fieldName(field)];
			if (value !== undefined) wire[field.key] = formatValue(value, field.format) as Scalar;
		}
		for (const field of registration) if (field.required && wire[field.key] === undefined) throw inputError(z, vendor, new Error(`${field.displayName} is required`));
		const params: Row = {
			[hook.create.urlKey]: bundle.targetUrl,
			[hook.create.eventsKey]: hook.create.eventsFormat === 'csv' ? events.join(',') : events,
			...wire,
		};
		const verification = hook.verification;
		let user: string | undefined;
		let secret: string | undefined;
		if (verification.kind === 'basicAuth') {
			// the vendor signs nothing: credentials we choose and it echoes are the only proof of origin
			user = HOOK_USER;
			secret = randomBytes(24).toString('hex');
			params[verification.userKey] = user;
			params[verification.passKey] = secret;
		}
		const body = await sendOperationRequest(z, bundle, vendor, hookRequest(catalogue, hook.create, params, hook.create.paramsIn));
		const id = readPath(body, hook.create.idPath);
		if (id === undefined || id === null || id === '') throw new z.errors.Error(`${vendor.displayName} registered no webhook (no id in its answer)`, 'api_error', 502);
		const carry: Record<string, Scalar> = {};
		for (const name of hook.delete.carry ?? []) if (wire[name] !== undefined) carry[name] = wire[name];
		if (verification.kind === 'token') {
			const token = readPath(body, verification.tokenPath);
			if (typeof token !== 'string' || token === '') {
				await remove(z, bundle, String(id), carry);
				throw new z.errors.Error(`${vendor.displayName} returned no webhook token, so deliveries could not be verified`, 'api_error', 502);
			}
			secret = token;
		}
		return { id: String(id), ...(user ? { user } : {}), secret: secret as string, carry };
	};

	const performUnsubscribe = async (z: ZObject, bundle: Bundle): Promise<Row> => {
		const subscription = bundle.subscribeData as Partial<HookSubscription> | undefined;
		if (!subscription?.id) return {};
		try {
			await remove(z, bundle, subscription.id, subscription.carry ?? {});
		} catch (error) {
			if (errorStatus(error) !== 404) throw error; // already gone at the vendor is what we wanted
		}
		return { id: subscription.id, deleted: true };
	};

	const registrationWire = (bundle: Bundle): Record<string, Scalar> => {
		const values = valuesOf(registration, bundle.inputData);
		const wire: Record<string, Scalar> = {};
		for (const field of registration) {
			const value = values[fieldName(field)];
			if (value !== undefined) wire[field.key] = formatValue(value, field.format) as Scalar;
		}
		return wire;
	};

	const test = hook.testRecords;
	const listed = test ? catalogue.resources.find((r) => r.value === test.resource) : undefined;
	const listOperation = listed?.operations.find((o) => o.value === test?.operation);
	if (test && !listOperation) throw new Error(`${catalogue.vendor}: webhook.testRecords names ${test.resource}/${test.operation}, which the catalogue lacks`);

	const performList = async (z: ZObject, bundle: Bundle): Promise<Row[]> => {
		if (!test || !listOperation) return [];
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, listOperation, valuesOf(userFields(listOperation.fields), bundle.inputData));
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		const records = extractRecords(listOperation.result, await sendOperationRequest(z, bundle, vendor, request));
		const wire = registrationWire(bundle);
		const now = new Date().toISOString();
		return records.slice(0, 3).map((record) => withDeliveryId(asDelivery(test, record, wire, now)));
	};

	const perform = async (z: ZObject, bundle: Bundle): Promise<Row[]> => {
		// Halted, not failed: a stray or forged delivery must not turn the Zap off, but shows in its history.
		if (!verified(hook, bundle)) throw new z.errors.HaltedError(`${vendor.displayName}: a delivery without this webhook's secret was ignored`);
		const payload: unknown = bundle.cleanedRequest;
		const events = hook.deliveryIsArray && Array.isArray(payload) ? payload : [payload];
		return events.map(withDeliveryId);
	};

	const inputFields: PlainInputField[] = [
		{
			key: EVENTS_INPUT,
			label: 'Events',
			required: true,
			list: true,
			choices: choicesOf(hook.events),
			helpText: `The ${vendor.displayName} events that trigger the Zap.`,
		},
		...inputFieldsOf(catalogue, registration),
		...verificationNotice(hook),
	];
	const names = hook.events.map((e) => e.name.toLowerCase()).join(', ');
	const sampleWire: Record<string, Scalar> = {};
	for (const field of registration) sampleWire[field.key] = 1001;
	const sample = test && listed
		? { id: 'a1b2c3d4e5f6a7b8c9d0', ...asDelivery(test, (listOperation && catalogueSample(catalogue, listed, listOperation)) ?? recordSample(resourceFields(listed, [])), sampleWire, SAMPLE_TIME) }
		: { id: 'a1b2c3d4e5f6a7b8c9d0', event: String(hook.events[0]?.value ?? 'event') };
	return {
		key,
		noun: 'Event',
		display: { label: 'New Webhook Event', description: `Triggers when ${vendor.displayName} reports one of the chosen events (${names}), instantly.`.slice(0, 1000) },
		operation: {
			type: 'hook',
			perform,
			performList,
			performSubscribe,
			performUnsubscribe,
			inputFields,
			sample,
		},
	};
}
