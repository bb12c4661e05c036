import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { can, type Actor } from "@/lib/auth/policies";

export function AppHeader({ actor }: { actor: Actor | null }) {
  const links = actor
    ? [
        { href: "/articles", label: "Articles", show: can(actor, "workbench:read") },
        { href: "/sources", label: "Sources", show: can(actor, "workbench:read") },
        { href: "/review", label: "Review queue", show: can(actor, "review:read") },
        { href: "/mentions", label: "Mentions", show: can(actor, "workbench:read") },
        { href: "/admin/users", label: "Users", show: can(actor, "user:manage") },
        { href: "/admin/verdicts", label: "Verdicts", show: can(actor, "verdict:manage") },
        { href: "/settings/tokens", label: "API tokens", show: can(actor, "token:manage") },
      ].filter((l) => l.show)
    : [];
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
        <Link href={actor ? "/articles" : "/"} className="text-lg font-bold tracking-tight">
          Sourcemark
        </Link>
        <nav aria-label="Main" className="flex flex-wrap gap-3 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="rounded px-2 py-1 hover:bg-stone-100">
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {actor ? (
            <>
              <span>
                {actor.name} <span className="text-stone-600">({actor.role})</span>
              </span>
              <SignOutButton />
            </>
          ) : (
            <Link href="/signin" className="underline">
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
