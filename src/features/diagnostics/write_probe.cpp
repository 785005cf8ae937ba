#include "features/diagnostics/write_probe.hpp"

#include <thread>

#include "platform/error.hpp"
#include "platform/time.hpp"

namespace vigor::features::diagnostics {

using platform::Error;
using platform::ErrorKind;
using platform::store::Session;
using platform::store::Statement;

namespace {
constexpr Statement kUpsert{"write_probe.upsert",
                            "INSERT INTO write_probes (key, value, updated_at) VALUES ($1, $2, $3) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                            "updated_at = excluded.updated_at"};
constexpr Statement kFind{"write_probe.find",
                          "SELECT key, value, updated_at FROM write_probes WHERE key = $1"};

bool IsValidKey(const std::string& key) {
  if (key.empty() || key.size() > 128) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}
}  // namespace

WriteProbe WriteProbeRepository::Upsert(Session& session, const std::string& key,
                                        const std::string& value, const std::string& now) {
  session.Execute(kUpsert, key, value, now);
  return WriteProbe{key, value, now};
}

std::optional<WriteProbe> WriteProbeRepository::Find(Session& session, const std::string& key) {
  auto row = session.QueryOne(kFind, key);
  if (!row) return std::nullopt;
  return WriteProbe{
      .key = row->Text("key"), .value = row->Text("value"), .updated_at = row->Text("updated_at")};
}

WriteProbe WriteProbeService::Put(const std::string& key, const std::string& value,
                                  std::chrono::milliseconds hold) {
  platform::FieldErrors errors;
  if (!IsValidKey(key)) errors.Add("key", Msg("probe_key_invalid"));
  if (hold < std::chrono::milliseconds(0) || hold > std::chrono::milliseconds(10'000)) {
    errors.Add("hold_ms", Msg("probe_hold_invalid"));
  }
  errors.ThrowIfAny();
  if (hold.count() > 0) std::this_thread::sleep_for(hold);
  return database_.WriteResult([&](Session& session) {
    return repository_.Upsert(session, key, value, platform::NowRfc3339());
  });
}

WriteProbe WriteProbeService::Get(const std::string& key) {
  if (!IsValidKey(key)) throw Error(ErrorKind::kNotFound, Msg("no_such_probe"));
  // Read the way the feed reads (from a replica when one is configured), so the probe also shows
  // that a write is seen at once through that path.
  auto probe = database_.ReadOnReplicaResult(
      [&](Session& session) { return repository_.Find(session, key); });
  if (!probe) throw Error(ErrorKind::kNotFound, Msg("no_such_probe"));
  return std::move(*probe);
}

}  // namespace vigor::features::diagnostics
