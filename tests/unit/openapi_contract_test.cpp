// The checker every integration test's exchanges go through (tests/support/json_schema.* and
// openapi_contract.*), on hand-written schemas and values: what must pass, and what must fail
// with the right pointer and rule.
#include "support/openapi_contract.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace vigor::testing {
namespace {

namespace json = boost::json;

// Validates `value` against `schema`, both JSON text; components come from `components`.
std::vector<SchemaViolation> Check(const std::string& schema, const std::string& value,
                                   const std::string& components = "{}") {
  JsonSchemaValidator validator(
      json::parse(R"({"schema":)" + schema + R"(,"components":{"schemas":)" + components + "}}"));
  return validator.Validate("/schema", json::parse(value));
}

std::string Rules(const std::vector<SchemaViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += (out.empty() ? "" : " ") + v.pointer + "=" + v.rule;
  return out;
}

TEST(JsonSchemaTest, Types) {
  EXPECT_EQ(Rules(Check(R"({"type":"integer"})", "3")), "");
  EXPECT_EQ(Rules(Check(R"({"type":"integer"})", "3.0")), "") << "3.0 is an integer in JSON Schema";
  EXPECT_EQ(Rules(Check(R"({"type":"integer"})", "3.5")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"number"})", "3")), "");
  EXPECT_EQ(Rules(Check(R"({"type":"string"})", "3")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"boolean"})", "\"true\"")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"object"})", "[]")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"array"})", "{}")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"null"})", "0")), "=type");
}

TEST(JsonSchemaTest, NullableByTypeListOrOpenApi30Flag) {
  EXPECT_EQ(Rules(Check(R"({"type":["string","null"]})", "null")), "");
  EXPECT_EQ(Rules(Check(R"({"type":["string","null"]})", "\"x\"")), "");
  EXPECT_EQ(Rules(Check(R"({"type":["string","null"]})", "1")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"string"})", "null")), "=type");
  EXPECT_EQ(Rules(Check(R"({"type":"string","nullable":true})", "null")), "");
}

TEST(JsonSchemaTest, RequiredAndAdditionalProperties) {
  const std::string schema = R"({"type":"object","required":["id","rev"],
    "additionalProperties":false,"properties":{"id":{"type":"string"},"rev":{"type":"integer"}}})";
  EXPECT_EQ(Rules(Check(schema, R"({"id":"a","rev":1})")), "");
  EXPECT_EQ(Rules(Check(schema, R"({"id":"a"})")), "=required");
  EXPECT_EQ(Rules(Check(schema, R"({"id":"a","rev":1,"created_at":"x"})")),
            "/created_at=additionalProperties");
  EXPECT_EQ(Rules(Check(schema, R"({"id":"a","rev":"1"})")), "/rev=type");
  // An open object takes other members; a schema for them checks each.
  EXPECT_EQ(Rules(Check(R"({"type":"object","properties":{"a":{"type":"string"}}})", R"({"b":1})")),
            "");
  EXPECT_EQ(Rules(Check(R"({"additionalProperties":{"type":"integer"}})", R"({"b":1,"c":"x"})")),
            "/c=type");
  EXPECT_EQ(Rules(Check(R"({"minProperties":1})", "{}")), "=minProperties");
}

TEST(JsonSchemaTest, RefsIntoComponentsAndPointersOfNestedValues) {
  const std::string components = R"({
    "Set":{"type":"object","properties":{"reps":{"type":["integer","null"],"minimum":0}}},
    "Block":{"type":"object","required":["sets"],
             "properties":{"sets":{"type":"array","items":{"$ref":"#/components/schemas/Set"}}}}})";
  auto violations = Check(R"({"$ref":"#/components/schemas/Block"})",
                          R"({"sets":[{"reps":5},{"reps":-1},{"reps":"5"}]})", components);
  EXPECT_EQ(Rules(violations), "/sets/1/reps=minimum /sets/2/reps=type");
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].schema_path, "#/components/schemas/Set/properties/reps/minimum");
  EXPECT_EQ(Rules(Check(R"({"$ref":"#/components/schemas/Missing"})", "1", components)), "=$ref");
}

TEST(JsonSchemaTest, AllOfOneOfAnyOfNot) {
  const std::string components = R"({
    "Input":{"type":"object","additionalProperties":false,"properties":{"name":{"type":"string"}}},
    "Cardio":{"type":"object","required":["sport"],"properties":{"sport":{"enum":["run","ride"]}}}})";
  // The defect this checker was written for: an output allOf a closed input refuses its own id.
  EXPECT_EQ(Rules(Check(R"({"allOf":[{"$ref":"#/components/schemas/Input"},
                           {"type":"object","properties":{"id":{"type":"string"}}}]})",
                        R"({"name":"x","id":"1"})", components)),
            "/id=additionalProperties");
  const std::string nullable_cardio =
      R"({"oneOf":[{"$ref":"#/components/schemas/Cardio"},{"type":"null"}]})";
  EXPECT_EQ(Rules(Check(nullable_cardio, "null", components)), "");
  EXPECT_EQ(Rules(Check(nullable_cardio, R"({"sport":"run"})", components)), "");
  // No branch: says so, and why the closest branch failed (not the null one).
  EXPECT_EQ(Rules(Check(nullable_cardio, R"({"sport":"swim"})", components)), "=oneOf /sport=enum");
  EXPECT_EQ(Rules(Check(R"({"oneOf":[{"type":"number"},{"type":"integer"}]})", "2")), "=oneOf")
      << "2 matches both branches";
  EXPECT_EQ(Rules(Check(R"({"anyOf":[{"type":"number"},{"type":"integer"}]})", "2")), "");
  EXPECT_EQ(Rules(Check(R"({"anyOf":[{"type":"number"},{"type":"null"}]})", "\"2\"")), "=anyOf");
  EXPECT_EQ(Rules(Check(R"({"not":{"type":"null"}})", "null")), "=not");
}

TEST(JsonSchemaTest, ConstAndEnum) {
  EXPECT_EQ(Rules(Check(R"({"const":"ok"})", "\"ok\"")), "");
  EXPECT_EQ(Rules(Check(R"({"const":"ok"})", "\"OK\"")), "=const");
  EXPECT_EQ(Rules(Check(R"({"enum":["kg","lb"]})", "\"lb\"")), "");
  EXPECT_EQ(Rules(Check(R"({"enum":["kg","lb"]})", "\"st\"")), "=enum");
  EXPECT_EQ(Rules(Check(R"({"type":["string","null"],"enum":["push",null]})", "null")), "");
  EXPECT_EQ(Rules(Check(R"({"enum":[1]})", "1.0")), "") << "numbers compare by value";
}

TEST(JsonSchemaTest, NumberRanges) {
  const std::string range = R"({"type":"number","minimum":0,"maximum":2000})";
  EXPECT_EQ(Rules(Check(range, "0")), "");
  EXPECT_EQ(Rules(Check(range, "2000")), "");
  EXPECT_EQ(Rules(Check(range, "2000.5")), "=maximum");
  EXPECT_EQ(Rules(Check(range, "-0.1")), "=minimum");
  EXPECT_EQ(Rules(Check(range, "1e308")), "=maximum");
  EXPECT_EQ(Rules(Check(R"({"exclusiveMinimum":0})", "0")), "=exclusiveMinimum");
  EXPECT_EQ(Rules(Check(R"({"exclusiveMinimum":0})", "0.001")), "");
  EXPECT_EQ(Rules(Check(R"({"exclusiveMaximum":1})", "1")), "=exclusiveMaximum");
  EXPECT_EQ(Rules(Check(R"({"minimum":0,"exclusiveMinimum":true})", "0")), "=minimum")
      << "OpenAPI 3.0's boolean form";
  EXPECT_EQ(Rules(Check(R"({"multipleOf":0.5})", "2.5")), "");
  EXPECT_EQ(Rules(Check(R"({"multipleOf":0.5})", "2.4")), "=multipleOf");
}

TEST(JsonSchemaTest, StringLengthsInCodePointsAndPatterns) {
  EXPECT_EQ(Rules(Check(R"({"maxLength":3})", "\"\u00e9\u00e9\u00e9\"")), "")
      << "three characters, six bytes";
  EXPECT_EQ(Rules(Check(R"({"maxLength":3})", "\"abcd\"")), "=maxLength");
  EXPECT_EQ(Rules(Check(R"({"minLength":1})", "\"\"")), "=minLength");
  const std::string username = R"({"pattern":"^[a-z0-9_]{3,30}$"})";
  EXPECT_EQ(Rules(Check(username, "\"ana_1\"")), "");
  EXPECT_EQ(Rules(Check(username, "\"Ana\"")), "=pattern");
  EXPECT_EQ(Rules(Check(R"({"pattern":"b"})", "\"abc\"")), "") << "patterns are not anchored";
}

TEST(JsonSchemaTest, Formats) {
  const std::string date_time = R"({"type":"string","format":"date-time"})";
  EXPECT_EQ(Rules(Check(date_time, "\"2026-03-02T18:04:12Z\"")), "");
  EXPECT_EQ(Rules(Check(date_time, "\"2026-03-02T18:04:12.250+01:00\"")), "");
  EXPECT_EQ(Rules(Check(date_time, "\"2026-03-02 18:04:12\"")), "=format");
  EXPECT_EQ(Rules(Check(date_time, "\"2026-03-02T18:04:12\"")), "=format") << "no offset";
  EXPECT_EQ(Rules(Check(date_time, "\"2026-02-30T18:04:12Z\"")), "=format");
  EXPECT_EQ(Rules(Check(date_time, "\"2026-03-02T24:00:00Z\"")), "=format");
  const std::string date = R"({"format":"date"})";
  EXPECT_EQ(Rules(Check(date, "\"2024-02-29\"")), "");
  EXPECT_EQ(Rules(Check(date, "\"2026-02-29\"")), "=format") << "2026 is no leap year";
  EXPECT_EQ(Rules(Check(date, "\"2026-3-2\"")), "=format");
  const std::string uuid = R"({"format":"uuid"})";
  EXPECT_EQ(Rules(Check(uuid, "\"0192d3a4-5b6c-7d8e-9f00-112233445566\"")), "");
  EXPECT_EQ(Rules(Check(uuid, "\"0192d3a4-5b6c-7d8e-9f00-11223344556\"")), "=format");
  const std::string email = R"({"format":"email"})";
  EXPECT_EQ(Rules(Check(email, "\"ana@example.org\"")), "");
  EXPECT_EQ(Rules(Check(email, "\"ana.example.org\"")), "=format");
  EXPECT_EQ(Rules(Check(email, "\"ana@localhost\"")), "=format");
  EXPECT_EQ(Rules(Check(R"({"format":"binary"})", "\"\"")), "") << "unknown formats pass";
}

TEST(JsonSchemaTest, Arrays) {
  const std::string codes =
      R"({"type":"array","items":{"type":"string"},"minItems":2,"maxItems":3})";
  EXPECT_EQ(Rules(Check(codes, R"(["a","b"])")), "");
  EXPECT_EQ(Rules(Check(codes, R"(["a"])")), "=minItems");
  EXPECT_EQ(Rules(Check(codes, R"(["a","b","c","d"])")), "=maxItems");
  EXPECT_EQ(Rules(Check(codes, R"(["a",2])")), "/1=type");
  EXPECT_EQ(Rules(Check(R"({"uniqueItems":true})", R"([1,2,1])")), "/2=uniqueItems");
}

TEST(JsonSchemaTest, PointersEscapeSlashesAndTildes) {
  auto violations = Check(R"({"additionalProperties":{"type":"integer"}})", R"({"a/b~c":"x"})");
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].pointer, "/a~1b~0c");
}

// A small contract with the shapes of Vigor's: a path parameter beside a literal path, a $ref'd
// problem response, a request schema, an empty 204.
OpenApiContract SmallContract() {
  return OpenApiContract(json::parse(R"({
    "paths":{
      "/things":{"post":{
        "requestBody":{"required":true,"content":{"application/json":{"schema":
          {"type":"object","required":["name"],"additionalProperties":false,
           "properties":{"name":{"type":"string","maxLength":5}}}}}},
        "responses":{
          "201":{"description":"","content":{"application/json":{"schema":
            {"$ref":"#/components/schemas/Thing"}}}},
          "422":{"$ref":"#/components/responses/Problem"}}}},
      "/things/{id}":{
        "get":{"responses":{"200":{"description":"","content":{"application/json":{"schema":
            {"$ref":"#/components/schemas/Thing"}}}},
          "404":{"$ref":"#/components/responses/Problem"}}},
        "delete":{"responses":{"204":{"description":""},"4XX":{"$ref":"#/components/responses/Problem"}}}},
      "/things/special":{"get":{"responses":{"200":{"description":"","content":{"text/csv":{}}}}}}},
    "components":{
      "responses":{"Problem":{"description":"","content":{"application/problem+json":{"schema":
        {"$ref":"#/components/schemas/Problem"}}}}},
      "schemas":{
        "Thing":{"type":"object","required":["id","name"],"additionalProperties":false,
                 "properties":{"id":{"type":"string"},"name":{"type":"string"}}},
        "Problem":{"type":"object","required":["title","status"],
                   "properties":{"title":{"type":"string"},"status":{"type":"integer"}}}}}})"));
}

Exchange Get(const std::string& target, int status, const std::string& type,
             const std::string& body) {
  return {.method = "GET",
          .target = target,
          .status = status,
          .response_content_type = type,
          .response_body = body};
}

TEST(OpenApiContractTest, MatchesLiteralPathsBeforeParameters) {
  auto contract = SmallContract();
  EXPECT_EQ(contract.MatchPath("/things/special"), "/things/special");
  EXPECT_EQ(contract.MatchPath("/things/42"), "/things/{id}");
  EXPECT_EQ(contract.MatchPath("/things/"), std::nullopt) << "an empty id is no id";
  EXPECT_EQ(contract.MatchPath("/things/42/more"), std::nullopt);
  EXPECT_EQ(contract.MatchPath("/other"), std::nullopt);
}

TEST(OpenApiContractTest, AcceptsExchangesThatKeepIt) {
  auto contract = SmallContract();
  EXPECT_EQ(
      contract.Check(Get("/things/1?x=1", 200, "application/json", R"({"id":"1","name":"a"})")),
      std::vector<std::string>{});
  EXPECT_EQ(contract.Check(Get("/things/1", 404, "application/problem+json",
                               R"({"title":"Not found","status":404})")),
            std::vector<std::string>{});
  EXPECT_EQ(contract.Check(Get("/things/special", 200, "text/csv; charset=utf-8", "a,b\n")),
            std::vector<std::string>{});
  EXPECT_EQ(contract.Check({.method = "DELETE", .target = "/things/1", .status = 204}),
            std::vector<std::string>{});
  EXPECT_EQ(contract.Check({.method = "DELETE",
                            .target = "/things/1",
                            .status = 409,
                            .response_content_type = "application/problem+json",
                            .response_body = R"({"title":"Conflict","status":409})"}),
            std::vector<std::string>{})
      << "4XX covers 409";
  EXPECT_EQ(contract.Check({.method = "HEAD",
                            .target = "/things/1",
                            .status = 200,
                            .response_content_type = "application/json"}),
            std::vector<std::string>{})
      << "HEAD is GET without a body";
}

// Each of these must fail, and say where.
TEST(OpenApiContractTest, RefusesExchangesThatBreakIt) {
  auto contract = SmallContract();
  auto one = [&](const Exchange& e) {
    auto v = contract.Check(e);
    return v.size() == 1 ? v[0] : "(" + std::to_string(v.size()) + " violations)";
  };
  EXPECT_EQ(one(Get("/nothing", 200, "application/json", "{}")),
            "no path of the contract matches /nothing");
  EXPECT_EQ(one({.method = "PUT", .target = "/things/1", .status = 200}),
            "the contract has no PUT /things/{id}");
  EXPECT_EQ(one(Get("/things/1", 500, "application/problem+json", "{}")),
            "GET /things/{id} answered 500, a status the contract does not document (200, 404)");
  EXPECT_EQ(one(Get("/things/1", 200, "text/html", "<p>")),
            "GET /things/{id} -> 200: Content-Type \"text/html\", the contract documents "
            "application/json");
  EXPECT_EQ(one(Get("/things/1", 200, "application/json", R"({"id":"1","name":"a","rev":3})")),
            "GET /things/{id} -> 200: /rev: additionalProperties: property \"rev\" is not in the "
            "schema [schema #/components/schemas/Thing/additionalProperties]");
  EXPECT_EQ(one(Get("/things/1", 200, "application/json", R"({"id":"1")"))
                .rfind("GET /things/{id} -> 200: is not JSON", 0),
            0u);
  EXPECT_EQ(
      one(Get("/things/1", 404, "application/problem+json", R"({"title":"x","status":"404"})")),
      "GET /things/{id} -> 404: /status: type: expected integer, got string \"404\" "
      "[schema #/components/schemas/Problem/properties/status/type]");
  EXPECT_EQ(one({.method = "DELETE",
                 .target = "/things/1",
                 .status = 204,
                 .response_content_type = "application/json",
                 .response_body = "{}"}),
            "DELETE /things/{id} -> 204: a body of type \"application/json\" where the contract "
            "documents none");
}

TEST(OpenApiContractTest, RequestBodiesTheServerAcceptsMustKeepIt) {
  auto contract = SmallContract();
  auto post = [](const std::string& type, const std::string& body, int status) {
    return Exchange{
        .method = "POST",
        .target = "/things",
        .request_content_type = type,
        .request_body = body,
        .status = status,
        .response_content_type = status == 201 ? "application/json" : "application/problem+json",
        .response_body =
            status == 201 ? R"({"id":"1","name":"a"})" : R"({"title":"Invalid","status":422})"};
  };
  EXPECT_TRUE(contract.Check(post("application/json", R"({"name":"a"})", 201)).empty());
  // Refused: the contract holds, whatever was sent.
  EXPECT_TRUE(contract.Check(post("application/json", R"({"name":"far too long"})", 422)).empty());
  EXPECT_TRUE(contract.Check(post("text/plain", "x", 422)).empty());
  // Accepted although the contract refuses it: the server or the contract is wrong.
  auto too_long = contract.Check(post("application/json", R"({"name":"far too long"})", 201));
  ASSERT_EQ(too_long.size(), 1u);
  EXPECT_EQ(too_long[0],
            "POST /things -> 201: the server accepted a request body that breaks the contract: "
            "/name: maxLength: 12 characters, more than 5 [schema "
            "#/paths/~1things/post/requestBody/content/application~1json/schema/properties/name/"
            "maxLength]");
  auto text = contract.Check(post("text/plain", "x", 201));
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0],
            "POST /things -> 201: the server accepted a request body of type "
            "\"text/plain\"; the contract lists application/json");
  EXPECT_EQ(contract.Check(post("application/json", "", 201)).size(), 1u) << "the body is required";
  EXPECT_EQ(contract
                .Check({.method = "DELETE",
                        .target = "/things/1",
                        .request_content_type = "application/json",
                        .request_body = "{}",
                        .status = 204})
                .size(),
            1u)
      << "a body the route does not take";
}

TEST(OpenApiContractTest, VigorsContractLoadsAndHasItsRoutes) {
  const auto& vigor = OpenApiContract::Vigor();
  EXPECT_EQ(vigor.MatchPath("/api/v1/workouts/abc"), "/api/v1/workouts/{id}");
  EXPECT_EQ(vigor.MatchPath("/api/v1/measurements/kinds"), "/api/v1/measurements/kinds");
  EXPECT_NE(vigor.schemas().Find("/components/schemas/Workout"), nullptr);
}

}  // namespace
}  // namespace vigor::testing
