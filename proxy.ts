import { NextResponse, type NextRequest } from "next/server";

/**
 * An address whose path cannot be decoded (`/read/%FF`: not UTF-8) or decodes to a NUL names
 * nothing that can exist. Next would answer it with a bare 500 before any page or handler ran,
 * so it is answered here: a 404, as JSON for the API and the designed not-found page otherwise.
 * Everything else passes untouched (pages stay static; this adds no headers and reads no cookies).
 */
export function proxy(request: NextRequest) {
  if (decodablePath(request.nextUrl.pathname)) return NextResponse.next();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      {
        error: {
          code: "not_found",
          message: "Nothing is at this address: it has characters that no id or slug contains.",
        },
      },
      { status: 404 },
    );
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

// Only addresses with a percent sign in the path: our ids and slugs never need one, and Next
// buffers the body of every request its proxy sees (up to 10 MB, then silently cut), which would
// undo the import route's own streamed size limit and truncate large imports.
export const config = { matcher: "/(.*%.*)" };
