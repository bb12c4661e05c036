import { NextResponse, type NextRequest } from "next/server";

/**
 * An address whose path cannot be decoded (`/read/%FF`: not UTF-8) or decodes to a NUL names
 * nothing that can exist. Next would answer it with a bare 500 before any page or handler ran,
 * so it is answered here: a 404, as JSON for the API and the designed not-found page otherwise.
 * Everything else passes untouched (pages stay static; this adds no headers and reads no cookies).
 */
export function proxy(request: NextRequest) {
  if (!request.nextUrl.pathname.includes("%") || decodablePath(request.nextUrl.pathname)) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "not_found", message: "Nothing is at this address: it has characters that no id or slug contains." } }, { status: 404 });
  }
  return NextResponse.rewrite(new URL("/_bad-address", request.url), { status: 404 });
}

function decodablePath(pathname: string): boolean {
  try {
    return !decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return false;
  }
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
