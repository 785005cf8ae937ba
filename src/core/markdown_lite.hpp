#pragma once

#include <string>
#include <string_view>

// Markdown-lite: the little formatting comments allow, rendered to HTML that is safe to put into a
// page as it is. Recognised: **bold**, *italics*, [text](https://...) and bare https:// links
// (http and https only; rel="nofollow noopener ugc"), and line breaks. Everything else is text:
// every <, >, &, " and ' of the input is escaped, so no tag, attribute or entity of the input
// survives. Pure; the web app's renderer (web/src/features/community) follows the same rules.
namespace vigor::core {

std::string RenderMarkdownLite(std::string_view text);

// Whether `url` may be a link's target: http:// or https:// (any case), then at least one
// character, none of them a space, a control character, '<', '>', '"', '\'' or '\\'.
bool IsSafeLinkTarget(std::string_view url);

}  // namespace vigor::core
