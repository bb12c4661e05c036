// Walks app/ for every page and route handler, so a new route cannot escape the access tests.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** `path` has every dynamic segment replaced by "does-not-exist"; `pattern` keeps them as `[name]`. */
export type AppRoute = { kind: "page" | "api"; file: string; path: string; pattern: string; methods: string[] };

const APP = path.resolve(import.meta.dirname, "../app");

function urlPattern(dir: string): string {
  const segments = path
    .relative(APP, dir)
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const urlPath = (dir: string) => urlPattern(dir).replace(/\[[^\]]+\]/g, "does-not-exist");

export function appRoutes(dir = APP): AppRoute[] {
  const routes: AppRoute[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...appRoutes(full));
    else if (entry.name === "page.tsx")
      routes.push({ kind: "page", file: full, path: urlPath(dir), pattern: urlPattern(dir), methods: ["GET"] });
    else if (entry.name === "route.ts") {
      const source = readFileSync(full, "utf8");
      const methods = [
        ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1]!);
      const reexported = /export \{[^}]*\bas (GET|POST)/.test(source) ? ["GET", "POST"] : [];
      routes.push({
        kind: "api",
        file: full,
        path: urlPath(dir),
        pattern: urlPattern(dir),
        methods: [...new Set([...methods, ...reexported])],
      });
    }
  }
  return routes;
}

/** What a signed-out visitor may reach: sign-in, the public reader, next-auth and health. */
export const PUBLIC_PATHS = [
  /^\/$/,
  /^\/signin$/,
  /^\/read\//,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/api\/ready$/,
  /^\/api\/metrics$/,
  /^\/api\/openapi(\.json)?$/,
];
export const isPublic = (p: string) => PUBLIC_PATHS.some((re) => re.test(p));
