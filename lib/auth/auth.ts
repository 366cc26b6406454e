// Auth.js configuration: JWT sessions carrying the user id and its session version;
// lib/auth/current.ts checks that version against the database on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appSecret } from "../config";
import { signInWithPassword, type SignInArea } from "./sign-in";

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
    async authorize(credentials, request) {
      const email = typeof credentials?.email === "string" ? credentials.email : "";
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      if (!email || !password || password.length > 200) throw new SignInRefused("invalid");
      const ip = request?.headers?.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
      const result = await signInWithPassword({ email, password, area, ip });
      if (!result.ok) throw new SignInRefused(result.error);
      return { id: result.user.id, email: result.user.email, kind: result.user.kind, sessionVersion: result.user.sessionVersion };
    },
  });
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: appSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [passwordProvider("console"), passwordProvider("installer")],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; kind: string; sessionVersion: number };
        token.uid = u.id;
        token.kind = u.kind;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      Object.assign(session.user ?? {}, { id: token.uid, kind: token.kind, sessionVersion: token.sv });
      return session;
    },
  },
});
