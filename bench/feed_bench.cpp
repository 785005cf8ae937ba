// The feed of a user who follows 1,000 people with years of history each (issue 13): seeds that
// straight through the database (users through the admin service; follows, items and inboxes by
// SQL, one statement per followee), then times GET /api/v1/feed in process (the HTTP app's
// Handle: routing, authentication, the service, the encoding; no sockets) for the first page and
// the fifth, and GET /healthz in the same run, so the report gives ratios that do not depend on
// the machine. SQLite by default; PostgreSQL when VIGOR_TEST_POSTGRES_DIR names a folder the
// test fixture (tests/support/pg_fixture) started a server in.
//   vigor_feed_bench [FOLLOWEES [ITEMS_PER_FOLLOWEE [ROUNDS]]]   (defaults 1000 450 300)
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "platform/store/database.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/test_database.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using vigor::platform::store::Session;
using vigor::platform::store::Statement;

constexpr Statement kFollow{"bench.follow",
                            "INSERT INTO follows (follower_id, followee_id, state, created_at, "
                            "approved_at) VALUES ($1, $2, 'approved', '2023-01-01T00:00:00Z', "
                            "'2023-01-01T00:00:00Z')"};
// A followee's history from a JSON array of [id, occurred_at, visibility].
constexpr Statement kItems{
    "bench.items",
    "INSERT INTO feed_items (id, owner_id, kind, subject, workout_id, series, occurred_at, "
    "base_visibility, visibility, summary, created_at) SELECT json_extract(value, '$[0]'), $1, "
    "'workout', json_extract(value, '$[0]'), json_extract(value, '$[0]'), NULL, "
    "json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[2]'), "
    "'{\"title\":\"Run\",\"workout_kind\":\"cardio\",\"sport\":\"run\",\"distance_m\":5000}', "
    "json_extract(value, '$[1]') FROM json_each($2)",
    "INSERT INTO feed_items (id, owner_id, kind, subject, workout_id, series, occurred_at, "
    "base_visibility, visibility, summary, created_at) SELECT v->>0, $1, 'workout', v->>0, v->>0, "
    "NULL, v->>1, v->>2, v->>2, "
    "'{\"title\":\"Run\",\"workout_kind\":\"cardio\",\"sport\":\"run\",\"distance_m\":5000}', "
    "v->>1 FROM jsonb_array_elements($2::jsonb) AS v"};
// The fan-out the writes would have done: the follower's inbox and the owner's own.
constexpr Statement kInbox{
    "bench.inbox",
    "INSERT INTO feed_inbox (viewer_id, occurred_at, item_id, owner_id) "
    "SELECT CAST($1 AS TEXT), occurred_at, id, owner_id FROM feed_items WHERE owner_id = $2 "
    "UNION ALL SELECT owner_id, occurred_at, id, owner_id FROM feed_items WHERE owner_id = $2"};

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  auto i = static_cast<std::size_t>(std::lround(p * static_cast<double>(values.size() - 1)));
  return values[i];
}

struct Timing {
  double p50, p99;
};

}  // namespace

int main(int argc, char** argv) {
  int followees = argc > 1 ? std::atoi(argv[1]) : 1000;
  int per_followee = argc > 2 ? std::atoi(argv[2]) : 450;  // 3 years x 150
  int rounds = argc > 3 ? std::atoi(argv[3]) : 300;
  const bool postgres = vigor::testing::OnPostgres();

  vigor::testing::AppHarness h;
  auto& app = h.app();
  auto seed_start = Clock::now();
  std::string viewer = h.CreateUser("viewer");
  std::vector<std::string> owners;
  for (int i = 0; i < followees; ++i) owners.push_back(h.CreateUser("athlete" + std::to_string(i)));
  // Three years back from 2026-01-01, one item about every 2.4 days per followee, each followee
  // at its own times (a different offset): 9 in 10 shared with followers, 1 in 20 public, the rest
  // private (left out by the privacy check when read).
  const std::int64_t end_ms = 1767225600000;  // 2026-01-01T00:00:00Z
  const std::int64_t span_ms = 3LL * 365 * 24 * 3600 * 1000;
  for (int i = 0; i < followees; ++i) {
    boost::json::array items;
    for (int k = 0; k < per_followee; ++k) {
      std::int64_t at = end_ms - span_ms + (span_ms / per_followee) * k + (i * 7919LL) % 86'400'000;
      int r = (i * 31 + k * 17) % 20;
      const char* visibility = r == 0 ? "public" : (r == 1 ? "private" : "followers");
      char id[40];
      std::snprintf(id, sizeof id, "01900000-%04x-7000-8000-%012x", i, k);
      items.push_back(boost::json::array{id, vigor::platform::FormatUtcMs(at), visibility});
    }
    const std::string json = boost::json::serialize(items);
    app.database->Write([&](Session& s) {
      s.Execute(kFollow, viewer, owners[i]);
      s.Execute(kItems, owners[i], json);
      s.Execute(kInbox, viewer, owners[i]);
    });
  }
  double seed_s = std::chrono::duration<double>(Clock::now() - seed_start).count();

  vigor::testing::Browser browser;
  h.SignIn(browser, "viewer");
  std::string cookie;
  for (const auto& [name, value] : browser.cookies) {
    if (!cookie.empty()) cookie += "; ";
    cookie += name + "=" + value;
  }
  auto request_for = [&](const std::string& target) {
    vigor::platform::http::Request request;
    request.method = vigor::platform::http::Method::kGet;
    request.target = target;
    request.remote_address = browser.ip;
    request.headers.Add("Host", "vigor.test");
    request.headers.Add("User-Agent", browser.user_agent);
    request.headers.Add("Cookie", cookie);
    return request;
  };
  // The fifth page's cursor: four pages of 20 read first.
  std::string fifth = "/api/v1/feed?limit=20";
  for (int page = 1; page < 5; ++page) {
    auto request = request_for(fifth);
    auto response = app.http->Handle(request);
    auto json = boost::json::parse(response.body).as_object();
    if (response.status != 200 || json["items"].as_array().size() != 20) {
      std::fprintf(stderr, "feed_bench: page %d answered %d: %s\n", page, response.status,
                   response.body.substr(0, 300).c_str());
      return 1;
    }
    fifth = "/api/v1/feed?limit=20&cursor=" + std::string(json["next_cursor"].as_string());
  }
  auto time = [&](const std::string& target) {
    auto request = request_for(target);
    for (int i = 0; i < 20; ++i) app.http->Handle(request);  // warm caches and statements
    std::vector<double> ms;
    for (int i = 0; i < rounds; ++i) {
      auto start = Clock::now();
      auto response = app.http->Handle(request);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      if (response.status != 200) {
        std::fprintf(stderr, "feed_bench: %s answered %d\n", target.c_str(), response.status);
        std::exit(1);
      }
    }
    return Timing{Percentile(ms, 0.5), Percentile(ms, 0.99)};
  };
  auto health = time("/healthz");
  auto first = time("/api/v1/feed?limit=20");
  auto fifth_page = time(fifth);

  std::printf("database: %s; %d followees x %d items (%d items, %d inbox rows); seeded in %.0f s\n",
              postgres ? "PostgreSQL" : "SQLite", followees, per_followee, followees * per_followee,
              2 * followees * per_followee, seed_s);
  std::printf("%-18s p50 %7.3f ms  p99 %7.3f ms\n", "GET /healthz", health.p50, health.p99);
  for (auto [label, t] :
       {std::pair{"feed, page 1", first}, std::pair{"feed, page 5", fifth_page}}) {
    std::printf("%-18s p50 %7.3f ms  p99 %7.3f ms  (x%.1f and x%.1f /healthz)\n", label, t.p50,
                t.p99, t.p50 / health.p50, t.p99 / health.p99);
  }
  std::printf("worst p99 %.3f ms\n", std::max(first.p99, fifth_page.p99));
  return 0;
}
