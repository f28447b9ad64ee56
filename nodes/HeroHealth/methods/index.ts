import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { searchBookingLinks } from './listSearch/bookingLinks';
import { searchForms } from './listSearch/forms';

type ListSearch = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;
type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;

/**
 * Searchable "From list" dropdowns of resource locators, by method name. Each lives in its own
 * file under methods/listSearch/ and is added here with one line.
 */
export const listSearch: Record<string, ListSearch> = {
	searchBookingLinks,
	searchForms,
};

/** Plain dropdowns (loadOptionsMethod), likewise one file each under methods/loadOptions/. */
export const loadOptions: Record<string, LoadOptions> = {};
