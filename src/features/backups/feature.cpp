#include "features/backups/feature.hpp"

#include <cmath>
#include <limits>

#include "platform/backup/backup.hpp"
#include "platform/jobs/cluster_schedule.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"

namespace vigor::features::backups {

namespace {

namespace backup = platform::backup;
using Clock = std::chrono::system_clock;

// After a failed backup, the next try waits this long (or the interval, if shorter), not a whole
// interval: a transient failure (disk briefly full, PostgreSQL restarting) is retried soon.
constexpr std::chrono::minutes kRetryAfterFailure{15};

}  // namespace

BackupsFeature::BackupsFeature(platform::FeatureContext& context, std::string vigor_version,
                               platform::jobs::ClusterSchedule& schedule)
    : config_(context.config),
      logger_(context.logger),
      schedule_(schedule),
      vigor_version_(std::move(vigor_version)),
      schedule_started_(Clock::now()) {
  if (!enabled()) return;
  auto& metrics = context.metrics;
  metrics.GaugeCallback(
      "vigor_backup_newest_good_age_seconds",
      "Seconds since the newest finished scheduled backup was taken; +Inf while there is none.",
      [this] {
        std::lock_guard lock(mutex_);
        if (!newest_good_) return std::numeric_limits<double>::infinity();
        return std::chrono::duration<double>(Clock::now() - *newest_good_).count();
      });
  drill_ok_ = &metrics.Gauge("vigor_backup_drill_ok",
                             "1 when the last restore drill (vigor backup verify) passed, 0 when "
                             "it failed; absent before the first drill.",
                             {});
  drill_time_ = &metrics.Gauge("vigor_backup_drill_last_run_timestamp_seconds",
                               "When the last restore drill ran (Unix time).", {});
  runs_ = &metrics.Counter("vigor_backups_total",
                           "Scheduled backups attempted, by result (ok, failed).", {"result"});
  poller_ = std::make_unique<platform::jobs::Poller>(
      "backups", std::chrono::duration_cast<std::chrono::milliseconds>(kPollEvery),
      [this] { Round(); }, logger_);
}

BackupsFeature::~BackupsFeature() { Stop(); }

void BackupsFeature::Start() {
  if (!poller_) return;
  // Backups already there count: a restart does not take a new one at once.
  auto existing = backup::ListBackups(config_.backup_dir);
  if (!existing.empty()) {
    std::lock_guard lock(mutex_);
    newest_good_ = existing.back().taken;
  }
  poller_->Start();
  poller_->Notify();  // the first round now: a new instance gets its first backup at once
}

void BackupsFeature::Stop() {
  if (poller_) poller_->Stop();
}

void BackupsFeature::Round() {
  auto now = Clock::now();
  auto interval = std::chrono::minutes(config_.backup_interval_minutes);
  std::optional<Clock::time_point> newest;
  {
    std::lock_guard lock(mutex_);
    newest = newest_good_;
  }
  bool due = !newest || now - *newest >= interval;
  bool retry_wait = last_attempt_ &&
                    now - *last_attempt_ < std::min<Clock::duration>(interval, kRetryAfterFailure);
  if (due && !retry_wait) {
    // Once per interval across the instances: the one that claims the period takes it.
    bool ran_here = schedule_.RunIfDueThen(
        "backup", [&] { return TakeBackup(now); }, now);
    if (!ran_here) {
      // Another instance took it (or is taking it): a shared backup directory shows it.
      auto existing = backup::ListBackups(config_.backup_dir);
      std::lock_guard lock(mutex_);
      if (!existing.empty()) newest_good_ = existing.back().taken;
    }
  }

  if (config_.backup_verify_interval_minutes <= 0 || poller_->stopping()) return;
  auto drill_every = std::chrono::minutes(config_.backup_verify_interval_minutes);
  if (last_drill_ && now - *last_drill_ < drill_every) return;
  if (backup::ListBackups(config_.backup_dir).empty()) return;
  if (!schedule_.RunIfDue(
          "backup_drill", drill_every, [&] { Drill(now); }, now)) {
    last_drill_ = now;  // another instance drills this period
  }
}

std::chrono::milliseconds BackupsFeature::TakeBackup(Clock::time_point now) {
  auto interval = std::chrono::minutes(config_.backup_interval_minutes);
  last_attempt_ = now;
  try {
    auto key = backup::BackupKey::LoadOrCreate(config_.backup_key_path());
    auto taken = backup::TakeBackup(config_, config_.backup_dir, key, vigor_version_);
    {
      std::lock_guard lock(mutex_);
      newest_good_ = taken.taken;
    }
    runs_->Inc({"ok"});
    logger_.Info("backup taken", {{"backup", taken.dir.string()}});
    for (const auto& gone : backup::ApplyRetention(
             config_.backup_dir,
             {.daily = config_.backup_keep_daily, .weekly = config_.backup_keep_weekly})) {
      logger_.Info("backup removed by the retention", {{"backup", gone.dir.string()}});
    }
    return interval;
  } catch (const std::exception& e) {
    runs_->Inc({"failed"});
    logger_.Error("backup failed", {{"error", std::string_view(e.what())}});
    // A transient failure is retried soon, by whichever instance asks first.
    return std::min<std::chrono::milliseconds>(interval, kRetryAfterFailure);
  }
}

void BackupsFeature::Drill(Clock::time_point now) {
  auto backups = backup::ListBackups(config_.backup_dir);
  if (backups.empty()) return;
  last_drill_ = now;
  drill_time_->Set(
      {}, static_cast<double>(
              std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count()));
  try {
    auto key = backup::BackupKey::Load(config_.backup_key_path());
    auto summary = backup::VerifyBackup(config_, backups.back().dir, key);
    drill_ok_->Set({}, 1);
    logger_.Info("backup drill passed", {{"result", summary}});
  } catch (const std::exception& e) {
    drill_ok_->Set({}, 0);
    logger_.Error("backup drill failed",
                  {{"backup", backups.back().dir.string()}, {"error", std::string_view(e.what())}});
  }
}

}  // namespace vigor::features::backups
