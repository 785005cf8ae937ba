#include "platform/crypto/secret_box.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {

namespace {

constexpr std::string_view kV1 = "v1.";
constexpr std::string_view kV2 = "v2.";

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

// Writes `text` to a new file next to `key_file` with mode 0600 and syncs it; returns its name.
std::string WriteTempKeyFile(const std::filesystem::path& key_file, std::string_view text) {
  std::string tmp = key_file.string() + ".tmp-" + RandomToken(8);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create key file " + tmp + ": " + ErrnoText());
  try {
    WriteAll(fd, text, tmp);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot sync key file " + tmp);
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  ::close(fd);
  return tmp;
}

bool ValidKeyId(std::string_view id) {
  if (id.empty() || id.size() > 16) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

using Ring = std::vector<SecretKey>;

void CheckRing(const Ring& ring) {
  if (ring.empty()) throw std::invalid_argument("a keyring needs at least one key");
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (!ValidKeyId(ring[i].id)) {
      throw std::invalid_argument("key id '" + ring[i].id + "' is not 1 to 16 of a-z, 0-9");
    }
    if (ring[i].bytes.size() != SecretBox::kKeyBytes) {
      throw std::invalid_argument("key " + ring[i].id + " is not 32 bytes");
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (ring[j].id == ring[i].id) {
        throw std::invalid_argument("key id " + ring[i].id + " appears twice");
      }
    }
  }
}

void Wipe(Ring& ring) {
  for (auto& key : ring) sodium_memzero(key.bytes.data(), key.bytes.size());
}

// Shared by the calls using it; the keys are wiped (best effort: they do not linger in freed heap
// memory) when the last one lets go after the file changed.
std::shared_ptr<const Ring> Share(Ring ring) {
  return std::shared_ptr<const Ring>(new Ring(std::move(ring)), [](Ring* r) {
    Wipe(*r);
    delete r;
  });
}

// The key file's lines: "<id> <key>", or a bare key on the first key line (id "k1").
Ring ParseKeyFile(std::string_view text, const std::filesystem::path& key_file) {
  Ring ring;
  std::size_t number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = Trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    auto space = line.find_first_of(" \t");
    std::string id = space == std::string_view::npos ? "k1" : std::string(line.substr(0, space));
    std::string_view encoded =
        space == std::string_view::npos ? line : Trim(line.substr(space + 1));
    if (space == std::string_view::npos && !ring.empty()) id.clear();  // only the first may
    auto key = Base64UrlDecode(encoded);
    if (!ValidKeyId(id) || !key || key->size() != SecretBox::kKeyBytes) {
      Wipe(ring);
      throw std::runtime_error(
          "key file " + key_file.string() + " line " + std::to_string(number) +
          " is not '<id> <32-byte key in base64url>'; restore the file from a backup (a new key "
          "cannot open secrets sealed with the old one)");
    }
    ring.push_back({std::move(id), std::move(*key)});
  }
  if (ring.empty()) {
    throw std::runtime_error("key file " + key_file.string() +
                             " holds no key; restore it from a backup (a new key cannot open "
                             "secrets sealed with the old one)");
  }
  try {
    CheckRing(ring);
  } catch (const std::invalid_argument& e) {
    Wipe(ring);
    throw std::runtime_error("key file " + key_file.string() + ": " + e.what());
  }
  return ring;
}

// What tells a changed key file from the one read: rename() gives it a new inode.
struct FileStamp {
  ino_t inode = 0;
  off_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

FileStamp StampOf(const struct stat& st) {
  return {st.st_ino, st.st_size,
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// Checks the file's kind and mode, then reads and parses it.
std::pair<Ring, FileStamp> ReadKeyFile(const std::filesystem::path& key_file) {
  struct stat st {};
  if (::stat(key_file.c_str(), &st) != 0) {
    throw std::runtime_error("cannot read key file " + key_file.string() + ": " + ErrnoText());
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
  try {
    Ring ring = ParseKeyFile(text, key_file);
    sodium_memzero(text.data(), text.size());
    return {std::move(ring), StampOf(st)};
  } catch (...) {
    sodium_memzero(text.data(), text.size());
    throw;
  }
}

std::int64_t SteadyNowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

constexpr std::int64_t kRecheckNs = 1'000'000'000;  // a key file is looked at once a second

std::string MacUnder(const SecretKey& key, std::string_view purpose, std::string_view message) {
  std::string label = "vigor mac " + std::string(purpose);
  unsigned char subkey[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.bytes.data()),
                              key.bytes.size());
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

std::optional<std::string> OpenV1(const SecretKey& key, const std::string& raw) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  std::string plain(raw.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 bytes + crypto_secretbox_NONCEBYTES,
                                 raw.size() - crypto_secretbox_NONCEBYTES, bytes,
                                 reinterpret_cast<const unsigned char*>(key.bytes.data())) != 0) {
    return std::nullopt;
  }
  return plain;
}

}  // namespace

struct SecretBox::State {
  mutable std::mutex mutex;
  std::shared_ptr<const Ring> ring;  // replaced whole when the file changes, never edited
  std::optional<std::filesystem::path> file;
  FileStamp stamp;
  std::atomic<std::int64_t> next_check_ns{0};

  std::shared_ptr<const Ring> Current() const {
    std::lock_guard lock(mutex);
    return ring;
  }

  // Re-reads the key file when it changed. A file that no longer parses (being edited by hand)
  // leaves the ring as it was: the next check tries again.
  std::shared_ptr<const Ring> Refresh() {
    if (!file) return Current();
    next_check_ns.store(SteadyNowNs() + kRecheckNs, std::memory_order_relaxed);
    struct stat st {};
    if (::stat(file->c_str(), &st) != 0) return Current();
    {
      std::lock_guard lock(mutex);
      if (StampOf(st) == stamp) return ring;
    }
    try {
      auto [fresh, fresh_stamp] = ReadKeyFile(*file);
      std::lock_guard lock(mutex);
      ring = Share(std::move(fresh));
      stamp = fresh_stamp;
      return ring;
    } catch (const std::exception&) {
      return Current();
    }
  }

  // The ring for sealing: re-read at most once a second.
  std::shared_ptr<const Ring> ForSealing() {
    if (file && SteadyNowNs() >= next_check_ns.load(std::memory_order_relaxed)) return Refresh();
    return Current();
  }
};

SecretBox::SecretBox(std::string key) : SecretBox(Ring{{"k1", std::move(key)}}) {}

SecretBox::SecretBox(std::vector<SecretKey> keys) : state_(std::make_unique<State>()) {
  EnsureSodium();
  try {
    CheckRing(keys);
  } catch (...) {
    Wipe(keys);
    throw;
  }
  state_->ring = Share(std::move(keys));
}

SecretBox::~SecretBox() = default;
SecretBox::SecretBox(SecretBox&&) noexcept = default;
SecretBox& SecretBox::operator=(SecretBox&&) noexcept = default;

SecretBox SecretBox::LoadOrCreate(const std::filesystem::path& key_file) {
  EnsureSodium();
  struct stat st {};
  if (::stat(key_file.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      throw std::runtime_error("cannot read key file " + key_file.string() + ": " + ErrnoText());
    }
    CreateKeyFile(key_file);
  }
  auto [ring, stamp] = ReadKeyFile(key_file);
  SecretBox box(std::move(ring));
  box.state_->file = key_file;
  box.state_->stamp = stamp;
  box.state_->next_check_ns = SteadyNowNs() + kRecheckNs;
  return box;
}

SecretBox SecretBox::FromText(std::string_view text, std::string_view source) {
  Ring ring;
  std::size_t index = 0;
  while (!text.empty()) {
    auto end = text.find_first_of(", \t\r\n");
    std::string_view entry = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (entry.empty()) continue;
    ++index;
    auto colon = entry.find(':');
    std::optional<std::string> key;
    if (colon != std::string_view::npos) key = Base64UrlDecode(entry.substr(colon + 1));
    if (!key || !ValidKeyId(entry.substr(0, colon)) || key->size() != kKeyBytes) {
      Wipe(ring);
      throw std::runtime_error(std::string(source) + ": entry " + std::to_string(index) +
                               " is not '<id>:<32-byte key in base64url>'");
    }
    ring.push_back({std::string(entry.substr(0, colon)), std::move(*key)});
  }
  try {
    return SecretBox(std::move(ring));
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(std::string(source) + ": " + e.what());
  }
}

std::string SecretBox::AppendKey(const std::filesystem::path& key_file) {
  EnsureSodium();
  // A symbolic link (to /etc/vigor/secret.key, say) stays one: the file it names is replaced.
  const std::filesystem::path file = std::filesystem::canonical(key_file);
  auto [ring, stamp] = ReadKeyFile(file);
  int highest = 0;
  for (const auto& key : ring) {
    if (key.id.size() > 1 && key.id.size() < 10 && key.id[0] == 'k' &&
        key.id.find_first_not_of("0123456789", 1) == std::string::npos) {
      highest = std::max(highest, std::stoi(key.id.substr(1)));
    }
  }
  Wipe(ring);
  std::string id = "k" + std::to_string(highest + 1);
  // The file's own text is kept (comments, a bare first key): only a line is added.
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (!text.empty() && text.back() != '\n') text += '\n';
  std::string key = RandomBytes(kKeyBytes);
  text += id + " " + Base64UrlEncode(key) + "\n";
  sodium_memzero(key.data(), key.size());
  std::string tmp;
  try {
    tmp = WriteTempKeyFile(file, text);
  } catch (...) {
    sodium_memzero(text.data(), text.size());
    throw;
  }
  sodium_memzero(text.data(), text.size());
  if (::rename(tmp.c_str(), file.c_str()) != 0) {
    std::string error = ErrnoText();
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot replace key file " + file.string() + ": " + error);
  }
  // The rename itself survives a crash once the directory is synced.
  int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return id;
}

std::string SecretBox::Seal(std::string_view plaintext) const {
  auto ring = state_->ForSealing();
  const SecretKey& key = ring->back();
  std::string header = std::string(kV2) + key.id + ".";
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      bytes + kNonce, &written, reinterpret_cast<const unsigned char*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const unsigned char*>(header.data()), header.size(),
      nullptr, bytes, reinterpret_cast<const unsigned char*>(key.bytes.data()));
  return header + Base64UrlEncode(out);
}

std::optional<std::string> SecretBox::Open(std::string_view sealed) const {
  if (sealed.starts_with(kV1)) {
    auto raw = Base64UrlDecode(sealed.substr(kV1.size()));
    if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
      return std::nullopt;
    }
    // Sealed before values named their key: by the first key, which a ring may have dropped
    // only after a rotation re-sealed them all, so trying each key costs nothing in practice.
    for (const auto& key : *state_->Current()) {
      if (auto plain = OpenV1(key, *raw)) return plain;
    }
    return std::nullopt;
  }
  auto id = KeyIdOf(sealed);
  if (!id || *id == "v1") return std::nullopt;
  std::size_t header_size = kV2.size() + id->size() + 1;
  auto raw = Base64UrlDecode(sealed.substr(header_size));
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  if (!raw || raw->size() < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return std::nullopt;
  }
  auto find = [&](const Ring& ring) -> const SecretKey* {
    for (const auto& key : ring) {
      if (key.id == *id) return &key;
    }
    return nullptr;
  };
  auto ring = state_->Current();
  const SecretKey* key = find(*ring);
  if (key == nullptr) {
    // Sealed by a server that already follows a newer key file than this one has read.
    ring = state_->Refresh();
    key = find(*ring);
    if (key == nullptr) return std::nullopt;
  }
  std::string_view header = sealed.substr(0, header_size);
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  std::string plain(raw->size() - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long length = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr, bytes + kNonce,
          raw->size() - kNonce, reinterpret_cast<const unsigned char*>(header.data()),
          header.size(), bytes, reinterpret_cast<const unsigned char*>(key->bytes.data())) != 0) {
    return std::nullopt;
  }
  plain.resize(length);
  return plain;
}

std::optional<std::string> SecretBox::KeyIdOf(std::string_view sealed) {
  if (sealed.starts_with(kV1)) return std::string("v1");
  if (!sealed.starts_with(kV2)) return std::nullopt;
  std::string_view rest = sealed.substr(kV2.size());
  auto dot = rest.find('.');
  if (dot == std::string_view::npos || !ValidKeyId(rest.substr(0, dot))) return std::nullopt;
  return std::string(rest.substr(0, dot));
}

std::string SecretBox::Mac(std::string_view purpose, std::string_view message) const {
  return MacUnder(state_->ForSealing()->back(), purpose, message);
}

bool SecretBox::MacMatches(std::string_view purpose, std::string_view message,
                           std::string_view mac) const {
  bool matched = false;
  for (const auto& key : *state_->ForSealing()) {
    // No early exit: the time taken does not tell which key matched.
    matched = ConstantTimeEquals(MacUnder(key, purpose, message), mac) || matched;
  }
  return matched;
}

std::vector<std::string> SecretBox::KeyIds() const {
  std::vector<std::string> ids;
  for (const auto& key : *state_->Refresh()) ids.push_back(key.id);
  return ids;
}

std::string SecretBox::CurrentKeyId() const { return state_->Refresh()->back().id; }

}  // namespace vigor::platform::crypto
