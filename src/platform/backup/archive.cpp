#include "platform/backup/archive.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include "platform/crypto/random.hpp"

namespace vigor::platform::backup {

namespace {

namespace json = boost::json;

constexpr char kMagic[8] = {'V', 'I', 'G', 'O', 'R', 'B', 'K', '1'};
// Plaintext per encrypted chunk: the compressed stream is cut into pieces this large.
constexpr std::size_t kChunkBytes = 1 << 20;
constexpr std::size_t kMaxRecord = kChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;

std::string Hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

struct ZstdC {
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  ~ZstdC() { ZSTD_freeCCtx(ctx); }
};
struct ZstdD {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  ~ZstdD() { ZSTD_freeDCtx(ctx); }
};

void WriteAll(std::ostream& out, const void* data, std::size_t n) {
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
  if (!out) throw BackupError("cannot write the backup (disk full?)");
}

// Reads up to n bytes; returns how many came.
std::size_t ReadSome(std::istream& in, void* data, std::size_t n) {
  in.read(static_cast<char*>(data), static_cast<std::streamsize>(n));
  if (in.bad()) throw BackupError("cannot read the backup");
  return static_cast<std::size_t>(in.gcount());
}

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

}  // namespace

BackupKey::BackupKey(const std::array<unsigned char, 32>& bytes) : bytes_(bytes) {
  crypto::EnsureSodium();
  static constexpr char kContext[] = "vigor backup key id";
  unsigned char id[8];
  crypto_generichash(id, sizeof id, reinterpret_cast<const unsigned char*>(kContext),
                     sizeof kContext - 1, bytes_.data(), bytes_.size());
  id_ = Hex(id, sizeof id);
}

BackupKey::~BackupKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

std::array<unsigned char, 32> BackupKey::Subkey(std::uint64_t which) const {
  std::array<unsigned char, 32> sub{};
  crypto_kdf_derive_from_key(sub.data(), sub.size(), which, "vigorbak", bytes_.data());
  return sub;
}

BackupKey BackupKey::Load(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) {
    throw BackupError("no backup key at " + file.string() +
                      " (give the key the backup was made with: --backup-key-file FILE)");
  }
  if (!S_ISREG(st.st_mode)) throw BackupError("backup key " + file.string() + " is not a file");
  if ((st.st_mode & 077) != 0) {
    throw BackupError("backup key " + file.string() +
                      " is readable by others; it must be 0600 (chmod 600 " + file.string() + ")");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = Trimmed(buffer.str());
  auto bytes = crypto::Base64UrlDecode(text);
  sodium_memzero(text.data(), text.size());
  if (!bytes || bytes->size() != 32) {
    throw BackupError("backup key " + file.string() + " is not a Vigor backup key");
  }
  std::array<unsigned char, 32> key{};
  std::memcpy(key.data(), bytes->data(), key.size());
  sodium_memzero(bytes->data(), bytes->size());
  BackupKey result(key);
  sodium_memzero(key.data(), key.size());
  return result;
}

BackupKey BackupKey::LoadOrCreate(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
      throw BackupError("cannot create backup key " + file.string() + ": " + std::strerror(errno));
    }
    if (fd >= 0) {
      std::string text = crypto::Base64UrlEncode(crypto::RandomBytes(32)) + "\n";
      bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                ::fsync(fd) == 0;
      sodium_memzero(text.data(), text.size());
      ::close(fd);
      if (!ok) throw BackupError("cannot write backup key " + file.string());
    }
  }
  return Load(file);
}

std::uint64_t Seal(const BackupKey& key, const std::string& label, std::istream& in,
                   std::ostream& out) {
  auto subkey = key.Subkey(kPartSubkey);
  crypto_secretstream_xchacha20poly1305_state state;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&state, header, subkey.data());
  sodium_memzero(subkey.data(), subkey.size());
  WriteAll(out, kMagic, sizeof kMagic);
  WriteAll(out, header, sizeof header);

  std::vector<unsigned char> cipher(kMaxRecord);
  auto push = [&](const std::string& plain, std::size_t n, unsigned char tag) {
    unsigned long long len = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &state, cipher.data(), &len, reinterpret_cast<const unsigned char*>(plain.data()), n,
        reinterpret_cast<const unsigned char*>(label.data()), label.size(), tag);
    unsigned char size[4] = {static_cast<unsigned char>(len >> 24),
                             static_cast<unsigned char>(len >> 16),
                             static_cast<unsigned char>(len >> 8), static_cast<unsigned char>(len)};
    WriteAll(out, size, sizeof size);
    WriteAll(out, cipher.data(), len);
  };

  ZstdC zstd;
  ZSTD_CCtx_setParameter(zstd.ctx, ZSTD_c_compressionLevel, 3);
  std::vector<char> input_buffer(ZSTD_CStreamInSize());
  std::vector<char> output_buffer(ZSTD_CStreamOutSize());
  std::string pending;  // compressed bytes not yet encrypted
  std::uint64_t plain_total = 0;
  for (;;) {
    std::size_t n = ReadSome(in, input_buffer.data(), input_buffer.size());
    plain_total += n;
    bool last = n < input_buffer.size();
    ZSTD_inBuffer input{input_buffer.data(), n, 0};
    auto mode = last ? ZSTD_e_end : ZSTD_e_continue;
    bool done = false;
    while (!done) {
      ZSTD_outBuffer output{output_buffer.data(), output_buffer.size(), 0};
      std::size_t left = ZSTD_compressStream2(zstd.ctx, &output, &input, mode);
      if (ZSTD_isError(left)) {
        throw BackupError(std::string("compression failed: ") + ZSTD_getErrorName(left));
      }
      pending.append(output_buffer.data(), output.pos);
      done = last ? left == 0 : input.pos == input.size;
    }
    while (pending.size() >= kChunkBytes) {
      push(pending, kChunkBytes, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
      pending.erase(0, kChunkBytes);
    }
    if (last) break;
  }
  // The final tag marks the true end: a copy cut after any whole chunk is still refused.
  push(pending, pending.size(), crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  out.flush();
  if (!out) throw BackupError("cannot write the backup (disk full?)");
  return plain_total;
}

std::uint64_t Open(const BackupKey& key, const std::string& label, std::istream& in,
                   std::ostream& out) {
  auto truncated = [&] {
    return BackupError("part " + label + " is truncated: it ends before its last chunk");
  };
  char magic[sizeof kMagic];
  std::size_t got = ReadSome(in, magic, sizeof magic);
  if (got == 0) throw truncated();
  if (got < sizeof magic || std::memcmp(magic, kMagic, sizeof magic) != 0) {
    throw BackupError("part " + label + " is not a Vigor backup part (damaged or another file)");
  }
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  if (ReadSome(in, header, sizeof header) < sizeof header) throw truncated();
  auto subkey = key.Subkey(kPartSubkey);
  crypto_secretstream_xchacha20poly1305_state state;
  int rc = crypto_secretstream_xchacha20poly1305_init_pull(&state, header, subkey.data());
  sodium_memzero(subkey.data(), subkey.size());
  if (rc != 0) throw BackupError("part " + label + " has a damaged header");

  ZstdD zstd;
  std::vector<unsigned char> cipher(kMaxRecord);
  std::vector<unsigned char> plain(kChunkBytes);
  std::vector<char> output_buffer(ZSTD_DStreamOutSize());
  std::uint64_t plain_total = 0;
  bool frame_done = false;  // a whole zstd frame has been decoded
  bool final = false;
  while (!final) {
    unsigned char size[4];
    got = ReadSome(in, size, sizeof size);
    if (got < sizeof size) throw truncated();
    std::size_t len = (std::size_t{size[0]} << 24) | (std::size_t{size[1]} << 16) |
                      (std::size_t{size[2]} << 8) | std::size_t{size[3]};
    if (len < crypto_secretstream_xchacha20poly1305_ABYTES || len > kMaxRecord) {
      throw BackupError("part " + label + " is corrupted (a chunk has an impossible length)");
    }
    if (ReadSome(in, cipher.data(), len) < len) throw truncated();
    unsigned long long plain_len = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &state, plain.data(), &plain_len, &tag, cipher.data(), len,
            reinterpret_cast<const unsigned char*>(label.data()), label.size()) != 0) {
      throw BackupError("part " + label +
                        " is corrupted: a chunk fails authentication (altered, damaged, or sealed "
                        "with another key)");
    }
    final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    ZSTD_inBuffer input{plain.data(), static_cast<std::size_t>(plain_len), 0};
    // Until the input is used up and zstd no longer fills the whole output (it may hold decoded
    // bytes back until asked again).
    bool more = input.size > 0;
    while (more) {
      ZSTD_outBuffer output{output_buffer.data(), output_buffer.size(), 0};
      std::size_t before = input.pos;
      std::size_t left = ZSTD_decompressStream(zstd.ctx, &output, &input);
      if (ZSTD_isError(left)) {
        throw BackupError("part " + label + " is corrupted: it does not decompress (" +
                          ZSTD_getErrorName(left) + ")");
      }
      // A call that moved nothing only asks for the next frame's header: no news.
      if (left == 0) {
        frame_done = true;
      } else if (output.pos > 0 || input.pos > before) {
        frame_done = false;
      }
      WriteAll(out, output_buffer.data(), output.pos);
      plain_total += output.pos;
      more = input.pos < input.size || output.pos == output.size;
    }
  }
  if (!frame_done) throw BackupError("part " + label + " is corrupted: its data ends early");
  if (in.peek() != std::char_traits<char>::eof()) {
    throw BackupError("part " + label + " is corrupted: it has bytes after its end");
  }
  out.flush();
  if (!out) throw BackupError("cannot write the restored part " + label + " (disk full?)");
  return plain_total;
}

namespace {

json::object ManifestBody(const Manifest& m) {
  json::array parts;
  for (const auto& p : m.parts) {
    parts.push_back(json::object{{"name", p.name},
                                 {"file", p.file},
                                 {"size", p.size},
                                 {"sha256", p.sha256},
                                 {"plain_size", p.plain_size}});
  }
  return json::object{{"format", "vigor-backup"},
                      {"format_version", m.format_version},
                      {"id", m.id},
                      {"created_at", m.created_at},
                      {"vigor_version", m.vigor_version},
                      {"database", m.database},
                      {"schema_version", m.schema_version},
                      {"key_id", m.key_id},
                      {"compression", "zstd"},
                      {"encryption", "xchacha20poly1305-secretstream"},
                      {"parts", std::move(parts)}};
}

std::string Mac(const std::string& text, const BackupKey& key) {
  auto subkey = key.Subkey(kManifestSubkey);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(text.data()), text.size(), subkey.data());
  sodium_memzero(subkey.data(), subkey.size());
  return Hex(mac, sizeof mac);
}

}  // namespace

std::string ManifestJson(const Manifest& manifest, const BackupKey& key) {
  auto body = ManifestBody(manifest);
  std::string mac = Mac(json::serialize(body), key);
  body["mac"] = mac;
  return json::serialize(body) + "\n";
}

Manifest ParseManifest(const std::string& text, const BackupKey& key) {
  json::object body;
  try {
    body = json::parse(text).as_object();
  } catch (const std::exception&) {
    throw BackupError("the manifest is damaged (not JSON)");
  }
  try {
    if (body.at("format").as_string() != "vigor-backup") {
      throw BackupError("not a Vigor backup (the manifest's format is not vigor-backup)");
    }
    auto version = body.at("format_version").to_number<int>();
    if (version != kFormatVersion) {
      throw BackupError("unknown backup format version " + std::to_string(version) +
                        " (this Vigor reads version " + std::to_string(kFormatVersion) +
                        "): restore it with the Vigor version that made it or a newer one");
    }
    Manifest m;
    m.format_version = version;
    m.key_id = json::value_to<std::string>(body.at("key_id"));
    if (m.key_id != key.id()) {
      throw BackupError("wrong backup key: this backup was sealed with key " + m.key_id +
                        ", the key given is " + key.id());
    }
    std::string mac = json::value_to<std::string>(body.at("mac"));
    body.erase("mac");
    if (!crypto::ConstantTimeEquals(mac, Mac(json::serialize(body), key))) {
      throw BackupError("the manifest was altered or is damaged (its MAC does not match)");
    }
    m.id = json::value_to<std::string>(body.at("id"));
    m.created_at = json::value_to<std::string>(body.at("created_at"));
    m.vigor_version = json::value_to<std::string>(body.at("vigor_version"));
    m.database = json::value_to<std::string>(body.at("database"));
    m.schema_version = body.at("schema_version").to_number<int>();
    for (const auto& v : body.at("parts").as_array()) {
      const auto& p = v.as_object();
      m.parts.push_back(Part{.name = json::value_to<std::string>(p.at("name")),
                             .file = json::value_to<std::string>(p.at("file")),
                             .size = p.at("size").to_number<std::uint64_t>(),
                             .sha256 = json::value_to<std::string>(p.at("sha256")),
                             .plain_size = p.at("plain_size").to_number<std::uint64_t>()});
      // A part's file name comes from the manifest: never let it leave the backup's directory.
      if (m.parts.back().file.find('/') != std::string::npos ||
          m.parts.back().file.starts_with(".")) {
        throw BackupError("the manifest names an impossible part file");
      }
    }
    return m;
  } catch (const BackupError&) {
    throw;
  } catch (const std::exception&) {
    throw BackupError("the manifest is damaged (a field is missing or of the wrong type)");
  }
}

FileDigest DigestFile(const std::filesystem::path& file) {
  crypto::EnsureSodium();
  std::ifstream in(file, std::ios::binary);
  if (!in) throw BackupError("cannot read " + file.string());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buffer(1 << 16);
  FileDigest digest;
  for (;;) {
    std::size_t n = ReadSome(in, buffer.data(), buffer.size());
    if (n == 0) break;
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()), n);
    digest.size += n;
  }
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, hash);
  digest.sha256 = Hex(hash, sizeof hash);
  return digest;
}

}  // namespace vigor::platform::backup
