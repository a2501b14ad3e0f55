import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';

/**
 * Keeps personnummer out of the database in clear. Two keys are derived from
 * PERSONNUMMER_KEY: one encrypts (AES-256-GCM, random IV) so the number can be shown to
 * those allowed, one makes a keyed hash (HMAC-SHA-256) for exact lookup. A dump of the
 * database without the key reveals neither; an unkeyed hash would fall to brute force of
 * the few million valid numbers.
 */
@Injectable()
export class PersonnummerVault {
  private readonly encryptionKey: Buffer;
  private readonly lookupKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const master = Buffer.from(config.personnummerKey, 'utf8');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', master, 'sip', 'personnummer-encryption', 32));
    this.lookupKey = Buffer.from(hkdfSync('sha256', master, 'sip', 'personnummer-lookup', 32));
  }

  /** canonical: the 12-digit form. */
  encrypt(canonical: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(canonical, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
  }

  decrypt(stored: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, stored.subarray(0, 12));
    decipher.setAuthTag(stored.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString('utf8');
  }

  lookupHash(canonical: string): Buffer {
    return createHmac('sha256', this.lookupKey).update(canonical).digest();
  }
}
