#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/social/social_lookup.hpp"

// The feed (issue 13): items users shared (a workout, a personal record, a reached goal), kudos
// and comments. Timestamps RFC 3339 UTC; ids UUIDv7, global (an item is found by its id, then
// the privacy policy decides whether the viewer may see it).
namespace vigor::features::feed {

struct FeedItem {
  std::string id;
  std::string owner_id;
  std::string kind;     // "workout", "record", "goal"
  std::string subject;  // the workout id; a record's or goal's key (unique per owner and kind)
  std::optional<std::string> workout_id;
  std::string occurred_at;
  std::string visibility;
  std::string summary;  // JSON object: what the card shows
  std::int64_t kudos_count = 0;
  bool you_gave_kudos = false;
  std::int64_t comments_count = 0;
};

struct FeedCursor {
  std::string occurred_at;
  std::string id;
};

// Items with the cards of their owners.
struct FeedPage {
  std::vector<FeedItem> items;
  std::map<std::string, social::UserCard> owners;
  std::optional<std::string> next_cursor;
};

struct Comment {
  std::string id;
  std::string item_id;
  std::string author_id;
  std::string body;  // as typed
  std::string created_at;
  std::string updated_at;
};

struct CommentPage {
  std::vector<Comment> items;
  std::map<std::string, social::UserCard> authors;
  std::optional<std::string> next_cursor;
};

struct KudosPage {
  std::vector<social::UserCard> items;
  std::optional<std::string> next_cursor;
};

struct KudosState {
  std::int64_t kudos_count = 0;
  bool you_gave_kudos = false;
};

}  // namespace vigor::features::feed
