import { z } from "../zod";
import { normalizeEmail } from "../email-address";

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "The email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform(normalizeEmail);

/** ASVS: 8 to 128 characters, no composition rules; the server also refuses common passwords (lib/auth/passwords.ts). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const newPasswordField = z.string({ error: "Choose a password." }).min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
  next: z.string().optional(),
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const completeWithCodeSchema = z
  .object({
    email: emailField,
    code: z.string().trim().min(1, "Enter the code from the email.").max(20, "Enter the code from the email."),
    password: newPasswordField,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX),
    password: newPasswordField,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords do not match." });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export type SignInInput = z.input<typeof signInSchema>;
export type CompleteWithCodeInput = z.input<typeof completeWithCodeSchema>;

/**
 * Only a path of this site may be a post-sign-in destination. The path is read as a browser reads
 * it (tabs and line breaks dropped, a backslash a slash), so "/\t/evil.test" or "/\\evil.test",
 * which a browser takes to another host, fall back; what is returned is that reading, which is
 * never "//…" (another host again).
 */
export function safeNextPath(next: string | undefined, fallback: string): string {
  if (!next || !next.startsWith("/")) return fallback;
  const base = "http://portal.invalid";
  try {
    const url = new URL(next, base);
    if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** The second step of sign-in: a 6-digit authenticator code or a recovery code. */
export const mfaSignInSchema = z.object({
  code: z
    .string({ error: "Enter the code." })
    .trim()
    .min(1, "Enter the code from your authenticator app, or a recovery code.")
    .max(20, "Enter the code from your authenticator app, or a recovery code."),
  next: z.string().max(500).optional(),
});
export type MfaSignInInput = z.input<typeof mfaSignInSchema>;

export const confirmMfaSchema = z.object({
  code: z
    .string({ error: "Enter the 6-digit code." })
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});
export type ConfirmMfaInput = z.input<typeof confirmMfaSchema>;

export const disableMfaSchema = z.object({ password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(PASSWORD_MAX) });
export type DisableMfaInput = z.input<typeof disableMfaSchema>;

export const requireMfaSchema = z.object({ requireMfa: z.boolean() });
