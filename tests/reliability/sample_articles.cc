#include "tests/reliability/sample_articles.h"

#include <array>
#include <random>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace claimline::reliability {
namespace {

struct Cast {
  const char* id;
  const char* name;
  v1::EntityType type;
};

// A small cast, so that claims from different articles meet in the same clusters.
constexpr std::array<Cast, 6> kCast = {{
    {"harbor-lantern", "Harbor Lantern Works", v1::ENTITY_TYPE_ORGANIZATION},
    {"quill-mesa", "Quill & Mesa", v1::ENTITY_TYPE_ORGANIZATION},
    {"orla-venn", "Orla Venn", v1::ENTITY_TYPE_PERSON},
    {"tidewire", "Tidewire 3", v1::ENTITY_TYPE_PRODUCT},
    {"copperfield-index", "Copperfield Index", v1::ENTITY_TYPE_INDEX},
    {"marlow-daily", "Marlow Daily", v1::ENTITY_TYPE_OUTLET},
}};

constexpr std::array<const char*, 5> kSources = {
    "gazette.example", "ledger.example", "wire.example", "courier.example", "bulletin.example"};

constexpr std::array<const char*, 8> kSentences = {
    "The harbor office counted the lanterns again after the storm.",
    "Analysts at the dockside cafe argued about the figures until late.",
    "A spokesperson declined to say when the next shipment would leave.",
    "Orders from inland towns rose while the coastal ones stayed flat.",
    "The board reviewed the quarterly ledger on a grey Thursday.",
    "Several readers wrote in to ask why the bridge lights were dim.",
    "Workers repainted the signal tower in the company's old colours.",
    "The index committee published its revised weights at noon.",
};

std::mt19937_64 RngFor(uint64_t run, uint64_t index, uint64_t salt) {
  std::seed_seq seq{static_cast<uint32_t>(run), static_cast<uint32_t>(run >> 32),
                    static_cast<uint32_t>(index), static_cast<uint32_t>(index >> 32),
                    static_cast<uint32_t>(salt)};
  return std::mt19937_64(seq);
}

v1::EntityRef Ref(const Cast& c) {
  v1::EntityRef ref;
  ref.set_entity(c.id);
  ref.set_text(c.name);
  ref.set_key(c.id);
  ref.set_type(c.type);
  return ref;
}

std::string Day(int month, int day) {
  return absl::StrCat("2025-", month < 10 ? "0" : "", month, "-", day < 10 ? "0" : "", day);
}

v1::Claim OneClaim(std::mt19937_64& rng) {
  v1::Claim claim;
  const int month = 1 + static_cast<int>(rng() % 3);
  const int day = 1 + static_cast<int>(rng() % 28);
  switch (rng() % 4) {
    case 0: {  // a share price move, figures that sometimes disagree
      claim.set_kind("price_change");
      *claim.mutable_subject() = Ref(kCast[rng() % 2]);
      claim.set_direction(rng() % 3 == 0 ? v1::DIRECTION_UP : v1::DIRECTION_DOWN);
      v1::Quantity* q = claim.mutable_quantity();
      const double pct = 10.0 + static_cast<double>(rng() % 5);
      q->set_unit("percent");
      q->set_low(pct);
      q->set_high(pct);
      q->set_text(absl::StrCat(pct, "%"));
      break;
    }
    case 1: {  // a market value change in dollars, sometimes vague
      claim.set_kind("market_value_change");
      *claim.mutable_subject() = Ref(kCast[rng() % 2]);
      claim.set_direction(v1::DIRECTION_DOWN);
      v1::Quantity* q = claim.mutable_quantity();
      q->set_unit("USD");
      if (rng() % 4 == 0) {
        q->set_low(1e10);
        q->set_high(1e11);
        q->set_text("tens of billions");
      } else {
        const double v = 1e9 * static_cast<double>(500 + 50 * (rng() % 3));
        q->set_low(v);
        q->set_high(v);
        q->set_text(absl::StrCat(v / 1e9, " billion"));
      }
      break;
    }
    case 2:  // a release
      claim.set_kind("release");
      *claim.mutable_subject() = Ref(kCast[1]);
      *claim.mutable_object() = Ref(kCast[3]);
      break;
    default:  // an interview
      claim.set_kind("interview");
      *claim.mutable_subject() = Ref(kCast[2]);
      *claim.mutable_object() = Ref(kCast[5]);
      break;
  }
  v1::ValidTime* when = claim.mutable_when();
  if (rng() % 3 == 0) {
    when->set_from(Day(month, 1));
    when->set_to(Day(month, 28));
    when->set_granularity(v1::GRANULARITY_MONTH);
  } else {
    when->set_from(Day(month, day));
    when->set_to(Day(month, day));
    when->set_granularity(v1::GRANULARITY_DAY);
  }
  when->set_anchor(v1::ANCHOR_ABSOLUTE);
  claim.set_modality(rng() % 5 == 0 ? v1::MODALITY_REPORTED : v1::MODALITY_ASSERTED);
  claim.mutable_evidence()->set_begin(0);
  claim.mutable_evidence()->set_end(40);
  claim.set_confidence(0.5f + static_cast<float>(rng() % 5) / 10.0f);
  return claim;
}

}  // namespace

std::string SampleText(uint64_t run, uint64_t index) {
  std::mt19937_64 rng = RngFor(run, index, 1);
  std::string text = absl::StrCat("Report ", run, "-", index, " from the lantern coast.\n\n");
  // 2 to ~60 sentences: texts from a couple of hundred bytes to a few kilobytes.
  const int sentences = 2 + static_cast<int>(rng() % (rng() % 8 == 0 ? 60 : 8));
  for (int i = 0; i < sentences; ++i) {
    absl::StrAppend(&text, kSentences[rng() % kSentences.size()], i % 4 == 3 ? "\n\n" : " ");
  }
  absl::StrAppend(&text, "\nFiled as item ", index, " of run ", run, ".\n");
  return text;
}

SampleArticle MakeArticle(uint64_t run, uint64_t index, const BatchPlace& place) {
  SampleArticle a;
  a.text = SampleText(run, index);
  std::mt19937_64 rng = RngFor(run, index, 2);
  v1::ArticleRecorded* recorded = a.event.mutable_article_recorded();
  v1::Article* article = recorded->mutable_article();
  article->set_source(kSources[rng() % kSources.size()]);
  article->set_url(absl::StrCat("https://", article->source(), "/", run, "/", index));
  article->set_title(
      absl::StrCat("r", run, " a", index, " b", place.batch, " ", place.member, "/", place.size));
  article->set_language("en");
  article->set_published(Day(1 + static_cast<int>(rng() % 3), 1 + static_cast<int>(rng() % 28)));
  const int claims = static_cast<int>(rng() % 4);
  for (int i = 0; i < claims; ++i) *recorded->add_claims() = OneClaim(rng);
  recorded->mutable_extractor()->set_name("reliability-sample");
  recorded->mutable_extractor()->set_version("1");
  return a;
}

std::optional<SampleTitle> ParseSampleTitle(const std::string& title) {
  const std::vector<std::string> parts = absl::StrSplit(title, ' ');
  if (parts.size() != 4 || parts[0].size() < 2 || parts[0][0] != 'r' || parts[1].size() < 2 ||
      parts[1][0] != 'a' || parts[2].size() < 2 || parts[2][0] != 'b') {
    return std::nullopt;
  }
  const std::vector<std::string> frac = absl::StrSplit(parts[3], '/');
  SampleTitle t;
  if (frac.size() != 2 || !absl::SimpleAtoi(parts[0].substr(1), &t.run) ||
      !absl::SimpleAtoi(parts[1].substr(1), &t.index) ||
      !absl::SimpleAtoi(parts[2].substr(1), &t.place.batch) ||
      !absl::SimpleAtoi(frac[0], &t.place.member) || !absl::SimpleAtoi(frac[1], &t.place.size) ||
      t.place.size == 0 || t.place.member >= t.place.size) {
    return std::nullopt;
  }
  return t;
}

std::vector<v1::Claim> MakeClaims(uint64_t run, uint64_t revision) {
  std::mt19937_64 rng = RngFor(run, revision, 3);
  std::vector<v1::Claim> claims;
  const int n = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < n; ++i) claims.push_back(OneClaim(rng));
  return claims;
}

}  // namespace claimline::reliability
