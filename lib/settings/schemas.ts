import { z } from "../zod";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "../text";

export const smtpSettingsSchema = z.object({
  host: z
    .string()
    .trim()
    .min(1, "Enter the SMTP server's host name.")
    .max(253, "The host name is too long.")
    .regex(/^[A-Za-z0-9.-]+$/, "Use a host name like smtp.example.com."),
  port: z.coerce.number({ error: "Enter a port number." }).int("Enter a whole number.").min(1, "Ports run from 1 to 65535.").max(65535, "Ports run from 1 to 65535."),
  secure: z.boolean().default(false),
  username: z.string().trim().max(254, "The user name is too long.").refine(isSingleLine, SINGLE_LINE_MESSAGE).default(""),
  password: z.string().max(500, "The password is too long.").default(""),
  fromAddress: z
    .string()
    .trim()
    .min(3, "Enter the sender address.")
    .max(300, "The sender address is too long.")
    .refine(isSingleLine, SINGLE_LINE_MESSAGE)
    .refine((v) => /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/.test(v) || /^[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>$/.test(v), "Use an address like alerts@example.com or Dealer <alerts@example.com>."),
});
export type SmtpSettingsInput = z.input<typeof smtpSettingsSchema>;

export const outboxMessageIdSchema = z.object({ id: z.string().min(1).max(64) });
