#pragma once

#include <cstddef>
#include <cstdint>

// The one set of limits for what a user can record, whatever the way in: the JSON API, CSV
// imports, GPX/TCX/FIT files. Decoders and importers read them from here, never from literals, so
// a value one way in accepts is accepted by all of them (and a value refused is refused by all).
namespace vigor::core::limits {

template <typename T>
struct Range {
  T min;
  T max;
  [[nodiscard]] constexpr bool Contains(T value) const { return value >= min && value <= max; }
};

// A set of strength or cardio work.
inline constexpr Range<std::int64_t> kSetReps{0, 10'000};
inline constexpr Range<double> kSetWeightKg{0, 2'000};
inline constexpr Range<double> kSetDurationS{0, 604'800};     // a week
inline constexpr Range<double> kSetDistanceM{0, 10'000'000};  // 10,000 km
inline constexpr Range<double> kSetRpe{1, 10};
inline constexpr Range<std::int64_t> kSetRir{0, 10};
// A set's own note ("left knee hurt"), in characters; multi-line text like the other notes.
inline constexpr std::size_t kSetNotesLength = 500;

// An exercise block and a routine item.
inline constexpr Range<std::int64_t> kSupersetGroup{1, 100};
inline constexpr Range<std::int64_t> kRestS{0, 3'600};
inline constexpr int kSetsPerBlock = 100;
inline constexpr int kBlocksPerWorkout = 100;

// A workout.
inline constexpr Range<std::int64_t> kPerceivedEffort{1, 10};
inline constexpr Range<std::int64_t> kHeartRateBpm{20, 260};
inline constexpr Range<double> kWorkoutDurationS{0, 604'800};  // a week

// A cardio workout's summary (issue 9, defect 8: these were unbounded).
inline constexpr Range<double> kCardioDistanceM{0, 10'000'000};    // 10,000 km, as a set
inline constexpr Range<double> kCardioDurationS{0, 604'800};       // a week, as a set
inline constexpr Range<double> kCardioElevationGainM{0, 100'000};  // 100 km of climbing
inline constexpr Range<double> kCardioCaloriesKcal{0, 100'000};

// A routine item's targets.
inline constexpr Range<std::int64_t> kRoutineTargetSets{1, 50};
inline constexpr Range<std::int64_t> kRoutineTargetReps{0, 1'000};
inline constexpr Range<double> kRoutineTargetPercentOneRepMax{1, 120};

// Body measurements: the built-in kinds in their SI unit (wide enough for any adult, narrow
// enough to catch a value in the wrong unit, a waist of 84 sent as metres rather than 0.84), and
// the user's own kinds in their own unit. A body weight must be above its minimum (not 0).
inline constexpr Range<double> kBodyWeightKg{0, 1'000};
inline constexpr Range<double> kBodyFatPercent{0, 75};
inline constexpr Range<double> kWaistM{0.2, 3};
inline constexpr Range<double> kChestM{0.3, 3};
inline constexpr Range<double> kHipsM{0.3, 3};
inline constexpr Range<double> kNeckM{0.1, 1};
inline constexpr Range<double> kArmM{0.05, 1};
inline constexpr Range<double> kThighM{0.1, 1.5};
inline constexpr Range<double> kCalfM{0.1, 1};
inline constexpr Range<double> kRestingHeartRateBpm{20, 250};
inline constexpr Range<double> kCustomMeasurementValue{0, 100'000};
// Any kind: what the JSON decoder lets through before the kind's own range is checked.
inline constexpr Range<double> kMeasurementValue{0, 100'000};

// A user's preferences: the weight pickers' step, in the user's weight unit, must be above the
// minimum (not 0).
inline constexpr Range<double> kWeightIncrement{0, 50};
// What heart-rate zones start from (migration 0015 checks the same).
inline constexpr Range<std::int64_t> kBirthYear{1900, 2100};
inline constexpr Range<std::int64_t> kMaxHeartRateBpm{100, 250};
inline constexpr Range<std::int64_t> kProfileRestingHeartRateBpm{20, 150};

// A personal access token's lifetime.
inline constexpr Range<std::int64_t> kTokenLifetimeDays{1, 3'650};

// A goal (GoalInput): the target (more than 0), the reps of a weight-for-reps goal, the sessions
// a streak's week needs, and the title in characters.
inline constexpr Range<double> kGoalTarget{0, 100'000'000};
inline constexpr Range<std::int64_t> kGoalReps{1, 12};
inline constexpr Range<std::int64_t> kGoalMinSessions{1, 14};
inline constexpr std::size_t kGoalTitleLength = 100;
// The days an analytics range (GET /api/v1/stats/...) may span, both ends included.
inline constexpr std::int64_t kStatsRangeDays = 3'660;

// Nutrition (issue 12). A food amount in grams (more than 0: an item of nothing is no item); a
// recipe's servings and its cooked weight in grams (more than 0).
inline constexpr Range<double> kFoodAmountG{0, 10'000};
inline constexpr Range<std::int64_t> kRecipeServings{1, 1'000};
inline constexpr Range<double> kRecipeCookedWeightG{0, 100'000};
// What energy targets are computed from: height in cm, age in whole or fractional years (the
// Mifflin-St Jeor equation was fitted to adults of 19 to 78; younger users get no computed target),
// and a weekly weight-change goal in kg per week (negative: lose). 1 kg a week either way is
// about 1,100 kcal a day, the most the usual guidance allows.
inline constexpr Range<double> kBodyHeightCm{50, 275};
inline constexpr Range<double> kEnergyTargetAgeYears{18, 120};
inline constexpr Range<double> kWeeklyWeightChangeKg{-1, 1};
// The age a Dietary Reference Intake is looked up for, in years (the tables start at 1 year).
inline constexpr Range<double> kDriAgeYears{1, 150};

// A nutrient per 100 g of a food: no food has more than 100 g of anything in 100 g, and none
// more energy than pure fat (about 900 kcal); in the unit the nutrient's key names.
inline constexpr Range<double> kPer100gEnergyKcal{0, 1'000};
inline constexpr Range<double> kPer100gGrams{0, 100};
inline constexpr Range<double> kPer100gMilligrams{0, 100'000};
inline constexpr Range<double> kPer100gMicrograms{0, 100'000'000};
// Names of foods and recipes, brands, portion names and meals, in characters.
inline constexpr std::size_t kFoodNameLength = 200;
inline constexpr std::size_t kPortionNameLength = 100;
inline constexpr std::size_t kMealNameLength = 40;
inline constexpr int kPortionsPerFood = 20;
inline constexpr int kIngredientsPerRecipe = 100;
// Diary items one request may log (POST /diary/{date}/items).
inline constexpr int kDiaryItemsPerRequest = 100;
inline constexpr Range<double> kPortionCount{0, 1'000};
inline constexpr Range<double> kQuickEnergyKcal{0, 20'000};
inline constexpr Range<double> kQuickMacroG{0, 2'000};
inline constexpr Range<double> kWaterMl{0, 20'000};

// Daily nutrition targets a user sets (PUT /api/v1/nutrition/targets): energy in kcal, the macros
// in grams, and a micronutrient target in its key's unit (no nutrient's daily amount comes near
// 1e6 in its unit: the largest, water, is about 3,700 g).
inline constexpr Range<double> kDailyEnergyTargetKcal{500, 10'000};
inline constexpr Range<double> kDailyProteinTargetG{0, 1'000};
inline constexpr Range<double> kDailyCarbohydrateTargetG{0, 2'000};
inline constexpr Range<double> kDailyFatTargetG{0, 1'000};
inline constexpr Range<double> kDailyNutrientTarget{0, 1'000'000};

// Moderation (issue 13): what a report, a moderator's note and an appeal may say, in characters;
// how long a suspension may last; and how many reports one user may make: 10 at once, then 20
// an hour (a person reports what they meet, a script floods the queue).
inline constexpr std::size_t kReportDetailsLength = 1'000;
inline constexpr std::size_t kModerationNoteLength = 1'000;
inline constexpr std::size_t kAppealTextLength = 2'000;
inline constexpr Range<std::int64_t> kSuspensionDays{1, 365};
inline constexpr double kReportsBurst = 10;
inline constexpr double kReportsPerHour = 20;

}  // namespace vigor::core::limits

// ---- issue 13, people (features/social) ----
namespace vigor::core::limits {
// A profile's display name and bio, in characters.
inline constexpr std::size_t kDisplayNameLength = 60;
inline constexpr std::size_t kBioLength = 1'000;
// An avatar upload: bytes and pixels per side (refused from the header, before decoding), and
// the side of the square that is stored.
inline constexpr std::size_t kAvatarUploadBytes = 5 * 1024 * 1024;
inline constexpr int kAvatarMaxSide = 6'000;
inline constexpr int kAvatarStoredSide = 256;
// Privacy zones per user, their radius in metres and their name in characters.
inline constexpr int kPrivacyZonesPerUser = 10;
inline constexpr Range<double> kPrivacyZoneRadiusM{100, 5'000};
inline constexpr std::size_t kPrivacyZoneNameLength = 60;
// Follows (and follow requests) a user may send: a burst, then this many per hour.
inline constexpr double kFollowBurst = 30;
inline constexpr double kFollowsPerHour = 60;
// ---- The feed (issue 13): comments, mentions, kudos -------------------------------------------
// A comment's body as typed, in characters; the @mentions of one comment that notify.
inline constexpr std::size_t kCommentLength = 2'000;
inline constexpr int kMentionsPerComment = 10;
// How many of a followee's newest items enter the follower's feed when a follow is approved.
inline constexpr int kFeedBackfillItems = 100;
// Rate limits per user (token buckets: a burst, refilled evenly over an hour).
inline constexpr int kCommentsBurst = 30;
inline constexpr int kCommentsPerHour = 120;
inline constexpr int kKudosBurst = 60;
inline constexpr int kKudosPerHour = 600;
// Challenges (features/challenges): a title and a description in characters, the longest
// a challenge may run (a year and a day, leap years included), and its target, in its metric's
// SI unit (m, s, sessions, kg, m). Joins and invites per user, each a bucket that refills over
// an hour: enough for anyone who means it, too few to spam a crowd with invitations.
inline constexpr std::size_t kChallengeTitleLength = 100;
inline constexpr std::size_t kChallengeDescriptionLength = 2'000;
inline constexpr int kChallengeLongestDays = 367;
inline constexpr Range<double> kChallengeTarget{0, 1'000'000'000};
inline constexpr int kChallengeJoinsPerHour = 30;
inline constexpr int kChallengeInvitesPerHour = 60;

}  // namespace vigor::core::limits

// Clubs (issue 13): a club's name and description in characters, a post's length, and how often
// one user may create clubs, ask to join or join them, and post (per hour, as a burst that
// refills evenly over the hour).
namespace vigor::core::limits {
inline constexpr std::size_t kClubNameLength = 80;
inline constexpr std::size_t kClubDescriptionLength = 4'000;
inline constexpr std::size_t kClubPostLength = 5'000;
inline constexpr int kClubsCreatedPerHour = 10;
inline constexpr int kClubJoinsPerHour = 30;
inline constexpr int kClubPostsPerHour = 60;
}  // namespace vigor::core::limits

// Client apps (issue 14): an app's name in characters, a logo, homepage or redirect URL's length,
// and how many redirect URIs one app may register.
namespace vigor::core::limits {
inline constexpr std::size_t kAppNameLength = 80;
inline constexpr std::size_t kAppUrlLength = 2'000;
inline constexpr std::size_t kAppRedirectUris = 10;
}  // namespace vigor::core::limits

// OAuth authorization server (issue 14, features/oauth): requests per client address to the
// token, revocation and introspection endpoints (a burst, then this many per minute: an app
// refreshes every 15 minutes, a device polls every 5 seconds), and device authorizations (codes a
// user must type: few are ever needed, each fills a row for 10 minutes).
namespace vigor::core::limits {
inline constexpr double kOAuthTokenBurst = 60;
inline constexpr double kOAuthTokenPerMinute = 60;
inline constexpr double kOAuthDeviceBurst = 20;
inline constexpr double kOAuthDevicePerHour = 60;
// Authorization requests per client address (each parks a row for 10 minutes).
inline constexpr double kOAuthAuthorizeBurst = 30;
inline constexpr double kOAuthAuthorizePerHour = 300;
// Bytes of a form body to /oauth/* (tokens and codes are short).
inline constexpr std::size_t kOAuthFormBytes = 16 * 1024;
}  // namespace vigor::core::limits
