// RedactedUrl: what logs and error messages show of a PostgreSQL URL.
#include <gtest/gtest.h>

#include "platform/store/postgres_database.hpp"

namespace vigor::platform::store {
namespace {

TEST(RedactedUrl, HidesThePasswordOfOneHost) {
  EXPECT_EQ(RedactedUrl("postgresql://vigor:s3cret@db:5432/vigor"),
            "postgresql://vigor:***@db:5432/vigor");
}

TEST(RedactedUrl, HidesThePasswordBeforeSeveralHosts) {
  EXPECT_EQ(RedactedUrl("postgresql://vigor:s3cret@db1:5432,db2:5433/vigor"
                        "?target_session_attrs=read-write"),
            "postgresql://vigor:***@db1:5432,db2:5433/vigor?target_session_attrs=read-write");
}

TEST(RedactedUrl, HidesAPasswordParameter) {
  EXPECT_EQ(
      RedactedUrl("postgresql://db1:5432,db2:5433/vigor?user=v&password=s3cret&sslmode=require"),
      "postgresql://db1:5432,db2:5433/vigor?user=v&password=***&sslmode=require");
  EXPECT_EQ(RedactedUrl("postgresql://db/vigor?password=s3cret"),
            "postgresql://db/vigor?password=***");
}

TEST(RedactedUrl, LeavesAUrlWithoutPasswordAlone) {
  for (const char* url : {"postgresql://vigor@db1:5432,db2:5433/vigor",
                          "postgresql://db:5432/vigor?passfile=/etc/vigor/pgpass",
                          "postgresql://vigor@db/vigor?application_name=a:b@c"}) {
    EXPECT_EQ(RedactedUrl(url), url);
  }
}

}  // namespace
}  // namespace vigor::platform::store
