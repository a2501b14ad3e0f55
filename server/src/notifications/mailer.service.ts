import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/**
 * E-mail through SMTP when SMTP_URL is set; otherwise each message is written, whole, to the
 * development outbox (DATA_DIR/outbox/*.eml) for the developer to open. Nodemailer builds the
 * message either way, so the outbox holds exactly what would have been sent.
 */
@Injectable()
export class MailerService {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  readonly outbox: string | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) {
      this.transport = nodemailer.createTransport(config.smtpUrl);
      this.outbox = null;
    } else {
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outbox = join(config.dataDir, 'outbox');
    }
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
    if (this.outbox) {
      mkdirSync(this.outbox, { recursive: true });
      const file = join(this.outbox, `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 8)}.eml`);
      writeFileSync(file, (info as unknown as { message: Buffer }).message);
      // The address is not personal data of the plan's person, but the log stays quiet all the same.
      this.logger.log(`E-mail written to the development outbox: ${file}`);
    }
  }
}
