import { Injectable, Logger } from '@nestjs/common';
import { mailDomain } from '../alerts/alert-writer.js';
import { Mailer } from '../alerts/mail/mailer.js';
import { AppConfig } from '../config/app-config.js';
import { piiCredentialNotice, setPasswordEmail, setPasswordLink } from './domain/account-emails.js';

/**
 * Sends the e-mails of account administration through the alert mailer,
 * after the change was committed. A failed send is logged, never thrown: the
 * account or key exists either way, the audit log holds the change, and a
 * lost set-password link is replaced by asking for a reset.
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger(AccountMail.name);

  constructor(
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async setPasswordLink(input: {
    to: string;
    userId: string;
    purpose: 'invitation' | 'reset';
    token: string;
    tokenId: string;
    expiresAt: Date;
  }): Promise<void> {
    const mail = setPasswordEmail({
      to: input.to,
      purpose: input.purpose,
      link: setPasswordLink(this.config.http.publicBaseUrl, input.token),
      expiresAt: input.expiresAt,
      tokenId: input.tokenId,
      mailDomain: mailDomain(this.config.mail.from),
    });
    await this.send(mail, { event: 'set_password_mail', userId: input.userId, purpose: input.purpose });
  }

  /** SPEC §8: every new credential that can read personal data is reported to the commissioner's office. */
  async piiCredentialCreated(
    input: Omit<Parameters<typeof piiCredentialNotice>[0], 'to' | 'mailDomain'>,
  ): Promise<void> {
    const mail = piiCredentialNotice({
      ...input,
      to: this.config.alerts.commissionerEmail,
      mailDomain: mailDomain(this.config.mail.from),
    });
    await this.send(mail, {
      event: 'pii_credential_notice',
      credential: input.credential.kind,
      id: input.credential.id,
    });
  }

  private async send(mail: Parameters<Mailer['send']>[0], context: Record<string, string>): Promise<void> {
    try {
      await this.mailer.send(mail);
      this.logger.log({ ...context, outcome: 'sent' }, 'account e-mail sent');
    } catch (err) {
      this.logger.error(
        { ...context, outcome: 'failed', reason: err instanceof Error ? err.message : String(err) },
        'account e-mail not delivered',
      );
    }
  }
}
