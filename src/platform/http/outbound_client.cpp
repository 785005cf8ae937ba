#include "platform/http/outbound_client.hpp"

#include <openssl/ssl.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdint>
#include <exception>
#include <optional>

#include "platform/http/outbound_target.hpp"

namespace vigor::platform::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

using outbound::ParseTarget;
using outbound::Resolve;
using outbound::Target;

using Request = bhttp::request<bhttp::string_body>;

template <class Stream>
asio::awaitable<void> Exchange(Stream& stream, Request& request, OutboundResponse& out,
                               std::size_t max_body, std::string& error) {
  auto [write_ec, written] = co_await bhttp::async_write(stream, request, kNoThrow);
  if (write_ec) {
    error = "send: " + write_ec.message();
    co_return;
  }
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(max_body);
  auto [read_ec, read] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
  // An answer longer than the cap still has its status: the rest is not read.
  if (read_ec && !(read_ec == bhttp::error::body_limit && parser.is_header_done())) {
    error = "read: " + read_ec.message();
    co_return;
  }
  out.status = static_cast<int>(parser.get().result_int());
  out.body = std::move(parser.get().body());
  if (out.body.size() > max_body) out.body.resize(max_body);
}

asio::awaitable<void> SendPlain(asio::io_context& io, const tcp::resolver::results_type& endpoints,
                                Request& request, const OutboundOptions& options,
                                std::chrono::steady_clock::time_point deadline,
                                OutboundResponse& out, std::string& error) {
  beast::tcp_stream stream(io);
  stream.expires_after(options.connect_timeout);
  auto [ec, endpoint] = co_await stream.async_connect(endpoints, kNoThrow);
  if (ec) {
    error = "connect: " + ec.message();
    co_return;
  }
  stream.expires_at(deadline);
  co_await Exchange(stream, request, out, options.max_response_body, error);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

asio::awaitable<void> SendTls(asio::io_context& io, asio::ssl::context& tls,
                              const tcp::resolver::results_type& endpoints, const Target& target,
                              Request& request, const OutboundOptions& options,
                              std::chrono::steady_clock::time_point deadline, OutboundResponse& out,
                              std::string& error) {
  beast::ssl_stream<beast::tcp_stream> stream(io, tls);
  // SNI, and the name the certificate must carry.
  if (!SSL_set_tlsext_host_name(stream.native_handle(), target.host.c_str())) {
    error = "tls: cannot set the server name";
    co_return;
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(target.host));
  beast::get_lowest_layer(stream).expires_after(options.connect_timeout);
  auto [ec, endpoint] = co_await beast::get_lowest_layer(stream).async_connect(endpoints, kNoThrow);
  if (ec) {
    error = "connect: " + ec.message();
    co_return;
  }
  beast::get_lowest_layer(stream).expires_at(deadline);
  auto [handshake_ec] = co_await stream.async_handshake(asio::ssl::stream_base::client, kNoThrow);
  if (handshake_ec) {
    error = "tls: " + handshake_ec.message();
    co_return;
  }
  co_await Exchange(stream, request, out, options.max_response_body, error);
}

}  // namespace

OutboundResponse PostOutbound(const OutboundRequest& outbound, const OutboundOptions& options) {
  auto target = ParseTarget(outbound.url);
  if (!target) throw OutboundError("invalid URL");
  asio::io_context io;
  TargetProblem problem = TargetProblem::kNone;
  // The connection goes to these checked addresses, never to a second resolution's.
  auto endpoints = Resolve(io, *target, options.allow_private, problem);
  if (problem == TargetProblem::kUnresolvable) throw OutboundError("the host has no address");
  if (problem == TargetProblem::kPrivateAddress) {
    throw OutboundError("refused: the host resolves to a private or reserved address");
  }

  Request request{bhttp::verb::post, target->path_and_query, 11};
  request.set(bhttp::field::host, target->host_header);
  for (const auto& [name, value] : outbound.headers) request.set(name, value);
  request.set(bhttp::field::connection, "close");
  request.body() = outbound.body;
  request.prepare_payload();

  auto deadline = std::chrono::steady_clock::now() + options.total_timeout;
  OutboundResponse out;
  std::string error;
  std::exception_ptr failure;
  auto done = [&failure](std::exception_ptr e) { failure = std::move(e); };
  std::optional<asio::ssl::context> tls;
  if (target->tls) {
    tls.emplace(asio::ssl::context::tls_client);
    tls->set_default_verify_paths();
    tls->set_verify_mode(asio::ssl::verify_peer);
    asio::co_spawn(
        io, SendTls(io, *tls, endpoints, *target, request, options, deadline, out, error), done);
  } else {
    asio::co_spawn(io, SendPlain(io, endpoints, request, options, deadline, out, error), done);
  }
  io.run();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& e) {
      throw OutboundError(std::string("failed: ") + e.what());
    }
  }
  if (!error.empty()) throw OutboundError(error);
  return out;
}

}  // namespace vigor::platform::http
