#include "features/feed/feed_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "core/limits.hpp"
#include "core/privacy.hpp"
#include "features/records/model.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::feed {

namespace {

using platform::Error;
using platform::ErrorKind;

Error NoSuchItem() { return Error(ErrorKind::kNotFound, Msg("no_such_feed_item")); }
Error NoSuchComment() { return Error(ErrorKind::kNotFound, Msg("no_such_comment")); }

core::BucketRule CommentRule() {
  return {static_cast<double>(core::limits::kCommentsBurst),
          core::limits::kCommentsPerHour / 3600.0};
}
core::BucketRule KudosRule() {
  return {static_cast<double>(core::limits::kKudosBurst), core::limits::kKudosPerHour / 3600.0};
}

core::privacy::Visibility VisibilityOf(const std::string& text) {
  return core::privacy::ParseVisibility(text).value_or(core::privacy::Visibility::kPrivate);
}

std::string Lesser(const std::string& a, const std::string& b) {
  return static_cast<int>(VisibilityOf(a)) < static_cast<int>(VisibilityOf(b)) ? a : b;
}

std::string SeriesOf(const records::RecordsRecomputed& change) {
  return change.exercise_id.empty() ? "sport:" + change.sport : "exercise:" + change.exercise_id;
}

// A record the feed shows: one that beat an earlier record of its series (a first workout sets
// every series, which is no news), with one formula of the estimated 1RM.
bool IsNews(const core::RecordEntry& entry) {
  if (!entry.previous_value) return false;
  return entry.kind != core::record_kind::kOneRepMax || entry.variant == "epley";
}

std::string RecordSubject(const std::string& series, const core::RecordEntry& e) {
  return series + "|" + e.kind + "|" + e.variant + "|" + e.workout_id;
}

template <class T>
void PutIf(boost::json::object& o, const char* name, const std::optional<T>& value) {
  if (value) o[name] = *value;
}

// The first words of a text, for notifications (at most 100 characters, whole UTF-8 sequences).
std::string Excerpt(const std::string& text) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && ++chars > 100) break;
    out += text[i];
  }
  return out;
}

}  // namespace

// ---- observers ----------------------------------------------------------------------------------

void FeedService::OnWorkoutChanges(Session& s, std::span<const workouts::WorkoutChange> changes) {
  for (const auto& change : changes) {
    auto stored = repo_.FindBySubject(s, change.user_id, "workout", change.workout_id);
    if (!change.after) {
      if (stored) repo_.Delete(s, change.user_id, stored->id);
      continue;
    }
    const auto& facts = *change.after;
    auto snapshot = d_.workout_snapshot(s, change.user_id, change.workout_id, facts.started_at);
    boost::json::object summary;
    if (snapshot) {
      summary["title"] = snapshot->title;
      summary["workout_kind"] = snapshot->kind;
      PutIf(summary, "sport", snapshot->sport);
      PutIf(summary, "distance_m", snapshot->distance_m);
      PutIf(summary, "duration_s", snapshot->duration_s);
      PutIf(summary, "volume_kg", snapshot->volume_kg);
    } else {
      summary["title"] = "";
      summary["workout_kind"] =
          facts.kind == workouts::WorkoutKind::kCardio ? "cardio" : "strength";
      PutIf(summary, "sport", facts.sport);
    }
    FeedRepository::NewItem item{.owner_id = change.user_id,
                                 .kind = "workout",
                                 .subject = change.workout_id,
                                 .workout_id = change.workout_id,
                                 .series = std::nullopt,
                                 .occurred_at = facts.started_at,
                                 .base_visibility = facts.visibility,
                                 .visibility = facts.visibility,
                                 .summary = boost::json::serialize(summary)};
    if (stored) {
      repo_.Update(s, change.user_id, stored->id, item);
    } else {
      repo_.Insert(s, item);
    }
    // Its records share no more widely than the workout does.
    repo_.CapRecordsOfWorkout(s, change.user_id, change.workout_id, facts.visibility);
  }
}

std::string FeedService::WorkoutVisibility(Session& s, const std::string& owner_id,
                                           const std::string& workout_id,
                                           const std::string& fallback) {
  auto workout = repo_.FindBySubject(s, owner_id, "workout", workout_id);
  return workout ? workout->visibility : fallback;
}

void FeedService::OnRecordsRecomputed(Session& s, const records::RecordsRecomputed& change) {
  const std::string series = SeriesOf(change);
  std::map<std::string, const core::RecordEntry*> wanted;
  for (const auto& entry : change.records) {
    if (IsNews(entry)) wanted.emplace(RecordSubject(series, entry), &entry);
  }
  std::set<std::string> kept;
  for (const auto& item : repo_.RecordsOfSeries(s, change.user_id, series, change.from)) {
    if (wanted.contains(item.subject)) {
      kept.insert(item.subject);
    } else {
      repo_.Delete(s, change.user_id, item.id);
    }
  }
  if (wanted.size() == kept.size()) return;
  const std::string base = std::string(core::privacy::VisibilityName(
      d_.lookup.DefaultVisibility(s, change.user_id, "record", std::nullopt)));
  for (const auto& [subject, entry] : wanted) {
    if (kept.contains(subject)) continue;
    boost::json::object summary{{"record_kind", entry->kind},
                                {"variant", entry->variant},
                                {"value", entry->value},
                                {"unit", records::UnitOf(entry->kind)}};
    if (!change.exercise_id.empty()) summary["exercise_id"] = change.exercise_id;
    if (!change.sport.empty()) summary["sport"] = change.sport;
    if (entry->reps) summary["reps"] = *entry->reps;
    PutIf(summary, "weight_kg", entry->weight_kg);
    PutIf(summary, "distance_m", entry->distance_m);
    PutIf(summary, "previous_value", entry->previous_value);
    repo_.Insert(s, {.owner_id = change.user_id,
                     .kind = "record",
                     .subject = subject,
                     .workout_id = entry->workout_id,
                     .series = series,
                     .occurred_at = entry->achieved_at,
                     .base_visibility = base,
                     .visibility = Lesser(
                         base, WorkoutVisibility(s, change.user_id, entry->workout_id, base)),
                     .summary = boost::json::serialize(summary)});
  }
}

void FeedService::OnGoalReached(Session& s, const goals::GoalReached& reached) {
  std::string subject = reached.goal_id + "|" + reached.period_start;
  if (repo_.FindBySubject(s, reached.user_id, "goal", subject)) return;
  const std::string visibility = std::string(core::privacy::VisibilityName(
      d_.lookup.DefaultVisibility(s, reached.user_id, "goal", std::nullopt)));
  boost::json::object summary{{"goal_id", reached.goal_id}, {"title", reached.title},
                              {"metric", reached.metric},   {"target", reached.target},
                              {"unit", reached.unit},       {"period_start", reached.period_start}};
  PutIf(summary, "value", reached.value);
  repo_.Insert(s, {.owner_id = reached.user_id,
                   .kind = "goal",
                   .subject = subject,
                   .workout_id = std::nullopt,
                   .series = std::nullopt,
                   .occurred_at = reached.reached_at,
                   .base_visibility = visibility,
                   .visibility = visibility,
                   .summary = boost::json::serialize(summary)});
}

void FeedService::OnGraphChange(Session& s, const social::GraphChange& change) {
  switch (change.kind) {
    case social::GraphChange::Kind::kFollowApproved:
      repo_.Backfill(s, change.from_user_id, change.to_user_id, core::limits::kFeedBackfillItems);
      break;
    case social::GraphChange::Kind::kFollowEnded:
      repo_.RemoveFromInbox(s, change.from_user_id, change.to_user_id);
      break;
    case social::GraphChange::Kind::kBlocked:
      repo_.RemoveFromInbox(s, change.from_user_id, change.to_user_id);
      repo_.RemoveFromInbox(s, change.to_user_id, change.from_user_id);
      break;
  }
}

std::optional<moderation::ReportedContent> FeedService::ReportedComment(
    Session& s, const std::string& viewer_id, std::string_view comment_id) {
  auto comment = repo_.FindComment(s, viewer_id, std::string(comment_id));
  if (!comment || !Visible(s, viewer_id, comment->item_id)) return std::nullopt;
  return moderation::ReportedContent{.owner_id = comment->author_id,
                                     .excerpt = comment->body.substr(0, 1000)};
}

// ---- reads
// ----------------------------------------------------------------------------------------

std::optional<FeedItem> FeedService::Visible(Session& s, const std::string& viewer_id,
                                             const std::string& item_id) {
  auto item = repo_.Find(s, viewer_id, item_id);
  if (!item) return std::nullopt;
  if (!d_.policy.MaySee(s, viewer_id, item->owner_id, VisibilityOf(item->visibility), item->kind,
                        item->subject)) {
    return std::nullopt;
  }
  return item;
}

FeedItem FeedService::VisibleOrNotFound(Session& s, const std::string& viewer_id,
                                        const std::string& item_id) {
  auto item = Visible(s, viewer_id, item_id);
  if (!item) throw NoSuchItem();
  return std::move(*item);
}

std::string FeedService::EncodeCursor(const FeedCursor& cursor) {
  return platform::crypto::Base64UrlEncode(cursor.occurred_at + "|" + cursor.id);
}

std::optional<FeedCursor> FeedService::DecodeCursor(const std::string& text) {
  auto raw = platform::crypto::Base64UrlDecode(text);
  if (!raw) return std::nullopt;
  auto bar = raw->find('|');
  if (bar == std::string::npos) return std::nullopt;
  FeedCursor cursor{raw->substr(0, bar), raw->substr(bar + 1)};
  if (!platform::ParseRfc3339Ms(cursor.occurred_at) || cursor.id.empty()) return std::nullopt;
  return cursor;
}

namespace {

std::optional<FeedCursor> CursorOrThrow(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto cursor = FeedService::DecodeCursor(text);
  if (!cursor) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"), {{"cursor", Msg("cursor_invalid")}});
  }
  return cursor;
}

}  // namespace

FeedPage FeedService::Page(const Principal& viewer, const std::string& cursor, int limit) {
  auto after = CursorOrThrow(cursor);
  return d_.database.ReadOnReplicaResult([&](Session& s) {
    FeedPage page;
    page.items = repo_.Page(s, viewer.user_id, after, limit + 1);
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(limit);
      page.next_cursor = EncodeCursor({page.items.back().occurred_at, page.items.back().id});
    }
    std::vector<std::string> owners;
    for (const auto& item : page.items) owners.push_back(item.owner_id);
    std::sort(owners.begin(), owners.end());
    owners.erase(std::unique(owners.begin(), owners.end()), owners.end());
    if (!owners.empty()) page.owners = d_.lookup.CardsOf(s, owners);
    return page;
  });
}

FeedPage FeedService::Item(const Principal& viewer, const std::string& item_id) {
  return d_.database.ReadResult([&](Session& s) {
    FeedPage page;
    page.items.push_back(VisibleOrNotFound(s, viewer.user_id, item_id));
    std::vector<std::string> owner{page.items.front().owner_id};
    page.owners = d_.lookup.CardsOf(s, owner);
    return page;
  });
}

// ---- kudos
// ----------------------------------------------------------------------------------------

void FeedService::Notify(Session& s, const std::string& recipient, const std::string& kind,
                         const std::string& actor, const std::string& subject_kind,
                         const std::string& subject_owner, const std::string& subject_id,
                         const std::string& excerpt) {
  if (recipient == actor) return;
  d_.notifier.Notify(s, {.recipient_id = recipient,
                         .kind = kind,
                         .actor_id = actor,
                         .subject_kind = subject_kind,
                         .subject_owner_id = subject_owner,
                         .subject_id = subject_id,
                         .excerpt = excerpt});
}

KudosState FeedService::GiveKudos(const Principal& viewer, const std::string& item_id) {
  // Only a new kudos costs a token; the limit is checked first so a refused one writes nothing.
  d_.limiter.Take("kudos:user:" + viewer.user_id, KudosRule());
  return d_.database.WriteResult([&](Session& s) {
    auto item = VisibleOrNotFound(s, viewer.user_id, item_id);
    if (repo_.GiveKudos(s, item.id, viewer.user_id)) {
      Notify(s, item.owner_id, "kudos", viewer.user_id, "feed_item", item.owner_id, item.id, "");
    }
    return repo_.KudosOf(s, item.id, viewer.user_id);
  });
}

void FeedService::TakeKudos(const Principal& viewer, const std::string& item_id) {
  d_.database.Write([&](Session& s) {
    auto item = VisibleOrNotFound(s, viewer.user_id, item_id);
    repo_.TakeKudos(s, item.id, viewer.user_id);
  });
}

KudosPage FeedService::Givers(const Principal& viewer, const std::string& item_id,
                              const std::string& cursor, int limit) {
  auto after = CursorOrThrow(cursor);
  return d_.database.ReadResult([&](Session& s) {
    auto item = VisibleOrNotFound(s, viewer.user_id, item_id);
    auto givers = repo_.Givers(s, viewer.user_id, item.id, after, limit + 1);
    KudosPage page;
    if (static_cast<int>(givers.size()) > limit) {
      givers.resize(limit);
      page.next_cursor = EncodeCursor({givers.back().created_at, givers.back().user_id});
    }
    std::vector<std::string> ids;
    ids.reserve(givers.size());
    for (const auto& g : givers) ids.push_back(g.user_id);
    auto cards =
        ids.empty() ? std::map<std::string, social::UserCard>{} : d_.lookup.CardsOf(s, ids);
    for (const auto& id : ids) {
      if (auto it = cards.find(id); it != cards.end()) page.items.push_back(it->second);
    }
    return page;
  });
}

// ---- comments
// -------------------------------------------------------------------------------------

std::vector<std::string> FeedService::MentionsOf(std::string_view body, int limit) {
  auto is_name = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  std::vector<std::string> names;
  for (std::size_t i = 0; i < body.size() && static_cast<int>(names.size()) < limit; ++i) {
    if (body[i] != '@' || (i > 0 && (is_name(body[i - 1]) || body[i - 1] == '@'))) continue;
    std::size_t end = i + 1;
    while (end < body.size() && is_name(body[end])) ++end;
    std::string name(body.substr(i + 1, end - i - 1));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name.size() >= 3 && name.size() <= 30 &&
        std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
    i = end - 1;
  }
  return names;
}

namespace {

CommentPage WithAuthors(platform::store::Session& s, social::SocialLookup& lookup,
                        std::vector<Comment> comments) {
  CommentPage page;
  std::vector<std::string> ids;
  ids.reserve(comments.size());
  for (const auto& c : comments) ids.push_back(c.author_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (!ids.empty()) page.authors = lookup.CardsOf(s, ids);
  page.items = std::move(comments);
  return page;
}

}  // namespace

CommentPage FeedService::Comments(const Principal& viewer, const std::string& item_id,
                                  const std::string& cursor, int limit) {
  auto after = CursorOrThrow(cursor);
  return d_.database.ReadResult([&](Session& s) {
    auto item = VisibleOrNotFound(s, viewer.user_id, item_id);
    auto comments = repo_.Comments(s, viewer.user_id, item.id, after, limit + 1);
    std::optional<std::string> next;
    if (static_cast<int>(comments.size()) > limit) {
      comments.resize(limit);
      next = EncodeCursor({comments.back().created_at, comments.back().id});
    }
    auto page = WithAuthors(s, d_.lookup, std::move(comments));
    page.next_cursor = std::move(next);
    return page;
  });
}

CommentPage FeedService::AddComment(const Principal& viewer, const std::string& item_id,
                                    const std::string& body) {
  d_.limiter.Take("comments:user:" + viewer.user_id, CommentRule());
  return d_.database.WriteResult([&](Session& s) {
    auto item = VisibleOrNotFound(s, viewer.user_id, item_id);
    std::string now = platform::NowRfc3339();
    Comment comment{.id = platform::NewId(),
                    .item_id = item.id,
                    .author_id = viewer.user_id,
                    .body = body,
                    .created_at = now,
                    .updated_at = now};
    repo_.InsertComment(s, comment);
    const std::string excerpt = Excerpt(body);
    Notify(s, item.owner_id, "comment", viewer.user_id, "comment", item.owner_id, comment.id,
           excerpt);
    // Each mentioned user who may see the item (the owner already heard of the comment).
    for (const auto& name : MentionsOf(body, core::limits::kMentionsPerComment)) {
      auto user_id = d_.lookup.UserIdOf(s, name);
      if (!user_id || *user_id == item.owner_id || *user_id == viewer.user_id) continue;
      if (!d_.policy.MaySee(s, *user_id, item.owner_id, VisibilityOf(item.visibility), item.kind,
                            item.subject)) {
        continue;
      }
      Notify(s, *user_id, "mention", viewer.user_id, "comment", item.owner_id, comment.id, excerpt);
    }
    return WithAuthors(s, d_.lookup, {comment});
  });
}

CommentPage FeedService::EditComment(const Principal& viewer, const std::string& comment_id,
                                     const std::string& body) {
  return d_.database.WriteResult([&](Session& s) {
    auto comment = repo_.FindComment(s, viewer.user_id, comment_id);
    if (!comment || !Visible(s, viewer.user_id, comment->item_id)) throw NoSuchComment();
    if (comment->author_id != viewer.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("comment_not_yours"));
    }
    comment->body = body;
    comment->updated_at = platform::NowRfc3339();
    repo_.UpdateComment(s, viewer.user_id, comment->id, comment->body, comment->updated_at);
    return WithAuthors(s, d_.lookup, {*comment});
  });
}

void FeedService::DeleteComment(const Principal& viewer, const std::string& comment_id) {
  d_.database.Write([&](Session& s) {
    auto comment = repo_.FindComment(s, viewer.user_id, comment_id);
    if (!comment) throw NoSuchComment();
    auto item = Visible(s, viewer.user_id, comment->item_id);
    if (!item) throw NoSuchComment();
    if (comment->author_id != viewer.user_id && item->owner_id != viewer.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("comment_not_yours"));
    }
    repo_.DeleteComment(s, item->id, comment->id);
  });
}

}  // namespace vigor::features::feed
