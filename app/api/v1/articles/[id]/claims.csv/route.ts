import { requireApiActor } from "@/lib/auth/require-api-actor";
import { route } from "@/lib/http";
import { exportClaimsCsv } from "@/lib/services/exports/export-claims-csv";

type Context = { params: Promise<{ id: string }> };

export const GET = route<Context>(async (request, { params }) => {
  const actor = await requireApiActor(request);
  const { id } = await params;
  const { csv } = await exportClaimsCsv({ actor, articleId: id });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="claims-${id.replace(/[^A-Za-z0-9_-]/g, "")}.csv"`,
    },
  });
});
