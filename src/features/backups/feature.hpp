#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "platform/config/config.hpp"
#include "platform/feature.hpp"
#include "platform/jobs/poller.hpp"

namespace vigor::platform::obs {
class GaugeFamily;
class CounterFamily;
}  // namespace vigor::platform::obs

namespace vigor::platform::jobs {
class ClusterSchedule;
}

namespace vigor::features::backups {

// Scheduled backups inside vigor serve (issue 15), on only when --backup-dir is set: a backup
// when the newest finished one is older than the interval (at once when there is none), then
// the retention; a restore drill of the newest backup when the last one is older than its
// interval. Metrics: the age of the newest good backup and the drill's result.
//
// With several instances on one database, the backup and the drill each run once per interval
// across them (jobs::ClusterSchedule, names "backup" and "backup_drill"): the instance that claims
// the due period runs it, the others skip. Give them one shared --backup-dir (the others then
// see the new backup in their age metric); with separate ones, each holds the backups it took.
class BackupsFeature final : public platform::Feature {
 public:
  static constexpr std::chrono::seconds kPollEvery{30};

  BackupsFeature(platform::FeatureContext& context, std::string vigor_version,
                 platform::jobs::ClusterSchedule& schedule);
  ~BackupsFeature() override;

  void Start() override;
  void Stop() override;

 private:
  void Round();
  bool enabled() const { return !config_.backup_dir.empty(); }

  // The backup itself; returns when the next one is due (sooner after a failure).
  std::chrono::milliseconds TakeBackup(std::chrono::system_clock::time_point now);
  void Drill(std::chrono::system_clock::time_point now);

  const platform::config::Config& config_;
  platform::obs::Logger& logger_;
  platform::jobs::ClusterSchedule& schedule_;
  std::string vigor_version_;
  platform::obs::GaugeFamily* drill_ok_ = nullptr;
  platform::obs::GaugeFamily* drill_time_ = nullptr;
  platform::obs::CounterFamily* runs_ = nullptr;
  std::chrono::system_clock::time_point schedule_started_;
  std::mutex mutex_;
  std::optional<std::chrono::system_clock::time_point> newest_good_;  // guarded by mutex_
  std::optional<std::chrono::system_clock::time_point> last_attempt_;
  std::optional<std::chrono::system_clock::time_point> last_drill_;
  std::unique_ptr<platform::jobs::Poller> poller_;  // last: its thread stops first
};

}  // namespace vigor::features::backups
