#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/privacy.hpp"

namespace vigor::features::social {

using core::privacy::Visibility;

// A user's sharing settings (privacy_settings; the defaults when the user never saved any).
struct PrivacySettings {
  Visibility workouts = Visibility::kFollowers;
  Visibility records = Visibility::kFollowers;
  Visibility goals = Visibility::kFollowers;
  Visibility body = Visibility::kPrivate;
  std::map<std::string, Visibility> sports;  // per-sport defaults for workouts
  bool require_follow_approval = true;
  bool listed_in_directory = false;
  Visibility stats_visibility = Visibility::kFollowers;
  Visibility connections_visibility = Visibility::kFollowers;
};

// The profile a user writes about themselves.
struct ProfileInput {
  std::string display_name;  // empty: the username is shown
  std::string bio;
};

// A user as lists show them (followers, directory, blocks).
struct PersonRow {
  std::string user_id;
  std::string username;
  std::string display_name;
  std::optional<std::string> avatar_etag;
  std::string since;  // when the relation began (the list's order); the username in the directory
};

struct PersonPage {
  std::vector<PersonRow> items;
  std::optional<std::string> next_cursor;
};

// The cheap public stats a profile may show (features/social/profile_stats.hpp).
struct ProfileStats {
  std::int64_t workouts_this_year = 0;
  std::int64_t workouts_this_week = 0;
  double distance_this_year_m = 0;
};

enum class FollowState { kNone, kPending, kApproved };

// What GET /users/{username} shows the viewer.
struct ProfileView {
  PersonRow person;
  std::string bio;
  bool has_avatar = false;
  std::int64_t followers = 0;
  std::int64_t following = 0;
  bool requires_approval = true;
  std::optional<ProfileStats> stats;  // only when the viewer may see them
  bool connections_visible = false;
  // The viewer's relation (all false/none for the owner and the anonymous).
  FollowState following_state = FollowState::kNone;
  bool follows_you = false;
  bool blocked_by_you = false;
  bool muted = false;
  bool is_self = false;
};

struct MyProfile {
  std::string username;
  std::string display_name;
  std::string bio;
  bool has_avatar = false;
  std::optional<std::string> avatar_etag;
  Visibility stats_visibility = Visibility::kFollowers;
};

struct ZoneInput {
  std::string name;
  double latitude = 0;
  double longitude = 0;
  double radius_m = 0;
};

}  // namespace vigor::features::social
