// The scope column of the authorization matrix: every route a token may call names its scope, and
// the server enforces exactly that scope, for personal access tokens as for OAuth access tokens
// (both become the same principal in the auth middleware). What each route needs is read from
// api/openapi.yaml, not from the router: an operation whose `security` admits a bearer token
// names its scope in `x-vigor-scope` (a list: any one of them) and repeats it in its `oauth2`
// requirement; one whose security is the session alone refuses every token. The router's own
// declaration is checked against the contract, and then each route is called:
// - with a token holding every scope but the route's: 403 token_scope_missing;
// - with a token holding only the route's scope: anything but token_scope_missing (the call
//   itself may well fail on the placeholder ids and empty bodies sent here);
// - session-only routes, with a token holding every scope: 403 session_only.
// A route that a token can reach without a scope fails the test.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <map>
#include <set>

#include "features/accounts/model.hpp"
#include "platform/http/router.hpp"
#include "support/app_harness.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

namespace json = boost::json;
using platform::http::Access;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::OpenApiContract;

// What the contract says of one operation.
struct Declared {
  enum class Who { kAnyone, kSessionOnly, kToken };
  Who who = Who::kAnyone;
  bool anonymous_too = false;       // a token-callable read that anyone may also call
  std::set<std::string> scopes;     // x-vigor-scope: any one of them suffices
  std::set<std::string> oauth2;     // the scopes of its oauth2 requirements (one each)
  std::vector<std::string> errors;  // what in the declaration itself is inconsistent
};

std::string Lower(std::string_view method) {
  std::string out(method);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const json::object& Paths() {
  return OpenApiContract::Vigor().schemas().document().at("paths").as_object();
}

const json::object* OperationOf(Method method, const std::string& path) {
  const auto* item = Paths().if_contains(path);
  if (item == nullptr || !item->is_object()) return nullptr;
  const auto* op = item->as_object().if_contains(Lower(platform::http::MethodName(method)));
  return op != nullptr && op->is_object() ? &op->as_object() : nullptr;
}

Declared Declaration(const json::object& op) {
  Declared d;
  const auto& root = OpenApiContract::Vigor().schemas().document().as_object();
  const json::value& security = op.contains("security") ? op.at("security") : root.at("security");
  bool session = false, bearer = false, anyone = security.as_array().empty();
  for (const auto& requirement : security.as_array()) {
    const auto& r = requirement.as_object();
    if (r.empty()) anyone = true;
    if (r.contains("session")) session = true;
    if (r.contains("bearer")) bearer = true;
    if (const auto* oauth2 = r.if_contains("oauth2")) {
      bearer = true;
      if (oauth2->as_array().size() != 1) {
        d.errors.push_back("an oauth2 requirement names " +
                           std::to_string(oauth2->as_array().size()) + " scopes, not one");
      }
      for (const auto& s : oauth2->as_array()) d.oauth2.insert(std::string(s.as_string()));
    }
  }
  if (const auto* scope = op.if_contains("x-vigor-scope")) {
    if (scope->is_string()) {
      d.scopes.insert(std::string(scope->as_string()));
    } else {
      for (const auto& s : scope->as_array()) d.scopes.insert(std::string(s.as_string()));
    }
  }
  if (bearer) {
    d.who = Declared::Who::kToken;
    d.anonymous_too = anyone;
    if (d.scopes.empty()) d.errors.push_back("a token may call it, but it has no x-vigor-scope");
    if (d.oauth2 != d.scopes) d.errors.push_back("its oauth2 scopes are not its x-vigor-scope");
  } else if (session && !anyone) {
    d.who = Declared::Who::kSessionOnly;
  } else {
    d.who = Declared::Who::kAnyone;
  }
  if (!bearer && !d.scopes.empty()) {
    d.errors.push_back("it has an x-vigor-scope, but its security admits no token");
  }
  return d;
}

// "/api/v1/workouts/{id}/sets/{set}" with every parameter filled in: the auth middleware decides
// before any handler looks the ids up.
std::string Placeholder(const std::string& path) {
  std::string out;
  bool in_parameter = false;
  for (char c : path) {
    if (c == '{') {
      in_parameter = true;
      out += "scope-matrix-placeholder";
    } else if (c == '}') {
      in_parameter = false;
    } else if (!in_parameter) {
      out += c;
    }
  }
  return out;
}

std::string CodeOf(const testing::Reply& reply) {
  if (reply.body.empty() || reply.body.front() != '{') return {};
  auto body = reply.Json();
  const auto* code = body.if_contains("code");
  return code != nullptr && code->is_string() ? std::string(code->as_string()) : std::string();
}

std::string TypeOf(const testing::Reply& reply) {
  if (reply.body.empty() || reply.body.front() != '{') return {};
  auto body = reply.Json();
  const auto* type = body.if_contains("type");
  return type != nullptr && type->is_string() ? std::string(type->as_string()) : std::string();
}

// The scopes a token may hold: the oauth2 scheme's list, which must be the server's.
std::set<std::string> DocumentedScopes() {
  std::set<std::string> out;
  const auto* scopes = OpenApiContract::Vigor().schemas().Find(
      "/components/securitySchemes/oauth2/flows/authorizationCode/scopes");
  if (scopes == nullptr) return out;
  for (const auto& [name, _] : scopes->as_object()) out.insert(std::string(name));
  return out;
}

TEST(ScopeContractTest, TheOAuthScopesAreThePersonalAccessTokenScopes) {
  std::set<std::string> server(features::accounts::KnownScopes().begin(),
                               features::accounts::KnownScopes().end());
  EXPECT_EQ(DocumentedScopes(), server);
  EXPECT_EQ(server.size(), 10u);  // five areas, each read and write
}

TEST(ScopeContractTest, EveryOperationDeclaresItsScopeConsistently) {
  const auto documented = DocumentedScopes();
  int token_callable = 0;
  for (const auto& [path, item] : Paths()) {
    for (const auto& [method, op] : item.as_object()) {
      if (!op.is_object() || !op.as_object().contains("responses")) continue;
      std::string name = std::string(method) + " " + std::string(path);
      auto d = Declaration(op.as_object());
      for (const auto& e : d.errors) ADD_FAILURE() << name << ": " << e;
      for (const auto& s : d.scopes) {
        EXPECT_TRUE(documented.contains(s)) << name << ": unknown scope " << s;
      }
      if (d.who != Declared::Who::kToken) continue;
      ++token_callable;
      // A token's refusals must be in the contract too.
      const auto& responses = op.as_object().at("responses").as_object();
      EXPECT_TRUE(responses.contains("401")) << name << " documents no 401 (a revoked token)";
      EXPECT_TRUE(responses.contains("403")) << name << " documents no 403 (a missing scope)";
    }
  }
  EXPECT_GT(token_callable, 100);  // the contract was read at all
}

class ScopeMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("holder");
    h_.SignIn(holder_, "holder");
    all_scopes_ = DocumentedScopes();
    ASSERT_EQ(all_scopes_.size(), features::accounts::KnownScopes().size());
  }

  // A personal access token of the holder's with exactly these scopes, made once.
  Browser& TokenWith(const std::set<std::string>& scopes) {
    auto found = tokens_.find(scopes);
    if (found != tokens_.end()) return found->second;
    json::array list;
    for (const auto& s : scopes) list.emplace_back(s);
    json::object body{{"name", "scope matrix " + std::to_string(tokens_.size())},
                      {"scopes", std::move(list)}};
    auto created = h_.Post(holder_, "/api/v1/me/tokens", json::serialize(body));
    EXPECT_EQ(created.status, 201) << created.body;
    Browser token;
    if (created.status == 201) token.bearer = std::string(created.Json()["token"].as_string());
    return tokens_.emplace(scopes, std::move(token)).first->second;
  }

  Browser& TokenWithout(const std::set<std::string>& left_out) {
    std::set<std::string> scopes;
    for (const auto& s : all_scopes_) {
      if (!left_out.contains(s)) scopes.insert(s);
    }
    return TokenWith(scopes);
  }

  AppHarness h_;
  Browser holder_;
  std::set<std::string> all_scopes_;
  std::map<std::set<std::string>, Browser> tokens_;
};

TEST_F(ScopeMatrixTest, EveryRouteEnforcesTheScopeTheContractNames) {
  int token_routes = 0, session_routes = 0;
  for (const auto& route : h_.app().http->router().routes()) {
    const auto& spec = route.spec;
    std::string name = std::string(platform::http::MethodName(spec.method)) + " " + spec.path;
    const auto* op = OperationOf(spec.method, spec.path);
    if (op == nullptr) {
      // spec_routes_test compares the two route sets; the diagnostics are not served here.
      ADD_FAILURE() << name << " is not in api/openapi.yaml";
      continue;
    }
    auto d = Declaration(*op);
    std::string target = Placeholder(spec.path);
    std::string body = spec.method == Method::kGet || spec.method == Method::kDelete ? "" : "{}";

    if (d.who == Declared::Who::kSessionOnly) {
      ++session_routes;
      EXPECT_TRUE(spec.session_only) << name << ": session only in the contract, not the router";
      auto reply = h_.Call(TokenWith(all_scopes_), spec.method, target, body);
      EXPECT_EQ(reply.status, 403) << name << " with a token: " << reply.body;
      EXPECT_EQ(CodeOf(reply), "session_only") << name << ": " << reply.body;
      continue;
    }
    if (d.who == Declared::Who::kAnyone) {
      EXPECT_EQ(spec.access, Access::kPublic)
          << name << ": public in the contract, but the router wants a sign-in";
      EXPECT_TRUE(spec.scope.empty())
          << name << ": the router names scope " << spec.scope << ", the contract none";
      continue;
    }

    ++token_routes;
    EXPECT_FALSE(spec.session_only) << name << ": the contract lets tokens call it";
    ASSERT_FALSE(d.scopes.empty()) << name << " is token-callable without a scope";
    if (d.scopes.size() == 1) {
      EXPECT_EQ(spec.scope, *d.scopes.begin()) << name << ": the router's scope";
    } else {
      // Any of several scopes: the route lets every token in and its service decides.
      EXPECT_EQ(spec.scope, "") << name << ": names one scope of several";
    }
    EXPECT_EQ(spec.access == Access::kPublic, d.anonymous_too)
        << name << ": whether anyone signed out may call it";

    auto refused = h_.Call(TokenWithout(d.scopes), spec.method, target, body);
    EXPECT_EQ(refused.status, 403) << name << " without its scope: " << refused.body;
    EXPECT_EQ(TypeOf(refused), "urn:vigor:problem:forbidden") << name;
    EXPECT_EQ(CodeOf(refused), "token_scope_missing") << name << ": " << refused.body;

    for (const auto& scope : d.scopes) {
      auto allowed = h_.Call(TokenWith({scope}), spec.method, target, body);
      EXPECT_NE(allowed.status, 401) << name << " with " << scope << ": " << allowed.body;
      EXPECT_NE(CodeOf(allowed), "token_scope_missing")
          << name << " with only " << scope << ": " << allowed.body;
      EXPECT_NE(CodeOf(allowed), "session_only") << name << ": " << allowed.body;
    }
  }
  // The walk did happen (and tokens were made once per set of scopes, not per route).
  EXPECT_GT(token_routes, 100);
  EXPECT_GT(session_routes, 10);
  EXPECT_LE(tokens_.size(), all_scopes_.size() * 2 + 3);
}

// A token the server does not know is a 401 on a token-callable route, never a 403 that would
// answer anything about scopes. (OAuth access tokens go through the same middleware:
// web/e2e/oauth.test.mjs calls scoped routes with one.)
TEST_F(ScopeMatrixTest, AnUnknownTokenIsUnauthenticatedNotForbidden) {
  Browser forged;
  forged.bearer = "vgr_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  for (const char* target : {"/api/v1/me", "/api/v1/workouts", "/api/v1/users/holder"}) {
    auto reply = h_.Get(forged, target);
    EXPECT_EQ(reply.status, 401) << target << ": " << reply.body;
  }
}

}  // namespace
}  // namespace vigor
