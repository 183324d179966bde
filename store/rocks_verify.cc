#include "store/rocks_verify.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "rocksdb/snapshot.h"
#include "store/content_hash.h"
#include "store/keys.h"
#include "store/sha256.h"

namespace claimline::store {
namespace {

class Problems {
 public:
  explicit Problems(VerifyReport* report) : report_(report) {}
  ~Problems() {
    if (dropped_ > 0) {
      report_->problems.push_back(absl::StrCat("… and ", dropped_, " more problems"));
    }
  }
  template <typename... Args>
  void Add(const Args&... args) {
    if (report_->problems.size() < kMaxVerifyProblems) {
      report_->problems.push_back(absl::StrCat(args...));
    } else {
      ++dropped_;
    }
  }

 private:
  VerifyReport* report_;
  size_t dropped_ = 0;
};

std::string Seq(uint64_t sequence) { return absl::StrCat("#", sequence); }

// KeyName: "#N (key 0x…)" for an 8-byte key, "key 0x…" otherwise.
std::string KeyName(absl::string_view key) {
  if (key.size() == 8) return absl::StrCat("#", DecodeBigEndian64(key), " (key ", HexKey(key), ")");
  return absl::StrCat("key ", HexKey(key));
}

// Walks the texts family in step with the events family.
class TextCursor {
 public:
  explicit TextCursor(rocksdb::Iterator* it) : it_(it) { it_->SeekToFirst(); }
  // SkipBefore: reports and skips texts whose key sorts before `key`.
  void SkipBefore(absl::string_view key, Problems& problems, VerifyReport& report) {
    for (; it_->Valid() && View(it_->key()) < key; it_->Next()) {
      ++report.texts;
      problems.Add("text ", KeyName(View(it_->key())), ": no event has this sequence");
    }
  }
  // SkipRest: reports and skips every text left.
  void SkipRest(Problems& problems, VerifyReport& report) {
    for (; it_->Valid(); it_->Next()) {
      ++report.texts;
      problems.Add("text ", KeyName(View(it_->key())), ": no event has this sequence");
    }
  }
  bool At(absl::string_view key) const { return it_->Valid() && View(it_->key()) == key; }
  absl::string_view value() const { return View(it_->value()); }
  void Next() { it_->Next(); }

 private:
  rocksdb::Iterator* it_;
};

struct ArticleSeen {
  uint64_t sequence;
  bool indexed = false;  // a dedupe entry pointing at it was found
};

}  // namespace

absl::StatusOr<VerifyReport> VerifyRocks(RocksHandles& h) {
  VerifyReport report;
  {
    Problems problems(&report);
    // One consistent view for the writer, which may append meanwhile. Read-only and
    // secondary instances do not change while this runs (CatchUp is not called).
    std::unique_ptr<rocksdb::ManagedSnapshot> snapshot;
    rocksdb::ReadOptions options;
    if (h.writable()) {
      snapshot = std::make_unique<rocksdb::ManagedSnapshot>(h.db.get());
      options.snapshot = snapshot->snapshot();
    }
    options.fill_cache = false;
    options.readahead_size = size_t{2} << 20;

    const auto meta_number = [&](const char* key) -> std::optional<uint64_t> {
      std::string value;
      rocksdb::Status s = h.db->Get(options, h.meta, key, &value);
      if (s.IsNotFound()) {
        problems.Add("meta ", key, ": missing");
        return std::nullopt;
      }
      if (!s.ok()) {
        problems.Add("meta ", key, ": ", s.ToString());
        return std::nullopt;
      }
      std::optional<uint64_t> number = ParseBigEndian64(value);
      if (!number) problems.Add("meta ", key, ": ", value.size(), " bytes, not an 8-byte number");
      return number;
    };
    const std::optional<uint64_t> next_sequence = meta_number(kMetaNextSequence);
    const std::optional<uint64_t> article_counter = meta_number(kMetaArticles);
    const std::optional<uint64_t> text_byte_counter = meta_number(kMetaTextBytes);

    // Events, with their texts walked alongside.
    absl::flat_hash_map<std::string, ArticleSeen> articles;  // content hash → article
    uint64_t last = 0;
    uint64_t text_bytes = 0;
    std::unique_ptr<rocksdb::Iterator> events(h.db->NewIterator(options, h.events));
    std::unique_ptr<rocksdb::Iterator> texts_it(h.db->NewIterator(options, h.texts));
    TextCursor texts(texts_it.get());
    v1::Event event;
    for (events->SeekToFirst(); events->Valid(); events->Next()) {
      ++report.events;
      const absl::string_view key = View(events->key());
      if (key.size() != 8) {
        problems.Add("events ", KeyName(key), ": not an 8-byte sequence");
        continue;
      }
      const uint64_t sequence = DecodeBigEndian64(key);
      if (sequence != last + 1) {
        problems.Add(sequence == 0 ? "event #0 (key " + HexKey(key) + "): sequences start at 1"
                                   : absl::StrCat("events ", Seq(last + 1), "..", Seq(sequence - 1),
                                                  ": missing (gap before key ", HexKey(key), ")"));
      }
      last = std::max(last, sequence);
      texts.SkipBefore(key, problems, report);
      const bool has_text = texts.At(key);
      if (!event.ParseFromArray(events->value().data(), static_cast<int>(events->value().size()))) {
        problems.Add("event ", KeyName(key), ": does not parse as claimline.v1.Event");
      } else {
        if (event.sequence() != sequence) {
          problems.Add("event ", KeyName(key), ": its sequence field is ", event.sequence());
        }
        if (event.payload_case() == v1::Event::PAYLOAD_NOT_SET) {
          problems.Add("event ", KeyName(key),
                       ": has no payload (or one this build does not know)");
        }
        if (event.has_article_recorded()) {
          const v1::Article& article = event.article_recorded().article();
          const std::string& hash = article.content_hash();
          if (!article.text().empty()) {
            problems.Add("event ", KeyName(key), ": the article text is stored inside the event");
          }
          if (hash.size() != kSha256Bytes) {
            problems.Add("event ", KeyName(key), ": content hash is ", hash.size(),
                         " bytes, expected ", kSha256Bytes);
          } else {
            auto [it, inserted] = articles.try_emplace(hash, ArticleSeen{sequence});
            if (!inserted) {
              problems.Add("event ", KeyName(key), ": same content hash ", HexHash(hash),
                           " as event ", Seq(it->second.sequence));
            }
          }
          if (!has_text) {
            // After a read failure in `texts` (reported below) the text may well be there.
            if (texts_it->status().ok()) {
              problems.Add("event ", KeyName(key), ": its article text is missing");
            }
          } else {
            const absl::string_view text = texts.value();
            text_bytes += text.size();
            const std::string actual = ContentHash(text);
            if (actual != hash) {
              problems.Add("event ", KeyName(key), ": its text hashes to ", HexHash(actual),
                           ", the event says ", HexHash(hash));
            }
            if (article.text_bytes() != text.size()) {
              problems.Add("event ", KeyName(key), ": its text is ", text.size(),
                           " bytes, the event says ", article.text_bytes());
            }
          }
        } else if (has_text) {
          problems.Add("text ", KeyName(key), ": stored with an event that is not an article");
        }
      }
      if (has_text) {
        ++report.texts;
        texts.Next();
      }
    }
    // A family that could not be read to its end (damage: the message names the file) is
    // reported once; the cross-checks that would need the unread part are skipped rather
    // than reported as hundreds of missing events, texts or index entries.
    const bool events_read = events->status().ok();
    const bool texts_read = texts_it->status().ok();
    if (!events_read) {
      problems.Add("events: read failed after ", Seq(last), ": ", events->status().ToString());
    }
    if (events_read) texts.SkipRest(problems, report);
    if (!texts_read) {
      problems.Add("texts: read failed: ", texts_it->status().ToString());
    }

    if (events_read && next_sequence && *next_sequence != last + 1) {
      problems.Add("meta next_sequence is ", *next_sequence, " but the last event is ", Seq(last));
    }
    if (events_read && article_counter && *article_counter != articles.size()) {
      problems.Add("meta articles is ", *article_counter, " but the log holds ", articles.size(),
                   " articles");
    }
    if (events_read && texts_read && text_byte_counter && *text_byte_counter != text_bytes) {
      problems.Add("meta text_bytes is ", *text_byte_counter, " but the texts hold ", text_bytes,
                   " bytes");
    }

    // The dedupe index must map exactly the articles' hashes to their sequences.
    std::unique_ptr<rocksdb::Iterator> dedupe(h.db->NewIterator(options, h.dedupe));
    for (dedupe->SeekToFirst(); dedupe->Valid(); dedupe->Next()) {
      ++report.dedupe_entries;
      const absl::string_view hash = View(dedupe->key());
      const std::optional<uint64_t> sequence = ParseBigEndian64(View(dedupe->value()));
      if (!sequence) {
        problems.Add("dedupe entry ", HexHash(hash), ": value is ", dedupe->value().size(),
                     " bytes, not a sequence");
        continue;
      }
      auto it = articles.find(hash);
      if (it == articles.end()) {
        if (!events_read) continue;  // its article may be among the unread events
        problems.Add("dedupe entry ", HexHash(hash), " → ", Seq(*sequence),
                     ": no article has this content hash");
      } else if (it->second.sequence != *sequence) {
        problems.Add("dedupe entry ", HexHash(hash), " → ", Seq(*sequence),
                     ": the article with this content hash is ", Seq(it->second.sequence));
        it->second.indexed = true;
      } else {
        it->second.indexed = true;
      }
    }
    const bool dedupe_read = dedupe->status().ok();
    if (!dedupe_read) problems.Add("dedupe: read failed: ", dedupe->status().ToString());
    std::vector<std::pair<uint64_t, std::string>> unindexed;
    for (const auto& [hash, seen] : articles) {
      if (!seen.indexed && dedupe_read) unindexed.emplace_back(seen.sequence, hash);
    }
    std::sort(unindexed.begin(), unindexed.end());
    for (const auto& [sequence, hash] : unindexed) {
      problems.Add("event ", Seq(sequence), ": content hash ", HexHash(hash),
                   " is missing from the dedupe index");
    }

    // RocksDB's own block checksums over every table file.
    rocksdb::Status checksums = h.db->VerifyChecksum(options);
    if (!checksums.ok() && !checksums.IsNotSupported()) {
      problems.Add("RocksDB checksums: ", checksums.ToString());
    }
  }
  return report;
}

}  // namespace claimline::store
