// The only translation unit that includes Beast: it compiles slowly, so it stays here.
#include "platform/http/server.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/resource.h>

#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <unordered_set>

#include "platform/http/response_stream.hpp"
#include "platform/http/wire.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"

namespace vigor::platform::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
template <class Stream>
constexpr bool kIsTls = std::is_same_v<Stream, TlsStream>;

// How long a closing TLS connection waits for the client's close_notify.
constexpr std::chrono::milliseconds kTlsShutdownTimeout{1'000};
// A body up to this size is copied behind the head and sent as one buffer (one TLS record, one
// send); a larger one is sent from where it lies, after the head.
constexpr std::size_t kJoinedBodyBytes = 16 * 1024;

// TLS 1.2 suites: forward secret (ECDHE) and AEAD (AES-GCM, ChaCha20-Poly1305) only, so no CBC
// and no RSA key exchange. TLS 1.3 keeps OpenSSL's suites, which are all of that kind.
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

// ALPN: HTTP/1.1 is all we speak; a client offering only other protocols gets no ALPN answer.
int SelectAlpn(SSL*, const unsigned char** out, unsigned char* out_length,
               const unsigned char* offered, unsigned int offered_length, void*) {
  static constexpr unsigned char kHttp11[] = {8, 'h', 't', 't', 'p', '/', '1', '.', '1'};
  unsigned char* selected = nullptr;
  if (SSL_select_next_proto(&selected, out_length, kHttp11, sizeof kHttp11, offered,
                            offered_length) != OPENSSL_NPN_NEGOTIATED) {
    return SSL_TLSEXT_ERR_NOACK;
  }
  *out = selected;
  return SSL_TLSEXT_ERR_OK;
}

// Whether `ec` is OpenSSL's error `reason` of library `library` (ERR_LIB_SSL, ERR_LIB_X509).
bool IsOpenSslError(const boost::system::error_code& ec, int library, int reason) {
  if (!ec || ec.category() != asio::error::get_ssl_category()) return false;
  auto code = static_cast<unsigned long>(static_cast<unsigned int>(ec.value()));
  return ERR_GET_LIB(code) == library && ERR_GET_REASON(code) == reason;
}

[[noreturn]] void ThrowTlsError(const std::string& what) {
  ERR_clear_error();
  throw std::runtime_error(what);
}

asio::ssl::context MakeTlsContext(const std::filesystem::path& cert,
                                  const std::filesystem::path& key) {
  if (cert.empty() || key.empty()) {
    throw std::runtime_error("TLS needs both a certificate chain file and a private key file");
  }
  asio::ssl::context context(asio::ssl::context::tls_server);
  SSL_CTX* native = context.native_handle();
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1) {
    ThrowTlsError("cannot configure TLS: the OpenSSL library refused TLS 1.2 or its ciphers");
  }
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_compression);
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_alpn_select_cb(native, SelectAlpn, nullptr);

  boost::system::error_code ec;
  context.use_certificate_chain_file(cert.string(), ec);
  if (ec) {
    ThrowTlsError("cannot load the TLS certificate chain from " + cert.string() + ": " +
                  ec.message());
  }
  context.use_private_key_file(key.string(), asio::ssl::context::pem, ec);
  bool mismatch = IsOpenSslError(ec, ERR_LIB_X509, X509_R_KEY_VALUES_MISMATCH);
  if (ec && !mismatch) {
    ThrowTlsError("cannot load the TLS private key from " + key.string() + ": " + ec.message());
  }
  // A key of another type than the certificate's loads without complaint: check the pair.
  if (mismatch || SSL_CTX_check_private_key(native) != 1) {
    ThrowTlsError("the TLS private key " + key.string() + " does not match the certificate " +
                  cert.string());
  }
  return context;
}

// What Stop() needs to reach a connection: its executor, its TCP stream (the lowest layer, also
// under TLS) and whether it is idle.
struct Connection {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;  // valid while !closed; touched only on `executor`
  bool busy = false;
  bool closed = false;
  // Set while a long-lived response streams: Stop() calls it to end the stream.
  std::function<void()> on_drain;
};

// What a streaming response's loop waits on, shared with the callbacks that wake it (they may
// outlive the loop). Touched only on the connection's executor.
struct StreamWaker {
  explicit StreamWaker(const asio::any_io_executor& executor) : timer(executor) {}
  void Wake() {
    woken = true;
    timer.cancel();
  }
  asio::steady_timer timer;
  bool woken = false;
  bool client_gone = false;  // the client closed or broke the connection
  bool watching = false;     // the read that notices it is outstanding
};

// Who is on the other end of a connection.
struct Peer {
  std::string address;
  bool tls = false;
};

// The client went away, timed out, was cancelled or broke the TLS layer: nothing can be answered.
bool Unanswerable(const boost::system::error_code& ec) {
  return ec == beast::error::timeout || ec == asio::error::eof ||
         ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
         ec.category() == asio::error::get_ssl_category() ||
         ec.category() == asio::ssl::error::get_stream_category();
}

// The TLS handshake failed because the client sent a plain HTTP request.
bool IsPlainHttp(const boost::system::error_code& ec) {
  return IsOpenSslError(ec, ERR_LIB_SSL, SSL_R_HTTP_REQUEST);
}

Request ToRequest(bhttp::request<bhttp::string_body>&& message, const Peer& peer) {
  Request request;
  request.method = ParseMethod(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message) {
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  request.keep_alive = message.keep_alive();
  request.body = std::move(message.body());
  request.remote_address = peer.address;
  request.tls = peer.tls;
  return request;
}

Request ToRequest(const bhttp::request_header<>& header, const Peer& peer) {
  Request request;
  request.method = ParseMethod(header.method_string());
  request.target = std::string(header.target());
  for (const auto& field : header) {
    request.headers.Add(std::string(field.name_string()), std::string(field.value()));
  }
  request.keep_alive = false;
  request.remote_address = peer.address;
  request.tls = peer.tls;
  return request;
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  RequestHandler& handler;
  obs::Logger& logger;
  obs::GaugeFamily& open_connections;
  obs::CounterFamily& connections_total;

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  asio::thread_pool workers;
  std::optional<asio::thread_pool> read_workers;
  std::optional<asio::ssl::context> tls_context;  // set when serving HTTPS
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::optional<asio::steady_timer> shutdown_timer;

  std::mutex connections_mutex;
  std::unordered_set<std::shared_ptr<Connection>> connections;
  std::atomic<bool> draining{false};
  std::atomic<bool> finished{false};
  std::size_t next_context = 0;

  Impl(ServerOptions opts, RequestHandler& h, obs::Logger& log, obs::MetricsRegistry& metrics)
      : options(std::move(opts)),
        handler(h),
        logger(log),
        open_connections(
            metrics.Gauge("vigor_http_open_connections", "Client connections currently open.", {})),
        connections_total(
            metrics.Counter("vigor_http_connections_total", "Client connections accepted.", {})),
        workers(static_cast<std::size_t>(std::max(1, options.workers))) {
    if (options.read_workers > 0) {
      read_workers.emplace(static_cast<std::size_t>(options.read_workers));
    }
    int n = std::max(1, options.io_threads);
    int context_count = options.shared_io_context ? 1 : n;
    for (int i = 0; i < context_count; ++i) {
      contexts.push_back(std::make_unique<asio::io_context>(options.shared_io_context ? n : 1));
      guards.push_back(asio::make_work_guard(*contexts.back()));
    }
    if (!options.tls_cert.empty() || !options.tls_key.empty()) {
      tls_context.emplace(MakeTlsContext(options.tls_cert, options.tls_key));
    }
  }

  asio::io_context& main_context() { return *contexts.front(); }

  // Connections are spread round-robin over the contexts; with one shared context, each gets a
  // strand so its coroutine and Stop()'s cancellation never run at once.
  asio::any_io_executor NextExecutor() {
    if (options.shared_io_context) return asio::make_strand(main_context());
    auto& ctx = *contexts[next_context++ % contexts.size()];
    return ctx.get_executor();
  }

  awaitable<void> AcceptLoop() {
    // Out of file descriptors (EMFILE, ENFILE) or kernel memory, accept fails while the
    // connection waits in the listen backlog: pause, then try again, so that the loop neither
    // spins nor stops; descriptors come back as connections close or time out. One log line
    // when it starts, then at most one per kAcceptLogEvery with the count.
    constexpr auto kAcceptPause = std::chrono::milliseconds(50);
    constexpr auto kAcceptLogEvery = std::chrono::seconds(10);
    std::int64_t failures = 0;
    auto last_log = std::chrono::steady_clock::time_point{};
    while (!draining) {
      auto executor = NextExecutor();
      auto [ec, socket] = co_await acceptor->async_accept(executor, kNoThrow);
      if (ec) {
        if (draining || ec == asio::error::operation_aborted) co_return;
        ++failures;
        auto now = std::chrono::steady_clock::now();
        if (failures == 1 || now - last_log >= kAcceptLogEvery) {
          logger.Warn("accept failed: retrying every 50 ms",
                      {{"error", std::string_view(ec.message())}, {"failures", failures}});
          last_log = now;
        }
        asio::steady_timer pause(main_context(), kAcceptPause);
        co_await pause.async_wait(kNoThrow);
        continue;
      }
      if (failures > 0) {
        logger.Info("accepting again", {{"failed_accepts", failures}});
        failures = 0;
      }
      if (tls_context) {
        asio::co_spawn(executor, Serve<TlsStream>(std::move(socket)), asio::detached);
      } else {
        asio::co_spawn(executor, Serve<PlainStream>(std::move(socket)), asio::detached);
      }
    }
  }

  bool Register(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(connections_mutex);
    if (draining) return false;
    connections.insert(connection);
    return true;
  }

  void Unregister(const std::shared_ptr<Connection>& connection) {
    bool done;
    {
      std::lock_guard lock(connections_mutex);
      connections.erase(connection);
      done = draining && connections.empty();
    }
    if (done) asio::post(main_context(), [this] { Finish(); });
  }

  awaitable<Response> RunBlocking(Request& request, const RouteTraits& traits) {
    bool reads = request.method == Method::kGet || request.method == Method::kHead;
    co_return co_await asio::co_spawn(
        reads && read_workers ? read_workers->get_executor() : workers.get_executor(),
        [this, &request, &traits]() -> awaitable<Response> { co_return Timed(traits, request); },
        asio::use_awaitable);
  }

  // A read of a route that has been quick lately: the I/O thread runs it (RouteCost).
  bool RunsInline(Method method, const RouteTraits& traits) const {
    return (method == Method::kGet || method == Method::kHead) && traits.cost != nullptr &&
           traits.cost->micros.load(std::memory_order_relaxed) < options.inline_reads_below_micros;
  }

  // Handles the request and records what it took on the route's cost.
  Response Timed(const RouteTraits& traits, Request& request) {
    if (traits.cost == nullptr) return handler.Handle(request);
    auto started = std::chrono::steady_clock::now();
    Response response = handler.Handle(request);
    traits.cost->Record(std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count());
    return response;
  }

  template <class Stream>
  awaitable<void> WriteResponse(Stream& stream, Response&& response, bool head, bool keep_alive,
                                bool& write_failed) {
    // The head is written by AppendResponseHead (wire.hpp), not Beast's serializer; a small body
    // rides in the same string, so the response leaves in one buffer.
    std::string wire;
    bool body_sent = !head && StatusHasBody(response.status) && !response.body.empty();
    bool body_joined = body_sent && response.body.size() <= kJoinedBodyBytes;
    if (body_joined) wire.reserve(512 + response.body.size());
    AppendResponseHead(wire, response, keep_alive);
    if (body_joined) wire.append(response.body);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(wire), asio::const_buffer()};
    if (body_sent && !body_joined) buffers[1] = asio::buffer(response.body);
    beast::get_lowest_layer(stream).expires_after(options.write_timeout);
    auto [ec, n] = co_await asio::async_write(stream, buffers, kNoThrow);
    write_failed = static_cast<bool>(ec);
  }

  // One connection, plain or TLS: the same limits, timeouts and shutdown for both.
  template <class Stream>
  awaitable<void> Serve(tcp::socket socket) {
    auto connection = std::make_shared<Connection>();
    connection->executor = socket.get_executor();
    Peer peer{.tls = kIsTls<Stream>};
    {
      boost::system::error_code ec;
      auto endpoint = socket.remote_endpoint(ec);
      if (!ec) peer.address = endpoint.address().to_string();
    }
    Stream stream = [&] {
      if constexpr (kIsTls<Stream>) {
        return Stream(std::move(socket), *tls_context);
      } else {
        return Stream(std::move(socket));
      }
    }();
    beast::tcp_stream& transport = beast::get_lowest_layer(stream);
    connection->stream = &transport;
    if (!Register(connection)) co_return;
    open_connections.Add({}, 1);
    connections_total.Inc({});

    bool secured = true;
    bool refused = false;  // answered without reading the whole request
    if constexpr (kIsTls<Stream>) {
      // The handshake gets the header timeout: a client that never finishes it is cut off.
      // It counts as idle, so Stop() cancels it.
      transport.expires_after(options.header_timeout);
      auto [ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow);
      secured = !ec;
      if (ec && logger.Enabled(obs::LogLevel::kDebug)) {
        logger.Debug("TLS handshake failed", {{"remote", std::string_view(peer.address)},
                                              {"error", std::string_view(ec.message())}});
      }
      if (IsPlainHttp(ec)) {
        // Someone typed http:// for this https:// port: say so, in plain HTTP.
        refused = true;
        Request request;
        request.remote_address = peer.address;
        Response response =
            handler.Reject(request, Error(ErrorKind::kBadRequest, Msg("https_only_port")));
        bool write_failed = false;
        co_await WriteResponse(transport, std::move(response), false, false, write_failed);
      }
    }
    if (secured) refused = co_await Exchange(stream, *connection, peer);

    if constexpr (kIsTls<Stream>) {
      // close_notify, and a short wait for the client's. Not after a refused request: its body
      // may still be arriving, and it is drained below on the TCP layer instead.
      if (secured && !refused) {
        transport.expires_after(kTlsShutdownTimeout);
        co_await stream.async_shutdown(kNoThrow);
      }
    }
    boost::system::error_code ignored;
    transport.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (refused) co_await DrainRefused(transport);
    connection->closed = true;
    connection->stream = nullptr;
    open_connections.Add({}, -1);
    Unregister(connection);
  }

  // Reads (and drops) what the client is still sending for a moment, so that closing does not
  // reset the connection before the client has read our answer. A coroutine of its own: its
  // scratch space exists only while it runs, not in every connection's frame.
  static awaitable<void> DrainRefused(beast::tcp_stream& transport) {
    transport.expires_after(std::chrono::seconds(1));
    std::vector<char> scratch(16384);
    std::size_t drained = 0;
    while (drained < 16 * 1024 * 1024) {
      auto [ec, n] = co_await transport.async_read_some(asio::buffer(scratch), kNoThrow);
      if (ec) break;
      drained += n;
    }
  }

  // The request/response loop of a connection, until it closes; true when the last request was
  // refused (answered without reading it to the end).
  template <class Stream>
  awaitable<bool> Exchange(Stream& stream, Connection& connection, const Peer& peer) {
    beast::tcp_stream& transport = beast::get_lowest_layer(stream);
    beast::flat_buffer buffer;
    // Where the first bytes of the next request land: an idle keep-alive connection holds no
    // read buffer (issue 16, memory per idle connection), only these few bytes of its frame.
    std::array<char, 256> first_bytes;
    bool first = true;
    bool refused = false;
    while (true) {
      // Wait for the first byte of the next request: the idle timeout (keep-alive) applies.
      connection.busy = false;
      if (draining) break;
      if (buffer.size() == 0) {
        buffer.shrink_to_fit();  // empty: gives its memory back while the connection waits
        transport.expires_after(first ? options.header_timeout : options.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(asio::buffer(first_bytes), kNoThrow);
        if (ec) break;
        auto room = buffer.prepare(std::max<std::size_t>(n, 4096));
        asio::buffer_copy(room, asio::buffer(first_bytes, n));
        buffer.commit(n);
      }
      first = false;

      // The whole header must arrive within header_timeout: a slow-loris client is cut off.
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // The body limit depends on the route, known once the header is in (checked below).
      parser.body_limit(boost::none);
      transport.expires_after(options.header_timeout);
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
      if (hec) {
        if (hec == bhttp::error::body_limit) {
          refused = true;
          co_await Refuse(stream, parser, peer, TooLarge(options.max_body_bytes));
        } else if (hec == bhttp::error::header_limit) {
          refused = true;
          co_await Refuse(stream, parser, peer,
                          Error(ErrorKind::kHeadersTooLarge, Msg("headers_too_large")));
        } else if (hec != bhttp::error::end_of_stream && !Unanswerable(hec)) {
          refused = true;
          co_await Refuse(stream, parser, peer, Error(ErrorKind::kBadRequest, Msg("not_http11")));
        }
        break;
      }
      connection.busy = true;

      const auto& header = parser.get();
      Method method = ParseMethod(header.method_string());
      RouteTraits traits = handler.Traits(method, header.target());
      std::size_t limit = traits.max_body_bytes ? traits.max_body_bytes : options.max_body_bytes;
      if (parser.content_length() && *parser.content_length() > limit) {
        refused = true;
        co_await Refuse(stream, parser, peer, TooLarge(limit));
        break;
      }
      parser.body_limit(limit);
      if (!parser.is_done()) {
        if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
          bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
          transport.expires_after(options.write_timeout);
          auto [cec, cn] = co_await bhttp::async_write(stream, proceed, kNoThrow);
          if (cec) break;
        }
        transport.expires_after(options.body_timeout);
        auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
        if (bec == bhttp::error::body_limit) {
          refused = true;
          co_await Refuse(stream, parser, peer, TooLarge(limit));
          break;
        }
        if (bec) {
          if (bec != bhttp::error::partial_message && !Unanswerable(bec)) {
            refused = true;
            co_await Refuse(stream, parser, peer,
                            Error(ErrorKind::kBadRequest, Msg("body_malformed")));
          }
          break;
        }
      }

      Request request = ToRequest(parser.release(), peer);
      bool head = request.method == Method::kHead;
      bool keep_alive = request.keep_alive;
      Response response;
      if (traits.blocking && RunsInline(request.method, traits)) {
        response = Timed(traits, request);
      } else if (traits.blocking) {
        try {
          response = co_await RunBlocking(request, traits);
        } catch (const std::exception& e) {
          logger.Error("handler escaped", {{"error", std::string_view(e.what())}});
          break;
        }
      } else {
        response = handler.Handle(request);
      }
      if (response.stream) {
        // A long-lived response: the connection is its own until it ends, then closes.
        co_await StreamResponse(stream, connection, std::move(response), head);
        break;
      }
      keep_alive = keep_alive && !draining;
      bool write_failed = false;
      co_await WriteResponse(stream, std::move(response), head, keep_alive, write_failed);
      if (write_failed || !keep_alive) break;
    }
    co_return refused;
  }

  // Writes a streaming response (Response::stream) with chunked framing, holding no worker
  // thread: the coroutine sleeps on a timer until the stream wakes it, a heartbeat is due, the
  // client goes away (a read kept outstanding notices) or the server drains.
  template <class Stream>
  awaitable<void> StreamResponse(Stream& stream, Connection& connection, Response&& response,
                                 bool head) {
    beast::tcp_stream& transport = beast::get_lowest_layer(stream);
    std::shared_ptr<ResponseStream> body = std::move(response.stream);
    bhttp::response<bhttp::empty_body> message{static_cast<bhttp::status>(response.status), 11};
    for (auto& field : response.headers.fields()) message.insert(field.name, field.value);
    message.keep_alive(false);
    message.chunked(true);
    bhttp::response_serializer<bhttp::empty_body> serializer(message);
    transport.expires_after(options.write_timeout);
    auto [hec, hn] = co_await bhttp::async_write_header(stream, serializer, kNoThrow);
    if (hec || head) co_return;

    auto waker = std::make_shared<StreamWaker>(connection.executor);
    std::weak_ptr<StreamWaker> weak = waker;
    auto executor = connection.executor;
    body->Start([weak, executor] {
      if (auto w = weak.lock()) asio::post(executor, [w] { w->Wake(); });
    });
    connection.on_drain = [waker] { waker->Wake(); };

    // Nothing more is read from the client, but a read stays outstanding on the TCP socket so
    // that its going away is noticed at once (its stream slot is freed), not at the next write.
    waker->watching = true;
    asio::co_spawn(
        connection.executor,
        [waker, &transport]() -> awaitable<void> {
          std::array<char, 512> scratch;
          while (true) {
            auto [ec, n] =
                co_await transport.socket().async_read_some(asio::buffer(scratch), kNoThrow);
            if (ec) break;
          }
          waker->watching = false;
          waker->client_gone = true;
          waker->Wake();
        },
        asio::detached);

    auto write = [&](std::string text) -> awaitable<bool> {
      transport.expires_after(options.write_timeout);
      auto [ec, n] =
          co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(text)), kNoThrow);
      co_return !ec;
    };

    std::string out = std::move(response.body);
    auto quiet_since = std::chrono::steady_clock::now();
    while (!waker->client_gone) {
      bool ended = false;
      out += body->Take(ended);
      if (draining) {
        out += body->Farewell();
        ended = true;
      }
      if (!out.empty()) {
        if (!co_await write(std::move(out))) break;
        out.clear();
        quiet_since = std::chrono::steady_clock::now();
      }
      if (ended) {
        transport.expires_after(options.write_timeout);
        co_await asio::async_write(stream, bhttp::make_chunk_last(), kNoThrow);
        break;
      }
      if (!waker->woken) {
        waker->timer.expires_at(quiet_since + body->heartbeat_interval());
        auto [ec] = co_await waker->timer.async_wait(kNoThrow);
        if (!ec && !waker->woken) out = body->Heartbeat();
      }
      waker->woken = false;
    }

    connection.on_drain = nullptr;
    body.reset();  // leaves the event bus now, not when the connection is gone
    // The watching read refers to `transport`: it must be over before the connection goes on.
    if (waker->watching) {
      boost::system::error_code ignored;
      transport.socket().cancel(ignored);
      while (waker->watching) {
        waker->timer.expires_after(std::chrono::seconds(1));
        co_await waker->timer.async_wait(kNoThrow);
      }
    }
  }

  static Error TooLarge(std::size_t limit) {
    return Error(ErrorKind::kPayloadTooLarge, Msg("body_too_large", {{"limit", limit}}));
  }

  // Answers a request that cannot be read to the end; the connection is closed after it.
  template <class Stream>
  awaitable<void> Refuse(Stream& stream, bhttp::request_parser<bhttp::string_body>& parser,
                         const Peer& peer, const Error& error) {
    Request request = parser.is_header_done() ? ToRequest(parser.get().base(), peer) : Request{};
    if (!parser.is_header_done()) {
      request.remote_address = peer.address;
      request.tls = peer.tls;
    }
    Response response = handler.Reject(request, error);
    bool write_failed = false;
    co_await WriteResponse(stream, std::move(response), false, false, write_failed);
  }

  void BeginDrain() {
    if (draining.exchange(true)) return;
    logger.Info("shutting down: finishing requests in flight");
    boost::system::error_code ignored;
    if (acceptor) acceptor->close(ignored);
    if (signals) signals->cancel(ignored);
    std::vector<std::shared_ptr<Connection>> open;
    {
      std::lock_guard lock(connections_mutex);
      open.assign(connections.begin(), connections.end());
    }
    for (auto& connection : open) {
      // Runs on the connection's own executor, so it never races its coroutine.
      asio::post(connection->executor, [connection] {
        if (!connection->closed && !connection->busy) connection->stream->cancel();
        if (connection->on_drain) connection->on_drain();
      });
    }
    shutdown_timer.emplace(main_context(), options.shutdown_timeout);
    shutdown_timer->async_wait([this](boost::system::error_code ec) {
      if (ec) return;
      logger.Warn("shutdown timeout: closing connections still busy");
      Finish();
    });
    bool empty;
    {
      std::lock_guard lock(connections_mutex);
      empty = connections.empty();
    }
    if (empty) Finish();
  }

  void Finish() {
    if (finished.exchange(true)) return;
    if (shutdown_timer) shutdown_timer->cancel();
    for (auto& guard : guards) guard.reset();
    for (auto& ctx : contexts) ctx->stop();
  }
};

OpenFileLimit RaiseOpenFileLimit() {
  OpenFileLimit result;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return result;
  result.soft_before = result.soft = limit.rlim_cur;
  result.hard = limit.rlim_max;
  rlim_t target = limit.rlim_max;
  if (target == RLIM_INFINITY) {
    // An unlimited hard limit still stops at the kernel's per-process ceiling.
    std::ifstream nr_open("/proc/sys/fs/nr_open");
    std::uint64_t ceiling = 0;
    target = (nr_open >> ceiling) && ceiling > 0 ? ceiling : 1024 * 1024;
  }
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < target) {
    rlimit raised{target, limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) result.soft = target;
  }
  return result;
}

Server::Server(ServerOptions options, RequestHandler& handler, obs::Logger& logger,
               obs::MetricsRegistry& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), handler, logger, metrics)) {}

Server::~Server() {
  impl_->workers.join();
  if (impl_->read_workers) impl_->read_workers->join();
}

std::uint16_t Server::Listen() {
  auto& o = impl_->options;
  tcp::endpoint endpoint(asio::ip::make_address(o.host), o.port);
  auto& acceptor = impl_->acceptor.emplace(impl_->main_context());
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  return acceptor.local_endpoint().port();
}

void Server::Run(bool handle_signals) {
  auto& impl = *impl_;
  if (handle_signals) {
    impl.signals.emplace(impl.main_context(), SIGINT, SIGTERM);
    impl.signals->async_wait([&impl](boost::system::error_code ec, int) {
      if (!ec) impl.BeginDrain();
    });
  }
  asio::co_spawn(impl.main_context(), impl.AcceptLoop(), asio::detached);

  std::vector<std::thread> threads;
  int n = std::max(1, impl.options.io_threads);
  for (int i = 1; i < n; ++i) {
    auto& ctx = impl.options.shared_io_context ? impl.main_context() : *impl.contexts[i];
    threads.emplace_back([&ctx] { ctx.run(); });
  }
  impl.main_context().run();
  for (auto& t : threads) t.join();
  // Blocking handlers still running after a forced stop finish before the database closes.
  impl.workers.join();
  if (impl.read_workers) impl.read_workers->join();
}

void Server::Stop() {
  asio::post(impl_->main_context(), [impl = impl_.get()] { impl->BeginDrain(); });
}

}  // namespace vigor::platform::http
