import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (19 MiB, 2 passes: OWASP's minimum recommendation).
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so timing does not tell which emails exist.
    await hash(password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
