#include "platform/crypto/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {

namespace {

void CheckLength(std::string_view password) {
  if (password.size() > PasswordHasher::kMaxPasswordBytes) {
    throw std::invalid_argument("password longer than " +
                                std::to_string(PasswordHasher::kMaxPasswordBytes) + " bytes");
  }
}

// Holds one of the hasher's slots for the lifetime of a hash.
class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<>& slots) : slots_(slots) { slots_.acquire(); }
  ~SlotGuard() { slots_.release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  std::counting_semaphore<>& slots_;
};

}  // namespace

PasswordHasher::PasswordHasher(PasswordParams params, int max_concurrent) : params_(params) {
  EnsureSodium();
  if (params_.ops_limit < crypto_pwhash_argon2id_OPSLIMIT_MIN ||
      params_.ops_limit > crypto_pwhash_argon2id_OPSLIMIT_MAX) {
    throw std::invalid_argument("Argon2id ops limit out of range");
  }
  if (params_.mem_limit_bytes < crypto_pwhash_argon2id_MEMLIMIT_MIN ||
      params_.mem_limit_bytes > crypto_pwhash_argon2id_MEMLIMIT_MAX) {
    throw std::invalid_argument("Argon2id memory limit out of range");
  }
  if (max_concurrent < 1 || max_concurrent > std::counting_semaphore<>::max()) {
    throw std::invalid_argument("max_concurrent must be at least 1");
  }
  slots_ = std::make_unique<std::counting_semaphore<>>(max_concurrent);
  // Hashed with the real params, so verifying against it costs what a real account costs.
  dummy_hash_ = Hash(RandomToken(32));
}

std::string PasswordHasher::Hash(std::string_view password) const {
  CheckLength(password);
  char out[crypto_pwhash_STRBYTES];
  int rc;
  {
    SlotGuard slot(*slots_);
    rc = crypto_pwhash_str_alg(out, password.data(), password.size(), params_.ops_limit,
                               params_.mem_limit_bytes, crypto_pwhash_ALG_ARGON2ID13);
  }
  if (rc != 0) throw std::runtime_error("password hashing failed: out of memory");
  return std::string(out);
}

bool PasswordHasher::VerifyLimited(std::string_view password, const std::string& stored) const {
  SlotGuard slot(*slots_);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

PasswordHasher::Verification PasswordHasher::Verify(std::string_view password,
                                                    std::string_view stored) const {
  CheckLength(password);
  // libsodium reads a NUL-terminated string of at most crypto_pwhash_STRBYTES; anything longer
  // (or with an embedded NUL) did not come from Hash.
  if (stored.size() >= crypto_pwhash_STRBYTES || stored.find('\0') != std::string_view::npos) {
    return {};
  }
  std::string stored_z(stored);
  if (!VerifyLimited(password, stored_z)) return {};
  // The argon2id-specific check also answers "rehash" for an argon2i string, which the generic
  // one would accept as current.
  int rehash = crypto_pwhash_argon2id_str_needs_rehash(stored_z.c_str(), params_.ops_limit,
                                                       params_.mem_limit_bytes);
  return {.ok = true, .needs_rehash = rehash != 0};
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
  CheckLength(password);
  (void)VerifyLimited(password, dummy_hash_);
}

}  // namespace vigor::platform::crypto
