#include "features/challenges/model.hpp"

#include <array>
#include <utility>

namespace vigor::features::challenges {

namespace {

constexpr std::array<std::pair<Metric, std::string_view>, 5> kMetrics{{
    {Metric::kDistance, "distance"},
    {Metric::kTime, "time"},
    {Metric::kSessions, "sessions"},
    {Metric::kVolume, "volume"},
    {Metric::kElevation, "elevation"},
}};
constexpr std::array<std::pair<Status, std::string_view>, 3> kStatuses{{
    {Status::kUpcoming, "upcoming"},
    {Status::kActive, "active"},
    {Status::kEnded, "ended"},
}};

}  // namespace

std::string_view MetricName(Metric metric) {
  for (const auto& [m, name] : kMetrics) {
    if (m == metric) return name;
  }
  return "distance";
}

std::optional<Metric> ParseMetric(std::string_view text) {
  for (const auto& [m, name] : kMetrics) {
    if (name == text) return m;
  }
  return std::nullopt;
}

std::string_view AccessName(Access access) {
  return access == Access::kInvite ? "invite" : "public";
}

std::optional<Access> ParseAccess(std::string_view text) {
  if (text == "public") return Access::kPublic;
  if (text == "invite") return Access::kInvite;
  return std::nullopt;
}

std::string_view StatusName(Status status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "upcoming";
}

std::optional<Status> ParseStatus(std::string_view text) {
  for (const auto& [s, name] : kStatuses) {
    if (name == text) return s;
  }
  return std::nullopt;
}

}  // namespace vigor::features::challenges
