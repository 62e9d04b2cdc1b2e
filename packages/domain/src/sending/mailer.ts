import nodemailer from 'nodemailer';

/**
 * The one door to SMTP. The worker creates one mailer at start (a pooled nodemailer transport: connections
 * are reused across mails) and hands it to the sending service; tests hand in one pointed at a real
 * `smtp-server` on localhost. The domain never reads the environment while sending: the settings arrive here.
 */

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  from: { name: string; address: string };
  replyTo?: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
  /** The Message-ID (without angle brackets): the same on every attempt of one send. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
  /** The server's final reply, e.g. `250 OK: queued as …`. */
  response: string;
}

export interface Mailer {
  /** Resolves once the server accepted the mail for at least one recipient; rejects with nodemailer's error. */
  send(mail: OutgoingMail): Promise<MailReceipt>;
  close(): void;
}

/** What sending needs besides the database: the mailer and the two addresses a mail names. */
export interface SendingDeps {
  mailer: Mailer;
  /** The envelope sender and From address, e.g. `rechnung@example.com`; the display name is the seller's. */
  fromAddress: string;
  /** Public base URL of this installation: the portal links in mails start with it. */
  publicUrl: string;
}

export interface MailSettings {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the first byte). */
  smtpUrl: string;
  fromAddress: string;
  publicUrl: string;
}

/** The mail catcher of docker-compose.yml (Mailpit) listens here; `npm start` uses it unless told otherwise. */
export const DEFAULT_SMTP_URL = 'smtp://localhost:1025';
export const DEFAULT_FROM_ADDRESS = 'no-reply@fakturo.localhost';

/**
 * Mail settings from the environment: `SMTP_URL`, `FAKTURO_MAIL_FROM` and `FAKTURO_PUBLIC_URL` (as the API
 * derives it: `http://HOST:PORT` unless set). docs/operations.md lists them.
 */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const host = env.HOST || '127.0.0.1';
  const port = env.PORT || '3000';
  return {
    smtpUrl: env.SMTP_URL || DEFAULT_SMTP_URL,
    fromAddress: env.FAKTURO_MAIL_FROM || DEFAULT_FROM_ADDRESS,
    publicUrl: (
      env.FAKTURO_PUBLIC_URL || `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
    ).replace(/\/+$/, ''),
  };
}

/**
 * A pooled SMTP mailer. Timeouts are short enough that a dead server fails the attempt (and the job retries)
 * instead of holding a worker slot for minutes.
 */
export function createMailer(smtpUrl: string, options: { maxConnections?: number } = {}): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: options.maxConnections ?? 4,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: { name: mail.from.name, address: mail.from.address },
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        messageId: `<${mail.messageId}>`,
        headers: mail.headers,
      });
      return {
        messageId: String(info.messageId ?? mail.messageId).replace(/^<|>$/g, ''),
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
        response: String(info.response ?? ''),
      };
    },
    close() {
      transport.close();
    },
  };
}

/** The mailer and addresses from the environment: what `startWorker` uses unless it is given others. */
export function sendingDepsFromEnv(env: NodeJS.ProcessEnv = process.env): SendingDeps {
  const settings = mailSettingsFromEnv(env);
  return {
    mailer: createMailer(settings.smtpUrl),
    fromAddress: settings.fromAddress,
    publicUrl: settings.publicUrl,
  };
}
