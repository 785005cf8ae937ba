// The fuzz build's PostOutbound (CMakeLists.txt puts it in place of the real one, whose
// coroutines clang 14 cannot assemble with the fuzz build's flags): a fuzz input never reaches
// the network, so every request ends as one with no answer would.
#include "platform/http/outbound_client.hpp"

namespace vigor::platform::http {

OutboundResponse PostOutbound(const OutboundRequest&, const OutboundOptions&) {
  throw OutboundError("no outbound connections in the fuzz build");
}

}  // namespace vigor::platform::http
