import { z } from 'zod';
import { ZId, ZLocale } from './common.js';
import { ROLES } from './roles.js';

export const ZEmail = z.string().trim().toLowerCase().email('email_format').max(254);
/** At least 10 characters: long passphrases beat composition rules (NIST SP 800-63B). */
export const ZNewPassword = z.string().min(10, 'password_too_short').max(200);

export const ZSignInRequestSchema = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
  organizationId: ZId.optional().describe('Choose one organization when the user belongs to several'),
});
export type TSignInRequest = z.infer<typeof ZSignInRequestSchema>;

export const ZRole = z.enum(ROLES);

export const ZMembershipSchema = z.object({
  organizationId: ZId,
  organizationName: z.string(),
  role: ZRole,
});

export const ZSessionResponseSchema = z.object({
  user: z.object({
    id: ZId,
    email: z.string(),
    displayName: z.string(),
    locale: ZLocale,
  }),
  organization: z.object({ id: ZId, name: z.string(), timeZone: z.string() }),
  role: ZRole,
  permissions: z.array(z.string()),
  memberships: z.array(ZMembershipSchema),
  csrfToken: z.string(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponseSchema>;

export const ZChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZNewPassword,
});

export const ZRequestPasswordResetSchema = z.object({ email: ZEmail });
export const ZResetPasswordSchema = z.object({
  token: z.string().min(20).max(200),
  newPassword: ZNewPassword,
});

export const ZAcceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  displayName: z.string().trim().min(1).max(200),
  password: ZNewPassword,
});

export const ZUpdateProfileSchema = z.object({
  displayName: z.string().trim().min(1).max(200).optional(),
  locale: ZLocale.optional(),
});
