/**
 * "New …" polling triggers over the catalogue's lists. Zapier remembers which ids it has seen, so a poll
 * simply returns the current list (all pages, newest first); the catalogue's watermark only orders it.
 */
import type { Bundle, PlainInputField, Trigger, ZObject } from 'zapier-platform-core';

import { buildOperationRequest, forEachPage, type OperationRequest } from '../../shared/operations/request';
import { kindOf } from '../../shared/operations/polling';
import type { PollingEvent, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { choicesOf, inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { triggerDescription, type PlannedTrigger } from './plan';
import { eventSample } from './samples';
import { inputError, sendOperationRequest } from './send';
import { newestFirst, withTriggerId } from './trigger-records';

type Row = Record<string, unknown>;
/** Zapier's typings want string ids; vendors' numeric ids deduplicate just as well. */
type TriggerRow = Row & { id: string };

/** Records read per poll at most: a runaway paging answer must not outlive Zapier's time limit. */
export const POLL_LIMIT = 5000;
/** bundle.meta.isLoadingSample: the editor wants a few records, fast. */
export const SAMPLE_LIMIT = 3;
/** Input of the kind filter (Worksection: which activity-log actions fire). */
export const KINDS_INPUT = 'eventTypes';

function kindsInput(event: PollingEvent): PlainInputField[] {
	if (!event.kindFilter) return [];
	return [
		{
			key: KINDS_INPUT,
			label: 'Event Types',
			list: true,
			required: false,
			choices: choicesOf(event.kindFilter.options),
			helpText: 'Only these kinds of events trigger the Zap. Leave empty for all.',
		},
	];
}

function wantedKinds(inputData: Record<string, unknown> | undefined): string[] {
	const raw = inputData?.[KINDS_INPUT];
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

export function pollingTrigger(vendor: VendorDefinition, catalogue: VendorOperations, planned: PlannedTrigger): Trigger {
	const { event, operation, resource } = planned;
	const fixed = event.query ?? {};
	const visible = userFields(operation.fields, fixed);
	// Hidden inputs stay: buildOperationRequest sends their fixed values.
	const requestFields = operation.fields.filter((f) => !(f.key in fixed));
	const sample = withTriggerId(event, eventSample(resource, event));

	const perform = async (z: ZObject, bundle: Bundle): Promise<TriggerRow[]> => {
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, { ...operation, fields: requestFields }, valuesOf(visible, bundle.inputData));
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		request.qs = { ...request.qs, ...fixed };
		const loadingSample = bundle.meta?.isLoadingSample === true;
		// A sample needs one small page; a poll reads every page, since a list may hold its newest records last.
		const pages = operation.paginated && catalogue.pagination !== undefined;
		const limit = loadingSample && pages ? SAMPLE_LIMIT : POLL_LIMIT;
		const records: Row[] = [];
		const fetch = (r: OperationRequest) => sendOperationRequest(z, bundle, vendor, r);
		await forEachPage(catalogue, operation, request, fetch, limit, (page) => records.push(...page));

		const kinds = event.kindFilter ? wantedKinds(bundle.inputData) : [];
		const kept = kinds.length === 0 ? records : records.filter((r) => kinds.includes(kindOf(event, r) ?? ''));
		const ordered = newestFirst(event, kept.map((r) => withTriggerId(event, r))) as TriggerRow[];
		return loadingSample ? ordered.slice(0, SAMPLE_LIMIT) : ordered;
	};

	return {
		key: planned.key,
		noun: planned.noun,
		display: { label: event.name, description: triggerDescription(planned, vendor.displayName) },
		operation: {
			type: 'polling',
			perform,
			inputFields: [...kindsInput(event), ...inputFieldsOf(catalogue, visible)],
			sample,
		},
	};
}
