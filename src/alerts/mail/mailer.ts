import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config.js';

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * nodemailer over SMTP_URL; without SMTP, each message is written as an .eml
 * file named after its Message-ID (so a resend overwrites, never duplicates).
 * Timeouts are short: a hung SMTP server must not hold a delivery claim.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly toFiles: boolean;

  constructor(private readonly config: AppConfig) {
    const { smtpUrl } = config.mail;
    this.toFiles = smtpUrl === undefined;
    this.transport = smtpUrl
      ? nodemailer.createTransport({
          url: smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    })) as { message?: Buffer };
    if (this.toFiles) {
      const dir = this.config.mail.outboxDir;
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${mail.messageId.replace(/[^A-Za-z0-9@._-]/g, '')}.eml`);
      await writeFile(file, info.message ?? Buffer.alloc(0));
      this.logger.log({ event: 'mail_written', file }, 'e-mail written to the outbox folder');
    }
  }

  // Not onModuleDestroy: that runs before the workers drain (WorkerDrain), and a delivery finishing then
  // still needs the transport.
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
