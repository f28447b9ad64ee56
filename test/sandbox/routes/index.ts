import type { RouteModule } from '../types';
import { batchRoutes } from './batches';
import { bookingRoutes } from './booking';
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

/** Every Hero route the sandbox serves. A new resource adds its module here (one line). */
export const modules: RouteModule[] = [patientRoutes, practiceGroupRoutes, bookingRoutes, formRoutes, linkRoutes, messageRoutes, batchRoutes, templateRoutes, automatedMessageRoutes, taskRoutes, episodeRoutes, adminRoutes, invoicingRoutes, webhookRoutes];
