#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "features/accounts/account_service.hpp"
#include "features/accounts/model.hpp"
#include "platform/http/json.hpp"
#include "platform/http/message.hpp"

// How account resources look on the wire (api/openapi.yaml). Never a hash, secret or sealed value.
namespace vigor::features::accounts {

boost::json::object EncodeMe(const User& user);
boost::json::object EncodeAdminUser(const User& user);
boost::json::object EncodeSession(const SessionRecord& session, const std::string& current_id);
boost::json::object EncodeToken(const ApiToken& token);
boost::json::object EncodeAuditPage(const AuditPage& page);

// The body of PATCH /api/v1/me: {preferences: {...}}; type errors are named "preferences.<member>".
// The values are checked by AccountService::UpdatePreferences.
PreferencesPatch DecodePreferencesPatch(platform::http::JsonBody& body);

ClientInfo ClientFrom(const platform::http::Request& request);

}  // namespace vigor::features::accounts
