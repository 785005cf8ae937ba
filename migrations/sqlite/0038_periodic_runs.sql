-- Periodic work that runs once per period across all instances sharing the database (issue 17):
-- housekeeping, scheduled backups, the restore drill (platform/jobs/cluster_schedule.hpp). An
-- instance claims a due period with a conditional UPDATE that sets the lease; the others find the
-- lease held (or the period not yet due) and skip. A runner that dies leaves its lease to expire.
CREATE TABLE periodic_runs (
  name             TEXT PRIMARY KEY,
  due_at           TEXT NOT NULL,  -- RFC 3339 UTC: when the next period may run
  lease_owner      TEXT,           -- the instance running it now (NULL: nobody)
  lease_until      TEXT,           -- RFC 3339 UTC: the holder renews it while it runs
  last_run_at      TEXT,
  last_duration_ms INTEGER
) STRICT;
