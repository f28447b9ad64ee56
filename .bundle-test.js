"use strict";
const modules = [[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeroHealth = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const description_1 = require("./actions/description");
const router_1 = require("./actions/router");
const methods_1 = require("./methods");
class HeroHealth {
    constructor() {
        this.description = {
            displayName: 'Hero Health',
            name: 'heroHealth',
            icon: { light: 'file:heroHealth.svg', dark: 'file:heroHealth.dark.svg' },
            group: ['transform'],
            version: 1,
            subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
            description: 'Message patients, book appointments, share booking and form links and register patients with Hero Health (NHS GP practices)',
            defaults: { name: 'Hero Health' },
            usableAsTool: true,
            inputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            outputs: [n8n_workflow_1.NodeConnectionTypes.Main],
            credentials: [{ name: 'heroHealthApi', required: true }],
            properties: description_1.properties,
        };
        this.methods = { listSearch: methods_1.listSearch, loadOptions: methods_1.loadOptions };
    }
    async execute() {
        return router_1.router.call(this);
    }
}
exports.HeroHealth = HeroHealth;

}, {"./actions/description":1,"./actions/router":113,"./methods":114}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.properties = void 0;
const common_descriptions_1 = require("./common.descriptions");
const resources_1 = require("./resources");
const resourceProperty = {
    displayName: 'Resource',
    name: 'resource',
    type: 'options',
    noDataExpression: true,
    default: 'message',
    options: [
        { name: 'Access Token', value: 'accessToken', description: 'Short-lived tokens for Hero Elements web components' },
        { name: 'Admin', value: 'admin', description: 'Practice admins (staff users) and their prescriber details' },
        { name: 'Appointment', value: 'appointment', description: 'Reserve, book, reschedule and cancel appointments; book the next free slot in one step' },
        { name: 'Appointment Type', value: 'appointmentType', description: 'The kinds of appointment the practice offers online' },
        { name: 'Attachment Link', value: 'attachmentLink', description: 'Share a file with a patient through a link' },
        { name: 'Automated Message', value: 'automatedMessage', description: 'Messages Hero sends automatically, e.g. reminders' },
        { name: 'Batch Message', value: 'batchMessage', description: 'Bulk campaigns: one message to many patients by NHS number' },
        { name: 'Booking Link', value: 'bookingLink', description: 'Self-booking links for one patient or anyone' },
        { name: 'Episode', value: 'episode', description: "A patient's grouped inbox tasks" },
        { name: 'Form', value: 'form', description: 'Practice forms (questionnaires, care navigation)' },
        { name: 'Form Link', value: 'formLink', description: 'Shareable links to a Hero form' },
        { name: 'Invoicing', value: 'invoicing', description: 'Billing customers and coupons for private services' },
        { name: 'Link', value: 'link', description: 'The status of any booking, form, video or attachment link' },
        { name: 'Location', value: 'location', description: 'Surgeries and sites configured for online booking' },
        { name: 'Message', value: 'message', description: 'Send SMS, email and NHS App messages to patients' },
        { name: 'Message Template', value: 'messageTemplate', description: "The practice's message templates" },
        { name: 'Patient', value: 'patient', description: 'Register patients via PDS, get and update them, match EHR records' },
        { name: 'Practice Group', value: 'practiceGroup', description: 'The practice group: details, capabilities, configuration, elements' },
        { name: 'Practitioner', value: 'practitioner', description: 'GPs, nurses and other clinicians who have bookable slots' },
        { name: 'Slot', value: 'slot', description: 'Bookable appointment slots: list, count, check availability' },
        { name: 'Task', value: 'task', description: 'Inbox tasks: get them, change status, priority or assignee' },
        { name: 'Video Link', value: 'videoLink', description: 'Links to Hero video consultations' },
        { name: 'Webhook', value: 'webhook', description: 'Register, list and remove the URLs Hero sends events to (the Hero Health Trigger manages its own)' },
    ],
};
exports.properties = [
    resourceProperty,
    ...Object.values(resources_1.resources).flatMap((resource) => [
        resource.operationProperty,
        ...Object.values(resource.operations).flatMap((operation) => operation.description),
    ]),
    common_descriptions_1.requestOptions,
];

}, {"./common.descriptions":2,"./resources":3}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.requestOptions = exports.patientIdField = exports.returnAllOrLimit = exports.alphabetical = exports.MAX_REQUESTS_IN_FLIGHT = exports.DEFAULT_REQUESTS_IN_FLIGHT = void 0;
exports.DEFAULT_REQUESTS_IN_FLIGHT = 5;
exports.MAX_REQUESTS_IN_FLIGHT = 20;
const alphabetical = (a, b) => {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
};
exports.alphabetical = alphabetical;
exports.returnAllOrLimit = [
    {
        displayName: 'Return All',
        name: 'returnAll',
        type: 'boolean',
        default: false,
        description: 'Whether to return all results or only up to a given limit',
    },
    {
        displayName: 'Limit',
        name: 'limit',
        type: 'number',
        typeOptions: { minValue: 1 },
        default: 50,
        description: 'Max number of results to return',
        displayOptions: { show: { returnAll: [false] } },
    },
];
exports.patientIdField = {
    displayName: 'Patient ID',
    name: 'patientId',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 1234',
    description: 'The Hero patient ID (numeric). Get it from Patient → Register via PDS.',
};
exports.requestOptions = {
    displayName: 'Request Options',
    name: 'requestOptions',
    type: 'collection',
    placeholder: 'Add Option',
    default: {},
    options: [
        {
            displayName: 'Requests in Flight',
            name: 'requestsInFlight',
            type: 'number',
            typeOptions: { minValue: 1, maxValue: exports.MAX_REQUESTS_IN_FLIGHT },
            default: exports.DEFAULT_REQUESTS_IN_FLIGHT,
            description: 'How many items may wait on Hero at the same time (1 = one after another). Output order is kept. Booking operations always run one at a time.',
        },
        {
            displayName: 'Timeout (Ms)',
            name: 'timeout',
            type: 'number',
            typeOptions: { minValue: 1 },
            default: 30000,
            description: 'How long to wait for Hero to answer one request, in milliseconds',
        },
    ],
};

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resources = void 0;
const message_1 = require("./message");
const admin_1 = require("./admin");
const automatedMessage_1 = require("./automatedMessage");
const batchMessage_1 = require("./batchMessage");
const episode_1 = require("./episode");
const invoicing_1 = require("./invoicing");
const messageTemplate_1 = require("./messageTemplate");
const task_1 = require("./task");
const accessToken_1 = require("./accessToken");
const attachmentLink_1 = require("./attachmentLink");
const bookingLink_1 = require("./bookingLink");
const form_1 = require("./form");
const formLink_1 = require("./formLink");
const link_1 = require("./link");
const patient_1 = require("./patient");
const practiceGroup_1 = require("./practiceGroup");
const videoLink_1 = require("./videoLink");
const appointment_1 = require("./appointment");
const appointmentType_1 = require("./appointmentType");
const location_1 = require("./location");
const practitioner_1 = require("./practitioner");
const slot_1 = require("./slot");
const webhook_1 = require("./webhook");
exports.resources = {
    message: message_1.message,
    admin: admin_1.admin,
    automatedMessage: automatedMessage_1.automatedMessage,
    batchMessage: batchMessage_1.batchMessage,
    episode: episode_1.episode,
    invoicing: invoicing_1.invoicing,
    messageTemplate: messageTemplate_1.messageTemplate,
    task: task_1.task,
    accessToken: accessToken_1.accessToken,
    attachmentLink: attachmentLink_1.attachmentLink,
    bookingLink: bookingLink_1.bookingLink,
    form: form_1.form,
    formLink: formLink_1.formLink,
    link: link_1.link,
    patient: patient_1.patient,
    practiceGroup: practiceGroup_1.practiceGroup,
    videoLink: videoLink_1.videoLink,
    appointment: appointment_1.appointment,
    appointmentType: appointmentType_1.appointmentType,
    location: location_1.location,
    practitioner: practitioner_1.practitioner,
    slot: slot_1.slot,
    webhook: webhook_1.webhook,
};

}, {"./message":4,"./admin":20,"./automatedMessage":24,"./batchMessage":28,"./episode":35,"./invoicing":38,"./messageTemplate":42,"./task":44,"./accessToken":47,"./attachmentLink":50,"./bookingLink":52,"./form":58,"./formLink":62,"./link":64,"./patient":66,"./practiceGroup":74,"./videoLink":80,"./appointment":82,"./appointmentType":92,"./location":94,"./practitioner":96,"./slot":99,"./webhook":105}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.message = void 0;
const get = __importStar(require("./get.operation"));
const getManyInBatch = __importStar(require("./getManyInBatch.operation"));
const send = __importStar(require("./send.operation"));
exports.message = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['message'] } },
        default: 'send',
        options: [
            { name: 'Get', value: 'get', action: 'Get a message', description: 'Get one sent message with its delivery status' },
            {
                name: 'Get Many in a Batch',
                value: 'getManyInBatch',
                action: 'Get many messages in a batch',
                description: 'List the individual messages of a batch (bulk) message; the same as Batch Message → Get Sends',
            },
            {
                name: 'Send',
                value: 'send',
                action: 'Send a message',
                description: 'Send an SMS, email or NHS App message to a patient, or record one sent elsewhere',
            },
        ],
    },
    operations: { get, getManyInBatch, send },
};

}, {"./get.operation":5,"./getManyInBatch.operation":15,"./send.operation":18}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const properties = [
    {
        displayName: 'Message ID',
        name: 'messageId',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 98765',
        description: 'The ID returned by Message → Send (message_id)',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['message'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'messageId', itemIndex, 'Message ID');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/messages/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RETRY_POLICY = exports.INFERRED = exports.pathId = exports.MAX_PAGES = exports.MAX_ANSWER_BYTES = exports.CREDENTIAL_TYPE = exports.resolveBaseUrl = exports.setRequestTimeout = exports.setRequestGate = exports.recordsOf = exports.heroApiRequestAllItems = exports.heroApiRequest = void 0;
var request_1 = require("./request");
Object.defineProperty(exports, "heroApiRequest", { enumerable: true, get: function () { return request_1.heroApiRequest; } });
Object.defineProperty(exports, "heroApiRequestAllItems", { enumerable: true, get: function () { return request_1.heroApiRequestAllItems; } });
Object.defineProperty(exports, "recordsOf", { enumerable: true, get: function () { return request_1.recordsOf; } });
Object.defineProperty(exports, "setRequestGate", { enumerable: true, get: function () { return request_1.setRequestGate; } });
Object.defineProperty(exports, "setRequestTimeout", { enumerable: true, get: function () { return request_1.setRequestTimeout; } });
Object.defineProperty(exports, "resolveBaseUrl", { enumerable: true, get: function () { return request_1.resolveBaseUrl; } });
Object.defineProperty(exports, "CREDENTIAL_TYPE", { enumerable: true, get: function () { return request_1.CREDENTIAL_TYPE; } });
Object.defineProperty(exports, "MAX_ANSWER_BYTES", { enumerable: true, get: function () { return request_1.MAX_ANSWER_BYTES; } });
Object.defineProperty(exports, "MAX_PAGES", { enumerable: true, get: function () { return request_1.MAX_PAGES; } });
var paths_1 = require("./paths");
Object.defineProperty(exports, "pathId", { enumerable: true, get: function () { return paths_1.pathId; } });
var inferred_1 = require("./inferred");
Object.defineProperty(exports, "INFERRED", { enumerable: true, get: function () { return inferred_1.INFERRED; } });
var retry_1 = require("./retry");
Object.defineProperty(exports, "RETRY_POLICY", { enumerable: true, get: function () { return retry_1.RETRY_POLICY; } });

}, {"./request":7,"./paths":11,"./inferred":10,"./retry":12}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_PAGES = exports.MAX_ANSWER_BYTES = exports.DEFAULT_TIMEOUT_MS = exports.CREDENTIAL_TYPE = void 0;
exports.setRequestTimeout = setRequestTimeout;
exports.setRequestGate = setRequestGate;
exports.resolveBaseUrl = resolveBaseUrl;
exports.heroApiRequest = heroApiRequest;
exports.recordsOf = recordsOf;
exports.heroApiRequestAllItems = heroApiRequestAllItems;
const n8n_workflow_1 = require("n8n-workflow");
const HeroHealthApi_credentials_1 = require("../../../credentials/HeroHealthApi.credentials");
const errors_1 = require("./errors");
const inferred_1 = require("./inferred");
const paths_1 = require("./paths");
const retry_1 = require("./retry");
exports.CREDENTIAL_TYPE = 'heroHealthApi';
exports.DEFAULT_TIMEOUT_MS = 30_000;
exports.MAX_ANSWER_BYTES = 10 * 1024 * 1024;
exports.MAX_PAGES = 1_000;
const settingsCache = new WeakMap();
const timeouts = new WeakMap();
const requestGates = new WeakMap();
function setRequestTimeout(context, timeoutMs) {
    if (timeoutMs && timeoutMs > 0)
        timeouts.set(context, timeoutMs);
}
function setRequestGate(context, gate) {
    requestGates.set(context, gate);
}
function resolveBaseUrl(credentials) {
    const environment = String(credentials.environment ?? '');
    const url = environment === HeroHealthApi_credentials_1.CUSTOM_ENVIRONMENT ? String(credentials.baseUrl ?? '') : environment;
    return url.replace(/\/+$/, '');
}
async function loadSettings(context) {
    const credentials = await context.getCredentials(exports.CREDENTIAL_TYPE);
    return { baseUrl: resolveBaseUrl(credentials), credentials, timeout: exports.DEFAULT_TIMEOUT_MS };
}
function settingsFor(context) {
    let settings = settingsCache.get(context);
    if (!settings) {
        settings = loadSettings(context);
        settingsCache.set(context, settings);
        settings.catch(() => settingsCache.delete(context));
    }
    return settings;
}
function networkCodeOf(error) {
    const wrapped = error;
    for (const code of [wrapped.httpCode, wrapped.code, wrapped.cause?.code]) {
        if (typeof code === 'string' && /^E[A-Z_]+$/.test(code))
            return code;
    }
    const text = [wrapped.message, ...(Array.isArray(wrapped.messages) ? wrapped.messages : [])].join(' ');
    const named = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(text);
    if (named)
        return named[1];
    if (/timeout|timed out/i.test(text))
        return 'ETIMEDOUT';
    if (/socket hang up|reset|aborted/i.test(text))
        return 'ECONNRESET';
    return 'EUNKNOWN';
}
const ANSWERED = 'answered';
class AnswerLimit extends Error {
    constructor(kind) {
        super(kind);
        this.kind = kind;
    }
}
const isStream = (body) => typeof body?.on === 'function';
function readCapped(body, limit, declaredLength) {
    if (!isStream(body)) {
        const bytes = Buffer.from(typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body));
        return bytes.length > limit ? Promise.reject(new AnswerLimit('too-large')) : Promise.resolve(bytes);
    }
    return new Promise((resolve, reject) => {
        let ended = false;
        if (Number(declaredLength) > limit) {
            body.destroy();
            return reject(new AnswerLimit('too-large'));
        }
        const chunks = [];
        let size = 0;
        body.on('data', (chunk) => {
            size += chunk.length;
            if (size <= limit)
                return void chunks.push(chunk);
            body.destroy();
            reject(new AnswerLimit('too-large'));
        });
        body.on('end', () => {
            ended = true;
            resolve(Buffer.concat(chunks));
        });
        body.on('error', (error) => reject(error));
        body.on('close', () => ended || reject(Object.assign(new Error('The answer ended early'), { code: 'ECONNRESET' })));
    });
}
async function exchange(options, credentials, timeoutMs) {
    const clock = new AbortController();
    let body;
    let expire = () => undefined;
    const deadline = new Promise((_resolve, reject) => (expire = reject));
    deadline.catch(() => undefined);
    void (0, n8n_workflow_1.sleepWithAbort)(timeoutMs, clock.signal).then(() => {
        if (isStream(body))
            body.destroy();
        expire(new AnswerLimit('timeout'));
    }, () => undefined);
    let done = false;
    const sent = this.helpers.httpRequestWithAuthentication.call(this, exports.CREDENTIAL_TYPE, options, {
        credentialsDecrypted: { id: '', name: '', type: exports.CREDENTIAL_TYPE, data: credentials },
    });
    sent.then((late) => done && isStream(late.body) && late.body.destroy(), () => undefined);
    try {
        const response = await Promise.race([sent, deadline]);
        body = response.body;
        const bytes = await Promise.race([readCapped(body, exports.MAX_ANSWER_BYTES, response.headers?.['content-length']), deadline]);
        return { status: response.statusCode, headers: response.headers ?? {}, bytes };
    }
    finally {
        done = true;
        clock.abort(ANSWERED);
    }
}
const typeOf = (value) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);
function parse(answer, shape) {
    const said = `Hero answered ${answer.status}`;
    const text = answer.bytes.toString('utf8');
    if (text.trim() === '')
        return shape === 'optional' ? { value: {} } : { problem: `${said} with an empty body` };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        const type = String(answer.headers['content-type'] ?? 'no content type').split(';')[0];
        return { problem: `${said} with a body that is not JSON (${type})` };
    }
    if (shape === 'json' || shape === 'optional')
        return { value: value };
    if (Array.isArray(value))
        return shape === 'list' ? { value: value } : { problem: `${said} with a list where one record is documented` };
    if (value === null || typeof value !== 'object')
        return { problem: `${said} with JSON that is not a JSON object (${typeOf(value)})` };
    return { value: value };
}
function errorBody(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}
function redirectTarget(location, base) {
    if (typeof location !== 'string' || location === '')
        return null;
    try {
        const url = new URL(location, base);
        return `${url.host} (${url.protocol.replace(':', '')})`;
    }
    catch {
        return 'an address that is not a URL';
    }
}
async function heroApiRequest(request) {
    const refusedAt = (0, paths_1.unsafePathPrefix)(request.path);
    if (refusedAt !== undefined) {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `Refused to call Hero: an ID in ${request.method} ${refusedAt}/… is not a plain ID`, {
            itemIndex: request.itemIndex,
            description: 'IDs put into a request path may hold only letters, digits and - _ . ~, and may not be "." or "..". The ID came from this node\'s parameters or from an earlier answer of Hero. Nothing was sent.',
        });
    }
    const repeatable = request.repeatable ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method);
    requestGates.get(this)?.(request, repeatable);
    const settings = await settingsFor(this);
    const shape = request.expect ?? (request.method === 'DELETE' ? 'optional' : 'object');
    const timeout = timeouts.get(this) ?? settings.timeout;
    const options = {
        method: request.method,
        url: `${settings.baseUrl}${request.path}`,
        qs: request.qs,
        body: request.body,
        json: true,
        returnFullResponse: true,
        ignoreHttpStatusErrors: true,
        disableFollowRedirect: true,
        encoding: 'stream',
        timeout,
        arrayFormat: 'repeat',
    };
    const secrets = [settings.credentials.apiKey, settings.credentials.practiceGroupId].map((value) => String(value ?? ''));
    const base = { method: request.method, path: request.path };
    const fail = (failure) => (0, errors_1.toNodeApiError)(this.getNode(), failure, request.itemIndex, secrets);
    const started = Date.now();
    for (let attempt = 0;; attempt++) {
        let outcome;
        let failure;
        try {
            const answer = await exchange.call(this, options, settings.credentials, timeout);
            const { status } = answer;
            const parsed = status >= 200 && status < 300 ? parse(answer, shape) : undefined;
            if (parsed && 'value' in parsed)
                return parsed.value;
            outcome = { status, retryAfterSeconds: (0, retry_1.parseRetryAfter)(answer.headers['retry-after']) };
            if (parsed) {
                failure = { ...base, status, answerProblem: parsed.problem, final: true };
            }
            else if (status < 400) {
                failure = { ...base, status, redirectTo: redirectTarget(answer.headers.location, String(options.url)), final: true };
            }
            else {
                failure = { ...base, status, body: errorBody(answer.bytes), retryAfterSeconds: outcome.retryAfterSeconds };
            }
        }
        catch (error) {
            if (error instanceof AnswerLimit && error.kind === 'too-large') {
                const size = `Hero's answer was larger than ${exports.MAX_ANSWER_BYTES / 1024 / 1024} MB`;
                throw fail({ ...base, answerProblem: repeatable ? `${size}; it was not read further` : size, ambiguous: !repeatable, retries: attempt });
            }
            const networkCode = error instanceof AnswerLimit ? 'ETIMEDOUT' : networkCodeOf(error);
            outcome = { networkCode };
            failure = { ...base, networkCode };
        }
        if (failure.final)
            throw fail({ ...failure, ambiguous: !repeatable && failure.redirectTo === undefined, retries: attempt });
        const verdict = (0, retry_1.decide)(outcome, repeatable, attempt, Date.now() - started);
        if (!verdict.retry)
            throw fail({ ...failure, ambiguous: verdict.ambiguous, retries: attempt });
        await (0, n8n_workflow_1.sleep)(verdict.delayMs);
    }
}
function recordsOf(page) {
    if (Array.isArray(page))
        return page;
    const data = page?.data;
    return Array.isArray(data) ? data : [];
}
async function heroApiRequestAllItems(request, limit) {
    const results = [];
    let previousFirst;
    const pageSize = limit !== undefined ? Math.min(limit, inferred_1.INFERRED.pageSize) : inferred_1.INFERRED.pageSize;
    const endless = (why) => new n8n_workflow_1.NodeOperationError(this.getNode(), `Return All stopped: ${why}`, {
        itemIndex: request.itemIndex,
        description: `${request.method} ${request.path} was read page by page (${pageSize} records a page, at most ${exports.MAX_PAGES} pages). Use Limit, or narrow the list with the operation's filters.`,
    });
    for (let pageIndex = inferred_1.INFERRED.firstPageIndex, pagesRead = 0;; pageIndex++, pagesRead++) {
        if (pagesRead >= exports.MAX_PAGES)
            throw endless(`Hero kept sending full pages for more than ${exports.MAX_PAGES} pages`);
        const page = await heroApiRequest.call(this, {
            ...request,
            qs: { ...request.qs, page_index: pageIndex, page_size: pageSize },
            expect: 'list',
        });
        const records = recordsOf(page);
        const first = records.length ? JSON.stringify(records[0]) : undefined;
        if (first !== undefined && first === previousFirst)
            return results;
        previousFirst = first;
        for (const record of records) {
            results.push(record);
            if (limit !== undefined && results.length >= limit)
                return results;
        }
        if (records.length === 0)
            return results;
        const total = page?.count;
        if (limit === undefined && typeof total === 'number' && total > exports.MAX_PAGES * pageSize) {
            throw endless(`Hero counts ${total} records, more than ${exports.MAX_PAGES} pages of ${pageSize}`);
        }
        if (typeof total === 'number' && total > results.length)
            continue;
        const seenAll = typeof total === 'number' && total > pageSize && results.length >= total;
        if (records.length < pageSize || seenAll)
            return results;
    }
}

}, {"../../../credentials/HeroHealthApi.credentials":8,"./errors":9,"./inferred":10,"./paths":11,"./retry":12}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HeroHealthApi = exports.CUSTOM_ENVIRONMENT = void 0;
exports.CUSTOM_ENVIRONMENT = 'custom';
class HeroHealthApi {
    constructor() {
        this.name = 'heroHealthApi';
        this.displayName = 'Hero Health API';
        this.documentationUrl = 'https://developer.herohealth.net/pages/api/authentication';
        this.icon = {
            light: 'file:../nodes/HeroHealth/heroHealth.svg',
            dark: 'file:../nodes/HeroHealth/heroHealth.dark.svg',
        };
        this.properties = [
            {
                displayName: 'API Key',
                name: 'apiKey',
                type: 'string',
                typeOptions: { password: true },
                default: '',
                required: true,
                description: 'The key Hero issued to your partner account; keys are scoped (messaging, booking, booking links)',
            },
            {
                displayName: 'Practice Group ID',
                name: 'practiceGroupId',
                type: 'string',
                default: '',
                required: true,
                placeholder: 'e.g. 1234',
                description: 'The practice group to act for. Sent as x-practice-group-id on every request.',
            },
            {
                displayName: 'Environment',
                name: 'environment',
                type: 'options',
                default: 'https://api.herohealth.net',
                options: [
                    { name: 'Production', value: 'https://api.herohealth.net' },
                    { name: 'Staging', value: 'https://api.staging.htech.app' },
                    {
                        name: 'Hero Mock Server',
                        value: 'https://developer.herohealth.net/_mock/apis/public-api/openapi',
                    },
                    { name: 'Custom (Sandbox or Proxy)', value: exports.CUSTOM_ENVIRONMENT },
                ],
            },
            {
                displayName: 'Base URL',
                name: 'baseUrl',
                type: 'string',
                default: 'http://127.0.0.1:4780',
                placeholder: 'e.g. http://127.0.0.1:4780',
                description: 'Base URL of a Hero-compatible API, such as the local Hero sandbox or a proxy',
                displayOptions: { show: { environment: [exports.CUSTOM_ENVIRONMENT] } },
            },
        ];
        this.authenticate = async (credentials, requestOptions) => ({
            ...requestOptions,
            headers: {
                ...requestOptions.headers,
                'x-api-key': String(credentials.apiKey ?? ''),
                'x-practice-group-id': String(credentials.practiceGroupId ?? ''),
            },
        });
        this.test = {
            request: {
                baseURL: '={{$credentials.environment === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : $credentials.environment}}',
                url: '/v1/me',
                method: 'GET',
                disableFollowRedirect: true,
            },
        };
    }
}
exports.HeroHealthApi = HeroHealthApi;

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.redact = redact;
exports.redactPatientData = redactPatientData;
exports.describeValidationIssues = describeValidationIssues;
exports.humanMessage = humanMessage;
exports.toNodeApiError = toNodeApiError;
const n8n_workflow_1 = require("n8n-workflow");
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function redact(text, secrets = []) {
    let clean = text;
    for (const secret of secrets) {
        if (!secret)
            continue;
        clean = clean.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'gi'), '[redacted]');
    }
    return redactPatientData(clean);
}
function redactPatientData(text) {
    return (text
        .replace(/[^\s@"'<>(),;:[\]]+@[^\s@"'<>(),;:[\]]+\.[^\s@"'<>(),;:[\]]+/g, '[redacted]')
        .replace(/(?<![\w.+-]|\d:)(?:\+\d(?:[ -]?\d){7,14}|\d(?:[ -]?\d){8,13})(?![\w:-]|\.\d)/g, '[redacted]'));
}
function describeValidationIssues(body, secrets = []) {
    if (!body || typeof body !== 'object')
        return undefined;
    const issues = body.message;
    if (!Array.isArray(issues) || issues.length === 0)
        return undefined;
    const text = issues
        .map((issue) => {
        const field = Array.isArray(issue.path) ? issue.path.join('.') : String(issue.path ?? '(body)');
        const expected = issue.expected ? `expected ${issue.expected}` : (issue.message ?? issue.code ?? 'invalid');
        return `field ${field}: ${expected}`;
    })
        .join('; ');
    return redact(text, secrets);
}
function heroMessage(body, secrets) {
    if (body && typeof body === 'object') {
        const message = body.message;
        if (typeof message === 'string' && message.length < 300)
            return redact(message, secrets);
    }
    return undefined;
}
const NETWORK_MESSAGES = {
    ECONNREFUSED: 'Hero refused the connection: the API is unreachable from n8n',
    ENOTFOUND: 'The Hero API host could not be resolved: check the credential environment or base URL',
    EAI_AGAIN: 'The Hero API host could not be resolved right now: DNS is not answering',
    ECONNRESET: 'The connection to Hero was reset',
    ETIMEDOUT: 'The request to Hero timed out',
    ECONNABORTED: 'The request to Hero timed out',
    EPIPE: 'The connection to Hero closed while sending',
};
const retriedTimes = (retries) => (retries === 1 ? 'once' : `${retries} times`);
function humanMessage(failure, secrets = []) {
    const { status, body } = failure;
    const call = `${failure.method} ${failure.path}`;
    if (failure.redirectTo !== undefined) {
        const target = failure.redirectTo === null ? 'without a target' : `to ${redact(failure.redirectTo, secrets)}`;
        return {
            message: `Hero's address answered with a redirect (${status}) ${target}; the request was not repeated there`,
            description: `${call} was answered with a redirect. Redirects are never followed, so the API key, the practice group and the request body only go to the base URL of the credential. Check the credential's environment or base URL (for example https rather than http, or a proxy that redirects).`,
        };
    }
    if (failure.ambiguous) {
        const what = failure.answerProblem ??
            (failure.networkCode ? (NETWORK_MESSAGES[failure.networkCode] ?? failure.networkCode) : `Hero answered ${status}`);
        return {
            message: `${what}; the request may or may not have been carried out by Hero: check before resending`,
            description: `Outcome unknown: ${call} was not retried automatically, because repeating it could send a message or book twice. Look it up in Hero (message or appointment lists) before running this item again.`,
        };
    }
    if (failure.answerProblem) {
        return {
            message: failure.answerProblem,
            description: `${call} reached Hero, but its answer cannot be used. Try again later; if it persists, check the credential's base URL (a proxy or a wrong host may answer instead of Hero).`,
        };
    }
    if (status === undefined) {
        const code = failure.networkCode ?? 'UNKNOWN';
        return {
            message: NETWORK_MESSAGES[code] ?? `The request to Hero failed (${code})`,
            description: `${call} got no HTTP answer. Check the environment or base URL in the credential and the network between n8n and Hero.`,
        };
    }
    const said = heroMessage(body, secrets);
    switch (true) {
        case status === 400: {
            const issues = describeValidationIssues(body, secrets);
            return {
                message: issues ? `Hero rejected the request: ${issues}` : `Hero rejected the request: ${said ?? 'bad request'}`,
                description: `${call} failed validation at Hero. Correct the named field(s) and run again.`,
            };
        }
        case status === 401:
            return {
                message: 'Hero did not accept the API key',
                description: 'Check the API key in the Hero Health API credential, and that it belongs to the chosen environment (staging and production keys differ).',
            };
        case status === 403:
            return {
                message: `Hero refused the request (403)${said ? `: "${said}"` : ''}`,
                description: `Hero did not authorise ${call} for this API key. Likely causes: the key lacks the scope this operation needs (messaging, booking or booking links); the practice group ID in the credential is not the key's own or in its Hero-configured network; or the key is not allowed this call at all. Check the credential, and the key's scopes with Hero.`,
            };
        case status === 404:
            return {
                message: `Hero found nothing at ${call}`,
                description: said ?? 'Check the ID given to this operation; it may belong to another practice group or have been removed.',
            };
        case status === 409:
            return {
                message: `Hero reported a conflict: ${said ?? 'the resource changed or is already taken'}`,
                description: 'Another change got there first (for example, the slot was booked by someone else). Refresh and try again.',
            };
        case status === 422:
            return {
                message: `Hero could not process the request: ${said ?? 'unprocessable entity'}`,
                description: describeValidationIssues(body, secrets) ?? 'The request was well formed but Hero could not act on it in its current state.',
            };
        case status === 429: {
            const wait = failure.retryAfterSeconds !== undefined ? `Hero asked to wait ${failure.retryAfterSeconds}s` : '';
            const tried = failure.retries ? `Retried ${retriedTimes(failure.retries)} with backoff${wait ? `; ${wait}` : ''}` : `Not retried${wait ? `: ${wait}, longer than the node's retry budget` : ''}`;
            return {
                message: 'Hero is rate limiting requests (429)',
                description: `${tried}. Lower "Requests in Flight" or add a Wait node between batches.`,
            };
        }
        case status >= 500:
            return {
                message: `Hero had a server error (${status})`,
                description: `${call} failed on Hero's side${failure.retries ? ` (retried ${retriedTimes(failure.retries)} with backoff)` : ''}. Try again later, and contact Hero support if it persists.`,
            };
        default:
            return {
                message: `Hero answered ${status}`,
                description: said ?? `${call} returned an unexpected status.`,
            };
    }
}
function toNodeApiError(node, failure, itemIndex, secrets = []) {
    const { message, description } = humanMessage(failure, secrets);
    const response = {
        message,
        ...(failure.status !== undefined ? { httpCode: String(failure.status) } : {}),
        ...(failure.networkCode ? { networkCode: failure.networkCode } : {}),
    };
    return new n8n_workflow_1.NodeApiError(node, response, {
        message,
        description,
        httpCode: failure.status !== undefined ? String(failure.status) : null,
        itemIndex,
    });
}

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INFERRED = void 0;
exports.INFERRED = {
    bookAppointmentPath: (appointmentId) => `/v1/appointments/${appointmentId}/book`,
    bookAppointmentMethod: 'PATCH',
    bookAppointmentBodyFields: ['patient_id'],
    slotTakenStatus: 409,
    appointmentStatuses: ['reserved', 'confirmed', 'cancelled', 'expired'],
    rescheduleRequiredFields: ['practitioner_id', 'duration', 'start_time'],
    slotAvailabilityRequiredFields: ['practitioner_id', 'appointment_type_id', 'location_id', 'start_time', 'duration'],
    slotsArePaged: true,
    slotCountField: 'count',
    createFormLinkPath: '/v1/form_links',
    formLinkFields: { formId: 'form_id', patientId: 'patient_id', expiryDate: 'expiry_date', maximumUseCount: 'maximum_use_count' },
    videoLinkFields: { patientId: 'patient_id' },
    bookingLinkCreateRequired: ['appointment_type_id', 'location_id'],
    bookingLinkUpdateFields: { active: 'active', expiryDate: 'expiry_date', maximumUseCount: 'maximum_use_count' },
    attachmentLinkCreateRequired: ['patient_id'],
    bookingLinksPaged: true,
    registerPatientFields: ['nhs_number', 'dob', 'title', 'first_name', 'last_name', 'sex', 'email', 'mobile', 'line_1', 'line_2', 'line_3', 'town', 'county', 'postcode'],
    nhsNumberForHero: (digits) => `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
    webhookPath: (webhookId) => `/v1/webhooks/${webhookId}`,
    webhookListPagedWhenCountExceeds: true,
    writeToRecordObject: { name: 'Message', readPath: (id) => `/v1/messages/${id}` },
    templateNameFields: ['name', 'title'],
    templateTextFields: ['content', 'message', 'body', 'text'],
    automatedMessageLabelFields: ['notification_type', 'status', 'created_at'],
    episodeOrderDescending: (descending) => String(descending),
    uncapturedListAnswers: ['GET /v1/batch_message', 'GET /v1/batch_message/{id}/messages', 'GET /v1/templates', 'GET /v2/automated_messages'],
    rateLimitedRequestNotCarriedOut: true,
    firstPageIndex: 0,
    pageSize: 100,
    signatureEncodings: ['hex', 'base64'],
    signatureToleranceSeconds: 300,
};

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unsafePathPrefix = unsafePathPrefix;
exports.pathId = pathId;
const PLAIN_SEGMENT = /^(?:[A-Za-z0-9_.~-]|%(?!2e|2f|5c|00)[0-9a-f]{2})+$/i;
function unsafePathPrefix(path) {
    if (!path.startsWith('/'))
        return '';
    const segments = path.slice(1).split('/');
    const bad = segments.findIndex((segment) => !PLAIN_SEGMENT.test(segment) || /^\.+$/.test(segment));
    return bad === -1 ? undefined : `/${segments.slice(0, bad).join('/')}`;
}
function pathId(id) {
    return encodeURIComponent(String(id ?? ''));
}

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RETRY_POLICY = void 0;
exports.parseRetryAfter = parseRetryAfter;
exports.decide = decide;
const inferred_1 = require("./inferred");
exports.RETRY_POLICY = {
    maxRetries: 4,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxTotalMs: 30_000,
};
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
function parseRetryAfter(value, now = Date.now()) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const text = String(value).trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Number(text);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
function decide(outcome, repeatable, attempt, elapsedMs, random = Math.random) {
    let retryable;
    let ambiguous = false;
    let retryAfterMs = 0;
    if ('networkCode' in outcome) {
        const notSent = NOT_SENT_CODES.has(outcome.networkCode);
        retryable = notSent || (repeatable && TRANSIENT_CODES.has(outcome.networkCode));
        ambiguous = !notSent && !repeatable;
    }
    else {
        const refusedUnread = outcome.status === 429 && inferred_1.INFERRED.rateLimitedRequestNotCarriedOut;
        retryable = refusedUnread || (repeatable && RETRYABLE_STATUS.has(outcome.status));
        ambiguous = !repeatable && (outcome.status >= 500 || (outcome.status === 429 && !refusedUnread));
        if (outcome.retryAfterSeconds !== undefined)
            retryAfterMs = Math.ceil(outcome.retryAfterSeconds * 1000);
    }
    if (!retryable || attempt >= exports.RETRY_POLICY.maxRetries)
        return { retry: false, ambiguous };
    const backoff = Math.min(exports.RETRY_POLICY.maxDelayMs, exports.RETRY_POLICY.baseDelayMs * 2 ** attempt);
    const delayMs = Math.max(retryAfterMs, Math.round(backoff / 2 + random() * (backoff / 2)));
    if (elapsedMs + delayMs > exports.RETRY_POLICY.maxTotalMs)
        return { retry: false, ambiguous };
    return { retry: true, delayMs };
}

}, {"./inferred":10}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INFERRED = void 0;
exports.invalid = invalid;
exports.requireString = requireString;
exports.requireText = requireText;
exports.requireId = requireId;
exports.checkId = checkId;
exports.checkIdList = checkIdList;
exports.checkDateTime = checkDateTime;
exports.checkDate = checkDate;
exports.checkOneOf = checkOneOf;
exports.checkBoolean = checkBoolean;
exports.checkNumber = checkNumber;
exports.readCollection = readCollection;
exports.getMany = getMany;
exports.readLimit = readLimit;
exports.getList = getList;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../transport");
Object.defineProperty(exports, "INFERRED", { enumerable: true, get: function () { return transport_1.INFERRED; } });
const validation_1 = require("../validation");
function invalid(ctx, itemIndex, field, expectation) {
    return new n8n_workflow_1.NodeOperationError(ctx.getNode(), `${field}: ${expectation} [item ${itemIndex}]`, {
        itemIndex,
        description: `Item ${itemIndex} was not sent to Hero. Correct "${field}" and run again.`,
    });
}
function asText(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'object')
        return '';
    return String(value).trim();
}
function requireString(ctx, name, itemIndex, field) {
    return requireText(ctx, itemIndex, field, ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }));
}
function requireText(ctx, itemIndex, field, value) {
    if (typeof value === 'object' && value !== null)
        throw invalid(ctx, itemIndex, field, 'expected text, got an object or list');
    const text = asText(value);
    if (!text)
        throw invalid(ctx, itemIndex, field, 'is required');
    return text;
}
function requireId(ctx, name, itemIndex, field) {
    const id = requireString(ctx, name, itemIndex, field);
    if (!(0, validation_1.isHeroId)(id))
        throw invalid(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
    return id;
}
function checkId(ctx, itemIndex, field, value) {
    const id = asText(value);
    if (!(0, validation_1.isHeroId)(id))
        throw invalid(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
    return id;
}
function checkIdList(ctx, itemIndex, field, value) {
    const parts = Array.isArray(value) ? value.map(asText) : asText(value).split(',').map((part) => part.trim());
    const ids = parts.filter((part) => part !== '');
    for (const id of ids)
        if (!(0, validation_1.isHeroId)(id))
            throw invalid(ctx, itemIndex, field, 'expected numeric Hero IDs separated by commas');
    return ids;
}
function checkDateTime(ctx, itemIndex, field, value) {
    const iso = (0, validation_1.toIsoDateTime)(value, ctx.getTimezone());
    if (!iso)
        throw invalid(ctx, itemIndex, field, 'expected an ISO 8601 date-time such as 2026-03-15T09:30:00Z');
    return iso;
}
function checkDate(ctx, itemIndex, field, value) {
    const date = (0, validation_1.toIsoDate)(value);
    if (!date)
        throw invalid(ctx, itemIndex, field, 'expected a date such as 2026-03-15');
    return date;
}
function checkOneOf(ctx, itemIndex, field, value, allowed) {
    const text = asText(value);
    if (!allowed.includes(text))
        throw invalid(ctx, itemIndex, field, `expected one of ${allowed.join(', ')}`);
    return text;
}
function checkBoolean(ctx, itemIndex, field, value) {
    if (typeof value === 'boolean')
        return value;
    if (value === 'true' || value === 'false')
        return value === 'true';
    throw invalid(ctx, itemIndex, field, 'expected true or false');
}
function checkNumber(ctx, itemIndex, field, value, min = Number.NEGATIVE_INFINITY) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(number) || number < min)
        throw invalid(ctx, itemIndex, field, `expected a number${min > Number.NEGATIVE_INFINITY ? ` of at least ${min}` : ''}`);
    return number;
}
function readCollection(ctx, name, itemIndex) {
    const value = ctx.getNodeParameter(name, itemIndex, {});
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
async function getMany(ctx, itemIndex, request) {
    const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false);
    const limit = returnAll ? undefined : checkNumber(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), 1);
    return transport_1.heroApiRequestAllItems.call(ctx, { ...request, itemIndex }, limit);
}
function readLimit(ctx, itemIndex) {
    const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false);
    return returnAll ? undefined : checkNumber(ctx, itemIndex, 'Limit', ctx.getNodeParameter('limit', itemIndex, 50), 1);
}
async function getList(ctx, itemIndex, request) {
    const limit = readLimit(ctx, itemIndex);
    const page = await transport_1.heroApiRequest.call(ctx, { ...request, itemIndex, expect: 'list' });
    const records = Array.isArray(page) ? page : (page.data ?? []);
    return limit === undefined ? records : records.slice(0, limit);
}

}, {"../transport":6,"../validation":14}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.phoneToE164 = phoneToE164;
exports.isEmail = isEmail;
exports.normaliseNhsNumber = normaliseNhsNumber;
exports.isHeroId = isHeroId;
exports.zonedParts = zonedParts;
exports.toIsoDateTime = toIsoDateTime;
exports.toIsoDate = toIsoDate;
function phoneToE164(input) {
    const compact = input.replace(/[\s\-().]/g, '');
    let digits;
    if (/^(?:\+|00)\d+$/.test(compact))
        digits = compact.replace(/^(?:\+|00)/, '');
    else if (/^0[1-9]\d+$/.test(compact))
        digits = `44${compact.slice(1)}`;
    else if (/^447\d{9}$/.test(compact))
        digits = compact;
    else
        return undefined;
    if (digits.startsWith('440'))
        digits = `44${digits.slice(3)}`;
    if (!/^[1-9]\d{7,14}$/.test(digits))
        return undefined;
    if (digits.startsWith('44')) {
        const national = digits.slice(2);
        if (!/^[1-9]\d{8,9}$/.test(national) || (national.startsWith('7') && national.length !== 10))
            return undefined;
    }
    return `+${digits}`;
}
function isEmail(input) {
    return /^[^\s@"<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/.test(input.trim()) && input.length <= 254;
}
function normaliseNhsNumber(input) {
    const digits = input.replace(/[\s-]/g, '');
    if (!/^\d{10}$/.test(digits))
        return undefined;
    let sum = 0;
    for (let i = 0; i < 9; i++)
        sum += Number(digits[i]) * (10 - i);
    const check = 11 - (sum % 11);
    const expected = check === 11 ? 0 : check;
    if (expected === 10 || expected !== Number(digits[9]))
        return undefined;
    return digits;
}
function isHeroId(input) {
    return /^\d+$/.test(input);
}
function zonedParts(date, timeZone) {
    const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
    }).formatToParts(date);
    return Object.fromEntries(parts.map((part) => [part.type, part.value]));
}
function zoneOffsetMinutes(date, timeZone) {
    const parts = zonedParts(date, timeZone);
    const get = (type) => Number(parts[type]);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
}
function toDate(input, timeZone = 'UTC') {
    if (input === undefined || input === null || input === '')
        return undefined;
    if (input instanceof Date)
        return Number.isNaN(input.getTime()) ? undefined : input;
    if (typeof input === 'object' && typeof input.toISO === 'function') {
        const iso = input.toISO();
        return iso ? toDate(iso, timeZone) : undefined;
    }
    if (typeof input !== 'string')
        return undefined;
    const text = input.trim();
    if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text))
        return undefined;
    const [year, month, day] = text.slice(0, 10).split('-').map(Number);
    const calendar = new Date(Date.UTC(year, month - 1, day));
    if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day)
        return undefined;
    if (text.length === 10)
        return calendar;
    const hasOffset = /(?:Z|[+-]\d{2}:?\d{2})$/.test(text);
    const date = new Date(`${text.replace(' ', 'T')}${hasOffset ? '' : 'Z'}`);
    if (Number.isNaN(date.getTime()))
        return undefined;
    if (hasOffset || timeZone === 'UTC')
        return date;
    const guess = new Date(date.getTime() - zoneOffsetMinutes(date, timeZone) * 60000);
    return new Date(date.getTime() - zoneOffsetMinutes(guess, timeZone) * 60000);
}
function toIsoDateTime(input, timeZone = 'UTC') {
    return toDate(input, timeZone)?.toISOString();
}
function toIsoDate(input) {
    if (typeof input === 'string' && /^\d{4}-\d{2}-\d{2}/.test(input.trim()) && toDate(input))
        return input.trim().slice(0, 10);
    if (input && typeof input === 'object' && typeof input.toISODate === 'function') {
        return input.toISODate() ?? undefined;
    }
    return toDate(input)?.toISOString().slice(0, 10);
}

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.execute = exports.description = void 0;
const n8n_workflow_1 = require("n8n-workflow");
const getSends_operation_1 = require("../batchMessage/getSends.operation");
Object.defineProperty(exports, "execute", { enumerable: true, get: function () { return getSends_operation_1.execute; } });
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['message'], operation: ['getManyInBatch'] } }, getSends_operation_1.properties);

}, {"../batchMessage/getSends.operation":16}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = exports.properties = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
exports.properties = [
    { ...fields_1.batchIdLocator, description: 'The batch (bulk campaign) whose individual messages to list' },
    ...common_descriptions_1.returnAllOrLimit,
    fields_1.batchStatusFilters,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['getSends'] } }, exports.properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'batchId', itemIndex, 'Batch Message');
    const qs = (0, fields_1.batchStatusQuery)(this, itemIndex);
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: `/v1/batch_message/${id}/messages`, qs });
}

}, {"../common.descriptions":2,"../helpers":13,"./fields":17}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.batchStatusFilters = exports.batchIdLocator = exports.BATCH_QUERY_STATUSES = exports.BATCH_CHANNELS = void 0;
exports.batchStatusQuery = batchStatusQuery;
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
exports.BATCH_CHANNELS = ['SMS', 'EMAIL', 'NHS_APP'];
exports.BATCH_QUERY_STATUSES = ['CREATED', 'ENRICHMENT_ERROR', 'ENRICHED', 'INVALID_PAYLOAD', 'QUEUED'];
exports.batchIdLocator = {
    displayName: 'Batch Message',
    name: 'batchId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The batch (bulk campaign) to use',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchBatchMessages', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 5001',
            validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A batch message ID is numeric, e.g. 5001' } }],
        },
    ],
};
exports.batchStatusFilters = {
    displayName: 'Filters',
    name: 'filters',
    type: 'collection',
    placeholder: 'Add Filter',
    default: {},
    options: [
        {
            displayName: 'Status',
            name: 'status',
            type: 'options',
            default: 'CREATED',
            options: exports.BATCH_QUERY_STATUSES.map((status) => ({
                name: status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, ' '),
                value: status,
            })).sort((a, b) => (0, common_descriptions_1.alphabetical)(a.name, b.name)),
        },
    ],
};
function batchStatusQuery(ctx, itemIndex) {
    const filters = (0, helpers_1.readCollection)(ctx, 'filters', itemIndex);
    return filters.status === undefined ? {} : { status: (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Status', filters.status, exports.BATCH_QUERY_STATUSES) };
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEND_FIELDS = exports.description = exports.MESSAGE_TYPES = void 0;
exports.mapsItems = mapsItems;
exports.buildSendBody = buildSendBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const helpers_1 = require("../helpers");
const common_descriptions_1 = require("../common.descriptions");
const template_1 = require("../messageTemplate/template");
exports.MESSAGE_TYPES = ['sms', 'email', 'nhs_app', 'hero'];
const FALLBACK_TYPES = ['sms', 'email'];
const ASSIGNEE_TYPES = ['Admin', 'AdminTeam'];
const MAP_AUTOMATICALLY = 'autoMapInputData';
const FIELDS_BELOW = 'defineBelow';
const fieldsBelow = { show: { inputData: [FIELDS_BELOW] } };
const properties = [
    {
        displayName: 'Input Data',
        name: 'inputData',
        type: 'options',
        noDataExpression: true,
        default: FIELDS_BELOW,
        options: [
            {
                name: "Map Automatically (Item Fields by Hero's Names)",
                value: MAP_AUTOMATICALLY,
                description: "Each item holds the send under Hero's field names: patient_id, message_type, message_string, recipient_contact_detail, fallback_message_type, fallback_contact_detail, send_at, … Other fields are ignored. No expressions per item: the fastest way to send a list.",
            },
            { name: 'Map Each Field Below', value: FIELDS_BELOW, description: 'Set each field below, typed or with expressions' },
        ],
    },
    {
        displayName: "Each input item is sent as it is, read by Hero's field names (patient_id, message_type, message_string, recipient_contact_detail, …); other fields of the item are ignored",
        name: 'mapNotice',
        type: 'notice',
        default: '',
        displayOptions: { show: { inputData: [MAP_AUTOMATICALLY] } },
    },
    { ...common_descriptions_1.patientIdField, displayOptions: fieldsBelow },
    {
        displayName: 'Message Type',
        name: 'messageType',
        type: 'options',
        displayOptions: fieldsBelow,
        required: true,
        default: 'sms',
        options: [
            { name: 'SMS', value: 'sms', description: "Sent through the practice's SMS provider" },
            { name: 'Email', value: 'email', description: "Sent through Hero's email service" },
            { name: 'NHS App', value: 'nhs_app', description: 'Delivered through the NHS App' },
            { name: 'Hero (Audit Record Only)', value: 'hero', description: 'Not delivered: records a message sent elsewhere' },
        ],
    },
    template_1.templateLocator,
    {
        displayName: 'Message',
        name: 'message',
        type: 'string',
        displayOptions: fieldsBelow,
        default: '',
        typeOptions: { rows: 4 },
        placeholder: 'e.g. Dear patient, your appointment is confirmed for 15 March at 09:30.',
        description: 'The text sent to the patient. Required unless a Template is chosen; leave it empty to send the template\'s text.',
    },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        displayOptions: fieldsBelow,
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Assignee ID',
                name: 'assigneeId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 42',
                description: 'ID of the Admin or Admin Team assigned to the message',
            },
            {
                displayName: 'Assignee Type',
                name: 'assigneeType',
                type: 'options',
                default: 'Admin',
                options: [
                    { name: 'Admin', value: 'Admin' },
                    { name: 'Admin Team', value: 'AdminTeam' },
                ],
            },
            {
                displayName: 'Attachment UUID',
                name: 'attachmentUuid',
                type: 'string',
                default: '',
                description: 'From Attachment Link → Create',
            },
            {
                displayName: 'Auto Write to Record',
                name: 'autoWriteToRecord',
                type: 'boolean',
                default: false,
                description: 'Whether to write to the EHR without admin approval (honoured only if the API key allows it)',
            },
            {
                displayName: 'Encrypted',
                name: 'encrypted',
                type: 'boolean',
                default: false,
                description: 'Whether the message should be encrypted',
            },
            {
                displayName: 'Fallback Contact Detail',
                name: 'fallbackContactDetail',
                type: 'string',
                default: '',
                placeholder: 'e.g. patient@example.com',
                description: "Where to send the fallback: a phone number for SMS (UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78; sent as +…), an address for email. Without a Fallback Message Type it is checked as what it looks like. Leave empty to use the patient's record.",
            },
            {
                displayName: 'Fallback Message Type',
                name: 'fallbackMessageType',
                type: 'options',
                default: 'sms',
                options: [
                    { name: 'SMS', value: 'sms' },
                    { name: 'Email', value: 'email' },
                ],
                description: 'Channel Hero uses if the message cannot be delivered, on any message type (e.g. an NHS App message that falls back to SMS)',
            },
            {
                displayName: 'Recipient Contact Detail',
                name: 'recipientContactDetail',
                type: 'string',
                default: '',
                placeholder: 'e.g. 07700 900123',
                description: "For SMS a phone number: UK numbers such as 07700 900123, or any number in international form such as +33 6 12 34 56 78 (sent as +…; SMS reaches mobiles only). For email an address. Leave empty to use the patient's record.",
            },
            {
                displayName: 'Send At',
                name: 'sendAt',
                type: 'dateTime',
                default: '',
                description: 'Schedule the message for a future time (sent to Hero in UTC; Hero shows Europe/London)',
            },
            {
                displayName: 'Short Link ID',
                name: 'shortLinkId',
                type: 'string',
                default: '',
                description: 'ID of a booking or form short link to attach',
            },
            {
                displayName: 'SNOMED Code',
                name: 'snomedCode',
                type: 'string',
                default: '',
                placeholder: 'e.g. 185087000',
                description: "SNOMED CT code of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
            },
            {
                displayName: 'SNOMED Term',
                name: 'snomedTerm',
                type: 'string',
                default: '',
                description: "SNOMED CT term of the EHR entry. Has an effect only when the message is written to the patient's record (Write to Record on); Hero then applies a default if empty.",
            },
            {
                displayName: 'Task ID',
                name: 'taskId',
                type: 'string',
                default: '',
                description: 'Attach the message to this Hero task',
            },
            {
                displayName: 'Write to Record',
                name: 'writeToRecord',
                type: 'boolean',
                default: false,
                description: "Whether to write the message to the patient's EHR (EMIS/TPP) after approval",
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['message'], operation: ['send'] } }, properties);
exports.SEND_FIELDS = [
    'patient_id',
    'message_type',
    'message_string',
    'recipient_contact_detail',
    'fallback_message_type',
    'fallback_contact_detail',
    'write_to_record',
    'snomed_code',
    'snomed_term',
    'auto_write_to_record',
    'encrypted',
    'task_id',
    'attachment_uuid',
    'short_link_id',
    'assignee_id',
    'assignee_type',
    'send_at',
];
const FIELD_MODE = {
    patient_id: ['patientId', 'Patient ID'],
    message_type: ['messageType', 'Message Type'],
    message_string: ['message', 'Message'],
    recipient_contact_detail: ['recipientContactDetail', 'Recipient Contact Detail'],
    fallback_message_type: ['fallbackMessageType', 'Fallback Message Type'],
    fallback_contact_detail: ['fallbackContactDetail', 'Fallback Contact Detail'],
    write_to_record: ['writeToRecord', 'Write to Record'],
    snomed_code: ['snomedCode', 'SNOMED Code'],
    snomed_term: ['snomedTerm', 'SNOMED Term'],
    auto_write_to_record: ['autoWriteToRecord', 'Auto Write to Record'],
    encrypted: ['encrypted', 'Encrypted'],
    task_id: ['taskId', 'Task ID'],
    attachment_uuid: ['attachmentUuid', 'Attachment UUID'],
    short_link_id: ['shortLinkId', 'Short Link ID'],
    assignee_id: ['assigneeId', 'Assignee ID'],
    assignee_type: ['assigneeType', 'Assignee Type'],
    send_at: ['sendAt', 'Send At'],
};
function readParameters(ctx, itemIndex) {
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    const values = {};
    for (const field of exports.SEND_FIELDS)
        values[field] = extra[FIELD_MODE[field][0]];
    values.patient_id = ctx.getNodeParameter('patientId', itemIndex, '', { extractValue: true });
    values.message_type = ctx.getNodeParameter('messageType', itemIndex);
    values.message_string = ctx.getNodeParameter('message', itemIndex, '');
    return { values, label: (field) => FIELD_MODE[field][1] };
}
function readItem(ctx, itemIndex) {
    const json = ctx.getInputData()[itemIndex]?.json ?? {};
    const values = {};
    for (const field of exports.SEND_FIELDS)
        if (json[field] !== null)
            values[field] = json[field];
    return { values, label: (field) => field };
}
function contactFor(ctx, itemIndex, field, channel, value) {
    if (channel === 'sms') {
        const phone = (0, validation_1.phoneToE164)(value);
        if (!phone)
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78');
        return phone;
    }
    if (channel === 'email') {
        if (!(0, validation_1.isEmail)(value))
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected an email address such as patient@example.com');
        return value.trim();
    }
    return value;
}
const given = (value) => value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
function checkSend(ctx, itemIndex, { values, label }, hasTemplate, now) {
    const fail = (field, expectation) => (0, helpers_1.invalid)(ctx, itemIndex, label(field), expectation);
    const text = (field) => {
        const value = values[field];
        if (!given(value))
            return '';
        if (typeof value === 'object')
            throw fail(field, 'expected text, got an object or list');
        return String(value).trim();
    };
    const messageType = (0, helpers_1.checkOneOf)(ctx, itemIndex, label('message_type'), values.message_type, exports.MESSAGE_TYPES);
    const body = {
        patient_id: (0, helpers_1.checkId)(ctx, itemIndex, label('patient_id'), (0, helpers_1.requireText)(ctx, itemIndex, label('patient_id'), values.patient_id)),
        message_type: messageType,
    };
    const typed = values.message_string;
    if (!hasTemplate || (typeof typed === 'string' ? typed.trim() !== '' : typed !== undefined && typed !== null)) {
        body.message_string = (0, helpers_1.requireText)(ctx, itemIndex, label('message_string'), typed);
    }
    if (text('recipient_contact_detail')) {
        body.recipient_contact_detail = contactFor(ctx, itemIndex, label('recipient_contact_detail'), messageType, text('recipient_contact_detail'));
    }
    const fallbackType = given(values.fallback_message_type)
        ? (0, helpers_1.checkOneOf)(ctx, itemIndex, label('fallback_message_type'), values.fallback_message_type, FALLBACK_TYPES)
        : undefined;
    if (fallbackType)
        body.fallback_message_type = fallbackType;
    const fallbackDetail = text('fallback_contact_detail');
    if (fallbackDetail) {
        const channel = fallbackType ?? (fallbackDetail.includes('@') ? 'email' : 'sms');
        body.fallback_contact_detail = contactFor(ctx, itemIndex, label('fallback_contact_detail'), channel, fallbackDetail);
    }
    for (const field of ['write_to_record', 'auto_write_to_record', 'encrypted']) {
        if (given(values[field]))
            body[field] = (0, helpers_1.checkBoolean)(ctx, itemIndex, label(field), values[field]);
    }
    if (text('snomed_code')) {
        if (!/^\d{6,18}$/.test(text('snomed_code')))
            throw fail('snomed_code', 'expected a SNOMED CT code of 6 to 18 digits');
        body.snomed_code = text('snomed_code');
    }
    if (text('snomed_term'))
        body.snomed_term = text('snomed_term');
    if (text('task_id'))
        body.task_id = (0, helpers_1.checkId)(ctx, itemIndex, label('task_id'), text('task_id'));
    if (text('attachment_uuid'))
        body.attachment_uuid = text('attachment_uuid');
    if (text('short_link_id'))
        body.short_link_id = text('short_link_id');
    if (text('assignee_id')) {
        body.assignee_id = Number((0, helpers_1.checkId)(ctx, itemIndex, label('assignee_id'), text('assignee_id')));
        body.assignee_type = (0, helpers_1.checkOneOf)(ctx, itemIndex, label('assignee_type'), given(values.assignee_type) ? values.assignee_type : 'Admin', ASSIGNEE_TYPES);
    }
    else if (given(values.assignee_type)) {
        throw fail('assignee_type', `needs an ${label('assignee_id')}`);
    }
    if (given(values.send_at)) {
        const sendAt = (0, helpers_1.checkDateTime)(ctx, itemIndex, label('send_at'), values.send_at);
        if (Date.parse(sendAt) <= now)
            throw fail('send_at', 'must be in the future');
        body.send_at = sendAt;
    }
    return body;
}
function mapsItems(ctx) {
    return ctx.getNodeParameter('inputData', 0, FIELDS_BELOW) === MAP_AUTOMATICALLY;
}
function buildSendBody(ctx, itemIndex, now = Date.now()) {
    const input = mapsItems(ctx) ? readItem(ctx, itemIndex) : readParameters(ctx, itemIndex);
    return checkSend(ctx, itemIndex, input, (0, template_1.chosenTemplateId)(ctx, itemIndex) !== '', now);
}
async function execute(itemIndex) {
    const body = buildSendBody(this, itemIndex);
    if (body.message_string === undefined)
        body.message_string = await (0, template_1.textOfTemplate)(this, itemIndex, (0, template_1.chosenTemplateId)(this, itemIndex));
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/messages/send', body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../../validation":14,"../helpers":13,"../common.descriptions":2,"../messageTemplate/template":19}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.templateLocator = void 0;
exports.templateName = templateName;
exports.templateText = templateText;
exports.fetchTemplates = fetchTemplates;
exports.chosenTemplateId = chosenTemplateId;
exports.textOfTemplate = textOfTemplate;
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
function firstText(record, fields) {
    for (const field of fields) {
        const value = record[field];
        if (typeof value === 'string' && value.trim() !== '')
            return value;
    }
    return undefined;
}
function templateName(record) {
    return firstText(record, transport_1.INFERRED.templateNameFields) ?? `Template ${String(record.id)}`;
}
function templateText(record) {
    return firstText(record, transport_1.INFERRED.templateTextFields);
}
async function fetchTemplates(qs = {}, itemIndex) {
    return (0, transport_1.recordsOf)(await transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/templates', qs, expect: 'list', itemIndex }));
}
exports.templateLocator = {
    displayName: 'Template',
    name: 'templateId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    description: "A Hero message template. Its text is sent when Message is left empty; a typed Message wins.",
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchMessageTemplates', searchable: true },
        },
        { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 12' },
    ],
};
function chosenTemplateId(ctx, itemIndex) {
    const value = ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true });
    if (value !== null && typeof value === 'object')
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Template', 'expected a template ID, got an object or list');
    return value === undefined || value === null ? '' : String(value).trim();
}
const listCache = new WeakMap();
async function textOfTemplate(ctx, itemIndex, templateId) {
    let list = listCache.get(ctx);
    if (!list) {
        list = fetchTemplates.call(ctx, {}, itemIndex);
        listCache.set(ctx, list);
        list.catch(() => listCache.delete(ctx));
    }
    const template = (await list).find((record) => String(record.id) === templateId);
    if (!template)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Template', 'no template with this ID in Hero (Message Template → Get Many lists them)');
    const text = templateText(template);
    if (text === undefined) {
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Template', `the template has no text in a field we read (${transport_1.INFERRED.templateTextFields.join(', ')}); type the Message instead`);
    }
    return text;
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.admin = void 0;
const getMany = __importStar(require("./getMany.operation"));
const update = __importStar(require("./update.operation"));
exports.admin = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['admin'] } },
        default: 'getMany',
        options: [
            { name: 'Get Many', value: 'getMany', action: 'Get many admins', description: "List the practice's admins (staff users)" },
            {
                name: 'Update',
                value: 'update',
                action: 'Update an admin',
                description: "Set or clear an admin's external prescriber ID and prescriber details",
            },
        ],
    },
    operations: { getMany, update },
};

}, {"./getMany.operation":21,"./update.operation":22}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const ORDER_FIELDS = ['first_name'];
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
            {
                displayName: 'Order By',
                name: 'orderBy',
                type: 'options',
                default: 'first_name',
                options: [{ name: 'First Name', value: 'first_name' }],
            },
            {
                displayName: 'Order Descending',
                name: 'orderDescending',
                type: 'boolean',
                default: false,
                description: 'Whether to sort Z to A',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['admin'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const options = (0, helpers_1.readCollection)(this, 'options', itemIndex);
    const qs = {};
    if (options.orderBy !== undefined)
        qs.order_by = (0, helpers_1.checkOneOf)(this, itemIndex, 'Order By', options.orderBy, ORDER_FIELDS);
    if (options.orderDescending !== undefined)
        qs.order_descending = (0, helpers_1.checkBoolean)(this, itemIndex, 'Order Descending', options.orderDescending);
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: '/v1/admins', qs });
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    fields_1.adminLocator,
    {
        displayName: 'Update Fields',
        name: 'updateFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Clear External Prescriber ID',
                name: 'clearExternalPrescriberId',
                type: 'boolean',
                default: true,
                description: "Whether to remove the admin's external prescriber ID (sent as null)",
            },
            {
                displayName: 'Clear Prescriber Details',
                name: 'clearPrescriberDetails',
                type: 'boolean',
                default: true,
                description: "Whether to remove the admin's prescriber details (sent as null)",
            },
            {
                displayName: 'External Prescriber ID',
                name: 'externalPrescriberId',
                type: 'string',
                default: '',
                placeholder: 'e.g. RX-12345',
                description: "The admin's ID at the prescription partner",
            },
            {
                displayName: 'Prescriber Details',
                name: 'prescriberDetails',
                type: 'fixedCollection',
                default: {},
                placeholder: 'Add Prescriber Details',
                description: 'Sent together as the prescriber_details object',
                options: [
                    {
                        displayName: 'Details',
                        name: 'details',
                        values: [
                            { displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@example.com', default: '' },
                            { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Dr Jane Smith' },
                            {
                                displayName: 'Registration Code',
                                name: 'registrationCode',
                                type: 'string',
                                default: '',
                                placeholder: 'e.g. 7654321',
                                description: 'Professional registration code, e.g. GMC number',
                            },
                        ],
                    },
                ],
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['admin'], operation: ['update'] } }, properties);
function text(value) {
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
}
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'adminId', itemIndex, 'Admin');
    const fields = (0, helpers_1.readCollection)(this, 'updateFields', itemIndex);
    const body = {};
    const clearId = fields.clearExternalPrescriberId !== undefined && (0, helpers_1.checkBoolean)(this, itemIndex, 'Clear External Prescriber ID', fields.clearExternalPrescriberId);
    const prescriberId = text(fields.externalPrescriberId);
    if (fields.externalPrescriberId !== undefined && !prescriberId)
        throw (0, helpers_1.invalid)(this, itemIndex, 'External Prescriber ID', 'is empty: remove it, or use Clear External Prescriber ID');
    if (prescriberId && clearId)
        throw (0, helpers_1.invalid)(this, itemIndex, 'Clear External Prescriber ID', 'cannot be on while External Prescriber ID is set');
    if (prescriberId)
        body.external_prescriber_id = prescriberId;
    else if (clearId)
        body.external_prescriber_id = null;
    const clearDetails = fields.clearPrescriberDetails !== undefined && (0, helpers_1.checkBoolean)(this, itemIndex, 'Clear Prescriber Details', fields.clearPrescriberDetails);
    const given = (fields.prescriberDetails?.details ?? undefined);
    if (given) {
        if (clearDetails)
            throw (0, helpers_1.invalid)(this, itemIndex, 'Clear Prescriber Details', 'cannot be on while Prescriber Details are set');
        const details = {};
        if (text(given.name))
            details.name = text(given.name);
        if (text(given.email)) {
            if (!(0, validation_1.isEmail)(text(given.email)))
                throw (0, helpers_1.invalid)(this, itemIndex, 'Prescriber Details: Email', 'expected an email address such as name@example.com');
            details.email = text(given.email);
        }
        if (text(given.registrationCode))
            details.registration_code = text(given.registrationCode);
        if (Object.keys(details).length === 0)
            throw (0, helpers_1.invalid)(this, itemIndex, 'Prescriber Details', 'fill in at least one of Name, Email, Registration Code');
        body.prescriber_details = details;
    }
    else if (clearDetails) {
        body.prescriber_details = null;
    }
    if (Object.keys(body).length === 0)
        throw (0, helpers_1.invalid)(this, itemIndex, 'Update Fields', 'add at least one field to change');
    return transport_1.heroApiRequest.call(this, { method: 'PATCH', path: `/v1/admins/${id}`, body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../../validation":14,"../helpers":13,"./fields":23}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.adminLocator = void 0;
exports.adminLocator = {
    displayName: 'Admin',
    name: 'adminId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The practice admin (staff user) to update',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchAdmins', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 42',
            validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An admin ID is numeric, e.g. 42' } }],
        },
    ],
};

}, {}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.automatedMessage = void 0;
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
exports.automatedMessage = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['automatedMessage'] } },
        default: 'getMany',
        options: [
            { name: 'Get', value: 'get', action: 'Get an automated message', description: 'Get one message Hero sent automatically' },
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many automated messages',
                description: 'List messages Hero sent automatically (e.g. reminders), with filters',
            },
        ],
    },
    operations: { get, getMany },
};

}, {"./get.operation":25,"./getMany.operation":27}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [fields_1.automatedMessageLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['automatedMessage'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'automatedMessageId', itemIndex, 'Automated Message');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v2/automated_messages/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"./fields":26}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.automatedMessageLocator = void 0;
exports.automatedMessageLocator = {
    displayName: 'Automated Message',
    name: 'automatedMessageId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The automated message to get',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchAutomatedMessages', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 7001',
            validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An automated message ID is numeric, e.g. 7001' } }],
        },
    ],
};

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Notification Type',
                name: 'notificationType',
                type: 'string',
                default: '',
                description: "Hero's notification type to list (Hero does not publish the list of types)",
            },
            {
                displayName: 'Recipient ID',
                name: 'recipientId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 2001',
                description: 'Only messages to this Hero patient ID',
            },
            {
                displayName: 'Status',
                name: 'status',
                type: 'string',
                default: '',
                placeholder: 'e.g. INVALIDATED',
                description: 'Only messages in this status, as Hero names it (e.g. INVALIDATED)',
            },
        ],
    },
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
            {
                displayName: 'Order By',
                name: 'orderBy',
                type: 'string',
                default: 'createdAt',
                placeholder: 'e.g. createdAt',
                description: 'Field to sort by, as Hero names it (Hero documents createdAt)',
            },
            {
                displayName: 'Order Descending',
                name: 'orderDescending',
                type: 'boolean',
                default: true,
                description: 'Whether to list the newest (or largest) first',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['automatedMessage'], operation: ['getMany'] } }, properties);
function optionalText(ctx, itemIndex, field, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected text');
    return String(value).trim() || undefined;
}
async function execute(itemIndex) {
    const filters = (0, helpers_1.readCollection)(this, 'filters', itemIndex);
    const options = (0, helpers_1.readCollection)(this, 'options', itemIndex);
    const qs = {};
    const orderBy = optionalText(this, itemIndex, 'Order By', options.orderBy);
    if (orderBy)
        qs.orderBy = orderBy;
    if (options.orderDescending !== undefined)
        qs.order_descending = (0, helpers_1.checkBoolean)(this, itemIndex, 'Order Descending', options.orderDescending);
    if (filters.recipientId !== undefined && filters.recipientId !== '')
        qs.recipient_id = (0, helpers_1.checkId)(this, itemIndex, 'Recipient ID', filters.recipientId);
    const status = optionalText(this, itemIndex, 'Status', filters.status);
    if (status)
        qs.status = status;
    const notificationType = optionalText(this, itemIndex, 'Notification Type', filters.notificationType);
    if (notificationType)
        qs.notification_type = notificationType;
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: '/v2/automated_messages', qs });
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.batchMessage = void 0;
const create = __importStar(require("./create.operation"));
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
const getRecipients = __importStar(require("./getRecipients.operation"));
const getSends = __importStar(require("./getSends.operation"));
const send = __importStar(require("./send.operation"));
exports.batchMessage = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['batchMessage'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create a batch message',
                description: 'Create a bulk campaign (one text, many patients by NHS number); it is sent by Send',
            },
            { name: 'Get', value: 'get', action: 'Get a batch message', description: 'Get a batch with its status' },
            { name: 'Get Many', value: 'getMany', action: 'Get many batch messages', description: 'List batch messages' },
            {
                name: 'Get Recipients',
                value: 'getRecipients',
                action: 'Get recipients of a batch message',
                description: 'List the recipients of a batch with their matching status',
            },
            {
                name: 'Get Sends',
                value: 'getSends',
                action: 'Get sends of a batch message',
                description: 'List the individual messages a batch sent',
            },
            {
                name: 'Send',
                value: 'send',
                action: 'Send a batch message',
                description: 'Send a created batch to all its recipients (once: Hero refuses a second send)',
            },
        ],
    },
    operations: { create, get, getMany, getRecipients, getSends, send },
};

}, {"./create.operation":29,"./get.operation":31,"./getMany.operation":32,"./getRecipients.operation":33,"./getSends.operation":16,"./send.operation":34}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildRecipients = buildRecipients;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
const fields_1 = require("./fields");
const RECIPIENT_KEYS = ['nhs_number', 'dob'];
const properties = [
    {
        displayName: 'Name',
        name: 'name',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. Flu clinic invitations',
        description: 'Name of the campaign, as shown in Hero',
    },
    {
        displayName: 'Channel',
        name: 'channel',
        type: 'options',
        required: true,
        default: 'SMS',
        options: [
            { name: 'Email', value: 'EMAIL' },
            { name: 'NHS App', value: 'NHS_APP' },
            { name: 'SMS', value: 'SMS' },
        ],
    },
    {
        displayName: 'Subject',
        name: 'subject',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. Your flu vaccination',
        description: 'Subject line of the email',
        displayOptions: { show: { channel: ['EMAIL'] } },
    },
    {
        displayName: 'Content',
        name: 'content',
        type: 'string',
        required: true,
        default: '',
        typeOptions: { rows: 4 },
        placeholder: 'e.g. Flu jabs are now available: reply or call the surgery to book.',
        description: 'The text every recipient receives',
    },
    {
        displayName: 'Specify Recipients',
        name: 'specifyRecipients',
        type: 'options',
        default: 'fields',
        options: [
            { name: 'Using Fields Below', value: 'fields' },
            { name: 'Using JSON', value: 'json', description: 'A list built earlier in the workflow, e.g. by an Aggregate node' },
        ],
    },
    {
        displayName: 'Recipients',
        name: 'recipients',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        placeholder: 'Add Recipient',
        default: {},
        displayOptions: { show: { specifyRecipients: ['fields'] } },
        options: [
            {
                displayName: 'Recipient',
                name: 'recipient',
                values: [
                    {
                        displayName: 'NHS Number',
                        name: 'nhsNumber',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. 943 476 5919',
                        description: '10 digits, spaces allowed',
                    },
                    {
                        displayName: 'Date of Birth',
                        name: 'dateOfBirth',
                        type: 'string',
                        default: '',
                        placeholder: 'e.g. 1985-12-10',
                        description: 'Optional: helps Hero match the patient',
                    },
                ],
            },
        ],
    },
    {
        displayName: 'Recipients (JSON)',
        name: 'recipientsJson',
        type: 'json',
        default: '[]',
        displayOptions: { show: { specifyRecipients: ['json'] } },
        description: 'A list of recipients, each {"nhs_number": "943 476 5919", "dob": "1985-12-10"} (dob may be null). Map it with an expression, e.g. from the list an Aggregate node made.',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['create'] } }, properties);
function readRecipients(ctx, itemIndex) {
    if (ctx.getNodeParameter('specifyRecipients', itemIndex, 'fields') === 'fields') {
        const rows = ctx.getNodeParameter('recipients.recipient', itemIndex, []);
        return { field: 'Recipients', list: (Array.isArray(rows) ? rows : []).map((row) => ({ nhsNumber: row.nhsNumber, dob: row.dateOfBirth })) };
    }
    const field = 'Recipients (JSON)';
    let value = ctx.getNodeParameter('recipientsJson', itemIndex, '[]');
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a JSON list such as [{"nhs_number": "943 476 5919", "dob": "1985-12-10"}]');
        }
    }
    if (!Array.isArray(value))
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a list of recipients');
    return {
        field,
        list: value.map((entry, index) => {
            if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
                throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${index + 1} is not an object with nhs_number and dob`);
            }
            const unknown = Object.keys(entry).find((key) => !RECIPIENT_KEYS.includes(key));
            if (unknown !== undefined) {
                throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${index + 1} has a field Hero does not accept (only nhs_number and dob)`);
            }
            return { nhsNumber: entry.nhs_number, dob: entry.dob };
        }),
    };
}
function buildRecipients(ctx, itemIndex, today = (0, common_1.todayIn)(common_1.HERO_TIME_ZONE)) {
    const { field, list } = readRecipients(ctx, itemIndex);
    if (list.length === 0)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'add at least one recipient');
    const seen = new Map();
    return list.map((recipient, index) => {
        const n = index + 1;
        const text = typeof recipient.nhsNumber === 'string' || typeof recipient.nhsNumber === 'number' ? String(recipient.nhsNumber).trim() : '';
        if (!text)
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${n} has no NHS number`);
        const digits = (0, validation_1.normaliseNhsNumber)(text);
        if (!digits)
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${n}: expected a valid 10-digit NHS number (check digit included)`);
        const first = seen.get(digits);
        if (first !== undefined)
            throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${n} repeats the NHS number of recipient ${first}`);
        seen.set(digits, n);
        let dob = null;
        if (recipient.dob !== undefined && recipient.dob !== null && recipient.dob !== '') {
            const date = (0, validation_1.toIsoDate)(recipient.dob);
            if (!date)
                throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${n}: expected a date of birth such as 1985-12-10`);
            if (date > today)
                throw (0, helpers_1.invalid)(ctx, itemIndex, field, `recipient ${n}: date of birth is in the future`);
            dob = date;
        }
        return { nhs_number: transport_1.INFERRED.nhsNumberForHero(digits), dob };
    });
}
async function execute(itemIndex) {
    const channel = (0, helpers_1.checkOneOf)(this, itemIndex, 'Channel', this.getNodeParameter('channel', itemIndex), fields_1.BATCH_CHANNELS);
    const body = { name: (0, helpers_1.requireString)(this, 'name', itemIndex, 'Name'), channel };
    if (channel === 'EMAIL')
        body.subject = (0, helpers_1.requireString)(this, 'subject', itemIndex, 'Subject');
    body.content = (0, helpers_1.requireString)(this, 'content', itemIndex, 'Content');
    body.recipients = buildRecipients(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/batch_message', body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../../validation":14,"../helpers":13,"../link/common":30,"./fields":17}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HERO_TIME_ZONE = exports.bookingLinkLocator = exports.maximumUseCountOption = exports.expiryDateOption = void 0;
exports.todayIn = todayIn;
exports.checkCalendarDate = checkCalendarDate;
exports.checkExpiryDate = checkExpiryDate;
exports.checkUseCount = checkUseCount;
exports.checkDateWindow = checkDateWindow;
const helpers_1 = require("../helpers");
exports.expiryDateOption = {
    displayName: 'Expiry Date',
    name: 'expiryDate',
    type: 'dateTime',
    default: '',
    description: 'Last day the link can be used (sent as a date, YYYY-MM-DD)',
};
exports.maximumUseCountOption = {
    displayName: 'Maximum Use Count',
    name: 'maximumUseCount',
    type: 'number',
    typeOptions: { minValue: 1, numberPrecision: 0 },
    default: 1,
    description: 'How many times the link can be used before it stops working',
};
exports.bookingLinkLocator = {
    displayName: 'Booking Link',
    name: 'bookingLinkId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The booking link to use',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchBookingLinks', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 4321',
            validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A booking link ID is numeric, e.g. 4321' } }],
        },
    ],
};
exports.HERO_TIME_ZONE = 'Europe/London';
function todayIn(timeZone, now = Date.now()) {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
function checkCalendarDate(ctx, itemIndex, field, value) {
    const date = (0, helpers_1.checkDate)(ctx, itemIndex, field, value);
    const parsed = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a date such as 2026-03-15');
    return date;
}
function checkExpiryDate(ctx, itemIndex, value, field = 'Expiry Date') {
    const date = checkCalendarDate(ctx, itemIndex, field, value);
    if (date < todayIn(exports.HERO_TIME_ZONE))
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'must be today or later');
    return date;
}
function checkUseCount(ctx, itemIndex, value, field = 'Maximum Use Count') {
    const count = (0, helpers_1.checkNumber)(ctx, itemIndex, field, value, 1);
    if (!Number.isInteger(count))
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a whole number of at least 1');
    return count;
}
function checkDateWindow(ctx, itemIndex, from, to) {
    const window = {};
    if (from !== undefined && from !== '')
        window.from_date = checkCalendarDate(ctx, itemIndex, 'From Date', from);
    if (to !== undefined && to !== '')
        window.to_date = checkCalendarDate(ctx, itemIndex, 'To Date', to);
    if (window.from_date && window.to_date && window.from_date > window.to_date) {
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'To Date', 'must be on or after From Date');
    }
    return window;
}

}, {"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [fields_1.batchIdLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'batchId', itemIndex, 'Batch Message');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/batch_message/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"./fields":17}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [...common_descriptions_1.returnAllOrLimit, fields_1.batchStatusFilters];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const qs = (0, fields_1.batchStatusQuery)(this, itemIndex);
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: '/v1/batch_message', qs });
}

}, {"../common.descriptions":2,"../helpers":13,"./fields":17}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    { ...fields_1.batchIdLocator, description: 'The batch (bulk campaign) whose recipients to list' },
    ...common_descriptions_1.returnAllOrLimit,
    fields_1.batchStatusFilters,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['getRecipients'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'batchId', itemIndex, 'Batch Message');
    const qs = (0, fields_1.batchStatusQuery)(this, itemIndex);
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: `/v1/batch_message/${id}/recipients`, qs });
}

}, {"../common.descriptions":2,"../helpers":13,"./fields":17}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    {
        ...fields_1.batchIdLocator,
        description: 'The batch to send, as created by Batch Message → Create. Hero sends a batch once: sending it again is refused.',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['batchMessage'], operation: ['send'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'batchId', itemIndex, 'Batch Message');
    const answer = await transport_1.heroApiRequest.call(this, { method: 'PATCH', path: `/v1/batch_message/${id}/send`, repeatable: false, expect: 'optional', itemIndex });
    const fields = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
    return { id, ...fields };
}

}, {"../../transport":6,"../helpers":13,"./fields":17}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.episode = void 0;
const getMany = __importStar(require("./getMany.operation"));
exports.episode = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['episode'] } },
        default: 'getMany',
        options: [
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many episodes',
                description: "List episodes (a patient's grouped tasks) by status, priority and assignee",
            },
        ],
    },
    operations: { getMany },
};

}, {"./getMany.operation":36}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("../task/fields");
const ASSIGNEE_TYPES = ['Admin', 'AdminTeam', 'Unassigned'];
const SORT_FIELDS = ['created_at', 'priority'];
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Assignee IDs',
                name: 'assigneeIds',
                type: 'string',
                default: '',
                placeholder: 'e.g. 42, 43',
                description: 'Only episodes assigned to these admin or admin team IDs (comma-separated)',
            },
            {
                displayName: 'Assignee Types',
                name: 'assigneeTypes',
                type: 'multiOptions',
                default: [],
                options: [
                    { name: 'Admin', value: 'Admin' },
                    { name: 'Admin Team', value: 'AdminTeam' },
                    { name: 'Unassigned', value: 'Unassigned' },
                ],
            },
            {
                displayName: 'Priorities',
                name: 'priorities',
                type: 'multiOptions',
                default: [],
                options: fields_1.priorityOptions,
            },
            {
                displayName: 'Statuses',
                name: 'statuses',
                type: 'multiOptions',
                default: [],
                options: fields_1.statusOptions,
            },
        ],
    },
    {
        displayName: 'Sort',
        name: 'sort',
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        placeholder: 'Add Sort Rule',
        default: {},
        description: 'Order of the episodes; the first rule sorts first',
        options: [
            {
                displayName: 'Rule',
                name: 'rule',
                values: [
                    {
                        displayName: 'Field',
                        name: 'field',
                        type: 'options',
                        default: 'created_at',
                        options: [
                            { name: 'Created At', value: 'created_at' },
                            { name: 'Priority', value: 'priority' },
                        ],
                    },
                    {
                        displayName: 'Descending',
                        name: 'descending',
                        type: 'boolean',
                        default: false,
                        description: 'Whether to put the newest (or highest priority) first',
                    },
                ],
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['episode'], operation: ['getMany'] } }, properties);
function list(value) {
    if (value === undefined || value === null || value === '')
        return [];
    return Array.isArray(value) ? value : [value];
}
async function execute(itemIndex) {
    const filters = (0, helpers_1.readCollection)(this, 'filters', itemIndex);
    const qs = {};
    const assigneeIds = (0, helpers_1.checkIdList)(this, itemIndex, 'Assignee IDs', filters.assigneeIds ?? '');
    if (assigneeIds.length)
        qs['assignee_id[]'] = assigneeIds;
    const assigneeTypes = list(filters.assigneeTypes).map((value) => (0, helpers_1.checkOneOf)(this, itemIndex, 'Assignee Types', value, ASSIGNEE_TYPES));
    if (assigneeTypes.length)
        qs['assignee_type[]'] = assigneeTypes;
    const statuses = list(filters.statuses).map((value) => (0, helpers_1.checkOneOf)(this, itemIndex, 'Statuses', value, fields_1.TASK_STATUSES));
    if (statuses.length)
        qs['status[]'] = statuses;
    const priorities = list(filters.priorities).map((value) => (0, helpers_1.checkOneOf)(this, itemIndex, 'Priorities', value, fields_1.TASK_PRIORITIES));
    if (priorities.length)
        qs['priority[]'] = priorities;
    const rules = this.getNodeParameter('sort.rule', itemIndex, []);
    if (Array.isArray(rules) && rules.length) {
        const fields = rules.map((rule) => (0, helpers_1.checkOneOf)(this, itemIndex, 'Sort Field', rule.field, SORT_FIELDS));
        if (new Set(fields).size !== fields.length)
            throw (0, helpers_1.invalid)(this, itemIndex, 'Sort', 'each field may be used once');
        qs['order_by[]'] = fields;
        qs['order_descending[]'] = rules.map((rule) => transport_1.INFERRED.episodeOrderDescending(rule.descending === undefined ? false : (0, helpers_1.checkBoolean)(this, itemIndex, 'Sort Descending', rule.descending)));
    }
    return (0, helpers_1.getMany)(this, itemIndex, { method: 'GET', path: '/v1/episodes', qs });
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13,"../task/fields":37}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.taskIdField = exports.priorityOptions = exports.statusOptions = exports.TASK_PRIORITIES = exports.TASK_STATUSES = void 0;
exports.TASK_STATUSES = ['open', 'closed', 'in_progress'];
exports.TASK_PRIORITIES = ['lowest', 'low', 'medium', 'high', 'highest'];
exports.statusOptions = [
    { name: 'Closed', value: 'closed' },
    { name: 'In Progress', value: 'in_progress' },
    { name: 'Open', value: 'open' },
];
exports.priorityOptions = [
    { name: 'High', value: 'high' },
    { name: 'Highest', value: 'highest' },
    { name: 'Low', value: 'low' },
    { name: 'Lowest', value: 'lowest' },
    { name: 'Medium', value: 'medium' },
];
exports.taskIdField = {
    displayName: 'Task ID',
    name: 'taskId',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 8101',
    description: "The Hero task ID (numeric), e.g. from an episode's tasks (Episode → Get Many)",
};

}, {}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.invoicing = void 0;
const createCustomer = __importStar(require("./createCustomer.operation"));
const getManyCoupons = __importStar(require("./getManyCoupons.operation"));
const getManyCustomers = __importStar(require("./getManyCustomers.operation"));
exports.invoicing = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['invoicing'] } },
        default: 'getManyCustomers',
        options: [
            {
                name: 'Create Customer',
                value: 'createCustomer',
                action: 'Create a customer',
                description: 'Create a billing customer for private (paid) services',
            },
            { name: 'Get Many Coupons', value: 'getManyCoupons', action: 'Get many coupons', description: 'List discount coupons' },
            {
                name: 'Get Many Customers',
                value: 'getManyCustomers',
                action: 'Get many customers',
                description: 'Search billing customers',
            },
        ],
    },
    operations: { createCustomer, getManyCoupons, getManyCustomers },
};

}, {"./createCustomer.operation":39,"./getManyCoupons.operation":40,"./getManyCustomers.operation":41}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const helpers_1 = require("../helpers");
const properties = [
    {
        displayName: 'Name',
        name: 'name',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. Ada Lovelace',
        description: 'Name of the billing customer',
    },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Email',
                name: 'email',
                type: 'string',
                default: '',
                placeholder: 'e.g. name@example.com',
            },
            {
                displayName: 'Phone',
                name: 'phone',
                type: 'string',
                default: '',
                placeholder: 'e.g. 0113 496 0000',
            },
            {
                displayName: 'Sources (JSON)',
                name: 'sources',
                type: 'json',
                default: '[]',
                description: "Payment sources as Hero's invoicing (Stripe) takes them: a list of objects, or one object",
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['invoicing'], operation: ['createCustomer'] } }, properties);
function readSources(ctx, itemIndex, value) {
    let parsed = value;
    if (typeof parsed === 'string') {
        try {
            parsed = JSON.parse(parsed);
        }
        catch {
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Sources (JSON)', 'expected JSON: a list of objects or one object');
        }
    }
    const isObject = (entry) => entry !== null && typeof entry === 'object' && !Array.isArray(entry);
    if (Array.isArray(parsed) ? parsed.every(isObject) : isObject(parsed))
        return parsed;
    throw (0, helpers_1.invalid)(ctx, itemIndex, 'Sources (JSON)', 'expected a list of objects or one object');
}
async function execute(itemIndex) {
    const body = { name: (0, helpers_1.requireString)(this, 'name', itemIndex, 'Name') };
    const extra = (0, helpers_1.readCollection)(this, 'additionalFields', itemIndex);
    const text = (value) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
    if (text(extra.email)) {
        if (!(0, validation_1.isEmail)(text(extra.email)))
            throw (0, helpers_1.invalid)(this, itemIndex, 'Email', 'expected an email address such as name@example.com');
        body.email = text(extra.email);
    }
    if (text(extra.phone)) {
        if (!/^\+?[\d\s()-]{6,20}$/.test(text(extra.phone)) || (text(extra.phone).match(/\d/g) ?? []).length < 6) {
            throw (0, helpers_1.invalid)(this, itemIndex, 'Phone', 'expected a phone number such as 0113 496 0000 or +44 113 496 0000');
        }
        body.phone = text(extra.phone);
    }
    if (extra.sources !== undefined && extra.sources !== '')
        body.sources = readSources(this, itemIndex, extra.sources);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/invoicing/customers', body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../../validation":14,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [...common_descriptions_1.returnAllOrLimit];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['invoicing'], operation: ['getManyCoupons'] } }, properties);
async function execute(itemIndex) {
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/invoicing/coupons' });
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [
    {
        displayName: 'Query',
        name: 'query',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. Lovelace',
        description: 'Search text Hero matches customers against (required by Hero)',
    },
    ...common_descriptions_1.returnAllOrLimit,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['invoicing'], operation: ['getManyCustomers'] } }, properties);
async function execute(itemIndex) {
    const query = (0, helpers_1.requireString)(this, 'query', itemIndex, 'Query');
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/invoicing/customers', qs: { query } });
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.messageTemplate = void 0;
const getMany = __importStar(require("./getMany.operation"));
exports.messageTemplate = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['messageTemplate'] } },
        default: 'getMany',
        options: [
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many message templates',
                description: "List the practice's message templates (Message → Send can use one as its text)",
            },
        ],
    },
    operations: { getMany },
};

}, {"./getMany.operation":43}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Has Follow-Up',
                name: 'hasFollowUp',
                type: 'boolean',
                default: true,
                description: 'Whether to list only templates with a follow-up (on) or only those without (off)',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['messageTemplate'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const filters = (0, helpers_1.readCollection)(this, 'filters', itemIndex);
    const qs = {};
    if (filters.hasFollowUp !== undefined)
        qs.has_follow_up = (0, helpers_1.checkBoolean)(this, itemIndex, 'Has Follow-Up', filters.hasFollowUp);
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/templates', qs });
}

}, {"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.task = void 0;
const get = __importStar(require("./get.operation"));
const update = __importStar(require("./update.operation"));
exports.task = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['task'] } },
        default: 'get',
        options: [
            { name: 'Get', value: 'get', action: 'Get a task', description: 'Get an inbox task with its status and patient' },
            { name: 'Update', value: 'update', action: 'Update a task', description: 'Change the status, priority or assignee of a task' },
        ],
    },
    operations: { get, update },
};

}, {"./get.operation":45,"./update.operation":46}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [fields_1.taskIdField];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['task'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'taskId', itemIndex, 'Task ID');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v2/tasks/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"./fields":37}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const ASSIGNEE_TYPES = ['admin', 'admin_team'];
const properties = [
    fields_1.taskIdField,
    {
        displayName: 'Update Fields',
        name: 'updateFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Assignee ID',
                name: 'assigneeId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 42',
                description: 'ID of the admin or admin team to assign the task to (Admin → Get Many lists admins). Needs Assignee Type.',
            },
            {
                displayName: 'Assignee Type',
                name: 'assigneeType',
                type: 'options',
                default: 'admin',
                options: [
                    { name: 'Admin', value: 'admin' },
                    { name: 'Admin Team', value: 'admin_team' },
                ],
                description: 'Whether Assignee ID is an admin or an admin team. Needs Assignee ID.',
            },
            {
                displayName: 'Priority',
                name: 'priority',
                type: 'options',
                default: 'medium',
                options: fields_1.priorityOptions,
            },
            {
                displayName: 'Status',
                name: 'status',
                type: 'options',
                default: 'open',
                options: fields_1.statusOptions,
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['task'], operation: ['update'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'taskId', itemIndex, 'Task ID');
    const fields = (0, helpers_1.readCollection)(this, 'updateFields', itemIndex);
    const body = {};
    if (fields.status !== undefined)
        body.status = (0, helpers_1.checkOneOf)(this, itemIndex, 'Status', fields.status, fields_1.TASK_STATUSES);
    if (fields.priority !== undefined)
        body.priority = (0, helpers_1.checkOneOf)(this, itemIndex, 'Priority', fields.priority, fields_1.TASK_PRIORITIES);
    const hasId = fields.assigneeId !== undefined && fields.assigneeId !== '';
    if (hasId !== (fields.assigneeType !== undefined)) {
        throw (0, helpers_1.invalid)(this, itemIndex, hasId ? 'Assignee Type' : 'Assignee ID', 'Assignee ID and Assignee Type go together: add both');
    }
    if (hasId) {
        body.assignee_type = (0, helpers_1.checkOneOf)(this, itemIndex, 'Assignee Type', fields.assigneeType, ASSIGNEE_TYPES);
        body.assignee_id = (0, helpers_1.checkId)(this, itemIndex, 'Assignee ID', fields.assigneeId);
    }
    if (Object.keys(body).length === 0)
        throw (0, helpers_1.invalid)(this, itemIndex, 'Update Fields', 'add at least one field to change');
    return transport_1.heroApiRequest.call(this, { method: 'PATCH', path: `/v1/tasks/${id}`, body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"./fields":37}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.accessToken = void 0;
const create = __importStar(require("./create.operation"));
exports.accessToken = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['accessToken'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create an access token',
                description: 'Create a 30-minute token (JWT) for Hero Elements; the output includes when it expires',
            },
        ],
    },
    operations: { create },
};

}, {"./create.operation":48}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const jwt_1 = require("./jwt");
const properties = [
    {
        displayName: 'Creates a short-lived token (30 minutes) for Hero Elements web components. Pass it to the component as <code>jwt-token</code> from your server; never store or log it.',
        name: 'notice',
        type: 'notice',
        default: '',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['accessToken'], operation: ['create'] } }, properties);
async function execute(itemIndex) {
    const result = await transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/access_token', repeatable: false, itemIndex });
    const token = result?.access_token;
    if (typeof token !== 'string' || token === '') {
        throw new n8n_workflow_1.NodeApiError(this.getNode(), { message: 'Hero answered without an access_token' }, {
            itemIndex,
            message: 'Hero answered POST /v1/access_token without an access_token',
            description: 'Check that the API key is allowed to create Elements access tokens.',
        });
    }
    const expiresAt = (0, jwt_1.jwtExpiry)(token);
    return {
        ...result,
        expires_at: expiresAt ?? null,
        expires_in_seconds: expiresAt ? Math.max(0, Math.round((Date.parse(expiresAt) - Date.now()) / 1000)) : null,
    };
}

}, {"../../transport":6,"./jwt":49}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeJwtPayload = decodeJwtPayload;
exports.jwtExpiry = jwtExpiry;
function decodeJwtPayload(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
        return undefined;
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    try {
        const claims = JSON.parse(Buffer.from(padded, 'base64').toString('utf8'));
        return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
function jwtExpiry(token) {
    const exp = decodeJwtPayload(token)?.exp;
    if (typeof exp !== 'number' || !Number.isFinite(exp))
        return undefined;
    const date = new Date(exp * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

}, {}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.attachmentLink = void 0;
const create = __importStar(require("./create.operation"));
exports.attachmentLink = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['attachmentLink'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create an attachment link',
                description: 'Share a file with a patient; pass its attachment_uuid to Message → Send',
            },
        ],
    },
    operations: { create },
};

}, {"./create.operation":51}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildAttachmentBody = buildAttachmentBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
const SOURCES = ['binary', 'base64', 'ehrFile'];
const properties = [
    common_descriptions_1.patientIdField,
    {
        displayName: 'File Source',
        name: 'fileSource',
        type: 'options',
        default: 'binary',
        options: [
            { name: 'Base64 Text', value: 'base64', description: 'The file content as base64 text' },
            { name: 'Binary File From Input', value: 'binary', description: 'A file on the input item (e.g. from Read/Write Files or HTTP Request)' },
            { name: 'EHR File', value: 'ehrFile', description: "A file already in the patient's record, by its EHR file ID" },
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
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 8812',
        description: "The file's ID in the patient's EHR attachments",
        displayOptions: { show: { fileSource: ['ehrFile'] } },
    },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            common_1.expiryDateOption,
            {
                displayName: 'File Name',
                name: 'fileName',
                type: 'string',
                default: '',
                placeholder: 'e.g. blood-test-results.pdf',
                description: "Name shown to the patient (defaults to the binary file's name)",
            },
            common_1.maximumUseCountOption,
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['attachmentLink'], operation: ['create'] } }, properties);
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
async function buildAttachmentBody(ctx, itemIndex) {
    const body = { patient_id: (0, helpers_1.requireId)(ctx, 'patientId', itemIndex, 'Patient ID') };
    const source = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'File Source', ctx.getNodeParameter('fileSource', itemIndex, 'binary'), SOURCES);
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    let fileName = typeof extra.fileName === 'string' ? extra.fileName.trim() : '';
    if (source === 'ehrFile') {
        body.ehr_file_id = (0, helpers_1.requireString)(ctx, 'ehrFileId', itemIndex, 'EHR File ID');
    }
    else if (source === 'base64') {
        const data = (0, helpers_1.requireString)(ctx, 'fileData', itemIndex, 'File Data (Base64)').replace(/\s+/g, '');
        if (!BASE64.test(data))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'File Data (Base64)', 'expected base64 text');
        body.file_data = data;
    }
    else {
        const property = (0, helpers_1.requireString)(ctx, 'binaryPropertyName', itemIndex, 'Input Binary Field');
        const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
        if (!binary)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Input Binary Field', 'the input item has no binary file in that field');
        const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
        if (buffer.length === 0)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Input Binary Field', 'the file is empty');
        body.file_data = buffer.toString('base64');
        fileName ||= binary.fileName ?? '';
    }
    if (fileName)
        body.file_name = fileName;
    if (extra.expiryDate !== undefined && extra.expiryDate !== '')
        body.expiry_date = (0, common_1.checkExpiryDate)(ctx, itemIndex, extra.expiryDate);
    if (extra.maximumUseCount !== undefined)
        body.maximum_use_count = (0, common_1.checkUseCount)(ctx, itemIndex, extra.maximumUseCount);
    return body;
}
async function execute(itemIndex) {
    const body = await buildAttachmentBody(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/attachment_links', body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13,"../link/common":30}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.bookingLink = void 0;
const create = __importStar(require("./create.operation"));
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
const update = __importStar(require("./update.operation"));
exports.bookingLink = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['bookingLink'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create a booking link',
                description: 'Create a self-booking link for one patient or for anyone; its short_link can go straight into a message',
            },
            { name: 'Get', value: 'get', action: 'Get a booking link', description: 'Get one booking link with its use count and status' },
            { name: 'Get Many', value: 'getMany', action: 'Get many booking links', description: 'List the booking links of the practice group' },
            {
                name: 'Update',
                value: 'update',
                action: 'Update a booking link',
                description: 'Change what a booking link offers, its expiry or use limit, or deactivate it',
            },
        ],
    },
    operations: { create, get, getMany, update },
};

}, {"./create.operation":53,"./get.operation":55,"./getMany.operation":56,"./update.operation":57}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildCreateBody = buildCreateBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const booking_descriptions_1 = require("../booking.descriptions");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
const LINK_TYPES = ['patient', 'generic'];
const properties = [
    {
        displayName: 'Link For',
        name: 'linkType',
        type: 'options',
        default: 'patient',
        options: [
            { name: 'Anyone (Generic Link)', value: 'generic', description: 'Patients sign in with NHS Login (or a Hero login for private practices)' },
            { name: 'One Patient', value: 'patient', description: 'The patient confirms their date of birth to book' },
        ],
    },
    { ...common_descriptions_1.patientIdField, displayOptions: { show: { linkType: ['patient'] } } },
    { ...booking_descriptions_1.appointmentTypeLocator, description: 'The appointment type the patient can book' },
    { ...booking_descriptions_1.locationLocator, description: 'Where the appointment takes place' },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            common_1.expiryDateOption,
            {
                displayName: 'From Date',
                name: 'fromDate',
                type: 'dateTime',
                default: '',
                description: 'Only offer slots after this date',
            },
            common_1.maximumUseCountOption,
            (0, booking_descriptions_1.bookingLocator)('practitioner', { description: 'Pre-select one practitioner (leave empty to offer all)' }),
            {
                displayName: 'To Date',
                name: 'toDate',
                type: 'dateTime',
                default: '',
                description: 'Only offer slots before this date',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['bookingLink'], operation: ['create'] } }, properties);
function buildCreateBody(ctx, itemIndex) {
    const linkType = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Link For', ctx.getNodeParameter('linkType', itemIndex, 'patient'), LINK_TYPES);
    const body = {
        appointment_type_id: (0, helpers_1.requireId)(ctx, 'appointmentTypeId', itemIndex, 'Appointment Type'),
        location_id: (0, helpers_1.requireId)(ctx, 'locationId', itemIndex, 'Location'),
    };
    if (linkType === 'patient')
        body.patient_id = (0, helpers_1.requireId)(ctx, 'patientId', itemIndex, 'Patient ID');
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    const practitioner = (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, 'Practitioner', extra.practitionerId);
    if (practitioner)
        body.practitioner_id = practitioner;
    Object.assign(body, (0, common_1.checkDateWindow)(ctx, itemIndex, extra.fromDate, extra.toDate));
    if (extra.expiryDate !== undefined && extra.expiryDate !== '')
        body.expiry_date = (0, common_1.checkExpiryDate)(ctx, itemIndex, extra.expiryDate);
    if (extra.maximumUseCount !== undefined)
        body.maximum_use_count = (0, common_1.checkUseCount)(ctx, itemIndex, extra.maximumUseCount);
    return body;
}
async function execute(itemIndex) {
    const body = buildCreateBody(this, itemIndex);
    const link = await transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/booking_links', body, repeatable: false, itemIndex });
    if (typeof link?.short_link !== 'string' && link?.id !== undefined && link?.id !== null) {
        const id = String(link.id);
        try {
            return await transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/booking_links/${encodeURIComponent(id)}`, itemIndex });
        }
        catch (error) {
            return {
                ...link,
                warning: `Booking link ${id} was created, but reading it back from Hero failed (${error.message}): its shareable link is not in this output. Do not create it again; read it with Booking Link → Get.`,
            };
        }
    }
    return link;
}

}, {"../../transport":6,"../common.descriptions":2,"../booking.descriptions":54,"../helpers":13,"../link/common":30}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.practitionerLocator = exports.locationLocator = exports.appointmentTypeLocator = exports.DATE_WINDOW_HINT = exports.locatorName = void 0;
exports.bookingLocator = bookingLocator;
exports.bookingLocatorList = bookingLocatorList;
exports.readLocatorId = readLocatorId;
exports.readLocatorIds = readLocatorIds;
exports.bookingListFilters = bookingListFilters;
exports.bookingListQuery = bookingListQuery;
const helpers_1 = require("./helpers");
const KINDS = {
    appointmentType: { label: 'Appointment Type', plural: 'Appointment Types', searchListMethod: 'searchAppointmentTypes', example: '42' },
    location: { label: 'Location', plural: 'Locations', searchListMethod: 'searchLocations', example: '7' },
    practitioner: { label: 'Practitioner', plural: 'Practitioners', searchListMethod: 'searchPractitioners', example: '15' },
};
const locatorName = (kind) => `${kind}Id`;
exports.locatorName = locatorName;
function bookingLocator(kind, options = {}) {
    const { label, searchListMethod, example } = KINDS[kind];
    return {
        displayName: options.displayName ?? label,
        name: options.name ?? (0, exports.locatorName)(kind),
        type: 'resourceLocator',
        default: { mode: 'list', value: '' },
        ...(options.required ? { required: true } : {}),
        description: options.description,
        modes: [
            {
                displayName: 'From List',
                name: 'list',
                type: 'list',
                placeholder: `Select a ${label.toLowerCase()}...`,
                typeOptions: { searchListMethod, searchable: true },
            },
            {
                displayName: 'By ID',
                name: 'id',
                type: 'string',
                placeholder: `e.g. ${example}`,
                validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${label} ID: Hero IDs are digits, e.g. ${example}` } }],
            },
        ],
    };
}
function bookingLocatorList(kind, options = {}) {
    const { label, plural } = KINDS[kind];
    return {
        displayName: plural,
        name: options.name ?? `${kind}s`,
        type: 'fixedCollection',
        typeOptions: { multipleValues: true },
        placeholder: `Add ${label}`,
        default: {},
        description: options.description,
        options: [{ displayName: label, name: 'items', values: [bookingLocator(kind, { required: true })] }],
    };
}
function unwrap(value) {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value)
        return value.value;
    return value;
}
function readLocatorId(ctx, itemIndex, field, value) {
    const id = unwrap(value);
    if (id === undefined || id === null || (typeof id === 'string' && id.trim() === ''))
        return undefined;
    if (typeof id === 'object')
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a numeric Hero ID such as 1234');
    return (0, helpers_1.checkId)(ctx, itemIndex, field, id);
}
function readLocatorIds(ctx, itemIndex, field, value) {
    let entries;
    if (Array.isArray(value))
        entries = value;
    else if (value && typeof value === 'object' && Array.isArray(value.items)) {
        entries = value.items.map((entry) => (entry && typeof entry === 'object' ? Object.values(entry)[0] : entry));
    }
    else if (typeof value === 'string')
        entries = value.split(',');
    else if (value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0))
        entries = [];
    else
        entries = [value];
    const ids = [];
    for (const entry of entries) {
        const id = readLocatorId(ctx, itemIndex, field, entry);
        if (id !== undefined && !ids.includes(id))
            ids.push(id);
    }
    return ids;
}
function bookingListFilters(filters) {
    return {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            ...(filters.appointmentTypes === undefined ? [] : [bookingLocatorList('appointmentType', { description: filters.appointmentTypes })]),
            {
                displayName: 'Has Availability',
                name: 'hasAvailability',
                type: 'boolean',
                default: true,
                description: filters.hasAvailability,
            },
            ...(filters.locations === undefined ? [] : [bookingLocatorList('location', { description: filters.locations })]),
        ],
    };
}
function bookingListQuery(ctx, itemIndex, filters) {
    const values = (0, helpers_1.readCollection)(ctx, 'filters', itemIndex);
    const qs = {};
    if (filters.locations !== undefined) {
        const locationIds = readLocatorIds(ctx, itemIndex, 'Locations', values.locations);
        if (locationIds.length)
            qs.location_ids = locationIds;
    }
    if (filters.appointmentTypes !== undefined) {
        const typeIds = readLocatorIds(ctx, itemIndex, 'Appointment Types', values.appointmentTypes);
        if (typeIds.length)
            qs.appointment_type_ids = typeIds;
    }
    if (values.hasAvailability !== undefined)
        qs.has_availability = (0, helpers_1.checkBoolean)(ctx, itemIndex, 'Has Availability', values.hasAvailability);
    return qs;
}
exports.DATE_WINDOW_HINT = 'A calendar date, sent as YYYY-MM-DD (dates are as Hero shows them, in Europe/London)';
exports.appointmentTypeLocator = bookingLocator('appointmentType', { required: true });
exports.locationLocator = bookingLocator('location', { required: true });
exports.practitionerLocator = bookingLocator('practitioner', { required: true });

}, {"./helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
const properties = [common_1.bookingLinkLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['bookingLink'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'bookingLinkId', itemIndex, 'Booking Link');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/booking_links/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"../link/common":30}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [...common_descriptions_1.returnAllOrLimit];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['bookingLink'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const request = { method: 'GET', path: '/v2/bookinglinks', itemIndex };
    return transport_1.INFERRED.bookingLinksPaged ? (0, helpers_1.getMany)(this, itemIndex, request) : (0, helpers_1.getList)(this, itemIndex, request);
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildUpdateBody = buildUpdateBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
const FIELDS = transport_1.INFERRED.bookingLinkUpdateFields;
const properties = [
    common_1.bookingLinkLocator,
    {
        displayName: 'Update Fields',
        name: 'updateFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Active',
                name: 'active',
                type: 'boolean',
                default: false,
                description: 'Whether the link can still be used (turn off to deactivate it)',
            },
            (0, booking_descriptions_1.bookingLocator)('appointmentType', { description: 'The appointment type the patient can book' }),
            common_1.expiryDateOption,
            { displayName: 'From Date', name: 'fromDate', type: 'dateTime', default: '', description: 'Only offer slots after this date' },
            (0, booking_descriptions_1.bookingLocator)('location', { description: 'Where the appointment takes place' }),
            common_1.maximumUseCountOption,
            (0, booking_descriptions_1.bookingLocator)('practitioner', { description: 'Pre-select one practitioner' }),
            { displayName: 'To Date', name: 'toDate', type: 'dateTime', default: '', description: 'Only offer slots before this date' },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['bookingLink'], operation: ['update'] } }, properties);
function buildUpdateBody(ctx, itemIndex) {
    const fields = (0, helpers_1.readCollection)(ctx, 'updateFields', itemIndex);
    const body = {};
    for (const [key, field, name] of [
        ['appointmentTypeId', 'Appointment Type', 'appointment_type_id'],
        ['locationId', 'Location', 'location_id'],
        ['practitionerId', 'Practitioner', 'practitioner_id'],
    ]) {
        const id = (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, field, fields[key]);
        if (id)
            body[name] = id;
    }
    Object.assign(body, (0, common_1.checkDateWindow)(ctx, itemIndex, fields.fromDate, fields.toDate));
    if (fields.expiryDate !== undefined && fields.expiryDate !== '')
        body[FIELDS.expiryDate] = (0, common_1.checkExpiryDate)(ctx, itemIndex, fields.expiryDate);
    if (fields.maximumUseCount !== undefined)
        body[FIELDS.maximumUseCount] = (0, common_1.checkUseCount)(ctx, itemIndex, fields.maximumUseCount);
    if (fields.active !== undefined)
        body[FIELDS.active] = (0, helpers_1.checkBoolean)(ctx, itemIndex, 'Active', fields.active);
    if (Object.keys(body).length === 0)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Update Fields', 'add at least one field to change');
    return body;
}
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'bookingLinkId', itemIndex, 'Booking Link');
    const body = buildUpdateBody(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'PATCH', path: `/v1/booking_links/${id}`, body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"../helpers":13,"../link/common":30}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.form = void 0;
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
exports.form = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['form'] } },
        default: 'getMany',
        options: [
            { name: 'Get', value: 'get', action: 'Get a form', description: 'Get one form with its questions' },
            { name: 'Get Many', value: 'getMany', action: 'Get many forms', description: 'List the practice forms, optionally by search text and type' },
        ],
    },
    operations: { get, getMany },
};

}, {"./get.operation":59,"./getMany.operation":61}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const properties = [common_1.formLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['form'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'formId', itemIndex, 'Form');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/forms/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"./common":60}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formLocator = exports.formTypeOptions = exports.FORM_TYPES = void 0;
exports.FORM_TYPES = ['questionnaire', 'response', 'appointment', 'care_navigation'];
exports.formTypeOptions = [
    { name: 'Appointment', value: 'appointment' },
    { name: 'Care Navigation', value: 'care_navigation' },
    { name: 'Questionnaire', value: 'questionnaire' },
    { name: 'Response', value: 'response' },
];
exports.formLocator = {
    displayName: 'Form',
    name: 'formId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The Hero form',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchForms', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 310',
            validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A form ID is numeric, e.g. 310' } }],
        },
    ],
};

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Form Type',
                name: 'formType',
                type: 'options',
                default: 'questionnaire',
                options: common_1.formTypeOptions,
            },
            {
                displayName: 'Reply Form',
                name: 'replyForm',
                type: 'boolean',
                default: false,
                description: 'Whether to list only reply forms (on) or only other forms (off)',
            },
            {
                displayName: 'Search',
                name: 'search',
                type: 'string',
                default: '',
                placeholder: 'e.g. asthma review',
                description: 'Text to look for in the form title',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['form'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const filters = (0, helpers_1.readCollection)(this, 'filters', itemIndex);
    const qs = {};
    if (typeof filters.search === 'string' && filters.search.trim() !== '')
        qs.search = filters.search.trim();
    if (filters.formType !== undefined)
        qs.form_type = (0, helpers_1.checkOneOf)(this, itemIndex, 'Form Type', filters.formType, common_1.FORM_TYPES);
    if (filters.replyForm !== undefined)
        qs.reply_form = (0, helpers_1.checkBoolean)(this, itemIndex, 'Reply Form', filters.replyForm);
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/forms', qs });
}

}, {"../common.descriptions":2,"../helpers":13,"./common":60}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.formLink = void 0;
const create = __importStar(require("./create.operation"));
exports.formLink = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['formLink'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create a form link',
                description: 'Create a shareable link to a Hero form (the API path is inferred: Hero does not document it)',
            },
        ],
    },
    operations: { create },
};

}, {"./create.operation":63}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildFormLinkBody = buildFormLinkBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const common_1 = require("../form/common");
const common_2 = require("../link/common");
const FIELDS = transport_1.INFERRED.formLinkFields;
const properties = [
    common_1.formLocator,
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            common_2.expiryDateOption,
            common_2.maximumUseCountOption,
            {
                displayName: 'Patient ID',
                name: 'patientId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 1234',
                description: 'Make the link for this patient only (Hero patient ID from Patient → Register via PDS)',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['formLink'], operation: ['create'] } }, properties);
function buildFormLinkBody(ctx, itemIndex) {
    const body = { [FIELDS.formId]: (0, helpers_1.requireId)(ctx, 'formId', itemIndex, 'Form') };
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    if (extra.patientId !== undefined && extra.patientId !== '')
        body[FIELDS.patientId] = (0, helpers_1.checkId)(ctx, itemIndex, 'Patient ID', extra.patientId);
    if (extra.expiryDate !== undefined && extra.expiryDate !== '')
        body[FIELDS.expiryDate] = (0, common_2.checkExpiryDate)(ctx, itemIndex, extra.expiryDate);
    if (extra.maximumUseCount !== undefined)
        body[FIELDS.maximumUseCount] = (0, common_2.checkUseCount)(ctx, itemIndex, extra.maximumUseCount);
    return body;
}
async function execute(itemIndex) {
    const body = buildFormLinkBody(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: transport_1.INFERRED.createFormLinkPath, body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../helpers":13,"../form/common":60,"../link/common":30}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.link = void 0;
const getStatus = __importStar(require("./getStatus.operation"));
exports.link = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['link'] } },
        default: 'getStatus',
        options: [
            {
                name: 'Get Status',
                value: 'getStatus',
                action: 'Get the status of a link',
                description: 'Whether a booking, form, video or attachment link is unused, used, expired or deactivated',
            },
        ],
    },
    operations: { getStatus },
};

}, {"./getStatus.operation":65}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const LOOKUPS = ['url', 'id'];
const properties = [
    {
        displayName: 'Look Up By',
        name: 'lookUpBy',
        type: 'options',
        default: 'url',
        options: [
            { name: 'Link ID', value: 'id', description: 'The ID Hero gave the link' },
            { name: 'Short Link URL', value: 'url', description: 'The full link as sent to the patient' },
        ],
    },
    {
        displayName: 'Short Link URL',
        name: 'url',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. https://bookings.herohealth.net/s/abc123',
        description: 'The short_link of a booking, form, video or attachment link',
        displayOptions: { show: { lookUpBy: ['url'] } },
    },
    {
        displayName: 'Link ID',
        name: 'linkId',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 4321',
        displayOptions: { show: { lookUpBy: ['id'] } },
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['link'], operation: ['getStatus'] } }, properties);
async function execute(itemIndex) {
    const lookUpBy = (0, helpers_1.checkOneOf)(this, itemIndex, 'Look Up By', this.getNodeParameter('lookUpBy', itemIndex, 'url'), LOOKUPS);
    const qs = {};
    if (lookUpBy === 'url') {
        const url = (0, helpers_1.requireString)(this, 'url', itemIndex, 'Short Link URL');
        if (!/^https?:\/\/[^\s/]+\/\S*$/i.test(url))
            throw (0, helpers_1.invalid)(this, itemIndex, 'Short Link URL', 'expected a full link such as https://bookings.herohealth.net/s/abc123');
        qs.url = url;
    }
    else {
        qs.id = (0, helpers_1.requireString)(this, 'linkId', itemIndex, 'Link ID');
    }
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/links/status', qs, itemIndex });
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.patient = void 0;
const connectEhr = __importStar(require("./connectEhr.operation"));
const createOrUpdate = __importStar(require("./createOrUpdate.operation"));
const get = __importStar(require("./get.operation"));
const listEhrCandidates = __importStar(require("./listEhrCandidates.operation"));
const previewMerge = __importStar(require("./previewMerge.operation"));
const registerPds = __importStar(require("./registerPds.operation"));
exports.patient = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['patient'] } },
        default: 'registerPds',
        options: [
            {
                name: 'Connect to EHR Record',
                value: 'connectEhr',
                action: 'Connect a patient to an EHR record',
                description: "Link a Hero patient to one of their records in the practice's EHR",
            },
            {
                name: 'Create or Update',
                value: 'createOrUpdate',
                action: 'Create or update a patient',
                description: 'Save a patient with your own details, without an NHS Spine (PDS) lookup; matched on NHS number and date of birth',
            },
            { name: 'Get', value: 'get', action: 'Get a patient', description: "Get a patient's details from Hero or from the EHR" },
            {
                name: 'List EHR Candidates',
                value: 'listEhrCandidates',
                action: 'List EHR candidates for a patient',
                description: 'List the EHR records that may belong to a Hero patient',
            },
            {
                name: 'Preview Merge',
                value: 'previewMerge',
                action: 'Preview merging two patients',
                description: 'Show what merging a duplicate patient into this one would give, without merging',
            },
            {
                name: 'Register via PDS',
                value: 'registerPds',
                action: 'Register a patient via PDS',
                description: "Find a patient on the NHS Spine and get their Hero patient ID (the existing one if they're already registered)",
            },
        ],
    },
    operations: { connectEhr, createOrUpdate, get, listEhrCandidates, previewMerge, registerPds },
};

}, {"./connectEhr.operation":67,"./createOrUpdate.operation":68,"./get.operation":70,"./listEhrCandidates.operation":71,"./previewMerge.operation":72,"./registerPds.operation":73}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [
    common_descriptions_1.patientIdField,
    {
        displayName: 'EHR Partner ID',
        name: 'ehrPartnerId',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 5012345',
        description: 'The EHR record to connect: ehr_partner_id of one of Patient → List EHR Candidates',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['connectEhr'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'patientId', itemIndex, 'Patient ID');
    const body = { ehr_partner_id: (0, helpers_1.requireString)(this, 'ehrPartnerId', itemIndex, 'EHR Partner ID') };
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: `/v1/patients/${id}/ehr/connect`, body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildRegisterBody = buildRegisterBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const text = (label, name, placeholder) => ({
    displayName: label,
    name,
    type: 'string',
    default: '',
    ...(placeholder ? { placeholder } : {}),
});
const properties = [
    common_1.nhsNumberField,
    common_1.dateOfBirthField,
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            text('Address Line 1', 'line1', 'e.g. 1 Park Row'),
            text('Address Line 2', 'line2'),
            text('Address Line 3', 'line3'),
            text('County', 'county', 'e.g. West Yorkshire'),
            text('Email', 'email', 'e.g. name@email.com'),
            text('First Name', 'firstName', 'e.g. Ada'),
            text('Last Name', 'lastName', 'e.g. Lovelace'),
            text('Mobile', 'mobile', 'e.g. 07700 900123'),
            text('Postcode', 'postcode', 'e.g. LS1 4AP'),
            {
                displayName: 'Sex',
                name: 'sex',
                type: 'options',
                default: 'Not known',
                options: [...common_1.PATIENT_SEXES].sort().map((sex) => ({ name: sex, value: sex })),
            },
            {
                displayName: 'Title',
                name: 'title',
                type: 'options',
                default: 'Mr',
                options: [...common_1.PATIENT_TITLES]
                    .sort((a, b) => (0, common_descriptions_1.alphabetical)(a || '(None)', b || '(None)'))
                    .map((title) => ({ name: title || '(None)', value: title })),
            },
            text('Town', 'town', 'e.g. Leeds'),
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['createOrUpdate'] } }, properties);
function buildRegisterBody(ctx, itemIndex) {
    const body = {
        nhs_number: (0, common_1.checkNhsNumber)(ctx, itemIndex, ctx.getNodeParameter('nhsNumber', itemIndex, '')),
        dob: (0, common_1.checkDateOfBirth)(ctx, itemIndex, ctx.getNodeParameter('dateOfBirth', itemIndex, '')),
    };
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    const value = (key) => (typeof extra[key] === 'string' || typeof extra[key] === 'number' ? String(extra[key]).trim() : '');
    const plain = [
        ['firstName', 'first_name'], ['lastName', 'last_name'], ['line1', 'line_1'], ['line2', 'line_2'], ['line3', 'line_3'],
        ['town', 'town'], ['county', 'county'], ['postcode', 'postcode'],
    ];
    for (const [key, name] of plain)
        if (value(key))
            body[name] = value(key);
    if (extra.title !== undefined)
        body.title = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Title', extra.title, common_1.PATIENT_TITLES);
    if (extra.sex !== undefined)
        body.sex = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Sex', extra.sex, common_1.PATIENT_SEXES);
    if (value('email')) {
        if (!(0, validation_1.isEmail)(value('email')))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Email', 'expected an email address such as patient@example.com');
        body.email = value('email');
    }
    if (value('mobile')) {
        const mobile = (0, validation_1.phoneToE164)(value('mobile'));
        if (!mobile)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Mobile', 'expected a phone number such as 07700 900123, or one in international form such as +33 6 12 34 56 78');
        body.mobile = mobile;
    }
    return body;
}
async function execute(itemIndex) {
    const body = buildRegisterBody(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/patients/register', body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../../validation":14,"../common.descriptions":2,"../helpers":13,"./common":69}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dateOfBirthField = exports.nhsNumberField = exports.PATIENT_SEXES = exports.PATIENT_TITLES = void 0;
exports.checkNhsNumber = checkNhsNumber;
exports.checkDateOfBirth = checkDateOfBirth;
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const helpers_1 = require("../helpers");
const common_1 = require("../link/common");
exports.PATIENT_TITLES = [
    'Baron', 'Baroness', 'Brigadier', 'Count', 'Colonel', 'Countess', 'Captain', 'Dame', 'The Dowager Viscountess', 'Dr',
    'Duchess', 'Duke', 'Earl', 'His Excellency', 'Father', 'H.E. Ambassador Mr', 'H.E. Mr', 'H.E. Mrs', 'Her Grace', 'His Grace',
    'The Hon', 'The Hon Mr', 'The Hon Mrs', 'HRH', 'HRH Prince', 'HRH Princess', 'Insurance', 'HM King', 'Lady', 'Lord',
    'Major', 'Master', 'Miss', 'Mr', 'Mrs', 'Ms', 'Mss', 'Mx', 'Pr', 'Professor',
    'HM Queen', 'Rabbi', 'Reverend', 'Sheikh', 'Sheikha', 'Sir', 'The', '', 'Viscount', 'Viscountess',
];
exports.PATIENT_SEXES = ['Not known', 'Not specified', 'Male', 'Female', 'Other'];
exports.nhsNumberField = {
    displayName: 'NHS Number',
    name: 'nhsNumber',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 943 476 5919',
    description: 'Ten digits, spaces allowed; the check digit is verified before anything is sent',
};
exports.dateOfBirthField = {
    displayName: 'Date of Birth',
    name: 'dateOfBirth',
    type: 'dateTime',
    required: true,
    default: '',
    description: "The patient's date of birth (sent as YYYY-MM-DD)",
};
function checkNhsNumber(ctx, itemIndex, value, field = 'NHS Number') {
    if (typeof value !== 'string' && typeof value !== 'number')
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'is required');
    const text = String(value).trim();
    if (!text)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'is required');
    const digits = (0, validation_1.normaliseNhsNumber)(text);
    if (!digits)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a valid 10-digit NHS number (the check digit does not match, or it is not 10 digits)');
    return transport_1.INFERRED.nhsNumberForHero(digits);
}
function checkDateOfBirth(ctx, itemIndex, value, now = new Date()) {
    if (value === undefined || value === null || value === '')
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Date of Birth', 'is required');
    const date = (0, common_1.checkCalendarDate)(ctx, itemIndex, 'Date of Birth', value);
    const today = (0, common_1.todayIn)(common_1.HERO_TIME_ZONE, now.getTime());
    if (date > today)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Date of Birth', 'cannot be in the future');
    const oldest = `${Number(today.slice(0, 4)) - 130}${today.slice(4)}`;
    if (date < oldest)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Date of Birth', 'is more than 130 years ago');
    return date;
}

}, {"../../transport":6,"../../validation":14,"../helpers":13,"../link/common":30}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const DATA_SOURCES = ['hero', 'ehr'];
const properties = [
    common_descriptions_1.patientIdField,
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
            {
                displayName: 'Data Source',
                name: 'dataSource',
                type: 'options',
                default: 'hero',
                options: [
                    { name: 'EHR', value: 'ehr', description: "The patient's record in the practice's EHR (EMIS, SystmOne)" },
                    { name: 'Hero', value: 'hero', description: "Hero's own copy of the patient" },
                ],
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'patientId', itemIndex, 'Patient ID');
    const options = (0, helpers_1.readCollection)(this, 'options', itemIndex);
    const qs = {};
    if (options.dataSource !== undefined)
        qs.data_source = (0, helpers_1.checkOneOf)(this, itemIndex, 'Data Source', options.dataSource, DATA_SOURCES);
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v2/patients/${id}`, qs, itemIndex });
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [common_descriptions_1.patientIdField];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['listEhrCandidates'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'patientId', itemIndex, 'Patient ID');
    const page = await transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/patients/${id}/ehr/candidates`, expect: 'list', itemIndex });
    return (0, transport_1.recordsOf)(page);
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const properties = [
    common_descriptions_1.patientIdField,
    {
        displayName: 'Merge With Patient ID',
        name: 'otherPatientId',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 1235',
        description: 'The other Hero patient (a duplicate) to preview merging into this one',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['previewMerge'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'patientId', itemIndex, 'Patient ID');
    const other = (0, helpers_1.requireId)(this, 'otherPatientId', itemIndex, 'Merge With Patient ID');
    if (other === id)
        throw (0, helpers_1.invalid)(this, itemIndex, 'Merge With Patient ID', 'must be a different patient from Patient ID');
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: `/v1/patients/${id}/merge/preview`, body: { patient_id: other }, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildRegisterPdsBody = buildRegisterPdsBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const SEARCH_BY = ['nhsNumber', 'demographics'];
const nameAndPostcode = (required) => [
    { displayName: 'Forename', name: 'forename', type: 'string', required, default: '', placeholder: 'e.g. Ada' },
    { displayName: 'Surname', name: 'surname', type: 'string', required, default: '', placeholder: 'e.g. Lovelace' },
    { displayName: 'Postcode', name: 'postcode', type: 'string', required, default: '', placeholder: 'e.g. LS1 4AP' },
];
const properties = [
    {
        displayName: 'Search By',
        name: 'searchBy',
        type: 'options',
        default: 'nhsNumber',
        options: [
            { name: 'Name, Postcode and Date of Birth', value: 'demographics', description: 'When the NHS number is not known' },
            { name: 'NHS Number and Date of Birth', value: 'nhsNumber' },
        ],
    },
    { ...common_1.nhsNumberField, displayOptions: { show: { searchBy: ['nhsNumber'] } } },
    common_1.dateOfBirthField,
    ...nameAndPostcode(true).map((field) => ({ ...field, displayOptions: { show: { searchBy: ['demographics'] } } })),
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'EHR Partner',
                name: 'ehrPartner',
                type: 'string',
                default: '',
                placeholder: 'e.g. emis',
                description: 'The EHR system the patient ID below belongs to',
            },
            {
                displayName: 'EHR Partner ID',
                name: 'ehrPartnerId',
                type: 'string',
                default: '',
                description: "The patient's ID in that EHR system",
            },
            ...nameAndPostcode(false).map((field) => ({
                ...field,
                description: 'Also checked against the NHS record',
                displayOptions: { show: { '/searchBy': ['nhsNumber'] } },
            })),
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['patient'], operation: ['registerPds'] } }, properties);
function buildRegisterPdsBody(ctx, itemIndex) {
    const searchBy = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Search By', ctx.getNodeParameter('searchBy', itemIndex, 'nhsNumber'), SEARCH_BY);
    const body = {};
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    const text = (value) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
    if (searchBy === 'nhsNumber') {
        body.nhs_number = (0, common_1.checkNhsNumber)(ctx, itemIndex, ctx.getNodeParameter('nhsNumber', itemIndex, ''));
    }
    body.dob = (0, common_1.checkDateOfBirth)(ctx, itemIndex, ctx.getNodeParameter('dateOfBirth', itemIndex, ''));
    for (const [key, field] of [['forename', 'Forename'], ['surname', 'Surname'], ['postcode', 'Postcode']]) {
        if (searchBy === 'demographics')
            body[key] = (0, helpers_1.requireString)(ctx, key, itemIndex, field);
        else if (text(extra[key]))
            body[key] = text(extra[key]);
    }
    if (text(extra.ehrPartner))
        body.ehr_partner = text(extra.ehrPartner);
    if (text(extra.ehrPartnerId))
        body.ehr_partner_id = text(extra.ehrPartnerId);
    return body;
}
async function execute(itemIndex) {
    const body = buildRegisterPdsBody(this, itemIndex);
    const result = await transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/patients/register_pds', body, repeatable: true, itemIndex });
    if (typeof result?.login_url === 'string') {
        return { verification_required: true, patient_id: null, message: result.message ?? null, login_url: result.login_url };
    }
    return { verification_required: false, ...result };
}

}, {"../../transport":6,"../helpers":13,"./common":69}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.practiceGroup = void 0;
const get = __importStar(require("./get.operation"));
const getCapabilities = __importStar(require("./getCapabilities.operation"));
const getConfiguration = __importStar(require("./getConfiguration.operation"));
const getElements = __importStar(require("./getElements.operation"));
const update = __importStar(require("./update.operation"));
exports.practiceGroup = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['practiceGroup'] } },
        default: 'get',
        options: [
            { name: 'Get', value: 'get', action: 'Get the practice group', description: 'Get the practice group the credential acts for' },
            {
                name: 'Get Capabilities',
                value: 'getCapabilities',
                action: 'Get the practice group capabilities',
                description: 'What the practice group can do, e.g. sms_messaging',
            },
            {
                name: 'Get Configuration',
                value: 'getConfiguration',
                action: 'Get the practice group configuration',
                description: 'The configuration settings of the practice group',
            },
            { name: 'Get Elements', value: 'getElements', action: 'Get the practice group elements', description: 'The Hero Elements set up for the practice group' },
            {
                name: 'Update',
                value: 'update',
                action: 'Update the practice group',
                description: "Change the practice group's name, address or prescription partner",
            },
        ],
    },
    operations: { get, getCapabilities, getConfiguration, getElements, update },
};

}, {"./get.operation":75,"./getCapabilities.operation":76,"./getConfiguration.operation":77,"./getElements.operation":78,"./update.operation":79}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const properties = [];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practiceGroup'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/me', itemIndex });
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const properties = [];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practiceGroup'], operation: ['getCapabilities'] } }, properties);
async function execute(itemIndex) {
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/me/capabilities', itemIndex });
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const properties = [];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practiceGroup'], operation: ['getConfiguration'] } }, properties);
async function execute(itemIndex) {
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/me/configuration', itemIndex });
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const properties = [];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practiceGroup'], operation: ['getElements'] } }, properties);
async function execute(itemIndex) {
    const result = await transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/me/elements', expect: 'list', itemIndex });
    const isList = Array.isArray(result) || Array.isArray(result?.data);
    return isList ? (0, transport_1.recordsOf)(result) : result;
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.buildUpdateBody = buildUpdateBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const ADDRESS_FIELDS = [
    ['addressLine1', 'Address Line 1', 'line_1'],
    ['addressLine2', 'Address Line 2', 'line_2'],
    ['addressLine3', 'Address Line 3', 'line_3'],
    ['town', 'Town', 'town'],
    ['county', 'County', 'county'],
    ['postcode', 'Postcode', 'postcode'],
];
const properties = [
    {
        displayName: 'Update Fields',
        name: 'updateFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            ...ADDRESS_FIELDS.map(([name, displayName]) => ({ displayName, name, type: 'string', default: '' })),
            { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Park Row Surgery' },
            {
                displayName: 'Prescription Partner',
                name: 'prescriptionPartner',
                type: 'string',
                default: '',
                placeholder: 'e.g. signature_rx',
                description: 'The electronic prescribing partner to use',
            },
            {
                displayName: 'Prescription Partner Email',
                name: 'prescriptionPartnerEmail',
                type: 'string',
                default: '',
                placeholder: 'e.g. name@email.com',
                description: "Login for the prescription partner's account (sent with the password)",
            },
            {
                displayName: 'Prescription Partner Enabled',
                name: 'prescriptionPartnerEnabled',
                type: 'boolean',
                default: false,
                description: 'Whether electronic prescribing through the partner is switched on',
            },
            {
                displayName: 'Prescription Partner Password',
                name: 'prescriptionPartnerPassword',
                type: 'string',
                typeOptions: { password: true },
                default: '',
                description: "Password for the prescription partner's account (sent with the email). Typed here, it is stored in the workflow (masked on screen, readable in its export); a credential or an expression reading a secret (e.g. {{ $secrets.vault.rxPassword }}) is the safer way.",
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practiceGroup'], operation: ['update'] } }, properties);
function buildUpdateBody(ctx, itemIndex) {
    const fields = (0, helpers_1.readCollection)(ctx, 'updateFields', itemIndex);
    const text = (key) => (typeof fields[key] === 'string' || typeof fields[key] === 'number' ? String(fields[key]).trim() : '');
    const body = {};
    if (fields.name !== undefined) {
        if (!text('name'))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Name', 'cannot be empty');
        body.name = text('name');
    }
    if (fields.prescriptionPartnerEnabled !== undefined) {
        body.prescription_partner_enabled = (0, helpers_1.checkBoolean)(ctx, itemIndex, 'Prescription Partner Enabled', fields.prescriptionPartnerEnabled);
    }
    if (text('prescriptionPartner'))
        body.prescription_partner = text('prescriptionPartner');
    const email = text('prescriptionPartnerEmail');
    const password = typeof fields.prescriptionPartnerPassword === 'string' ? fields.prescriptionPartnerPassword : '';
    if (email || password) {
        if (!email)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Prescription Partner Email', 'is required with the password');
        if (!password)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Prescription Partner Password', 'is required with the email');
        body.prescription_partner_credentials = { email, password };
    }
    const address = {};
    for (const [key, , name] of ADDRESS_FIELDS)
        if (text(key))
            address[name] = text(key);
    if (Object.keys(address).length)
        body.address = address;
    if (Object.keys(body).length === 0)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Update Fields', 'add at least one field to change');
    return body;
}
async function execute(itemIndex) {
    const body = buildUpdateBody(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'PATCH', path: '/v1/me', body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.videoLink = void 0;
const create = __importStar(require("./create.operation"));
exports.videoLink = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['videoLink'] } },
        default: 'create',
        options: [{ name: 'Create', value: 'create', action: 'Create a video link', description: 'Create a link to a Hero video consultation' }],
    },
    operations: { create },
};

}, {"./create.operation":81}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const properties = [
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Patient ID',
                name: 'patientId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 1234',
                description: 'The patient the video consultation is for (Hero patient ID)',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['videoLink'], operation: ['create'] } }, properties);
async function execute(itemIndex) {
    const extra = (0, helpers_1.readCollection)(this, 'additionalFields', itemIndex);
    const body = {};
    if (extra.patientId !== undefined && extra.patientId !== '') {
        body[transport_1.INFERRED.videoLinkFields.patientId] = (0, helpers_1.checkId)(this, itemIndex, 'Patient ID', extra.patientId);
    }
    return transport_1.heroApiRequest.call(this, {
        method: 'POST',
        path: '/v1/video_links',
        body: Object.keys(body).length ? body : undefined,
        repeatable: false,
        itemIndex,
    });
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.appointment = void 0;
const book = __importStar(require("./book.operation"));
const bookNextAvailable = __importStar(require("./bookNextAvailable.operation"));
const cancel = __importStar(require("./cancel.operation"));
const create = __importStar(require("./create.operation"));
const get = __importStar(require("./get.operation"));
const getStatus = __importStar(require("./getStatus.operation"));
const reschedule = __importStar(require("./reschedule.operation"));
const update = __importStar(require("./update.operation"));
exports.appointment = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['appointment'] } },
        default: 'bookNextAvailable',
        options: [
            {
                name: 'Book',
                value: 'book',
                action: 'Book an appointment',
                description: 'Confirm a reservation made with Create, for the patient',
            },
            {
                name: 'Book Next Available',
                value: 'bookNextAvailable',
                action: 'Book the next available appointment',
                description: 'Find the earliest free slot matching the filters, reserve it and book it for the patient, in one step',
            },
            {
                name: 'Cancel',
                value: 'cancel',
                action: 'Cancel an appointment',
                description: 'Cancel a booked appointment or release a reservation; the slot becomes free again',
            },
            {
                name: 'Create',
                value: 'create',
                action: 'Create an appointment reservation',
                description: 'Reserve a slot (held until reserved_until); confirm it with Book',
            },
            { name: 'Get', value: 'get', action: 'Get an appointment', description: 'Get one appointment with its times and booking state' },
            { name: 'Get Status', value: 'getStatus', action: 'Get the status of an appointment', description: "Get an appointment's current status" },
            {
                name: 'Reschedule',
                value: 'reschedule',
                action: 'Reschedule an appointment',
                description: 'Move a booked appointment to another time or practitioner',
            },
            {
                name: 'Update',
                value: 'update',
                action: 'Update an appointment reservation',
                description: 'Change the time, length or practitioner of a reservation that is not booked yet',
            },
        ],
    },
    operations: { book, bookNextAvailable, cancel, create, get, getStatus, reschedule, update },
};

}, {"./book.operation":83,"./bookNextAvailable.operation":85,"./cancel.operation":86,"./create.operation":87,"./get.operation":88,"./getStatus.operation":89,"./reschedule.operation":90,"./update.operation":91}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parallel = exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    { ...fields_1.appointmentIdField, description: 'The reservation to confirm: the ID from Appointment → Create' },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Patient ID',
                name: 'patientId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 2001',
                description: 'The Hero patient ID to book for, when the reservation was made without one',
            },
        ],
    },
    {
        displayName: "Hero's documentation does not show the Book call itself; this node sends PATCH /v1/appointments/{ID}/book (our best guess, see the README)",
        name: 'bookNotice',
        type: 'notice',
        default: '',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['book'] } }, properties);
exports.parallel = false;
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    const extra = (0, helpers_1.readCollection)(this, 'additionalFields', itemIndex);
    const body = {};
    if (extra.patientId !== undefined && String(extra.patientId).trim() !== '')
        body.patient_id = (0, helpers_1.checkId)(this, itemIndex, 'Patient ID', extra.patientId);
    return transport_1.heroApiRequest.call(this, {
        method: transport_1.INFERRED.bookAppointmentMethod,
        path: transport_1.INFERRED.bookAppointmentPath(id),
        body: Object.keys(body).length ? body : undefined,
        repeatable: false,
        itemIndex,
    });
}

}, {"../../transport":6,"../helpers":13,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.moveAdditionalFields = exports.SUPPRESS_AVAILABILITY_CHECK = exports.SUPPRESS_MAIL = exports.reasonOption = exports.suppressAvailabilityCheckOption = exports.suppressMailOption = exports.durationField = exports.startTimeField = exports.appointmentIdField = void 0;
exports.readStartTime = readStartTime;
exports.readDuration = readDuration;
exports.readAppointmentId = readAppointmentId;
exports.copyFlags = copyFlags;
exports.readMoveBody = readMoveBody;
const helpers_1 = require("../helpers");
exports.appointmentIdField = {
    displayName: 'Appointment ID',
    name: 'appointmentId',
    type: 'string',
    required: true,
    default: '',
    placeholder: 'e.g. 12345',
    description: 'The appointment ID returned by Appointment → Create or Book Next Available',
};
exports.startTimeField = {
    displayName: 'Start Time',
    name: 'startTime',
    type: 'dateTime',
    required: true,
    default: '',
    description: "When the appointment starts, e.g. a slot's start_time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.",
};
exports.durationField = {
    displayName: 'Duration (Minutes)',
    name: 'duration',
    type: 'number',
    required: true,
    typeOptions: { minValue: 1 },
    default: 15,
    description: "Length of the appointment in minutes, usually the appointment type's duration (a slot's finish_time minus its start_time)",
};
exports.suppressMailOption = {
    displayName: 'Suppress Mail',
    name: 'suppressMail',
    type: 'boolean',
    default: false,
    description: 'Whether to stop Hero emailing the patient about this change',
};
exports.suppressAvailabilityCheckOption = {
    displayName: 'Suppress Availability Check',
    name: 'suppressAvailabilityCheck',
    type: 'boolean',
    default: false,
    description: "Whether to skip Hero's check that the practitioner is free at that time (admin override; may double-book)",
};
exports.reasonOption = {
    displayName: 'Reason',
    name: 'reason',
    type: 'string',
    default: '',
    placeholder: 'e.g. Annual asthma review',
    description: 'Why the patient is booking, shown to the practice',
};
function readStartTime(ctx, itemIndex, field = 'Start Time') {
    const value = ctx.getNodeParameter('startTime', itemIndex, '');
    if (value === '' || value === undefined || value === null)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'is required');
    return (0, helpers_1.checkDateTime)(ctx, itemIndex, field, value);
}
function readDuration(ctx, itemIndex) {
    const value = ctx.getNodeParameter('duration', itemIndex, '');
    const minutes = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
    if (!Number.isFinite(minutes) || minutes < 1)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Duration (Minutes)', 'expected a number of minutes, at least 1');
    return minutes;
}
function readAppointmentId(ctx, itemIndex) {
    return (0, helpers_1.requireId)(ctx, 'appointmentId', itemIndex, 'Appointment ID');
}
function copyFlags(ctx, itemIndex, fields, body, flags) {
    for (const [key, label, heroName] of flags) {
        if (fields[key] !== undefined)
            body[heroName] = (0, helpers_1.checkBoolean)(ctx, itemIndex, label, fields[key]);
    }
}
exports.SUPPRESS_MAIL = ['suppressMail', 'Suppress Mail', 'suppress_mail'];
exports.SUPPRESS_AVAILABILITY_CHECK = ['suppressAvailabilityCheck', 'Suppress Availability Check', 'suppress_availability_check'];
exports.moveAdditionalFields = {
    displayName: 'Additional Fields',
    name: 'additionalFields',
    type: 'collection',
    placeholder: 'Add Field',
    default: {},
    options: [exports.suppressAvailabilityCheckOption, exports.suppressMailOption],
};
function readMoveBody(ctx, itemIndex, startTimeLabel) {
    const body = {
        practitioner_id: (0, helpers_1.requireId)(ctx, 'practitionerId', itemIndex, 'Practitioner'),
        duration: readDuration(ctx, itemIndex),
        start_time: readStartTime(ctx, itemIndex, startTimeLabel),
    };
    copyFlags(ctx, itemIndex, (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex), body, [exports.SUPPRESS_AVAILABILITY_CHECK, exports.SUPPRESS_MAIL]);
    return body;
}

}, {"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parallel = exports.description = exports.DEFAULT_MAX_ATTEMPTS = exports.DEFAULT_WINDOW_DAYS = void 0;
exports.localDate = localDate;
exports.localTime = localTime;
exports.readSearch = readSearch;
exports.candidates = candidates;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const validation_1 = require("../../validation");
const booking_descriptions_1 = require("../booking.descriptions");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
exports.DEFAULT_WINDOW_DAYS = 28;
exports.DEFAULT_MAX_ATTEMPTS = 5;
const MAX_ATTEMPTS_LIMIT = 10;
const HERO_DISPLAY_ZONE = 'Europe/London';
const properties = [
    common_descriptions_1.patientIdField,
    { ...booking_descriptions_1.appointmentTypeLocator, description: 'The kind of appointment to book' },
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Earliest Start Time',
                name: 'earliestTime',
                type: 'string',
                default: '',
                placeholder: 'e.g. 09:00',
                description: 'Only slots starting at or after this time of day (HH:mm, 24-hour; see Options → Time Zone)',
            },
            {
                displayName: 'End Date',
                name: 'endDate',
                type: 'dateTime',
                default: '',
                description: `Last day to search. ${booking_descriptions_1.DATE_WINDOW_HINT}. Default: ${exports.DEFAULT_WINDOW_DAYS} days after the start date.`,
            },
            {
                displayName: 'Latest Start Time',
                name: 'latestTime',
                type: 'string',
                default: '',
                placeholder: 'e.g. 12:00',
                description: 'Only slots starting at or before this time of day (HH:mm, 24-hour; see Options → Time Zone)',
            },
            (0, booking_descriptions_1.bookingLocator)('location', { description: 'Only slots at this location' }),
            (0, booking_descriptions_1.bookingLocatorList)('practitioner', { description: 'Only slots with any of these practitioners' }),
            {
                displayName: 'Start Date',
                name: 'startDate',
                type: 'dateTime',
                default: '',
                description: `First day to search. ${booking_descriptions_1.DATE_WINDOW_HINT}. Default: today.`,
            },
        ],
    },
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
            {
                displayName: 'Duration (Minutes)',
                name: 'duration',
                type: 'number',
                typeOptions: { minValue: 1 },
                default: 15,
                description: "Length of the appointment in minutes. Default: the slot's own length.",
            },
            {
                displayName: 'Max Attempts',
                name: 'maxAttempts',
                type: 'number',
                typeOptions: { minValue: 1, maxValue: MAX_ATTEMPTS_LIMIT },
                default: exports.DEFAULT_MAX_ATTEMPTS,
                description: 'How many slots to try, earliest first, when someone else takes a slot before it can be reserved',
            },
            fields_1.reasonOption,
            {
                displayName: 'Suppress Mail',
                name: 'suppressMail',
                type: 'boolean',
                default: false,
                description: 'Whether to stop Hero emailing the patient about the booking',
            },
            {
                displayName: 'Time Zone',
                name: 'timeZone',
                type: 'options',
                default: 'hero',
                options: [
                    { name: 'Europe/London (as Hero Shows Times)', value: 'hero' },
                    { name: 'Workflow Time Zone', value: 'workflow' },
                ],
                description: 'Zone of the start/end dates and the earliest/latest start times',
            },
        ],
    },
    {
        displayName: 'Books the earliest free slot that matches, for the patient. If none matches (or every slot tried was taken by someone else first) the item is output with booked = false and a reason, instead of failing.',
        name: 'bookNextAvailableNotice',
        type: 'notice',
        default: '',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['bookNextAvailable'] } }, properties);
exports.parallel = false;
function localDate(date, timeZone) {
    const p = (0, validation_1.zonedParts)(date, timeZone);
    return `${p.year}-${p.month}-${p.day}`;
}
function localTime(date, timeZone) {
    const p = (0, validation_1.zonedParts)(date, timeZone);
    return `${p.hour}:${p.minute}`;
}
function addDays(date, days) {
    const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
    return new Date(time).toISOString().slice(0, 10);
}
function checkTimeOfDay(ctx, itemIndex, field, value) {
    if (value === undefined || value === null || value === '')
        return undefined;
    const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(String(value).trim());
    if (!match)
        throw (0, helpers_1.invalid)(ctx, itemIndex, field, 'expected a time of day such as 09:30 (24-hour HH:mm)');
    return `${match[1].padStart(2, '0')}:${match[2]}`;
}
function readSearch(ctx, itemIndex, now = new Date()) {
    const patientId = (0, helpers_1.requireId)(ctx, 'patientId', itemIndex, 'Patient ID');
    const appointmentTypeId = (0, helpers_1.requireId)(ctx, 'appointmentTypeId', itemIndex, 'Appointment Type');
    const filters = (0, helpers_1.readCollection)(ctx, 'filters', itemIndex);
    const options = (0, helpers_1.readCollection)(ctx, 'options', itemIndex);
    const zoneChoice = options.timeZone ?? 'hero';
    if (zoneChoice !== 'hero' && zoneChoice !== 'workflow')
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Time Zone', 'expected hero or workflow');
    const timeZone = zoneChoice === 'workflow' ? ctx.getTimezone() : HERO_DISPLAY_ZONE;
    const startDate = filters.startDate ? (0, helpers_1.checkDate)(ctx, itemIndex, 'Start Date', filters.startDate) : localDate(now, timeZone);
    const endDate = filters.endDate ? (0, helpers_1.checkDate)(ctx, itemIndex, 'End Date', filters.endDate) : addDays(startDate, exports.DEFAULT_WINDOW_DAYS - 1);
    if (endDate < startDate)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'End Date', 'must be on or after Start Date');
    const earliestTime = checkTimeOfDay(ctx, itemIndex, 'Earliest Start Time', filters.earliestTime);
    const latestTime = checkTimeOfDay(ctx, itemIndex, 'Latest Start Time', filters.latestTime);
    if (earliestTime && latestTime && latestTime < earliestTime)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Latest Start Time', 'must be at or after Earliest Start Time');
    let duration;
    if (options.duration !== undefined && options.duration !== '') {
        duration = (0, helpers_1.checkNumber)(ctx, itemIndex, 'Duration (Minutes)', options.duration, 1);
    }
    const maxAttempts = options.maxAttempts === undefined ? exports.DEFAULT_MAX_ATTEMPTS : (0, helpers_1.checkNumber)(ctx, itemIndex, 'Max Attempts', options.maxAttempts, 1);
    if (!Number.isInteger(maxAttempts) || maxAttempts > MAX_ATTEMPTS_LIMIT) {
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Max Attempts', `expected a whole number from 1 to ${MAX_ATTEMPTS_LIMIT}`);
    }
    const reason = typeof options.reason === 'string' && options.reason.trim() !== '' ? options.reason.trim() : undefined;
    const suppressMail = options.suppressMail === undefined ? undefined : (0, helpers_1.checkBoolean)(ctx, itemIndex, 'Suppress Mail', options.suppressMail);
    return {
        patientId,
        appointmentTypeId,
        locationId: (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, 'Location', filters.locationId),
        practitionerIds: (0, booking_descriptions_1.readLocatorIds)(ctx, itemIndex, 'Practitioners', filters.practitioners),
        startDate,
        endDate,
        earliestTime,
        latestTime,
        timeZone,
        duration,
        maxAttempts,
        reason,
        suppressMail,
    };
}
function candidates(slots, search, now = Date.now()) {
    return slots
        .map((slot) => ({ slot, start: Date.parse(String(slot.start_time ?? '')) }))
        .filter(({ slot, start }) => {
        if (!Number.isFinite(start) || start <= now)
            return false;
        if (slot.practitioner_id == null || (slot.location_id == null && !search.locationId))
            return false;
        if (slot.appointment_type_id !== undefined && String(slot.appointment_type_id) !== search.appointmentTypeId)
            return false;
        if (search.locationId && slot.location_id !== undefined && String(slot.location_id) !== search.locationId)
            return false;
        if (search.practitionerIds.length && !search.practitionerIds.includes(String(slot.practitioner_id)))
            return false;
        const day = localDate(new Date(start), search.timeZone);
        if (day < search.startDate || day > search.endDate)
            return false;
        const time = localTime(new Date(start), search.timeZone);
        if (search.earliestTime && time < search.earliestTime)
            return false;
        if (search.latestTime && time > search.latestTime)
            return false;
        return true;
    })
        .sort((a, b) => a.start - b.start || String(a.slot.id).localeCompare(String(b.slot.id)))
        .map(({ slot }) => slot);
}
async function settle(call) {
    return call.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
}
function isTaken(error) {
    return String(error.httpCode) === String(transport_1.INFERRED.slotTakenStatus);
}
function describeSearch(search) {
    const zone = search.timeZone === HERO_DISPLAY_ZONE ? HERO_DISPLAY_ZONE : search.timeZone;
    let text = `appointment type ${search.appointmentTypeId}, ${search.startDate} to ${search.endDate}`;
    if (search.earliestTime || search.latestTime)
        text += `, starting ${search.earliestTime ?? '00:00'}-${search.latestTime ?? '23:59'} ${zone}`;
    if (search.locationId)
        text += `, location ${search.locationId}`;
    if (search.practitionerIds.length)
        text += `, practitioner ${search.practitionerIds.join(' or ')}`;
    return text;
}
async function execute(itemIndex) {
    const search = readSearch(this, itemIndex);
    const qs = { appointment_type_id: search.appointmentTypeId, start_date: search.startDate, end_date: search.endDate };
    if (search.locationId)
        qs.location_id = search.locationId;
    if (search.practitionerIds.length)
        qs.practitioner_id = search.practitionerIds.length === 1 ? search.practitionerIds[0] : search.practitionerIds;
    const listRequest = { method: 'GET', path: '/v1/slots', qs, itemIndex, expect: 'list' };
    const slots = transport_1.INFERRED.slotsArePaged
        ? await transport_1.heroApiRequestAllItems.call(this, listRequest)
        : (0, transport_1.recordsOf)(await transport_1.heroApiRequest.call(this, listRequest));
    const queue = candidates(slots, search);
    if (queue.length === 0) {
        return { booked: false, reason: `No free slot matched (${describeSearch(search)})`, attempts: 0, slots_matched: 0 };
    }
    const reservations = [];
    try {
        return await bookFirstFree.call(this, itemIndex, search, queue, reservations);
    }
    catch (error) {
        throw namingReservations(error, reservations);
    }
}
function namingReservations(error, reservations) {
    if (reservations.length === 0)
        return error;
    const named = reservations.map((reservation) => `appointment ${reservation.id} (${reservation.outcome})`).join(', ');
    error.message = `${error.message} (after reserving ${named})`;
    const advice = 'Check these appointments in Hero (Appointment → Get) before running the item again: a new run books another slot.';
    error.description = [error.description, advice].filter(Boolean).join('\n');
    return error;
}
async function bookFirstFree(itemIndex, search, queue, reservations) {
    const tried = [];
    for (const slot of queue.slice(0, search.maxAttempts)) {
        const start = Date.parse(String(slot.start_time));
        const finish = Date.parse(String(slot.finish_time ?? ''));
        const duration = search.duration ?? (Number.isFinite(finish) && finish > start ? Math.round((finish - start) / 60_000) : undefined);
        if (duration === undefined) {
            throw new n8n_workflow_1.NodeOperationError(this.getNode(), `Slot ${String(slot.id)} has no finish time to take the appointment length from`, {
                itemIndex,
                description: 'Set Options → Duration (Minutes) to the appointment length.',
            });
        }
        const body = {
            appointment_type_id: search.appointmentTypeId,
            location_id: String(slot.location_id ?? search.locationId),
            practitioner_id: String(slot.practitioner_id),
            duration,
            start_time: (0, validation_1.toIsoDateTime)(slot.start_time) ?? String(slot.start_time),
            patient_id: search.patientId,
        };
        if (search.reason)
            body.reason = search.reason;
        if (search.suppressMail !== undefined)
            body.suppress_mail = search.suppressMail;
        const reservation = await settle(transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/appointments', body, repeatable: false, itemIndex }));
        if (!reservation.ok) {
            if (!isTaken(reservation.error))
                throw reservation.error;
            tried.push({ slot_id: slot.id, start_time: slot.start_time, outcome: 'taken before it could be reserved' });
            continue;
        }
        const appointmentId = String(reservation.value.id);
        const made = { id: appointmentId, outcome: 'reserved; whether it was booked is not known' };
        reservations.push(made);
        const booking = await settle(transport_1.heroApiRequest.call(this, {
            method: transport_1.INFERRED.bookAppointmentMethod,
            path: transport_1.INFERRED.bookAppointmentPath(appointmentId),
            repeatable: false,
            itemIndex,
        }));
        if (!booking.ok) {
            if (!isTaken(booking.error))
                throw booking.error;
            const release = await settle(transport_1.heroApiRequest.call(this, {
                method: 'PATCH',
                path: `/v1/appointments/${appointmentId}/cancel`,
                body: { suppress_mail: true },
                repeatable: false,
                itemIndex,
            }));
            made.outcome = release.ok ? 'reserved but could not be booked; released' : 'reserved but could not be booked; not released, it lapses at reserved_until';
            tried.push({ slot_id: slot.id, start_time: slot.start_time, appointment_id: appointmentId, outcome: 'reserved but could not be booked' });
            continue;
        }
        made.outcome = 'booked';
        const readBack = await settle(transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/appointments/${appointmentId}`, itemIndex }));
        return {
            booked: true,
            appointment_id: appointmentId,
            attempts: tried.length + 1,
            appointment: readBack.ok ? readBack.value : { id: appointmentId },
            slot,
            ...(tried.length ? { skipped: tried } : {}),
            ...(readBack.ok
                ? {}
                : {
                    warning: `Appointment ${appointmentId} is booked, but reading it back from Hero failed (${readBack.error.message}): only its id is in this output. Do not book again; read it with Appointment → Get.`,
                }),
        };
    }
    const reason = tried.length < queue.length
        ? `The ${tried.length} earliest matching slots were taken by someone else first; ${queue.length - tried.length} later slots were not tried (raise Options → Max Attempts or run again)`
        : `Every matching slot (${tried.length}) was taken by someone else first`;
    return { booked: false, reason, attempts: tried.length, slots_matched: queue.length, skipped: tried };
}

}, {"../../transport":6,"../../validation":14,"../booking.descriptions":54,"../common.descriptions":2,"../helpers":13,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    fields_1.appointmentIdField,
    {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add Option',
        default: {},
        options: [
            {
                displayName: 'Suppress Cancellation Policy',
                name: 'suppressCancellationPolicy',
                type: 'boolean',
                default: false,
                description: "Whether to cancel even inside the practice's cancellation window (cancellation_policy_hours before the start)",
            },
            fields_1.suppressMailOption,
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['cancel'] } }, properties);
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    const body = {};
    (0, fields_1.copyFlags)(this, itemIndex, (0, helpers_1.readCollection)(this, 'options', itemIndex), body, [
        ['suppressCancellationPolicy', 'Suppress Cancellation Policy', 'suppress_cancellation_policy'],
        fields_1.SUPPRESS_MAIL,
    ]);
    return transport_1.heroApiRequest.call(this, {
        method: 'PATCH',
        path: `/v1/appointments/${id}/cancel`,
        body: Object.keys(body).length ? body : undefined,
        repeatable: false,
        itemIndex,
    });
}

}, {"../../transport":6,"../helpers":13,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parallel = exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const helpers_1 = require("../helpers");
const fields_1 = require("./fields");
const properties = [
    booking_descriptions_1.appointmentTypeLocator,
    booking_descriptions_1.locationLocator,
    booking_descriptions_1.practitionerLocator,
    fields_1.startTimeField,
    fields_1.durationField,
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Billpayer ID',
                name: 'billpayerId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 2002',
                description: 'The Hero patient ID of whoever pays (private appointments)',
            },
            {
                displayName: 'Patient ID',
                name: 'patientId',
                type: 'string',
                default: '',
                placeholder: 'e.g. 2001',
                description: 'The Hero patient ID the appointment is for. If empty, give it at Appointment → Book.',
            },
            fields_1.reasonOption,
            fields_1.suppressAvailabilityCheckOption,
            fields_1.suppressMailOption,
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['create'] } }, properties);
exports.parallel = false;
async function execute(itemIndex) {
    const body = {
        appointment_type_id: (0, helpers_1.requireId)(this, 'appointmentTypeId', itemIndex, 'Appointment Type'),
        location_id: (0, helpers_1.requireId)(this, 'locationId', itemIndex, 'Location'),
        practitioner_id: (0, helpers_1.requireId)(this, 'practitionerId', itemIndex, 'Practitioner'),
        duration: (0, fields_1.readDuration)(this, itemIndex),
        start_time: (0, fields_1.readStartTime)(this, itemIndex),
    };
    const extra = (0, helpers_1.readCollection)(this, 'additionalFields', itemIndex);
    if (extra.patientId !== undefined && String(extra.patientId).trim() !== '')
        body.patient_id = (0, helpers_1.checkId)(this, itemIndex, 'Patient ID', extra.patientId);
    if (extra.billpayerId !== undefined && String(extra.billpayerId).trim() !== '')
        body.billpayer_id = (0, helpers_1.checkId)(this, itemIndex, 'Billpayer ID', extra.billpayerId);
    if (typeof extra.reason === 'string' && extra.reason.trim() !== '')
        body.reason = extra.reason.trim();
    (0, fields_1.copyFlags)(this, itemIndex, extra, body, [fields_1.SUPPRESS_AVAILABILITY_CHECK, fields_1.SUPPRESS_MAIL]);
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/appointments', body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"../helpers":13,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const fields_1 = require("./fields");
const properties = [fields_1.appointmentIdField];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/appointments/${id}`, itemIndex });
}

}, {"../../transport":6,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const fields_1 = require("./fields");
const properties = [fields_1.appointmentIdField];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['getStatus'] } }, properties);
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/appointments/${id}/status`, itemIndex });
}

}, {"../../transport":6,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parallel = exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const fields_1 = require("./fields");
const properties = [
    { ...fields_1.appointmentIdField, description: 'A booked (confirmed) appointment to move' },
    { ...booking_descriptions_1.practitionerLocator, description: 'The practitioner for the new time (the same one to keep them)' },
    {
        ...fields_1.startTimeField,
        displayName: 'New Start Time',
        description: 'When the appointment now starts, e.g. a free slot\'s start_time. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.',
    },
    fields_1.durationField,
    fields_1.moveAdditionalFields,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['reschedule'] } }, properties);
exports.parallel = false;
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    const body = (0, fields_1.readMoveBody)(this, itemIndex, 'New Start Time');
    return transport_1.heroApiRequest.call(this, { method: 'PATCH', path: `/v1/appointments/${id}/reschedule`, body, repeatable: false, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"./fields":84}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parallel = exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const fields_1 = require("./fields");
const properties = [
    { ...fields_1.appointmentIdField, description: 'A reserved appointment that is not booked yet (a booked one is moved with Reschedule)' },
    booking_descriptions_1.practitionerLocator,
    fields_1.startTimeField,
    fields_1.durationField,
    fields_1.moveAdditionalFields,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointment'], operation: ['update'] } }, properties);
exports.parallel = false;
async function execute(itemIndex) {
    const id = (0, fields_1.readAppointmentId)(this, itemIndex);
    const body = (0, fields_1.readMoveBody)(this, itemIndex);
    return transport_1.heroApiRequest.call(this, { method: 'PUT', path: `/v1/appointments/${id}`, body, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"./fields":84}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.appointmentType = void 0;
const getMany = __importStar(require("./getMany.operation"));
exports.appointmentType = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['appointmentType'] } },
        default: 'getMany',
        options: [
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many appointment types',
                description: 'List the appointment types the practice offers, with their next free slot and slot count',
            },
        ],
    },
    operations: { getMany },
};

}, {"./getMany.operation":93}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const booking_descriptions_1 = require("../booking.descriptions");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const filters = {
    hasAvailability: 'Whether to return only appointment types that have at least one bookable slot',
    locations: 'Only appointment types offered at any of these locations',
};
const properties = [...common_descriptions_1.returnAllOrLimit, (0, booking_descriptions_1.bookingListFilters)(filters)];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['appointmentType'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/appointment_types', qs: (0, booking_descriptions_1.bookingListQuery)(this, itemIndex, filters) });
}

}, {"../booking.descriptions":54,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.location = void 0;
const getMany = __importStar(require("./getMany.operation"));
exports.location = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['location'] } },
        default: 'getMany',
        options: [
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many locations',
                description: 'List the locations (surgeries, branch sites) configured for online booking',
            },
        ],
    },
    operations: { getMany },
};

}, {"./getMany.operation":95}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const booking_descriptions_1 = require("../booking.descriptions");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const filters = {
    appointmentTypes: 'Only locations offering any of these appointment types',
    hasAvailability: 'Whether to return only locations that have at least one bookable slot',
};
const properties = [...common_descriptions_1.returnAllOrLimit, (0, booking_descriptions_1.bookingListFilters)(filters)];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['location'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/locations', qs: (0, booking_descriptions_1.bookingListQuery)(this, itemIndex, filters) });
}

}, {"../booking.descriptions":54,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.practitioner = void 0;
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
exports.practitioner = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['practitioner'] } },
        default: 'getMany',
        options: [
            { name: 'Get', value: 'get', action: 'Get a practitioner', description: 'Get one practitioner (GP, nurse...) by ID' },
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many practitioners',
                description: 'List practitioners, optionally only those at given locations or offering given appointment types',
            },
        ],
    },
    operations: { get, getMany },
};

}, {"./get.operation":97,"./getMany.operation":98}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const helpers_1 = require("../helpers");
const properties = [booking_descriptions_1.practitionerLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practitioner'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'practitionerId', itemIndex, 'Practitioner');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/practitioners/${id}`, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const booking_descriptions_1 = require("../booking.descriptions");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const filters = {
    appointmentTypes: 'Only practitioners who offer any of these appointment types',
    hasAvailability: 'Whether to return only practitioners who have at least one bookable slot',
    locations: 'Only practitioners working at any of these locations',
};
const properties = [...common_descriptions_1.returnAllOrLimit, (0, booking_descriptions_1.bookingListFilters)(filters)];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['practitioner'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    return (0, helpers_1.getList)(this, itemIndex, { method: 'GET', path: '/v1/practitioners', qs: (0, booking_descriptions_1.bookingListQuery)(this, itemIndex, filters) });
}

}, {"../booking.descriptions":54,"../common.descriptions":2,"../helpers":13}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.slot = void 0;
const checkAvailability = __importStar(require("./checkAvailability.operation"));
const count = __importStar(require("./count.operation"));
const get = __importStar(require("./get.operation"));
const getMany = __importStar(require("./getMany.operation"));
exports.slot = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['slot'] } },
        default: 'getMany',
        options: [
            {
                name: 'Check Availability',
                value: 'checkAvailability',
                action: 'Check whether a slot is available',
                description: 'Ask Hero whether a practitioner is free at a given time for an appointment type and location',
            },
            { name: 'Count', value: 'count', action: 'Count bookable slots', description: 'Count the bookable slots matching the filters' },
            { name: 'Get', value: 'get', action: 'Get a slot', description: 'Get one slot by ID' },
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many slots',
                description: 'List bookable slots, filtered by appointment type, location, practitioners and date window',
            },
        ],
    },
    operations: { checkAvailability, count, get, getMany },
};

}, {"./checkAvailability.operation":100,"./count.operation":101,"./get.operation":103,"./getMany.operation":104}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const booking_descriptions_1 = require("../booking.descriptions");
const fields_1 = require("../appointment/fields");
const helpers_1 = require("../helpers");
const properties = [
    booking_descriptions_1.practitionerLocator,
    booking_descriptions_1.appointmentTypeLocator,
    booking_descriptions_1.locationLocator,
    {
        ...fields_1.startTimeField,
        description: 'When the appointment would start. Sent to Hero in UTC (ISO 8601); a time without offset is read in the workflow time zone. Hero shows times in Europe/London.',
    },
    fields_1.durationField,
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['slot'], operation: ['checkAvailability'] } }, properties);
async function execute(itemIndex) {
    const body = {
        practitioner_id: (0, helpers_1.requireId)(this, 'practitionerId', itemIndex, 'Practitioner'),
        appointment_type_id: (0, helpers_1.requireId)(this, 'appointmentTypeId', itemIndex, 'Appointment Type'),
        location_id: (0, helpers_1.requireId)(this, 'locationId', itemIndex, 'Location'),
        start_time: (0, fields_1.readStartTime)(this, itemIndex),
        duration: (0, fields_1.readDuration)(this, itemIndex),
    };
    return transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/slots/availability', body, repeatable: true, itemIndex });
}

}, {"../../transport":6,"../booking.descriptions":54,"../appointment/fields":84,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const filters_1 = require("./filters");
const properties = [(0, filters_1.slotFilters)('one')];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['slot'], operation: ['count'] } }, properties);
async function execute(itemIndex) {
    const qs = (0, filters_1.slotQuery)(this, itemIndex, (0, helpers_1.readCollection)(this, 'filters', itemIndex));
    const answer = await transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/slots/count', qs, expect: 'json', itemIndex });
    const count = typeof answer === 'number' ? answer : answer?.[transport_1.INFERRED.slotCountField];
    if (typeof count !== 'number') {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), 'Hero answered Count Bookable Slots without a number of slots', {
            itemIndex,
            description: `Expected a number or an object with "${transport_1.INFERRED.slotCountField}". Use Slot → Get Many with Return All instead.`,
        });
    }
    return { count };
}

}, {"../../transport":6,"../helpers":13,"./filters":102}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.endDateFilter = exports.startDateFilter = void 0;
exports.slotFilters = slotFilters;
exports.dateWindow = dateWindow;
exports.slotQuery = slotQuery;
const booking_descriptions_1 = require("../booking.descriptions");
const helpers_1 = require("../helpers");
exports.startDateFilter = {
    displayName: 'Start Date',
    name: 'startDate',
    type: 'dateTime',
    default: '',
    description: `Only slots on or after this date. ${booking_descriptions_1.DATE_WINDOW_HINT}.`,
};
exports.endDateFilter = {
    displayName: 'End Date',
    name: 'endDate',
    type: 'dateTime',
    default: '',
    description: `Only slots on or before this date. ${booking_descriptions_1.DATE_WINDOW_HINT}.`,
};
function slotFilters(practitioners) {
    return {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            (0, booking_descriptions_1.bookingLocator)('appointmentType', { description: 'Only slots for this appointment type' }),
            exports.endDateFilter,
            (0, booking_descriptions_1.bookingLocator)('location', { description: 'Only slots at this location' }),
            practitioners === 'one'
                ? (0, booking_descriptions_1.bookingLocator)('practitioner', { description: 'Only slots with this practitioner' })
                : (0, booking_descriptions_1.bookingLocatorList)('practitioner', { description: 'Only slots with any of these practitioners' }),
            exports.startDateFilter,
        ],
    };
}
function dateWindow(ctx, itemIndex, filters) {
    const qs = {};
    if (filters.startDate !== undefined && filters.startDate !== '')
        qs.start_date = (0, helpers_1.checkDate)(ctx, itemIndex, 'Start Date', filters.startDate);
    if (filters.endDate !== undefined && filters.endDate !== '')
        qs.end_date = (0, helpers_1.checkDate)(ctx, itemIndex, 'End Date', filters.endDate);
    if (qs.start_date && qs.end_date && String(qs.end_date) < String(qs.start_date)) {
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'End Date', 'must be on or after Start Date');
    }
    return qs;
}
function slotQuery(ctx, itemIndex, filters) {
    const qs = {};
    const typeId = (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, 'Appointment Type', filters.appointmentTypeId);
    if (typeId)
        qs.appointment_type_id = typeId;
    const locationId = (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, 'Location', filters.locationId);
    if (locationId)
        qs.location_id = locationId;
    if (filters.practitionerId !== undefined) {
        const practitionerId = (0, booking_descriptions_1.readLocatorId)(ctx, itemIndex, 'Practitioner', filters.practitionerId);
        if (practitionerId)
            qs.practitioner_id = practitionerId;
    }
    if (filters.practitioners !== undefined) {
        const ids = (0, booking_descriptions_1.readLocatorIds)(ctx, itemIndex, 'Practitioners', filters.practitioners);
        if (ids.length)
            qs.practitioner_id = ids.length === 1 ? ids[0] : ids;
    }
    return { ...qs, ...dateWindow(ctx, itemIndex, filters) };
}

}, {"../booking.descriptions":54,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const helpers_1 = require("../helpers");
const properties = [
    {
        displayName: 'Slot ID',
        name: 'slotId',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. 600123',
        description: 'The ID of a slot from Slot → Get Many',
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['slot'], operation: ['get'] } }, properties);
async function execute(itemIndex) {
    const id = (0, helpers_1.requireId)(this, 'slotId', itemIndex, 'Slot ID');
    return transport_1.heroApiRequest.call(this, { method: 'GET', path: `/v1/slots/${id}`, itemIndex });
}

}, {"../../transport":6,"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_descriptions_1 = require("../common.descriptions");
const helpers_1 = require("../helpers");
const filters_1 = require("./filters");
const properties = [...common_descriptions_1.returnAllOrLimit, (0, filters_1.slotFilters)('many')];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['slot'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const qs = (0, filters_1.slotQuery)(this, itemIndex, (0, helpers_1.readCollection)(this, 'filters', itemIndex));
    const request = { method: 'GET', path: '/v1/slots', qs };
    return transport_1.INFERRED.slotsArePaged ? (0, helpers_1.getMany)(this, itemIndex, request) : (0, helpers_1.getList)(this, itemIndex, request);
}

}, {"../../transport":6,"../common.descriptions":2,"../helpers":13,"./filters":102}],
[function (module, exports, require) {
"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.webhook = void 0;
const create = __importStar(require("./create.operation"));
const del = __importStar(require("./delete.operation"));
const getMany = __importStar(require("./getMany.operation"));
exports.webhook = {
    operationProperty: {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        displayOptions: { show: { resource: ['webhook'] } },
        default: 'create',
        options: [
            {
                name: 'Create',
                value: 'create',
                action: 'Create a webhook',
                description: 'Register a URL that Hero sends one event type to; a signing key is generated if none is given',
            },
            { name: 'Delete', value: 'delete', action: 'Delete a webhook', description: 'Remove a webhook registration so Hero stops sending to its URL' },
            {
                name: 'Get Many',
                value: 'getMany',
                action: 'Get many webhooks',
                description: "List the practice group's webhook registrations (signing keys hidden)",
            },
        ],
    },
    operations: { create, delete: del, getMany },
};

}, {"./create.operation":106,"./delete.operation":110,"./getMany.operation":111}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.checkWebhookUrl = checkWebhookUrl;
exports.buildWebhookBody = buildWebhookBody;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const events_1 = require("../../trigger/events");
const signature_1 = require("../../trigger/signature");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const properties = [
    {
        displayName: 'Event Type',
        name: 'eventType',
        type: 'options',
        required: true,
        default: 'appointment.confirmed',
        options: events_1.HERO_EVENTS,
        description: 'The event Hero sends to the URL. One event per webhook: create one webhook per event.',
    },
    {
        displayName: 'URL',
        name: 'url',
        type: 'string',
        required: true,
        default: '',
        placeholder: 'e.g. https://example.com/hero-events',
        description: 'Where Hero POSTs each event (http or https). To start an n8n workflow on Hero events, use the Hero Health Trigger instead: it registers and removes its own webhooks.',
    },
    {
        displayName: 'Signing Key',
        name: 'signingKey',
        type: 'string',
        typeOptions: { password: true },
        default: '',
        description: 'Secret Hero signs every delivery with (HMAC-SHA256, header X-Herohealth-Signature). Leave empty to have a random key generated: it is returned once, as signing_key in this output, so store it then. A key you type is not returned, and keys in Hero\'s answers are always shown as [hidden]. A key typed here is stored in the workflow: a credential or an expression reading a secret is the safer way.',
    },
    {
        displayName: 'Additional Fields',
        name: 'additionalFields',
        type: 'collection',
        placeholder: 'Add Field',
        default: {},
        options: [
            {
                displayName: 'Description',
                name: 'description',
                type: 'string',
                default: '',
                placeholder: 'e.g. Appointment confirmations for the CRM',
                description: 'Free text to recognise the webhook by',
            },
            {
                displayName: 'Headers',
                name: 'headers',
                type: 'fixedCollection',
                typeOptions: { multipleValues: true },
                default: {},
                placeholder: 'Add Header',
                description: 'Extra HTTP headers Hero sends with every delivery, e.g. a static secret the receiver checks',
                options: [
                    {
                        displayName: 'Header',
                        name: 'header',
                        values: [
                            { displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. X-Api-Key' },
                            {
                                displayName: 'Value',
                                name: 'value',
                                type: 'string',
                                typeOptions: { password: true },
                                default: '',
                                description: 'Typed here, a secret value is stored in the workflow: a credential or an expression reading a secret is the safer way',
                            },
                        ],
                    },
                ],
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['webhook'], operation: ['create'] } }, properties);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
function text(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
const URL_SHAPE = /^https?:\/\/[^\s/?#\\]+(?:[/?#]\S*)?$/i;
function checkWebhookUrl(ctx, itemIndex, value) {
    let parsed;
    try {
        parsed = new URL(value);
    }
    catch {
        parsed = undefined;
    }
    if (!URL_SHAPE.test(value) || !parsed || !['http:', 'https:'].includes(parsed.protocol) || !parsed.hostname) {
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'URL', 'expected an http or https URL such as https://example.com/hero-events');
    }
    return value;
}
function readHeaders(ctx, itemIndex, extra) {
    const given = extra.headers?.header;
    if (given === undefined)
        return undefined;
    const entries = Array.isArray(given) ? given : [given];
    const headers = {};
    const seen = new Set();
    for (const entry of entries) {
        const name = text(entry?.name)?.trim();
        if (name === undefined)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Name', 'expected text, got an object or list');
        if (!name)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Name', 'is required for every header');
        if (!HEADER_NAME.test(name))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Name', 'expected a header name of letters, digits and dashes such as X-Api-Key');
        if (seen.has(name.toLowerCase()))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Name', 'each header can be given only once');
        seen.add(name.toLowerCase());
        const value = text(entry?.value);
        if (value === undefined)
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Value', 'expected text, got an object or list');
        if (/[\r\n]/.test(value))
            throw (0, helpers_1.invalid)(ctx, itemIndex, 'Headers: Value', 'cannot contain line breaks');
        headers[name] = value;
    }
    return Object.keys(headers).length ? headers : undefined;
}
function buildWebhookBody(ctx, itemIndex) {
    const eventType = (0, helpers_1.checkOneOf)(ctx, itemIndex, 'Event Type', (0, helpers_1.requireString)(ctx, 'eventType', itemIndex, 'Event Type'), events_1.HERO_EVENT_NAMES);
    const url = checkWebhookUrl(ctx, itemIndex, (0, helpers_1.requireString)(ctx, 'url', itemIndex, 'URL'));
    const typedKey = text(ctx.getNodeParameter('signingKey', itemIndex, ''));
    if (typedKey === undefined)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Signing Key', 'expected text, got an object or list');
    const extra = (0, helpers_1.readCollection)(ctx, 'additionalFields', itemIndex);
    const headers = readHeaders(ctx, itemIndex, extra);
    const descriptionText = text(extra.description);
    if (descriptionText === undefined)
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Description', 'expected text, got an object or list');
    const generated = typedKey.trim() === '';
    const body = { event_type: eventType, url, signing_key: generated ? (0, signature_1.newSigningKey)() : typedKey.trim() };
    if (headers)
        body.headers = headers;
    if (descriptionText.trim())
        body.description = descriptionText.trim();
    return { body, generated };
}
async function execute(itemIndex) {
    const { body, generated } = buildWebhookBody(this, itemIndex);
    const created = await transport_1.heroApiRequest.call(this, { method: 'POST', path: '/v1/webhooks', body, itemIndex });
    const output = (0, common_1.hideSigningKey)(created && typeof created === 'object' && !Array.isArray(created) ? created : {});
    if (generated)
        output.signing_key = body.signing_key;
    output.signing_key_generated = generated;
    return output;
}

}, {"../../transport":6,"../../trigger/events":107,"../../trigger/signature":108,"../helpers":13,"./common":109}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HERO_EVENT_NAMES = exports.HERO_EVENTS = exports.UNCONFIRMED_EVENTS = void 0;
exports.UNCONFIRMED_EVENTS = ['form-submission.created'];
exports.HERO_EVENTS = [
    { name: 'Appointment Cancelled', value: 'appointment.cancelled', description: 'An appointment was cancelled' },
    { name: 'Appointment Confirmed', value: 'appointment.confirmed', description: 'An appointment was booked (confirmed)' },
    { name: 'Appointment Rescheduled', value: 'appointment.rescheduled', description: 'An appointment was moved to another time' },
    {
        name: 'Form Submission Created (Unconfirmed)',
        value: 'form-submission.created',
        description: "A patient submitted a form. Unconfirmed: Hero's create-webhook API does not list this event, so Hero may refuse it at activation.",
    },
    { name: 'Patient Added to Sequence', value: 'patient.added-to-sequence', description: 'A patient was enrolled in a messaging sequence' },
    { name: 'Patient Medical Record Updated', value: 'patient.medical-record-updated', description: "A patient's medical record changed" },
    { name: 'Prescription Issued', value: 'prescription.issued', description: 'A prescription was issued' },
    { name: 'Write to Record Failed', value: 'write-to-record.failed', description: 'Writing a message back to the patient record (EHR) failed' },
    { name: 'Write to Record Succeeded', value: 'write-to-record.succeeded', description: 'A message was written back to the patient record (EHR)' },
];
exports.HERO_EVENT_NAMES = exports.HERO_EVENTS.map((option) => String(option.value));

}, {}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SIGNATURE_HEADER = exports.TIMESTAMP_HEADER = void 0;
exports.newSigningKey = newSigningKey;
exports.parseTimestamp = parseTimestamp;
exports.verifyHeroSignature = verifyHeroSignature;
const crypto_1 = require("crypto");
const inferred_1 = require("../transport/inferred");
function newSigningKey() {
    return (0, crypto_1.randomBytes)(32).toString('hex');
}
exports.TIMESTAMP_HEADER = 'x-herohealth-timestamp';
exports.SIGNATURE_HEADER = 'x-herohealth-signature';
const DIGEST_BYTES = 32;
const DECODERS = {
    hex: (text) => (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined),
    base64: (text) => (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.replace(/=+$/, '').length % 4 !== 1 ? Buffer.from(text, 'base64') : undefined),
};
function single(value) {
    if (Array.isArray(value))
        return value.length === 1 ? value[0] : undefined;
    return value;
}
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/i;
function parseTimestamp(text) {
    if (/^\d{1,16}$/.test(text)) {
        const value = Number(text);
        return value >= 1e11 ? value : value * 1000;
    }
    const iso = ISO_8601.exec(text);
    if (!iso)
        return undefined;
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
        return undefined;
    const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    return Number.isNaN(ms) ? undefined : ms;
}
function verifyHeroSignature(delivery) {
    const { signingKey } = delivery;
    if (!signingKey)
        return { valid: false, reason: 'no-signing-key' };
    const timestamp = single(delivery.timestamp)?.trim();
    if (!timestamp)
        return { valid: false, reason: 'missing-timestamp' };
    const signatureHeader = single(delivery.signature)?.trim();
    if (!signatureHeader)
        return { valid: false, reason: 'missing-signature' };
    const timestampMs = parseTimestamp(timestamp);
    if (timestampMs === undefined)
        return { valid: false, reason: 'malformed-timestamp' };
    const now = delivery.nowMs ?? Date.now();
    if (Math.abs(now - timestampMs) > inferred_1.INFERRED.signatureToleranceSeconds * 1000)
        return { valid: false, reason: 'stale-timestamp' };
    const provided = signatureHeader.replace(/^sha256=/i, '');
    const body = typeof delivery.rawBody === 'string' ? Buffer.from(delivery.rawBody, 'utf8') : delivery.rawBody;
    const expected = (0, crypto_1.createHmac)('sha256', signingKey).update(`${timestamp}.`, 'utf8').update(body).digest();
    let decodedAny = false;
    let matched = false;
    for (const encoding of inferred_1.INFERRED.signatureEncodings) {
        const candidate = DECODERS[encoding](provided);
        if (!candidate || candidate.length !== DIGEST_BYTES)
            continue;
        decodedAny = true;
        if ((0, crypto_1.timingSafeEqual)(candidate, expected))
            matched = true;
    }
    if (matched)
        return { valid: true, timestampMs, digest: expected.toString('hex') };
    return { valid: false, reason: decodedAny ? 'mismatch' : 'malformed-signature' };
}

}, {"../transport/inferred":10}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.webhookLocator = exports.HIDDEN_SIGNING_KEY = void 0;
exports.hideSigningKey = hideSigningKey;
exports.requireWebhookId = requireWebhookId;
const helpers_1 = require("../helpers");
exports.HIDDEN_SIGNING_KEY = '[hidden]';
function hideSigningKey(record) {
    const key = record.signing_key;
    if (key === undefined || key === null || key === '')
        return { ...record };
    return { ...record, signing_key: exports.HIDDEN_SIGNING_KEY };
}
const WEBHOOK_ID = /^[A-Za-z0-9_-]+$/;
exports.webhookLocator = {
    displayName: 'Webhook',
    name: 'webhookId',
    type: 'resourceLocator',
    default: { mode: 'list', value: '' },
    required: true,
    description: 'The webhook registration to use',
    modes: [
        {
            displayName: 'From List',
            name: 'list',
            type: 'list',
            typeOptions: { searchListMethod: 'searchWebhooks', searchable: true },
        },
        {
            displayName: 'By ID',
            name: 'id',
            type: 'string',
            placeholder: 'e.g. 1234',
            validation: [{ type: 'regex', properties: { regex: WEBHOOK_ID.source, errorMessage: 'A webhook ID has letters, digits, - or _ only, e.g. 1234' } }],
        },
    ],
};
function requireWebhookId(ctx, itemIndex) {
    const id = (0, helpers_1.requireString)(ctx, 'webhookId', itemIndex, 'Webhook');
    if (!WEBHOOK_ID.test(id))
        throw (0, helpers_1.invalid)(ctx, itemIndex, 'Webhook', 'expected a Hero webhook ID such as 1234');
    return id;
}

}, {"../helpers":13}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../../transport");
const common_1 = require("./common");
const properties = [common_1.webhookLocator];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['webhook'], operation: ['delete'] } }, properties);
async function execute(itemIndex) {
    const id = (0, common_1.requireWebhookId)(this, itemIndex);
    const answer = await transport_1.heroApiRequest.call(this, { method: 'DELETE', path: transport_1.INFERRED.webhookPath(encodeURIComponent(id)), itemIndex });
    const record = answer && typeof answer === 'object' && !Array.isArray(answer) ? (0, common_1.hideSigningKey)(answer) : {};
    return { id, ...record, deleted: true };
}

}, {"../../transport":6,"./common":109}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.description = void 0;
exports.execute = execute;
const n8n_workflow_1 = require("n8n-workflow");
const events_1 = require("../../trigger/events");
const common_descriptions_1 = require("../common.descriptions");
const registration_1 = require("../../trigger/registration");
const helpers_1 = require("../helpers");
const common_1 = require("./common");
const properties = [
    ...common_descriptions_1.returnAllOrLimit,
    {
        displayName: 'Filters',
        name: 'filters',
        type: 'collection',
        placeholder: 'Add Filter',
        default: {},
        options: [
            {
                displayName: 'Event Type',
                name: 'eventType',
                type: 'options',
                default: 'appointment.confirmed',
                options: events_1.HERO_EVENTS,
                description: 'Only webhooks registered for this event',
            },
        ],
    },
];
exports.description = (0, n8n_workflow_1.updateDisplayOptions)({ show: { resource: ['webhook'], operation: ['getMany'] } }, properties);
async function execute(itemIndex) {
    const filters = (0, helpers_1.readCollection)(this, 'filters', itemIndex);
    const qs = {};
    if (filters.eventType !== undefined && filters.eventType !== '') {
        qs.event_type = (0, helpers_1.checkOneOf)(this, itemIndex, 'Event Type', filters.eventType, events_1.HERO_EVENT_NAMES);
    }
    const limit = (0, helpers_1.readLimit)(this, itemIndex);
    const records = await (0, registration_1.listWebhooks)(this, qs, limit, itemIndex);
    return records.map(common_1.hideSigningKey);
}

}, {"../../trigger/events":107,"../common.descriptions":2,"../../trigger/registration":112,"../helpers":13,"./common":109}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.staticDataOf = staticDataOf;
exports.selectedEvents = selectedEvents;
exports.listWebhooks = listWebhooks;
exports.listRegistrations = listRegistrations;
exports.deleteRegistration = deleteRegistration;
exports.registrationsExist = registrationsExist;
exports.registerWebhooks = registerWebhooks;
exports.unregisterWebhooks = unregisterWebhooks;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../transport");
const events_1 = require("./events");
const signature_1 = require("./signature");
const LOG_PREFIX = 'Hero Health Trigger';
function staticDataOf(ctx) {
    return ctx.getWorkflowStaticData('node');
}
function webhookUrlOf(ctx) {
    const url = ctx.getNodeWebhookUrl('default');
    if (!url)
        throw new n8n_workflow_1.NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for the Hero Health Trigger');
    return url;
}
function selectedEvents(ctx) {
    const value = ctx.getNodeParameter('events', []);
    const events = [...new Set((Array.isArray(value) ? value : [value]).map((event) => String(event ?? '').trim()).filter(Boolean))];
    if (events.length === 0) {
        throw new n8n_workflow_1.NodeOperationError(ctx.getNode(), 'Events: choose at least one event', {
            description: 'Hero registers one webhook per event; select the events that should start this workflow.',
        });
    }
    const unknown = events.filter((event) => !events_1.HERO_EVENT_NAMES.includes(event));
    if (unknown.length) {
        throw new n8n_workflow_1.NodeOperationError(ctx.getNode(), `Events: ${unknown.join(', ')} is not a Hero webhook event`, {
            description: `Choose from: ${events_1.HERO_EVENT_NAMES.join(', ')}.`,
        });
    }
    return events;
}
async function listWebhooks(ctx, qs, limit, itemIndex) {
    const request = { method: 'GET', path: '/v1/webhooks', qs, itemIndex, expect: 'list' };
    const first = await transport_1.heroApiRequest.call(ctx, request);
    const records = (0, transport_1.recordsOf)(first);
    const count = first?.count;
    const enough = limit !== undefined && records.length >= limit;
    if (!enough && transport_1.INFERRED.webhookListPagedWhenCountExceeds && typeof count === 'number' && count > records.length) {
        return transport_1.heroApiRequestAllItems.call(ctx, request, limit);
    }
    return limit === undefined ? records : records.slice(0, limit);
}
async function listRegistrations(ctx) {
    const records = await listWebhooks(ctx);
    return records.map((record) => ({
        id: String(record.id),
        event_type: String(record.event_type),
        url: String(record.url),
        ...(typeof record.signing_key === 'string' ? { signing_key: record.signing_key } : {}),
    }));
}
async function deleteRegistration(ctx, id) {
    let failure;
    try {
        await transport_1.heroApiRequest.call(ctx, { method: 'DELETE', path: transport_1.INFERRED.webhookPath(encodeURIComponent(id)) });
        return;
    }
    catch (error) {
        failure = error;
    }
    if (failure.httpCode === '404')
        return;
    throw failure;
}
async function deleteAll(ctx, ids, why) {
    const failed = [];
    for (const id of ids) {
        try {
            await deleteRegistration(ctx, id);
        }
        catch (error) {
            failed.push(id);
            ctx.logger.warn(`${LOG_PREFIX}: could not delete Hero webhook registration ${id} (${why}): ${error.message}`, {
                workflowId: ctx.getWorkflow().id,
                node: ctx.getNode().name,
            });
        }
    }
    return failed;
}
async function registrationsExist() {
    const events = selectedEvents(this);
    const url = webhookUrlOf(this);
    const data = staticDataOf(this);
    const stored = data.registrations ?? {};
    if (!data.signingKey || Object.keys(stored).length === 0 || data.staleRegistrations?.length)
        return false;
    const ours = (await listRegistrations(this)).filter((registration) => registration.url === url);
    if (ours.length !== events.length || Object.keys(stored).length !== events.length)
        return false;
    return events.every((event) => ours.some((registration) => registration.event_type === event &&
        registration.id === stored[event] &&
        (registration.signing_key === undefined || registration.signing_key === data.signingKey)));
}
async function registerWebhooks() {
    const events = selectedEvents(this);
    const url = webhookUrlOf(this);
    const data = staticDataOf(this);
    const stale = new Set([...Object.values(data.registrations ?? {}), ...(data.staleRegistrations ?? [])]);
    for (const registration of await listRegistrations(this))
        if (registration.url === url)
            stale.add(registration.id);
    const notDeleted = await deleteAll(this, [...stale], 'replacing stale registrations');
    delete data.registrations;
    delete data.signingKey;
    if (notDeleted.length)
        data.staleRegistrations = notDeleted;
    else
        delete data.staleRegistrations;
    const signingKey = (0, signature_1.newSigningKey)();
    const workflow = this.getWorkflow();
    const registrations = {};
    let failure;
    let event = '';
    try {
        for (event of events) {
            const created = await transport_1.heroApiRequest.call(this, {
                method: 'POST',
                path: '/v1/webhooks',
                body: {
                    event_type: event,
                    url,
                    signing_key: signingKey,
                    description: `n8n workflow ${workflow.id ?? ''}: ${this.getNode().name}`.trim(),
                },
            });
            if (created?.id === undefined || created?.id === null) {
                throw new n8n_workflow_1.NodeOperationError(this.getNode(), `Hero registered the ${event} webhook but returned no id`);
            }
            registrations[event] = String(created.id);
        }
    }
    catch (error) {
        failure = refusedEventError(this, event, error);
    }
    if (failure !== undefined) {
        const leftOver = await deleteAll(this, Object.values(registrations), 'rolling back a failed activation');
        if (leftOver.length)
            data.staleRegistrations = [...notDeleted, ...leftOver];
        throw failure;
    }
    data.registrations = registrations;
    data.signingKey = signingKey;
    return true;
}
function refusedEventError(ctx, event, error) {
    const { httpCode, message } = error;
    if (httpCode !== '400' && httpCode !== '422')
        return error;
    const why = events_1.UNCONFIRMED_EVENTS.includes(event)
        ? `${event} is unconfirmed: Hero's event documentation (AsyncAPI) names it, but Hero's create-webhook API does not list it, so Hero may not offer it yet. Remove it from Events, or ask Hero to enable it. `
        : '';
    return new n8n_workflow_1.NodeOperationError(ctx.getNode(), `Hero refused the webhook for ${event} (${httpCode})`, {
        description: `${why}Hero said: ${typeof message === 'string' ? message : 'nothing more'}`,
    });
}
async function unregisterWebhooks() {
    const data = staticDataOf(this);
    const ids = [...new Set([...Object.values(data.registrations ?? {}), ...(data.staleRegistrations ?? [])])];
    const failed = await deleteAll(this, ids, 'deactivating the workflow');
    delete data.registrations;
    delete data.signingKey;
    if (failed.length)
        data.staleRegistrations = failed;
    else
        delete data.staleRegistrations;
    return failed.length === 0;
}

}, {"../transport":6,"./events":107,"./signature":108}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.router = router;
const n8n_workflow_1 = require("n8n-workflow");
const transport_1 = require("../transport");
const common_descriptions_1 = require("./common.descriptions");
const resources_1 = require("./resources");
const WOULD_SEND = new Error('stopped before the first request (check pass)');
function errorJson(error) {
    const json = { error: error.message };
    const description = error.description;
    if (description)
        json.description = description;
    const httpCode = error.httpCode;
    if (httpCode)
        json.httpCode = httpCode;
    return json;
}
function itemError(ctx, error, itemIndex) {
    if (error instanceof n8n_workflow_1.NodeApiError) {
        error.context.itemIndex ??= itemIndex;
        return new n8n_workflow_1.NodeApiError(ctx.getNode(), error);
    }
    const wrapped = new n8n_workflow_1.NodeOperationError(ctx.getNode(), error, { itemIndex });
    wrapped.context.itemIndex ??= itemIndex;
    return wrapped;
}
function requestsInFlight(ctx, value) {
    if (value === undefined || value === null || value === '')
        return common_descriptions_1.DEFAULT_REQUESTS_IN_FLIGHT;
    const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > common_descriptions_1.MAX_REQUESTS_IN_FLIGHT) {
        throw new n8n_workflow_1.NodeOperationError(ctx.getNode(), `Requests in Flight: expected a whole number from 1 to ${common_descriptions_1.MAX_REQUESTS_IN_FLIGHT}`, {
            description: 'Set Request Options → Requests in Flight (typed or from an expression) to a whole number in that range. Nothing was sent to Hero.',
        });
    }
    return count;
}
function copyPlain(value) {
    if (Array.isArray(value))
        return value.map(copyPlain);
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
        return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, copyPlain(entry)]));
    }
    return value;
}
function holdsExpression(value) {
    if (typeof value === 'string')
        return value.startsWith('=');
    if (Array.isArray(value))
        return value.some(holdsExpression);
    if (value !== null && typeof value === 'object')
        return Object.values(value).some(holdsExpression);
    return false;
}
function rememberingParameters(ctx) {
    const memo = new Map();
    const stored = ctx.getNode().parameters;
    const perItem = new Map();
    const readsPerItem = (name) => {
        let answer = perItem.get(name);
        if (answer === undefined) {
            let value = stored;
            for (const part of name.split('.'))
                value = value?.[part];
            answer = holdsExpression(value);
            perItem.set(name, answer);
        }
        return answer;
    };
    const getNodeParameter = (...args) => {
        const [name, , ...rest] = args;
        const key = JSON.stringify(readsPerItem(name) ? args : [name, rest]);
        if (!memo.has(key))
            memo.set(key, ctx.getNodeParameter(...args));
        return copyPlain(memo.get(key));
    };
    const bound = new Map();
    return new Proxy(ctx, {
        get(target, property) {
            if (property === 'getNodeParameter')
                return getNodeParameter;
            if (bound.has(property))
                return bound.get(property);
            const value = Reflect.get(target, property, target);
            if (typeof value !== 'function')
                return value;
            const method = value.bind(target);
            bound.set(property, method);
            return method;
        },
    });
}
function referenceOf(output) {
    const json = output?.[0]?.json;
    for (const key of ['message_id', 'appointment_id', 'id']) {
        const value = json?.[key];
        if (typeof value === 'string' || typeof value === 'number')
            return `${key} ${value}`;
    }
    return undefined;
}
const LISTED = 50;
function noteDone(error, done, unknown, outputs) {
    if (done.length === 0 && unknown.length === 0)
        return error;
    const lines = [];
    if (done.length) {
        const listed = done.slice(0, LISTED).map((index) => {
            const reference = referenceOf(outputs[index]);
            return reference ? `item ${index} (${reference})` : `item ${index}`;
        });
        if (done.length > LISTED)
            listed.push(`and ${done.length - LISTED} more`);
        lines.push(`Already sent to Hero before the run stopped (${done.length}): ${listed.join(', ')}.`);
    }
    if (unknown.length) {
        lines.push(`Also failed after a request that changes data was sent (check them in Hero: it may have been carried out): ${unknown.map((i) => `item ${i}`).join(', ')}.`);
    }
    lines.push(done.length
        ? 'Running this execution again (or Retry On Fail) will send them again: take those items out, or check Hero, first.'
        : 'Check these items in Hero before running this execution again (or using Retry On Fail).');
    error.description = [error.description, ...lines].filter(Boolean).join('\n');
    error.message = done.length
        ? `${error.message} (${done.length} other item${done.length === 1 ? ' was' : 's were'} already sent: running the execution again will send them again; see the details)`
        : `${error.message} (other items may have been sent: see the details before running again)`;
    return error;
}
async function router() {
    const items = this.getInputData();
    const resource = this.getNodeParameter('resource', 0);
    const operationName = this.getNodeParameter('operation', 0);
    const operation = resources_1.resources[resource]?.operations[operationName];
    if (!operation) {
        throw new n8n_workflow_1.NodeOperationError(this.getNode(), `The operation "${operationName}" is not known for "${resource}"`);
    }
    const options = this.getNodeParameter('requestOptions', 0, {});
    const requested = requestsInFlight(this, options.requestsInFlight);
    const inFlight = operation.parallel === false ? 1 : requested;
    const ctx = rememberingParameters(this);
    (0, transport_1.setRequestTimeout)(ctx, options.timeout);
    const outputs = new Array(items.length);
    const continueOnFail = this.continueOnFail();
    const toOutput = (result, itemIndex) => this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } });
    let checking = true;
    let reachedRequest = false;
    const wrote = new Set();
    (0, transport_1.setRequestGate)(ctx, (request, repeatable) => {
        if (checking) {
            reachedRequest = true;
            throw WOULD_SEND;
        }
        if (!repeatable && request.itemIndex !== undefined)
            wrote.add(request.itemIndex);
    });
    const pending = [];
    for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
        reachedRequest = false;
        try {
            const result = await operation.execute.call(ctx, itemIndex);
            if (reachedRequest)
                pending.push(itemIndex);
            else
                outputs[itemIndex] = toOutput(result, itemIndex);
        }
        catch (error) {
            if (reachedRequest) {
                pending.push(itemIndex);
                continue;
            }
            if (continueOnFail) {
                outputs[itemIndex] = [{ json: errorJson(error), pairedItem: { item: itemIndex } }];
                continue;
            }
            throw itemError(this, error, itemIndex);
        }
    }
    checking = false;
    let next = 0;
    let stopError;
    const failedAfterWrite = [];
    const worker = async () => {
        while (next < pending.length && !stopError) {
            const itemIndex = pending[next++];
            try {
                outputs[itemIndex] = toOutput(await operation.execute.call(ctx, itemIndex), itemIndex);
            }
            catch (error) {
                if (continueOnFail) {
                    outputs[itemIndex] = [{ json: errorJson(error), pairedItem: { item: itemIndex } }];
                }
                else if (stopError) {
                    if (wrote.has(itemIndex))
                        failedAfterWrite.push(itemIndex);
                }
                else {
                    stopError = itemError(this, error, itemIndex);
                }
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, pending.length) }, worker));
    if (stopError) {
        const done = pending.filter((index) => outputs[index] !== undefined && wrote.has(index));
        throw noteDone(stopError, done, failedAfterWrite, outputs);
    }
    return [outputs.flat()];
}

}, {"../transport":6,"./common.descriptions":2,"./resources":3}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadOptions = exports.listSearch = void 0;
const bookingLinks_1 = require("./listSearch/bookingLinks");
const admins_1 = require("./listSearch/admins");
const automatedMessages_1 = require("./listSearch/automatedMessages");
const batchMessages_1 = require("./listSearch/batchMessages");
const messageTemplates_1 = require("./listSearch/messageTemplates");
const forms_1 = require("./listSearch/forms");
const appointmentTypes_1 = require("./listSearch/appointmentTypes");
const locations_1 = require("./listSearch/locations");
const practitioners_1 = require("./listSearch/practitioners");
const webhooks_1 = require("./listSearch/webhooks");
exports.listSearch = {
    searchAppointmentTypes: appointmentTypes_1.searchAppointmentTypes,
    searchLocations: locations_1.searchLocations,
    searchPractitioners: practitioners_1.searchPractitioners,
    searchAdmins: admins_1.searchAdmins,
    searchAutomatedMessages: automatedMessages_1.searchAutomatedMessages,
    searchBatchMessages: batchMessages_1.searchBatchMessages,
    searchBookingLinks: bookingLinks_1.searchBookingLinks,
    searchForms: forms_1.searchForms,
    searchMessageTemplates: messageTemplates_1.searchMessageTemplates,
    searchWebhooks: webhooks_1.searchWebhooks,
};
exports.loadOptions = {};

}, {"./listSearch/bookingLinks":115,"./listSearch/admins":117,"./listSearch/automatedMessages":118,"./listSearch/batchMessages":119,"./listSearch/messageTemplates":120,"./listSearch/forms":121,"./listSearch/appointmentTypes":122,"./listSearch/locations":123,"./listSearch/practitioners":124,"./listSearch/webhooks":125}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchBookingLinks = searchBookingLinks;
const transport_1 = require("../../transport");
const pagedSearch_1 = require("./pagedSearch");
function label(link) {
    const name = typeof link.link_name === 'string' && link.link_name ? link.link_name : `Booking link ${String(link.id)}`;
    const state = link.active === false ? ', inactive' : '';
    const patient = link.patient_id ? `patient ${String(link.patient_id)}` : 'generic';
    return `${name} (${patient}${state})`;
}
async function searchBookingLinks(filter, paginationToken) {
    return pagedSearch_1.searchHeroList.call(this, { path: '/v2/bookinglinks', paged: transport_1.INFERRED.bookingLinksPaged, label }, filter, paginationToken);
}

}, {"../../transport":6,"./pagedSearch":116}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toSearchItems = toSearchItems;
exports.searchHeroList = searchHeroList;
const transport_1 = require("../../transport");
function toSearchItems(records, label, filter) {
    const needle = (filter ?? '').trim().toLowerCase();
    return records
        .filter((record) => record.id !== undefined && record.id !== null && record.id !== '')
        .map((record) => ({ name: label(record), value: String(record.id) }))
        .filter((item) => !needle || item.name.toLowerCase().includes(needle) || item.value === needle);
}
async function searchHeroList(source, filter, paginationToken) {
    const pageIndex = paginationToken ? Number(paginationToken) : transport_1.INFERRED.firstPageIndex;
    const qs = source.paged ? { ...source.qs, page_index: pageIndex, page_size: transport_1.INFERRED.pageSize } : source.qs;
    const records = (0, transport_1.recordsOf)(await transport_1.heroApiRequest.call(this, { method: 'GET', path: source.path, qs, expect: 'list' }));
    const more = source.paged && records.length >= transport_1.INFERRED.pageSize;
    return { results: toSearchItems(records, source.label, filter), paginationToken: more ? String(pageIndex + 1) : undefined };
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchAdmins = searchAdmins;
const pagedSearch_1 = require("./pagedSearch");
async function searchAdmins(filter, paginationToken) {
    return pagedSearch_1.searchHeroList.call(this, {
        path: '/v1/admins',
        paged: true,
        qs: { order_by: 'first_name' },
        label: (admin) => `${String(admin.first_name ?? '')} ${String(admin.last_name ?? '')}`.trim() + (admin.email ? ` (${String(admin.email)})` : ''),
    }, filter, paginationToken);
}

}, {"./pagedSearch":116}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.automatedMessageLabel = automatedMessageLabel;
exports.searchAutomatedMessages = searchAutomatedMessages;
const transport_1 = require("../../transport");
const pagedSearch_1 = require("./pagedSearch");
function automatedMessageLabel(record) {
    const parts = transport_1.INFERRED.automatedMessageLabelFields.map((field) => record[field]).filter((value) => typeof value === 'string' && value !== '');
    return [`#${String(record.id)}`, ...parts].join(' · ');
}
async function searchAutomatedMessages(filter, paginationToken) {
    return pagedSearch_1.searchHeroList.call(this, { path: '/v2/automated_messages', paged: true, qs: { orderBy: 'createdAt', order_descending: true }, label: automatedMessageLabel }, filter, paginationToken);
}

}, {"../../transport":6,"./pagedSearch":116}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchBatchMessages = searchBatchMessages;
const pagedSearch_1 = require("./pagedSearch");
async function searchBatchMessages(filter, paginationToken) {
    return pagedSearch_1.searchHeroList.call(this, {
        path: '/v1/batch_message',
        paged: true,
        label: (batch) => `${String(batch.name ?? `Batch ${String(batch.id)}`)} (${[batch.channel, batch.status].filter(Boolean).join(', ')})`,
    }, filter, paginationToken);
}

}, {"./pagedSearch":116}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchMessageTemplates = searchMessageTemplates;
const template_1 = require("../../actions/messageTemplate/template");
const pagedSearch_1 = require("./pagedSearch");
async function searchMessageTemplates(filter) {
    return pagedSearch_1.searchHeroList.call(this, { path: '/v1/templates', paged: false, label: template_1.templateName }, filter);
}

}, {"../../actions/messageTemplate/template":19,"./pagedSearch":116}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchForms = searchForms;
const transport_1 = require("../../transport");
async function searchForms(filter) {
    const search = (filter ?? '').trim();
    const page = await transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/forms', qs: search ? { search } : undefined, expect: 'list' });
    const results = (0, transport_1.recordsOf)(page)
        .filter((form) => form.id !== undefined && form.id !== null && form.id !== '')
        .map((form) => ({
        name: `${String(form.title ?? `Form ${String(form.id)}`)}${form.form_type ? ` (${String(form.form_type).replace(/_/g, ' ')})` : ''}`,
        value: String(form.id),
    }))
        .sort((a, b) => a.name.localeCompare(b.name));
    return { results };
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.chosenId = chosenId;
exports.toResults = toResults;
exports.searchAppointmentTypes = searchAppointmentTypes;
const transport_1 = require("../../transport");
function chosenId(ctx, paths) {
    for (const path of paths) {
        let value;
        try {
            value = ctx.getCurrentNodeParameter(path);
        }
        catch {
            continue;
        }
        if (value && typeof value === 'object' && 'value' in value)
            value = value.value;
        if (typeof value === 'number')
            value = String(value);
        if (typeof value === 'string' && /^\d+$/.test(value.trim()))
            return value.trim();
    }
    return undefined;
}
function toResults(entries, filter) {
    const text = (filter ?? '').trim().toLowerCase();
    const results = entries
        .filter((entry) => !text || entry.name.toLowerCase().includes(text) || String(entry.value) === text)
        .sort((a, b) => a.name.localeCompare(b.name));
    return { results };
}
async function searchAppointmentTypes(filter) {
    const locationId = chosenId(this, ['locationId', 'filters.locationId']);
    const page = await transport_1.heroApiRequest.call(this, {
        method: 'GET',
        path: '/v1/appointment_types',
        qs: locationId ? { location_ids: [locationId] } : undefined,
        expect: 'list',
    });
    const entries = (0, transport_1.recordsOf)(page).map((type) => {
        const minutes = typeof type.duration === 'number' ? ` (${type.duration} min)` : '';
        return { name: `${String(type.name ?? `Appointment type ${type.id}`)}${minutes}`, value: String(type.id) };
    });
    return toResults(entries, filter);
}

}, {"../../transport":6}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchLocations = searchLocations;
const transport_1 = require("../../transport");
const appointmentTypes_1 = require("./appointmentTypes");
async function searchLocations(filter) {
    const appointmentTypeId = (0, appointmentTypes_1.chosenId)(this, ['appointmentTypeId', 'filters.appointmentTypeId']);
    const page = await transport_1.heroApiRequest.call(this, {
        method: 'GET',
        path: '/v1/locations',
        qs: appointmentTypeId ? { appointment_type_ids: [appointmentTypeId] } : undefined,
        expect: 'list',
    });
    const entries = (0, transport_1.recordsOf)(page).map((location) => ({ name: String(location.name ?? `Location ${location.id}`), value: String(location.id) }));
    return (0, appointmentTypes_1.toResults)(entries, filter);
}

}, {"../../transport":6,"./appointmentTypes":122}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.practitionerName = practitionerName;
exports.searchPractitioners = searchPractitioners;
const transport_1 = require("../../transport");
const appointmentTypes_1 = require("./appointmentTypes");
function practitionerName(practitioner) {
    const named = practitioner.name ?? practitioner.display_name ?? practitioner.full_name;
    const parts = [practitioner.title, practitioner.first_name, practitioner.last_name].filter((part) => typeof part === 'string' && part !== '');
    const name = typeof named === 'string' && named ? named : parts.length ? parts.join(' ') : `Practitioner ${practitioner.id}`;
    return typeof practitioner.practitioner_type === 'string' ? `${name} (${practitioner.practitioner_type})` : name;
}
async function searchPractitioners(filter) {
    const locationId = (0, appointmentTypes_1.chosenId)(this, ['locationId', 'filters.locationId']);
    const appointmentTypeId = (0, appointmentTypes_1.chosenId)(this, ['appointmentTypeId', 'filters.appointmentTypeId']);
    const qs = {};
    if (locationId)
        qs.location_ids = [locationId];
    if (appointmentTypeId)
        qs.appointment_type_ids = [appointmentTypeId];
    const page = await transport_1.heroApiRequest.call(this, { method: 'GET', path: '/v1/practitioners', qs, expect: 'list' });
    const entries = (0, transport_1.recordsOf)(page).map((practitioner) => ({ name: practitionerName(practitioner), value: String(practitioner.id) }));
    return (0, appointmentTypes_1.toResults)(entries, filter);
}

}, {"../../transport":6,"./appointmentTypes":122}],
[function (module, exports, require) {
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.searchWebhooks = searchWebhooks;
const pagedSearch_1 = require("./pagedSearch");
function label(webhook) {
    return `${String(webhook.event_type ?? 'unknown event')} → ${String(webhook.url ?? '')}`.trim();
}
async function searchWebhooks(filter, paginationToken) {
    return pagedSearch_1.searchHeroList.call(this, { path: '/v1/webhooks', paged: false, label }, filter, paginationToken);
}

}, {"./pagedSearch":116}]];
const cache = [];
function load(id) {
  if (cache[id]) return cache[id].exports;
  const module = (cache[id] = { exports: {} });
  const [fn, deps] = modules[id];
  fn.call(module.exports, module, module.exports, (spec) => (spec in deps ? load(deps[spec]) : require(spec)));
  return module.exports;
}
module.exports = load(0);
