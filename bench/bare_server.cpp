// The reference for Vigor's own work per request (bench/run.sh, issue 16): a bare Boost.Beast
// HTTP/1.1 server that answers every request with the same bytes, read from a file that holds
// a complete response of Vigor's /healthz (status line, headers, body). It has what any Beast
// server must do (accept, parse the request, write the bytes, keep-alive) and nothing of
// Vigor's (routing, middleware, access log, headers built per request), so /healthz over this
// figure is the share of the socket work that Vigor's request path leaves. Two I/O threads,
// one io_context each, like `vigor serve`'s default.
//
//   vigor_bare_server RESPONSE-FILE   prints "listening on PORT", serves until killed
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

asio::awaitable<void> Serve(tcp::socket socket, const std::string& response) {
  beast::flat_buffer buffer;
  while (true) {
    bhttp::request_parser<bhttp::empty_body> parser;
    auto [ec, n] = co_await bhttp::async_read(socket, buffer, parser, kNoThrow);
    if (ec) break;
    auto [wec, wn] = co_await asio::async_write(socket, asio::buffer(response), kNoThrow);
    if (wec || !parser.get().keep_alive()) break;
  }
  boost::system::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Accept(tcp::acceptor& acceptor,
                             std::vector<std::unique_ptr<asio::io_context>>& contexts,
                             const std::string& response) {
  std::size_t next = 0;
  while (true) {
    auto& context = *contexts[next++ % contexts.size()];
    auto [ec, socket] = co_await acceptor.async_accept(context, kNoThrow);
    if (ec) continue;
    asio::co_spawn(context, Serve(std::move(socket), response), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: vigor_bare_server RESPONSE-FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::string response{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (response.find("\r\n\r\n") == std::string::npos) {
    std::cerr << "vigor_bare_server: " << argv[1] << " holds no complete HTTP response\n";
    return 2;
  }
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (int i = 0; i < 2; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  tcp::acceptor acceptor(*contexts[0], tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  acceptor.listen(asio::socket_base::max_listen_connections);
  std::cout << "listening on " << acceptor.local_endpoint().port() << std::endl;
  asio::co_spawn(*contexts[0], Accept(acceptor, contexts, response), asio::detached);
  auto guard = asio::make_work_guard(*contexts[1]);
  std::thread second([&] { contexts[1]->run(); });
  contexts[0]->run();
  second.join();
}
