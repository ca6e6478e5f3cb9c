/**
 * "New …" polling triggers over the catalogue's lists. Zapier remembers which ids it has seen, so a poll
 * returns the newest records, newest first; the catalogue's watermark only orders them. A poll reads one
 * page, the largest the vendor allows (Zapier stops a poll after 30 s): the catalogue's polling event sorts
 * the list newest first on the server (`query`) or narrows it to recent records (`recent`) where it can.
 */
import type { Bundle, PlainInputField, Trigger, ZObject } from 'zapier-platform-core';

import { buildOperationRequest, extractRecords, forEachPage, pageQuery, type OperationRequest } from '../../shared/operations/request';
import { kindOf } from '../../shared/operations/polling';
import type { PollingEvent, VendorOperations } from '../../shared/operations/types';
import type { VendorDefinition } from '../../shared/types';
import { choicesOf, inputFieldsOf, userFields } from './input-fields';
import { valuesOf } from './inputs';
import { triggerDescription, type PlannedTrigger } from './plan';
import { catalogueSample, eventSample } from './samples';
import { inputError, sendOperationRequest } from './send';
import { newestFirst, withTriggerId } from './trigger-records';

type Row = Record<string, unknown>;
/** Zapier's typings want string ids; vendors' numeric ids deduplicate just as well. */
type TriggerRow = Row & { id: string };

/** Records read per poll at most from a list that does not page (it answers everything at once). */
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
	// inputs the poll sets itself, or that would change the order or drop the id, are not offered
	const notOffered = new Set([...(event.hide ?? []), ...(event.recent ? [event.recent.field] : [])]);
	const visible = userFields(operation.fields, fixed).filter((f) => !notOffered.has(f.key));
	// Hidden inputs stay: buildOperationRequest sends their fixed values.
	const requestFields = operation.fields.filter((f) => !(f.key in fixed) && !notOffered.has(f.key));
	const sample = withTriggerId(event, catalogueSample(catalogue, resource, operation) ?? eventSample(resource, event));

	const perform = async (z: ZObject, bundle: Bundle): Promise<TriggerRow[]> => {
		let request: OperationRequest;
		try {
			request = buildOperationRequest(catalogue, { ...operation, fields: requestFields }, valuesOf(visible, bundle.inputData));
		} catch (error) {
			throw inputError(z, vendor, error);
		}
		const loadingSample = bundle.meta?.isLoadingSample === true;
		request.qs = { ...request.qs, ...fixed };
		// the editor's sample wants a few records even when none is recent
		if (event.recent && !loadingSample) request.qs[event.recent.field] = String(Date.now() - event.recent.hours * 3_600_000);
		const records: Row[] = [];
		const fetch = (r: OperationRequest) => sendOperationRequest(z, bundle, vendor, r);
		const pagination = operation.paginated ? catalogue.pagination : undefined;
		if (pagination) {
			// one page per poll: a sample a small one, a poll the largest the vendor allows
			const size = loadingSample ? SAMPLE_LIMIT : pagination.maxPageSize;
			const body = await fetch({ ...request, qs: { ...request.qs, ...pageQuery(pagination, pagination.firstPage, size) } });
			records.push(...extractRecords(operation.result, body));
		} else {
			// the whole list comes in one answer, in the vendor's order: sorted below, then cut for a sample
			await forEachPage(catalogue, operation, request, fetch, POLL_LIMIT, (page) => records.push(...page));
		}

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
