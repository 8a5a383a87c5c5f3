import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  raw: string;
}

/** A mail server in the test process: what Navet sends stays on this machine and can be read back. */
export async function startMailServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  /** The one-time token of the last mail to `to` (quoted-printable soft breaks undone). */
  const tokenFor = (to: string): string => {
    const mail = received.filter((m) => m.to.includes(to)).at(-1);
    const token = mail?.raw.replace(/=\r?\n/g, '').match(/#([A-Za-z0-9_-]{43})/)?.[1];
    if (!token) throw new Error(`no link mailed to ${to}`);
    return token;
  };
  return {
    received,
    tokenFor,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
