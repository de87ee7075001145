-- Hash chain over the audit trail: each entry stores the SHA-256 hash of the entry before it and its
-- own hash over its stored fields and that previous hash, as lower-case hex.
-- One statement, because H2 rewrites the table for each ALTER TABLE that adds columns.
ALTER TABLE audit_entry ADD (previous_hash VARCHAR(64), entry_hash VARCHAR(64));

-- The last entry written before the chain existed. PatchDesk chains the entries up to it in Java at
-- the first open after this migration (SQL cannot compute a hash over the previous row's hash fast
-- enough for hundreds of thousands of rows), then deletes this row. An entry without a hash that is
-- not listed here was added outside PatchDesk.
CREATE TABLE audit_chain_migration (
    chain_through_id BIGINT NOT NULL
);

INSERT INTO audit_chain_migration (chain_through_id)
SELECT MAX(id) FROM audit_entry HAVING COUNT(*) > 0;
