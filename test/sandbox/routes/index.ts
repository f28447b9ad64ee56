import type { RouteModule } from '../types';
import { batchRoutes } from './batches';
import { appointmentRoutes } from './appointments';
import { catalogueRoutes } from './catalogue';
import { slotRoutes } from './slots';
import { adminRoutes } from './admins';
import { automatedMessageRoutes } from './automatedMessages';
import { episodeRoutes } from './episodes';
import { formRoutes } from './forms';
import { invoicingRoutes } from './invoicing';
import { linkRoutes } from './links';
import { taskRoutes } from './tasks';
import { templateRoutes } from './templates';
import { messageRoutes } from './messages';
import { patientRoutes } from './patients';
import { practiceGroupRoutes } from './practiceGroup';
import { webhookRoutes } from './webhooks';
import { prescriptionRoutes } from './prescriptions';
import { partnerRoutes } from './partners';
import { hcaRoutes } from './hca';

/**
 * Every Hero route the sandbox serves. A new resource adds its module here (one line).
 * Booking is three modules (catalogue, appointments, slots); this order seeds their slices as before.
 */
export const modules: RouteModule[] = [
	patientRoutes,
	practiceGroupRoutes,
	catalogueRoutes,
	appointmentRoutes,
	slotRoutes,
	formRoutes,
	linkRoutes,
	messageRoutes,
	batchRoutes,
	templateRoutes,
	automatedMessageRoutes,
	taskRoutes,
	episodeRoutes,
	adminRoutes,
	invoicingRoutes,
	webhookRoutes,
	prescriptionRoutes,
	partnerRoutes,
	hcaRoutes,
];
