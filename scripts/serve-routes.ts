// Turns a request path into the route pattern it matched ("/api/v1/articles/[id]"), so request
// latency is labelled by route, not by URL: a label per article id would grow without end.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { staticRoutes?: { page: string }[]; dynamicRoutes?: { page: string; regex: string }[] };

export type RouteLabeler = (pathname: string) => string;

export function routeLabeler(manifest: Manifest): RouteLabeler {
  const statics = new Set((manifest.staticRoutes ?? []).map((r) => r.page));
  const dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
    if (statics.has(trimmed)) return trimmed;
    return dynamics.find((d) => d.regex.test(trimmed))?.page ?? "unmatched";
  };
}

/** The labeler for a built app in `dir` (its .next/routes-manifest.json), or one that knows no routes. */
export function loadRouteLabeler(dir: string): RouteLabeler {
  const file = path.join(dir, ".next", "routes-manifest.json");
  return routeLabeler(existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Manifest) : {});
}
