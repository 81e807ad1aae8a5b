import nodemailer from 'nodemailer';
import type { Clock } from '../clock.js';
import type { Executor } from '../db/executor.js';
import { newId } from '../ids.js';

export interface OutgoingMail {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export interface Mailer {
  /**
   * Records the message in the outbox inside the caller's transaction (so it is sent only if
   * the change commits) and returns its id; `flush` delivers queued messages afterwards.
   */
  enqueue(trx: Executor, mail: OutgoingMail): Promise<string>;
  /** Sends queued messages through SMTP; without SMTP they stay readable in the outbox. */
  flush(db: Executor): Promise<number>;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; clock: Clock }): Mailer {
  const transport = opts.smtpUrl ? nodemailer.createTransport(opts.smtpUrl) : null;
  return {
    async enqueue(trx, mail) {
      const id = newId();
      await trx
        .insertInto('outbox')
        .values({
          id,
          organizationId: mail.organizationId,
          toAddress: mail.to,
          subject: mail.subject,
          bodyText: mail.text,
          kind: mail.kind,
          // Without SMTP the outbox is the destination: admins read the message there.
          status: transport ? 'queued' : 'outbox',
          attempts: 0,
          createdAt: opts.clock.now().toISOString(),
        })
        .execute();
      return id;
    },
    async flush(db) {
      if (!transport) {
        return 0;
      }
      const queued = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'queued')
        .where('attempts', '<', 5)
        .orderBy('createdAt')
        .limit(50)
        .execute();
      let sent = 0;
      for (const m of queued) {
        try {
          await transport.sendMail({
            from: opts.from,
            to: m.toAddress,
            subject: m.subject,
            text: m.bodyText,
          });
          await db
            .updateTable('outbox')
            .set({ status: 'sent', sentAt: opts.clock.now().toISOString(), attempts: m.attempts + 1 })
            .where('id', '=', m.id)
            .execute();
          sent++;
        } catch (err) {
          await db
            .updateTable('outbox')
            .set({
              status: m.attempts + 1 >= 5 ? 'failed' : 'queued',
              attempts: m.attempts + 1,
              lastError: String(err),
            })
            .where('id', '=', m.id)
            .execute();
        }
      }
      return sent;
    },
  };
}
