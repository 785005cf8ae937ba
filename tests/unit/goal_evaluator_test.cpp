// The goal rules (periods, values, reached, on track, the sentence) with sources held in memory:
// every expected figure is worked out by hand in the comments.
#include "features/goals/goal_evaluator.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace vigor::features::goals {
namespace {

using core::Day;
using core::DayRange;
using platform::i18n::Language;
using platform::store::Session;

Day D(const char* text) { return *core::ParseDay(text); }

// The sources never touch the session.
class NoSession final : public Session {
 public:
  std::vector<platform::store::Row> QueryParams(const platform::store::Statement&,
                                                std::span<const platform::store::Value>) override {
    throw std::logic_error("no SQL in the evaluator");
  }
  std::int64_t ExecuteParams(const platform::store::Statement&,
                             std::span<const platform::store::Value>) override {
    throw std::logic_error("no SQL in the evaluator");
  }
  std::uint64_t statement_count() const override { return 0; }
};

// Values by day of one daily metric, the lifts and the measurements, recording what was asked.
struct InMemory {
  MetricSources::DayValues days;
  std::optional<double> lift;
  MetricSources::Measurements body;
  std::vector<std::string> asked;

  MetricSources Sources() {
    MetricSources s;
    s.daily_totals = [this](Session&, const std::string&, const std::string& metric,
                            const std::optional<std::string>& sport,
                            const std::optional<std::string>&, const std::optional<std::string>&,
                            const DayRange& range) {
      asked.push_back(metric + " " + sport.value_or("-") + " " + core::FormatDay(range.first) +
                      ".." + core::FormatDay(range.last));
      MetricSources::DayValues out;
      for (const auto& [day, value] : days) {
        if (range.contains(day)) out.emplace_back(day, value);
      }
      return out;
    };
    s.best_one_rep_max = [this](Session&, const std::string&, const std::string& exercise,
                                core::OneRepMaxFormula, const std::string& from,
                                const std::string& to) {
      asked.push_back("1rm " + exercise + " " + from + " " + to);
      return lift;
    };
    s.heaviest_for_reps = [this](Session&, const std::string&, const std::string& exercise,
                                 int reps, const std::string&, const std::string&) {
      asked.push_back("heaviest " + exercise + " " + std::to_string(reps));
      return lift;
    };
    s.measurements = [this](Session&, const std::string&, const std::string& kind,
                            const DayRange& range) {
      asked.push_back(kind + " " + core::FormatDay(range.first) + ".." +
                      core::FormatDay(range.last));
      return body;
    };
    return s;
  }
};

EvaluationContext Thursday3December(Language language = Language::kEnglish) {
  EvaluationContext ctx;
  ctx.today = D("2026-12-03");  // a Thursday
  ctx.time_zone = "Europe/Berlin";
  ctx.language = language;
  return ctx;
}

GoalInput WeeklyDistance() {
  GoalInput in;
  in.metric = Metric::kDistance;
  in.target = 20'000;
  in.period = GoalPeriod::kWeek;
  in.sport = "run";
  return in;
}

TEST(GoalEvaluatorTest, AWeeklySumCountsThisWeeksDaysUpToToday) {
  NoSession session;
  InMemory data;
  // The week from Monday 30 November: 5 km on Monday, 10 km on Wednesday; Sunday 29 November
  // was last week.
  data.days = {{D("2026-11-29"), 99'000}, {D("2026-11-30"), 5'000}, {D("2026-12-02"), 10'000}};
  auto ctx = Thursday3December();
  auto spec = WeeklyDistance();
  DayRange week = CurrentPeriod(spec, "2026-11-01", ctx.today, ctx.week_start);
  EXPECT_EQ(week, (DayRange{D("2026-11-30"), D("2026-12-06")}));
  auto e = Evaluate(session, data.Sources(), "u", spec, week, ctx);
  ASSERT_EQ(data.asked.size(), 1u);
  EXPECT_EQ(data.asked[0], "distance_m run 2026-11-30..2026-12-03");
  // 15 km after 4 days (Mon-Thu): 20 x 4 / 15 = 5.33 -> the 6th day, Saturday 5 December.
  EXPECT_EQ(e.value, 15'000);
  EXPECT_DOUBLE_EQ(e.fraction, 0.75);
  EXPECT_FALSE(e.reached);
  auto p = ProgressOf(spec, e, std::nullopt, ctx);
  EXPECT_EQ(p.period_start, "2026-11-30");
  EXPECT_EQ(p.period_end, "2026-12-06");
  EXPECT_EQ(p.on_track, true);
  EXPECT_EQ(p.projected_date, "2026-12-05");
  EXPECT_EQ(p.unit, "m");
  EXPECT_EQ(p.explanation, "At this pace you reach 20 km on 5 December.");
  auto german = ProgressOf(spec, e, std::nullopt, Thursday3December(Language::kGerman));
  EXPECT_EQ(german.explanation, "In diesem Tempo erreichst du 20 km am 5. Dezember.");
}

TEST(GoalEvaluatorTest, WeeksStartOnTheUsersDay) {
  auto ctx = Thursday3December();
  ctx.week_start = core::WeekStart::kSunday;
  // Thursday 3 December in a week from Sunday: 29 November to Saturday 5 December.
  EXPECT_EQ(CurrentPeriod(WeeklyDistance(), "2026-11-01", ctx.today, ctx.week_start),
            (DayRange{D("2026-11-29"), D("2026-12-05")}));
}

TEST(GoalEvaluatorTest, ABehindPaceSaysWhenTheTargetWouldBeReached) {
  NoSession session;
  InMemory data;
  // 2 sessions by Thursday, 7 wanted: 7 x 4 / 2 = 14 days, Sunday 13 December, after the 6th.
  data.days = {{D("2026-11-30"), 1}, {D("2026-12-01"), 1}};
  GoalInput spec;
  spec.metric = Metric::kSessions;
  spec.target = 7;
  auto ctx = Thursday3December();
  auto e = Evaluate(session, data.Sources(), "u", spec,
                    CurrentPeriod(spec, "", ctx.today, ctx.week_start), ctx);
  auto p = ProgressOf(spec, e, std::nullopt, ctx);
  EXPECT_EQ(p.on_track, false);
  EXPECT_EQ(p.projected_date, std::nullopt) << "only a day in time is shown";
  EXPECT_EQ(p.explanation, "At this pace you reach 7 sessions on 13 December, after 6 December.");
}

TEST(GoalEvaluatorTest, ALiftGoalIsTheBestOfThePeriodFromItsLocalStart) {
  NoSession session;
  InMemory data;
  data.lift = 102.5;
  GoalInput spec;
  spec.metric = Metric::kOneRepMax;
  spec.exercise_id = "barbell-back-squat";
  spec.target = 100;
  spec.period = GoalPeriod::kMonth;
  auto ctx = Thursday3December();
  auto e = Evaluate(session, data.Sources(), "u", spec,
                    CurrentPeriod(spec, "", ctx.today, ctx.week_start), ctx);
  // December in Berlin (UTC+1 in winter) starts at 30 November 23:00Z; up to the end of today,
  // the start of 4 December, 3 December 23:00Z.
  ASSERT_EQ(data.asked.size(), 1u);
  EXPECT_EQ(data.asked[0],
            "1rm barbell-back-squat 2026-11-30T23:00:00.000Z 2026-12-03T23:00:00.000Z");
  EXPECT_TRUE(e.reached);
  EXPECT_DOUBLE_EQ(e.fraction, 1.025);
  auto p = ProgressOf(spec, e, std::string("2026-12-02T18:00:00.000Z"), ctx);
  EXPECT_EQ(p.reached_at, "2026-12-02T18:00:00.000Z");
  EXPECT_EQ(p.explanation, "Reached: 102.5 kg of 100 kg.");
  // Nothing lifted yet: no value, no pace.
  data.lift.reset();
  auto none = Evaluate(session, data.Sources(), "u", spec, e.period, ctx);
  EXPECT_FALSE(none.value);
  EXPECT_EQ(none.projection.on_track, std::nullopt);
  EXPECT_EQ(ProgressOf(spec, none, std::nullopt, ctx).explanation,
            "Nothing counted yet; the target is 100 kg by 31 December.");
}

TEST(GoalEvaluatorTest, ALosingWeightGoalCountsFromTheValueBeforeIt) {
  NoSession session;
  InMemory data;
  data.body.before = std::pair{D("2026-10-30"), 85.0};
  data.body.in_range = {{D("2026-11-01"), 84}, {D("2026-11-08"), 83}, {D("2026-11-15"), 82}};
  GoalInput spec;
  spec.metric = Metric::kBodyWeight;
  spec.target = 80;
  spec.decrease = true;
  spec.period = GoalPeriod::kOnce;
  spec.start_date = "2026-11-01";
  spec.deadline = "2026-11-30";
  auto ctx = Thursday3December();
  ctx.today = D("2026-11-15");
  auto period = CurrentPeriod(spec, "", ctx.today, ctx.week_start);
  auto e = Evaluate(session, data.Sources(), "u", spec, period, ctx);
  EXPECT_EQ(data.asked[0], "weight 2026-11-01..2026-11-15");
  // Latest 82 kg; from 85 towards 80: 3 of 5 kg = 0.6. The line through the three values
  // (slope -1/7, 84 on 1 November) reaches 80 kg on 29 November.
  EXPECT_EQ(e.value, 82);
  EXPECT_DOUBLE_EQ(e.fraction, 0.6);
  auto p = ProgressOf(spec, e, std::nullopt, ctx);
  EXPECT_EQ(p.on_track, true);
  EXPECT_EQ(p.projected_date, "2026-11-29");
  EXPECT_EQ(p.explanation, "At this pace you reach 80 kg on 29 November.");
  // 79.5 kg on the 20th: reached that day (its local start in Berlin, 19 November 23:00Z).
  data.body.in_range.push_back({D("2026-11-20"), 79.5});
  ctx.today = D("2026-11-21");
  auto reached = Evaluate(session, data.Sources(), "u", spec, period, ctx);
  EXPECT_TRUE(reached.reached);
  EXPECT_EQ(ProgressOf(spec, reached, std::nullopt, ctx).reached_at, "2026-11-19T23:00:00.000Z");
  // A reader without body:read sees no value, and nothing is read for them.
  ctx.body_values_visible = false;
  data.asked.clear();
  auto hidden = Evaluate(session, data.Sources(), "u", spec, period, ctx);
  EXPECT_FALSE(hidden.value);
  EXPECT_FALSE(hidden.reached);
  EXPECT_TRUE(data.asked.empty());
}

TEST(GoalEvaluatorTest, AStreakIsTheRunOfWeeksWithEnoughSessions) {
  NoSession session;
  InMemory data;
  // Two sessions wanted a week. This week (from 30 November): Tuesday and Wednesday, 2 - counts.
  // Last week: two on Tuesday 24 November - counts. The week before: one - does not.
  data.days = {
      {D("2026-11-20"), 1}, {D("2026-11-24"), 2}, {D("2026-12-01"), 1}, {D("2026-12-02"), 1}};
  GoalInput spec;
  spec.metric = Metric::kStreakWeeks;
  spec.target = 3;
  spec.min_sessions = 2;
  spec.period = GoalPeriod::kOnce;
  spec.start_date = "2026-11-01";
  spec.deadline = "2026-12-31";
  auto ctx = Thursday3December();
  auto e = Evaluate(session, data.Sources(), "u", spec,
                    CurrentPeriod(spec, "", ctx.today, ctx.week_start), ctx);
  // A run of 2; one more week after this one: 6 December + 7 = 13 December, before the 31st.
  EXPECT_EQ(e.value, 2);
  EXPECT_FALSE(e.reached);
  auto p = ProgressOf(spec, e, std::nullopt, ctx);
  EXPECT_EQ(p.projected_date, "2026-12-13");
  EXPECT_EQ(p.on_track, true);
  EXPECT_EQ(p.unit, "weeks");
}

TEST(GoalEvaluatorTest, AmountsAndTitlesSpeakTheReadersLanguage) {
  GoalInput time;
  time.metric = Metric::kTrainingTime;
  EXPECT_EQ(FormatAmount(time, 12'000, Language::kEnglish), "3 h 20 min");  // 200 minutes
  EXPECT_EQ(FormatAmount(time, 2'700, Language::kEnglish), "45 min");
  EXPECT_EQ(FormatAmount(time, 12'000, Language::kGerman), "3 Std. 20 Min.");
  GoalInput distance = WeeklyDistance();
  EXPECT_EQ(FormatAmount(distance, 12'345, Language::kGerman), "12,3 km");
  EXPECT_EQ(DefaultTitle(distance, Language::kEnglish), "Distance per week");
  EXPECT_EQ(DefaultTitle(distance, Language::kGerman), "Distanz pro Woche");
  EXPECT_EQ(FormatDayInWords(D("2027-01-10"), D("2026-12-03"), Language::kEnglish),
            "10 January 2027");
}

}  // namespace
}  // namespace vigor::features::goals
