-- Integration API (/api/v1): clients with hashed bearer tokens bound to a role and its scope, a
-- per-client request counter per one-minute window (rate limit across instances), and stored first
-- answers of writes sent with an Idempotency-Key.
CREATE TABLE "api_clients" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "regency_code" VARCHAR(5),
    "bank_id" TEXT,
    "token_hash" VARCHAR(64) NOT NULL,
    "token_prefix" VARCHAR(16) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "revoked_by_id" TEXT,
    "rate_limit_per_minute" INTEGER NOT NULL DEFAULT 600,
    "last_used_at" TIMESTAMP(3),
    "last_used_ip" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "api_clients_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "api_clients_token_hash_key" ON "api_clients"("token_hash");
CREATE INDEX "api_clients_created_at_idx" ON "api_clients"("created_at");
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "api_rate_windows" (
    "client_id" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "api_rate_windows_pkey" PRIMARY KEY ("client_id","window_start")
);

CREATE TABLE "api_idempotency" (
    "client_id" TEXT NOT NULL,
    "key" VARCHAR(200) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_idempotency_pkey" PRIMARY KEY ("client_id","key")
);

CREATE INDEX "api_idempotency_created_at_idx" ON "api_idempotency"("created_at");
