-- Sourcemark initial schema. Written by hand in the shape `prisma migrate dev` produces,
-- because the schema engine cannot be downloaded here; test/schema-drift.int.test.ts keeps it
-- in step with prisma/schema.prisma.

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'editor', 'reviewer');
CREATE TYPE "ArticleState" AS ENUM ('draft', 'in_review', 'published', 'unpublished');
CREATE TYPE "ClaimKind" AS ENUM ('quote', 'figure', 'date', 'attribution', 'other');
CREATE TYPE "ClaimState" AS ENUM ('draft', 'in_review', 'changes_requested', 'approved', 'rejected', 'stale');
CREATE TYPE "AnchorStatus" AS ENUM ('anchored', 'orphaned');
CREATE TYPE "QuoteCheck" AS ENUM ('verbatim', 'minor_differences', 'altered', 'not_found');
CREATE TYPE "SourceKind" AS ENUM ('memcon', 'telcon', 'transcript', 'press_remarks', 'interview', 'report', 'news_report', 'archive_description', 'other');
CREATE TYPE "EvidenceRelation" AS ENUM ('supports', 'contradicts', 'context');
CREATE TYPE "ReviewDecision" AS ENUM ('approve', 'request_changes', 'reject');

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'editor',
    "password_hash" TEXT,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "articles" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "byline" TEXT,
    "dateline" TEXT,
    "published_at" TIMESTAMPTZ(3),
    "canonical_url" TEXT,
    "body" JSONB NOT NULL,
    "body_text" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "state" "ArticleState" NOT NULL DEFAULT 'draft',
    "fact_check_published_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "verdicts" (
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "rating" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "verdicts_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "claims" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "kind" "ClaimKind" NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "speaker" TEXT,
    "verdict_key" TEXT,
    "rationale" TEXT NOT NULL DEFAULT '',
    "verdict_by_id" TEXT,
    "verdict_at" TIMESTAMPTZ(3),
    "quote_check" "QuoteCheck",
    "state" "ClaimState" NOT NULL DEFAULT 'draft',
    "anchor_status" "AnchorStatus" NOT NULL DEFAULT 'anchored',
    "stale_detail" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "claims_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "source_documents" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "primary" BOOLEAN NOT NULL DEFAULT false,
    "date" DATE,
    "place" TEXT,
    "participants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "collection" TEXT,
    "url" TEXT,
    "reliability_note" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "doc_version" INTEGER NOT NULL DEFAULT 1,
    "previous_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "source_documents_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "passages" (
    "id" TEXT NOT NULL,
    "document_id" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "speaker" TEXT,
    "text" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "search_text" TEXT NOT NULL DEFAULT '',
    -- Stemmed full-text vector: the speaker weighs less than the words spoken.
    "tsv" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, "search_text"), 'A') ||
        setweight(to_tsvector('simple'::regconfig, coalesce("speaker", '')), 'D')
    ) STORED,

    CONSTRAINT "passages_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "evidence" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "passage_id" TEXT NOT NULL,
    "relation" "EvidenceRelation" NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "suffix" TEXT NOT NULL DEFAULT '',
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote_check" "QuoteCheck",
    "note" TEXT NOT NULL DEFAULT '',
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "claim_id" TEXT,
    "author_id" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");
CREATE INDEX "articles_state_idx" ON "articles"("state");
CREATE INDEX "claims_article_id_start_idx" ON "claims"("article_id", "start");
CREATE INDEX "claims_state_idx" ON "claims"("state");
CREATE UNIQUE INDEX "source_documents_slug_key" ON "source_documents"("slug");
CREATE UNIQUE INDEX "source_documents_previous_id_key" ON "source_documents"("previous_id");
CREATE INDEX "source_documents_content_hash_idx" ON "source_documents"("content_hash");
CREATE UNIQUE INDEX "passages_document_id_ordinal_key" ON "passages"("document_id", "ordinal");
CREATE INDEX "evidence_claim_id_idx" ON "evidence"("claim_id");
CREATE INDEX "evidence_passage_id_idx" ON "evidence"("passage_id");
CREATE INDEX "reviews_claim_id_idx" ON "reviews"("claim_id");
CREATE INDEX "comments_article_id_idx" ON "comments"("article_id");
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- Search indexes Prisma cannot express: ranked full-text and trigram similarity.
CREATE INDEX "passages_tsv_idx" ON "passages" USING GIN ("tsv");
CREATE INDEX "passages_search_text_trgm_idx" ON "passages" USING GIN ("search_text" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_verdict_key_fkey" FOREIGN KEY ("verdict_key") REFERENCES "verdicts"("key") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_verdict_by_id_fkey" FOREIGN KEY ("verdict_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "claims" ADD CONSTRAINT "claims_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "source_documents" ADD CONSTRAINT "source_documents_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "source_documents"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "passages" ADD CONSTRAINT "passages_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "source_documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_passage_id_fkey" FOREIGN KEY ("passage_id") REFERENCES "passages"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: refuse UPDATE and DELETE whoever asks.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

-- The default verdict set (editable later; ClaimReview ratings 1 = false … 5 = accurate).
INSERT INTO "verdicts" ("key", "label", "description", "rating", "position") VALUES
  ('accurate', 'Accurate', 'The claim matches the sources.', 5, 1),
  ('accurate_needs_context', 'Accurate but needs context', 'True as stated, but a reader needs more to understand it.', 4, 2),
  ('misleading', 'Misleading', 'Partly true, presented in a way that leads to a false conclusion.', 2, 3),
  ('false', 'False', 'The sources contradict the claim.', 1, 4),
  ('unsupported', 'Unsupported', 'No source found supports the claim.', 3, 5),
  ('not_checkable', 'Not checkable (opinion)', 'An opinion or prediction that no source can settle.', 3, 6);
