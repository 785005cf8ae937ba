#include "features/imports/activity_file.hpp"

#include <algorithm>
#include <cctype>

namespace vigor::features::imports {

namespace {

bool IsXmlNameChar(unsigned char c) {
  return std::isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || c >= 0x80;
}

// The name of the XML document's root element, or nullopt when the text does not start like
// XML (only the prolog may come before the root: declaration, comments, PIs, a DOCTYPE).
std::optional<std::string> XmlRootName(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
      ++i;
    }
  };
  // A bounded number of prolog items: a file of nothing but comments is not an activity.
  for (int items = 0; items < 64; ++items) {
    skip_space();
    if (i >= text.size() || text[i] != '<') return std::nullopt;
    std::string_view rest = text.substr(i);
    std::size_t end = std::string_view::npos;
    if (rest.starts_with("<?")) {
      end = rest.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (rest.starts_with("<!--")) {
      end = rest.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (rest.starts_with("<!")) {
      // A DOCTYPE, perhaps with an internal subset in brackets.
      std::size_t bracket = rest.find('[');
      std::size_t close = rest.find('>');
      if (bracket != std::string_view::npos && bracket < close) {
        std::size_t subset_end = rest.find(']', bracket);
        close = subset_end == std::string_view::npos ? subset_end : rest.find('>', subset_end);
      }
      end = close == std::string_view::npos ? close : close + 1;
    } else {
      std::size_t n = 1;
      while (n < rest.size() && IsXmlNameChar(static_cast<unsigned char>(rest[n]))) ++n;
      if (n == 1) return std::nullopt;
      return std::string(rest.substr(1, std::min<std::size_t>(n - 1, 60)));
    }
    if (end == std::string_view::npos) return std::nullopt;
    i += end;
  }
  return std::nullopt;
}

std::string_view LocalName(std::string_view name) {
  auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool LooksLikeText(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  return std::none_of(head.begin(), head.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 && u != '\t' && u != '\n' && u != '\r';
  });
}

// The root's name as the user may be shown it: XML name characters only (no markup, no
// control characters).
std::string Printable(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && IsXmlNameChar(u)) out.push_back(c);
  }
  return out.empty() ? "?" : out;
}

}  // namespace

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B && bytes[2] == 0x08;
}

ActivityFileKind IdentifyActivityFile(std::string_view bytes) {
  // FIT (the FIT protocol, "File Header"): byte 0 is the header's size (12 or 14), bytes 8-11
  // the ASCII signature ".FIT".
  if (bytes.size() >= 12 && (bytes[0] == 12 || bytes[0] == 14) && bytes.substr(8, 4) == ".FIT") {
    return {ImportFormat::kFit, {}};
  }
  if (auto root = XmlRootName(bytes)) {
    std::string_view local = LocalName(*root);
    if (local == "gpx") return {ImportFormat::kGpx, {}};
    if (local == "TrainingCenterDatabase") return {ImportFormat::kTcx, {}};
    return {std::nullopt, Msg("upload_format_unknown_xml", {{"root", Printable(*root)}})};
  }
  if (bytes.starts_with("PK\x03\x04")) return {std::nullopt, Msg("upload_format_unknown_zip")};
  if (LooksLikeText(bytes)) return {std::nullopt, Msg("upload_format_unknown_text")};
  return {std::nullopt, Msg("upload_format_unknown_binary")};
}

}  // namespace vigor::features::imports
