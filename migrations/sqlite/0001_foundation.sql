-- Foundation: instance-wide settings and the durability probe.

CREATE TABLE instance_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Written only through /diagnostics/write-probe (off unless enabled): lets an operator, and the
-- crash test, check that every acknowledged write survives a crash.
CREATE TABLE write_probes (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
