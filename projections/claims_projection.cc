#include "projections/claims_projection.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "base/civil_date.h"
#include "base/status_macros.h"
#include "projections/cluster_summary.h"
#include "projections/keys.h"
#include "projections/names.h"
#include "projections/time_buckets.h"

namespace claimline::projections {
namespace {

constexpr size_t kMaxNames = 16;
// Cache bounds: past these, Flush empties the caches (they refill from the store).
constexpr size_t kMaxCachedClusters = 20000;
constexpr size_t kMaxCachedRows = 200000;
// kMaxArenaBytes: the cached summaries' arena is emptied past this (it also keeps the
// space of fields that were replaced, until it is reset).
constexpr uint64_t kMaxArenaBytes = uint64_t{64} << 20;

// MonthOfFloatingKey: "YYYY-MM" of an f/<group>/<YYYY-MM>/… key.
std::string MonthOfFloatingKey(absl::string_view fkey) {
  const size_t start = fkey.find('/', 2);
  return start == absl::string_view::npos ? "" : std::string(fkey.substr(start + 1, 7));
}

void Decrement(v1::ProjectionInfo& info) {
  if (info.attestations() > 0) info.set_attestations(info.attestations() - 1);
}

// ArticleAndClaimOf: the article sequence and claim index at the end of an f/ key.
absl::StatusOr<std::pair<uint64_t, uint32_t>> ArticleAndClaimOf(absl::string_view fkey) {
  std::vector<absl::string_view> parts = absl::StrSplit(fkey, '/');
  if (parts.size() >= 2) {
    std::optional<uint64_t> seq = keys::ParseHex(parts[parts.size() - 2]);
    std::optional<uint64_t> claim = keys::ParseHex(parts[parts.size() - 1]);
    if (seq && claim) return std::make_pair(*seq, static_cast<uint32_t>(*claim));
  }
  return absl::DataLossError(absl::StrCat("malformed floating key \"", fkey, "\""));
}

}  // namespace

ClaimsProjection::ClaimsProjection(const v1::ProjectionRules& rules)
    : rules_(rules), arena_(std::make_unique<google::protobuf::Arena>()) {}

ClaimsProjection::~ClaimsProjection() {
  clusters_.clear();  // pointers into arena_, which goes next
}

void ClaimsProjection::InitialRows(const v1::ProjectionRules& rules, StateCache& state) {
  CompiledRules compiled(rules);
  for (const v1::EntityAlias& a : rules.alias()) {
    const std::string entity = compiled.Merge(SanitizeId(a.entity()));
    v1::AliasEntry entry;
    entry.set_from_rules(true);
    state.PutMessage(keys::Alias(FoldName(a.alias()), entity), entry);
    state.PutMessage(keys::Alias(FoldName(entity), entity), entry);
  }
}

absl::StatusOr<bool> ClaimsProjection::Apply(const v1::Event& event, ApplyContext& ctx) {
  switch (event.payload_case()) {
    case v1::Event::kArticleRecorded:
      RETURN_IF_ERROR(OnArticle(event.sequence(), event.article_recorded(), ctx));
      return true;
    case v1::Event::kClaimsRevised:
      RETURN_IF_ERROR(OnRevised(event.sequence(), event.claims_revised(), ctx));
      return true;
    case v1::Event::kArticleRetracted:
      RETURN_IF_ERROR(OnRetracted(event.article_retracted(), ctx));
      return true;
    case v1::Event::kArticleMetadataCorrected:
      RETURN_IF_ERROR(OnCorrected(event.article_metadata_corrected(), ctx));
      return true;
    default:
      return false;
  }
}

absl::Status ClaimsProjection::OnArticle(uint64_t seq, const v1::ArticleRecorded& e,
                                         ApplyContext& ctx) {
  ctx.info.set_articles(ctx.info.articles() + 1);
  v1::ArticleState st;
  *st.mutable_article() = e.article();
  st.mutable_article()->clear_text();
  st.set_included(rules_.Includes(st.article()));
  st.set_claims_sequence(seq);
  st.set_extracted_published(st.article().published());
  if (st.included()) {
    // A new article has no rows yet: its own writes are all in the chunk's overlay.
    RETURN_IF_ERROR(AddClaims(seq, e.claims(), seq, /*fresh=*/true, st, ctx));
  } else {
    ctx.info.set_articles_excluded(ctx.info.articles_excluded() + 1);
  }
  ctx.state.PutMessage(keys::Article(seq), st);
  return absl::OkStatus();
}

absl::Status ClaimsProjection::OnRevised(uint64_t seq, const v1::ClaimsRevised& e,
                                         ApplyContext& ctx) {
  const std::string key = keys::Article(e.article_sequence());
  v1::ArticleState st;
  ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(key, st));
  if (!found) {
    ctx.info.set_orphan_events(ctx.info.orphan_events() + 1);
    return absl::OkStatus();
  }
  RETURN_IF_ERROR(RemoveClaims(e.article_sequence(), st, ctx));
  st.set_claims_sequence(seq);
  st.set_extracted_published(st.article().published());
  if (st.included() && !st.retracted()) {
    RETURN_IF_ERROR(AddClaims(e.article_sequence(), e.claims(), seq, /*fresh=*/false, st, ctx));
  }
  ctx.state.PutMessage(key, st);
  return absl::OkStatus();
}

absl::Status ClaimsProjection::OnRetracted(const v1::ArticleRetracted& e, ApplyContext& ctx) {
  const std::string key = keys::Article(e.article_sequence());
  v1::ArticleState st;
  ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(key, st));
  if (!found) {
    ctx.info.set_orphan_events(ctx.info.orphan_events() + 1);
    return absl::OkStatus();
  }
  if (st.retracted()) return absl::OkStatus();
  RETURN_IF_ERROR(RemoveClaims(e.article_sequence(), st, ctx));
  st.set_retracted(true);
  ctx.info.set_articles_retracted(ctx.info.articles_retracted() + 1);
  ctx.state.PutMessage(key, st);
  return absl::OkStatus();
}

absl::Status ClaimsProjection::OnCorrected(const v1::ArticleMetadataCorrected& e,
                                           ApplyContext& ctx) {
  const std::string key = keys::Article(e.article_sequence());
  v1::ArticleState st;
  ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(key, st));
  if (!found) {
    ctx.info.set_orphan_events(ctx.info.orphan_events() + 1);
    return absl::OkStatus();
  }
  v1::Article& a = *st.mutable_article();
  for (const std::string& field : e.fields()) {
    if (field == "published") {
      a.set_published(e.article().published());
    } else if (field == "source") {
      a.set_source(e.article().source());
    } else if (field == "url") {
      a.set_url(e.article().url());
    } else if (field == "title") {
      a.set_title(e.article().title());
    } else if (field == "language") {
      a.set_language(e.article().language());
    }
  }
  if (!st.retracted()) {
    RETURN_IF_ERROR(RemoveClaims(e.article_sequence(), st, ctx));
    const bool included = rules_.Includes(a);
    if (included != st.included()) {
      ctx.info.set_articles_excluded(ctx.info.articles_excluded() + (included ? -1 : 1));
      st.set_included(included);
    }
    if (included) {
      // The claims live in the event that carried them; re-read it (without its text).
      ASSIGN_OR_RETURN(v1::Event carrier, ctx.log.Get(st.claims_sequence()));
      const auto& claims = carrier.has_claims_revised() ? carrier.claims_revised().claims()
                                                        : carrier.article_recorded().claims();
      RETURN_IF_ERROR(AddClaims(e.article_sequence(), claims, st.claims_sequence(),
                                /*fresh=*/false, st, ctx));
    }
  }
  ctx.state.PutMessage(key, st);
  return absl::OkStatus();
}

absl::Status ClaimsProjection::AddClaims(uint64_t article, const Claims& claims,
                                         uint64_t claims_seq, bool fresh, v1::ArticleState& st,
                                         ApplyContext& ctx) {
  const v1::Article& a = st.article();
  const bool reanchor = a.published() != st.extracted_published();
  if (fresh) {
    fresh_article_ = article;
    fresh_placed_.clear();
  }
  const std::string source = !a.source().empty() ? a.source()
                             : !a.url().empty()  ? HostOf(a.url())
                                                 : absl::StrCat("#", article);
  // The article's attestations are built one after the other in one message on a small
  // arena: Clear then drops the previous claim's sub-messages without freeing them one by
  // one (the arena frees them all at the end of the call), and strings keep their buffers.
  char initial_block[8192];
  google::protobuf::ArenaOptions arena_options;
  arena_options.initial_block = initial_block;
  arena_options.initial_block_size = sizeof(initial_block);
  google::protobuf::Arena arena(arena_options);
  v1::Attestation& att = *google::protobuf::Arena::CreateMessage<v1::Attestation>(&arena);
  for (int i = 0; i < claims.size(); ++i) {
    const v1::Claim& claim = claims.Get(i);
    const std::string kind = rules_.MapKind(claim.kind());
    if (kind.empty()) continue;
    const std::string subject = rules_.CanonicalEntity(claim.subject());
    if (subject.empty()) continue;
    std::string object = claim.has_object() ? rules_.CanonicalEntity(claim.object()) : "";
    if (object == subject) object.clear();

    att.Clear();
    att.set_article_sequence(article);
    att.set_claim_index(static_cast<uint32_t>(i));
    att.set_source(source);
    att.set_url(a.url());
    att.set_language(a.language());
    att.set_published(a.published());
    att.set_title(a.title());
    *att.mutable_claim() = claim;
    att.mutable_claim()->clear_explain();
    att.set_claims_sequence(claims_seq);
    if (reanchor) {
      *att.mutable_claim()->mutable_when() =
          Reanchor(claim.when(), st.extracted_published(), a.published());
    }
    const Placement p = Place(att.claim().when(), a.published(), rules_);

    const std::string gid = keys::GroupId(kind, subject, object);
    ASSIGN_OR_RETURN(GroupEntry * g, LoadGroup(gid, ctx));
    if (g->state.kind().empty()) {
      g->state.set_kind(kind);
      g->state.set_subject(subject);
      g->state.set_object(object);
    }
    NoteName(subject, claim.subject());
    if (!object.empty()) NoteName(object, claim.object());

    v1::AttestationRef ref;
    ref.set_claim_index(static_cast<uint32_t>(i));
    ref.set_group(gid);
    if (p.pinned) {
      att.set_floating(false);
      const std::string cid = keys::ClusterId(gid, false, p.bucket);
      RETURN_IF_ERROR(Insert(cid, g->state, p.bucket, false, att, fresh, ctx));
      ref.set_pinned_bucket(p.bucket);
      ref.set_cluster(cid);
      RETURN_IF_ERROR(AddPinned(gid, p.bucket, ctx));
    } else {
      att.set_floating(true);
      const std::string target =
          p.window_from.empty() ? "" : LatestPinned(g->state, p.window_from, p.window_to);
      const bool at_home = target.empty();
      const std::string bucket = at_home ? p.home : target;
      const std::string cid = keys::ClusterId(gid, at_home, bucket);
      RETURN_IF_ERROR(Insert(cid, g->state, bucket, at_home, att, fresh, ctx));
      v1::FloatingEntry fe;
      fe.set_window_from(p.window_from);
      fe.set_window_to(p.window_to);
      fe.set_home(p.home);
      fe.set_placed_bucket(target);
      fe.set_cluster(cid);
      const std::string fkey =
          keys::Floating(gid, p.window_to.empty() ? p.home : p.window_to, article, i);
      ctx.state.PutMessage(fkey, fe);
      CountFloating(*g, MonthOfFloatingKey(fkey), +1);
      ref.set_floating_key(fkey);
    }
    *st.add_refs() = std::move(ref);
    ctx.info.set_attestations(ctx.info.attestations() + 1);
  }
  fresh_article_ = 0;
  fresh_placed_.clear();
  return absl::OkStatus();
}

absl::Status ClaimsProjection::RemoveClaims(uint64_t article, v1::ArticleState& st,
                                            ApplyContext& ctx) {
  for (const v1::AttestationRef& ref : st.refs()) {
    if (!ref.floating_key().empty()) {
      // Where a floating claim is now is in its f/ row (it may have moved).
      v1::FloatingEntry fe;
      ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(ref.floating_key(), fe));
      if (!found) {
        return absl::DataLossError(absl::StrCat("projection ", ctx.state.ns(), ": row \"",
                                                ref.floating_key(), "\" is missing"));
      }
      ASSIGN_OR_RETURN(v1::Attestation gone, Erase(fe.cluster(), article, ref.claim_index(), ctx));
      ctx.state.Delete(ref.floating_key());
      ASSIGN_OR_RETURN(GroupEntry * g, LoadGroup(ref.group(), ctx));
      CountFloating(*g, MonthOfFloatingKey(ref.floating_key()), -1);
    } else {
      ASSIGN_OR_RETURN(v1::Attestation gone, Erase(ref.cluster(), article, ref.claim_index(), ctx));
      RETURN_IF_ERROR(RemovePinned(ref.group(), ref.pinned_bucket(), ctx));
    }
    Decrement(ctx.info);
  }
  st.clear_refs();
  return absl::OkStatus();
}

absl::StatusOr<ClaimsProjection::ClusterEntry*> ClaimsProjection::LoadCluster(
    const std::string& cid, ApplyContext& ctx) {
  auto [it, inserted] = clusters_.try_emplace(cid);
  if (inserted) {
    it->second.summary = google::protobuf::Arena::CreateMessage<v1::ClusterSummary>(arena_.get());
    ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(keys::Summary(cid), *it->second.summary));
    it->second.existed = found;
    it->second.was_conflict = found && it->second.summary->conflict();
  }
  return &it->second;
}

absl::StatusOr<ClaimsProjection::GroupEntry*> ClaimsProjection::LoadGroup(const std::string& gid,
                                                                          ApplyContext& ctx) {
  auto [it, inserted] = groups_.try_emplace(gid);
  if (inserted) {
    ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(keys::Group(gid), it->second.state));
    it->second.existed = found;
  }
  return &it->second;
}

absl::StatusOr<std::vector<v1::Attestation>> ClaimsProjection::ArticleAttestations(
    const std::string& cid, uint64_t article, bool fresh, ApplyContext& ctx) {
  std::vector<v1::Attestation> out;
  bool bad = false;
  RETURN_IF_ERROR(ctx.state.ScanPrefix(
      keys::AttestationArticlePrefix(cid, article),
      [&](absl::string_view, absl::string_view value) {
        out.emplace_back();
        if (!out.back().ParseFromArray(value.data(), static_cast<int>(value.size()))) bad = true;
        return !bad;
      },
      /*overlay_only=*/fresh));
  if (bad) {
    return absl::DataLossError(absl::StrCat("projection ", ctx.state.ns(),
                                            ": an attestation of "
                                            "cluster ",
                                            cid, " does not parse"));
  }
  return out;
}

absl::Status ClaimsProjection::Insert(const std::string& cid, const v1::GroupState& group,
                                      const std::string& bucket, bool floating,
                                      const v1::Attestation& att, bool fresh, ApplyContext& ctx) {
  ASSIGN_OR_RETURN(ClusterEntry * c, LoadCluster(cid, ctx));
  v1::ClusterSummary& s = *c->summary;
  if (s.id().empty()) {
    s.set_id(cid);
    s.set_kind(group.kind());
    s.set_subject(group.subject());
    s.set_object(group.object());
    s.set_bucket_start(bucket);
    s.set_bucket(rules_.bucket());
    s.set_floating(floating);
  }
  const bool figured = AttestationHasFigure(att);
  const v1::Quantity& q = att.claim().quantity();
  ArticleContext context;
  if (fresh && att.article_sequence() == fresh_article_) {
    for (const PlacedClaim& p : fresh_placed_) {
      if (p.cluster != c) continue;
      context.first_in_cluster = false;
      if (!p.figured) continue;
      context.first_figured = false;
      if (figured && p.direction == att.claim().direction() && p.unit == q.unit() &&
          p.has_low == q.has_low() && p.has_high == q.has_high() && p.approx == q.approx() &&
          (!p.has_low || p.low == q.low()) && (!p.has_high || p.high == q.high())) {
        context.first_with_figure = false;
      }
    }
  } else {
    ASSIGN_OR_RETURN(std::vector<v1::Attestation> others,
                     ArticleAttestations(cid, att.article_sequence(), /*fresh=*/false, ctx));
    context = ContextFor(att, others);
  }
  if (att.article_sequence() == fresh_article_) {
    fresh_placed_.push_back({c, att.claim_index(), figured, att.claim().direction(), q.unit(),
                             q.has_low(), q.has_high(), q.approx(), q.low(), q.high()});
  }
  AddToSummary(att, context, s, &c->sources);
  c->dirty = true;
  ctx.state.PutMessage(keys::Attestation(cid, att.article_sequence(), att.claim_index()), att);
  return absl::OkStatus();
}

absl::StatusOr<v1::Attestation> ClaimsProjection::Erase(const std::string& cid, uint64_t article,
                                                        uint32_t claim, ApplyContext& ctx) {
  ASSIGN_OR_RETURN(ClusterEntry * c, LoadCluster(cid, ctx));
  const std::string key = keys::Attestation(cid, article, claim);
  v1::Attestation att;
  ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(key, att));
  if (!found) {
    return absl::DataLossError(
        absl::StrCat("projection ", ctx.state.ns(), ": row \"", key, "\" is missing"));
  }
  ctx.state.Delete(key);
  if (article == fresh_article_) {
    fresh_placed_.erase(
        std::remove_if(fresh_placed_.begin(), fresh_placed_.end(),
                       [&](const PlacedClaim& p) { return p.cluster == c && p.claim == claim; }),
        fresh_placed_.end());
  }
  ASSIGN_OR_RETURN(std::vector<v1::Attestation> others,
                   ArticleAttestations(cid, article, /*fresh=*/false, ctx));
  if (RemoveFromSummary(att, ContextFor(att, others), *c->summary, &c->sources)) {
    c->bounds_dirty = true;
  }
  c->dirty = true;
  return att;
}

absl::Status ClaimsProjection::AddPinned(const std::string& gid, const std::string& bucket,
                                         ApplyContext& ctx) {
  ASSIGN_OR_RETURN(GroupEntry * g, LoadGroup(gid, ctx));
  g->dirty = true;
  auto* pinned = g->state.mutable_pinned();
  auto it = std::lower_bound(
      pinned->begin(), pinned->end(), bucket,
      [](const v1::PinnedBucket& b, const std::string& start) { return b.start() < start; });
  if (it != pinned->end() && it->start() == bucket) {
    it->set_attestations(it->attestations() + 1);
    return absl::OkStatus();
  }
  const int pos = static_cast<int>(it - pinned->begin());
  v1::PinnedBucket* added = pinned->Add();
  added->set_start(bucket);
  added->set_attestations(1);
  for (int i = pinned->size() - 1; i > pos; --i) pinned->SwapElements(i, i - 1);
  return Replace(gid, bucket, /*created=*/true, ctx);
}

absl::Status ClaimsProjection::RemovePinned(const std::string& gid, const std::string& bucket,
                                            ApplyContext& ctx) {
  ASSIGN_OR_RETURN(GroupEntry * g, LoadGroup(gid, ctx));
  g->dirty = true;
  auto* pinned = g->state.mutable_pinned();
  for (int i = 0; i < pinned->size(); ++i) {
    if (pinned->Get(i).start() != bucket) continue;
    v1::PinnedBucket* b = pinned->Mutable(i);
    if (b->attestations() > 1) {
      b->set_attestations(b->attestations() - 1);
      return absl::OkStatus();
    }
    pinned->DeleteSubrange(i, 1);
    return Replace(gid, bucket, /*created=*/false, ctx);
  }
  return absl::DataLossError(absl::StrCat("projection ", ctx.state.ns(), ": group ", gid,
                                          " has no dated bucket ", bucket));
}

std::string ClaimsProjection::LatestPinned(const v1::GroupState& group, const std::string& from,
                                           const std::string& to) const {
  for (int i = group.pinned_size() - 1; i >= 0; --i) {
    const std::string& start = group.pinned(i).start();
    if (start > to) continue;
    absl::StatusOr<absl::CivilDay> day = ParseIsoDate(start);
    if (!day.ok()) continue;
    if (FormatIsoDate(BucketEnd(*day, rules_.bucket())) >= from) return start;
    break;  // earlier buckets end earlier still
  }
  return "";
}

absl::Status ClaimsProjection::Replace(const std::string& gid, const std::string& bucket,
                                       bool created, ApplyContext& ctx) {
  ASSIGN_OR_RETURN(absl::CivilDay start, ParseIsoDate(bucket));
  const absl::CivilDay end = BucketEnd(start, rules_.bucket());
  const std::string end_iso = FormatIsoDate(end);
  // A floating claim that meets [start, end] has its window's end in
  // [start, end + max_window_days]: its f/ key's month is one of these.
  const absl::CivilMonth last(end + rules_.max_window_days());
  std::vector<std::pair<std::string, v1::FloatingEntry>> moves;
  bool bad = false;
  ASSIGN_OR_RETURN(GroupEntry * group, LoadGroup(gid, ctx));
  const std::string first_month = absl::StrFormat("%04d-%02d", start.year(), start.month());
  const std::string last_month = absl::StrFormat("%04d-%02d", last.year(), last.month());
  std::vector<std::string> months;
  for (const v1::FloatingMonth& m : group->state.floating()) {
    if (m.month() >= first_month && m.month() <= last_month) months.push_back(m.month());
  }
  for (const std::string& month : months) {
    RETURN_IF_ERROR(ctx.state.ScanPrefix(
        keys::FloatingMonthPrefix(gid, month), [&](absl::string_view key, absl::string_view value) {
          v1::FloatingEntry fe;
          if (!fe.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
            bad = true;
            return false;
          }
          if (fe.window_from().empty() || fe.window_to() < bucket || fe.window_from() > end_iso) {
            return true;
          }
          const bool affected = created
                                    ? (fe.placed_bucket().empty() || fe.placed_bucket() < bucket)
                                    : fe.placed_bucket() == bucket;
          if (affected) moves.emplace_back(std::string(key), std::move(fe));
          return true;
        }));
    if (bad) {
      return absl::DataLossError(absl::StrCat(
          "projection ", ctx.state.ns(), ": a floating row of group ", gid, " does not parse"));
    }
  }
  if (moves.empty()) return absl::OkStatus();
  GroupEntry* g = group;
  for (auto& [fkey, fe] : moves) {
    ASSIGN_OR_RETURN(auto article_claim, ArticleAndClaimOf(fkey));
    const std::string placed =
        created ? bucket : LatestPinned(g->state, fe.window_from(), fe.window_to());
    const bool at_home = placed.empty();
    const std::string target_bucket = at_home ? fe.home() : placed;
    const std::string cid = keys::ClusterId(gid, at_home, target_bucket);
    if (cid == fe.cluster()) continue;
    ASSIGN_OR_RETURN(v1::Attestation att,
                     Erase(fe.cluster(), article_claim.first, article_claim.second, ctx));
    RETURN_IF_ERROR(Insert(cid, g->state, target_bucket, at_home, att, /*fresh=*/false, ctx));
    fe.set_placed_bucket(placed);
    fe.set_cluster(cid);
    ctx.state.PutMessage(fkey, fe);
  }
  return absl::OkStatus();
}

void ClaimsProjection::CountFloating(GroupEntry& g, const std::string& month, int delta) {
  g.dirty = true;
  auto* floating = g.state.mutable_floating();
  auto it = std::lower_bound(
      floating->begin(), floating->end(), month,
      [](const v1::FloatingMonth& m, const std::string& key) { return m.month() < key; });
  if (it != floating->end() && it->month() == month) {
    const int64_t n = static_cast<int64_t>(it->entries()) + delta;
    if (n > 0) {
      it->set_entries(static_cast<uint32_t>(n));
    } else {
      floating->erase(it);
    }
    return;
  }
  if (delta <= 0) return;
  const int pos = static_cast<int>(it - floating->begin());
  v1::FloatingMonth* added = floating->Add();
  added->set_month(month);
  added->set_entries(static_cast<uint32_t>(delta));
  for (int i = floating->size() - 1; i > pos; --i) floating->SwapElements(i, i - 1);
}

void ClaimsProjection::NoteName(const std::string& entity, const v1::EntityRef& ref) {
  uint64_t h = keys::StableHash(entity);
  h = h * 31 + keys::StableHash(ref.text());
  h = h * 31 + keys::StableHash(ref.key());
  h = h * 31 + static_cast<uint64_t>(ref.type());
  for (;; ++h) {  // linear probing over the hash values themselves
    auto [it, inserted] = pending_index_.try_emplace(h, pending_names_.size());
    if (inserted) {
      pending_names_.push_back({entity, ref.text(), ref.key(), ref.type(), 1});
      return;
    }
    PendingName& p = pending_names_[it->second];
    if (p.entity == entity && p.text == ref.text() && p.key == ref.key() && p.type == ref.type()) {
      ++p.mentions;
      return;
    }
  }
}

absl::Status ClaimsProjection::IndexNames(ApplyContext& ctx) {
  for (const PendingName& p : pending_names_) {
    std::string names[3] = {FoldName(p.text), FoldName(p.key), FoldName(p.entity)};
    for (int i = 0; i < 3; ++i) {
      if (names[i].empty() || (i > 0 && names[i] == names[0]) || (i == 2 && names[2] == names[1])) {
        continue;
      }
      const std::string key = keys::Alias(names[i], p.entity);
      auto [it, inserted] = aliases_.try_emplace(key);
      if (inserted) RETURN_IF_ERROR(ctx.state.GetMessage(key, it->second.entry).status());
      it->second.entry.set_mentions(it->second.entry.mentions() + p.mentions);
      it->second.dirty = true;
    }
    auto [it, inserted] = entities_.try_emplace(p.entity);
    v1::EntityInfo& info = it->second.info;
    if (inserted) {
      ASSIGN_OR_RETURN(bool found, ctx.state.GetMessage(keys::Entity(p.entity), info));
      if (!found) info.set_id(p.entity);
    }
    it->second.dirty = true;
    info.set_mentions(info.mentions() + p.mentions);
    if (info.type() == v1::ENTITY_TYPE_UNSPECIFIED) info.set_type(p.type);
    if (p.text.empty()) continue;
    bool seen = false;
    for (v1::NameCount& n : *info.mutable_names()) {
      if (n.name() == p.text) {
        n.set_mentions(n.mentions() + p.mentions);
        seen = true;
        break;
      }
    }
    // Capped when a name is first seen, never by dropping one, so the list does not
    // depend on where chunks begin.
    if (!seen && static_cast<size_t>(info.names_size()) < kMaxNames) {
      v1::NameCount* n = info.add_names();
      n->set_name(p.text);
      n->set_mentions(p.mentions);
    }
  }
  pending_names_.clear();
  pending_index_.clear();
  return absl::OkStatus();
}

absl::Status ClaimsProjection::Flush(ApplyContext& ctx) {
  StateCache& state = ctx.state;
  RETURN_IF_ERROR(IndexNames(ctx));
  for (auto& [cid, c] : clusters_) {
    if (!c.dirty) continue;
    v1::ClusterSummary& s = *c.summary;
    std::vector<std::string> timeline = {keys::Timeline(s.subject(), s.bucket_start(), cid)};
    std::vector<std::string> conflict = {keys::Conflict(s.subject(), s.bucket_start(), cid)};
    if (!s.object().empty()) {
      timeline.push_back(keys::Timeline(s.object(), s.bucket_start(), cid));
      conflict.push_back(keys::Conflict(s.object(), s.bucket_start(), cid));
    }
    c.dirty = false;
    if (s.attestations() == 0) {
      if (c.existed) {
        state.Delete(keys::Summary(cid));
        for (const std::string& k : timeline) state.Delete(k);
      }
      if (c.was_conflict) {
        for (const std::string& k : conflict) state.Delete(k);
      }
      c.existed = false;
      c.was_conflict = false;
      continue;
    }
    if (c.bounds_dirty) {
      std::vector<v1::Attestation> all;
      bool bad = false;
      RETURN_IF_ERROR(state.ScanPrefix(
          keys::AttestationPrefix(cid), [&](absl::string_view, absl::string_view value) {
            all.emplace_back();
            bad = !all.back().ParseFromArray(value.data(), static_cast<int>(value.size()));
            return !bad;
          }));
      if (bad) {
        return absl::DataLossError(absl::StrCat(
            "projection ", state.ns(), ": an attestation of cluster ", cid, " does not parse"));
      }
      SetBounds(all, s);
      c.bounds_dirty = false;
    }
    FinalizeSummary(rules_, s);
    c.sources.Invalidate();  // Finalize sorted them
    std::string compact;
    if (s.sources_size() > kTopSources) {
      CompactCopy(s).SerializeToString(&compact);
    } else {
      s.SerializeToString(&compact);
    }
    for (const std::string& k : timeline) state.Put(k, compact);
    for (const std::string& k : conflict) {
      if (s.conflict()) {
        state.Put(k, compact);
      } else if (c.was_conflict) {
        state.Delete(k);
      }
    }
    state.PutMessage(keys::Summary(cid), s);
    c.existed = true;
    c.was_conflict = s.conflict();
  }
  for (auto& [gid, g] : groups_) {
    if (!g.dirty) continue;
    g.dirty = false;
    if (g.state.pinned().empty() && g.state.floating().empty()) {
      if (g.existed) state.Delete(keys::Group(gid));
      g.existed = false;
    } else {
      state.PutMessage(keys::Group(gid), g.state);
      g.existed = true;
    }
  }
  for (auto& [key, a] : aliases_) {
    if (!a.dirty) continue;
    state.PutMessage(key, a.entry);
    a.dirty = false;
  }
  for (auto& [id, e] : entities_) {
    if (!e.dirty) continue;
    std::sort(e.info.mutable_names()->begin(), e.info.mutable_names()->end(),
              [](const v1::NameCount& a, const v1::NameCount& b) {
                return a.mentions() != b.mentions() ? a.mentions() > b.mentions()
                                                    : a.name() < b.name();
              });
    state.PutMessage(keys::Entity(id), e.info);
    e.dirty = false;
  }
  if (clusters_.size() > kMaxCachedClusters || arena_->SpaceUsed() > kMaxArenaBytes) {
    clusters_.clear();
    arena_->Reset();
  }
  if (groups_.size() + aliases_.size() + entities_.size() > kMaxCachedRows) {
    groups_.clear();
    aliases_.clear();
    entities_.clear();
  }
  return absl::OkStatus();
}

}  // namespace claimline::projections
