-- Passage search finds the first matches of a common word newest source first by walking the
-- documents in date order and asking the index, for each, which of its passages hold the word
-- (tierSql in lib/services/search/search-sql.ts, docs/decisions/0013). With the tsvector alone
-- in the index, every such question decoded the word's whole posting list again and ANDed it
-- with the document's passages (BitmapAnd): 0.2-1.2 ms a document for a word in 1-3 % of
-- 100,000 passages. With the document id as the index's first column (btree_gin), one index
-- search intersects the two inside the index: 0.02-0.22 ms a document.
--
-- A multicolumn GIN index serves a condition on any subset of its columns as well as an index
-- on that subset alone (PostgreSQL's documentation, "Multicolumn Indexes"), so this index
-- replaces passages_tsv_idx for every other tsvector search. btree_gin ships with PostgreSQL
-- (contrib) and is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- IF NOT EXISTS / IF EXISTS: the build holds back writes to passages for its length (4 s at
-- 100,000 passages), so an operator of a large library may build the index first with
-- CREATE INDEX CONCURRENTLY under this name and drop the old one, and this migration then finds
-- the work done.
CREATE INDEX IF NOT EXISTS "passages_document_tsv_idx" ON "passages" USING GIN ("document_id", "tsv");

DROP INDEX IF EXISTS "passages_tsv_idx";
