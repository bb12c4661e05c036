import { AppHeader } from "@/components/layout/app-header";
import { getActor } from "@/lib/auth/session";

// Every page below checks access itself (requireActor); this layout only draws the frame.
export default async function ReviewLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
