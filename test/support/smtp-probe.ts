import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from './smtp.js';
import { waitUntil } from './wait.js';

export interface SmtpProbe {
  url: string;
  /** Messages the server accepted (its 250 reply was due while the client was still connected). */
  received: ReceivedMail[];
  /** Messages whose body arrived in full; the server is holding or has given its final reply. */
  bodiesReceived: () => number;
  /** Messages whose client went away while the server held the final reply: never accepted. */
  abandoned: ReceivedMail[];
  /** Hold the final reply to each message's DATA this long. */
  holdReplies: (ms: number) => void;
  /** Refuse the next n messages with a temporary failure (451). */
  refuseNext: (n: number) => void;
  waitForBodies: (count: number, timeoutMs?: number) => Promise<void>;
  /** Forget every message so far (e.g. the account e-mails of a test's set-up). */
  reset: () => void;
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) that reports where a
 * delivery stands: a sender killed while the server holds its reply to DATA
 * must not count as delivered, as with a real MTA that commits a message
 * only when it answers 250 to a client that is still there.
 */
export async function startSmtpProbe(): Promise<SmtpProbe> {
  const received: ReceivedMail[] = [];
  const abandoned: ReceivedMail[] = [];
  const closed = new Set<string>();
  let bodies = 0;
  let hold = 0;
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        bodies += 1;
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim(),
          subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1]?.trim(),
        };
        const reply = () => {
          if (closed.has(session.id)) {
            abandoned.push(mail);
          } else if (refuse > 0) {
            refuse -= 1;
            const err = new Error('Try again later') as Error & { responseCode: number };
            err.responseCode = 451;
            return callback(err);
          } else {
            received.push(mail);
          }
          callback();
        };
        if (hold > 0) setTimeout(reply, hold);
        else reply();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    abandoned,
    bodiesReceived: () => bodies,
    holdReplies: (ms) => {
      hold = ms;
    },
    refuseNext: (n) => {
      refuse = n;
    },
    waitForBodies: async (count, timeoutMs = 20_000) => {
      await waitUntil(`${count} message bodies at the SMTP server`, () => bodies >= count, {
        timeoutMs,
        intervalMs: 10,
      });
    },
    waitFor: async (count, timeoutMs = 20_000) => {
      await waitUntil(`${count} accepted messages`, () => received.length >= count, { timeoutMs });
      return received;
    },
    reset: () => {
      received.length = 0;
      abandoned.length = 0;
      bodies = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
