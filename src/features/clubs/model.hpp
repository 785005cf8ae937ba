#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/social/social_lookup.hpp"

namespace vigor::features::clubs {

// A club as stored. access: "public" (anyone joins at once) or "private" (a join is a request
// an admin approves; members and posts are for members only).
struct Club {
  std::string id;
  std::string name;
  std::string description;
  std::string access;
  std::string owner_id;
  std::string created_at;
  std::int64_t member_count = 0;
};

// A user's row in a club. role: "owner", "admin", "member"; state: "pending" (a request to join a
// private club) or "active".
struct Membership {
  std::string user_id;
  std::string role;
  std::string state;
  std::string joined_at;
};

// A club as one viewer sees it: the viewer's own membership (none for a stranger).
struct ClubView {
  Club club;
  std::optional<social::UserCard> owner;
  std::optional<Membership> mine;
};

struct ClubPage {
  std::vector<ClubView> items;
  std::optional<std::string> next_cursor;
};

struct MemberView {
  Membership membership;
  social::UserCard user;
};

struct MemberPage {
  std::vector<MemberView> items;
  std::optional<std::string> next_cursor;
};

struct ClubPost {
  std::string id;
  std::string club_id;
  std::string author_id;
  std::string body;
  std::string created_at;
  std::optional<std::string> edited_at;
};

struct PostView {
  ClubPost post;
  social::UserCard author;
  bool may_delete = false;  // the viewer wrote it or is an admin of the club
};

struct PostPage {
  std::vector<PostView> items;
  std::optional<std::string> next_cursor;
};

// What creating a club or changing it gives; a field left out of a patch keeps its value.
struct ClubInput {
  std::optional<std::string> name;
  std::optional<std::string> description;
  std::optional<std::string> access;
};

}  // namespace vigor::features::clubs
