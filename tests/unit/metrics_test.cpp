#include "platform/obs/metrics.hpp"

#include <gtest/gtest.h>

namespace vigor::platform::obs {
namespace {

TEST(MetricsTest, RendersCountersWithLabelsAndHelp) {
  MetricsRegistry registry;
  auto& requests = registry.Counter("app_requests_total", "Requests.", {"route", "status"});
  requests.Inc({"/a", "200"});
  requests.Inc({"/a", "200"});
  requests.Inc({"/b\"x", "404"}, 3);
  EXPECT_EQ(registry.Render(),
            "# HELP app_requests_total Requests.\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{route=\"/a\",status=\"200\"} 2\n"
            "app_requests_total{route=\"/b\\\"x\",status=\"404\"} 3\n");
}

TEST(MetricsTest, HistogramBucketsAreCumulative) {
  MetricsRegistry registry;
  auto& latency = registry.Histogram("app_seconds", "Latency.", {}, {0.1, 1});
  latency.Observe({}, 0.05);  // <= 0.1
  latency.Observe({}, 0.1);   // <= 0.1 (bounds are inclusive)
  latency.Observe({}, 0.5);   // <= 1
  latency.Observe({}, 7);     // +Inf only
  EXPECT_EQ(registry.Render(),
            "# HELP app_seconds Latency.\n"
            "# TYPE app_seconds histogram\n"
            "app_seconds_bucket{le=\"0.1\"} 2\n"
            "app_seconds_bucket{le=\"1\"} 3\n"
            "app_seconds_bucket{le=\"+Inf\"} 4\n"
            "app_seconds_sum 7.65\n"
            "app_seconds_count 4\n");
}

TEST(MetricsTest, CallbackGaugeIsReadAtScrape) {
  MetricsRegistry registry;
  int value = 1;
  registry.GaugeCallback("app_pool", "Pool.", [&] { return value; });
  value = 5;
  EXPECT_NE(registry.Render().find("app_pool 5\n"), std::string::npos);
}

TEST(MetricsTest, DuplicateNamesAreRefused) {
  MetricsRegistry registry;
  registry.Counter("x_total", "X.", {});
  EXPECT_THROW(registry.Gauge("x_total", "X.", {}), std::logic_error);
}

}  // namespace
}  // namespace vigor::platform::obs
