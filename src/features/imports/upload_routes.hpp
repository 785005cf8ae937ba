#pragma once

#include "features/imports/upload_service.hpp"
#include "platform/http/router.hpp"

namespace vigor::features::imports {

// Form framing allowed on top of the file in a multipart upload: the boundaries, the parts'
// headers and the small text fields.
inline constexpr std::size_t kUploadFormOverheadBytes = 64 * 1024;

// POST /api/v1/uploads: one activity file in one request, as the raw body or as the part "file"
// of a multipart/form-data body.
void RegisterUploadRoutes(platform::http::Router& router, UploadService& uploads);

}  // namespace vigor::features::imports
