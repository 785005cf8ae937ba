#pragma once

#include "features/diagnostics/write_probe.hpp"
#include "platform/feature.hpp"

namespace vigor::features::diagnostics {

// Operator diagnostics (the write probe: PUT/GET /diagnostics/write-probe/{key}), installed only
// when --enable-write-probe asks for it.
class DiagnosticsFeature final : public platform::Feature {
 public:
  explicit DiagnosticsFeature(platform::FeatureContext& context);

  WriteProbeService& write_probes() { return write_probes_; }

 private:
  WriteProbeService write_probes_;
};

}  // namespace vigor::features::diagnostics
