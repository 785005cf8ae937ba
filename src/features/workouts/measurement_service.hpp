#pragma once

#include <string>
#include <vector>

#include "features/workouts/measurement_repository.hpp"
#include "features/workouts/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

// Body weight (kg), body fat (%) and the user's own kinds (with their own unit): one value per
// kind per local day, a second one the same day replacing the first.
class MeasurementService {
 public:
  explicit MeasurementService(platform::store::Database& database) : database_(database) {}

  Measurement Put(const platform::auth::Principal& principal, const MeasurementInput& input);
  std::vector<Measurement> List(const platform::auth::Principal& principal,
                                const MeasurementFilter& filter);
  void Delete(const platform::auth::Principal& principal, const std::string& id);

  static constexpr double kMaxWeightKg = 1000;
  static constexpr double kMaxBodyFatPercent = 75;

 private:
  platform::store::Database& database_;
  MeasurementRepository measurements_;
};

}  // namespace vigor::features::workouts
