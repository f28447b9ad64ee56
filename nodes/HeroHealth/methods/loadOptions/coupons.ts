import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { searchHeroList } from '../listSearch/pagedSearch';

/** The practice's coupons (`GET /v1/invoicing/coupons`, not paged), for Update Invoice's Coupons. */
export async function loadCoupons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchHeroList.call(this, {
		path: '/v1/invoicing/coupons',
		paged: false,
		label: (coupon) => `${String(coupon.name ?? coupon.id)} (${String(coupon.id)})`,
	});
	return results.map(({ name, value }) => ({ name, value: String(value) }));
}
