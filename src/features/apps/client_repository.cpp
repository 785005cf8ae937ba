#include "features/apps/client_repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace vigor::features::apps {

using platform::store::Row;
using platform::store::Session;
using platform::store::Statement;

namespace {

#define VIGOR_APP_COLUMNS                                                                \
  "c.id, c.public_id, c.owner_id, c.name, c.logo_url, c.homepage_url, c.redirect_uris, " \
  "c.confidential, c.secret_hint, c.created_at, c.updated_at, c.secret_rotated_at, "     \
  "c.disabled_at"

constexpr Statement kInsert{
    "oauth_clients.insert",
    "INSERT INTO oauth_clients (id, public_id, owner_id, name, logo_url, homepage_url, "
    "redirect_uris, confidential, secret_hash, secret_hint, created_at, updated_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)"};
constexpr Statement kFind{"oauth_clients.find_of_owner",
                          "SELECT " VIGOR_APP_COLUMNS
                          " FROM oauth_clients c WHERE c.owner_id = $1 AND c.public_id = $2"};
constexpr Statement kListOfOwner{"oauth_clients.list_of_owner",
                                 "SELECT " VIGOR_APP_COLUMNS
                                 " FROM oauth_clients c WHERE c.owner_id = $1 ORDER BY c.id DESC"};
constexpr Statement kUpdate{
    "oauth_clients.update",
    "UPDATE oauth_clients SET name = $3, logo_url = $4, homepage_url = $5, redirect_uris = $6, "
    "updated_at = $7 WHERE owner_id = $1 AND id = $2"};
constexpr Statement kSetSecret{
    "oauth_clients.set_secret",
    "UPDATE oauth_clients SET secret_hash = $3, secret_hint = $4, secret_rotated_at = $5, "
    "updated_at = $5 WHERE owner_id = $1 AND id = $2 AND confidential = 1"};
constexpr Statement kDelete{"oauth_clients.delete",
                            "DELETE FROM oauth_clients WHERE owner_id = $1 AND id = $2"};
// $1 the cursor ('' for the first page), $2 the limit.
constexpr Statement kListAll{"oauth_clients.list_all",
                             "SELECT " VIGOR_APP_COLUMNS
                             ", u.username AS owner_username FROM oauth_clients c JOIN users u ON "
                             "u.id = c.owner_id WHERE ($1 = '' OR c.id < $1) ORDER BY c.id DESC "
                             "LIMIT $2"};
constexpr Statement kFindAny{"oauth_clients.find_any",
                             "SELECT " VIGOR_APP_COLUMNS
                             ", u.username AS owner_username FROM oauth_clients c JOIN users u ON "
                             "u.id = c.owner_id WHERE c.public_id = $1"};
constexpr Statement kSetDisabled{"oauth_clients.set_disabled",
                                 "UPDATE oauth_clients SET disabled_at = $2 WHERE id = $1"};

#undef VIGOR_APP_COLUMNS

std::string EncodeUris(const std::vector<std::string>& uris) {
  boost::json::array array;
  for (const auto& uri : uris) array.emplace_back(uri);
  return boost::json::serialize(array);
}

std::vector<std::string> DecodeUris(const std::string& text) {
  std::vector<std::string> uris;
  boost::system::error_code ec;
  auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return uris;
  for (const auto& v : value.as_array()) {
    if (v.is_string()) uris.emplace_back(v.as_string());
  }
  return uris;
}

ClientApp AppFromRow(const Row& row) {
  ClientApp app;
  app.id = row.Text("id");
  app.client_id = row.Text("public_id");
  app.owner_id = row.Text("owner_id");
  app.name = row.Text("name");
  app.logo_url = row.OptText("logo_url");
  app.homepage_url = row.OptText("homepage_url");
  app.redirect_uris = DecodeUris(row.Text("redirect_uris"));
  app.confidential = row.Bool("confidential");
  app.secret_hint = row.OptText("secret_hint");
  app.created_at = row.Text("created_at");
  app.updated_at = row.Text("updated_at");
  app.secret_rotated_at = row.OptText("secret_rotated_at");
  app.disabled_at = row.OptText("disabled_at");
  return app;
}

AdminApp AdminAppFromRow(const Row& row) {
  return AdminApp{.app = AppFromRow(row), .owner_username = row.Text("owner_username")};
}

}  // namespace

void ClientRepository::Insert(Session& s, const ClientApp& app,
                              const std::optional<std::string>& secret_hash) {
  s.Execute(kInsert, app.id, app.client_id, app.owner_id, app.name, app.logo_url, app.homepage_url,
            EncodeUris(app.redirect_uris), static_cast<std::int64_t>(app.confidential ? 1 : 0),
            secret_hash, app.secret_hint, app.created_at);
}

std::optional<ClientApp> ClientRepository::Find(Session& s, const std::string& owner_id,
                                                const std::string& client_id) {
  auto row = s.QueryOne(kFind, owner_id, client_id);
  if (!row) return std::nullopt;
  return AppFromRow(*row);
}

std::vector<ClientApp> ClientRepository::ListOfOwner(Session& s, const std::string& owner_id) {
  std::vector<ClientApp> out;
  for (const auto& row : s.Query(kListOfOwner, owner_id)) out.push_back(AppFromRow(row));
  return out;
}

bool ClientRepository::Update(Session& s, const std::string& owner_id, const ClientApp& app) {
  return s.Execute(kUpdate, owner_id, app.id, app.name, app.logo_url, app.homepage_url,
                   EncodeUris(app.redirect_uris), app.updated_at) == 1;
}

bool ClientRepository::SetSecret(Session& s, const std::string& owner_id, const std::string& id,
                                 const std::string& secret_hash, const std::string& secret_hint,
                                 const std::string& at) {
  return s.Execute(kSetSecret, owner_id, id, secret_hash, secret_hint, at) == 1;
}

bool ClientRepository::Delete(Session& s, const std::string& owner_id, const std::string& id) {
  return s.Execute(kDelete, owner_id, id) == 1;
}

std::vector<AdminApp> ClientRepository::ListAll(Session& s, const std::string& before_id,
                                                int limit) {
  std::vector<AdminApp> out;
  for (const auto& row : s.Query(kListAll, before_id, static_cast<std::int64_t>(limit))) {
    out.push_back(AdminAppFromRow(row));
  }
  return out;
}

std::optional<AdminApp> ClientRepository::FindAny(Session& s, const std::string& client_id) {
  auto row = s.QueryOne(kFindAny, client_id);
  if (!row) return std::nullopt;
  return AdminAppFromRow(*row);
}

void ClientRepository::SetDisabled(Session& s, const std::string& id,
                                   const std::optional<std::string>& at) {
  s.Execute(kSetDisabled, id, at);
}

}  // namespace vigor::features::apps
