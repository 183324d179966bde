#include "store/rocks_event_log.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "base/status_macros.h"
#include "base/utf8.h"
#include "rocksdb/slice.h"
#include "store/content_hash.h"
#include "store/keys.h"
#include "store/sha256.h"

namespace claimline::store {
namespace {

// kMaxGroupBytes: a leader stops taking queued requests at this much text and metadata,
// so one group's WriteBatch stays bounded (a single larger AppendBatch is still taken).
constexpr size_t kMaxGroupBytes = size_t{8} << 20;
// kLongScanEvents: scans over more events than this bypass the block cache (a replay
// must not evict the working set) and read ahead.
constexpr uint64_t kLongScanEvents = 1024;
constexpr size_t kScanReadahead = size_t{2} << 20;

class LogSnapshot : public Snapshot {
 public:
  explicit LogSnapshot(uint64_t last) : last_(last) {}
  uint64_t LastSequence() const override { return last_; }

 private:
  const uint64_t last_;
};

// ReferencedArticle: the article sequence a correction event refers to, or 0.
uint64_t ReferencedArticle(const v1::Event& event) {
  switch (event.payload_case()) {
    case v1::Event::kClaimsRevised:
      return event.claims_revised().article_sequence();
    case v1::Event::kArticleRetracted:
      return event.article_retracted().article_sequence();
    case v1::Event::kArticleMetadataCorrected:
      return event.article_metadata_corrected().article_sequence();
    default:
      return 0;
  }
}

}  // namespace

absl::StatusOr<std::unique_ptr<RocksEventLog>> RocksEventLog::Create(RocksHandles* handles,
                                                                     const Clock* clock) {
  std::unique_ptr<RocksEventLog> log(new RocksEventLog(handles, clock));
  RETURN_IF_ERROR(log->Refresh());
  return log;
}

absl::Status RocksEventLog::Refresh() {
  ASSIGN_OR_RETURN(std::optional<uint64_t> next, h_->GetMetaNumber(kMetaNextSequence));
  ASSIGN_OR_RETURN(std::optional<uint64_t> articles, h_->GetMetaNumber(kMetaArticles));
  ASSIGN_OR_RETURN(std::optional<uint64_t> text_bytes, h_->GetMetaNumber(kMetaTextBytes));
  uint64_t next_sequence = std::max<uint64_t>(next.value_or(1), 1);
  if (h_->writable()) {
    // The last event also gives the clock floor; and should meta ever lag the events
    // (Verify reports that), the writer still never reuses a sequence.
    std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(rocksdb::ReadOptions(), h_->events));
    it->SeekToLast();
    if (!it->status().ok()) return h_->FromRocks(it->status(), "read the last event");
    if (it->Valid()) {
      const rocksdb::Slice key = it->key();
      if (key.size() == 8) {
        next_sequence = std::max(next_sequence, DecodeBigEndian64(View(key)) + 1);
      }
      v1::Event last;
      if (last.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
        last_recorded_at_ = last.recorded_at_micros();
      }
    }
  }
  next_sequence_ = next_sequence;
  articles_ = articles.value_or(0);
  text_bytes_ = text_bytes.value_or(0);
  last_sequence_.store(next_sequence - 1, std::memory_order_release);
  return absl::OkStatus();
}

absl::StatusOr<RocksEventLog::Prepared> RocksEventLog::Prepare(v1::Event event,
                                                               absl::string_view text) const {
  Prepared p;
  if (event.payload_case() == v1::Event::PAYLOAD_NOT_SET) {
    return absl::InvalidArgumentError("cannot append an event without a payload");
  }
  if (event.has_article_recorded()) {
    v1::Article* article = event.mutable_article_recorded()->mutable_article();
    if (!article->text().empty()) {
      if (text.empty()) {
        p.owned_text = std::move(*article->mutable_text());
        p.text_owned = true;
      } else if (article->text() != text) {
        return absl::InvalidArgumentError(
            "article text given twice and the two differ (Article.text and the text argument)");
      }
      article->clear_text();
    }
    if (!p.text_owned) p.text = text;
    const absl::string_view t = p.Text();
    if (t.find_first_not_of(" \t\r\n") == absl::string_view::npos) {
      return absl::InvalidArgumentError(t.empty() ? "article text is empty"
                                                  : "article text is blank");
    }
    if (t.size() > kMaxTextBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat("article text is ", t.size(), " bytes; the limit is ", kMaxTextBytes));
    }
    if (std::optional<size_t> bad = FirstInvalidUtf8(t)) {
      return absl::InvalidArgumentError(
          absl::StrCat("article text is not valid UTF-8 (at byte ", *bad, ")"));
    }
    p.hash = ContentHash(t);
    article->set_content_hash(p.hash);
    article->set_text_bytes(t.size());
  } else {
    if (!text.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("only ArticleRecorded events carry a text; got ", text.size(),
                       " bytes of text with another event"));
    }
    const uint64_t article = ReferencedArticle(event);
    const uint64_t last = LastSequence();
    if (article == 0 || article > last) {
      return absl::InvalidArgumentError(absl::StrCat("the event refers to article #", article,
                                                     ", but the log holds #1..#", last));
    }
  }
  event.clear_sequence();
  event.clear_recorded_at_micros();
  if (!event.SerializeToString(&p.body)) {
    return absl::InvalidArgumentError("the event does not serialize (a field is too large)");
  }
  return p;
}

absl::StatusOr<AppendResult> RocksEventLog::Append(v1::Event event, absl::string_view text) {
  if (!h_->writable()) return h_->RefuseWrite("append");
  std::vector<Prepared> prepared;
  prepared.reserve(1);
  ASSIGN_OR_RETURN(Prepared p, Prepare(std::move(event), text));
  prepared.push_back(std::move(p));
  Writer w;
  w.events = &prepared;
  w.bytes = prepared[0].body.size() + prepared[0].Text().size();
  RETURN_IF_ERROR(Write(&w));
  return w.results[0];
}

absl::StatusOr<std::vector<AppendResult>> RocksEventLog::AppendBatch(
    std::vector<PendingEvent> events) {
  if (!h_->writable()) return h_->RefuseWrite("append");
  if (events.empty()) return std::vector<AppendResult>();
  std::vector<Prepared> prepared;
  prepared.reserve(events.size());
  Writer w;
  w.events = &prepared;
  for (size_t i = 0; i < events.size(); ++i) {
    absl::StatusOr<Prepared> p = Prepare(std::move(events[i].event), events[i].text);
    if (!p.ok()) {
      return absl::Status(p.status().code(),
                          absl::StrCat("batch event ", i + 1, ": ", p.status().message()));
    }
    w.bytes += p->body.size() + p->Text().size();
    prepared.push_back(*std::move(p));
  }
  // `prepared` holds views of the texts in `events`; both live until Write returns.
  RETURN_IF_ERROR(Write(&w));
  return std::move(w.results);
}

absl::Status RocksEventLog::Write(Writer* w) {
  mu_.Lock();
  writers_.push_back(w);
  while (!w->done && w != writers_.front()) w->cv.Wait(&mu_);
  if (w->done) {
    mu_.Unlock();
    return w->status;
  }
  // This thread leads: take what is queued, up to kMaxGroupBytes.
  std::vector<Writer*> group;
  size_t bytes = 0;
  for (Writer* queued : writers_) {
    if (!group.empty() && bytes + queued->bytes > kMaxGroupBytes) break;
    group.push_back(queued);
    bytes += queued->bytes;
  }
  mu_.Unlock();

  const absl::Status status = CommitGroup(group);

  mu_.Lock();
  for (Writer* member : group) {
    writers_.pop_front();
    member->status = status;
    member->done = true;
    if (member != w) member->cv.Signal();
  }
  if (!writers_.empty()) writers_.front()->cv.Signal();  // the next leader
  mu_.Unlock();
  return status;
}

absl::Status RocksEventLog::CommitGroup(const std::vector<Writer*>& group) {
  // Content hashes already in the log: one MultiGet through the bloom-filtered dedupe
  // family (a new article's hash is usually rejected by the filter without a read).
  std::vector<rocksdb::Slice> hashes;
  for (const Writer* w : group) {
    for (const Prepared& p : *w->events) {
      if (!p.hash.empty()) hashes.push_back(ToSlice(p.hash));
    }
  }
  std::vector<rocksdb::PinnableSlice> found(hashes.size());
  std::vector<rocksdb::Status> statuses(hashes.size());
  if (!hashes.empty()) {
    h_->db->MultiGet(rocksdb::ReadOptions(), h_->dedupe, hashes.size(), hashes.data(), found.data(),
                     statuses.data());
  }

  batch_.Clear();
  // recorded_at never decreases along the log, even if the clock steps back.
  const int64_t now = std::max(clock_->NowMicros(), last_recorded_at_);
  uint64_t next = next_sequence_;
  uint64_t articles = articles_;
  uint64_t text_bytes = text_bytes_;
  absl::flat_hash_map<absl::string_view, uint64_t> in_group;  // hash → sequence
  size_t lookup = 0;
  for (Writer* w : group) {
    w->results.assign(w->events->size(), AppendResult());
    for (size_t i = 0; i < w->events->size(); ++i) {
      const Prepared& p = (*w->events)[i];
      if (!p.hash.empty()) {
        const rocksdb::Status& s = statuses[lookup];
        const rocksdb::PinnableSlice& value = found[lookup];
        ++lookup;
        if (s.ok()) {
          std::optional<uint64_t> existing = ParseBigEndian64(View(value));
          if (!existing) {
            return absl::DataLossError(
                absl::StrCat(h_->dir, ": dedupe entry ", HexHash(p.hash), " holds ", value.size(),
                             " bytes, not a sequence; run claimline verify"));
          }
          w->results[i] = AppendResult{*existing, true};
          continue;
        }
        if (!s.IsNotFound()) return h_->FromRocks(s, "look up a content hash");
        auto it = in_group.find(p.hash);
        if (it != in_group.end()) {
          w->results[i] = AppendResult{it->second, true};
          continue;
        }
      }
      const uint64_t sequence = next++;
      header_event_.set_sequence(sequence);
      header_event_.set_recorded_at_micros(now);
      header_event_.SerializeToString(&header_);
      // Protobuf fields may be written in any order and a message is the concatenation of
      // its fields: header (fields 1, 2) + body (fields ≥ 10) is exactly the serialized
      // event, written without assembling it in one more buffer.
      const std::array<char, 8> key = SequenceKey(sequence);
      const rocksdb::Slice key_slice = ToSlice(key);
      const rocksdb::Slice value_parts[2] = {ToSlice(header_), ToSlice(p.body)};
      rocksdb::Status s = batch_.Put(h_->events, rocksdb::SliceParts(&key_slice, 1),
                                     rocksdb::SliceParts(value_parts, 2));
      if (s.ok() && !p.hash.empty()) {
        s = batch_.Put(h_->texts, key_slice, ToSlice(p.Text()));
        if (s.ok()) s = batch_.Put(h_->dedupe, ToSlice(p.hash), key_slice);
        in_group.emplace(p.hash, sequence);
        ++articles;
        text_bytes += p.Text().size();
      }
      if (!s.ok()) return h_->FromRocks(s, "append");
      w->results[i] = AppendResult{sequence, false};
    }
  }
  if (next == next_sequence_) return absl::OkStatus();  // only duplicates: nothing to write

  const std::array<char, 8> next_bytes = EncodeBigEndian64(next);
  const std::array<char, 8> articles_bytes = EncodeBigEndian64(articles);
  const std::array<char, 8> text_bytes_bytes = EncodeBigEndian64(text_bytes);
  rocksdb::Status s = batch_.Put(h_->meta, kMetaNextSequence, ToSlice(next_bytes));
  if (s.ok()) s = batch_.Put(h_->meta, kMetaArticles, ToSlice(articles_bytes));
  if (s.ok()) s = batch_.Put(h_->meta, kMetaTextBytes, ToSlice(text_bytes_bytes));
  rocksdb::WriteOptions options;
  options.sync = true;  // durable before anyone is acknowledged
  if (s.ok()) s = h_->db->Write(options, &batch_);
  // Do not keep the buffer of an exceptionally large batch for ever.
  if (batch_.GetDataSize() > 2 * kMaxGroupBytes) batch_ = rocksdb::WriteBatch();
  if (!s.ok()) return h_->FromRocks(s, "append");

  next_sequence_ = next;
  articles_ = articles;
  text_bytes_ = text_bytes;
  last_recorded_at_ = now;
  last_sequence_.store(next - 1, std::memory_order_release);
  return absl::OkStatus();
}

absl::StatusOr<v1::Event> RocksEventLog::Get(uint64_t sequence, const Snapshot* snapshot) const {
  const uint64_t last = snapshot != nullptr ? snapshot->LastSequence() : LastSequence();
  if (sequence == 0 || sequence > last) {
    return absl::NotFoundError(
        absl::StrCat("no event #", sequence, " in ", h_->dir, " (the log holds #1..#", last, ")"));
  }
  const std::array<char, 8> key = SequenceKey(sequence);
  rocksdb::PinnableSlice value;
  rocksdb::Status s = h_->db->Get(rocksdb::ReadOptions(), h_->events, ToSlice(key), &value);
  if (s.IsNotFound()) {
    return absl::DataLossError(absl::StrCat("event #", sequence, " is missing from ", h_->dir,
                                            " (the log holds #1..#", last,
                                            "); run claimline verify"));
  }
  if (!s.ok()) return h_->FromRocks(s, absl::StrCat("read event #", sequence));
  v1::Event event;
  if (!event.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(absl::StrCat("event #", sequence, " in ", h_->dir,
                                            " does not parse; run claimline verify"));
  }
  return event;
}

absl::StatusOr<std::string> RocksEventLog::GetText(uint64_t sequence) const {
  const std::array<char, 8> key = SequenceKey(sequence);
  std::string text;
  rocksdb::Status s = h_->db->Get(rocksdb::ReadOptions(), h_->texts, ToSlice(key), &text);
  if (s.IsNotFound()) {
    return absl::NotFoundError(
        absl::StrCat("no article text for event #", sequence, " in ", h_->dir));
  }
  if (!s.ok()) return h_->FromRocks(s, absl::StrCat("read the text of event #", sequence));
  return text;
}

absl::Status RocksEventLog::Scan(uint64_t from, uint64_t to,
                                 const std::function<bool(const v1::Event&)>& fn,
                                 const Snapshot* snapshot) const {
  const uint64_t last = snapshot != nullptr ? snapshot->LastSequence() : LastSequence();
  from = std::max<uint64_t>(from, 1);
  to = std::min(to, last);
  if (from > to) return absl::OkStatus();

  const std::array<char, 8> lower = SequenceKey(from);
  const std::array<char, 8> upper = SequenceKey(to + 1);  // to <= last < UINT64_MAX
  const rocksdb::Slice lower_slice = ToSlice(lower);
  const rocksdb::Slice upper_slice = ToSlice(upper);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower_slice;
  options.iterate_upper_bound = &upper_slice;
  if (to - from >= kLongScanEvents) {
    options.fill_cache = false;
    options.readahead_size = kScanReadahead;
  }
  std::unique_ptr<rocksdb::Iterator> it(h_->db->NewIterator(options, h_->events));
  v1::Event event;  // reused: parsing into it keeps its allocated fields
  uint64_t expected = from;
  for (it->Seek(lower_slice); it->Valid(); it->Next(), ++expected) {
    const rocksdb::Slice key = it->key();
    const uint64_t sequence = key.size() == 8 ? DecodeBigEndian64(View(key)) : 0;
    if (sequence != expected) {
      return absl::DataLossError(absl::StrCat("event #", expected, " is missing from ", h_->dir,
                                              " (next key is ", HexKey(View(key)),
                                              "); run claimline verify"));
    }
    if (!event.ParseFromArray(it->value().data(), static_cast<int>(it->value().size()))) {
      return absl::DataLossError(absl::StrCat("event #", sequence, " in ", h_->dir,
                                              " does not parse; run claimline verify"));
    }
    if (event.sequence() != sequence) {
      return absl::DataLossError(absl::StrCat("event #", sequence, " in ", h_->dir,
                                              " holds sequence ", event.sequence(),
                                              "; run claimline verify"));
    }
    if (!fn(event)) return absl::OkStatus();
  }
  if (!it->status().ok()) return h_->FromRocks(it->status(), "scan events");
  if (expected != to + 1) {
    return absl::DataLossError(absl::StrCat("events #", expected, "..#", to, " are missing from ",
                                            h_->dir, "; run claimline verify"));
  }
  return absl::OkStatus();
}

uint64_t RocksEventLog::LastSequence() const {
  return last_sequence_.load(std::memory_order_acquire);
}

absl::StatusOr<std::optional<uint64_t>> RocksEventLog::FindByContentHash(
    absl::string_view hash) const {
  if (hash.size() != kSha256Bytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("a content hash is ", kSha256Bytes, " bytes, got ", hash.size()));
  }
  rocksdb::PinnableSlice value;
  rocksdb::Status s = h_->db->Get(rocksdb::ReadOptions(), h_->dedupe, ToSlice(hash), &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) return h_->FromRocks(s, "look up a content hash");
  std::optional<uint64_t> sequence = ParseBigEndian64(View(value));
  if (!sequence) {
    return absl::DataLossError(absl::StrCat(h_->dir, ": dedupe entry ", HexHash(hash), " holds ",
                                            value.size(), " bytes, not a sequence"));
  }
  return sequence;
}

std::unique_ptr<Snapshot> RocksEventLog::GetSnapshot() const {
  return std::make_unique<LogSnapshot>(LastSequence());
}

}  // namespace claimline::store
