#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/outbound_client.hpp"

// The SSRF guard's parts that PostOutbound shares with CheckTarget: a URL read as a target, and
// its host resolved once and checked. Apart from outbound_client.cpp so that builds which cannot
// compile that file's coroutines (the fuzz build, clang 14) keep the checks.
namespace vigor::platform::http::outbound {

struct Target {
  bool tls = false;
  std::string host;  // a name or an address, without brackets
  std::string port;
  std::string host_header;
  std::string path_and_query;
};

// nullopt unless `text` is an absolute http(s) URL with a host and no user info.
std::optional<Target> ParseTarget(std::string_view text);

// The host's addresses; with allow_private false, none unless every one is public (a host
// naming one public and one private address could still be steered to the private one).
boost::asio::ip::tcp::resolver::results_type Resolve(boost::asio::io_context& io,
                                                     const Target& target, bool allow_private,
                                                     TargetProblem& problem);

}  // namespace vigor::platform::http::outbound
