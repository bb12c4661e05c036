import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-bold">You do not have access to this page</h1>
      <p className="mt-2 text-stone-700">
        Your role does not include it. If you need it, ask an admin to change your role.
      </p>
      <Link href="/articles" className="mt-4 inline-block underline">
        Back to articles
      </Link>
    </main>
  );
}
