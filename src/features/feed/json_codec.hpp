#pragma once

#include <boost/json/value.hpp>

#include "features/feed/model.hpp"

namespace vigor::features::feed {

// FeedPage, FeedItem, KudosState, KudosPage, CommentPage and Comment of api/openapi.yaml.
boost::json::object EncodeUserCard(const social::UserCard& card);
boost::json::object EncodeFeedItem(const FeedItem& item,
                                   const std::map<std::string, social::UserCard>& owners);
boost::json::object EncodeFeedPage(const FeedPage& page);
boost::json::object EncodeKudosState(const KudosState& state);
boost::json::object EncodeKudosPage(const KudosPage& page);
// A comment: `body` as typed and `body_html`, the markdown-lite rendering (core/markdown_lite).
boost::json::object EncodeComment(const Comment& comment,
                                  const std::map<std::string, social::UserCard>& authors);
boost::json::object EncodeCommentPage(const CommentPage& page);

}  // namespace vigor::features::feed
