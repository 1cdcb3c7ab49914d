/**
 * @module An admin invites a partner (a reseller or installer): email, name, company, language.
 * The invitation holds a one-time token, stored only as its SHA-256, valid for 7 days; the link
 * with the token is returned once, for the admin to copy (and, once the outbox exists, to be
 * mailed: `options.deliver` runs inside the transaction, the one place to enqueue that mail).
 * A newer invitation to the same address ends the older open ones.
 */
import { type FieldError, validationError } from '#src/domain/errors.ts';
import type { ServiceContext, Tx } from './context.ts';
import { hashToken, newToken } from './secrets.ts';
import {
  assertMayManageUsers,
  checkEmail,
  isUserLocale,
  normalizeEmail,
  type UserLocale,
} from './user-rules.ts';
import { writeAudit } from './write-audit.ts';

export const invitationDays = 7;
export const maxNameLength = 100;
export const maxCompanyLength = 200;

export interface InvitePartnerInput {
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  locale: string;
}

export interface PartnerInvitation {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  company: string;
  locale: UserLocale;
  expiresAt: string;
}

export interface InvitePartnerOptions {
  /** Hands the invitation and its one-time token to delivery (the outbox), in the transaction. */
  deliver?: (trx: Tx, invitation: PartnerInvitation & { token: string }) => Promise<void>;
}

/** Name and company rules shared with the partner's profile. */
export function checkPartnerFields(input: {
  firstName: string;
  lastName: string;
  company: string;
}): FieldError[] {
  const errors: FieldError[] = [];
  const text = (path: string, value: string, max: number) => {
    if (value === '') errors.push({ path, key: 'error.required' });
    else if (value.length > max) errors.push({ path, key: 'error.tooLong', params: { max } });
  };
  text('firstName', input.firstName, maxNameLength);
  text('lastName', input.lastName, maxNameLength);
  text('company', input.company, maxCompanyLength);
  return errors;
}

export async function invitePartner({
  ctx,
  input,
  options = {},
}: {
  ctx: ServiceContext;
  input: InvitePartnerInput;
  options?: InvitePartnerOptions;
}): Promise<PartnerInvitation & { token: string }> {
  assertMayManageUsers(ctx);
  const email = normalizeEmail(input.email);
  const fields = {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    company: input.company.trim(),
  };
  const errors = [...checkEmail(email), ...checkPartnerFields(fields)];
  if (!isUserLocale(input.locale)) {
    errors.push({ path: 'locale', key: 'error.invalidValue', params: { value: input.locale } });
  }
  if (errors.length > 0) throw validationError(errors);
  const now = ctx.clock();
  const token = newToken();
  const invitation: PartnerInvitation = {
    id: ctx.newId(),
    email,
    ...fields,
    locale: input.locale as UserLocale,
    expiresAt: new Date(now.getTime() + invitationDays * 24 * 3600_000).toISOString(),
  };
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw validationError([{ path: 'email', key: 'error.emailTaken' }]);
    await trx
      .updateTable('partner_invitations')
      .set({ revoked_at: now.toISOString() })
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('partner_invitations')
      .values({
        id: invitation.id,
        token_hash: hashToken(token),
        email,
        first_name: fields.firstName,
        last_name: fields.lastName,
        company: fields.company,
        locale: invitation.locale,
        invited_by: ctx.actor.label,
        created_at: now.toISOString(),
        expires_at: invitation.expiresAt,
        accepted_at: null,
        revoked_at: null,
        user_id: null,
      })
      .execute();
    // No token in the log: only who was invited, by whom, until when.
    await writeAudit(trx, ctx, {
      action: 'partner.invite',
      subjectType: 'partner_invitation',
      subjectId: invitation.id,
      detail: { email, company: fields.company, expiresAt: invitation.expiresAt },
    });
    await options.deliver?.(trx, { ...invitation, token });
    return { ...invitation, token };
  });
}
