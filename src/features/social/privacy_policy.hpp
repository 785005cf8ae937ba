#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/privacy.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::social {

// The C++ side of the one privacy policy: the viewer's relation to an owner, read from the social
// graph (follows, blocks), and whether the viewer may see one item. Read paths that show one item
// (a workout's page, its track, its GPX) ask here; read paths that list items use the matching
// SQL fragment (privacy_sql.hpp). Stateless: one instance serves every feature.
class PrivacyPolicy {
 public:
  using Session = platform::store::Session;
  using Visibility = core::privacy::Visibility;
  using Relation = core::privacy::Relation;

  // `viewer` is nullopt for an anonymous caller.
  Relation RelationOf(Session& s, const std::optional<std::string>& viewer,
                      std::string_view owner_id) const;

  // MaySee with the relation and the moderation state read from the database. `kind` and
  // `item_id` name the item as hidden_content does ("workout", its id).
  bool MaySee(Session& s, const std::optional<std::string>& viewer, std::string_view owner_id,
              Visibility visibility, std::string_view kind, std::string_view item_id) const;

  // Whether a moderator hid the item.
  bool IsHidden(Session& s, std::string_view kind, std::string_view owner_id,
                std::string_view item_id) const;
};

}  // namespace vigor::features::social
