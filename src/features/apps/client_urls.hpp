#pragma once

#include <optional>
#include <string>
#include <string_view>

// The rules for the URLs an app registers, as pure functions: each answers nullopt when the
// URL is acceptable, or the catalogue code of what is wrong with it.
namespace vigor::features::apps {

// A logo or homepage URL: absolute https (http only for localhost, 127.0.0.1 or [::1], where
// a developer runs the app being built), with a host, no user name or password.
std::optional<std::string_view> WebUrlProblem(std::string_view url);

// A redirect URI (RFC 6749 3.1.2, RFC 8252 7, RFC 9700 2.1): absolute, no fragment, and one of
//  - https with a host;
//  - http on a loopback IP literal (http://127.0.0.1:port/..., http://[::1]:port/...), for
//    native apps that listen on a port of their own (RFC 8252 7.3; "localhost" is refused as
//    RFC 8252 8.3 advises, since a name may resolve elsewhere);
//  - a private-use scheme in reverse-domain form (com.example.app:/callback, RFC 8252 7.1),
//    never one a browser would run or read locally (javascript:, data:, file:, ...).
std::optional<std::string_view> RedirectUriProblem(std::string_view uri);

}  // namespace vigor::features::apps
