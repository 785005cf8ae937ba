#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// ETags and If-Match for the user's resources, all of which carry a `rev` (see docs/design):
// the ETag names the kind and the revision ("w-7": workout at rev 7), so a tag of one kind never
// matches another's.
namespace vigor::features::workouts {

// The tag prefixes of the kinds of resources.
inline constexpr std::string_view kWorkoutTag = "w";
inline constexpr std::string_view kRoutineTag = "r";
inline constexpr std::string_view kProgramTag = "p";

// An If-Match precondition, read from the header: the resource as of one of these revisions, or
// (`any`, "*") as long as it exists.
struct IfMatch {
  bool any = false;
  std::vector<std::int64_t> revs;

  bool Matches(std::int64_t rev) const;
};

// Refuses (kPreconditionFailed) a write whose If-Match names none of the `rev` the `what`
// ("workout", "routine") is at now; no If-Match passes (where it is optional).
void RequireCurrent(const std::optional<IfMatch>& if_match, std::int64_t rev,
                    std::string_view what);

// The ETag of revision `rev` of a resource of kind `tag`, quoted ("\"w-7\"").
std::string RevisionETag(std::string_view tag, std::int64_t rev);
// The If-Match header as revisions of kind `tag`; nullopt when absent. Tags this server did not
// hand out for that kind (and weak ones, which If-Match never matches) are left out, so they
// match nothing.
std::optional<IfMatch> ParseIfMatch(std::optional<std::string_view> header, std::string_view tag);

}  // namespace vigor::features::workouts
