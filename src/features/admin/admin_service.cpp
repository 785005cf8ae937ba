#include "features/admin/admin_service.hpp"

#include <algorithm>

#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/time.hpp"

namespace vigor::features::admin {

using accounts::UserStatus;
using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::auth::Role;
using platform::store::Session;
namespace crypto = platform::crypto;

namespace {
constexpr auto kResetTtl = std::chrono::hours(24);
constexpr auto kInviteTtl = std::chrono::hours(24 * 14);

void RequireAdmin(const Principal& p) {
  if (!p.IsAdmin()) throw Error(ErrorKind::kForbidden, Msg("admin_only"));
}

User Existing(std::optional<User> user) {
  if (!user) throw Error(ErrorKind::kNotFound, Msg("no_such_user"));
  return std::move(*user);
}
// core/map_tiles.cpp explains a refused tile URL or attribution in English (core knows no
// catalogue): each of its sentences has a catalogued message, so the reader gets their language.
// A sentence missing here still reaches them, in English, inside a catalogued frame.
platform::i18n::Message MapProblemMessage(const std::string& problem) {
  static const std::pair<std::string_view, std::string_view> kCodes[] = {
      {"must not contain spaces, quotes, backslashes, angle brackets or control characters",
       "tile_url_characters"},
      {"must start with https://", "tile_url_https"},
      {"must have a path with {z}, {x} and {y}", "tile_url_path"},
      {"must not contain a user name or password", "tile_url_user_info"},
      {"has an invalid port", "tile_url_port"},
      {"must have a domain of at least two labels after {s}.", "tile_url_wildcard_domain"},
      {"must have a valid host name ({s} only as the first label)", "tile_url_host"},
      {"must start with https:// (http:// only for localhost)", "tile_url_https_or_localhost"},
      {"may only use the placeholders {z}, {x}, {y} and {s}", "tile_url_placeholders"},
      {"must contain {z}, {x} and {y}", "tile_url_xyz"},
      {"must not contain control characters", "control_characters"},
      {"must be plain text (no < or >)", "attribution_plain_text"},
  };
  for (const auto& [english, code] : kCodes) {
    if (problem == english) return Msg(code);
  }
  if (problem == "must be at most " + std::to_string(core::kMaxTileUrlLength) + " characters") {
    return Msg("too_long", {{"max", core::kMaxTileUrlLength}});
  }
  if (problem == "must be at most " + std::to_string(core::kMaxAttributionLength) + " bytes") {
    return Msg("too_many_bytes", {{"max", core::kMaxAttributionLength}});
  }
  return Msg("map_setting_invalid", {{"reason", problem}});
}

}  // namespace

UserPage AdminService::ListUsers(const Principal& admin, const std::string& query,
                                 const std::string& cursor, int limit) {
  RequireAdmin(admin);
  std::string prefix = query;
  std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  UserPage page;
  page.items = d_.database.ReadResult(
      [&](Session& s) { return d_.users.Search(s, prefix, cursor, limit + 1); });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().username;
  }
  return page;
}

User AdminService::GetUser(const Principal& admin, const std::string& user_id) {
  RequireAdmin(admin);
  return Existing(
      d_.database.ReadResult([&](Session& s) { return d_.users.FindById(s, user_id); }));
}

User AdminService::UpdateUser(const Principal& admin, const std::string& user_id,
                              const UserChange& change, const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  if (user_id == admin.user_id && ((change.role && *change.role != Role::kAdmin) ||
                                   (change.status && *change.status != UserStatus::kActive))) {
    throw Error(ErrorKind::kConflict, Msg("cannot_demote_self"));
  }
  return d_.database.WriteResult([&](Session& s) {
    User user = Existing(d_.users.FindById(s, user_id));
    std::string now = platform::NowRfc3339();
    if (change.role && *change.role != user.role) {
      d_.users.SetRole(s, user.id, *change.role, now);
      // A privilege change: the user's sessions start over.
      d_.credentials.DeleteSessions(s, user.id);
      d_.audit.Record(s, "role_changed", user.id, admin.user_id, client.ip,
                      "to " + std::string(platform::auth::RoleName(*change.role)));
    }
    if (change.status && *change.status != user.status) {
      d_.users.SetStatus(s, user.id, *change.status, now);
      if (*change.status == UserStatus::kDisabled) {
        d_.credentials.DeleteSessions(s, user.id);
        d_.credentials.DeleteTokens(s, user.id);
        d_.audit.Record(s, "account_disabled", user.id, admin.user_id, client.ip);
      } else {
        d_.audit.Record(
            s, user.status == UserStatus::kPendingApproval ? "account_approved" : "account_enabled",
            user.id, admin.user_id, client.ip);
      }
    }
    return *d_.users.FindById(s, user.id);
  });
}

void AdminService::DeleteUser(const Principal& admin, const std::string& user_id,
                              const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  if (user_id == admin.user_id) {
    throw Error(ErrorKind::kConflict, Msg("cannot_delete_self"));
  }
  d_.database.Write([&](Session& s) {
    User user = Existing(d_.users.FindById(s, user_id));
    // The same erasure as a user's own deletion after its grace period (docs/privacy.md): the
    // row with everything that cascades, and what refers to the user without a foreign key.
    d_.erasure.Erase(s, user.id);
    // What the admin did stays in the log, naming nobody: the erased user cannot read it any
    // more, and the name would be a trace of them.
    d_.audit.Record(s, "account_deleted", std::nullopt, admin.user_id, client.ip);
  });
}

void AdminService::ForcePasswordReset(const Principal& admin, const std::string& user_id,
                                      const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  std::string token = crypto::RandomToken();
  d_.database.Write([&](Session& s) {
    User user = Existing(d_.users.FindById(s, user_id));
    std::string now = platform::NowRfc3339();
    d_.users.SetPasswordHash(s, user.id, std::nullopt, now);
    d_.credentials.DeleteSessions(s, user.id);
    d_.credentials.DeleteTokens(s, user.id);
    d_.credentials.InvalidateOneTimeTokens(s, user.id, "password_reset", now);
    d_.credentials.InsertOneTimeToken(s, crypto::Sha256Hex(token), "password_reset", user.id,
                                      std::nullopt, now, platform::Rfc3339FromNow(kResetTtl));
    d_.audit.Record(s, "password_reset_forced", user.id, admin.user_id, client.ip);
    d_.mail.Enqueue(s, d_.mails.PasswordReset(user.email, user.username, token));
  });
  d_.mail.Notify();
}

Settings AdminService::GetSettings(const Principal& admin) {
  RequireAdmin(admin);
  return d_.database.ReadResult([&](Session& s) {
    return Settings{d_.settings.Registration(s), d_.settings.MapTiles(s),
                    d_.settings.WebhooksAllowPrivateTargets(s), d_.settings.ErasureGraceDays(s)};
  });
}

Settings AdminService::ChangeSettings(const Principal& admin, const SettingsChange& change,
                                      const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  if (!change.registration && !change.map && !change.webhooks_allow_private_targets &&
      !change.erasure_grace_days) {
    throw Error(ErrorKind::kValidation, Msg("settings_empty"));
  }
  platform::FieldErrors errors;
  if (change.registration && !accounts::IsRegistrationMode(*change.registration)) {
    errors.Add("registration", Msg("registration_invalid"));
  }
  std::optional<core::MapTiles> map;  // what the map setting becomes, when given
  if (change.map) {
    if (!change.map->tile_url.empty()) {
      if (auto problem = core::TileUrlProblem(change.map->tile_url)) {
        errors.Add("map_tile_url", MapProblemMessage(*problem));
      }
      map = change.map;
    } else if (!change.map->attribution.empty()) {
      errors.Add("map_attribution", Msg("tile_url_required"));
    }
    if (auto problem = core::AttributionProblem(change.map->attribution)) {
      errors.Add("map_attribution", MapProblemMessage(*problem));
    }
  }
  if (change.erasure_grace_days &&
      (*change.erasure_grace_days < 0 ||
       *change.erasure_grace_days > accounts::InstanceSettings::kMaxErasureGraceDays)) {
    errors.Add("erasure_grace_days", Msg("erasure_grace_days_invalid"));
  }
  errors.ThrowIfAny();
  Settings saved = d_.database.WriteResult([&](Session& s) {
    if (change.registration) {
      d_.settings.SetRegistration(s, *change.registration);
      d_.audit.Record(s, "settings_changed", std::nullopt, admin.user_id, client.ip,
                      "registration: " + *change.registration);
    }
    if (change.webhooks_allow_private_targets) {
      d_.settings.SetWebhooksAllowPrivateTargets(s, *change.webhooks_allow_private_targets);
      d_.audit.Record(s, "settings_changed", std::nullopt, admin.user_id, client.ip,
                      std::string("webhooks to private addresses: ") +
                          (*change.webhooks_allow_private_targets ? "allowed" : "refused"));
    }
    if (change.map) {
      d_.settings.SetMapTiles(s, map);
      d_.audit.Record(s, "settings_changed", std::nullopt, admin.user_id, client.ip,
                      map ? "map tiles: " + map->tile_url : std::string("map tiles: none"));
    }
    if (change.erasure_grace_days) {
      d_.settings.SetErasureGraceDays(s, static_cast<int>(*change.erasure_grace_days));
      d_.audit.Record(s, "settings_changed", std::nullopt, admin.user_id, client.ip,
                      "erasure grace days: " + std::to_string(*change.erasure_grace_days));
    }
    return Settings{d_.settings.Registration(s), d_.settings.MapTiles(s),
                    d_.settings.WebhooksAllowPrivateTargets(s), d_.settings.ErasureGraceDays(s)};
  });
  // Only now is the change durable: /api/v1/meta and the next page's Content-Security-Policy
  // may tell it.
  d_.settings.Refresh();
  return saved;
}

NewInvite AdminService::CreateInvite(const Principal& admin, const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  NewInvite invite{"inv_" + crypto::RandomToken(16), platform::Rfc3339FromNow(kInviteTtl)};
  d_.database.Write([&](Session& s) {
    d_.credentials.InsertInvite(s, crypto::Sha256Hex(invite.code), admin.user_id,
                                platform::NowRfc3339(), invite.expires_at);
    d_.audit.Record(s, "invite_created", std::nullopt, admin.user_id, client.ip);
  });
  return invite;
}

accounts::AuditPage AdminService::AuditEvents(const Principal& admin, const std::string& cursor,
                                              int limit) {
  RequireAdmin(admin);
  accounts::AuditPage page;
  page.items = d_.database.ReadResult(
      [&](Session& s) { return d_.audit.List(s, std::nullopt, cursor, limit + 1); });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

User AdminService::CreateUserFromConsole(const std::string& username, const std::string& email,
                                         const std::string& password, bool admin) {
  platform::FieldErrors errors;
  std::string normalized = accounts::NormalizeEmail(email);
  if (normalized.empty()) errors.Add("email", Msg("email_invalid"));
  if (!accounts::IsValidUsername(username)) {
    errors.Add("username", Msg("username_invalid"));
  }
  if (auto problem = d_.policy.Check(password, username, normalized)) {
    errors.Add("password", *problem);
  }
  errors.ThrowIfAny();
  std::string hash = d_.hasher.Hash(password);
  return d_.database.WriteResult([&](Session& s) {
    if (d_.users.UsernameTaken(s, username)) {
      throw Error(ErrorKind::kConflict, Msg("username_taken_detail"), {{"username", Msg("taken")}});
    }
    if (d_.users.EmailTaken(s, normalized)) {
      throw Error(ErrorKind::kConflict, Msg("email_taken_detail"), {{"email", Msg("taken")}});
    }
    std::string now = platform::NowRfc3339();
    User user;
    user.id = platform::NewId();
    user.username = username;
    user.email = normalized;
    user.password_hash = hash;
    user.role = admin ? Role::kAdmin : Role::kUser;
    user.email_verified_at = now;  // the operator vouches for the address
    user.created_at = now;
    d_.users.Insert(s, user);
    d_.audit.Record(s, "account_created_by_operator", user.id, std::nullopt, "",
                    admin ? "role: admin" : "role: user");
    return *d_.users.FindById(s, user.id);
  });
}

}  // namespace vigor::features::admin
