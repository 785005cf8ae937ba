-- Periodic work that runs once per period across all instances sharing the database (issue 17):
-- housekeeping, scheduled backups, the restore drill (platform/jobs/cluster_schedule.hpp). An
-- instance claims a due period with a conditional UPDATE that sets the lease; the others find the
-- lease held (or the period not yet due) and skip. A runner that dies leaves its lease to expire.
CREATE TABLE periodic_runs (
  name             TEXT COLLATE "C" PRIMARY KEY,
  due_at           TEXT COLLATE "C" NOT NULL,
  lease_owner      TEXT COLLATE "C",
  lease_until      TEXT COLLATE "C",
  last_run_at      TEXT COLLATE "C",
  last_duration_ms BIGINT
);
