#include "features/body/measurement_repository.hpp"

#include "features/social/privacy_sql.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::body {

namespace {
using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_MEASUREMENT_COLUMNS \
  "id, kind, day, value, unit, notes, created_at, updated_at, rev, visibility"

// A deleted row of the same day comes back as new: created now, not deleted.
constexpr Statement kUpsert{
    "measurements.upsert",
    "INSERT INTO measurements (id, user_id, kind, day, value, unit, notes, created_at, "
    "updated_at, rev, visibility) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10) "
    "ON CONFLICT (user_id, kind, day) DO UPDATE SET value = excluded.value, "
    "visibility = excluded.visibility, "
    "unit = excluded.unit, notes = excluded.notes, updated_at = excluded.updated_at, "
    "rev = excluded.rev, created_at = CASE WHEN measurements.deleted_at IS NULL "
    "THEN measurements.created_at ELSE excluded.created_at END, deleted_at = NULL"};
constexpr Statement kByDay{"measurements.by_day",
                           "SELECT " VIGOR_MEASUREMENT_COLUMNS
                           ", deleted_at FROM measurements WHERE user_id = $1 AND kind = $2 AND "
                           "day = $3"};
constexpr Statement kList{
    "measurements.list",
    "SELECT " VIGOR_MEASUREMENT_COLUMNS
    " FROM measurements WHERE user_id = $1 AND kind = $2 AND deleted_at IS NULL "
    "AND ($3 IS NULL OR day >= $3) AND ($4 IS NULL OR day <= $4) ORDER BY day",
    // PostgreSQL cannot tell the type of a parameter from "$3 IS NULL" alone.
    "SELECT " VIGOR_MEASUREMENT_COLUMNS
    " FROM measurements WHERE user_id = $1 AND kind = $2 AND deleted_at IS NULL "
    "AND ($3::text IS NULL OR day >= $3) AND ($4::text IS NULL OR day <= $4) ORDER BY day"};
constexpr Statement kKinds{
    "measurements.kinds",
    "SELECT kind, unit, entries, day, value FROM (SELECT kind, unit, day, value, "
    "COUNT(*) OVER (PARTITION BY kind) AS entries, "
    "ROW_NUMBER() OVER (PARTITION BY kind ORDER BY day DESC) AS newest "
    "FROM measurements WHERE user_id = $1 AND deleted_at IS NULL) AS live "
    "WHERE newest = 1 ORDER BY kind"};
constexpr Statement kTombstone{"measurements.tombstone",
                               "UPDATE measurements SET deleted_at = $3, updated_at = $3, "
                               "rev = $4 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};

// One user's live entries ($2) another user ($1; NULL: anonymous) may see, newest first from
// the cursor ($3/$4), of one kind when $5 names one.
constexpr Statement kListVisibleTo{
    "measurements.list_visible_to",
    "SELECT " VIGOR_MEASUREMENT_COLUMNS
    " FROM measurements m WHERE m.user_id = $2 AND m.deleted_at IS NULL "
    "AND ($5 IS NULL OR m.kind = $5) AND (m.day, m.id) < ($3, $4) AND " VIGOR_PRIVACY_VISIBLE_TO(
        "$1", "m.user_id", "m.visibility", "'measurement'",
        "m.id") " ORDER BY m.day DESC, m.id DESC LIMIT $6",
    "SELECT " VIGOR_MEASUREMENT_COLUMNS
    " FROM measurements m WHERE m.user_id = $2 AND m.deleted_at IS NULL "
    "AND ($5::text IS NULL OR m.kind = $5) AND (m.day, m.id) < ($3::text, $4::text) "
    "AND " VIGOR_PRIVACY_VISIBLE_TO("$1::text", "m.user_id", "m.visibility", "'measurement'",
                                    "m.id") " ORDER BY m.day DESC, m.id DESC LIMIT $6"};
// The next entries a bulk change of visibility gives $2 to, days $3..$4 when given.
constexpr Statement kToChange{
    "measurements.visibility_to_change",
    "SELECT id FROM measurements WHERE user_id = $1 AND deleted_at IS NULL AND visibility <> $2 "
    "AND ($3 IS NULL OR day >= $3) AND ($4 IS NULL OR day <= $4) ORDER BY day, id LIMIT $5",
    "SELECT id FROM measurements WHERE user_id = $1 AND deleted_at IS NULL AND visibility <> $2 "
    "AND ($3::text IS NULL OR day >= $3) AND ($4::text IS NULL OR day <= $4) "
    "ORDER BY day, id LIMIT $5"};
// A bulk change of visibility: one entry at a time, a new rev only when it changes.
constexpr Statement kSetVisibility{
    "measurements.set_visibility",
    "UPDATE measurements SET visibility = $3, updated_at = $4, rev = $5 "
    "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL AND visibility <> $3"};

// Notes stored before they were sealed, a batch of them, and the compare-and-swap that seals one
// unless the owner changed it since.
constexpr Statement kPlainNotes{
    "measurements.plain_notes",
    "SELECT user_id, id, notes FROM measurements WHERE notes IS NOT NULL "
    "AND substr(notes, 1, 3) NOT IN ('v1.', 'v2.') LIMIT $1"};
constexpr Statement kSealNote{"measurements.seal_note",
                              "UPDATE measurements SET notes = $3 WHERE user_id = $1 AND id = $2 "
                              "AND notes = $4"};

#undef VIGOR_MEASUREMENT_COLUMNS
}  // namespace

Measurement MeasurementRepository::FromRow(const Row& r) const {
  Measurement m;
  m.id = r.Text("id");
  m.kind = r.Text("kind");
  m.day = r.Text("day");
  m.value = r.Real("value");
  m.unit = r.Text("unit");
  m.notes = r.OptText("notes");
  if (m.notes && platform::crypto::SecretBox::KeyIdOf(*m.notes)) {
    // Not opened: a note from before notes were sealed that merely starts like a sealed value
    // (they are left as they are), shown as written.
    if (auto opened = secrets_.Open(*m.notes)) m.notes = std::move(*opened);
  }
  m.created_at = r.Text("created_at");
  m.updated_at = r.Text("updated_at");
  m.rev = r.Int("rev");
  m.visibility = r.Text("visibility");
  return m;
}

Measurement MeasurementRepository::Upsert(Session& s, const std::string& user_id,
                                          const Measurement& m) {
  std::optional<std::string> sealed;
  if (m.notes) sealed = secrets_.Seal(*m.notes);
  s.Execute(kUpsert, m.id, user_id, m.kind, m.day, m.value, m.unit, sealed, m.updated_at,
            NextRevision(s, user_id), m.visibility);
  return FromRow(*s.QueryOne(kByDay, user_id, m.kind, m.day));
}

std::optional<Measurement> MeasurementRepository::FindByDay(Session& s, const std::string& user_id,
                                                            const std::string& kind,
                                                            const std::string& day) {
  auto row = s.QueryOne(kByDay, user_id, kind, day);
  if (!row || row->OptText("deleted_at")) return std::nullopt;
  return FromRow(*row);
}

std::vector<Measurement> MeasurementRepository::ListVisibleTo(
    Session& s, const std::string& owner_id, const std::optional<std::string>& viewer_id,
    const std::optional<std::string>& kind, const std::string& after_day,
    const std::string& after_id, int limit) {
  std::vector<Measurement> items;
  for (const auto& r :
       s.Query(kListVisibleTo, viewer_id, owner_id, after_day, after_id, kind, limit)) {
    items.push_back(FromRow(r));
  }
  return items;
}

std::vector<std::string> MeasurementRepository::IdsToChange(Session& s, const std::string& user_id,
                                                            const std::string& visibility,
                                                            const std::optional<std::string>& from,
                                                            const std::optional<std::string>& to,
                                                            int limit) {
  std::vector<std::string> ids;
  for (const auto& r : s.Query(kToChange, user_id, visibility, from, to, limit)) {
    ids.push_back(r.Text("id"));
  }
  return ids;
}

bool MeasurementRepository::SetVisibility(Session& s, const std::string& user_id,
                                          const std::string& id, const std::string& visibility,
                                          const std::string& now) {
  return s.Execute(kSetVisibility, id, user_id, visibility, now, NextRevision(s, user_id)) == 1;
}

std::vector<Measurement> MeasurementRepository::List(Session& s, const std::string& user_id,
                                                     const MeasurementFilter& filter) {
  std::vector<Measurement> items;
  for (const auto& r : s.Query(kList, user_id, filter.kind, filter.from, filter.to)) {
    items.push_back(FromRow(r));
  }
  return items;
}

std::vector<MeasurementKindSummary> MeasurementRepository::Kinds(Session& s,
                                                                 const std::string& user_id) {
  std::vector<MeasurementKindSummary> kinds;
  for (const auto& r : s.Query(kKinds, user_id)) {
    kinds.push_back({.kind = r.Text("kind"),
                     .unit = r.Text("unit"),
                     .entries = r.Int("entries"),
                     .latest_day = r.Text("day"),
                     .latest_value = r.Real("value")});
  }
  return kinds;
}

bool MeasurementRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                      const std::string& now) {
  return s.Execute(kTombstone, id, user_id, now, NextRevision(s, user_id)) == 1;
}

namespace {
constexpr Statement kLatestBefore{
    "measurements.latest_before",
    "SELECT id, kind, day, value, unit, notes, created_at, updated_at, rev, visibility "
    "FROM measurements WHERE user_id = $1 AND kind = $2 AND deleted_at IS NULL AND day < $3 "
    "ORDER BY day DESC LIMIT 1"};
}  // namespace

std::optional<Measurement> MeasurementRepository::LatestBefore(Session& s,
                                                               const std::string& user_id,
                                                               const std::string& kind,
                                                               const std::string& day) {
  auto row = s.QueryOne(kLatestBefore, user_id, kind, day);
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::int64_t MeasurementRepository::SealPlainNotes(Session& s, int limit) {
  std::int64_t sealed = 0;
  for (const auto& row : s.Query(kPlainNotes, limit)) {
    const std::string& notes = row.Text("notes");
    sealed +=
        s.Execute(kSealNote, row.Text("user_id"), row.Text("id"), secrets_.Seal(notes), notes);
  }
  return sealed;
}

}  // namespace vigor::features::body
