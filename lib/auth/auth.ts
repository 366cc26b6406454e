import "server-only";
// Auth.js configuration: the session cookie (an encrypted JWT) carries the user id, the id of a
// server-side session and the user's session version; lib/auth/current.ts checks all three
// against the database on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appSecret } from "../config";
import { authCookies, secureCookies } from "./cookies";
import { PASSWORD_MAX } from "./schemas";
import { requestIp } from "./session";
import { SESSION_MAX_AGE_S } from "./session-rules";
import { startUserSession } from "./user-sessions";
import { hasConfirmedMfa } from "./mfa";
import { db } from "../db";
import { completeSignIn, portalStepsOf, signInWithPassword, type SignInArea } from "./sign-in";
import { SIGN_IN_LINK_PROVIDER, signInLinkAdapter, signInLinkProvider } from "./sign-in-link";
import { CUSTOMER_LINK_PROVIDERS, customerLinkProviders } from "./customer-links";

export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function passwordProvider(area: SignInArea) {
  return Credentials({
    id: area,
    name: area,
    credentials: { email: {}, password: {} },
    async authorize(credentials) {
      const email = typeof credentials?.email === "string" ? credentials.email : "";
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      if (!email || !password || password.length > PASSWORD_MAX) throw new SignInRefused("invalid");
      const ip = await requestIp();
      const result = await signInWithPassword({ email, password, area, ip });
      // The code travels to passwordSignIn (lib/auth/entry.ts), which words the message.
      if (!result.ok) throw new SignInRefused(result.waitMs ? `${result.error}:${result.waitMs}` : result.steps ? `${result.error}:${result.steps.join(",")}` : result.error);
      return { id: result.user.id, email: result.user.email, kind: result.user.kind, sessionVersion: result.user.sessionVersion };
    },
  });
}

/**
 * A refused sign-in is expected (and audited): no stack trace in the server log for it, only for
 * real errors. By `type`, which survives minification (the class name does not).
 */
export const authLogger = {
  error(error: Error) {
    const type = (error as { type?: string }).type;
    if (type === "CredentialsSignin" || type === "Verification") return;
    console.error("[auth]", error);
  },
};

// Pages and actions read the session through ./session.ts, not Auth.js's auth() (see there).
export const { handlers, signIn, signOut } = NextAuth({
  secret: appSecret(),
  trustHost: true,
  // The cookie only names a server-side session (lib/auth/user-sessions.ts): JWT strategy so that
  // Auth.js needs no session table of its own; the 12 hours are enforced on the server as well.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: secureCookies(),
  cookies: authCookies(),
  logger: authLogger,
  pages: { signIn: "/login", error: "/auth-error", verifyRequest: "/installer/login/check-email" },
  adapter: signInLinkAdapter,
  providers: [passwordProvider("console"), passwordProvider("installer"), passwordProvider("customer"), signInLinkProvider, ...customerLinkProviders],
  callbacks: {
    async signIn({ user, account, email }) {
      if (email?.verificationRequest) return true;
      if (account && CUSTOMER_LINK_PROVIDERS.includes(account.provider)) {
        // A customer's (or agent's) web invitation or password reset link: only they get in through it.
        const found = await db.user.findUnique({ where: { id: user.id }, select: { kind: true } });
        if (found?.kind !== "CUSTOMER" && found?.kind !== "AGENT") return "/app/login?error=link";
        return (await portalStepsOf(user.id!)).length ? "/app/login?error=portal" : true;
      }
      if (account?.provider !== SIGN_IN_LINK_PROVIDER) return true;
      // Following a link: only an installer who is not rejected gets in.
      const found = await db.user.findUnique({ where: { id: user.id }, include: { installer: { select: { status: true } } } });
      if (!found?.installer) return "/installer/login?error=invalid";
      if (found.installer.status === "REJECTED") return "/installer/login?error=disabled";
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === SIGN_IN_LINK_PROVIDER) {
        const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
        token.uid = found.id;
        token.kind = found.kind;
        token.sv = found.sessionVersion;
        token.sid = await startUserSession(found.id, await requestIp());
        await completeSignIn(found.id, "installer", await requestIp(), "email link");
      } else if (user && account && CUSTOMER_LINK_PROVIDERS.includes(account.provider)) {
        const found = await db.user.findUniqueOrThrow({ where: { id: user.id } });
        token.uid = found.id;
        token.kind = found.kind;
        token.sv = found.sessionVersion;
        token.sid = await startUserSession(found.id, await requestIp(), { viaLink: true });
        await completeSignIn(found.id, "customer", await requestIp(), account.provider === "customer-invite" ? "web invitation link" : "password reset link");
      } else if (user) {
        const u = user as { id: string; kind: string; sessionVersion: number };
        token.uid = u.id;
        token.kind = u.kind;
        token.sv = u.sessionVersion;
        // An employee with an authenticator app is not signed in until the second step (lib/auth/mfa.ts).
        const mfaPending = u.kind === "EMPLOYEE" && (await hasConfirmedMfa(u.id));
        token.sid = await startUserSession(u.id, await requestIp(), { mfaPending });
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user ?? {}, { id: token.uid, kind: token.kind, sessionVersion: token.sv });
      return session;
    },
  },
});
