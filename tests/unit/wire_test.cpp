#include "platform/http/wire.hpp"

#include <gtest/gtest.h>

namespace vigor::platform::http {
namespace {

// Every expected head below is written out by hand from RFC 9112 (status line, fields, CRLF).
std::string Head(const Response& response, bool keep_alive = true) {
  std::string out;
  AppendResponseHead(out, response, keep_alive);
  return out;
}

TEST(ResponseHead, StatusLineFieldsInOrderAndContentLength) {
  Response response = Response::JsonText(200, "{\"status\":\"ok\"}");
  response.headers.Add("X-Request-Id", "abc");
  EXPECT_EQ(Head(response),
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json\r\n"
            "X-Request-Id: abc\r\n"
            "Content-Length: 15\r\n"
            "\r\n");
}

TEST(ResponseHead, SeveralFieldsOfOneNameStaySeveral) {
  Response response = Response::Empty(201);
  response.headers.Add("Set-Cookie", "a=1");
  response.headers.Add("Set-Cookie", "b=2");
  EXPECT_EQ(Head(response),
            "HTTP/1.1 201 Created\r\n"
            "Set-Cookie: a=1\r\n"
            "Set-Cookie: b=2\r\n"
            "Content-Length: 0\r\n"
            "\r\n");
}

TEST(ResponseHead, ConnectionCloseWhenNotKeptAlive) {
  Response response = Response::Text(422, "no");
  response.headers = {};
  EXPECT_EQ(Head(response, false),
            "HTTP/1.1 422 Unprocessable Content\r\n"
            "Content-Length: 2\r\n"
            "Connection: close\r\n"
            "\r\n");
}

TEST(ResponseHead, NoContentLengthWhereThereIsNoBody) {
  for (int status : {204, 304, 101}) {
    Response response = Response::Empty(status);
    response.headers = {};
    std::string expected =
        "HTTP/1.1 " + std::to_string(status) + " " + std::string(ReasonPhrase(status)) + "\r\n\r\n";
    EXPECT_EQ(Head(response), expected) << status;
  }
  EXPECT_EQ(ReasonPhrase(304), "Not Modified");
  EXPECT_EQ(ReasonPhrase(204), "No Content");
}

TEST(ResponseHead, AnUnnamedStatusHasAnEmptyReason) {
  Response response = Response::Empty(599);
  response.headers = {};
  EXPECT_EQ(Head(response), "HTTP/1.1 599 \r\nContent-Length: 0\r\n\r\n");
}

TEST(ResponseHead, AStatusOutOfRangeIsSentAs500) {
  Response response = Response::Empty(42);
  response.headers = {};
  EXPECT_EQ(Head(response), "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n");
}

TEST(ResponseHead, FramingFieldsFromAHandlerAreNotCopied) {
  Response response = Response::Text(200, "hello");
  response.headers = {};
  response.headers.Add("content-length", "999");
  response.headers.Add("Transfer-Encoding", "chunked");
  response.headers.Add("Connection", "upgrade");
  EXPECT_EQ(Head(response), "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n");
}

TEST(ResponseHead, AFieldThatWouldSplitTheResponseIsDropped) {
  Response response = Response::Empty(302);
  response.headers = {};
  response.headers.Add("Location", "/x\r\nSet-Cookie: evil=1");
  response.headers.Add("X-Bad\nName", "v");
  response.headers.Add(std::string("X-Nul"), std::string("a\0b", 3));
  response.headers.Add("X-Good", "kept");
  EXPECT_EQ(Head(response),
            "HTTP/1.1 302 Found\r\n"
            "X-Good: kept\r\n"
            "Content-Length: 0\r\n"
            "\r\n");
}

TEST(ResponseHead, AppendsToWhatIsAlreadyThere) {
  Response response = Response::Empty(200);
  response.headers = {};
  std::string out = "prefix|";
  AppendResponseHead(out, response, true);
  EXPECT_EQ(out, "prefix|HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
}

}  // namespace
}  // namespace vigor::platform::http
