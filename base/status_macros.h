// Status propagation macros. Abseil 20220623 (Debian 12) has no ABSL_RETURN_IF_ERROR,
// so the two we use are defined here, once.
//
//   RETURN_IF_ERROR(log.Append(event));
//   ASSIGN_OR_RETURN(Event e, log.Get(seq));
#ifndef CLAIMLINE_BASE_STATUS_MACROS_H_
#define CLAIMLINE_BASE_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define CLAIMLINE_CONCAT_INNER_(a, b) a##b
#define CLAIMLINE_CONCAT_(a, b) CLAIMLINE_CONCAT_INNER_(a, b)

// RETURN_IF_ERROR(expr): evaluates `expr` (an absl::Status) and returns it if not ok.
#define RETURN_IF_ERROR(expr)                                \
  do {                                                       \
    ::absl::Status claimline_status_ = (expr);               \
    if (!claimline_status_.ok()) return claimline_status_;   \
  } while (0)

// ASSIGN_OR_RETURN(lhs, expr): evaluates `expr` (an absl::StatusOr<T>); returns its
// status if not ok, otherwise moves the value into `lhs` (which may be a declaration).
#define ASSIGN_OR_RETURN(lhs, expr) \
  CLAIMLINE_ASSIGN_OR_RETURN_IMPL_(CLAIMLINE_CONCAT_(claimline_statusor_, __LINE__), lhs, expr)

#define CLAIMLINE_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                     \
  if (!statusor.ok()) return std::move(statusor).status();    \
  lhs = std::move(statusor).value()

#endif  // CLAIMLINE_BASE_STATUS_MACROS_H_
