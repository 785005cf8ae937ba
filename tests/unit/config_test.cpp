#include "platform/config/config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "support/temp_dir.hpp"

namespace vigor::platform::config {
namespace {

struct FakeEnv {
  std::map<std::string, std::string> values;
  EnvLookup lookup() const {
    return [this](const char* name) -> const char* {
      auto it = values.find(name);
      return it == values.end() ? nullptr : it->second.c_str();
    };
  }
};

TEST(ConfigTest, DefaultsAreTheDocumentedOnes) {
  FakeEnv env;
  Config c = LoadConfig({}, env.lookup());
  EXPECT_EQ(c.listen_host, "127.0.0.1");
  EXPECT_EQ(c.listen_port, 8080);
  EXPECT_EQ(c.data_dir, "var");
  EXPECT_EQ(c.database_path(), std::filesystem::path("var/vigor.db"));
  EXPECT_FALSE(c.enable_write_probe);
}

TEST(ConfigTest, FlagsBeatEnvironmentWhichBeatsTheFile) {
  testing::TempDir dir;
  auto file = dir.path() / "vigor.conf";
  std::ofstream(file) << "# comment\nlisten = 127.0.0.1:9001\nworkers = 7\ndata_dir = /from/file\n";
  FakeEnv env;
  env.values["VIGOR_LISTEN"] = "127.0.0.1:9002";
  env.values["VIGOR_DATA_DIR"] = "/from/env";

  Config c = LoadConfig({"--config", file.string(), "--listen", "127.0.0.1:9003"}, env.lookup());
  EXPECT_EQ(c.listen_port, 9003);      // flag
  EXPECT_EQ(c.data_dir, "/from/env");  // env over file
  EXPECT_EQ(c.workers, 7);             // file over default

  Config without_flag = LoadConfig({"--config", file.string()}, env.lookup());
  EXPECT_EQ(without_flag.listen_port, 9002);

  env.values.clear();
  env.values["VIGOR_CONFIG"] = file.string();
  Config only_file = LoadConfig({}, env.lookup());
  EXPECT_EQ(only_file.listen_port, 9001);
}

TEST(ConfigTest, TheKeyringComesFromTheEnvironmentOnly) {
  testing::TempDir dir;
  auto file = dir.path() / "vigor.conf";
  std::ofstream(file) << "secret_keys = k1:AAAA\n";
  FakeEnv env;
  EXPECT_EQ(LoadConfig({}, env.lookup()).secret_keys, "");
  env.values["VIGOR_SECRET_KEYS"] = "k1:abc,k2:def";
  EXPECT_EQ(LoadConfig({}, env.lookup()).secret_keys, "k1:abc,k2:def");
  // Never a flag (process listings) nor a config-file line (copies of the file).
  EXPECT_THROW(LoadConfig({"--secret-keys", "k1:abc"}, env.lookup()), ConfigError);
  EXPECT_THROW(LoadConfig({"--config", file.string()}, env.lookup()), ConfigError);
}

TEST(ConfigTest, EveryBadSettingIsReportedAtOnce) {
  testing::TempDir dir;
  auto file = dir.path() / "vigor.conf";
  std::ofstream(file) << "colour = blue\nnot a setting line\n";
  FakeEnv env;
  env.values["VIGOR_IO_THREADS"] = "many";
  try {
    LoadConfig(
        {"--config", file.string(), "--listen", "nonsense", "--workers", "-3", "--bogus", "x"},
        env.lookup());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    std::string all;
    for (const auto& p : e.problems()) all += p + "\n";
    EXPECT_EQ(e.problems().size(), 6u) << all;
    EXPECT_NE(all.find("--listen"), std::string::npos) << all;
    EXPECT_NE(all.find("--workers"), std::string::npos) << all;
    EXPECT_NE(all.find("--bogus"), std::string::npos) << all;
    EXPECT_NE(all.find("VIGOR_IO_THREADS"), std::string::npos) << all;
    EXPECT_NE(all.find("unknown setting 'colour'"), std::string::npos) << all;
    EXPECT_NE(all.find(":2: expected 'key = value'"), std::string::npos) << all;
  }
}

TEST(ConfigTest, TrustedProxiesAreAddressesOrNetworks) {
  FakeEnv env;
  env.values["VIGOR_TRUSTED_PROXIES"] = "127.0.0.1, 10.0.0.0/8";
  EXPECT_EQ(LoadConfig({}, env.lookup()).trusted_proxies, "127.0.0.1, 10.0.0.0/8");
  EXPECT_EQ(LoadConfig({}, FakeEnv{}.lookup()).trusted_proxies, "");
  try {
    LoadConfig({"--trusted-proxies", "10.0.0.0/99"}, FakeEnv{}.lookup());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("--trusted-proxies"), std::string::npos) << e.problems()[0];
    EXPECT_NE(e.problems()[0].find("10.0.0.0/99"), std::string::npos) << e.problems()[0];
  }
}

TEST(ConfigTest, SwitchesWorkWithAndWithoutValue) {
  FakeEnv env;
  EXPECT_TRUE(LoadConfig({"--enable-write-probe"}, env.lookup()).enable_write_probe);
  EXPECT_FALSE(LoadConfig({"--enable-write-probe=false"}, env.lookup()).enable_write_probe);
  EXPECT_TRUE(
      LoadConfig({"--enable-write-probe", "--workers", "3"}, env.lookup()).enable_write_probe);
  EXPECT_EQ(LoadConfig({"--io-model", "shared"}, env.lookup()).shared_io_context, true);
}

TEST(ConfigTest, ListenAcceptsIpv6AndLocalhost) {
  FakeEnv env;
  Config v6 = LoadConfig({"--listen", "[::1]:8443"}, env.lookup());
  EXPECT_EQ(v6.listen_host, "::1");
  EXPECT_EQ(v6.listen_port, 8443);
  EXPECT_EQ(LoadConfig({"--listen=localhost:0"}, env.lookup()).listen_host, "127.0.0.1");
  EXPECT_THROW(LoadConfig({"--listen", "127.0.0.1:70000"}, env.lookup()), ConfigError);
  EXPECT_THROW(LoadConfig({"--listen", "8080"}, env.lookup()), ConfigError);
}

TEST(ConfigTest, AClusterUrlAndAReplicaAreAccepted) {
  FakeEnv env;
  env.values["VIGOR_DATABASE_REPLICA"] =
      "postgresql://vigor@db2:5432,db3:5432/vigor?target_session_attrs=prefer-standby";
  Config c = LoadConfig({"--database", "postgresql://vigor@db1:5432,db2:5432,db3:5432/vigor",
                         "--database-replica-wait", "20"},
                        env.lookup());
  EXPECT_EQ(c.database_url, "postgresql://vigor@db1:5432,db2:5432,db3:5432/vigor");
  EXPECT_EQ(c.database_replica_url,
            "postgresql://vigor@db2:5432,db3:5432/vigor?target_session_attrs=prefer-standby");
  EXPECT_EQ(c.db_replica_wait_ms, 20);
  EXPECT_EQ(LoadConfig({}, FakeEnv{}.lookup()).db_replica_wait_ms, 50);
}

TEST(ConfigTest, AReplicaNeedsAPrimaryAndAPostgresUrl) {
  try {
    LoadConfig({"--database-replica", "postgresql://vigor@db2/vigor"}, FakeEnv{}.lookup());
    FAIL() << "expected a ConfigError";
  } catch (const ConfigError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_NE(e.problems()[0].find("needs --database"), std::string::npos) << e.problems()[0];
  }
  EXPECT_THROW(LoadConfig({"--database", "postgresql://vigor@db1/vigor", "--database-replica",
                           "mysql://db2/vigor"},
                          FakeEnv{}.lookup()),
               ConfigError);
}

}  // namespace
}  // namespace vigor::platform::config

namespace vigor::platform::config {
namespace {

// docs/operations.md: 500 us on SQLite, 50 us on PostgreSQL (only reads answered from memory are
// that quick there), whatever the flag says when it is given.
TEST(ConfigTest, InlineReadsDefaultDependsOnTheDatabase) {
  FakeEnv env;
  EXPECT_EQ(LoadConfig({}, env.lookup()).InlineReadsBelowMicros(), 500);
  EXPECT_EQ(LoadConfig({"--database", "postgresql://vigor@db1/vigor"}, env.lookup())
                .InlineReadsBelowMicros(),
            50);
  EXPECT_EQ(
      LoadConfig({"--database", "postgresql://vigor@db1/vigor", "--inline-reads-below-micros", "0"},
                 env.lookup())
          .InlineReadsBelowMicros(),
      0);
  EXPECT_EQ(
      LoadConfig({"--inline-reads-below-micros", "120"}, env.lookup()).InlineReadsBelowMicros(),
      120);
}

}  // namespace
}  // namespace vigor::platform::config
