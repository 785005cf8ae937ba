#include "features/clubs/club_service.hpp"

#include <algorithm>
#include <chrono>

#include "core/limits.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::clubs {

using platform::Error;
using platform::ErrorKind;
using platform::store::Session;

namespace {

std::string Now() {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  return platform::FormatUtcMs(ms);
}

core::BucketRule PerHour(int count) {
  return {static_cast<double>(count), static_cast<double>(count) / 3600.0};
}

Error NoSuchClub() { return Error(ErrorKind::kNotFound, Msg("no_such_club")); }

bool IsAdminRole(const std::string& role) { return role == "owner" || role == "admin"; }

bool IsActive(const std::optional<Membership>& m) { return m && m->state == "active"; }

// A cursor this service gave out is an id (a club's, a post's, a user's); anything else is a 422.
void CheckCursor(const std::string& cursor) {
  if (!cursor.empty() && !platform::IsUuid(cursor)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"cursor", Msg("cursor_invalid")}});
  }
}

// A short single line for a notification or a report: control characters become spaces.
std::string ExcerptOf(const std::string& text, std::size_t max_bytes) {
  std::string out;
  for (unsigned char c : text) out.push_back(c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c));
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

}  // namespace

ClubRateLimits DefaultClubRateLimits() {
  namespace limits = core::limits;
  return {.creates = PerHour(limits::kClubsCreatedPerHour),
          .joins = PerHour(limits::kClubJoinsPerHour),
          .posts = PerHour(limits::kClubPostsPerHour)};
}

ClubService::ClubService(platform::store::Database& database,
                         platform::ratelimit::RateLimiter& limiter,
                         notifications::Notifier& notifier, social::SocialLookup& people,
                         ClubRateLimits limits)
    : database_(database),
      limiter_(limiter),
      notifier_(notifier),
      people_(people),
      limits_(limits) {}

Club ClubService::FindClub(Session& s, const std::string& club_id) {
  if (!platform::IsUuid(club_id)) throw NoSuchClub();
  auto club = repo_.Find(s, club_id);
  if (!club) throw NoSuchClub();
  return *club;
}

bool ClubService::MayRead(Session& s, const Club& club, const Viewer& viewer) {
  if (club.access == "public") return true;
  return viewer && IsActive(repo_.MembershipOf(s, club.id, *viewer));
}

Membership ClubService::RequireAdmin(Session& s, const Club& club, const std::string& user_id) {
  auto mine = repo_.MembershipOf(s, club.id, user_id);
  if (!IsActive(mine)) {
    if (club.access == "private") throw NoSuchClub();
    throw Error(ErrorKind::kForbidden, Msg("club_admins_only"));
  }
  if (!IsAdminRole(mine->role)) throw Error(ErrorKind::kForbidden, Msg("club_admins_only"));
  return *mine;
}

bool ClubService::IsActiveMember(Session& s, const std::string& club_id,
                                 const std::string& user_id) {
  return IsActive(repo_.MembershipOf(s, club_id, user_id));
}

bool ClubService::IsAdminOrOwner(Session& s, const std::string& club_id,
                                 const std::string& user_id) {
  auto mine = repo_.MembershipOf(s, club_id, user_id);
  return IsActive(mine) && IsAdminRole(mine->role);
}

std::string ClubService::UserIdOf(Session& s, const std::string& username) {
  auto id = people_.UserIdOf(s, username);
  if (!id) throw Error(ErrorKind::kNotFound, Msg("no_such_club_member"));
  return *id;
}

ClubView ClubService::ViewOf(Session& s, Club club, const Viewer& viewer) {
  ClubView view{.club = std::move(club), .owner = std::nullopt, .mine = std::nullopt};
  std::vector<std::string> ids{view.club.owner_id};
  auto cards = people_.CardsOf(s, ids);
  if (auto it = cards.find(view.club.owner_id); it != cards.end()) view.owner = it->second;
  if (viewer) view.mine = repo_.MembershipOf(s, view.club.id, *viewer);
  return view;
}

std::vector<MemberView> ClubService::MemberViews(Session& s, std::vector<Membership> members) {
  std::vector<std::string> ids;
  ids.reserve(members.size());
  for (const auto& m : members) ids.push_back(m.user_id);
  auto cards = people_.CardsOf(s, ids);
  std::vector<MemberView> views;
  for (auto& m : members) {
    auto it = cards.find(m.user_id);
    if (it == cards.end()) continue;  // an account being deleted
    views.push_back({.membership = std::move(m), .user = it->second});
  }
  return views;
}

ClubPage ClubService::List(const Viewer& viewer, bool mine, const std::string& query,
                           const std::string& cursor, int limit) {
  CheckCursor(cursor);
  if (mine && !viewer) return {};
  return database_.ReadResult([&](Session& s) {
    ClubPage page;
    page.items = repo_.List(s, viewer, mine, query, cursor, limit + 1);
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(static_cast<std::size_t>(limit));
      page.next_cursor = page.items.back().club.id;
    }
    std::vector<std::string> ids;
    for (const auto& item : page.items) ids.push_back(item.club.owner_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto cards = people_.CardsOf(s, ids);
    for (auto& item : page.items) {
      if (auto it = cards.find(item.club.owner_id); it != cards.end()) item.owner = it->second;
    }
    return page;
  });
}

ClubView ClubService::Create(const std::string& user_id, const ClubInput& input) {
  limiter_.Take("club_create:" + user_id, limits_.creates);
  return database_.WriteResult([&](Session& s) {
    auto now = Now();
    Club club{.id = platform::NewId(),
              .name = input.name.value_or(""),
              .description = input.description.value_or(""),
              .access = input.access.value_or("public"),
              .owner_id = user_id,
              .created_at = now,
              .member_count = 1};
    repo_.Insert(s, club);
    repo_.InsertMember(s, club.id,
                       {.user_id = user_id, .role = "owner", .state = "active", .joined_at = now});
    return ViewOf(s, std::move(club), user_id);
  });
}

ClubView ClubService::Get(const Viewer& viewer, const std::string& club_id) {
  return database_.ReadResult([&](Session& s) { return ViewOf(s, FindClub(s, club_id), viewer); });
}

ClubView ClubService::Update(const std::string& user_id, const std::string& club_id,
                             const ClubInput& patch) {
  return database_.WriteResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    RequireAdmin(s, club, user_id);
    if (patch.name) club.name = *patch.name;
    if (patch.description) club.description = *patch.description;
    if (patch.access) club.access = *patch.access;
    repo_.Update(s, club);
    return ViewOf(s, std::move(club), user_id);
  });
}

void ClubService::Delete(const std::string& user_id, const std::string& club_id) {
  database_.Write([&](Session& s) {
    auto club = FindClub(s, club_id);
    auto admin = RequireAdmin(s, club, user_id);
    if (admin.role != "owner") throw Error(ErrorKind::kForbidden, Msg("club_owner_only"));
    repo_.Delete(s, club.id);
  });
}

ClubView ClubService::Join(const std::string& user_id, const std::string& club_id) {
  limiter_.Take("club_join:" + user_id, limits_.joins);
  return database_.WriteResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    if (!repo_.MembershipOf(s, club.id, user_id)) {
      auto now = Now();
      bool open = club.access == "public";
      repo_.InsertMember(s, club.id,
                         {.user_id = user_id,
                          .role = "member",
                          .state = open ? "active" : "pending",
                          .joined_at = now});
      if (open) {
        repo_.AddToMemberCount(s, club.id, 1);
        ++club.member_count;
      } else {
        for (const auto& admin_id : repo_.AdminIds(s, club.id)) {
          notifier_.Notify(s, {.recipient_id = admin_id,
                               .kind = "club",
                               .actor_id = user_id,
                               .subject_kind = "club",
                               .subject_owner_id = std::nullopt,
                               .subject_id = club.id,
                               .excerpt = ExcerptOf(club.name, 200)});
        }
      }
    }
    return ViewOf(s, std::move(club), user_id);
  });
}

void ClubService::Leave(const std::string& user_id, const std::string& club_id) {
  database_.Write([&](Session& s) {
    auto club = FindClub(s, club_id);
    auto mine = repo_.MembershipOf(s, club.id, user_id);
    if (!mine) return;
    if (mine->role == "owner") throw Error(ErrorKind::kConflict, Msg("club_owner_leaves"));
    repo_.DeleteMember(s, club.id, user_id);
    if (mine->state == "active") repo_.AddToMemberCount(s, club.id, -1);
  });
}

MemberPage ClubService::Members(const Viewer& viewer, const std::string& club_id,
                                const std::string& cursor, int limit) {
  CheckCursor(cursor);
  return database_.ReadResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    if (!MayRead(s, club, viewer)) throw NoSuchClub();
    MemberPage page;
    auto members = repo_.Members(s, club.id, viewer, "active", cursor, limit + 1);
    if (static_cast<int>(members.size()) > limit) {
      members.resize(static_cast<std::size_t>(limit));
      page.next_cursor = members.back().user_id;
    }
    page.items = MemberViews(s, std::move(members));
    return page;
  });
}

MemberPage ClubService::Requests(const std::string& user_id, const std::string& club_id,
                                 const std::string& cursor, int limit) {
  CheckCursor(cursor);
  return database_.ReadResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    RequireAdmin(s, club, user_id);
    MemberPage page;
    auto members = repo_.Members(s, club.id, user_id, "pending", cursor, limit + 1);
    if (static_cast<int>(members.size()) > limit) {
      members.resize(static_cast<std::size_t>(limit));
      page.next_cursor = members.back().user_id;
    }
    page.items = MemberViews(s, std::move(members));
    return page;
  });
}

MemberView ClubService::Approve(const std::string& user_id, const std::string& club_id,
                                const std::string& username) {
  return database_.WriteResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    RequireAdmin(s, club, user_id);
    auto member_id = UserIdOf(s, username);
    auto request = repo_.MembershipOf(s, club.id, member_id);
    if (!request) throw Error(ErrorKind::kNotFound, Msg("no_such_club_request"));
    if (request->state == "pending") {
      auto now = Now();
      repo_.Activate(s, club.id, member_id, now);
      repo_.AddToMemberCount(s, club.id, 1);
      request->state = "active";
      request->joined_at = now;
      notifier_.Notify(s, {.recipient_id = member_id,
                           .kind = "club",
                           .actor_id = user_id,
                           .subject_kind = "club",
                           .subject_owner_id = std::nullopt,
                           .subject_id = club.id,
                           .excerpt = ExcerptOf(club.name, 200)});
    }
    auto views = MemberViews(s, {*request});
    if (views.empty()) throw Error(ErrorKind::kNotFound, Msg("no_such_club_request"));
    return views.front();
  });
}

void ClubService::Decline(const std::string& user_id, const std::string& club_id,
                          const std::string& username) {
  database_.Write([&](Session& s) {
    auto club = FindClub(s, club_id);
    RequireAdmin(s, club, user_id);
    auto member_id = UserIdOf(s, username);
    auto request = repo_.MembershipOf(s, club.id, member_id);
    if (!request || request->state != "pending") {
      throw Error(ErrorKind::kNotFound, Msg("no_such_club_request"));
    }
    repo_.DeleteMember(s, club.id, member_id);
  });
}

MemberView ClubService::SetRole(const std::string& user_id, const std::string& club_id,
                                const std::string& username, const std::string& role) {
  return database_.WriteResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    auto mine = RequireAdmin(s, club, user_id);
    if (mine.role != "owner") throw Error(ErrorKind::kForbidden, Msg("club_owner_only"));
    auto member_id = UserIdOf(s, username);
    auto member = repo_.MembershipOf(s, club.id, member_id);
    if (!IsActive(member)) throw Error(ErrorKind::kNotFound, Msg("no_such_club_member"));
    if (member_id == user_id) {
      // The owner stays the owner until someone else is made owner.
      if (role != "owner") throw Error(ErrorKind::kConflict, Msg("club_owner_leaves"));
      return MemberViews(s, {*member}).front();
    }
    if (role == "owner") {
      repo_.SetRole(s, club.id, user_id, "admin");
      repo_.SetOwner(s, club.id, member_id);
    }
    repo_.SetRole(s, club.id, member_id, role);
    member->role = role;
    return MemberViews(s, {*member}).front();
  });
}

void ClubService::RemoveMember(const std::string& user_id, const std::string& club_id,
                               const std::string& username) {
  database_.Write([&](Session& s) {
    auto club = FindClub(s, club_id);
    auto mine = RequireAdmin(s, club, user_id);
    auto member_id = UserIdOf(s, username);
    auto member = repo_.MembershipOf(s, club.id, member_id);
    if (!IsActive(member)) throw Error(ErrorKind::kNotFound, Msg("no_such_club_member"));
    if (member->role == "owner")
      throw Error(ErrorKind::kForbidden, Msg("club_owner_not_removable"));
    if (member->role == "admin" && mine.role != "owner") {
      throw Error(ErrorKind::kForbidden, Msg("club_owner_only"));
    }
    repo_.DeleteMember(s, club.id, member_id);
    repo_.AddToMemberCount(s, club.id, -1);
  });
}

PostPage ClubService::Posts(const Viewer& viewer, const std::string& club_id,
                            const std::string& cursor, int limit) {
  CheckCursor(cursor);
  return database_.ReadResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    if (!MayRead(s, club, viewer)) throw NoSuchClub();
    bool admin = false;
    if (viewer) {
      auto mine = repo_.MembershipOf(s, club.id, *viewer);
      admin = IsActive(mine) && IsAdminRole(mine->role);
    }
    PostPage page;
    auto posts = repo_.Posts(s, club.id, viewer, cursor, limit + 1);
    if (static_cast<int>(posts.size()) > limit) {
      posts.resize(static_cast<std::size_t>(limit));
      page.next_cursor = posts.back().id;
    }
    std::vector<std::string> ids;
    ids.reserve(posts.size());
    for (const auto& p : posts) ids.push_back(p.author_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto cards = people_.CardsOf(s, ids);
    for (auto& p : posts) {
      auto it = cards.find(p.author_id);
      if (it == cards.end()) continue;
      bool may_delete = admin || (viewer && *viewer == p.author_id);
      page.items.push_back({.post = std::move(p), .author = it->second, .may_delete = may_delete});
    }
    return page;
  });
}

PostView ClubService::CreatePost(const std::string& user_id, const std::string& club_id,
                                 const std::string& body) {
  limiter_.Take("club_post:" + user_id, limits_.posts);
  return database_.WriteResult([&](Session& s) {
    auto club = FindClub(s, club_id);
    auto mine = repo_.MembershipOf(s, club.id, user_id);
    if (!IsActive(mine)) {
      if (club.access == "private") throw NoSuchClub();
      throw Error(ErrorKind::kForbidden, Msg("club_members_only"));
    }
    ClubPost post{.id = platform::NewId(),
                  .club_id = club.id,
                  .author_id = user_id,
                  .body = body,
                  .created_at = Now(),
                  .edited_at = std::nullopt};
    repo_.InsertPost(s, post);
    auto views = MemberViews(s, {*mine});
    return PostView{.post = std::move(post), .author = views.front().user, .may_delete = true};
  });
}

void ClubService::DeletePost(const std::string& user_id, const std::string& club_id,
                             const std::string& post_id) {
  database_.Write([&](Session& s) {
    auto club = FindClub(s, club_id);
    if (!MayRead(s, club, user_id)) throw NoSuchClub();
    std::optional<ClubPost> post;
    if (platform::IsUuid(post_id)) post = repo_.FindPost(s, club.id, post_id);
    // A post the caller cannot see (a blocked author's, a hidden one) is as missing.
    if (post && !repo_.FindVisiblePost(s, user_id, post->id)) post.reset();
    if (!post) throw Error(ErrorKind::kNotFound, Msg("no_such_club_post"));
    if (post->author_id != user_id) {
      auto mine = repo_.MembershipOf(s, club.id, user_id);
      if (!IsActive(mine) || !IsAdminRole(mine->role)) {
        throw Error(ErrorKind::kForbidden, Msg("club_admins_only"));
      }
    }
    repo_.DeletePost(s, post->id, Now());
  });
}

std::optional<moderation::ReportedContent> ClubService::ReportedClub(Session& s,
                                                                     const std::string& viewer_id,
                                                                     std::string_view club_id) {
  (void)viewer_id;  // a club's name and description are shown to everyone
  if (!platform::IsUuid(club_id)) return std::nullopt;
  auto club = repo_.Find(s, std::string(club_id));
  if (!club) return std::nullopt;
  return moderation::ReportedContent{
      .owner_id = club->owner_id, .excerpt = ExcerptOf(club->name + ": " + club->description, 500)};
}

std::optional<moderation::ReportedContent> ClubService::ReportedPost(Session& s,
                                                                     const std::string& viewer_id,
                                                                     std::string_view post_id) {
  if (!platform::IsUuid(post_id)) return std::nullopt;
  auto post = repo_.FindVisiblePost(s, viewer_id, std::string(post_id));
  if (!post) return std::nullopt;
  auto club = repo_.Find(s, post->club_id);
  if (!club || !MayRead(s, *club, viewer_id)) return std::nullopt;
  return moderation::ReportedContent{.owner_id = post->author_id,
                                     .excerpt = ExcerptOf(post->body, 500)};
}

}  // namespace vigor::features::clubs
