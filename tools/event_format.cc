#include "tools/event_format.h"

#include "absl/time/time.h"
#include "google/protobuf/util/json_util.h"

namespace claimline::tools {

std::string MessageToJson(const google::protobuf::Message& message, bool pretty) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = pretty;
  std::string json;
  // Printing a well-formed message cannot fail; an empty object is the fallback anyway.
  if (!google::protobuf::util::MessageToJsonString(message, &json, options).ok()) json = "{}";
  if (pretty && !json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

std::string FormatMicros(int64_t micros) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", absl::FromUnixMicros(micros), absl::UTCTimeZone());
}

std::string EventKind(const v1::Event& event) {
  switch (event.payload_case()) {
    case v1::Event::kArticleRecorded:
      return "article";
    case v1::Event::kClaimsRevised:
      return "claims_revised";
    case v1::Event::kArticleRetracted:
      return "retracted";
    case v1::Event::kArticleMetadataCorrected:
      return "metadata_corrected";
    default:
      return "unknown";
  }
}

}  // namespace claimline::tools
