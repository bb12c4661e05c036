"use client";

import Link from "next/link";

export default function SourcesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-6">
      <h1 className="text-xl font-bold text-red-950">The sources could not be shown</h1>
      <p className="mt-2 text-sm text-red-900">Nothing was changed. Try again; if it keeps failing, tell an admin.</p>
      <div className="mt-4 flex gap-3">
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-blue-700 px-4 py-2 text-sm font-semibold text-white"
        >
          Try again
        </button>
        <Link href="/sources" className="rounded-md border border-stone-300 bg-white px-4 py-2 text-sm">
          Back to sources
        </Link>
      </div>
    </div>
  );
}
