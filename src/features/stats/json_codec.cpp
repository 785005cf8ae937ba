#include "features/stats/json_codec.hpp"

#include <boost/json/array.hpp>
#include <string>

namespace vigor::features::stats {

namespace {

void PutRange(boost::json::object& o, const core::DayRange& range) {
  o["from"] = core::FormatDay(range.first);
  o["to"] = core::FormatDay(range.last);
}

}  // namespace

boost::json::object EncodeStatsTotals(const StatsTotals& t) {
  return {{"start", core::FormatDay(t.start)},
          {"end", core::FormatDay(t.end)},
          {"sessions", t.sessions},
          {"duration_s", t.duration_s},
          {"distance_m", t.distance_m},
          {"elevation_gain_m", t.elevation_gain_m},
          {"volume_kg", t.volume_kg},
          {"sets", t.sets},
          {"load", t.load}};
}

boost::json::object EncodeStatsSummary(const StatsSummary& summary) {
  boost::json::object o;
  o["period"] = std::string(core::PeriodName(summary.period));
  o["week_start"] = std::string(core::WeekStartName(summary.week_start));
  PutRange(o, summary.range);
  boost::json::array items;
  for (const auto& t : summary.items) items.push_back(EncodeStatsTotals(t));
  o["items"] = std::move(items);
  return o;
}

boost::json::object EncodeMuscleStats(const MuscleStats& muscles) {
  boost::json::object o;
  PutRange(o, muscles.range);
  boost::json::array items;
  for (const auto& m : muscles.items) {
    items.push_back(
        boost::json::object{{"muscle", m.muscle}, {"sets", m.sets}, {"volume_kg", m.volume_kg}});
  }
  o["items"] = std::move(items);
  return o;
}

boost::json::object EncodeTrainingCalendar(const TrainingCalendar& calendar) {
  boost::json::object o;
  PutRange(o, calendar.range);
  boost::json::array days;
  for (const auto& d : calendar.days) {
    days.push_back(boost::json::object{{"day", core::FormatDay(d.day)},
                                       {"sessions", d.sessions},
                                       {"duration_s", d.duration_s},
                                       {"load", d.load}});
  }
  o["days"] = std::move(days);
  o["streaks"] = boost::json::object{{"current_days", calendar.streaks.current_days},
                                     {"longest_days", calendar.streaks.longest_days},
                                     {"current_weeks", calendar.streaks.current_weeks},
                                     {"longest_weeks", calendar.streaks.longest_weeks}};
  return o;
}

boost::json::object EncodeTrainingLoad(const TrainingLoad& load) {
  boost::json::object o;
  PutRange(o, load.range);
  boost::json::array items;
  for (const auto& i : load.items) {
    items.push_back(boost::json::object{
        {"day", core::FormatDay(i.day)},
        {"load", i.load},
        {"acute", i.acute},
        {"chronic", i.chronic},
        {"ratio", i.ratio ? boost::json::value(*i.ratio) : boost::json::value(nullptr)},
        {"fitness", i.fitness},
        {"fatigue", i.fatigue},
        {"form", i.form}});
  }
  o["items"] = std::move(items);
  return o;
}

boost::json::object EncodeBodyWeightTrend(const BodyWeightTrend& trend) {
  boost::json::object o;
  PutRange(o, trend.range);
  boost::json::array items;
  for (const auto& p : trend.items) {
    items.push_back(boost::json::object{
        {"day", core::FormatDay(p.day)}, {"weight_kg", p.weight_kg}, {"trend_kg", p.trend_kg}});
  }
  o["items"] = std::move(items);
  return o;
}

}  // namespace vigor::features::stats
