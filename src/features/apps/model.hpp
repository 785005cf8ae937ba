#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vigor::features::apps {

// A client app a user registered (a row of oauth_clients). `id` is ours; `client_id` is the
// public identifier apps send (oauth_clients.public_id). The secret itself is never kept: only
// its SHA-256 (in the repository) and a hint of its first characters to recognise it by.
struct ClientApp {
  std::string id;
  std::string client_id;
  std::string owner_id;
  std::string name;
  std::optional<std::string> logo_url;
  std::optional<std::string> homepage_url;
  std::vector<std::string> redirect_uris;
  bool confidential = false;
  std::optional<std::string> secret_hint;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> secret_rotated_at;
  std::optional<std::string> disabled_at;
};

// What the owner gives on registering or updating an app (`confidential` only on registering).
struct AppInput {
  std::string name;
  std::optional<std::string> logo_url;
  std::optional<std::string> homepage_url;
  std::vector<std::string> redirect_uris;
  bool confidential = false;
};

// An app with its new secret: the only time the secret is shown (nullopt for a public client).
struct AppWithSecret {
  ClientApp app;
  std::optional<std::string> client_secret;
};

// An app as an admin sees it: with its owner's username.
struct AdminApp {
  ClientApp app;
  std::string owner_username;
};

struct AdminAppPage {
  std::vector<AdminApp> items;
  std::optional<std::string> next_cursor;
};

}  // namespace vigor::features::apps
