import { z } from "zod";
import { normalizeEmail } from "../email-address";

export const emailField = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "The email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
  .transform(normalizeEmail);

export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((p) => /\p{L}/u.test(p) && /[^\p{L}]/u.test(p), "Use letters and at least one digit or symbol.");

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password.").max(200),
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

export type SignInInput = z.input<typeof signInSchema>;
export type CompleteWithCodeInput = z.input<typeof completeWithCodeSchema>;

/** Only same-site paths may be used as a post-sign-in destination. */
export function safeNextPath(next: string | undefined, fallback: string): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
