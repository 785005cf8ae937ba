#include "features/notifications/json_codec.hpp"

#include <algorithm>
#include <boost/json/array.hpp>

#include "platform/error.hpp"
#include "platform/id.hpp"

namespace vigor::features::notifications {

using platform::Error;
using platform::ErrorKind;
using platform::FieldErrors;

namespace {

boost::json::value OptText(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::value(*text);
}

boost::json::value Card(const std::optional<social::UserCard>& card) {
  if (!card) return nullptr;
  return boost::json::object{{"username", card->username},
                             {"display_name", card->display_name},
                             {"avatar_url", OptText(card->avatar_url)}};
}

std::optional<bool> BoolMember(const boost::json::object& object, std::string_view name,
                               const std::string& path, FieldErrors& errors) {
  auto* value = object.if_contains(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_bool()) {
    errors.Add(path, Msg("not_boolean"));
    return std::nullopt;
  }
  return value->as_bool();
}

void RejectUnknown(const boost::json::object& object, std::initializer_list<std::string_view> known,
                   const std::string& prefix, FieldErrors& errors) {
  for (const auto& member : object) {
    if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
      errors.Add(prefix + std::string(member.key()), Msg("unknown_field"));
    }
  }
}

}  // namespace

boost::json::object EncodeNotification(const NotificationView& view) {
  const auto& n = view.notification;
  boost::json::value subject = nullptr;
  if (n.subject_kind && n.subject_id) {
    boost::json::object s{{"kind", *n.subject_kind},
                          {"id", *n.subject_id},
                          {"owner_id", OptText(n.subject_owner_id)}};
    if (view.subject_user) s["username"] = view.subject_user->username;
    subject = std::move(s);
  }
  return {{"id", n.id},
          {"kind", n.kind},
          {"actor", Card(view.actor)},
          {"subject", std::move(subject)},
          {"excerpt", n.excerpt},
          {"created_at", n.created_at},
          {"read", n.read_at.has_value()},
          {"read_at", OptText(n.read_at)}};
}

boost::json::object EncodeNotificationPage(const NotificationPage& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(EncodeNotification(item));
  return {{"items", std::move(items)},
          {"next_cursor", OptText(page.next_cursor)},
          {"unread_count", page.unread_count}};
}

boost::json::object EncodePreferences(const NotificationPreferences& prefs) {
  boost::json::object kinds;
  for (auto kind : kKinds) {
    auto found = prefs.kinds.find(kind);
    KindSetting setting = found == prefs.kinds.end() ? KindSetting{} : found->second;
    kinds[kind] = boost::json::object{{"in_app", setting.in_app}, {"in_digest", setting.in_digest}};
  }
  return {{"kinds", std::move(kinds)},
          {"digest", boost::json::object{{"enabled", prefs.digest_enabled},
                                         {"hour", prefs.digest_hour},
                                         {"time_zone", prefs.time_zone}}}};
}

PreferencesPatch DecodePreferencesPatch(const boost::json::object& body) {
  FieldErrors errors;
  PreferencesPatch patch;
  RejectUnknown(body, {"kinds", "digest"}, "", errors);
  if (auto* kinds = body.if_contains("kinds")) {
    if (!kinds->is_object()) {
      errors.Add("kinds", Msg("not_object"));
    } else {
      for (const auto& member : kinds->as_object()) {
        std::string path = "kinds." + std::string(member.key());
        if (!IsKind(member.key())) {
          errors.Add(path, Msg("unknown_field"));
          continue;
        }
        if (!member.value().is_object()) {
          errors.Add(path, Msg("not_object"));
          continue;
        }
        const auto& object = member.value().as_object();
        RejectUnknown(object, {"in_app", "in_digest"}, path + ".", errors);
        PreferencesPatch::KindPatch change;
        change.in_app = BoolMember(object, "in_app", path + ".in_app", errors);
        change.in_digest = BoolMember(object, "in_digest", path + ".in_digest", errors);
        patch.kinds.emplace(std::string(member.key()), change);
      }
    }
  }
  if (auto* digest = body.if_contains("digest")) {
    if (!digest->is_object()) {
      errors.Add("digest", Msg("not_object"));
    } else {
      const auto& object = digest->as_object();
      RejectUnknown(object, {"enabled", "hour"}, "digest.", errors);
      patch.digest_enabled = BoolMember(object, "enabled", "digest.enabled", errors);
      if (auto* hour = object.if_contains("hour")) {
        auto value = hour->if_int64();
        if (value == nullptr || *value < 0 || *value > 23) {
          errors.Add("digest.hour", Msg("not_between", {{"min", "0"}, {"max", "23"}}));
        } else {
          patch.digest_hour = static_cast<int>(*value);
        }
      }
    }
  }
  errors.ThrowIfAny();
  return patch;
}

std::optional<std::vector<std::string>> DecodeMarkRead(const boost::json::object& body,
                                                       std::size_t max_ids) {
  FieldErrors errors;
  RejectUnknown(body, {"ids", "all"}, "", errors);
  auto* ids = body.if_contains("ids");
  auto all = BoolMember(body, "all", "all", errors);
  std::vector<std::string> out;
  if (ids != nullptr && all) {
    errors.Add("all", Msg("unknown_field"));
  } else if (ids == nullptr && !all.value_or(false)) {
    errors.Add("ids", Msg("required"));  // {"all":false} marks nothing either
  } else if (ids != nullptr) {
    if (!ids->is_array()) {
      errors.Add("ids", Msg("not_list"));
    } else if (ids->as_array().empty()) {
      errors.Add("ids", Msg("required"));
    } else if (ids->as_array().size() > max_ids) {
      errors.Add("ids", Msg("too_many_items", {{"max", std::to_string(max_ids)}}));
    } else {
      for (const auto& id : ids->as_array()) {
        if (!id.is_string() || !platform::IsUuid(id.as_string())) {
          errors.Add("ids", Msg("not_uuid"));
          break;
        }
        out.emplace_back(id.as_string());
      }
    }
  }
  errors.ThrowIfAny();
  if (ids == nullptr) return std::nullopt;
  return out;
}

}  // namespace vigor::features::notifications
