#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "platform/http/message.hpp"

namespace vigor::platform::obs {
class Logger;
}

namespace vigor::platform::http {

// Serves the built web app from memory. Every file is read once at start, so a request never
// touches the filesystem: path traversal has nothing to reach. Precompressed `.br` / `.gz`
// siblings written by the web build are served to clients that accept them.
class StaticFiles {
 public:
  // Loads `dir`; returns null (and logs why) when it holds no index.html.
  static std::unique_ptr<StaticFiles> Load(const std::filesystem::path& dir, obs::Logger& logger);

  // The response for a GET/HEAD of `path` (percent-encoded); nullopt when nothing is served
  // there. Paths without a file extension fall back to index.html (client-side routes).
  std::optional<Response> Serve(const Request& request) const;

  std::size_t file_count() const { return files_.size(); }

 private:
  struct Variant {
    std::string body;
    std::string etag;
  };
  struct File {
    std::string content_type;
    std::string cache_control;
    Variant identity;
    std::optional<Variant> brotli;
    std::optional<Variant> gzip;
  };
  Response Respond(const Request& request, const File& file) const;

  std::map<std::string, File, std::less<>> files_;  // key: relative path, '/'-separated
};

}  // namespace vigor::platform::http
