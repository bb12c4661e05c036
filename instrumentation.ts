// Runs once when the server starts (`next start` and `next dev`), before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientAddresses } = await import("@/lib/auth/stamp-client-address");
  stampClientAddresses();
}
