#pragma once

#include <cstddef>
#include <memory>
#include <semaphore>
#include <string>
#include <string_view>

namespace vigor::platform::crypto {

// Argon2id cost. The defaults are OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane), which
// keeps a login near 50 ms on one core while making offline guessing expensive.
struct PasswordParams {
  unsigned long long ops_limit = 2;
  std::size_t mem_limit_bytes = 19 * 1024 * 1024;
};

// Hashes and verifies passwords with libsodium's Argon2id. Thread-safe: any number of threads
// may call it; at most `max_concurrent` hashes run at once, the others wait, so a burst of logins
// cannot take all memory (each hash needs mem_limit_bytes) or every core.
class PasswordHasher {
 public:
  // Longest accepted password in bytes; the service refuses longer input with a field error
  // before it gets here.
  static constexpr std::size_t kMaxPasswordBytes = 1024;

  // Throws std::invalid_argument for params below libsodium's minimum (1 pass, 8 KiB) or
  // max_concurrent < 1. Computes the dummy hash VerifyDummy uses, so it costs one Hash.
  PasswordHasher(PasswordParams params, int max_concurrent);

  // A PHC string, "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", with a fresh random salt.
  // Throws std::invalid_argument for a password over kMaxPasswordBytes, std::runtime_error when
  // the memory cannot be had.
  std::string Hash(std::string_view password) const;

  struct Verification {
    bool ok = false;
    // The password was right but `stored` was made with other params (or another algorithm):
    // the caller should store Hash(password) now, while it has the password.
    bool needs_rehash = false;
  };
  // A malformed `stored` is simply not ok. Throws std::invalid_argument for a password over
  // kMaxPasswordBytes.
  Verification Verify(std::string_view password, std::string_view stored) const;

  // Does the work of a real Verify against a hash of a random password, discarding the result:
  // a login for an unknown user takes as long as one for a known user with a wrong password, so
  // timing does not reveal which accounts exist.
  void VerifyDummy(std::string_view password) const;

  const PasswordParams& params() const { return params_; }

 private:
  bool VerifyLimited(std::string_view password, const std::string& stored) const;

  PasswordParams params_;
  // Behind a pointer so the hasher stays movable (a semaphore is not).
  std::unique_ptr<std::counting_semaphore<>> slots_;
  std::string dummy_hash_;
};

}  // namespace vigor::platform::crypto
