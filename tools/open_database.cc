#include "tools/open_database.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"

namespace claimline::tools {

absl::StatusOr<std::unique_ptr<store::Database>> OpenDatabase(const Invocation& inv,
                                                              DbAccess access) {
  store::OpenOptions options;
  if (access == DbAccess::kRead) {
    std::error_code ec;
    if (!std::filesystem::exists(inv.db_path, ec)) {
      return absl::NotFoundError(
          absl::StrCat("no claimline database at ", inv.db_path,
                       " (create one with 'claimline append', or pass --db DIR)"));
    }
    options.create_if_missing = false;
    options.read_only = true;
  }
  return store::Database::Open(inv.db_path, options);
}

}  // namespace claimline::tools
