import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '#libs/config';
import type { Logger } from '#libs/logging';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The port the outbox sends through. `transport` names what delivered it, recorded on the outbox row. */
export interface Mailer {
  readonly transport: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');

/** SMTP through nodemailer, when `SMTP_URL` is set. */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp';
  private readonly smtp: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.smtp = nodemailer.createTransport(smtpUrl);
  }

  async send({ to, subject, text }: MailMessage): Promise<void> {
    await this.smtp.sendMail({ from: this.from, to, subject, text });
  }

  close(): void {
    this.smtp.close();
  }
}

/** Without SMTP: the message goes to the log; the outbox row keeps it for whoever needs to read it. */
class LogMailer implements Mailer {
  readonly transport = 'log';

  constructor(private readonly logger: Logger) {}

  send(message: MailMessage): Promise<void> {
    this.logger.info({ mail: message }, 'mail (no SMTP_URL configured: logged, not sent)');
    return Promise.resolve();
  }
}

export function createMailer(config: AppConfig, logger: Logger): Mailer {
  return config.mail.smtpUrl ? new SmtpMailer(config.mail.smtpUrl, config.mail.from) : new LogMailer(logger);
}
