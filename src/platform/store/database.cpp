#include "platform/store/database.hpp"

namespace vigor::platform::store {

namespace {
[[noreturn]] void WrongType(std::size_t i, const char* wanted) {
  throw std::logic_error("column " + std::to_string(i) + " is not " + wanted);
}
}  // namespace

std::size_t Row::IndexOf(std::string_view column) const {
  std::optional<std::size_t> found;
  if (columns_) {
    for (std::size_t i = 0; i < columns_->size(); ++i) {
      if ((*columns_)[i] != column) continue;
      // A join naming two columns alike (s.id, u.id) would read whichever came first.
      if (found) {
        throw std::logic_error("two columns named " + std::string(column) +
                               " in this result: give them aliases");
      }
      found = i;
    }
  }
  if (!found) throw std::logic_error("no column named " + std::string(column) + " in this result");
  return *found;
}

std::int64_t Row::Int(std::size_t i) const {
  if (auto* v = std::get_if<std::int64_t>(&values_.at(i))) return *v;
  WrongType(i, "an integer");
}

double Row::Real(std::size_t i) const {
  const auto& v = values_.at(i);
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
  WrongType(i, "a number");
}

const std::string& Row::Text(std::size_t i) const {
  if (auto* v = std::get_if<std::string>(&values_.at(i))) return *v;
  WrongType(i, "text");
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::optional<double> Row::OptReal(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Real(i);
}

std::optional<std::string> Row::OptText(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Text(i);
}

}  // namespace vigor::platform::store
