// The scope column of the authorization matrix: every route a token may call names its scope, and
// the server enforces exactly that scope, for personal access tokens and for OAuth access tokens
// alike (each call below is made with both kinds; the OAuth ones come from the real flow:
// authorization request, consent, code exchange with PKCE). What each route needs is read from
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

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <map>
#include <set>

#include "features/accounts/model.hpp"
#include "platform/http/router.hpp"
#include "support/app_harness.hpp"
#include "support/oauth_clients.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

namespace json = boost::json;
using platform::http::Access;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::OpenApiContract;

// RFC 7636 Appendix B: a code verifier and its S256 challenge.
constexpr const char* kVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
constexpr const char* kChallenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
constexpr const char* kRedirect = "https://scope-matrix.example/callback";

// The two kinds of bearer token a user can hand out.
enum class Kind { kPersonal, kOAuth };
constexpr Kind kKinds[] = {Kind::kPersonal, Kind::kOAuth};
const char* KindName(Kind kind) {
  return kind == Kind::kPersonal ? "a personal access token" : "an OAuth access token";
}

// The query parameter `name` of a URI (decoded); "" when absent.
std::string ParamOf(const std::string& uri, const std::string& name) {
  auto parsed = boost::urls::parse_uri_reference(uri);
  if (!parsed) return "";
  auto it = parsed->params().find(name);
  return it == parsed->params().end() ? "" : std::string((*it).value);
}

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
        d.errors.emplace_back("an oauth2 requirement names " +
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
    if (d.scopes.empty()) d.errors.emplace_back("a token may call it, but it has no x-vigor-scope");
    if (d.oauth2 != d.scopes) d.errors.emplace_back("its oauth2 scopes are not its x-vigor-scope");
  } else if (session && !anyone) {
    d.who = Declared::Who::kSessionOnly;
  } else {
    d.who = Declared::Who::kAnyone;
  }
  if (!bearer && !d.scopes.empty()) {
    d.errors.emplace_back("it has an x-vigor-scope, but its security admits no token");
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
    holder_id_ = h_.CreateUser("holder");
    std::string developer = h_.CreateUser("developer");
    h_.SignIn(holder_, "holder");
    app_ = testing::InsertOAuthClient(h_, developer, "Scope matrix", true, {kRedirect});
    all_scopes_ = DocumentedScopes();
    ASSERT_EQ(all_scopes_.size(), features::accounts::KnownScopes().size());
  }

  // A token of the holder's with exactly these scopes, made once per kind and set of scopes.
  Browser& TokenWith(Kind kind, const std::set<std::string>& scopes) {
    auto key = std::make_pair(kind, scopes);
    auto found = tokens_.find(key);
    if (found != tokens_.end()) return found->second;
    Browser token;
    token.bearer = kind == Kind::kPersonal ? PersonalToken(scopes) : OAuthToken(scopes);
    return tokens_.emplace(key, std::move(token)).first->second;
  }

  Browser& TokenWithout(Kind kind, const std::set<std::string>& left_out) {
    std::set<std::string> scopes;
    for (const auto& s : all_scopes_) {
      if (!left_out.contains(s)) scopes.insert(s);
    }
    return TokenWith(kind, scopes);
  }

  std::string PersonalToken(const std::set<std::string>& scopes) {
    json::array list;
    for (const auto& s : scopes) list.emplace_back(s);
    json::object body{{"name", "scope matrix " + std::to_string(tokens_.size())},
                      {"scopes", std::move(list)}};
    auto created = h_.Post(holder_, "/api/v1/me/tokens", json::serialize(body));
    EXPECT_EQ(created.status, 201) << created.body;
    return created.status == 201 ? std::string(created.Json()["token"].as_string()) : "";
  }

  // The authorization code flow as an app goes through it: the holder approves on the consent
  // page's API, the app exchanges the code with its verifier.
  std::string OAuthToken(const std::set<std::string>& scopes) {
    std::string scope;
    for (const auto& s : scopes) scope += (scope.empty() ? "" : " ") + s;
    Browser app;
    // Each from an address of its own: authorization requests are rate-limited per address, and
    // this makes a few dozen at once.
    app.ip = "198.51.100." + std::to_string(1 + tokens_.size() % 250);
    auto authorize = h_.Get(
        app, "/oauth/authorize?response_type=code&client_id=" + app_.client_id + "&" +
                 testing::Form({{"redirect_uri", kRedirect}, {"scope", scope}}) +
                 "&state=matrix&code_challenge=" + kChallenge + "&code_challenge_method=S256");
    EXPECT_EQ(authorize.status, 303) << authorize.body;
    std::string consent(authorize.headers.Get("Location").value_or(""));
    auto decision =
        h_.Post(holder_,
                "/api/v1/oauth/authorization-requests/" + ParamOf(consent, "request") + "/decision",
                R"({"approve":true})");
    EXPECT_EQ(decision.status, 200) << consent << ": " << decision.body;
    if (decision.status != 200) return "";
    std::string code = ParamOf(std::string(decision.Json()["redirect_to"].as_string()), "code");
    auto tokens = testing::CallAsApp(h_, Method::kPost, "/oauth/token",
                                     testing::Form({{"grant_type", "authorization_code"},
                                                    {"code", code},
                                                    {"redirect_uri", kRedirect},
                                                    {"code_verifier", kVerifier}}),
                                     app_.client_id, app_.secret);
    EXPECT_EQ(tokens.status, 200) << tokens.body;
    if (tokens.status != 200) return "";
    auto granted = tokens.Json();
    std::set<std::string> got;  // the scopes asked for, all granted (in any order)
    std::string listed(granted["scope"].as_string());
    for (std::size_t at = 0; at < listed.size();) {
      auto space = std::min(listed.find(' ', at), listed.size());
      got.insert(listed.substr(at, space - at));
      at = space + 1;
    }
    EXPECT_EQ(got, scopes);
    return std::string(granted["access_token"].as_string());
  }

  AppHarness h_;
  Browser holder_;
  std::string holder_id_;
  testing::TestClient app_;
  std::set<std::string> all_scopes_;
  std::map<std::pair<Kind, std::set<std::string>>, Browser> tokens_;
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
      for (Kind kind : kKinds) {
        auto reply = h_.Call(TokenWith(kind, all_scopes_), spec.method, target, body);
        EXPECT_EQ(reply.status, 403) << name << " with " << KindName(kind) << ": " << reply.body;
        EXPECT_EQ(CodeOf(reply), "session_only") << name << ": " << reply.body;
      }
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

    for (Kind kind : kKinds) {
      std::string with = name + " with " + KindName(kind);
      auto refused = h_.Call(TokenWithout(kind, d.scopes), spec.method, target, body);
      EXPECT_EQ(refused.status, 403) << with << " without its scope: " << refused.body;
      EXPECT_EQ(TypeOf(refused), "urn:vigor:problem:forbidden") << with;
      EXPECT_EQ(CodeOf(refused), "token_scope_missing") << with << ": " << refused.body;

      for (const auto& scope : d.scopes) {
        auto allowed = h_.Call(TokenWith(kind, {scope}), spec.method, target, body);
        EXPECT_NE(allowed.status, 401) << with << " of " << scope << ": " << allowed.body;
        EXPECT_NE(CodeOf(allowed), "token_scope_missing")
            << with << " of only " << scope << ": " << allowed.body;
        EXPECT_NE(CodeOf(allowed), "session_only") << with << ": " << allowed.body;
      }
    }
  }
  // The walk did happen (and tokens were made once per kind and set of scopes, not per route).
  EXPECT_GT(token_routes, 100);
  EXPECT_GT(session_routes, 10);
  EXPECT_LE(tokens_.size(), 2 * (all_scopes_.size() * 2 + 3));
}

// A token the server does not know, of either kind, is a 401 on a token-callable route, never a
// 403 that would answer anything about scopes.
TEST_F(ScopeMatrixTest, AnUnknownTokenIsUnauthenticatedNotForbidden) {
  for (const char* made_up : {"vgr_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                              "vgr_oat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
    Browser forged;
    forged.bearer = made_up;
    for (const char* target : {"/api/v1/me", "/api/v1/workouts", "/api/v1/users/holder"}) {
      auto reply = h_.Get(forged, target);
      EXPECT_EQ(reply.status, 401) << made_up << " " << target << ": " << reply.body;
    }
  }
}

}  // namespace
}  // namespace vigor
