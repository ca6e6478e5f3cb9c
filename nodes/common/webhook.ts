import { randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject, IHookFunctions, INodeProperties, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readPath } from '../../shared/oauth/api';
import { fieldName, fillPath, formatValue, isUnset, type OperationRequest, type Scalar } from '../../shared/operations/request';
import type { RequestSpec, WebhookSpec } from '../../shared/operations/types';
import { vendorApiRequest } from '../transport/GenericFunctions';
import { credentialTypeOf, type VendorNodeSpec } from './node-spec';
import { authenticationProperty, fieldProperty, isTopLevel, n8nOptions } from './description';

/** What the node keeps between activation and deliveries: the vendor's webhook id and the delivery secret. */
interface HookState {
	webhookId?: string;
	/** Worksection: the Basic auth user/password we chose; WebWork: the token the vendor returned. */
	user?: string;
	secret?: string;
}

function webhookOf(spec: VendorNodeSpec): WebhookSpec {
	if (!spec.catalogue.webhook) throw new Error(`${spec.vendor.displayName} has no webhook in its catalogue`);
	return spec.catalogue.webhook;
}

export function webhookTriggerProperties(spec: VendorNodeSpec): INodeProperties[] {
	const hook = webhookOf(spec);
	const fields = hook.create.fields;
	const props: INodeProperties[] = [
		authenticationProperty(spec.vendor),
		{
			displayName: 'Trigger On',
			name: 'events',
			type: 'multiOptions',
			required: true,
			options: n8nOptions(hook.events).sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
		},
		...fields.filter(isTopLevel).map((f) => fieldProperty(spec.catalogue, f)),
	];
	const verification = hook.verification;
	if (verification.kind === 'token' && verification.source === 'guess') {
		// Say it in the editor too: a delivery in another format would be refused with 401.
		props.push({
			displayName: `${spec.vendor.displayName} does not document how deliveries present the webhook token; this node expects it in the ${verification.header} header and refuses other deliveries`,
			name: 'deliveryNotice',
			type: 'notice',
			default: '',
		});
	}
	const optional = fields.filter((f) => !isTopLevel(f));
	if (optional.length > 0) {
		props.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: optional.map((f) => fieldProperty(spec.catalogue, f)),
		});
	}
	return props;
}

/** The registration inputs (workspace, projects) as wire values, by vendor key. */
function registrationValues(this: IHookFunctions, spec: VendorNodeSpec): Record<string, unknown> {
	const hook = webhookOf(spec);
	const options = hook.create.fields.some((f) => !isTopLevel(f)) ? (this.getNodeParameter('options', {}) as IDataObject) : {};
	const values: Record<string, unknown> = {};
	for (const field of hook.create.fields) {
		const raw = isTopLevel(field) ? this.getNodeParameter(fieldName(field)) : options[fieldName(field)];
		if (!isUnset(raw)) values[field.key] = formatValue(raw, field.format);
	}
	return values;
}

function requestFrom(spec: VendorNodeSpec, base: RequestSpec, params: Record<string, unknown>, where: 'query' | 'body'): OperationRequest {
	const qs: Record<string, Scalar> = { ...(base.query ?? {}) };
	if (base.action && spec.catalogue.actionParam) qs[spec.catalogue.actionParam] = base.action;
	const request: OperationRequest = { method: base.method, path: base.path, qs, bodyFormat: base.bodyFormat ?? spec.catalogue.bodyFormat };
	if (where === 'query') for (const [k, v] of Object.entries(params)) qs[k] = Array.isArray(v) ? v.join(',') : (v as Scalar);
	else request.body = params;
	return request;
}

function carried(values: Record<string, unknown>, keys: string[] | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of keys ?? []) if (values[key] !== undefined) out[key] = values[key];
	return out;
}

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

async function deleteHook(this: IHookFunctions, spec: VendorNodeSpec, id: string): Promise<void> {
	const hook = webhookOf(spec);
	const values = carried(registrationValues.call(this, spec), hook.delete.carry);
	const removal = hook.delete;
	const request = requestFrom(spec, removal, {}, 'query');
	if (removal.idIn === 'path') request.path = fillPath(removal.path, { [removal.idKey]: id });
	else request.qs[removal.idKey] = id;
	for (const [k, v] of Object.entries(values)) request.qs[k] = v as Scalar;
	await vendorApiRequest.call(this, spec.vendor, credentialTypeOf.call(this, spec), request);
}

/**
 * Registration on activation, removal on deactivation. A webhook found at the vendor for this URL but not
 * the one we hold (left by an earlier activation) is removed first: its delivery secret is unknown to us.
 */
export function webhookMethods(spec: VendorNodeSpec) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const hook = webhookOf(spec);
				const state = this.getWorkflowStaticData('node') as HookState;
				if (!hook.list) return state.webhookId !== undefined;
				const url = this.getNodeWebhookUrl('default');
				const values = registrationValues.call(this, spec);
				const request = requestFrom(spec, hook.list, carried(values, hook.list.carry), 'query');
				const body = await vendorApiRequest.call(this, spec.vendor, credentialTypeOf.call(this, spec), request);
				const found = hook.list.resultPath ? readPath(body, hook.list.resultPath) : body;
				const list = Array.isArray(found) ? (found as IDataObject[]) : [];
				for (const registered of list) {
					if (readPath(registered, hook.list.urlPath) !== url) continue;
					const id = String(readPath(registered, hook.list.idPath));
					if (id === state.webhookId && state.secret) return true;
					await deleteHook.call(this, spec, id);
				}
				delete state.webhookId;
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const hook = webhookOf(spec);
				const state = this.getWorkflowStaticData('node') as HookState;
				const events = this.getNodeParameter('events', []) as string[];
				if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				const params: Record<string, unknown> = {
					[hook.create.urlKey]: this.getNodeWebhookUrl('default'),
					[hook.create.eventsKey]: hook.create.eventsFormat === 'csv' ? events.join(',') : events,
					...registrationValues.call(this, spec),
				};
				const verification = hook.verification;
				let user: string | undefined;
				let secret: string | undefined;
				if (verification.kind === 'basicAuth') {
					// The vendor signs nothing; credentials we choose and it echoes are the only proof of origin.
					user = 'n8n';
					secret = randomBytes(24).toString('hex');
					params[verification.userKey] = user;
					params[verification.passKey] = secret;
				}
				const request = requestFrom(spec, hook.create, params, hook.create.paramsIn);
				const body = await vendorApiRequest.call(this, spec.vendor, credentialTypeOf.call(this, spec), request);
				const id = readPath(body, hook.create.idPath);
				if (id === undefined || id === null || id === '') {
					throw new NodeApiError(this.getNode(), { message: 'no webhook id in the answer' }, { message: `${spec.vendor.displayName} registered no webhook (no id in its answer)` });
				}
				if (verification.kind === 'token') {
					const token = readPath(body, verification.tokenPath);
					if (typeof token !== 'string' || token === '') {
						await deleteHook.call(this, spec, String(id));
						throw new NodeApiError(this.getNode(), { message: 'no webhook token in the answer' }, { message: `${spec.vendor.displayName} returned no webhook token, so deliveries could not be verified` });
					}
					secret = token;
				}
				state.webhookId = String(id);
				state.user = user;
				state.secret = secret;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as HookState;
				if (state.webhookId === undefined) return true;
				try {
					await deleteHook.call(this, spec, state.webhookId);
				} catch (error) {
					// Already gone at the vendor is fine; anything else is reported by n8n and retried on the next deactivation.
					if (!(error instanceof NodeApiError && error.httpCode === '404')) return false;
				}
				delete state.webhookId;
				delete state.user;
				delete state.secret;
				return true;
			},
		},
	};
}

/** Whether a delivery carries the secret of our registration. */
function verified(this: IWebhookFunctions, hook: WebhookSpec, state: HookState): boolean {
	if (!state.secret) return false;
	const headers = this.getHeaderData() as Record<string, string | undefined>;
	if (hook.verification.kind === 'basicAuth') {
		const expected = `Basic ${Buffer.from(`${state.user ?? ''}:${state.secret}`).toString('base64')}`;
		return sameSecret(String(headers.authorization ?? ''), expected);
	}
	return sameSecret(String(headers[hook.verification.header.toLowerCase()] ?? ''), state.secret);
}

/** webhook(): checks the secret, answers what the vendor expects, and emits one item per delivered event. */
export async function receiveWebhook(this: IWebhookFunctions, spec: VendorNodeSpec): Promise<IWebhookResponseData> {
	const hook = webhookOf(spec);
	const state = this.getWorkflowStaticData('node') as HookState;
	if (!verified.call(this, hook, state)) {
		const res = this.getResponseObject();
		res.status(401).json({ message: 'Unauthorized' });
		return { noWebhookResponse: true };
	}
	const body = this.getBodyData() as unknown;
	const events = (hook.deliveryIsArray && Array.isArray(body) ? body : [body]) as IDataObject[];
	return {
		workflowData: [this.helpers.returnJsonArray(events)],
		...(hook.response !== undefined ? { webhookResponse: hook.response } : {}),
	};
}
