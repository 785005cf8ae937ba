#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/body/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::crypto {
class SecretBox;
}

namespace vigor::features::body {

// The SQL of body measurements: one row per user, kind and day. Every method takes the owner.
// Notes are health notes: stored sealed with the instance keys (registered in SealedColumns), so
// they are written and read here, where the rows are.
class MeasurementRepository {
 public:
  using Session = platform::store::Session;

  explicit MeasurementRepository(const platform::crypto::SecretBox& secrets) : secrets_(secrets) {}

  // `rev` is the user's change sequence in measurements, as for workouts.

  // Records `m` for its kind and day, replacing (and keeping the id of) the value already there,
  // or bringing a deleted one back. Returns what is stored now.
  Measurement Upsert(Session& s, const std::string& user_id, const Measurement& m);
  // The user's live entry of that kind and day.
  std::optional<Measurement> FindByDay(Session& s, const std::string& user_id,
                                       const std::string& kind, const std::string& day);
  // The owner's live entries `viewer_id` (nullopt: anonymous) may see by the privacy policy
  // (privacy_sql.hpp), newest first (day, then id), before (after_day, after_id) ("~", "" for
  // the first page), of `kind` when given.
  std::vector<Measurement> ListVisibleTo(Session& s, const std::string& owner_id,
                                         const std::optional<std::string>& viewer_id,
                                         const std::optional<std::string>& kind,
                                         const std::string& after_day, const std::string& after_id,
                                         int limit);
  // The ids of the user's live entries on the days from..to (when given) whose visibility is not
  // `visibility`, oldest first, at most `limit`.
  std::vector<std::string> IdsToChange(Session& s, const std::string& user_id,
                                       const std::string& visibility,
                                       const std::optional<std::string>& from,
                                       const std::optional<std::string>& to, int limit);
  // Gives the user's live entry another visibility (a new rev); false when there is none or it
  // has that visibility already.
  bool SetVisibility(Session& s, const std::string& user_id, const std::string& id,
                     const std::string& visibility, const std::string& now);
  // Live values of one kind, oldest day first.
  std::vector<Measurement> List(Session& s, const std::string& user_id,
                                const MeasurementFilter& filter);
  // The kinds with live values, by name: each with the latest day's unit and value and the
  // number of live values. One statement, however many kinds.
  std::vector<MeasurementKindSummary> Kinds(Session& s, const std::string& user_id);
  // Leaves a tombstone; false when the user has no live measurement of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);
  // The live value of a kind on the latest day before `day` (what goals start a period from).
  std::optional<Measurement> LatestBefore(Session& s, const std::string& user_id,
                                          const std::string& kind, const std::string& day);

  // Seals at most `limit` notes written before notes were sealed (any user's: housekeeping);
  // returns how many. The value is the same, so neither rev nor updated_at changes.
  std::int64_t SealPlainNotes(Session& s, int limit);

 private:
  Measurement FromRow(const platform::store::Row& r) const;

  const platform::crypto::SecretBox& secrets_;
};

}  // namespace vigor::features::body
