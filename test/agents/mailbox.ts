/**
 * A local SMTP server that keeps what it receives: the practice manager's inbox in approval tests.
 * n8n's Send Email node (and its "Human review" variant) talks to it through an SMTP credential
 * (host 127.0.0.1, no TLS, no login). It speaks just enough SMTP for nodemailer: EHLO/HELO, MAIL,
 * RCPT, DATA, RSET, NOOP, QUIT. Messages are kept raw, with a helper to read the HTML body.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
	from: string;
	to: string[];
	/** The message as sent (headers and body), dot-stuffing removed. */
	raw: string;
}

export interface Mailbox {
	host: string;
	port: number;
	received: ReceivedMail[];
	/** Resolves with the `count`-th message (1-based) once it has arrived. */
	waitForMail(count: number, timeoutMs?: number): Promise<ReceivedMail>;
	clear(): void;
	close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
	const received: ReceivedMail[] = [];
	const sockets = new Set<Socket>();

	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.setEncoding('utf8');
		const reply = (line: string) => socket.write(`${line}\r\n`);
		let buffer = '';
		let inData = false;
		let mail: ReceivedMail = { from: '', to: [], raw: '' };

		socket.on('data', (chunk: string) => {
			buffer += chunk;
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end === -1) return;
					mail.raw = buffer.slice(0, end).replace(/^\.\./gm, '.');
					buffer = buffer.slice(end + 5);
					inData = false;
					received.push(mail);
					mail = { from: '', to: [], raw: '' };
					reply('250 2.0.0 Queued');
					continue;
				}
				const eol = buffer.indexOf('\r\n');
				if (eol === -1) return;
				const line = buffer.slice(0, eol);
				buffer = buffer.slice(eol + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') {
					// No STARTTLS and no AUTH offered: nodemailer then sends in clear without logging in.
					reply('250-mailbox.test');
					reply('250 8BITMIME');
				} else if (verb === 'HELO') reply('250 mailbox.test');
				else if (verb === 'MAIL') {
					mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
					reply('250 2.1.0 OK');
				} else if (verb === 'RCPT') {
					mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
					reply('250 2.1.5 OK');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'RSET') {
					mail = { from: '', to: [], raw: '' };
					reply('250 OK');
				} else if (verb === 'NOOP') reply('250 OK');
				else if (verb === 'QUIT') {
					reply('221 Bye');
					socket.end();
					return;
				} else reply('502 5.5.2 Command not implemented');
			}
		});
		reply('220 mailbox.test ESMTP');
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;

	return {
		host: '127.0.0.1',
		port,
		received,
		async waitForMail(count, timeoutMs = 60_000) {
			const deadline = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > deadline)
					throw new Error(
						`mailbox: ${received.length} of ${count} messages arrived within ${timeoutMs} ms`,
					);
				await new Promise((r) => setTimeout(r, 100));
			}
			return received[count - 1];
		},
		clear: () => void (received.length = 0),
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** The decoded HTML part of a message (quoted-printable or base64, as nodemailer chose). */
export function htmlBody(mail: ReceivedMail): string {
	const parts = mail.raw.split(/\r\n--[^\r\n]+\r\n/);
	const html = parts.find((part) => /content-type:\s*text\/html/i.test(part)) ?? mail.raw;
	const split = html.indexOf('\r\n\r\n');
	const headers = html.slice(0, split);
	const body = html.slice(split + 4);
	if (/content-transfer-encoding:\s*base64/i.test(headers))
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
		const bytes = body
			.replace(/=\r\n/g, '')
			.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

/** The links of an HTML body by their text, e.g. `links(html).get('Approve')`; `&amp;` decoded. */
export function links(html: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>\s*([^<]*?)\s*<\/a>/gi))
		found.set(match[2], match[1].replace(/&amp;/g, '&'));
	return found;
}

/** The Subject header (unfolded; RFC 2047 words are left as sent). */
export function subject(mail: ReceivedMail): string {
	return /^subject:\s*(.*(?:\r\n[ \t].*)*)/im.exec(mail.raw)?.[1].replace(/\r\n[ \t]/g, ' ') ?? '';
}
