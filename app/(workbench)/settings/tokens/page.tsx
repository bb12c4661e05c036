import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";
import { cardClass } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/session";
import { listApiTokens } from "@/lib/services/api-tokens/list-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC"
    : "never";

export default async function TokensPage() {
  const actor = await requireActor("/settings/tokens");
  const tokens = await listApiTokens({ actor });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Personal API tokens</h1>
      <p className="max-w-2xl text-stone-700">
        Scripts use a token to call the{" "}
        <a className="underline" href="/api/openapi.json">
          Sourcemark API
        </a>{" "}
        as you, with your role. Only a hash is stored: a lost token cannot be shown again, only revoked.
      </p>
      <div className={cardClass}>
        <CreateTokenForm />
      </div>
      <section className={cardClass} aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="mb-2 text-lg font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-stone-700">You have no tokens.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-stone-200">
                  <th scope="col" className="p-2">
                    Name
                  </th>
                  <th scope="col" className="p-2">
                    Starts with
                  </th>
                  <th scope="col" className="p-2">
                    Created
                  </th>
                  <th scope="col" className="p-2">
                    Last used
                  </th>
                  <th scope="col" className="p-2">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-b border-stone-100">
                    <td className="p-2">{t.name}</td>
                    <td className="p-2 font-mono">{t.prefix}…</td>
                    <td className="p-2">{when(t.createdAt)}</td>
                    <td className="p-2">{when(t.lastUsedAt)}</td>
                    <td className="p-2">
                      {t.revokedAt ? `Revoked ${when(t.revokedAt)}` : <RevokeTokenButton id={t.id} name={t.name} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
