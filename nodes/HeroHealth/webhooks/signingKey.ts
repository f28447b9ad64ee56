import { randomBytes } from 'crypto';

/** A fresh signing key for a webhook registration: 32 random bytes, hex. Checked by trigger/signature.ts. */
export function newSigningKey(): string {
	return randomBytes(32).toString('hex');
}
