-- Foundation: instance-wide settings and the durability probe.
--
-- PostgreSQL translation of migrations/sqlite, same version numbers, tables and columns in the
-- same order. Types: TEXT -> TEXT, INTEGER -> BIGINT, REAL -> DOUBLE PRECISION, BLOB -> BYTEA;
-- timestamps stay RFC 3339 text in UTC, booleans BIGINT 0/1 with a CHECK.
-- Every TEXT column is COLLATE "C", because the code relies on SQLite's BINARY text: keyset
-- cursors and merges compare in byte order ('~' after every timestamp, "g" after every hex digit,
-- the catalogue merged with the user's exercises by name key), whatever collation the database
-- was created with. It also makes lower() fold ASCII letters only, exactly what SQLite's
-- COLLATE NOCASE does, so case-insensitive uniqueness and order (lower(name)) agree on both.
-- New migrations keep that: tests/process/schema_parity_test.py checks it.

CREATE TABLE instance_settings (
  key        TEXT COLLATE "C" PRIMARY KEY,
  value      TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL
);

-- Written only through /diagnostics/write-probe (off unless enabled): lets an operator, and the
-- crash test, check that every acknowledged write survives a crash.
CREATE TABLE write_probes (
  key        TEXT COLLATE "C" PRIMARY KEY,
  value      TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL
);
