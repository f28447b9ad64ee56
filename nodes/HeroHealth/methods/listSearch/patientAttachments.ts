import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { INFERRED, pathId, readPage } from '../../transport';
import { isHeroId } from '../../validation';
import { toSearchItems } from './pagedSearch';

/** The Patient ID chosen in the node: a plain id, or a resource locator's value. */
function chosenPatientId(ctx: ILoadOptionsFunctions): string {
	let value: unknown = ctx.getCurrentNodeParameter('patientId', { extractValue: true });
	if (value && typeof value === 'object' && 'value' in value)
		value = (value as { value: unknown }).value;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!isHeroId(id))
		throw new NodeOperationError(
			ctx.getNode(),
			'Choose the patient first: Patient ID must be a numeric Hero ID (an expression is only read when the node runs)',
		);
	return id;
}

function attachmentLabel(file: IDataObject): string {
	const { idField, nameFields } = INFERRED.patientAttachmentFields;
	for (const field of nameFields) {
		const name = file[field];
		if (typeof name === 'string' && name.trim()) return `${name.trim()} (${String(file[idField])})`;
	}
	return `File ${String(file[idField])}`;
}

/**
 * The files of the chosen patient's EHR record (`GET /v1/patients/{id}/attachments`), for Attachment
 * Link → Create's EHR File ID. Hero documents no paging for this list; the fields are a guess
 * (INFERRED.patientAttachmentFields).
 */
export async function searchPatientAttachments(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const patientId = chosenPatientId(this);
	const { records } = await readPage.call(this, {
		method: 'GET',
		path: `/v1/patients/${pathId(patientId)}/attachments`,
	});
	const { idField } = INFERRED.patientAttachmentFields;
	const files = records.map((file) => ({ ...file, id: file[idField] }));
	return { results: toSearchItems(files, attachmentLabel, filter) };
}
