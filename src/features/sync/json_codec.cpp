#include "features/sync/json_codec.hpp"

#include <boost/json/array.hpp>

namespace vigor::features::sync {

boost::json::object EncodeChangePage(const ChangePage& page) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& c : page.items) {
    items.push_back(boost::json::object{{"kind", ChangeKindName(c.kind)},
                                        {"id", c.id},
                                        {"rev", c.rev},
                                        {"deleted", c.deleted},
                                        {"updated_at", c.updated_at}});
  }
  return {{"items", std::move(items)},
          {"next_since", page.next_since},
          {"has_more", page.has_more},
          {"latest_rev", page.latest_rev}};
}

}  // namespace vigor::features::sync
