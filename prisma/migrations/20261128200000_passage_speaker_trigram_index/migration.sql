-- Passage search's speaker filter is `speaker ILIKE '%name%'` (filterSql, lib/services/search/search-db.ts):
-- part of the name, any case. Without an index it is checked on every passage that holds the
-- query's words, which at 1,000,000 passages was most of a filtered search's time (340 ms for
-- one common word). A trigram index answers ILIKE for patterns of three characters or more, and
-- the planner combines it with the tsvector index; speakers are short, so the index is small.
-- pg_trgm was created by the init migration.
CREATE INDEX "passages_speaker_trgm_idx" ON "passages" USING GIN ("speaker" gin_trgm_ops);
