#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "features/imports/model.hpp"
#include "platform/i18n/messages.hpp"

namespace vigor::features::imports {

// What the bytes of an uploaded activity file are, read from their content alone (a phone's
// file name says little: "12345678901.fit", "export", "Track.xml"): GPX (an XML document whose
// root element is <gpx>), TCX (<TrainingCenterDatabase>) or FIT (a 12- or 14-byte header with
// the ".FIT" signature). An XML root may carry a namespace prefix; a UTF-8 byte order mark, the
// XML declaration, comments, processing instructions and a DOCTYPE before it are skipped.
struct ActivityFileKind {
  std::optional<ImportFormat> format;
  // When format is empty: what the bytes were recognised as, for the user (a catalogued
  // message: XML with another root element, a ZIP archive, other text, other binary data).
  platform::i18n::Message unrecognised;
};
ActivityFileKind IdentifyActivityFile(std::string_view bytes);

// Whether the bytes start like gzip data (RFC 1952: 1f 8b 08).
bool LooksGzipped(std::string_view bytes);

}  // namespace vigor::features::imports
