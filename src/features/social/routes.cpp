#include "features/social/routes.hpp"

#include <boost/json.hpp>

#include "core/limits.hpp"
#include "features/workouts/model.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::social {

namespace http = platform::http;
namespace json = boost::json;
namespace limits = core::limits;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

std::string NameOf(Visibility v) { return std::string(core::privacy::VisibilityName(v)); }

std::string_view FollowStateName(FollowState state) {
  switch (state) {
    case FollowState::kPending:
      return "pending";
    case FollowState::kApproved:
      return "approved";
    case FollowState::kNone:
      break;
  }
  return "none";
}

json::value AvatarUrlOf(std::string_view username, const std::optional<std::string>& etag) {
  if (!etag) return nullptr;
  return json::value(SocialService::AvatarUrl(username, *etag));
}

json::object EncodePerson(const PersonRow& person) {
  return {{"username", person.username},
          {"display_name", person.display_name.empty() ? person.username : person.display_name},
          {"avatar_url", AvatarUrlOf(person.username, person.avatar_etag)}};
}

json::object EncodePage(const PersonPage& page) {
  json::array items;
  for (const auto& person : page.items) items.push_back(EncodePerson(person));
  return {{"items", std::move(items)},
          {"next_cursor", page.next_cursor ? json::value(*page.next_cursor) : json::value()}};
}

json::object EncodeMyProfile(const MyProfile& profile) {
  return {{"username", profile.username},
          {"display_name", profile.display_name},
          {"bio", profile.bio},
          {"avatar_url", AvatarUrlOf(profile.username, profile.avatar_etag)},
          {"stats_visibility", NameOf(profile.stats_visibility)}};
}

json::object EncodeProfileView(const ProfileView& view) {
  json::object o = EncodePerson(view.person);
  o["bio"] = view.bio;
  o["followers_count"] = view.followers;
  o["following_count"] = view.following;
  o["requires_approval"] = view.requires_approval;
  o["connections_visible"] = view.connections_visible;
  if (view.stats) {
    o["stats"] = {{"workouts_this_year", view.stats->workouts_this_year},
                  {"workouts_this_week", view.stats->workouts_this_week},
                  {"distance_this_year_m", view.stats->distance_this_year_m}};
  }
  o["relation"] = {{"self", view.is_self},
                   {"following", FollowStateName(view.following_state)},
                   {"follows_you", view.follows_you},
                   {"blocked_by_you", view.blocked_by_you},
                   {"muted", view.muted}};
  return o;
}

json::object EncodeSettings(const PrivacySettings& settings) {
  json::object sports;
  for (const auto& [sport, v] : settings.sports) sports[sport] = NameOf(v);
  return {{"workouts", NameOf(settings.workouts)},
          {"records", NameOf(settings.records)},
          {"goals", NameOf(settings.goals)},
          {"body", NameOf(settings.body)},
          {"sports", std::move(sports)},
          {"require_follow_approval", settings.require_follow_approval},
          {"listed_in_directory", settings.listed_in_directory},
          {"stats_visibility", NameOf(settings.stats_visibility)},
          {"connections_visibility", NameOf(settings.connections_visibility)}};
}

json::object EncodeZone(const PrivacyZone& zone) {
  return {{"id", zone.id},
          {"name", zone.name},
          {"latitude", zone.latitude},
          {"longitude", zone.longitude},
          {"radius_m", zone.radius_m}};
}

// A visibility member: absent keeps `current`.
Visibility VisibilityField(http::JsonBody& body, std::string_view name, Visibility current,
                           bool required) {
  const auto* value = body.json().if_contains(name);
  if (!value) {
    if (required) body.field_errors().Add(std::string(name), Msg("visibility_value_invalid"));
    return current;
  }
  auto parsed =
      value->is_string() ? core::privacy::ParseVisibility(value->as_string()) : std::nullopt;
  if (!parsed) {
    body.field_errors().Add(std::string(name), Msg("visibility_value_invalid"));
    return current;
  }
  return *parsed;
}

PrivacySettings DecodeSettings(const Request& request, PrivacySettings settings) {
  http::JsonBody body(request);
  settings.workouts = VisibilityField(body, "workouts", settings.workouts, false);
  settings.records = VisibilityField(body, "records", settings.records, false);
  settings.goals = VisibilityField(body, "goals", settings.goals, false);
  settings.body = VisibilityField(body, "body", settings.body, false);
  settings.stats_visibility =
      VisibilityField(body, "stats_visibility", settings.stats_visibility, false);
  settings.connections_visibility =
      VisibilityField(body, "connections_visibility", settings.connections_visibility, false);
  if (auto v = body.Bool("require_follow_approval", false)) settings.require_follow_approval = *v;
  if (auto v = body.Bool("listed_in_directory", false)) settings.listed_in_directory = *v;
  if (const auto* sports = body.json().if_contains("sports")) {
    settings.sports.clear();
    if (!sports->is_object()) {
      body.field_errors().Add("sports", Msg("sport_names_invalid"));
    } else {
      for (const auto& [sport, value] : sports->as_object()) {
        auto parsed =
            value.is_string() ? core::privacy::ParseVisibility(value.as_string()) : std::nullopt;
        if (!workouts::IsCardioSport(sport)) {
          body.field_errors().Add("sports", Msg("sport_names_invalid"));
        } else if (!parsed) {
          body.field_errors().Add("sports." + std::string(sport), Msg("visibility_value_invalid"));
        } else {
          settings.sports[std::string(sport)] = *parsed;
        }
      }
    }
  }
  body.Finish({"workouts", "records", "goals", "body", "sports", "require_follow_approval",
               "listed_in_directory", "stats_visibility", "connections_visibility"});
  return settings;
}

ZoneInput DecodeZone(const Request& request) {
  http::JsonBody body(request);
  ZoneInput zone;
  zone.name = body.Required("name", limits::kPrivacyZoneNameLength);
  zone.latitude = body.Number("latitude", true, -90, 90).value_or(0);
  zone.longitude = body.Number("longitude", true, -180, 180).value_or(0);
  zone.radius_m = body.Number("radius_m", true, limits::kPrivacyZoneRadiusM).value_or(0);
  body.Finish({"name", "latitude", "longitude", "radius_m"});
  return zone;
}

SocialService::Viewer ViewerOf(const RequestContext& ctx) {
  if (!ctx.principal) return std::nullopt;
  return ctx.principal->user_id;
}

std::string_view ImageTypeOf(const Request& request) {
  auto type = request.headers.Get("Content-Type").value_or("");
  auto semicolon = type.find(';');
  auto bare = type.substr(0, semicolon);
  while (!bare.empty() && bare.back() == ' ') bare.remove_suffix(1);
  if (bare == "image/jpeg" || bare == "image/png") return bare;
  return {};
}

// Same-origin reads of an avatar revalidate cheaply: the URL carries the ETag, so a changed
// picture is a new URL, and the same URL may be cached for a day.
Response AvatarResponse(const Request& request, SocialService::AvatarImage image) {
  std::string etag = "\"" + image.etag + "\"";
  Response response;
  if (request.headers.Get("If-None-Match") == etag) {
    response = Response::Empty(304);
  } else {
    response = Response::Text(200, std::move(image.jpeg), "image/jpeg");
  }
  response.headers.Set("ETag", etag);
  response.headers.Set("Cache-Control", "private, max-age=86400");
  return response;
}

}  // namespace

void RegisterSocialRoutes(http::Router& router, SocialService& social) {
  auto page_of = [](const Request& request) { return http::ParsePage(request, 50, 100); };

  // ---- my profile and avatar ----
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/profile",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeMyProfile(social.MyProfileOf(ctx.User().user_id)));
             });
  router.Add(
      {.method = Method::kPut,
       .path = "/api/v1/me/profile",
       .access = Access::kAuthenticated,
       .scope = "social:write"},
      [&social](const Request& request, RequestContext& ctx) {
        http::JsonBody body(request);
        ProfileInput input;
        input.display_name =
            body.String("display_name", {.max_length = limits::kDisplayNameLength}).value_or("");
        input.bio = body.String("bio", {.max_length = limits::kBioLength,
                                        .text = http::JsonFields::Text::kMultiLine})
                        .value_or("");
        std::optional<Visibility> stats;
        if (body.json().contains("stats_visibility")) {
          stats = VisibilityField(body, "stats_visibility", Visibility::kFollowers, true);
        }
        body.Finish({"display_name", "bio", "stats_visibility"});
        return http::Json(200,
                          EncodeMyProfile(social.SaveProfile(ctx.User().user_id, input, stats)));
      });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/me/avatar",
              .access = Access::kAuthenticated,
              .scope = "social:write",
              .max_body_bytes = limits::kAvatarUploadBytes},
             [&social](const Request& request, RequestContext& ctx) {
               if (ImageTypeOf(request).empty()) {
                 throw Error(ErrorKind::kUnsupportedMediaType, Msg("avatar_media_type"));
               }
               return http::Json(
                   200, EncodeMyProfile(social.SetAvatar(ctx.User().user_id, request.body)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/avatar",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.DeleteAvatar(ctx.User().user_id);
               return Response::Empty(204);
             });

  // ---- others' profiles ----
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               auto query = request.QueryParam("q").value_or("");
               if (query.size() > 100) {
                 throw Error(ErrorKind::kValidation, Msg("invalid_query"));
               }
               return http::Json(200, EncodePage(social.Directory(ViewerOf(ctx), query, page.cursor,
                                                                  page.limit)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&social](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeProfileView(social.ViewProfile(ViewerOf(ctx),
                                                                           ctx.Param("username"))));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/avatar",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&social](const Request& request, RequestContext& ctx) {
               return AvatarResponse(request,
                                     social.AvatarOf(ViewerOf(ctx), ctx.Param("username")));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/followers",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               return http::Json(200,
                                 EncodePage(social.Followers(ViewerOf(ctx), ctx.Param("username"),
                                                             page.cursor, page.limit)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/users/{username}/following",
              .access = Access::kPublic,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               return http::Json(200,
                                 EncodePage(social.Following(ViewerOf(ctx), ctx.Param("username"),
                                                             page.cursor, page.limit)));
             });

  // ---- follow, block, mute ----
  router.Add({.method = Method::kPut,
              .path = "/api/v1/users/{username}/follow",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               auto state = social.Follow(ctx.User(), ctx.Param("username"));
               return http::Json(200, {{"state", FollowStateName(state)}});
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/users/{username}/follow",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.Unfollow(ctx.User(), ctx.Param("username"));
               return Response::Empty(204);
             });
  struct Toggle {
    const char* path;
    void (SocialService::*on)(const std::string&, std::string_view);
    void (SocialService::*off)(const std::string&, std::string_view);
  };
  for (auto toggle :
       {Toggle{"/api/v1/users/{username}/block", &SocialService::Block, &SocialService::Unblock},
        Toggle{"/api/v1/users/{username}/mute", &SocialService::Mute, &SocialService::Unmute}}) {
    router.Add({.method = Method::kPut,
                .path = toggle.path,
                .access = Access::kAuthenticated,
                .scope = "social:write"},
               [&social, toggle](const Request&, RequestContext& ctx) {
                 (social.*toggle.on)(ctx.User().user_id, ctx.Param("username"));
                 return Response::Empty(204);
               });
    router.Add({.method = Method::kDelete,
                .path = toggle.path,
                .access = Access::kAuthenticated,
                .scope = "social:write"},
               [&social, toggle](const Request&, RequestContext& ctx) {
                 (social.*toggle.off)(ctx.User().user_id, ctx.Param("username"));
                 return Response::Empty(204);
               });
  }

  // ---- my connections ----
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/follow-requests",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               return http::Json(200, EncodePage(social.FollowRequests(ctx.User().user_id,
                                                                       page.cursor, page.limit)));
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/follow-requests/{username}/approve",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.ApproveRequest(ctx.User().user_id, ctx.Param("username"));
               return Response::Empty(204);
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/follow-requests/{username}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.DeclineRequest(ctx.User().user_id, ctx.Param("username"));
               return Response::Empty(204);
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/followers/{username}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.RemoveFollower(ctx.User().user_id, ctx.Param("username"));
               return Response::Empty(204);
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/blocks",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               return http::Json(
                   200, EncodePage(social.Blocks(ctx.User().user_id, page.cursor, page.limit)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/mutes",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social, page_of](const Request& request, RequestContext& ctx) {
               auto page = page_of(request);
               return http::Json(
                   200, EncodePage(social.Mutes(ctx.User().user_id, page.cursor, page.limit)));
             });

  // ---- privacy settings and zones ----
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/privacy",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeSettings(social.Settings(ctx.User().user_id)));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/me/privacy",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request& request, RequestContext& ctx) {
               const auto& me = ctx.User().user_id;
               auto settings = DecodeSettings(request, social.Settings(me));
               return http::Json(200, EncodeSettings(social.SaveSettings(me, settings)));
             });
  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/privacy-zones",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&social](const Request&, RequestContext& ctx) {
               json::array items;
               for (const auto& zone : social.Zones(ctx.User().user_id)) {
                 items.push_back(EncodeZone(zone));
               }
               return http::Json(200, {{"items", std::move(items)}});
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/privacy-zones",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request& request, RequestContext& ctx) {
               auto input = DecodeZone(request);
               return http::Json(201, EncodeZone(social.CreateZone(ctx.User().user_id, input)));
             });
  router.Add({.method = Method::kPut,
              .path = "/api/v1/me/privacy-zones/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request& request, RequestContext& ctx) {
               auto input = DecodeZone(request);
               return http::Json(
                   200, EncodeZone(social.ReplaceZone(ctx.User().user_id, ctx.Param("id"), input)));
             });
  router.Add({.method = Method::kDelete,
              .path = "/api/v1/me/privacy-zones/{id}",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&social](const Request&, RequestContext& ctx) {
               social.DeleteZone(ctx.User().user_id, ctx.Param("id"));
               return Response::Empty(204);
             });
}

}  // namespace vigor::features::social
