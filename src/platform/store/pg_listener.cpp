#include "platform/store/pg_listener.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <memory>

#include "platform/obs/log.hpp"
#include "platform/store/postgres_database.hpp"

namespace vigor::platform::store {

namespace {

// How long one wait for the socket lasts: bounds how long Stop waits.
constexpr int kPollMillis = 200;

struct ConnectionCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using ConnectionPtr = std::unique_ptr<PGconn, ConnectionCloser>;

struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultClearer>;

std::string MessageOf(PGconn* conn) {
  std::string text = PQerrorMessage(conn);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// A statement with no result; false when it failed (the connection is then given up).
bool Exec(PGconn* conn, const std::string& sql) {
  ResultPtr result(PQexec(conn, sql.c_str()));
  auto status = PQresultStatus(result.get());
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

PgListener::PgListener(PgListenerOptions options, obs::Logger& logger, OnNotify on_notify,
                       std::function<void()> on_connected)
    : options_(std::move(options)),
      logger_(logger),
      on_notify_(std::move(on_notify)),
      on_connected_(std::move(on_connected)) {}

PgListener::~PgListener() { Stop(); }

void PgListener::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Run(); });
}

void PgListener::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::lock_guard lock(mutex_);
  thread_ = std::thread();
}

bool PgListener::stopping() {
  std::lock_guard lock(mutex_);
  return stopping_;
}

void PgListener::Sleep(std::chrono::milliseconds time) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, time, [this] { return stopping_; });
}

void PgListener::Run() {
  auto retry = options_.retry_first;
  bool lost_logged = false;  // the loss is logged once, not at every attempt
  while (!stopping()) {
    ConnectionPtr conn(PQconnectdb(options_.url.c_str()));
    bool listening = PQstatus(conn.get()) == CONNECTION_OK &&
                     Exec(conn.get(), "SET application_name = 'vigor listener'");
    for (const auto& channel : options_.channels) {
      if (!listening) break;
      std::unique_ptr<char, decltype(&PQfreemem)> quoted(
          PQescapeIdentifier(conn.get(), channel.c_str(), channel.size()), &PQfreemem);
      listening = quoted && Exec(conn.get(), "LISTEN " + std::string(quoted.get()));
    }
    if (!listening) {
      if (!lost_logged) {
        logger_.Warn("database listener: cannot listen; trying again in the background",
                     {{"database", RedactedUrl(options_.url)},
                      {"error", std::string_view(MessageOf(conn.get()))}});
        lost_logged = true;
      }
      conn.reset();
      Sleep(retry);
      retry = std::min(retry * 2, options_.retry_max);
      continue;
    }
    retry = options_.retry_first;
    connected_ = true;
    ++connections_;
    if (lost_logged) {
      logger_.Info("database listener: listening again", {});
      lost_logged = false;
    }
    // What was sent while nobody listened is lost: the owner treats everything as changed.
    try {
      if (on_connected_) on_connected_();
    } catch (const std::exception& e) {
      logger_.Error("database listener: reconnect handler failed",
                    {{"error", std::string_view(e.what())}});
    }

    auto last_heard = std::chrono::steady_clock::now();
    bool healthy = true;
    while (healthy && !stopping()) {
      pollfd fd{.fd = PQsocket(conn.get()), .events = POLLIN, .revents = 0};
      if (fd.fd < 0) break;
      int ready = ::poll(&fd, 1, kPollMillis);
      if (ready < 0) continue;  // EINTR
      auto now = std::chrono::steady_clock::now();
      if (ready == 0) {
        if (now - last_heard >= options_.probe_every) {
          healthy = Exec(conn.get(), "SELECT 1");
          last_heard = now;
        }
      } else {
        healthy = PQconsumeInput(conn.get()) == 1;
        last_heard = now;
      }
      while (PGnotify* notify = PQnotifies(conn.get())) {
        std::string channel = notify->relname;
        std::string payload = notify->extra != nullptr ? notify->extra : "";
        PQfreemem(notify);
        ++received_;
        try {
          on_notify_(channel, payload);
        } catch (const std::exception& e) {
          logger_.Error("database listener: handler failed",
                        {{"error", std::string_view(e.what())}});
        }
      }
      if (PQstatus(conn.get()) != CONNECTION_OK) healthy = false;
    }
    connected_ = false;
    if (!healthy && !stopping()) {
      logger_.Warn("database listener: connection lost; reconnecting in the background",
                   {{"error", std::string_view(MessageOf(conn.get()))}});
      lost_logged = true;
    }
  }
}

}  // namespace vigor::platform::store
