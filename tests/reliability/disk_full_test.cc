// A full disk: the database lives on a small tmpfs of its own, mounted by crash_child in
// a mount namespace of its own and reached through /proc/PID/root (the mount disappears
// with that process, whatever happens to the test). Appends fill it until they fail:
//   - the failure is ResourceExhausted "no space left on device: DIR (…)", and the
//     binary says the same and exits 2;
//   - nothing acknowledged is lost, no batch is half-stored (checked after reopening);
//   - after space returns (the tmpfs is remounted bigger), appends work again.
// Skipped with a message where mounting is not permitted (not root, no namespaces).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "store/content_hash.h"
#include "store/event_log.h"
#include "tests/cli/cli_runner.h"
#include "tests/reliability/child_process.h"
#include "tests/reliability/sample_articles.h"

namespace claimline::reliability {
namespace {

using claimline::testing::RunClaimline;
using claimline::testing::RunResult;
using ::testing::HasSubstr;

// The disk is full after a few dozen of the big articles below; sizes differ so that the
// disk fills up at different points (a WAL write, a flush, a new MANIFEST).
constexpr const char* kSmallDisks[] = {"6m", "13m", "24m"};
constexpr const char* kBigDisk = "256m";

// BigText: article `i`, about 256 KiB of varied text (it must not compress to nothing).
std::string BigText(uint64_t i) {
  std::string text = SampleText(7, i);
  uint64_t x = i * 0x9E3779B97F4A7C15ull + 1;
  while (text.size() < (256u << 10)) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    absl::StrAppend(&text, "item ", x % 1000003, " of ledger ", x % 7919,
                    (x & 15) == 0 ? ".\n" : ", ");
  }
  return text;
}

v1::Event BigEvent(uint64_t i) { return MakeArticle(7, i, BatchPlace()).event; }

// FillUp: writes `path` until the disk has no room left.
void FillUp(const std::string& path) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0) << path << ": " << std::strerror(errno);
  const std::string chunk(4096, 'x');
  while (write(fd, chunk.data(), chunk.size()) > 0) {
  }
  const int error = errno;
  close(fd);
  EXPECT_EQ(error, ENOSPC) << std::strerror(error);
}

class DiskFullTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    mount_point_ = tmp_ / "mnt";
    std::filesystem::create_directories(mount_point_);
    holder_ = std::make_unique<ChildProcess>(
        CLAIMLINE_CRASH_CHILD, std::vector<std::string>{"mount-holder", mount_point_, GetParam()});
    const std::optional<std::string> line = holder_->ReadLine();
    ASSERT_TRUE(line.has_value()) << "the mount holder died";
    if (absl::StartsWith(*line, "skip")) GTEST_SKIP() << "no tmpfs of our own: " << *line;
    ASSERT_EQ(*line, "ready");
    dir_ = absl::StrCat("/proc/", holder_->pid(), "/root", mount_point_, "/db");
  }

  void TearDown() override {
    if (holder_ != nullptr) {
      holder_->CloseStdin();
      holder_->Wait();
    }
  }

  bool Remount(const std::string& size) {
    if (!holder_->WriteLine(absl::StrCat("remount ", size))) return false;
    const std::optional<std::string> reply = holder_->ReadLine();
    EXPECT_EQ(reply.value_or("<none>"), "ok");
    return reply == "ok";
  }

  // CheckAcknowledged: reopens and checks every acknowledged append and Verify.
  void CheckAcknowledged() {
    absl::StatusOr<std::unique_ptr<store::Database>> db =
        store::Database::Open(dir_, store::OpenOptions());
    ASSERT_TRUE(db.ok()) << db.status();
    store::EventLog& log = (*db)->log();
    for (const auto& [seq, hash] : acked_) {
      absl::StatusOr<std::string> text = log.GetText(seq);
      ASSERT_TRUE(text.ok()) << "acknowledged #" << seq << " is lost: " << text.status();
      EXPECT_EQ(store::ContentHash(*text), hash) << "acknowledged #" << seq << " changed";
    }
    absl::StatusOr<store::VerifyReport> report = (*db)->Verify();
    ASSERT_TRUE(report.ok()) << report.status();
    EXPECT_TRUE(report->ok()) << report->problems.front();
    // Whatever is there beyond the acknowledged appends is whole: every event has its
    // text (Verify), and batches are whole: counted in events of 4.
    EXPECT_GE(log.LastSequence(), acked_.empty() ? 0 : acked_.rbegin()->first);
  }

  claimline::testing::TempDir tmp_;
  std::string mount_point_;
  std::unique_ptr<ChildProcess> holder_;
  std::string dir_;
  std::map<uint64_t, std::string> acked_;  // sequence → content hash
};

TEST_P(DiskFullTest, AppendsFailWithNoSpaceLoseNothingAcknowledgedAndResumeWhenSpaceReturns) {
  absl::Status failure;
  uint64_t next = 1;
  {
    absl::StatusOr<std::unique_ptr<store::Database>> db =
        store::Database::Open(dir_, store::OpenOptions());
    ASSERT_TRUE(db.ok()) << db.status();
    // Single appends and batches of 4 until the disk is full (bounded: the tmpfs holds far
    // fewer than this).
    for (int round = 0; round < 2000 && failure.ok(); ++round) {
      if (round % 3 == 2) {
        std::vector<store::PendingEvent> batch;
        std::vector<std::string> hashes;
        for (int k = 0; k < 4; ++k, ++next) {
          std::string text = BigText(next);
          hashes.push_back(store::ContentHash(text));
          batch.push_back(store::PendingEvent{BigEvent(next), std::move(text)});
        }
        absl::StatusOr<std::vector<store::AppendResult>> r =
            (*db)->log().AppendBatch(std::move(batch));
        if (!r.ok()) {
          failure = r.status();
          break;
        }
        for (size_t k = 0; k < r->size(); ++k) acked_[(*r)[k].sequence] = hashes[k];
      } else {
        const std::string text = BigText(next);
        absl::StatusOr<store::AppendResult> r = (*db)->log().Append(BigEvent(next++), text);
        if (!r.ok()) {
          failure = r.status();
          break;
        }
        acked_[r->sequence] = store::ContentHash(text);
      }
    }
    ASSERT_FALSE(failure.ok()) << "the small disk never filled up";
    EXPECT_TRUE(absl::IsResourceExhausted(failure)) << failure;
    EXPECT_THAT(std::string(failure.message()), HasSubstr("no space left on device"));
    EXPECT_THAT(std::string(failure.message()), HasSubstr(dir_));
    ASSERT_GT(acked_.size(), 2u) << "the disk was full before anything was appended";

    std::cout << GetParam() << " disk: " << acked_.size()
              << " appends acknowledged, then: " << failure << "\n";

    // The same database keeps refusing while the disk is full, and says why.
    absl::StatusOr<store::AppendResult> again =
        (*db)->log().Append(BigEvent(next + 1000), BigText(next + 1000));
    EXPECT_FALSE(again.ok());
    EXPECT_THAT(std::string(again.status().message()), HasSubstr("no space left on device"));
  }

  // Closing may have given back some space (preallocated WAL): take all that is left, so
  // that the binary meets a full disk too.
  FillUp(absl::StrCat("/proc/", holder_->pid(), "/root", mount_point_, "/filler"));

  // The binary, on the full disk: a clear message, exit 2.
  const std::string article = tmp_ / "article.txt";
  claimline::testing::WriteFile(article, BigText(next + 2000));
  const RunResult full =
      RunClaimline({"append", "--db", dir_, "--lang", "en", "--published", "2025-02-01", article});
  EXPECT_EQ(full.exit_code, 2) << full.out << full.err;
  EXPECT_THAT(full.err, HasSubstr("no space left on device")) << full.err;
  std::cout << "claimline append on the full disk: exit " << full.exit_code << ", " << full.err;

  // Space returns: nothing acknowledged was lost, and appends work again.
  ASSERT_TRUE(Remount(kBigDisk));
  CheckAcknowledged();
  if (HasFatalFailure()) return;
  const RunResult resumed =
      RunClaimline({"append", "--db", dir_, "--lang", "en", "--published", "2025-02-01", article});
  EXPECT_EQ(resumed.exit_code, 0) << resumed.out << resumed.err;
  {
    absl::StatusOr<std::unique_ptr<store::Database>> db =
        store::Database::Open(dir_, store::OpenOptions());
    ASSERT_TRUE(db.ok()) << db.status();
    const std::string text = BigText(next + 3000);
    absl::StatusOr<store::AppendResult> r = (*db)->log().Append(BigEvent(next + 3000), text);
    ASSERT_TRUE(r.ok()) << r.status();
    acked_[r->sequence] = store::ContentHash(text);
  }
  CheckAcknowledged();
  const RunResult verify = RunClaimline({"verify", "--db", dir_});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

INSTANTIATE_TEST_SUITE_P(Sizes, DiskFullTest, ::testing::ValuesIn(kSmallDisks),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           return std::string("tmpfs_") + info.param;
                         });

}  // namespace
}  // namespace claimline::reliability
