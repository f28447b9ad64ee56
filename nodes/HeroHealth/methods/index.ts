import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { searchBookingLinks } from './listSearch/bookingLinks';
import { searchAdmins } from './listSearch/admins';
import { searchAutomatedMessages } from './listSearch/automatedMessages';
import { searchBatchMessages } from './listSearch/batchMessages';
import { searchMessageTemplates } from './listSearch/messageTemplates';
import { searchForms } from './listSearch/forms';
import { searchAppointmentTypes } from './listSearch/appointmentTypes';
import { searchLocations } from './listSearch/locations';
import { searchPatientAttachments } from './listSearch/patientAttachments';
import { searchPatients } from './listSearch/patients';
import { searchPractitioners } from './listSearch/practitioners';
import { searchWebhooks } from './listSearch/webhooks';
import {
	loadAppointmentTypes,
	loadLocations,
	loadPractitioners,
} from './loadOptions/bookingOptions';
import { loadCoupons } from './loadOptions/coupons';

type ListSearch = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;
type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/**
 * Searchable "From list" dropdowns of resource locators, by method name. Each lives in its own
 * file under methods/listSearch/ and is added here with one line.
 */
export const listSearch: Record<string, ListSearch> = {
	searchAppointmentTypes,
	searchLocations,
	searchPractitioners,
	searchPatients,
	searchAdmins,
	searchAutomatedMessages,
	searchBatchMessages,
	searchBookingLinks,
	searchForms,
	searchMessageTemplates,
	searchPatientAttachments,
	searchWebhooks,
};

/** Plain dropdowns (loadOptionsMethod), likewise one file each under methods/loadOptions/. */
export const loadOptions: Record<string, LoadOptions> = {
	loadAppointmentTypes,
	loadLocations,
	loadPractitioners,
	loadCoupons,
};
