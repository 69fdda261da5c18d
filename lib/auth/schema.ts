import { z } from 'zod';
import { locales } from '@/lib/i18n/settings';
import { SignUpRoleSchema } from './roles';

// The same limits better-auth enforces on the server (lib/auth/auth.server.ts); the forms check them
// first so that a learner sees a field-level message instead of a failed request.

/** The form's key for input its schema refuses (each field carries its own key). */
export const INVALID = 'account:errors.invalid';
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
/** The longest e-mail address a mail server accepts (RFC 5321). */
export const EMAIL_MAX = 254;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(EMAIL_MAX, { message: 'account:errors.emailInvalid' })
  .pipe(z.email({ message: 'account:errors.emailInvalid' }));
const password = z
  .string()
  .min(PASSWORD_MIN, { message: 'account:errors.passwordTooShort' })
  .max(PASSWORD_MAX, { message: 'account:errors.passwordTooLong' });

/** The token of an admin's invitation link (lib/auth/invitation-token.server.ts makes 43 characters). */
export const InvitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,128}$/, { message: 'account:errors.invitationUnknown' });

export const SignInSchema = z.object({
  email,
  password: z.string().min(1, { message: 'account:errors.passwordRequired' }).max(PASSWORD_MAX),
});
export type SignInInput = z.infer<typeof SignInSchema>;

export const SignUpSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'account:errors.nameRequired' })
    .max(80, { message: 'account:errors.nameTooLong' }),
  email,
  password,
  role: SignUpRoleSchema,
  /** An admin's invitation link: the account teaches at once (docs/decisions/021-teacher-approval.md). */
  invitation: InvitationTokenSchema.optional(),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

/**
 * What POST /api/auth/sign-up/email accepts (checked in lib/auth/auth.server.ts's `before` hook): the
 * form's fields with the same limits, `role` optional (a learner then), better-auth's `rememberMe`, and
 * nothing else: `image` or any other field is refused, so no unchecked text reaches the user table.
 */
export const SignUpRequestSchema = SignUpSchema.extend({
  role: SignUpSchema.shape.role.default('learner'),
  rememberMe: z.boolean().optional(),
}).strict();

/** Asking for a password-reset link: the account's e-mail address. */
export const ForgotPasswordSchema = z.object({ email });

/** The page a reset link opens, per locale: where POST /api/auth/request-password-reset may point the link. */
const RESET_PAGE = new RegExp(`^/(${locales.join('|')})/reset-password$`);

/**
 * What POST /api/auth/request-password-reset accepts (checked in lib/auth/auth.server.ts's `before`
 * hook): the e-mail address and the reset page of the asking page's locale, which is also the
 * e-mail's language; nothing else.
 */
export const RequestPasswordResetSchema = ForgotPasswordSchema.extend({
  redirectTo: z.string().regex(RESET_PAGE, { message: 'account:errors.invalid' }),
}).strict();

/** A reset link's token (better-auth makes 24 letters and digits). */
export const ResetTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{16,64}$/, { message: 'account:errors.resetLinkInvalid' });

/** Setting a new password with a reset link (the form, and POST /api/auth/reset-password). */
export const ResetPasswordSchema = z.object({ newPassword: password, token: ResetTokenSchema }).strict();

/** Renaming oneself: the same rule as at sign-up. */
export const ProfileNameSchema = z.object({ name: SignUpSchema.shape.name });

/** Deleting one's own account always asks for the password again, whatever the session's age. */
export const DeleteAccountSchema = z.object({
  password: z
    .string({ message: 'account:errors.passwordRequired' })
    .min(1, { message: 'account:errors.passwordRequired' })
    .max(PASSWORD_MAX, { message: 'account:errors.wrongPassword' }),
});

/** Where to go after signing in: only a path inside this app, never another origin. */
export const NextPathSchema = z
  .string()
  .regex(/^\/(?!\/)[^\s\\]*$/)
  .max(500)
  .catch('');

// The admins' teacher page (docs/decisions/021-teacher-approval.md).

const id = z.string().min(1).max(100);

/** Approving or declining one pending teacher sign-up. */
export const TeacherRequestSchema = z.object({ userId: id });

/** A new invitation link: nothing to choose, it is single-use and expires after INVITATION_DAYS. */
export const CreateInvitationSchema = z.object({}).strict();

/** Withdrawing an invitation link that has not been used. */
export const RevokeInvitationSchema = z.object({ invitationId: id });
