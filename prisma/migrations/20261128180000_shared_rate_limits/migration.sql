-- Sign-in rate-limit counters shared by every app instance (lib/auth/rate-limit-store.ts).
-- The layout is rate-limiter-flexible's RateLimiterPostgres table (key, points, expire in epoch
-- milliseconds, in this column order), created here so the app needs no DDL rights at run time;
-- `key` is text rather than its varchar(255) because an email and a client address together can be longer.
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");
