import "server-only";
import type { ArticleState } from "@/lib/generated/prisma/client";

export type ArticleSummary = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  state: ArticleState;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  claimCount: number;
};

export type ArticleView = ArticleSummary & {
  dateline: string | null;
  canonicalUrl: string | null;
  body: unknown;
  bodyText: string;
  createdById: string;
};

type Row = {
  id: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  dateline: string | null;
  canonicalUrl: string | null;
  state: ArticleState;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
  body: unknown;
  bodyText: string;
  createdById: string;
  _count?: { claims: number };
};

export function presentArticleSummary(
  row: Omit<Row, "body" | "bodyText" | "dateline" | "canonicalUrl" | "createdById">,
): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    outlet: row.outlet,
    byline: row.byline,
    state: row.state,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    claimCount: row._count?.claims ?? 0,
  };
}

export function presentArticle(row: Row): ArticleView {
  return {
    ...presentArticleSummary(row),
    dateline: row.dateline,
    canonicalUrl: row.canonicalUrl,
    body: row.body,
    bodyText: row.bodyText,
    createdById: row.createdById,
  };
}
