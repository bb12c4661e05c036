"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";
import { busyProps } from "@/components/ui/busy";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an active account. Check them and try again.",
  RateLimited: "Too many failed attempts for this account or from this network. Wait a few minutes, then try again.",
  SignInUnavailable:
    "Sign-in cannot be checked right now: Sourcemark could not reach its database. Try again in a minute; if it keeps failing, tell whoever runs Sourcemark.",
  AccessDenied: "That account is not allowed in. Ask an admin to invite or re-enable you.",
  SessionRequired: "Sign in to continue.",
};

export function SignInForm({
  callbackUrl,
  initialError,
  providers,
}: {
  callbackUrl: string;
  initialError?: string;
  providers: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    initialError ? (MESSAGES[initialError] ?? MESSAGES.CredentialsSignin!) : null,
  );
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (!result || result.error) {
        setError(MESSAGES[result?.error ?? ""] ?? MESSAGES.CredentialsSignin!);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("Could not reach Sourcemark. Check your connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    // method="post": a press of Enter before the page has its JavaScript must not put the password
    // in the address (a GET form would), where history and server logs keep it.
    <form
      method="post"
      onSubmit={onSubmit}
      className="space-y-4"
      noValidate
      aria-describedby={error ? "signin-error" : undefined}
    >
      {error && (
        <p
          id="signin-error"
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      )}
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className={`${inputClass} mt-1`} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={`${inputClass} mt-1`}
        />
      </div>
      <button type="submit" className={`${buttonClass} w-full`} {...busyProps(pending)}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
      {providers.length > 0 && (
        <div className="space-y-2 border-t border-stone-200 pt-4">
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`${buttonClass} w-full bg-stone-800 hover:bg-stone-900`}
              onClick={() => signIn(p.id, { callbackUrl })}
            >
              Sign in with {p.name}
            </button>
          ))}
        </div>
      )}
    </form>
  );
}
