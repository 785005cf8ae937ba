#include "features/feed/feed_repository.hpp"

#include "features/social/privacy_sql.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::feed {

namespace {

using platform::store::Row;
using platform::store::Statement;

// An item as the viewer ($1) reads it: its counts, whether the viewer gave kudos, and how many of
// its comments the viewer may see.
#define VIGOR_FEED_ITEM_COLUMNS                                                                   \
  "fi.id, fi.owner_id, fi.kind, fi.subject, fi.workout_id, fi.occurred_at, fi.visibility, "       \
  "fi.summary, (SELECT COUNT(*) FROM feed_kudos k WHERE k.item_id = fi.id) AS kudos_count, "      \
  "CASE WHEN EXISTS (SELECT 1 FROM feed_kudos yk WHERE yk.item_id = fi.id AND yk.user_id = $1) "  \
  "THEN 1 ELSE 0 END AS you_gave_kudos, (SELECT COUNT(*) FROM feed_comments c WHERE c.item_id = " \
  "fi.id AND " VIGOR_PRIVACY_VISIBLE_TO("$1", "c.author_id", "'public'", "'comment'",             \
                                        "c.id") ") AS comments_count"

// The least of two visibilities (private < followers < public); $V is the other one.
#define VIGOR_FEED_LESSER_VISIBILITY(A, B)                                                         \
  "CASE WHEN " A " = 'private' OR " B " = 'private' THEN 'private' WHEN " A " = 'followers' OR " B \
  " = 'followers' THEN 'followers' ELSE 'public' END"

constexpr Statement kFindBySubject{"feed_items.find_by_subject",
                                   "SELECT id, subject, occurred_at, visibility FROM feed_items "
                                   "WHERE owner_id = $1 AND kind = $2 AND subject = $3"};
constexpr Statement kInsert{
    "feed_items.insert",
    "INSERT INTO feed_items (id, owner_id, kind, subject, workout_id, series, occurred_at, "
    "base_visibility, visibility, summary, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"};
// The owner's own inbox, and every approved follower's.
constexpr Statement kFanOut{
    "feed_inbox.fan_out",
    "INSERT INTO feed_inbox (viewer_id, occurred_at, item_id, owner_id) "
    "SELECT CAST($1 AS TEXT), CAST($2 AS TEXT), CAST($3 AS TEXT), CAST($1 AS TEXT) "
    "UNION ALL SELECT f.follower_id, CAST($2 AS TEXT), CAST($3 AS TEXT), f.followee_id "
    "FROM follows f WHERE f.followee_id = $1 AND f.state = 'approved' "
    "ON CONFLICT DO NOTHING"};
constexpr Statement kUpdate{
    "feed_items.update",
    "UPDATE feed_items SET occurred_at = $3, base_visibility = $4, visibility = $5, summary = $6, "
    "workout_id = $7 WHERE owner_id = $1 AND id = $2"};
constexpr Statement kUpdateInboxTime{
    "feed_inbox.update_time",
    "UPDATE feed_inbox SET occurred_at = $2 WHERE item_id = $1 AND occurred_at <> $2"};
// Explicit rather than by cascade: what goes with an item is named here.
constexpr Statement kDeleteInboxOfItem{"feed_inbox.delete_of_item",
                                       "DELETE FROM feed_inbox WHERE item_id = $1"};
constexpr Statement kDeleteKudosOfItem{"feed_kudos.delete_of_item",
                                       "DELETE FROM feed_kudos WHERE item_id = $1"};
constexpr Statement kDeleteCommentsOfItem{"feed_comments.delete_of_item",
                                          "DELETE FROM feed_comments WHERE item_id = $1"};
constexpr Statement kDelete{"feed_items.delete",
                            "DELETE FROM feed_items WHERE owner_id = $1 AND id = $2"};
constexpr Statement kRecordsOfSeries{
    "feed_items.records_of_series",
    "SELECT id, subject, occurred_at, visibility FROM feed_items "
    "WHERE owner_id = $1 AND series = $2 AND kind = 'record' AND occurred_at >= $3"};
constexpr Statement kCapRecords{
    "feed_items.cap_records_of_workout",
    "UPDATE feed_items SET visibility = " VIGOR_FEED_LESSER_VISIBILITY(
        "base_visibility",
        "CAST($3 AS TEXT)") " WHERE owner_id = $1 AND workout_id = $2 AND kind = 'record'"};

constexpr Statement kBackfill{
    "feed_inbox.backfill",
    "INSERT INTO feed_inbox (viewer_id, occurred_at, item_id, owner_id) "
    "SELECT CAST($1 AS TEXT), x.occurred_at, x.id, x.owner_id FROM (SELECT occurred_at, id, "
    "owner_id FROM feed_items WHERE owner_id = $2 ORDER BY occurred_at DESC, id DESC LIMIT $3) x "
    "WHERE 1 = 1 ON CONFLICT DO NOTHING"};
constexpr Statement kRemoveFromInbox{
    "feed_inbox.remove_owner", "DELETE FROM feed_inbox WHERE viewer_id = $1 AND owner_id = $2"};

constexpr Statement kPage{
    "feed.page",
    "SELECT " VIGOR_FEED_ITEM_COLUMNS
    " FROM feed_inbox ib JOIN feed_items fi ON fi.id = ib.item_id "
    // A row-value bound, so both databases start the index range at the cursor.
    "WHERE ib.viewer_id = $1 AND (ib.occurred_at, ib.item_id) < ($2, $3) "
    "AND NOT EXISTS (SELECT 1 FROM mutes mu WHERE mu.user_id = $1 AND mu.muted_id = ib.owner_id) "
    "AND " VIGOR_PRIVACY_VISIBLE_TO("$1", "fi.owner_id", "fi.visibility", "fi.kind",
                                    "fi.subject") " ORDER BY ib.occurred_at DESC, ib.item_id DESC "
                                                  "LIMIT $4"};
constexpr Statement kFind{"feed_items.find",
                          "SELECT " VIGOR_FEED_ITEM_COLUMNS " FROM feed_items fi WHERE fi.id = $2"};

constexpr Statement kGiveKudos{
    "feed_kudos.give",
    "INSERT INTO feed_kudos (item_id, user_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING"};
constexpr Statement kTakeKudos{"feed_kudos.take",
                               "DELETE FROM feed_kudos WHERE item_id = $1 AND user_id = $2"};
constexpr Statement kKudosOf{
    "feed_kudos.state",
    "SELECT COUNT(*) AS kudos_count, COALESCE(SUM(CASE WHEN user_id = $2 THEN 1 ELSE 0 END), 0) "
    "AS mine FROM feed_kudos WHERE item_id = $1"};
constexpr Statement kGivers{
    "feed_kudos.givers",
    "SELECT k.user_id, k.created_at FROM feed_kudos k WHERE k.item_id = $2 "
    "AND (k.created_at < $3 OR (k.created_at = $3 AND k.user_id < $4)) "
    "AND " VIGOR_PRIVACY_NOT_BLOCKED("$1", "k.user_id") " ORDER BY k.created_at DESC, "
                                                        "k.user_id DESC LIMIT $5"};

#define VIGOR_COMMENT_COLUMNS "c.id, c.item_id, c.author_id, c.body, c.created_at, c.updated_at"
constexpr Statement kInsertComment{
    "feed_comments.insert",
    "INSERT INTO feed_comments (id, item_id, author_id, body, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kComments{
    "feed_comments.list",
    "SELECT " VIGOR_COMMENT_COLUMNS
    " FROM feed_comments c WHERE c.item_id = $2 "
    "AND (c.created_at > $3 OR (c.created_at = $3 AND c.id > $4)) AND " VIGOR_PRIVACY_VISIBLE_TO(
        "$1", "c.author_id", "'public'", "'comment'",
        "c.id") " ORDER BY c.created_at, c.id LIMIT $5"};
constexpr Statement kFindComment{
    "feed_comments.find", "SELECT " VIGOR_COMMENT_COLUMNS
                          " FROM feed_comments c WHERE c.id = $2 AND " VIGOR_PRIVACY_VISIBLE_TO(
                              "$1", "c.author_id", "'public'", "'comment'", "c.id")};
constexpr Statement kUpdateComment{
    "feed_comments.update",
    "UPDATE feed_comments SET body = $3, updated_at = $4 WHERE author_id = $1 AND id = $2"};
constexpr Statement kDeleteComment{"feed_comments.delete",
                                   "DELETE FROM feed_comments WHERE item_id = $1 AND id = $2"};

// Later than any stored time, and the empty id before every id: the first page's cursor.
constexpr const char* kNewest = "9999-12-31T23:59:59.999Z";

FeedRepository::StoredItem StoredOf(const Row& row) {
  return {.id = row.Text("id"),
          .subject = row.Text("subject"),
          .occurred_at = row.Text("occurred_at"),
          .visibility = row.Text("visibility")};
}

FeedItem ItemOf(const Row& row) {
  return {.id = row.Text("id"),
          .owner_id = row.Text("owner_id"),
          .kind = row.Text("kind"),
          .subject = row.Text("subject"),
          .workout_id = row.OptText("workout_id"),
          .occurred_at = row.Text("occurred_at"),
          .visibility = row.Text("visibility"),
          .summary = row.Text("summary"),
          .kudos_count = row.Int("kudos_count"),
          .you_gave_kudos = row.Int("you_gave_kudos") != 0,
          .comments_count = row.Int("comments_count")};
}

Comment CommentOf(const Row& row) {
  return {.id = row.Text("id"),
          .item_id = row.Text("item_id"),
          .author_id = row.Text("author_id"),
          .body = row.Text("body"),
          .created_at = row.Text("created_at"),
          .updated_at = row.Text("updated_at")};
}

}  // namespace

std::optional<FeedRepository::StoredItem> FeedRepository::FindBySubject(
    Session& s, const std::string& owner_id, const std::string& kind, const std::string& subject) {
  auto row = s.QueryOne(kFindBySubject, owner_id, kind, subject);
  if (!row) return std::nullopt;
  return StoredOf(*row);
}

std::string FeedRepository::Insert(Session& s, const NewItem& item) {
  std::string id = platform::NewId();
  s.Execute(kInsert, id, item.owner_id, item.kind, item.subject, item.workout_id, item.series,
            item.occurred_at, item.base_visibility, item.visibility, item.summary,
            platform::NowRfc3339());
  s.Execute(kFanOut, item.owner_id, item.occurred_at, id);
  return id;
}

void FeedRepository::Update(Session& s, const std::string& owner_id, const std::string& item_id,
                            const NewItem& item) {
  s.Execute(kUpdate, owner_id, item_id, item.occurred_at, item.base_visibility, item.visibility,
            item.summary, item.workout_id);
  s.Execute(kUpdateInboxTime, item_id, item.occurred_at);
}

void FeedRepository::Delete(Session& s, const std::string& owner_id, const std::string& item_id) {
  s.Execute(kDeleteInboxOfItem, item_id);
  s.Execute(kDeleteKudosOfItem, item_id);
  s.Execute(kDeleteCommentsOfItem, item_id);
  s.Execute(kDelete, owner_id, item_id);
}

std::vector<FeedRepository::StoredItem> FeedRepository::RecordsOfSeries(Session& s,
                                                                        const std::string& owner_id,
                                                                        const std::string& series,
                                                                        const std::string& from) {
  std::vector<StoredItem> items;
  for (const auto& row : s.Query(kRecordsOfSeries, owner_id, series, from)) {
    items.push_back(StoredOf(row));
  }
  return items;
}

void FeedRepository::CapRecordsOfWorkout(Session& s, const std::string& owner_id,
                                         const std::string& workout_id,
                                         const std::string& visibility) {
  s.Execute(kCapRecords, owner_id, workout_id, visibility);
}

void FeedRepository::Backfill(Session& s, const std::string& follower_id,
                              const std::string& followee_id, int limit) {
  s.Execute(kBackfill, follower_id, followee_id, limit);
}

void FeedRepository::RemoveFromInbox(Session& s, const std::string& viewer_id,
                                     const std::string& owner_id) {
  s.Execute(kRemoveFromInbox, viewer_id, owner_id);
}

std::vector<FeedItem> FeedRepository::Page(Session& s, const std::string& viewer_id,
                                           const std::optional<FeedCursor>& after, int limit) {
  std::vector<FeedItem> items;
  for (const auto& row : s.Query(kPage, viewer_id, after ? after->occurred_at : kNewest,
                                 after ? after->id : "", limit)) {
    items.push_back(ItemOf(row));
  }
  return items;
}

std::optional<FeedItem> FeedRepository::Find(Session& s, const std::string& viewer_id,
                                             const std::string& item_id) {
  auto row = s.QueryOne(kFind, viewer_id, item_id);
  if (!row) return std::nullopt;
  return ItemOf(*row);
}

bool FeedRepository::GiveKudos(Session& s, const std::string& item_id, const std::string& user_id) {
  return s.Execute(kGiveKudos, item_id, user_id, platform::NowRfc3339()) == 1;
}

void FeedRepository::TakeKudos(Session& s, const std::string& item_id, const std::string& user_id) {
  s.Execute(kTakeKudos, item_id, user_id);
}

KudosState FeedRepository::KudosOf(Session& s, const std::string& item_id,
                                   const std::string& user_id) {
  auto row = s.QueryOne(kKudosOf, item_id, user_id);
  return {.kudos_count = row->Int("kudos_count"), .you_gave_kudos = row->Int("mine") != 0};
}

std::vector<FeedRepository::Giver> FeedRepository::Givers(Session& s, const std::string& viewer_id,
                                                          const std::string& item_id,
                                                          const std::optional<FeedCursor>& after,
                                                          int limit) {
  std::vector<Giver> givers;
  for (const auto& row : s.Query(kGivers, viewer_id, item_id, after ? after->occurred_at : kNewest,
                                 after ? after->id : "", limit)) {
    givers.push_back({row.Text("user_id"), row.Text("created_at")});
  }
  return givers;
}

void FeedRepository::InsertComment(Session& s, const Comment& c) {
  s.Execute(kInsertComment, c.id, c.item_id, c.author_id, c.body, c.created_at, c.updated_at);
}

std::vector<Comment> FeedRepository::Comments(Session& s, const std::string& viewer_id,
                                              const std::string& item_id,
                                              const std::optional<FeedCursor>& after, int limit) {
  std::vector<Comment> comments;
  for (const auto& row : s.Query(kComments, viewer_id, item_id, after ? after->occurred_at : "",
                                 after ? after->id : "", limit)) {
    comments.push_back(CommentOf(row));
  }
  return comments;
}

std::optional<Comment> FeedRepository::FindComment(Session& s, const std::string& viewer_id,
                                                   const std::string& comment_id) {
  auto row = s.QueryOne(kFindComment, viewer_id, comment_id);
  if (!row) return std::nullopt;
  return CommentOf(*row);
}

void FeedRepository::UpdateComment(Session& s, const std::string& author_id,
                                   const std::string& comment_id, const std::string& body,
                                   const std::string& now) {
  s.Execute(kUpdateComment, author_id, comment_id, body, now);
}

void FeedRepository::DeleteComment(Session& s, const std::string& item_id,
                                   const std::string& comment_id) {
  s.Execute(kDeleteComment, item_id, comment_id);
}

}  // namespace vigor::features::feed
