#include "features/records/feature.hpp"

#include "features/records/routes.hpp"

namespace vigor::features::records {

RecordsFeature::RecordsFeature(platform::FeatureContext& context,
                               workouts::WorkoutChangeObservers& changes, WorkoutLog log,
                               accounts::TrainingProfileLookup profile)
    : records_(context.database, std::move(log), std::move(profile)) {
  RegisterRoutes(context.router, records_);
  changes.Add([this](platform::store::Session& s, std::span<const workouts::WorkoutChange> batch) {
    records_.OnChanges(s, batch);
  });
}

}  // namespace vigor::features::records
