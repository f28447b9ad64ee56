import type { Issue } from './schema';

/** Thrown by handlers; the server turns it into Hero's error body. */
export class HeroError extends Error {
	constructor(
		public status: number,
		message: string,
		public issues?: Issue[],
	) {
		super(message);
	}

	get body(): Record<string, unknown> {
		if (this.issues) return { error: true, statusCode: this.status, message: this.issues };
		return { error: true, statusCode: this.status, message: this.message };
	}
}

export const notFound = (what: string) => new HeroError(404, `${what} not found`);
export const conflict = (message: string) => new HeroError(409, message);
export const badRequest = (issues: Issue[]) => new HeroError(400, 'Validation error', issues);
