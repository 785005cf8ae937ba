// Which tables a statement names (platform/store/table_watch.hpp): the credential cache is
// invalidated by writes to the tables its reads named, so a name missed here is a stale copy.
#include "platform/store/table_watch.hpp"

#include <gtest/gtest.h>

namespace vigor::platform::store {
namespace {

using Names = std::vector<std::string>;

TEST(TablesNamedIn, ReadsNameTheirTablesAndJoins) {
  EXPECT_EQ(TablesNamedIn("SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id "
                          "WHERE s.token_hash = $1"),
            (Names{"sessions", "users"}));
  EXPECT_EQ(TablesNamedIn("select 1 from\n  api_tokens t left join users u on 1"),
            (Names{"api_tokens", "users"}));
  EXPECT_EQ(TablesNamedIn("SELECT x FROM a WHERE id IN (SELECT id FROM b) AND y IN "
                          "(SELECT y FROM a)"),
            (Names{"a", "b"}));
}

TEST(TablesNamedIn, WritesNameTheTableTheyChange) {
  EXPECT_EQ(TablesNamedIn("INSERT INTO api_tokens (id) VALUES ($1)"), (Names{"api_tokens"}));
  EXPECT_EQ(TablesNamedIn("UPDATE users SET role = $2 WHERE id = $1"), (Names{"users"}));
  EXPECT_EQ(TablesNamedIn("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions LIMIT 5)"),
            (Names{"sessions"}));
  EXPECT_EQ(TablesNamedIn(R"(UPDATE "Users" SET x = 1)"), (Names{"users"}));
  EXPECT_EQ(TablesNamedIn("DELETE FROM public.oauth_tokens WHERE 1"), (Names{"oauth_tokens"}));
}

TEST(TablesNamedIn, WordsThatOnlyContainAKeywordAreNotKeywords) {
  EXPECT_EQ(TablesNamedIn("SELECT last_updated_from, joined FROM t"), (Names{"t"}));
  EXPECT_EQ(TablesNamedIn("SELECT 1"), Names{});
}

}  // namespace
}  // namespace vigor::platform::store
