#include "features/feed/json_codec.hpp"

#include <boost/json.hpp>

#include "core/markdown_lite.hpp"

namespace vigor::features::feed {

namespace {

// A user the cards do not know (deleted in between): shown by id alone.
social::UserCard CardOrPlaceholder(const std::map<std::string, social::UserCard>& cards,
                                   const std::string& user_id) {
  if (auto it = cards.find(user_id); it != cards.end()) return it->second;
  return {.user_id = user_id, .username = "", .display_name = "", .avatar_url = std::nullopt};
}

boost::json::value NextCursor(const std::optional<std::string>& cursor) {
  return cursor ? boost::json::value(*cursor) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object EncodeUserCard(const social::UserCard& card) {
  return {{"user_id", card.user_id},
          {"username", card.username},
          {"display_name", card.display_name},
          {"avatar_url",
           card.avatar_url ? boost::json::value(*card.avatar_url) : boost::json::value(nullptr)}};
}

boost::json::object EncodeFeedItem(const FeedItem& item,
                                   const std::map<std::string, social::UserCard>& owners) {
  boost::json::object o{{"id", item.id},
                        {"kind", item.kind},
                        {"owner", EncodeUserCard(CardOrPlaceholder(owners, item.owner_id))},
                        {"occurred_at", item.occurred_at},
                        {"visibility", item.visibility},
                        {"summary", boost::json::parse(item.summary)},
                        {"kudos_count", item.kudos_count},
                        {"you_gave_kudos", item.you_gave_kudos},
                        {"comments_count", item.comments_count}};
  o["workout_id"] =
      item.workout_id ? boost::json::value(*item.workout_id) : boost::json::value(nullptr);
  return o;
}

boost::json::object EncodeFeedPage(const FeedPage& page) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(EncodeFeedItem(item, page.owners));
  return {{"items", std::move(items)}, {"next_cursor", NextCursor(page.next_cursor)}};
}

boost::json::object EncodeKudosState(const KudosState& state) {
  return {{"kudos_count", state.kudos_count}, {"you_gave_kudos", state.you_gave_kudos}};
}

boost::json::object EncodeKudosPage(const KudosPage& page) {
  boost::json::array items;
  for (const auto& card : page.items) items.push_back(EncodeUserCard(card));
  return {{"items", std::move(items)}, {"next_cursor", NextCursor(page.next_cursor)}};
}

boost::json::object EncodeComment(const Comment& comment,
                                  const std::map<std::string, social::UserCard>& authors) {
  return {{"id", comment.id},
          {"item_id", comment.item_id},
          {"author", EncodeUserCard(CardOrPlaceholder(authors, comment.author_id))},
          {"body", comment.body},
          {"body_html", core::RenderMarkdownLite(comment.body)},
          {"created_at", comment.created_at},
          {"updated_at", comment.updated_at},
          {"edited", comment.updated_at != comment.created_at}};
}

boost::json::object EncodeCommentPage(const CommentPage& page) {
  boost::json::array items;
  for (const auto& c : page.items) items.push_back(EncodeComment(c, page.authors));
  return {{"items", std::move(items)}, {"next_cursor", NextCursor(page.next_cursor)}};
}

}  // namespace vigor::features::feed
