#include "platform/store/postgres_connection.hpp"

#include <cstdlib>

namespace vigor::platform::store::pg {

namespace {

std::string DecodeByteaHex(const char* text, std::size_t length) {
  // Text output of bytea with bytea_output = 'hex' (set on every connection): \x then hex pairs.
  if (length < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text, length);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  std::string bytes;
  bytes.reserve((length - 2) / 2);
  for (std::size_t i = 2; i + 1 < length; i += 2) {
    bytes.push_back(static_cast<char>((nibble(text[i]) << 4) | nibble(text[i + 1])));
  }
  return bytes;
}

}  // namespace

std::string Trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

[[noreturn]] void ThrowResult(PGconn* conn, const PGresult* result, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string message = std::string(what) + ": " +
                        Trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  // A write refused because the server has become a standby (in_hot_standby is reported by
  // PostgreSQL 14+): the connection is of no more use to the primary pool.
  const char* standby = PQparameterStatus(conn, "in_hot_standby");
  bool now_standby = code == "25006" && standby != nullptr && std::string_view(standby) == "on";
  if (PQstatus(conn) == CONNECTION_BAD || code.starts_with("08") || code == "57P01" ||
      code == "57P02" || code == "57P03" || now_standby) {
    throw ConnectionLost(message);
  }
  if (code.starts_with("23")) throw ConstraintViolation(message);
  if (code == "40001" || code == "40P01") throw RetryableConflict(message);
  // Out of resources (disk full, too many connections), lock or statement timeouts, read-only
  // (a replica after failover), system errors: the database cannot serve now, a retry may work.
  if (code.starts_with("53") || code.starts_with("58") || code == "55P03" || code == "57014" ||
      code == "25006" || code == "57P04" || code.empty()) {
    throw StorageUnavailable(message);
  }
  throw std::runtime_error(message);
}

Value ParseValue(Oid type, const char* text, std::size_t length) {
  switch (type) {
    case kInt8Oid:
    case kInt4Oid:
    case kInt2Oid: {
      std::int64_t n = 0;
      std::from_chars(text, text + length, n);
      return n;
    }
    case kFloat8Oid:
    case kFloat4Oid:
    case kNumericOid: {
      double d = 0;
      // float8out writes the shortest text that reads back to the same double (PostgreSQL 12+).
      auto [end, ec] = std::from_chars(text, text + length, d);
      if (ec != std::errc{}) d = std::strtod(std::string(text, length).c_str(), nullptr);
      return d;
    }
    case kBoolOid:
      return std::int64_t{length > 0 && text[0] == 't' ? 1 : 0};
    case kByteaOid:
      return DecodeByteaHex(text, length);
    default:
      return std::string(text, length);
  }
}

std::string FormatParam(const Value& v) {
  char buf[32];
  if (auto* n = std::get_if<std::int64_t>(&v)) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *n);
    return std::string(buf, end);
  }
  auto d = std::get<double>(v);
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, end);
}

}  // namespace vigor::platform::store::pg
