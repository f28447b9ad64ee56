import type { IExecuteFunctions } from 'n8n-workflow';

/** A copy of plain objects and lists, so an operation that changes what it read cannot change the memo. */
function copyPlain<T>(value: T): T {
	if (Array.isArray(value)) return value.map(copyPlain) as T;
	if (
		value !== null &&
		typeof value === 'object' &&
		Object.getPrototypeOf(value) === Object.prototype
	) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, copyPlain(entry)]),
		) as T;
	}
	return value;
}

/** Whether a parameter's stored value holds an expression anywhere (`={{ … }}`, `$fromAI` included). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object')
		return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * The execute context with `getNodeParameter` remembered: the check pass and the run pass read the
 * same parameters, and each read of an expression costs an evaluation (about 1 ms). A parameter that
 * holds no expression has the same value for every item, so it is read from n8n once per execution,
 * not once per item (each read deep-copies and walks it). `own` adds properties to the context.
 */
export function rememberingParameters<Own extends object>(
	ctx: IExecuteFunctions,
	own: Own,
): IExecuteFunctions & Own {
	const memo = new Map<string, unknown>();
	const stored = ctx.getNode().parameters;
	const perItem = new Map<string, boolean>();
	const readsPerItem = (name: string) => {
		let answer = perItem.get(name);
		if (answer === undefined) {
			let value: unknown = stored;
			for (const part of name.split('.'))
				value = (value as Record<string, unknown> | undefined)?.[part];
			answer = holdsExpression(value);
			perItem.set(name, answer);
		}
		return answer;
	};
	const getNodeParameter = (...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
		const [name, , ...rest] = args;
		const key = JSON.stringify(readsPerItem(name) ? args : [name, rest]);
		if (!memo.has(key))
			memo.set(key, (ctx.getNodeParameter as (...a: unknown[]) => unknown)(...args));
		return copyPlain(memo.get(key));
	};
	// Bound once: the operations reach the context's helpers on every item. `own` are the properties the
	// router adds to the context (the transport's supervisor), served from the same map.
	const bound = new Map<PropertyKey, unknown>(Object.entries(own));
	return new Proxy(ctx as IExecuteFunctions & Own, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			if (bound.has(property)) return bound.get(property);
			const value: unknown = Reflect.get(target, property, target);
			if (typeof value !== 'function') return value;
			const method = value.bind(target);
			bound.set(property, method);
			return method;
		},
	});
}
