import type { AddressInfo } from 'node:net';
import { type Clock, sending } from '@fakturo/domain';
import type { TestApp } from '@fakturo/testing';
import { createTaskList } from '@fakturo/worker';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll } from 'vitest';
import { runJobsOnce } from './jobs.support';

/**
 * A real SMTP server (smtp-server) on an ephemeral localhost port for the sending tests. It answers like a
 * mail server does: recipients at `bounce.test` are refused for good (550), a `greylist…` recipient is
 * deferred once (451) and accepted the next time, everything else is accepted and kept, parsed.
 */
export interface TestMailServer {
  url: string;
  messages: ParsedMail[];
  /** Raw envelopes of accepted mails: who the server was asked to deliver to. */
  envelopes: { from: string; to: string[] }[];
  /** How often each recipient was offered (RCPT TO), accepted or not. */
  offered: Map<string, number>;
}

export async function startMailServer(): Promise<TestMailServer> {
  const messages: ParsedMail[] = [];
  const envelopes: { from: string; to: string[] }[] = [];
  const offered = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      const seen = (offered.get(to) ?? 0) + 1;
      offered.set(to, seen);
      if (to.endsWith('@bounce.test')) {
        const error = new Error(
          `5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`,
        );
        (error as Error & { responseCode: number }).responseCode = 550;
        return callback(error);
      }
      if (to.startsWith('greylist') && seen === 1) {
        const error = new Error('4.7.1 Greylisted, please try again later');
        (error as Error & { responseCode: number }).responseCode = 451;
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            messages.push(parsed);
            envelopes.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `smtp://127.0.0.1:${port}`, messages, envelopes, offered };
}

export const FROM_ADDRESS = 'rechnung@fakturo.test';
export const PUBLIC_URL = 'https://app.fakturo.test';

/** The worker's real task list with a mailer on the test SMTP server; runs the due jobs of the tasks named. */
export function sendingWorker(t: TestApp, mail: TestMailServer, clock?: Clock) {
  const mailer = sending.createMailer(mail.url);
  afterAll(() => mailer.close());
  const deps = { mailer, fromAddress: FROM_ADDRESS, publicUrl: PUBLIC_URL };
  const tasksFor = (at?: Clock) =>
    createTaskList(t.db, {
      clock: at,
      webhookSender: { send: () => Promise.reject(new Error('no webhooks here')), close: async () => {} },
      sending: deps,
    });
  const tasks = tasksFor(clock);
  return {
    deps,
    /** Runs every due job of these tasks (and those they add) to completion. */
    run: (only: string[] = ['documents_send'], at?: Clock) => {
      const list = at ? tasksFor(at) : tasks;
      return runJobsOnce(t, Object.fromEntries(only.map((name) => [name, list[name]!])));
    },
  };
}

/** Makes jobs waiting out their back-off due now (graphile-worker's public reschedule function). */
export async function dueNow(t: TestApp, task: string): Promise<number> {
  const { rows } = await t.db.raw<{ rows: { id: string }[] }>(
    `SELECT id FROM graphile_worker.reschedule_jobs(
       array(SELECT id FROM graphile_worker.jobs WHERE task_identifier = ?), run_at => now())`,
    [task],
  );
  return rows.length;
}
