import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { verifyPassword } from "@/lib/auth/password";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { beginSignInAttempt, RateLimitedError, recordSuccessfulSignIn } from "@/lib/auth/rate-limit";
import { ZSignInRequest } from "@/lib/schemas/auth";

// Error codes the sign-in page turns into sentences. One code for every credential failure,
// so the answer never tells whether an email has an account.
export const SIGNIN_ERRORS = {
  invalid: "CredentialsSignin",
  rateLimited: "RateLimited",
  unavailable: "SignInUnavailable",
} as const;

// Stamped on every request by the server itself (instrumentation.ts), from the socket and
// TRUSTED_PROXY_HOPS; never from a header the client wrote.
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const stamped = headers?.[CLIENT_ADDRESS_HEADER];
  return typeof stamped === "string" && stamped ? stamped : "unknown";
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const credentials = CredentialsProvider({
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  async authorize(input, req) {
    const parsed = ZSignInRequest.safeParse(input);
    if (!parsed.success) return null;
    const { email, password } = parsed.data;
    const client = clientAddress(req?.headers);
    try {
      const { delayMs } = await beginSignInAttempt(email, client);
      if (delayMs > 0) await wait(delayMs);
      const user = await prisma.user.findUnique({ where: { email }, omit: { passwordHash: false } });
      const ok = await verifyPassword(user?.passwordHash ?? null, password);
      if (!user || !ok || user.disabled) return null;
      await recordSuccessfulSignIn(email, client);
      return { id: user.id, email: user.email, name: user.name };
    } catch (error) {
      if (error instanceof RateLimitedError) throw new Error(SIGNIN_ERRORS.rateLimited);
      // Whatever failed (the database, a bug) stays in the log: next-auth would put the message in
      // the redirect URL, and "wrong password" would be the wrong thing to tell the person.
      logger().error({ err: error }, "sign-in could not be checked");
      throw new Error(SIGNIN_ERRORS.unavailable);
    }
  },
});

function oauthProviders(): Provider[] {
  const providers: Provider[] = [];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET) {
    providers.push(
      GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }),
    );
  }
  return providers;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // A tampered or expired cookie is an everyday event, not a crash: one line, no stack.
  logger: {
    error: (code) => console.warn(`[auth] ${code}`),
    warn: (code) => console.warn(`[auth] ${code}`),
    debug: () => {},
  },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [credentials, ...oauthProviders()],
  callbacks: {
    // OAuth is for people the admin has already invited: the email must belong to an active user.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const email = user.email?.toLowerCase();
      if (!email) return false;
      const existing = await prisma.user.findUnique({ where: { email } });
      return Boolean(existing && !existing.disabled);
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "credentials") token.sub = user.id;
      else if (user?.email) {
        const existing = await prisma.user.findUnique({ where: { email: user.email.toLowerCase() } });
        if (existing) token.sub = existing.id;
      }
      return token;
    },
    // The token carries only the user id; role and disabled are read from the database on every
    // request (lib/auth/session.ts), so a demotion or a disabled account takes effect at once.
    async session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub ?? "" } };
    },
  },
};
