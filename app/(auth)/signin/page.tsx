import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { authOptions } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { getActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getActor()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : undefined;
  const providers = authOptions.providers
    .filter((p) => p.id !== "credentials")
    .map((p) => ({ id: p.id, name: p.name }));
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <h1 className="mb-1 text-2xl font-bold">Sign in to Sourcemark</h1>
      <p className="mb-6 text-sm text-stone-700">
        The fact-checking workbench. Readers do not need an account:{" "}
        <Link className="underline" href="/">
          published fact-checks
        </Link>{" "}
        are open to all.
      </p>
      <SignInForm callbackUrl={callbackUrl} initialError={error} providers={providers} />
    </main>
  );
}
