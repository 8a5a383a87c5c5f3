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

/** The alert to an account's owner that someone is guessing its password. */
export interface AccountAlert {
  to: string;
  locale: string;
  /** Absolute link to Navet's login page. */
  link: string;
}

const alertTexts = {
  sv: {
    subject: 'Navet: många misslyckade inloggningsförsök på ditt konto',
    body: (link: string) =>
      `Hej!\n\nNågon har många gånger försökt logga in på ditt konto i Navet med fel lösenord. Navet bromsar nu försöken.\n\nVar det du, behöver du inte göra något. Annars: kontakta din administratör, och byt gärna lösenord.\nDu kan fortfarande logga in som vanligt:\n${link}\n\nDet här mejlet innehåller inga uppgifter om någon person. Svara inte på det.`,
  },
  en: {
    subject: 'Navet: many failed sign-in attempts on your account',
    body: (link: string) =>
      `Hello,\n\nSomeone has tried many times to sign in to your Navet account with a wrong password. Navet is now slowing the attempts down.\n\nIf it was you, there is nothing to do. Otherwise: tell your administrator, and consider changing your password.\nYou can still sign in as usual:\n${link}\n\nThis e-mail contains no details about anyone. Do not reply to it.`,
  },
};

/** Built from the locale and the link only: no address, count or time of the attempts. */
export function accountAlertMessage(a: AccountAlert): { subject: string; text: string } {
  const t = a.locale === 'en' ? alertTexts.en : alertTexts.sv;
  return { subject: t.subject, text: t.body(a.link) };
}

/** Sends the alert; throws when the server refuses or is down (the job retries). */
export async function sendAccountAlert(config: Config, a: AccountAlert): Promise<void> {
  if (!config.smtpUrl) return;
  const { subject, text } = accountAlertMessage(a);
  await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to: a.to, subject, text });
}
