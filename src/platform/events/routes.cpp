#include "platform/events/routes.hpp"

#include <charconv>

#include "platform/events/event_bus.hpp"
#include "platform/events/event_streams.hpp"
#include "platform/http/context.hpp"
#include "platform/http/response_stream.hpp"
#include "platform/http/router.hpp"

namespace vigor::platform::events {

namespace http = platform::http;

namespace {

// How long a browser waits before reconnecting after the stream ends (EventSource's retry).
constexpr std::string_view kRetryMs = "3000";

// One event in the text/event-stream format: its number as the id (what the browser sends back
// as Last-Event-ID), its kind as the event name, its JSON as data (one line per line).
std::string FormatEvent(const Event& event) {
  std::string out = "id: " + std::to_string(event.seq) + "\nevent: " + event.kind + "\n";
  std::string_view data = event.payload;
  while (true) {
    auto newline = data.find('\n');
    out.append("data: ").append(data.substr(0, newline)).append("\n");
    if (newline == std::string_view::npos) break;
    data.remove_prefix(newline + 1);
  }
  out += "\n";
  return out;
}

// A Last-Event-ID we gave out is a plain number; anything else is ignored.
std::optional<std::int64_t> ParseLastEventId(const http::Request& request) {
  auto header = request.headers.Get("Last-Event-ID");
  if (!header || header->empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(header->data(), header->data() + header->size(), value);
  if (ec != std::errc() || end != header->data() + header->size() || value < 0) {
    return std::nullopt;
  }
  return value;
}

class SseStream final : public http::ResponseStream {
 public:
  SseStream(std::shared_ptr<Subscription> subscription, std::chrono::milliseconds heartbeat)
      : subscription_(std::move(subscription)), heartbeat_(heartbeat) {}

  void Start(std::function<void()> wake) override { subscription_->SetWake(wake); }

  std::string Take(bool& ended) override {
    std::string out;
    for (const auto& event : subscription_->Take(ended)) out += FormatEvent(event);
    return out;
  }

  std::string Heartbeat() const override { return ": heartbeat\n\n"; }
  std::chrono::milliseconds heartbeat_interval() const override { return heartbeat_; }
  // The browser reconnects (with Last-Event-ID) after `retry`, to this server once it is back
  // or to another instance.
  std::string Farewell() const override { return ": the server is restarting\n\n"; }

 private:
  std::shared_ptr<Subscription> subscription_;
  std::chrono::milliseconds heartbeat_;
};

}  // namespace

void RegisterRoutes(http::Router& router, EventStreams& streams, EventRoutesOptions options) {
  router.Add({.method = http::Method::kGet,
              .path = "/api/v1/events",
              .access = http::Access::kAuthenticated,
              .session_only = true},
             [&streams, options](const http::Request& request, http::RequestContext& ctx) {
               auto subscription = streams.Open(ctx.User().user_id, ParseLastEventId(request));
               auto response = http::Response::Text(
                   200, "retry: " + std::string(kRetryMs) + "\n: connected\n\n",
                   "text/event-stream; charset=utf-8");
               // nginx would otherwise buffer the stream.
               response.headers.Set("X-Accel-Buffering", "no");
               response.stream =
                   std::make_shared<SseStream>(std::move(subscription), options.heartbeat);
               return response;
             });
}

}  // namespace vigor::platform::events
