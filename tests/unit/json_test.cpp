// Response bodies as people write numbers: whole quantities as integers, others in plain decimal
// (the shortest text that reads back as the same double), never in exponent notation.
#include "platform/http/json.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <charconv>
#include <cmath>
#include <limits>

namespace vigor::platform::http {
namespace {

std::string Text(double d) { return SerializeJson(boost::json::value(d)); }

TEST(SerializeJson, WholeQuantitiesAreIntegers) {
  EXPECT_EQ(Text(3600.0), "3600");  // Boost.JSON writes 3.6E3
  EXPECT_EQ(Text(3120.0), "3120");
  EXPECT_EQ(Text(0.0), "0");
  EXPECT_EQ(Text(-0.0), "0");
  EXPECT_EQ(Text(-42.0), "-42");
  EXPECT_EQ(Text(1e6), "1000000");
  EXPECT_EQ(Text(1e20), "100000000000000000000");
  EXPECT_EQ(Text(9007199254740993.0), "9007199254740992");  // 2^53 + 1 is not a double
}

TEST(SerializeJson, FractionsArePlainDecimalAndShortest) {
  EXPECT_EQ(Text(0.845), "0.845");
  EXPECT_EQ(Text(72.5), "72.5");
  EXPECT_EQ(Text(4530.5), "4530.5");
  EXPECT_EQ(Text(-1.25), "-1.25");
  EXPECT_EQ(Text(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(Text(0.0001), "0.0001");  // Boost.JSON: 1E-4
  EXPECT_EQ(Text(0.000001), "0.000001");
  EXPECT_EQ(Text(51.5074), "51.5074");
  EXPECT_EQ(Text(-0.1278), "-0.1278");
}

// Far outside any quantity Vigor stores, as JavaScript writes them.
TEST(SerializeJson, OnlyHugeAndTinyMagnitudesTakeAnExponent) {
  EXPECT_EQ(Text(1e21), "1e+21");
  EXPECT_EQ(Text(-2.5e300), "-2.5e+300");
  EXPECT_EQ(Text(1.5e-7), "1.5e-07");
  EXPECT_EQ(Text(5e-324), "5e-324");
}

TEST(SerializeJson, EveryDoubleReadsBackTheSame) {
  for (double d : {0.845, 72.5, 1.0 / 3, 2.0 / 3 * 1e-5, 123456.789, 6.02214076e23, 5e-324,
                   std::numeric_limits<double>::max(), -std::numeric_limits<double>::min()}) {
    auto text = Text(d);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(back, d) << text;
    EXPECT_TRUE(boost::json::parse(text).is_number()) << text;
  }
}

// Body weights, lengths in metres, durations, distances, volumes: every one in plain decimal.
TEST(SerializeJson, QuantitiesVigorStoresHaveNoExponent) {
  for (double base : {0.00001, 0.001, 0.845, 72.5, 3600.0, 42195.0, 3120.0, 604800.0, 1e9}) {
    for (int i = 1; i <= 1000; ++i) {
      double d = base * i / 7;
      auto text = Text(d);
      ASSERT_EQ(text.find_first_of("eE"), std::string::npos) << text;
      double back = 0;
      std::from_chars(text.data(), text.data() + text.size(), back);
      ASSERT_EQ(back, d) << text;
    }
  }
}

TEST(SerializeJson, NumbersJsonCannotHoldAreNull) {
  EXPECT_EQ(Text(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(Text(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(Text(-std::numeric_limits<double>::infinity()), "null");
}

TEST(SerializeJson, WholeDocuments) {
  boost::json::object workout{{"title", "Run \"easy\"\n"},
                              {"duration_s", 3600.0},
                              {"volume_kg", 3120.0},
                              {"value", 0.845},
                              {"sets", 3},
                              {"big", std::numeric_limits<std::uint64_t>::max()},
                              {"min", std::numeric_limits<std::int64_t>::min()},
                              {"done", true},
                              {"notes", nullptr},
                              {"ids", boost::json::array{"a", 1, 72.5, boost::json::array{}}},
                              {"empty", boost::json::object{}}};
  EXPECT_EQ(SerializeJson(workout),
            R"({"title":"Run \"easy\"\n","duration_s":3600,"volume_kg":3120,"value":0.845,)"
            R"("sets":3,"big":18446744073709551615,"min":-9223372036854775808,"done":true,)"
            R"("notes":null,"ids":["a",1,72.5,[]],"empty":{}})");
}

TEST(SerializeJson, StringsAreEscapedAsJsonRequires) {
  std::string text = "q\"b\\s/\b\f\n\r\t";
  text.push_back('\x01');
  text.push_back('\x1f');
  text += "\x7f\xC3\xA4";  // DEL and UTF-8 pass through
  EXPECT_EQ(SerializeJson(boost::json::value(text)),
            "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\x7f\xC3\xA4\"");
  EXPECT_EQ(boost::json::parse(SerializeJson(boost::json::value(text))).as_string(), text);
}

TEST(SerializeJson, JsonResponsesUseIt) {
  auto response = Json(200, boost::json::object{{"duration_s", 3600.0}});
  EXPECT_EQ(response.body, R"({"duration_s":3600})");
}

// PostgreSQL's text cannot hold U+0000: a string field with one is refused (422) on both
// backends rather than stored cut short on one of them.
TEST(JsonFields, TextWithTheCharacterU0000IsRefused) {
  auto object = boost::json::parse(R"({"cut":"a\u0000b","whole":"ab"})").as_object();
  FieldErrors errors;
  JsonFields fields(object, errors);
  EXPECT_EQ(fields.String("whole", {.required = true}), "ab");
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(fields.String("cut", {.required = true}), std::nullopt);
  try {
    errors.ThrowIfAny();
    ADD_FAILURE() << "a string with U+0000 passed";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "cut");
  }
}

// Control characters: a one-line text refuses them all (C0, DEL, C1), a multi-line text keeps
// line feed, carriage return and tab, a secret keeps everything but U+0000. Invalid UTF-8 in an
// object that did not come through ParseJsonObject is refused too.
TEST(JsonFields, ControlCharactersAreRefusedPerKindOfText) {
  using Text = JsonFields::Text;
  boost::json::object object;
  object["lf"] = "a\nb";
  object["crlf_tab"] = "a\r\n\tb";
  object["bell"] =
      "a\x07"
      "b";
  object["del"] = "a\x7F";
  object["c1"] =
      "a\xC2\x85"
      "b";  // U+0085 NEXT LINE
  object["nbsp"] =
      "a\xC2\xA0"
      "b";                                        // U+00A0, a letter-like space: allowed
  object["bad_utf8"] = std::string("a\xC3(", 3);  // a lead byte without its continuation
  object["plain"] = "Leg day";
  auto accepted = [&](std::string_view name, Text text) {
    FieldErrors errors;
    JsonFields fields(object, errors);
    auto value = fields.String(name, {.required = true, .text = text});
    EXPECT_EQ(value.has_value(), errors.empty()) << name;
    return value.has_value();
  };
  for (auto name : {"lf", "crlf_tab", "bell", "del", "c1", "bad_utf8"}) {
    EXPECT_FALSE(accepted(name, Text::kLine)) << name;
  }
  EXPECT_TRUE(accepted("plain", Text::kLine));
  EXPECT_TRUE(accepted("nbsp", Text::kLine));
  EXPECT_TRUE(accepted("lf", Text::kMultiLine));
  EXPECT_TRUE(accepted("crlf_tab", Text::kMultiLine));
  for (auto name : {"bell", "del", "c1", "bad_utf8"}) {
    EXPECT_FALSE(accepted(name, Text::kMultiLine)) << name;
  }
  for (auto name : {"lf", "crlf_tab", "bell", "del", "c1"}) {
    EXPECT_TRUE(accepted(name, Text::kSecret)) << name;
  }
  EXPECT_FALSE(accepted("bad_utf8", Text::kSecret));
}

// A range of core/limits.hpp is the same check as its two ends.
TEST(JsonFields, RangesFromTheLimitsTable) {
  auto object = boost::json::parse(R"({"in":10,"out":10.5,"huge":1e308})").as_object();
  FieldErrors errors;
  JsonFields fields(object, errors);
  constexpr core::limits::Range<double> kTen{0, 10};
  EXPECT_EQ(fields.Number("in", true, kTen), 10.0);
  EXPECT_EQ(fields.Number("out", true, kTen), std::nullopt);
  EXPECT_EQ(fields.Int("huge", true, core::limits::Range<std::int64_t>{0, 10}), std::nullopt);
  try {
    errors.ThrowIfAny();
    ADD_FAILURE() << "out of range values passed";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 2u);
    EXPECT_EQ(e.fields()[0].field, "out");
    EXPECT_EQ(e.fields()[1].field, "huge");
  }
}

}  // namespace
}  // namespace vigor::platform::http
