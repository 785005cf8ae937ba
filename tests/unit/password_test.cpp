#include "platform/crypto/password.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "platform/crypto/password_policy.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::crypto {
namespace {

// libsodium's minimum for Argon2id: the suite stays fast; one test below uses the real defaults.
constexpr PasswordParams kTiny{.ops_limit = 1, .mem_limit_bytes = 8192};

TEST(PasswordHasher, HashIsAnArgon2idPhcStringThatVerifies) {
  PasswordHasher hasher(kTiny, 2);
  std::string hash = hasher.Hash("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << hash;
  auto ok = hasher.Verify("correct horse battery staple", hash);
  EXPECT_TRUE(ok.ok);
  EXPECT_FALSE(ok.needs_rehash);
  EXPECT_FALSE(hasher.Verify("correct horse battery stapler", hash).ok);
  EXPECT_FALSE(hasher.Verify("", hash).ok);
}

TEST(PasswordHasher, SaltsEveryHash) {
  PasswordHasher hasher(kTiny, 1);
  EXPECT_NE(hasher.Hash("same password here"), hasher.Hash("same password here"));
}

TEST(PasswordHasher, DefaultParamsAreOwaspMinimum) {
  PasswordHasher hasher(PasswordParams{}, 1);
  EXPECT_EQ(hasher.params().ops_limit, 2u);
  EXPECT_EQ(hasher.params().mem_limit_bytes, 19u * 1024 * 1024);
  auto start = std::chrono::steady_clock::now();
  std::string hash = hasher.Hash("a long enough password");
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_NE(hash.find("$m=19456,t=2,p=1$"), std::string::npos) << hash;
  EXPECT_TRUE(hasher.Verify("a long enough password", hash).ok);
  std::cout << "[ info     ] Argon2id hash with default params took "
            << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms\n";
}

TEST(PasswordHasher, AsksForRehashWhenParamsChanged) {
  PasswordHasher old_hasher(kTiny, 1);
  PasswordHasher new_hasher(PasswordParams{.ops_limit = 2, .mem_limit_bytes = 16384}, 1);
  std::string old_hash = old_hasher.Hash("my old password!");
  auto result = new_hasher.Verify("my old password!", old_hash);
  EXPECT_TRUE(result.ok);
  EXPECT_TRUE(result.needs_rehash);
  auto fresh = new_hasher.Verify("my old password!", new_hasher.Hash("my old password!"));
  EXPECT_TRUE(fresh.ok);
  EXPECT_FALSE(fresh.needs_rehash);
  EXPECT_FALSE(new_hasher.Verify("wrong password!!", old_hash).needs_rehash);
}

TEST(PasswordHasher, AsksToMoveAnArgon2iHashToArgon2id) {
  char argon2i[crypto_pwhash_STRBYTES];
  const std::string password = "legacy password 1";
  ASSERT_EQ(crypto_pwhash_str_alg(argon2i, password.data(), password.size(), 3, 8192,
                                  crypto_pwhash_ALG_ARGON2I13),
            0);
  ASSERT_TRUE(std::string_view(argon2i).starts_with("$argon2i$"));
  PasswordHasher hasher(kTiny, 1);
  auto result = hasher.Verify(password, argon2i);
  EXPECT_TRUE(result.ok);
  EXPECT_TRUE(result.needs_rehash);
}

TEST(PasswordHasher, MalformedStoredHashIsNotOk) {
  PasswordHasher hasher(kTiny, 1);
  EXPECT_FALSE(hasher.Verify("password", "").ok);
  EXPECT_FALSE(hasher.Verify("password", "password").ok);
  EXPECT_FALSE(hasher.Verify("password", "$argon2id$v=19$m=8,t=1,p=1$garbage").ok);
  EXPECT_FALSE(hasher.Verify("password", std::string(500, '$')).ok);
  std::string hash = hasher.Hash("password");
  EXPECT_FALSE(hasher.Verify("password", hash + std::string(1, '\0') + "x").ok);
}

TEST(PasswordHasher, AcceptsLongAndUnicodePasswordsUpTo1024Bytes) {
  PasswordHasher hasher(kTiny, 1);
  std::string p64(64, 'x');
  p64[10] = 'y';
  std::string p1024(1024, 'z');
  std::string unicode = "\xC3\xA4\xC3\xB6\xC3\xBC \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x8F\x8B";
  for (const auto& p : {p64, p1024, unicode}) {
    std::string hash = hasher.Hash(p);
    EXPECT_TRUE(hasher.Verify(p, hash).ok) << p.size();
  }
  // 64 and 65 characters differ: nothing truncates the password (as bcrypt would at 72).
  EXPECT_FALSE(hasher.Verify(p64 + "!", hasher.Hash(p64)).ok);
  EXPECT_FALSE(hasher.Verify(p1024.substr(0, 1023), hasher.Hash(p1024)).ok);
}

TEST(PasswordHasher, RefusesPasswordsOver1024Bytes) {
  PasswordHasher hasher(kTiny, 1);
  std::string p1025(1025, 'z');
  EXPECT_THROW(hasher.Hash(p1025), std::invalid_argument);
  EXPECT_THROW(hasher.Verify(p1025, hasher.Hash("x")), std::invalid_argument);
  EXPECT_THROW(hasher.VerifyDummy(p1025), std::invalid_argument);
}

TEST(PasswordHasher, RefusesParamsBelowLibsodiumMinimum) {
  EXPECT_THROW(PasswordHasher(PasswordParams{.ops_limit = 0, .mem_limit_bytes = 8192}, 1),
               std::invalid_argument);
  EXPECT_THROW(PasswordHasher(PasswordParams{.ops_limit = 1, .mem_limit_bytes = 4096}, 1),
               std::invalid_argument);
  EXPECT_THROW(PasswordHasher(kTiny, 0), std::invalid_argument);
}

TEST(PasswordHasher, ManyThreadsShareALimitedHasher) {
  PasswordHasher hasher(kTiny, 2);
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (std::size_t i = 0; i < ok.size(); ++i) {
    threads.emplace_back([&, i] {
      std::string password = "password number " + std::to_string(i);
      ok[i] = hasher.Verify(password, hasher.Hash(password)).ok ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::count(ok.begin(), ok.end(), 1), 8);
}

// CPU time of the calling thread: unlike wall time it does not grow while other processes (a
// parallel test run) hold the cores.
std::chrono::nanoseconds ThreadCpuTime() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

TEST(PasswordHasher, DummyVerifyTakesAsLongAsARealOne) {
  // Big enough that hashing dominates; the fastest of several runs is compared, since noise
  // (cache misses, page faults) only ever adds time.
  PasswordHasher hasher(PasswordParams{.ops_limit = 1, .mem_limit_bytes = 8 * 1024 * 1024}, 1);
  std::string stored = hasher.Hash("the real password");
  auto fastest_real = std::chrono::nanoseconds::max();
  auto fastest_dummy = std::chrono::nanoseconds::max();
  for (int i = 0; i < 9; ++i) {
    auto t0 = ThreadCpuTime();
    (void)hasher.Verify("a wrong password", stored);
    auto t1 = ThreadCpuTime();
    hasher.VerifyDummy("a wrong password");
    auto t2 = ThreadCpuTime();
    fastest_real = std::min(fastest_real, t1 - t0);
    fastest_dummy = std::min(fastest_dummy, t2 - t1);
  }
  double ratio = static_cast<double>(fastest_dummy.count()) / fastest_real.count();
  EXPECT_GT(ratio, 0.5);
  EXPECT_LT(ratio, 2.0);
}

// The password list lives in data/; tests may run from any build directory, so look upwards
// from the test binary and from the working directory.
std::filesystem::path FindSourceFile(const std::filesystem::path& relative) {
  std::vector<std::filesystem::path> starts;
  if (const char* dir = std::getenv("VIGOR_SOURCE_DIR")) starts.emplace_back(dir);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) starts.push_back(exe.parent_path());
  starts.push_back(std::filesystem::current_path());
  for (auto dir : starts) {
    for (; !dir.empty(); dir = dir.parent_path()) {
      if (std::filesystem::exists(dir / relative)) return dir / relative;
      if (dir == dir.parent_path()) break;
    }
  }
  return {};
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(PasswordPolicyList, EmbeddedListEqualsDataFile) {
  auto path = FindSourceFile("data/common-passwords.txt");
  ASSERT_FALSE(path.empty()) << "data/common-passwords.txt not found (set VIGOR_SOURCE_DIR)";
  EXPECT_TRUE(ReadAll(path) == EmbeddedCommonPasswords())
      << "the embedded list is stale: run scripts/gen-common-passwords";
}

TEST(PasswordPolicyList, HasAtLeast300DistinctLongEntries) {
  std::istringstream lines{std::string(EmbeddedCommonPasswords())};
  std::set<std::string> long_entries;
  std::set<std::string> all;
  std::size_t total = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.front() == '#') continue;
    ++total;
    std::string lower = line;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    all.insert(lower);
    if (line.size() >= 12) long_entries.insert(lower);
  }
  EXPECT_EQ(all.size(), total) << "duplicate entries";
  EXPECT_GE(long_entries.size(), 300u);
  EXPECT_EQ(PasswordPolicy::Embedded().common_count(), all.size());
}

class PasswordPolicyTest : public ::testing::Test {
 protected:
  PasswordPolicy policy_ = PasswordPolicy::Embedded();
};

TEST_F(PasswordPolicyTest, AcceptsALongUncommonPassword) {
  EXPECT_EQ(policy_.Check("granite kettle marathon", "alice", "alice@example.org"), std::nullopt);
  EXPECT_EQ(policy_.Check("12 chars ok!", "", ""), std::nullopt);
}

TEST_F(PasswordPolicyTest, CountsCodePointsNotBytes) {
  EXPECT_NE(policy_.Check("short pass!", "", ""), std::nullopt);  // 11
  // 11 Japanese characters are 33 bytes but still too short; 12 are enough.
  const std::string eleven =
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x91"
      "\xE3\x82\xB9\xE3\x83\xAF\xE3\x83\xBC\xE3\x83\x89\xE3\x81\xA7"
      "\xE3\x81\x99";
  ASSERT_EQ(eleven.size(), 33u);
  auto message = policy_.Check(eleven, "", "");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->English().find("12"), std::string::npos) << message->English();
  EXPECT_EQ(policy_.Check(eleven + "!", "", ""), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesOver128CodePoints) {
  std::string p128;
  for (int i = 0; i < 128; ++i) p128.push_back(static_cast<char>('a' + i % 26));
  EXPECT_EQ(policy_.Check(p128, "", ""), std::nullopt);
  EXPECT_NE(policy_.Check(p128 + "x", "", ""), std::nullopt);
  // 64 two-byte characters are 128 bytes but only 64 code points.
  std::string umlauts;
  for (int i = 0; i < 64; ++i) umlauts += (i % 2) ? "\xC3\xA4" : "\xC3\xB6";
  EXPECT_EQ(policy_.Check(umlauts, "", ""), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesOneCharacterRepeated) {
  EXPECT_NE(policy_.Check("aaaaaaaaaaaaaaaa", "", ""), std::nullopt);
  EXPECT_NE(policy_.Check("\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4\xC3"
                          "\xA4\xC3\xA4\xC3\xA4\xC3\xA4",
                          "", ""),
            std::nullopt);
  EXPECT_EQ(policy_.Check("aaaaaaaaaaaaaaab", "", ""), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesCommonPasswordsInAnyCase) {
  for (const char* p : {"123456789012", "qwertyuiopasdfgh", "passwordpassword", "iloveyou1234",
                        "1q2w3e4r5t6y7u8i", "PasswordPassword", "QWERTYUIOPASDFGH"}) {
    auto message = policy_.Check(p, "", "");
    ASSERT_TRUE(message.has_value()) << p;
    EXPECT_NE(message->English().find("common"), std::string::npos) << message->English();
  }
}

TEST_F(PasswordPolicyTest, RefusesPasswordsContainingTheUsername) {
  auto message = policy_.Check("my-Runner42-is-fast", "runner42", "x@example.org");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->English().find("username"), std::string::npos);
  // Names under 4 characters occur by chance too often to refuse.
  EXPECT_EQ(policy_.Check("bobsleigh champion", "bob", "x@example.org"), std::nullopt);
}

TEST_F(PasswordPolicyTest, RefusesPasswordsContainingTheEmailLocalPart) {
  auto message = policy_.Check("i am JANE.DOE ok!", "runner", "jane.doe@example.org");
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->English().find("email"), std::string::npos);
  EXPECT_EQ(policy_.Check("example.org is my home", "runner", "jane.doe@example.org"),
            std::nullopt);
  EXPECT_EQ(policy_.Check("joe rides bikes daily", "runner", "joe@example.org"), std::nullopt);
}

TEST(PasswordPolicyFile, LoadsOneEntryPerLineIgnoringComments) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "list.txt") << "# comment\n\nGraniteKettle99\r\nanother-entry-x\n";
  auto policy = PasswordPolicy::FromFile(dir.path() / "list.txt");
  EXPECT_EQ(policy.common_count(), 2u);
  EXPECT_NE(policy.Check("graniteKETTLE99", "", ""), std::nullopt);
  EXPECT_NE(policy.Check("another-entry-x", "", ""), std::nullopt);
  EXPECT_EQ(policy.Check("# comment is fine", "", ""), std::nullopt);
  EXPECT_THROW(PasswordPolicy::FromFile(dir.path() / "missing.txt"), std::runtime_error);
}

}  // namespace
}  // namespace vigor::platform::crypto
