#pragma once

#include <boost/json/object.hpp>

#include "features/challenges/model.hpp"

namespace vigor::features::challenges {

// Throw Error(kValidation) with field errors.
ChallengeInput DecodeChallengeInput(const boost::json::object& body);
ChallengePatch DecodeChallengePatch(const boost::json::object& body);

boost::json::object EncodeChallenge(const ChallengeView& view);
boost::json::object EncodeChallengePage(const ChallengePage& page);
boost::json::object EncodeLeaderboard(const Leaderboard& board);
boost::json::object EncodeMembership(const Membership& membership);

}  // namespace vigor::features::challenges
