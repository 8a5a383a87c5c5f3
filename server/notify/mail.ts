import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.ts';

/**
 * E-mail is a ping, never the message: it says that something waits in Navet
 * and links there. No child's name, case detail or note is ever put in it, so
 * a mailbox (often outside the municipality's systems) holds nothing sensitive.
 */
export interface Ping {
  to: string;
  locale: string;
  /** Absolute link into Navet. */
  link: string;
  urgent: boolean;
}

const texts = {
  sv: {
    subject: (urgent: boolean) => (urgent ? 'Navet: något behöver din uppmärksamhet nu' : 'Navet: en ny notis'),
    body: (link: string) =>
      `Hej!\n\nDet finns något i Navet som behöver din uppmärksamhet.\nLogga in för att läsa det:\n${link}\n\nDet här mejlet innehåller inga uppgifter om någon person. Svara inte på det.`,
  },
  en: {
    subject: (urgent: boolean) => (urgent ? 'Navet: something needs your attention now' : 'Navet: a new notice'),
    body: (link: string) =>
      `Hello,\n\nSomething in Navet needs your attention.\nLog in to read it:\n${link}\n\nThis e-mail contains no details about anyone. Do not reply to it.`,
  },
};

/** The message, built only from the locale, the link and the urgency: nothing else can leak into it. */
export function pingMessage(p: Ping): { subject: string; text: string } {
  const t = p.locale === 'en' ? texts.en : texts.sv;
  return { subject: t.subject(p.urgent), text: t.body(p.link) };
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let t = transports.get(smtpUrl);
  if (!t) {
    // Short timeouts: the send runs inside the job's transaction, and a hanging
    // mail server must fail the attempt (and retry later), not hold the database.
    t = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: 5000,
      greetingTimeout: 5000,
      socketTimeout: 10_000,
    });
    transports.set(smtpUrl, t);
  }
  return t;
}

/** Sends one ping; throws when the server refuses or is down (the job retries). */
export async function sendPing(config: Config, p: Ping): Promise<void> {
  if (!config.smtpUrl) return;
  const { subject, text } = pingMessage(p);
  await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to: p.to, subject, text });
}
