-- Event outbox: what a user's open pages must hear about (import progress, later notifications)
-- is written here in the same transaction as the change it reports, so an event exists if and
-- only if its change committed. A dispatcher (platform/events/dispatcher.hpp) reads new rows
-- after commit and hands them to the in-process event bus; Server-Sent Events streams replay a
-- user's rows after a Last-Event-ID. Rows are purged by housekeeping after a few hours.

-- Each user's events are numbered 1, 2, 3... by this counter. Bumping it (an UPSERT) locks the
-- user's row until commit, so a user's numbers are in commit order and have no gaps: the
-- number is the SSE event id, and "after N" misses nothing.
CREATE TABLE event_sequences (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL
) STRICT;

CREATE TABLE event_outbox (
  -- Global order of writing (AUTOINCREMENT: never reused after a purge), for the dispatcher.
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,  -- the user's event number (event_sequences)
  kind       TEXT NOT NULL,     -- e.g. 'import.progress'
  payload    TEXT NOT NULL,     -- JSON
  created_at TEXT NOT NULL,
  UNIQUE (user_id, seq)
) STRICT;
CREATE INDEX event_outbox_created ON event_outbox (created_at);
