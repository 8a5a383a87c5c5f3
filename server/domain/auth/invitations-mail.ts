import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';

/**
 * Invitation and reset e-mails carry a link and nothing else: no name, no organisation, no role, so a
 * mailbox outside the municipality holds nothing sensitive. The token is in the link's fragment, which
 * browsers never send to a server: it stays out of request logs and proxies.
 */
export type LinkMail = { kind: 'invitation' | 'reset'; to: string; locale: string; link: string; hours: number };

const texts = {
  sv: {
    invitation: {
      subject: 'Navet: du har fått ett konto',
      body: (link: string, hours: number) =>
        `Hej!\n\nDu har bjudits in till Navet. Öppna länken för att välja lösenord eller logga in med din organisations inloggning:\n${link}\n\nLänken fungerar en gång och i ${hours} timmar.\nDet här mejlet innehåller inga uppgifter om någon person. Svara inte på det.`,
    },
    reset: {
      subject: 'Navet: byt lösenord',
      body: (link: string, hours: number) =>
        `Hej!\n\nNågon bad om att byta lösenord för det här kontot i Navet. Öppna länken för att välja ett nytt:\n${link}\n\nLänken fungerar en gång och i ${hours} timme. Bad du inte om det kan du strunta i mejlet.\nDet här mejlet innehåller inga uppgifter om någon person. Svara inte på det.`,
    },
  },
  en: {
    invitation: {
      subject: 'Navet: you have an account',
      body: (link: string, hours: number) =>
        `Hello,\n\nYou have been invited to Navet. Open the link to choose a password or log in with your organisation's login:\n${link}\n\nThe link works once and for ${hours} hours.\nThis e-mail contains no details about anyone. Do not reply to it.`,
    },
    reset: {
      subject: 'Navet: change your password',
      body: (link: string, hours: number) =>
        `Hello,\n\nSomeone asked to change the password of this Navet account. Open the link to choose a new one:\n${link}\n\nThe link works once and for ${hours} hour. If you did not ask, ignore this e-mail.\nThis e-mail contains no details about anyone. Do not reply to it.`,
    },
  },
};

export function linkMessage(m: LinkMail): { subject: string; text: string } {
  const t = (m.locale === 'en' ? texts.en : texts.sv)[m.kind];
  return { subject: t.subject, text: t.body(m.link, m.hours) };
}

let transport: { url: string; t: Transporter } | undefined;

/** Sends one link mail; throws when the server refuses or is down. */
export async function sendLinkMail(config: Config, m: LinkMail): Promise<void> {
  if (!config.smtpUrl) throw new Error('no mail server configured');
  if (transport?.url !== config.smtpUrl)
    transport = {
      url: config.smtpUrl,
      t: nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 5000,
        greetingTimeout: 5000,
        socketTimeout: 10_000,
      }),
    };
  const { subject, text } = linkMessage(m);
  await transport.t.sendMail({ from: config.mailFrom, to: m.to, subject, text });
}
