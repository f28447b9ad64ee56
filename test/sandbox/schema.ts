/**
 * A small validator that answers in Hero's documented 400 shape:
 * `{ error: true, statusCode: 400, message: [{ code, expected, path }] }`.
 * Specs are strict by default: a field the docs do not list is rejected, so the node can never
 * send something Hero has not documented without a test noticing.
 */
export interface Issue {
	code: string;
	expected: string;
	path: (string | number)[];
}

export type Spec = (value: unknown, path: (string | number)[]) => Issue[];

interface Common {
	/** Allow JSON null. */
	nullable?: boolean;
}

const issue = (code: string, expected: string, path: (string | number)[]): Issue[] => [
	{ code, expected, path },
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date (2026-02-30 is not). */
function realDate(v: string): boolean {
	const [y, m, d] = v.slice(0, 10).split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const FORMATS = {
	date: (v: string) => DATE.test(v) && realDate(v),
	'date-time': (v: string) => DATE_TIME.test(v) && realDate(v) && !Number.isNaN(Date.parse(v)),
	/** Hero's "ISO 8601 date format" fields take a date or a date-time. */
	'date-or-date-time': (v: string) =>
		(DATE.test(v) || DATE_TIME.test(v)) && realDate(v) && !Number.isNaN(Date.parse(v)),
	email: (v: string) => EMAIL.test(v),
	/** An absolute http(s) URL with a host (`http:///x`, `https://?q` and anything with spaces are not). */
	uri: (v: string) => {
		if (!/^https?:\/\/[^\s/?#\\]+(?:[/?#]\S*)?$/i.test(v)) return false;
		try {
			const url = new URL(v);
			return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
		} catch {
			return false;
		}
	},
	/** A phone number in E.164: the sandbox's reading of Hero's "phone" (the docs give no format). */
	'phone-e164': (v: string) => /^\+[1-9]\d{7,14}$/.test(v),
	numeric: (v: string) => /^\d+$/.test(v),
};

export const s = {
	string(
		options: Common & { format?: keyof typeof FORMATS; minLength?: number; pattern?: RegExp } = {},
	): Spec {
		return (value, path) => {
			if (value === null && options.nullable) return [];
			if (typeof value !== 'string') return issue('invalid_type', 'string', path);
			if (options.minLength !== undefined && value.length < options.minLength)
				return issue('too_small', `string of at least ${options.minLength} characters`, path);
			if (options.pattern && !options.pattern.test(value))
				return issue('invalid_string', `string matching ${options.pattern}`, path);
			if (options.format && !FORMATS[options.format](value))
				return issue('invalid_string', options.format, path);
			return [];
		};
	},
	/** A Hero id: a string of digits. */
	id(options: Common = {}): Spec {
		return s.string({ ...options, format: 'numeric' });
	},
	number(options: Common & { min?: number; integer?: boolean } = {}): Spec {
		return (value, path) => {
			if (value === null && options.nullable) return [];
			if (typeof value !== 'number' || !Number.isFinite(value))
				return issue('invalid_type', 'number', path);
			if (options.integer && !Number.isInteger(value))
				return issue('invalid_type', 'integer', path);
			if (options.min !== undefined && value < options.min)
				return issue('too_small', `number >= ${options.min}`, path);
			return [];
		};
	},
	boolean(options: Common = {}): Spec {
		return (value, path) =>
			(value === null && options.nullable) || typeof value === 'boolean'
				? []
				: issue('invalid_type', 'boolean', path);
	},
	enum(values: readonly string[], options: Common = {}): Spec {
		return (value, path) =>
			(value === null && options.nullable) || (typeof value === 'string' && values.includes(value))
				? []
				: issue('invalid_enum_value', values.map((v) => `'${v}'`).join(' | '), path);
	},
	array(item: Spec, options: Common & { minItems?: number } = {}): Spec {
		return (value, path) => {
			if (value === null && options.nullable) return [];
			if (!Array.isArray(value)) return issue('invalid_type', 'array', path);
			if (options.minItems !== undefined && value.length < options.minItems)
				return issue('too_small', `array of at least ${options.minItems} items`, path);
			return value.flatMap((entry, index) => item(entry, [...path, index]));
		};
	},
	/** Either spec may match (Hero's "string or array of strings" filters). */
	oneOf(...specs: Spec[]): Spec {
		return (value, path) => {
			const results = specs.map((spec) => spec(value, path));
			return results.some((r) => r.length === 0) ? [] : results[0];
		};
	},
	record(valueSpec: Spec): Spec {
		return (value, path) => {
			if (!value || typeof value !== 'object' || Array.isArray(value))
				return issue('invalid_type', 'object', path);
			return Object.entries(value).flatMap(([key, entry]) => valueSpec(entry, [...path, key]));
		};
	},
	object(
		shape: Record<string, Spec>,
		options: Common & { required?: string[]; loose?: boolean } = {},
	): Spec {
		return (value, path) => {
			if (value === null && options.nullable) return [];
			if (!value || typeof value !== 'object' || Array.isArray(value))
				return issue('invalid_type', 'object', path);
			const record = value as Record<string, unknown>;
			const issues: Issue[] = [];
			for (const key of options.required ?? []) {
				if (record[key] === undefined)
					issues.push({ code: 'invalid_type', expected: 'required', path: [...path, key] });
			}
			for (const [key, entry] of Object.entries(record)) {
				const spec = shape[key];
				if (!spec) {
					if (!options.loose)
						issues.push({
							code: 'unrecognized_keys',
							expected: `one of ${Object.keys(shape).join(', ')}`,
							path: [...path, key],
						});
					continue;
				}
				if (entry !== undefined) issues.push(...spec(entry, [...path, key]));
			}
			return issues;
		};
	},
};

/** Query strings carry text: these read `true`/`false` and digits before checking. */
export const q = {
	boolean(): Spec {
		return (value, path) =>
			value === 'true' || value === 'false'
				? []
				: issue('invalid_type', "boolean ('true' or 'false')", path);
	},
	integer(min = 0): Spec {
		return (value, path) =>
			typeof value === 'string' && /^\d+$/.test(value) && Number(value) >= min
				? []
				: issue('invalid_type', `integer >= ${min}`, path);
	},
	/** One id or several (`location_id=1&location_id=2`). */
	ids(): Spec {
		return s.oneOf(s.id(), s.array(s.id(), { minItems: 1 }));
	},
};
