#include "platform/http/static_files.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <sstream>
#include <vector>

#include "platform/http/router.hpp"
#include "platform/obs/log.hpp"

namespace vigor::platform::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".txt", "text/plain; charset=utf-8"},
    {".map", "application/json"},
    {".wasm", "application/wasm"},
    {".xml", "application/xml"},
    {".gpx", "application/gpx+xml"},
    {".pdf", "application/pdf"},
}};

std::string ContentType(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return std::string(type);
  }
  return "application/octet-stream";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string Etag(std::string_view content, std::string_view suffix) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(content.data(), content.size(), digest, &size, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (unsigned int i = 0; i < 12 && i < size; ++i) {
    tag.push_back(kHex[digest[i] >> 4]);
    tag.push_back(kHex[digest[i] & 0xf]);
  }
  tag += suffix;
  tag.push_back('"');
  return tag;
}

// True when Accept-Encoding lists `coding` (or *) with a non-zero quality.
bool Accepts(std::optional<std::string_view> header, std::string_view coding) {
  if (!header) return false;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    auto semi = item.find(';');
    std::string_view name = item.substr(0, semi);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!EqualsIgnoreCase(name, coding) && name != "*") continue;
    if (semi != std::string_view::npos) {
      std::string_view params = item.substr(semi + 1);
      auto q = params.find("q=");
      if (q != std::string_view::npos) {
        std::string_view value = params.substr(q + 2);
        if (value.starts_with("0") && value.find_first_not_of("0. ") == std::string_view::npos) {
          return false;
        }
      }
    }
    return true;
  }
  return false;
}

bool EtagMatches(std::optional<std::string_view> if_none_match, std::string_view etag) {
  if (!if_none_match) return false;
  std::string_view list = *if_none_match;
  if (list == "*") return true;
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<StaticFiles> StaticFiles::Load(const std::filesystem::path& dir,
                                               obs::Logger& logger) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(dir / "index.html", ec)) {
    logger.Warn("web app not found: serving the API only",
                {{"web_dir", std::string_view(dir.native())}});
    return nullptr;
  }
  auto files = std::make_unique<StaticFiles>();
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const auto& path = it->path();
    auto ext = path.extension();
    if (ext == ".br" || ext == ".gz") continue;
    std::string rel = std::filesystem::relative(path, dir).generic_string();
    File file;
    file.content_type = ContentType(path);
    // Vite puts content-hashed files under assets/: they never change, so cache them forever.
    if (rel.starts_with("assets/")) {
      file.cache_control = "public, max-age=31536000, immutable";
    } else if (ext == ".html") {
      file.cache_control = "no-cache";
    } else {
      file.cache_control = "public, max-age=3600";
    }
    std::string body = ReadFile(path);
    file.identity = {body, Etag(body, "")};
    auto br = std::filesystem::path(path.native() + ".br");
    if (std::filesystem::is_regular_file(br))
      file.brotli = Variant{ReadFile(br), Etag(body, "-br")};
    auto gz = std::filesystem::path(path.native() + ".gz");
    if (std::filesystem::is_regular_file(gz)) file.gzip = Variant{ReadFile(gz), Etag(body, "-gz")};
    files->files_.emplace(std::move(rel), std::move(file));
  }
  logger.Info("web app loaded", {{"web_dir", std::string_view(dir.native())},
                                 {"files", static_cast<std::int64_t>(files->files_.size())}});
  return files;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  std::vector<std::string> segments;
  if (!SplitPath(request.Path(), segments)) return std::nullopt;
  std::string rel;
  for (const auto& s : segments) {
    if (!rel.empty()) rel.push_back('/');
    rel += s;
  }
  if (rel.empty()) rel = "index.html";
  if (auto it = files_.find(rel); it != files_.end()) return Respond(request, it->second);
  // A client-side route (no extension in the last segment) gets the app shell.
  if (segments.empty() || segments.back().find('.') == std::string::npos) {
    if (auto it = files_.find("index.html"); it != files_.end())
      return Respond(request, it->second);
  }
  return std::nullopt;
}

Response StaticFiles::Respond(const Request& request, const File& file) const {
  auto accept = request.headers.Get("Accept-Encoding");
  const Variant* variant = &file.identity;
  std::string_view encoding;
  if (file.brotli && Accepts(accept, "br")) {
    variant = &*file.brotli;
    encoding = "br";
  } else if (file.gzip && Accepts(accept, "gzip")) {
    variant = &*file.gzip;
    encoding = "gzip";
  }
  Response response;
  response.headers.Set("Cache-Control", file.cache_control);
  response.headers.Set("ETag", variant->etag);
  if (file.brotli || file.gzip) response.headers.Set("Vary", "Accept-Encoding");
  if (EtagMatches(request.headers.Get("If-None-Match"), variant->etag)) {
    response.status = 304;
    return response;
  }
  response.status = 200;
  response.headers.Set("Content-Type", file.content_type);
  if (!encoding.empty()) response.headers.Set("Content-Encoding", std::string(encoding));
  response.body = variant->body;
  return response;
}

}  // namespace vigor::platform::http
