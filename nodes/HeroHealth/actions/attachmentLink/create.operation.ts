import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { heroApiRequest } from '../../transport';
import { patientIdField } from '../common.descriptions';
import { checkOneOf, readCollection, requireId, requireString } from '../helpers';
import { invalid } from '../../privacy/invalid';
import {
	checkExpiryDate,
	checkUseCount,
	expiryDateOption,
	maximumUseCountOption,
} from '../links.descriptions';

const SOURCES = ['binary', 'base64', 'ehrFile'] as const;

const properties: INodeProperties[] = [
	patientIdField,
	{
		displayName: 'File Source',
		name: 'fileSource',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Base64 Text', value: 'base64', description: 'The file content as base64 text' },
			{
				name: 'Binary File From Input',
				value: 'binary',
				description: 'A file on the input item (e.g. from Read/Write Files or HTTP Request)',
			},
			{
				name: 'EHR File',
				value: 'ehrFile',
				description: "A file already in the patient's record, by its EHR file ID",
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file',
		displayOptions: { show: { fileSource: ['binary'] } },
	},
	{
		displayName: 'File Data (Base64)',
		name: 'fileData',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		displayOptions: { show: { fileSource: ['base64'] } },
	},
	{
		displayName: 'EHR File ID',
		name: 'ehrFileId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			"A file in the patient's EHR attachments (Patient → Get Attachments): From List shows the files of the Patient ID above",
		displayOptions: { show: { fileSource: ['ehrFile'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPatientAttachments', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 8812',
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			expiryDateOption,
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. blood-test-results.pdf',
				description: "Name shown to the patient (defaults to the binary file's name)",
			},
			maximumUseCountOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['attachmentLink'], operation: ['create'] } },
	properties,
);

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Builds and checks the body of POST /v1/attachment_links; throws before any request on bad input. */
export async function buildAttachmentBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	// Required by our reading of the docs (INFERRED.attachmentLinkCreateRequired).
	const body: IDataObject = { patient_id: requireId(ctx, 'patientId', itemIndex, 'Patient ID') };
	const source = checkOneOf(
		ctx,
		itemIndex,
		'File Source',
		ctx.getNodeParameter('fileSource', itemIndex, 'binary'),
		SOURCES,
	);
	const extra = readCollection(ctx, 'additionalFields', itemIndex);
	let fileName = typeof extra.fileName === 'string' ? extra.fileName.trim() : '';

	if (source === 'ehrFile') {
		body.ehr_file_id = requireString(ctx, 'ehrFileId', itemIndex, 'EHR File ID');
	} else if (source === 'base64') {
		const data = requireString(ctx, 'fileData', itemIndex, 'File Data (Base64)').replace(
			/\s+/g,
			'',
		);
		if (!BASE64.test(data))
			throw invalid(ctx, itemIndex, 'File Data (Base64)', 'expected base64 text');
		body.file_data = data;
	} else {
		const property = requireString(ctx, 'binaryPropertyName', itemIndex, 'Input Binary Field');
		const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
		if (!binary)
			throw invalid(
				ctx,
				itemIndex,
				'Input Binary Field',
				'the input item has no binary file in that field',
			);
		const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		if (buffer.length === 0)
			throw invalid(ctx, itemIndex, 'Input Binary Field', 'the file is empty');
		body.file_data = buffer.toString('base64');
		fileName ||= binary.fileName ?? '';
	}
	if (fileName) body.file_name = fileName;
	if (extra.expiryDate !== undefined && extra.expiryDate !== '')
		body.expiry_date = checkExpiryDate(ctx, itemIndex, extra.expiryDate);
	if (extra.maximumUseCount !== undefined)
		body.maximum_use_count = checkUseCount(ctx, itemIndex, extra.maximumUseCount);
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = await buildAttachmentBody(this, itemIndex);
	return heroApiRequest.call(this, {
		method: 'POST',
		path: '/v1/attachment_links',
		body,
		repeatable: false,
		itemIndex,
	});
}
