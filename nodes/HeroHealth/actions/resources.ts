import type { HeroResource } from './types';
import { message } from './message';
import { admin } from './admin';
import { automatedMessage } from './automatedMessage';
import { batchMessage } from './batchMessage';
import { episode } from './episode';
import { invoicing } from './invoicing';
import { messageTemplate } from './messageTemplate';
import { task } from './task';
import { accessToken } from './accessToken';
import { attachmentLink } from './attachmentLink';
import { bookingLink } from './bookingLink';
import { form } from './form';
import { formLink } from './formLink';
import { link } from './link';
import { patient } from './patient';
import { practiceGroup } from './practiceGroup';
import { videoLink } from './videoLink';
import { appointment } from './appointment';
import { appointmentType } from './appointmentType';
import { location } from './location';
import { practitioner } from './practitioner';
import { slot } from './slot';
import { webhook } from './webhook';
import { formResponse } from './formResponse';
import { hcaConsultant } from './hcaConsultant';
import { partner } from './partner';
import { pharmacy } from './pharmacy';
import { prescriber } from './prescriber';

/**
 * Every resource of the Hero Health node, keyed by its `resource` parameter value.
 * Adding a resource: create `actions/<resource>/index.ts`, then one line here and one option in
 * `description.ts`.
 */
export const resources: Record<string, HeroResource> = {
	message,
	admin,
	automatedMessage,
	batchMessage,
	episode,
	invoicing,
	messageTemplate,
	task,
	accessToken,
	attachmentLink,
	bookingLink,
	form,
	formLink,
	link,
	patient,
	practiceGroup,
	videoLink,
	appointment,
	appointmentType,
	location,
	practitioner,
	slot,
	webhook,
	formResponse,
	hcaConsultant,
	partner,
	pharmacy,
	prescriber,
};
