// Rendering events for people and machines: the JSON of an event (protobuf's JSON mapping
// with the proto field names, as CLAIMS.md spells them) and short text forms.
#ifndef CLAIMLINE_TOOLS_EVENT_FORMAT_H_
#define CLAIMLINE_TOOLS_EVENT_FORMAT_H_

#include <cstdint>
#include <string>

#include "claimline/v1/event.pb.h"
#include "google/protobuf/message.h"

namespace claimline::tools {

// MessageToJson: one message as JSON, snake_case field names; `pretty` indents it, else
// one line (JSON Lines).
std::string MessageToJson(const google::protobuf::Message& message, bool pretty);

// FormatMicros: a Unix-epoch microsecond stamp as "2025-02-21T08:30:00Z".
std::string FormatMicros(int64_t micros);

// EventKind: "article", "claims_revised", "retracted", "metadata_corrected", or "unknown".
std::string EventKind(const v1::Event& event);

}  // namespace claimline::tools

#endif  // CLAIMLINE_TOOLS_EVENT_FORMAT_H_
