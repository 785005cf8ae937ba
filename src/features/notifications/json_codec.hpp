#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/notifications/model.hpp"

namespace vigor::features::notifications {

boost::json::object EncodeNotification(const NotificationView& view);
boost::json::object EncodeNotificationPage(const NotificationPage& page);
boost::json::object EncodePreferences(const NotificationPreferences& prefs);

// {"kinds":{KIND:{"in_app":B,"in_digest":B}},"digest":{"enabled":B,"hour":0-23}}, every member
// optional; throws a validation error naming every bad field.
PreferencesPatch DecodePreferencesPatch(const boost::json::object& body);
// {"ids":[...]} (1 to `max_ids` UUIDs) or {"all":true}; nullopt for all.
std::optional<std::vector<std::string>> DecodeMarkRead(const boost::json::object& body,
                                                       std::size_t max_ids);

}  // namespace vigor::features::notifications
