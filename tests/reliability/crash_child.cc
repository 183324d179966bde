// crash_child: the other process of the reliability tests. Modes:
//
//   crash_child append DIR [run=R] [seed=S] [steps=N] [projections=0|1]
//       Opens DIR as the writer and appends for ever (or N steps): single durable
//       appends, AppendBatch batches, duplicates, corrections; with projections=1 it also
//       catches projections up and builds replay namespaces. After each acknowledged
//       append it writes, in one write(2), "ack SEQ HASH" (HASH: hex content hash, "-" for
//       a correction) or "dup SEQ HASH", and "phase WHAT" before each kind of work
//       (append, catch-up, replay NS, drop); the parent kills it at random moments.
//   crash_child hold DIR
//       Opens DIR as the writer, prints "ready", holds it until end of stdin.
//   crash_child mount-holder DIR BYTES
//       Enters a mount namespace of its own, mounts a tmpfs of BYTES at DIR, prints
//       "ready" (or "skip WHY" when it may not), then obeys "remount BYTES" lines until end
//       of stdin. The parent reaches the mount through /proc/PID/root/DIR; the mount
//       vanishes with this process, whatever happens to the parent.
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "store/content_hash.h"
#include "store/event_log.h"
#include "tests/reliability/sample_articles.h"

#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
#include "projections/namespaces.h"
#include "projections/rules.h"
#include "projections/runner.h"
#endif

namespace claimline::reliability {
namespace {

// Say: one line in one write(2), so a kill never leaves half a line in the pipe.
void Say(const std::string& line) {
  const std::string data = line + "\n";
  size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = write(STDOUT_FILENO, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) _exit(3);  // the parent is gone
    done += static_cast<size_t>(n);
  }
}

int Fail(const std::string& what, const absl::Status& status) {
  Say(absl::StrCat("error ", what, ": ", status.ToString()));
  return 2;
}

std::string Hex(const std::string& text) { return store::HexHash(store::ContentHash(text)); }

struct AppendArgs {
  std::string dir;
  uint64_t run = 1;
  uint64_t seed = 1;
  uint64_t steps = 0;  // 0: for ever
  bool projections = false;
};

int RunAppend(const AppendArgs& args) {
  absl::StatusOr<std::unique_ptr<store::Database>> opened =
      store::Database::Open(args.dir, store::OpenOptions());
  if (!opened.ok()) return Fail("open", opened.status());
  store::Database& db = **opened;
  store::EventLog& log = db.log();
  std::mt19937_64 rng(args.seed);
#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
  // On open the runner resumes whatever a crash interrupted.
  if (args.projections) {
    if (absl::Status s = projections::CatchUp(db); !s.ok()) return Fail("catch up", s);
  }
#endif
  const uint64_t start_last = log.LastSequence();
  Say(absl::StrCat("open ", start_last));
  std::vector<uint64_t> articles;  // sequences of this run's new articles
  uint64_t index = 0;
  uint64_t batch = 0;
  uint64_t revision = 0;
  uint64_t replays = 0;
  for (uint64_t step = 1; args.steps == 0 || step <= args.steps; ++step) {
    Say("phase append");
    const uint64_t roll = rng() % 100;
    if (roll < 40) {  // one durable append
      SampleArticle a = MakeArticle(args.run, ++index, BatchPlace());
      absl::StatusOr<store::AppendResult> r = log.Append(std::move(a.event), a.text);
      if (!r.ok()) return Fail("append", r.status());
      if (!r->duplicate) articles.push_back(r->sequence);
      Say(absl::StrCat(r->duplicate ? "dup " : "ack ", r->sequence, " ", Hex(a.text)));
    } else if (roll < 70) {  // a bulk batch, sometimes holding the same text twice
      // Titles number the batch's distinct articles, so the parent can tell a whole batch
      // (members 0..size-1 at consecutive sequences) from a partial one.
      const uint32_t events = 1 + static_cast<uint32_t>(rng() % 16);
      std::vector<bool> again(events, false);
      uint32_t size = 0;
      for (uint32_t e = 0; e < events; ++e) {
        again[e] = e > 0 && rng() % 8 == 0;
        if (!again[e]) ++size;
      }
      ++batch;
      std::vector<store::PendingEvent> pending;
      std::vector<std::string> hashes;
      uint32_t member = 0;
      for (uint32_t e = 0; e < events; ++e) {
        if (!again[e]) ++index;
        SampleArticle a =
            MakeArticle(args.run, index, BatchPlace{batch, again[e] ? member - 1 : member++, size});
        hashes.push_back(Hex(a.text));
        pending.push_back(store::PendingEvent{std::move(a.event), std::move(a.text)});
      }
      absl::StatusOr<std::vector<store::AppendResult>> r = log.AppendBatch(std::move(pending));
      if (!r.ok()) return Fail("append batch", r.status());
      for (size_t m = 0; m < r->size(); ++m) {
        const store::AppendResult& one = (*r)[m];
        if (!one.duplicate) articles.push_back(one.sequence);
        Say(absl::StrCat(one.duplicate ? "dup " : "ack ", one.sequence, " ", hashes[m]));
      }
    } else if (roll < 80) {  // the same article again: this run's, or an earlier run's
      const bool earlier = args.run > 1 && rng() % 2 == 0;
      const uint64_t run = earlier ? 1 + rng() % (args.run - 1) : args.run;
      const uint64_t which = earlier ? 1 + rng() % 20 : (index == 0 ? 1 : 1 + rng() % index);
      if (!earlier && index == 0) continue;
      SampleArticle a = MakeArticle(run, which, BatchPlace());
      absl::StatusOr<store::AppendResult> r = log.Append(std::move(a.event), a.text);
      if (!r.ok()) return Fail("append again", r.status());
      if (!earlier && !r->duplicate) {
        Say(absl::StrCat("error article ", which, " of this run was stored twice"));
        return 2;
      }
      Say(absl::StrCat(r->duplicate ? "dup " : "ack ", r->sequence, " ", Hex(a.text)));
    } else if (roll < 90) {  // a correction of an earlier event
      const uint64_t last = log.LastSequence();
      if (last == 0) continue;
      const uint64_t target = !articles.empty() && rng() % 4 != 0
                                  ? articles[rng() % articles.size()]
                                  : 1 + rng() % last;
      v1::Event e;
      if (rng() % 3 == 0) {
        e.mutable_article_retracted()->set_article_sequence(target);
        e.mutable_article_retracted()->set_reason(absl::StrCat("r", args.run, " step ", step));
      } else {
        v1::ClaimsRevised* revised = e.mutable_claims_revised();
        revised->set_article_sequence(target);
        for (v1::Claim& c : MakeClaims(args.run, ++revision)) *revised->add_claims() = c;
        revised->mutable_extractor()->set_name("reliability-sample");
        revised->mutable_extractor()->set_version("2");
      }
      absl::StatusOr<store::AppendResult> r = log.Append(std::move(e), "");
      if (!r.ok()) return Fail("append correction", r.status());
      Say(absl::StrCat("ack ", r->sequence, " -"));
    }
#ifdef CLAIMLINE_RELIABILITY_PROJECTIONS
    if (args.projections) {
      if (rng() % 2 == 0) {  // catch-up in chunks of varying size
        Say("phase catch-up");
        projections::CatchUpOptions options;
        options.chunk_events = 1 + rng() % 20;
        if (absl::Status s = projections::CatchUp(db, options); !s.ok()) {
          return Fail("catch up", s);
        }
      }
      if (rng() % 12 == 0) {  // a replay under other rules, in small chunks
        v1::ProjectionRules rules = projections::DefaultRules();
        rules.set_name(absl::StrCat("replay-", args.run, "-", ++replays));
        absl::StatusOr<std::string> ns = projections::CreateNamespace(db, rules);
        if (!ns.ok()) return Fail("create namespace", ns.status());
        Say(absl::StrCat("phase replay ", *ns));
        projections::CatchUpOptions options;
        options.chunk_events = 1 + rng() % 10;
        if (absl::Status s = projections::CatchUpNamespace(db, *ns, options); !s.ok()) {
          return Fail("replay", s);
        }
        if (rng() % 2 == 0) {
          Say("phase drop");
          if (absl::Status s = projections::Drop(db, *ns); !s.ok()) return Fail("drop", s);
        }
      }
    }
#endif
  }
  Say("done");
  return 0;
}

int RunHold(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<store::Database>> db =
      store::Database::Open(dir, store::OpenOptions());
  if (!db.ok()) return Fail("open", db.status());
  Say("ready");
  char c;
  while (read(STDIN_FILENO, &c, 1) > 0) {
  }
  return 0;
}

int RunMountHolder(const std::string& dir, const std::string& bytes) {
  // Still single-threaded here, as unshare(CLONE_NEWNS) requires.
  if (unshare(CLONE_NEWNS) != 0) {
    Say(absl::StrCat("skip cannot enter a mount namespace: ", std::strerror(errno)));
    return 0;
  }
  if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
    Say(absl::StrCat("skip cannot make / private: ", std::strerror(errno)));
    return 0;
  }
  if (mount("tmpfs", dir.c_str(), "tmpfs", 0, absl::StrCat("size=", bytes).c_str()) != 0) {
    Say(absl::StrCat("skip cannot mount a tmpfs: ", std::strerror(errno)));
    return 0;
  }
  Say("ready");
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.rfind("remount ", 0) == 0) {
      const std::string options = absl::StrCat("size=", line.substr(8));
      if (mount("tmpfs", dir.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) != 0) {
        Say(absl::StrCat("error remount: ", std::strerror(errno)));
      } else {
        Say("ok");
      }
    } else {
      Say(absl::StrCat("error unknown command: ", line));
    }
  }
  return 0;
}

int Usage() {
  std::cerr << "usage: crash_child append DIR [run=R] [seed=S] [steps=N] [projections=0|1]\n"
               "       crash_child hold DIR\n"
               "       crash_child mount-holder DIR BYTES\n";
  return 2;
}

int Main(int argc, char** argv) {
  if (argc < 3) return Usage();
  const std::string mode = argv[1];
  if (mode == "hold" && argc == 3) return RunHold(argv[2]);
  if (mode == "mount-holder" && argc == 4) return RunMountHolder(argv[2], argv[3]);
  if (mode != "append") return Usage();
  AppendArgs args;
  args.dir = argv[2];
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    if (eq == std::string::npos) return Usage();
    const std::string key = arg.substr(0, eq);
    uint64_t value = 0;
    if (!absl::SimpleAtoi(arg.substr(eq + 1), &value)) return Usage();
    if (key == "run") {
      args.run = value;
    } else if (key == "seed") {
      args.seed = value;
    } else if (key == "steps") {
      args.steps = value;
    } else if (key == "projections") {
      args.projections = value != 0;
    } else {
      return Usage();
    }
  }
  if (args.run == 0) return Usage();
  return RunAppend(args);
}

}  // namespace
}  // namespace claimline::reliability

int main(int argc, char** argv) { return claimline::reliability::Main(argc, argv); }
