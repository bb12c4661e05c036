-- Evidence, quote checks, review, comments with mentions, and published snapshots.
-- Written by hand (see README, "The database and Prisma offline").

-- AlterTable
ALTER TABLE "verdicts" ADD COLUMN "requires_rationale" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN "archived" BOOLEAN NOT NULL DEFAULT false;
UPDATE "verdicts" SET "requires_rationale" = false WHERE "key" = 'accurate';

ALTER TABLE "claims" ADD COLUMN "submitted_at" TIMESTAMPTZ(3),
ADD COLUMN "approved_by_id" TEXT,
ADD COLUMN "approved_at" TIMESTAMPTZ(3),
ADD COLUMN "approved_snapshot" JSONB,
ADD COLUMN "left_out" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "evidence" ADD COLUMN "quote_check_detail" JSONB;

ALTER TABLE "reviews" ADD COLUMN "snapshot" JSONB;

ALTER TABLE "comments" ADD COLUMN "mention_ids" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "article_snapshots" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "article_version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "body_text" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "published_by_id" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "article_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
DROP INDEX "claims_state_idx";
CREATE INDEX "claims_state_submitted_at_idx" ON "claims"("state", "submitted_at");
CREATE INDEX "comments_claim_id_idx" ON "comments"("claim_id");
CREATE UNIQUE INDEX "article_snapshots_article_id_number_key" ON "article_snapshots"("article_id", "number");
CREATE INDEX "article_snapshots_published_at_idx" ON "article_snapshots"("published_at");
-- "Threads that mention me": Prisma cannot express a GIN index on an array.
CREATE INDEX "comments_mention_ids_idx" ON "comments" USING GIN ("mention_ids");

-- AddForeignKey
ALTER TABLE "claims" ADD CONSTRAINT "claims_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "article_snapshots" ADD CONSTRAINT "article_snapshots_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "article_snapshots" ADD CONSTRAINT "article_snapshots_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Snapshots are what readers saw: never rewritten.
CREATE FUNCTION "article_snapshots_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'article_snapshots are immutable (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "article_snapshots_no_update" BEFORE UPDATE ON "article_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "article_snapshots_immutable"();
