#include "platform/crypto/secret_box.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {

namespace {

constexpr std::string_view kPrefix = "v1.";

std::string ErrnoText() { return std::strerror(errno); }

std::string Octal(mode_t mode) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
  return buf;
}

void WriteAll(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      throw std::runtime_error("cannot write key file " + path.string() + ": " + ErrnoText());
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Writes a new key next to `key_file` and links it into place: link() fails if another process
// created the file meanwhile, so two instances starting together end up sharing one key, and no
// reader ever sees a half-written file. Returns false when the file already existed.
bool CreateKeyFile(const std::filesystem::path& key_file) {
  std::string tmp = key_file.string() + ".tmp-" + RandomToken(8);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error("cannot create key file " + tmp + ": " + ErrnoText());
  }
  std::string key = RandomBytes(SecretBox::kKeyBytes);
  std::string text = Base64UrlEncode(key) + "\n";
  sodium_memzero(key.data(), key.size());
  try {
    WriteAll(fd, text, tmp);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot sync key file " + tmp);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  sodium_memzero(text.data(), text.size());
  ::close(fd);
  int rc = ::link(tmp.c_str(), key_file.c_str());
  int link_errno = errno;
  ::unlink(tmp.c_str());
  if (rc == 0) return true;
  if (link_errno == EEXIST) return false;
  throw std::runtime_error("cannot create key file " + key_file.string() + ": " +
                           std::strerror(link_errno));
}

}  // namespace

SecretBox::SecretBox(std::string key) : key_(std::move(key)) {
  EnsureSodium();
  if (key_.size() != kKeyBytes) {
    throw std::invalid_argument("a SecretBox key must be exactly 32 bytes");
  }
}

SecretBox::~SecretBox() {
  // Best effort: the key does not linger in freed heap memory.
  if (!key_.empty()) sodium_memzero(key_.data(), key_.size());
}

SecretBox SecretBox::LoadOrCreate(const std::filesystem::path& key_file) {
  EnsureSodium();
  struct stat st {};
  if (::stat(key_file.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      throw std::runtime_error("cannot read key file " + key_file.string() + ": " + ErrnoText());
    }
    CreateKeyFile(key_file);
    if (::stat(key_file.c_str(), &st) != 0) {
      throw std::runtime_error("cannot read key file " + key_file.string() + ": " + ErrnoText());
    }
  }
  if (!S_ISREG(st.st_mode)) {
    throw std::runtime_error("key file " + key_file.string() + " is not a regular file");
  }
  if ((st.st_mode & 077) != 0) {
    throw std::runtime_error("key file " + key_file.string() + " has mode " + Octal(st.st_mode) +
                             ", readable by others; it must be 0600 (chmod 600 " +
                             key_file.string() + ")");
  }
  std::ifstream in(key_file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read key file " + key_file.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  auto key = Base64UrlDecode(text);
  sodium_memzero(text.data(), text.size());
  if (!key || key->size() != kKeyBytes) {
    throw std::runtime_error("key file " + key_file.string() +
                             " does not hold a 32-byte key in base64url; restore it from a "
                             "backup (a new key cannot open secrets sealed with the old one)");
  }
  return SecretBox(std::move(*key));
}

std::string SecretBox::Seal(std::string_view plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        bytes, reinterpret_cast<const unsigned char*>(key_.data()));
  return std::string(kPrefix) + Base64UrlEncode(out);
}

std::optional<std::string> SecretBox::Open(std::string_view sealed) const {
  if (!sealed.starts_with(kPrefix)) return std::nullopt;
  auto raw = Base64UrlDecode(sealed.substr(kPrefix.size()));
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  std::string plain(raw->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 bytes + crypto_secretbox_NONCEBYTES,
                                 raw->size() - crypto_secretbox_NONCEBYTES, bytes,
                                 reinterpret_cast<const unsigned char*>(key_.data())) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string SecretBox::Mac(std::string_view purpose, std::string_view message) const {
  std::string label = "vigor mac " + std::string(purpose);
  unsigned char subkey[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key_.data()),
                              key_.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(label.data()),
                                label.size());
  crypto_auth_hmacsha256_final(&state, subkey);
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_init(&state, subkey, sizeof subkey);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac);
  sodium_memzero(subkey, sizeof subkey);
  return Base64UrlEncode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

}  // namespace vigor::platform::crypto
