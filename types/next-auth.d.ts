import "next-auth";

// Module augmentation needs an interface: a type alias cannot merge with next-auth's Session.
declare module "next-auth" {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}
