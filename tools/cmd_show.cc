// claimline show SEQ: one whole event as JSON, with its article text.
#include <cstdint>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "tools/commands.h"
#include "tools/event_format.h"
#include "tools/open_database.h"

namespace claimline::tools {
namespace {

absl::StatusOr<int> RunShow(Invocation& inv) {
  std::string arg = inv.args[0];
  if (!arg.empty() && arg[0] == '#') arg.erase(0, 1);
  uint64_t seq = 0;
  if (!absl::SimpleAtoi(arg, &seq) || seq == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", inv.args[0], "\" is not a sequence number (1, 2, …)"));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, OpenDatabase(inv, DbAccess::kRead));
  absl::StatusOr<v1::Event> event = db->log().Get(seq);
  if (absl::IsNotFound(event.status())) {
    *inv.err << "claimline show: no event #" << seq << " (the log ends at #"
             << db->log().LastSequence() << ")\n";
    return kExitNothing;
  }
  if (!event.ok()) return event.status();
  if (event->has_article_recorded() && !inv.Has("no-text")) {
    absl::StatusOr<std::string> text = db->log().GetText(seq);
    if (!text.ok()) return text.status();
    event->mutable_article_recorded()->mutable_article()->set_text(*std::move(text));
  }
  *inv.out << MessageToJson(*event, /*pretty=*/true) << "\n";
  return kExitOk;
}

}  // namespace

const CommandSpec kShowCommand = {
    "show",
    "SEQ",
    "Print one event as JSON, with its article text",
    "The whole event in protobuf's JSON mapping (snake_case field names): metadata,\n"
    "claims, extractor, and the article text unless --no-text. 64-bit integers are JSON\n"
    "strings and the content hash is base64, as the mapping prescribes. Exit 1 when there\n"
    "is no event SEQ.\n",
    {
        {"no-text", "", "leave the article text out"},
    },
    1,
    1,
    true,
    &RunShow,
};

}  // namespace claimline::tools
