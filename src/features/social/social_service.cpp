#include "features/social/social_service.hpp"

#include <charconv>
#include <cstdio>

#include "core/limits.hpp"
#include "core/text_fold.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/image/image.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/time.hpp"

namespace vigor::features::social {

namespace {

using platform::Error;
using platform::ErrorKind;
namespace limits = core::limits;

[[noreturn]] void NoSuchUser() { throw Error(ErrorKind::kNotFound, Msg("no_such_user")); }

std::string CenterText(double latitude, double longitude) {
  char text[64];
  std::snprintf(text, sizeof text, "%.7f,%.7f", latitude, longitude);
  return text;
}

notifications::Notification About(std::string recipient, std::string kind, std::string actor,
                                  std::string username) {
  return {.recipient_id = std::move(recipient),
          .kind = std::move(kind),
          .actor_id = actor,
          .subject_kind = "user",
          .subject_owner_id = actor,
          .subject_id = actor,
          .excerpt = std::move(username)};
}

}  // namespace

std::string SocialService::AvatarUrl(std::string_view username, std::string_view etag) {
  return "/api/v1/users/" + std::string(username) + "/avatar?v=" + std::string(etag);
}

SocialRepository::UserRef SocialService::Addressable(Session& s, const Viewer& viewer,
                                                     std::string_view username) {
  auto user = repo_.FindActiveUser(s, username);
  if (!user) NoSuchUser();
  if (viewer && *viewer != user->id && repo_.BlockedEitherWay(s, *viewer, user->id)) NoSuchUser();
  return *user;
}

// ---- profiles ----------------------------------------------------------------------------------

MyProfile SocialService::MyProfileOf(const std::string& user_id) {
  return d_.database.ReadResult([&](Session& s) { return repo_.LoadProfile(s, user_id); });
}

MyProfile SocialService::SaveProfile(const std::string& user_id, const ProfileInput& input,
                                     std::optional<Visibility> stats_visibility) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) {
    repo_.SaveProfile(s, user_id, input, core::SearchKey(input.display_name), now);
    if (stats_visibility) {
      auto settings = repo_.LoadSettings(s, user_id);
      settings.stats_visibility = *stats_visibility;
      repo_.SaveSettings(s, user_id, settings, now);
    }
  });
  return MyProfileOf(user_id);
}

ProfileView SocialService::ViewProfile(const Viewer& viewer, std::string_view username) {
  return d_.database.ReadOnReplicaResult([&](Session& s) {
    auto user = Addressable(s, viewer, username);
    auto profile = repo_.LoadProfile(s, user.id);
    auto settings = repo_.LoadSettings(s, user.id);
    ProfileView view;
    view.person = {.user_id = user.id,
                   .username = user.username,
                   .display_name = profile.display_name,
                   .avatar_etag = profile.avatar_etag,
                   .since = ""};
    view.bio = profile.bio;
    view.has_avatar = profile.has_avatar;
    view.is_self = viewer && *viewer == user.id;
    // A profile a moderator hid shows others only its username: the name, bio and avatar are
    // what was reported.
    if (!view.is_self && d_.policy.IsHidden(s, "profile", user.id, user.id)) {
      view.person.display_name.clear();
      view.person.avatar_etag.reset();
      view.bio.clear();
      view.has_avatar = false;
    }
    view.followers = repo_.CountFollowers(s, user.id);
    view.following = repo_.CountFollowing(s, user.id);
    view.requires_approval = settings.require_follow_approval;
    if (d_.policy.MaySee(s, viewer, user.id, settings.stats_visibility, "profile", user.id)) {
      view.stats = stats_ ? stats_(s, user.id) : std::optional<ProfileStats>(ProfileStats{});
    }
    view.connections_visible =
        d_.policy.MaySee(s, viewer, user.id, settings.connections_visibility, "profile", user.id);
    if (viewer && !view.is_self) {
      view.following_state = repo_.FollowStateOf(s, *viewer, user.id).value_or(FollowState::kNone);
      view.follows_you = repo_.FollowStateOf(s, user.id, *viewer) == FollowState::kApproved;
      view.blocked_by_you = repo_.Blocks(s, *viewer, user.id);
      view.muted = repo_.Mutes(s, *viewer, user.id);
    }
    return view;
  });
}

MyProfile SocialService::SetAvatar(const std::string& user_id, std::string_view upload) {
  namespace image = platform::image;
  image::ImageError error;
  auto decoded = image::Decode(
      upload, {.max_width = limits::kAvatarMaxSide, .max_height = limits::kAvatarMaxSide}, error);
  if (!decoded) {
    if (error.kind == image::ImageError::Kind::kTooLarge) {
      throw Error(ErrorKind::kValidation,
                  Msg("avatar_too_many_pixels", {{"max", limits::kAvatarMaxSide}}));
    }
    throw Error(ErrorKind::kValidation, Msg("avatar_unreadable"));
  }
  auto jpeg = image::EncodeJpeg(image::SquareThumbnail(*decoded, limits::kAvatarStoredSide));
  auto etag = platform::crypto::Sha256Hex(jpeg).substr(0, 16);
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) { repo_.SetAvatar(s, user_id, jpeg, etag, now); });
  return MyProfileOf(user_id);
}

void SocialService::DeleteAvatar(const std::string& user_id) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) { repo_.ClearAvatar(s, user_id, now); });
}

SocialService::AvatarImage SocialService::AvatarOf(const Viewer& viewer,
                                                   std::string_view username) {
  return d_.database.ReadResult([&](Session& s) {
    auto user = Addressable(s, viewer, username);
    auto avatar = repo_.LoadAvatar(s, user.id);
    bool hidden_from_viewer =
        viewer != user.id && d_.policy.IsHidden(s, "profile", user.id, user.id);
    if (!avatar || hidden_from_viewer) throw Error(ErrorKind::kNotFound, Msg("no_such_avatar"));
    return AvatarImage{std::move(avatar->bytes), std::move(avatar->etag)};
  });
}

// ---- follows -----------------------------------------------------------------------------------

FollowState SocialService::Follow(const Principal& me, std::string_view username) {
  d_.limiter.Take("follow:user:" + me.user_id,
                  {limits::kFollowBurst, limits::kFollowsPerHour / 3600});
  auto now = platform::NowRfc3339();
  FollowState state = FollowState::kNone;
  d_.database.Write([&](Session& s) {
    auto user = Addressable(s, me.user_id, username);
    if (user.id == me.user_id) throw Error(ErrorKind::kConflict, Msg("not_to_yourself"));
    if (auto existing = repo_.FollowStateOf(s, me.user_id, user.id)) {
      state = *existing;
      return;
    }
    auto settings = repo_.LoadSettings(s, user.id);
    state = settings.require_follow_approval ? FollowState::kPending : FollowState::kApproved;
    repo_.InsertFollow(s, me.user_id, user.id, state, now);
    if (state == FollowState::kApproved) {
      d_.graph_changes.Notify(s, {GraphChange::Kind::kFollowApproved, me.user_id, user.id});
      d_.notifier.Notify(s, About(user.id, "new_follower", me.user_id, me.username));
    } else {
      d_.notifier.Notify(s, About(user.id, "follow_request", me.user_id, me.username));
    }
  });
  return state;
}

void SocialService::EndFollow(Session& s, const std::string& follower,
                              const std::string& followee) {
  // A withdrawn or refused request was never a follow: only an approved one ends.
  if (repo_.DeleteFollow(s, follower, followee) == FollowState::kApproved) {
    d_.graph_changes.Notify(s, {GraphChange::Kind::kFollowEnded, follower, followee});
  }
}

void SocialService::Unfollow(const Principal& me, std::string_view username) {
  d_.database.Write([&](Session& s) {
    auto user = Addressable(s, me.user_id, username);
    EndFollow(s, me.user_id, user.id);
  });
}

PersonPage SocialService::Followers(const Viewer& viewer, std::string_view username,
                                    const std::string& cursor, int limit) {
  return d_.database.ReadResult([&](Session& s) {
    auto user = Addressable(s, viewer, username);
    auto settings = repo_.LoadSettings(s, user.id);
    if (!d_.policy.MaySee(s, viewer, user.id, settings.connections_visibility, "profile",
                          user.id)) {
      NoSuchUser();
    }
    return repo_.Followers(s, user.id, "approved", viewer, cursor, limit);
  });
}

PersonPage SocialService::Following(const Viewer& viewer, std::string_view username,
                                    const std::string& cursor, int limit) {
  return d_.database.ReadResult([&](Session& s) {
    auto user = Addressable(s, viewer, username);
    auto settings = repo_.LoadSettings(s, user.id);
    if (!d_.policy.MaySee(s, viewer, user.id, settings.connections_visibility, "profile",
                          user.id)) {
      NoSuchUser();
    }
    return repo_.Following(s, user.id, viewer, cursor, limit);
  });
}

PersonPage SocialService::FollowRequests(const std::string& me, const std::string& cursor,
                                         int limit) {
  return d_.database.ReadResult(
      [&](Session& s) { return repo_.Followers(s, me, "pending", me, cursor, limit); });
}

void SocialService::ApproveRequest(const std::string& me, std::string_view username) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) {
    auto user = repo_.FindActiveUser(s, username);
    if (!user || !repo_.ApproveFollow(s, user->id, me, now)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_follow_request"));
    }
    d_.graph_changes.Notify(s, {GraphChange::Kind::kFollowApproved, user->id, me});
    auto my_name = repo_.LoadProfile(s, me).username;
    d_.notifier.Notify(s, About(user->id, "follow_approved", me, my_name));
  });
}

void SocialService::DeclineRequest(const std::string& me, std::string_view username) {
  d_.database.Write([&](Session& s) {
    auto user = repo_.FindActiveUser(s, username);
    if (!user || repo_.FollowStateOf(s, user->id, me) != FollowState::kPending) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_follow_request"));
    }
    repo_.DeleteFollow(s, user->id, me);
  });
}

void SocialService::RemoveFollower(const std::string& me, std::string_view username) {
  d_.database.Write([&](Session& s) {
    auto user = repo_.FindActiveUser(s, username);
    if (!user || repo_.FollowStateOf(s, user->id, me) != FollowState::kApproved) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_follower"));
    }
    EndFollow(s, user->id, me);
  });
}

// ---- blocks and mutes --------------------------------------------------------------------------

void SocialService::Block(const std::string& me, std::string_view username) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) {
    // Blocking someone who blocked you first is allowed (and answers the same as any block):
    // the block must not tell whether the other blocked you.
    auto user = repo_.FindActiveUser(s, username);
    if (!user) NoSuchUser();
    if (user->id == me) throw Error(ErrorKind::kConflict, Msg("not_to_yourself"));
    if (!repo_.InsertBlock(s, me, user->id, now)) return;
    EndFollow(s, me, user->id);
    EndFollow(s, user->id, me);
    d_.graph_changes.Notify(s, {GraphChange::Kind::kBlocked, me, user->id});
  });
}

void SocialService::Unblock(const std::string& me, std::string_view username) {
  d_.database.Write([&](Session& s) {
    auto user = repo_.FindActiveUser(s, username);
    if (!user) NoSuchUser();
    repo_.DeleteBlock(s, me, user->id);
  });
}

void SocialService::Mute(const std::string& me, std::string_view username) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) {
    auto user = Addressable(s, me, username);
    if (user.id == me) throw Error(ErrorKind::kConflict, Msg("not_to_yourself"));
    repo_.InsertMute(s, me, user.id, now);
  });
}

void SocialService::Unmute(const std::string& me, std::string_view username) {
  d_.database.Write([&](Session& s) {
    auto user = repo_.FindActiveUser(s, username);
    if (!user) NoSuchUser();
    repo_.DeleteMute(s, me, user->id);
  });
}

PersonPage SocialService::Blocks(const std::string& me, const std::string& cursor, int limit) {
  return d_.database.ReadResult([&](Session& s) { return repo_.BlockList(s, me, cursor, limit); });
}

PersonPage SocialService::Mutes(const std::string& me, const std::string& cursor, int limit) {
  return d_.database.ReadResult([&](Session& s) { return repo_.MuteList(s, me, cursor, limit); });
}

PersonPage SocialService::Directory(const Viewer& viewer, std::string_view query,
                                    const std::string& cursor, int limit) {
  auto folded = core::SearchKey(query);
  return d_.database.ReadOnReplicaResult(
      [&](Session& s) { return repo_.Directory(s, viewer, folded, cursor, limit); });
}

// ---- settings and zones ------------------------------------------------------------------------

PrivacySettings SocialService::Settings(const std::string& me) {
  return d_.database.ReadResult([&](Session& s) { return repo_.LoadSettings(s, me); });
}

PrivacySettings SocialService::SaveSettings(const std::string& me,
                                            const PrivacySettings& settings) {
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) { repo_.SaveSettings(s, me, settings, now); });
  return Settings(me);
}

std::vector<PrivacyZone> SocialService::Zones(const std::string& me) {
  return d_.database.ReadResult([&](Session& s) { return d_.lookup.ZonesOf(s, me); });
}

PrivacyZone SocialService::CreateZone(const std::string& me, const ZoneInput& input) {
  auto id = platform::NewId();
  auto now = platform::NowRfc3339();
  d_.database.Write([&](Session& s) {
    if (repo_.CountZones(s, me) >= limits::kPrivacyZonesPerUser) {
      throw Error(ErrorKind::kConflict,
                  Msg("privacy_zone_limit", {{"max", limits::kPrivacyZonesPerUser}}));
    }
    repo_.InsertZone(s, me, id, input.name,
                     d_.secrets.Seal(CenterText(input.latitude, input.longitude)), input.radius_m,
                     now);
  });
  return {.id = id,
          .name = input.name,
          .latitude = input.latitude,
          .longitude = input.longitude,
          .radius_m = input.radius_m};
}

PrivacyZone SocialService::ReplaceZone(const std::string& me, const std::string& id,
                                       const ZoneInput& input) {
  d_.database.Write([&](Session& s) {
    if (!repo_.UpdateZone(s, me, id, input.name,
                          d_.secrets.Seal(CenterText(input.latitude, input.longitude)),
                          input.radius_m)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_privacy_zone"));
    }
  });
  return {.id = id,
          .name = input.name,
          .latitude = input.latitude,
          .longitude = input.longitude,
          .radius_m = input.radius_m};
}

void SocialService::DeleteZone(const std::string& me, const std::string& id) {
  d_.database.Write([&](Session& s) {
    if (!repo_.DeleteZone(s, me, id)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_privacy_zone"));
    }
  });
}

std::optional<std::string> SocialService::ReportExcerpt(Session& s, const std::string& viewer_id,
                                                        std::string_view username,
                                                        std::string* owner_id) {
  auto user = repo_.FindActiveUser(s, username);
  if (!user || (viewer_id != user->id && repo_.BlockedEitherWay(s, viewer_id, user->id))) {
    return std::nullopt;
  }
  auto profile = repo_.LoadProfile(s, user->id);
  *owner_id = user->id;
  std::string excerpt = "@" + user->username;
  if (!profile.display_name.empty()) excerpt += " (" + profile.display_name + ")";
  if (!profile.bio.empty()) excerpt += "\n" + profile.bio;
  return excerpt;
}

}  // namespace vigor::features::social
