import type { RouteModule } from '../types';

/** GET /v1/me: the credential test's cheap read. */
export const practiceGroupRoutes: RouteModule = {
	routes: [
		{
			method: 'GET',
			path: '/v1/me',
			handler: ({ state }) => ({
				id: state.practiceGroupId,
				name: 'Hero Sandbox Surgery',
				sector: 'nhs',
				address: { line_1: '1 Sandbox Street', town: 'Leeds', postcode: 'LS1 4AP' },
			}),
		},
	],
};
