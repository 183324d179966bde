#include "bench/corpus.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "extract/lang_data.h"
#include "google/protobuf/text_format.h"

namespace claimline::bench {
namespace {

// SplitMix64: the whole generator's randomness; small, fast and identical everywhere.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t HashString(absl::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a, then mixed
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return Mix(h);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    uint64_t x = state_;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }
  // Below: uniform in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Unit: uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Below(v.size())];
  }

 private:
  uint64_t state_;
};

// Script checks for choosing a name a language's press would write.
bool IsLatin(absl::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0xE0) return false;  // a 3- or 4-byte UTF-8 sequence: not Latin
  }
  return true;
}

// NameFor: the name `lang` writes for the entity, or "" when it has none.
std::string NameFor(const v1::Entity& e, absl::string_view lang) {
  const bool cjk = lang == "zh" || lang == "zh-Hant" || lang == "ja";
  std::string own, shared_han, latin;
  for (const v1::EntityName& n : e.name()) {
    if (n.short_()) continue;
    if (n.lang() == lang) {
      if (own.empty()) own = n.text();
    } else if (n.lang().empty()) {
      if (IsLatin(n.text())) {
        if (latin.empty()) latin = n.text();
      } else if (shared_han.empty()) {
        shared_han = n.text();
      }
    }
  }
  if (!own.empty()) return own;
  if (cjk && !shared_han.empty()) return shared_han;
  return latin;
}

std::string FormatNumber(double v, char decimal) {
  std::string s;
  const double rounded = std::round(v * 10) / 10;
  if (rounded == std::floor(rounded)) {
    s = absl::StrFormat("%.0f", rounded);
  } else {
    s = absl::StrFormat("%.1f", rounded);
    if (decimal != '.') std::replace(s.begin(), s.end(), '.', decimal);
  }
  return s;
}

// Fill: replaces every {name} of `text` with its value in `slots`; unknown slots stay.
std::string Fill(absl::string_view text,
                 const std::vector<std::pair<absl::string_view, std::string>>& slots) {
  std::string out;
  out.reserve(text.size() + 64);
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == absl::string_view::npos) break;
    const size_t close = text.find('}', open);
    if (close == absl::string_view::npos) break;
    out.append(text.data() + i, open - i);
    const absl::string_view name = text.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [slot, value] : slots) {
      if (slot == name) {
        out += value;
        found = true;
        break;
      }
    }
    if (!found) out.append(text.data() + open, close + 1 - open);
    i = close + 1;
  }
  out.append(text.data() + i, text.size() - i);
  return out;
}

int DaysInMonth(int y, int m) {
  const absl::CivilDay first(y, m, 1);
  return static_cast<int>(absl::CivilDay(absl::CivilMonth(first) + 1) - first);
}

bool HasSlot(absl::string_view text, absl::string_view slot) {
  return text.find(absl::StrCat("{", slot, "}")) != absl::string_view::npos;
}

// kClaimSentenceShare: sentences that make a claim; the rest claim nothing. 0.3 gives
// about 14 claims in an article of 4 KB.
constexpr double kClaimSentenceShare = 0.3;

// Relative weights of the date forms, where they apply.
double FormWeight(DateForm f) {
  switch (f) {
    case DateForm::kDay:
    case DateForm::kMonth:
    case DateForm::kLastMonth:
      return 3;
    case DateForm::kDayNoYear:
    case DateForm::kMonthNoYear:
    case DateForm::kThisMonth:
    case DateForm::kYesterday:
      return 2;
    case DateForm::kNumericDay:
    case DateForm::kRecently:
      return 1;
    case DateForm::kYear:
      return 0.3;
  }
  return 1;
}

}  // namespace

// Writer: writes one fresh article.
class Corpus::Writer {
 public:
  Writer(const Corpus& corpus, const Pools& pools, uint64_t index, Rng& rng,
         absl::CivilDay published)
      : c_(corpus), p_(pools), t_(*pools.templates), index_(index), rng_(rng), pub_(published) {}

  void Write(CorpusArticle& a) {
    const CorpusOptions& o = c_.options_;
    main_ = rng_.Unit() < o.hot_share ? p_.hot : static_cast<int>(rng_.Below(p_.orgs.size()));
    for (int& other : others_) other = static_cast<int>(rng_.Below(p_.orgs.size()));
    a.title = Fill(rng_.Pick(t_.titles), {{"org", p_.orgs[main_].name}});

    const size_t target = 2048 + rng_.Below(4097);
    constexpr size_t kMax = 6144;
    std::string& text = a.text;
    int in_paragraph = 0;
    int paragraph_len = 3 + static_cast<int>(rng_.Below(3));
    while (text.size() < target) {
      std::string s = rng_.Unit() < kClaimSentenceShare ? ClaimSentence() : Filler();
      std::string sep;
      if (!text.empty()) {
        if (in_paragraph >= paragraph_len) {
          sep = "\n\n";
          in_paragraph = 0;
          paragraph_len = 3 + static_cast<int>(rng_.Below(3));
        } else {
          sep = t_.sentence_space;
        }
      }
      if (text.size() + sep.size() + s.size() > kMax && text.size() >= 2048) break;
      text += sep;
      text += s;
      ++in_paragraph;
    }
    text += "\n";
  }

 private:
  int Org() { return rng_.Unit() < 0.6 ? main_ : others_[rng_.Below(2)]; }

  int PersonOf(int org) {
    const std::vector<int>& own = p_.persons_of_org[org];
    if (!own.empty() && rng_.Unit() < 0.8) return rng_.Pick(own);
    return static_cast<int>(rng_.Below(p_.persons.size()));
  }

  std::string Filler() {
    const int org = Org();
    return Fill(rng_.Pick(t_.fillers),
                {{"org", p_.orgs[org].name}, {"person", p_.persons[PersonOf(org)].name}});
  }

  std::string ClaimSentence() {
    const ClaimTemplate& ct = rng_.Pick(t_.claims);
    int org = Org();
    int product = -1;
    if (HasSlot(ct.text, "product")) {
      // A product of the subject; when it makes none, of another maker (never the hot
      // entity, whose share of the corpus the options fix).
      if (p_.products_of_org[org].empty()) org = rng_.Pick(p_.makers);
      product = rng_.Pick(p_.products_of_org[org]);
    }
    const bool about_person = HasSlot(ct.text, "person");
    const int person = PersonOf(org);
    const std::string& subject = about_person ? p_.persons[person].id : p_.orgs[org].id;

    // The story's month: the publication month or one or two before it.
    const double roll = rng_.Unit();
    const int back = roll < 0.6 ? 0 : roll < 0.95 ? 1 : 2;
    const absl::CivilMonth month = absl::CivilMonth(pub_) - back;
    const uint64_t story =
        Mix(c_.options_.seed ^ Mix(HashString(subject) ^ (static_cast<uint64_t>(ct.kind) << 56) ^
                                   static_cast<uint64_t>(month.year() * 12 + month.month())));
    const bool conflict = rng_.Unit() < c_.options_.conflict_share;

    std::vector<std::pair<absl::string_view, std::string>> slots;
    slots.emplace_back("org", p_.orgs[org].name);
    int org2 = static_cast<int>(rng_.Below(p_.orgs.size()));
    if (org2 == org) org2 = (org2 + 1) % static_cast<int>(p_.orgs.size());
    slots.emplace_back("org2", p_.orgs[org2].name);
    slots.emplace_back("person", p_.persons[person].name);
    if (product >= 0) slots.emplace_back("product", p_.products[product].name);
    if (!p_.outlets.empty()) slots.emplace_back("outlet", rng_.Pick(p_.outlets).name);
    if (HasSlot(ct.text, "pct")) slots.emplace_back("pct", Percent(ct.kind, story, conflict));
    if (HasSlot(ct.text, "money")) slots.emplace_back("money", Money(ct.kind, story, conflict));
    if (HasSlot(ct.text, "date")) slots.emplace_back("date", Date(month, story));
    if (HasSlot(ct.text, "future")) slots.emplace_back("future", Future(story));
    return Fill(ct.text, slots);
  }

  std::string Percent(StoryKind kind, uint64_t story, bool conflict) {
    double base = kind == StoryKind::kPriceChange ? 0.5 + static_cast<double>(story % 250) / 10
                  : kind == StoryKind::kNetWorth  ? 2 + static_cast<double>(story % 400) / 10
                                                  : 1 + static_cast<double>(story % 300) / 10;
    if (conflict) {
      static constexpr double kFactors[] = {0.4, 1.8, 2.5};
      base *= kFactors[rng_.Below(3)];
    }
    const auto pct = [&](double v) {
      return Fill(t_.pct_format, {{"n", FormatNumber(v, t_.decimal)}});
    };
    const double roll = rng_.Unit();
    if (roll < 0.7 || base < 2) return Fill(rng_.Pick(t_.pct_exact), {{"x", pct(base)}});
    if (roll < 0.8) return Fill(rng_.Pick(t_.pct_nearly), {{"x", pct(std::ceil(base))}});
    if (roll < 0.9) return Fill(rng_.Pick(t_.pct_more), {{"x", pct(std::floor(base))}});
    return Fill(rng_.Pick(t_.pct_about), {{"x", pct(std::round(base))}});
  }

  std::string Money(StoryKind kind, uint64_t story, bool conflict) {
    const uint64_t h = Mix(story);
    double v;
    switch (kind) {
      case StoryKind::kMarketValue:
        v = static_cast<double>(5 + h % 896) * 1e9;
        break;
      case StoryKind::kNetWorth:
        v = static_cast<double>(1 + h % 60) * 1e9;
        break;
      case StoryKind::kCost:
        v = static_cast<double>(1 + h % 500) * 1e6;
        break;
      default:
        v = static_cast<double>(1 + h % 100) * 1e9;
        break;
    }
    if (conflict) {
      static constexpr double kFactors[] = {0.1, 0.4, 3};
      v *= kFactors[rng_.Below(3)];
    }
    const double roll = rng_.Unit();
    if (roll < 0.3) {
      for (const VagueMoney& vague : t_.vague_money) {
        if (v >= vague.low && v < vague.high) return vague.text;
      }
    }
    std::string exact;
    for (const MoneyScale& scale : t_.money) {
      if (v >= scale.scale || &scale == &t_.money.back()) {
        const double n = v / scale.scale;
        exact = Fill(rng_.Pick(scale.formats),
                     {{"n", FormatNumber(n >= 100 ? std::round(n) : n, t_.decimal)}});
        break;
      }
    }
    if (roll < 0.85) return exact;
    if (roll < 0.9) return Fill(rng_.Pick(t_.money_nearly), {{"x", exact}});
    if (roll < 0.95) return Fill(rng_.Pick(t_.money_more), {{"x", exact}});
    return Fill(rng_.Pick(t_.money_about), {{"x", exact}});
  }

  std::string Date(absl::CivilMonth month, uint64_t story) {
    const absl::CivilMonth pub_month(pub_);
    const bool same_month = month == pub_month;
    const bool same_year = month.year() == pub_.year();
    int day = same_month
                  ? 1 + static_cast<int>(Mix(story ^ 7) % pub_.day())
                  : 1 + static_cast<int>(Mix(story ^ 7) % DaysInMonth(month.year(), month.month()));
    // Choose among the forms that fit, by weight, then a template of that form.
    std::vector<const DateTemplate*> fitting;
    std::vector<double> weights;
    double total = 0;
    for (const DateTemplate& d : t_.dates) {
      bool fits = true;
      switch (d.form) {
        case DateForm::kDayNoYear:
        case DateForm::kMonthNoYear:
          fits = same_year;
          break;
        case DateForm::kLastMonth:
          fits = month == pub_month - 1;
          break;
        case DateForm::kThisMonth:
          fits = same_month;
          break;
        case DateForm::kYesterday:
          fits = same_month && pub_.day() > 1;
          break;
        default:
          break;
      }
      if (!fits) continue;
      fitting.push_back(&d);
      weights.push_back(FormWeight(d.form));
      total += weights.back();
    }
    double roll = rng_.Unit() * total;
    const DateTemplate* chosen = fitting.back();
    for (size_t i = 0; i < fitting.size(); ++i) {
      if (roll < weights[i]) {
        chosen = fitting[i];
        break;
      }
      roll -= weights[i];
    }
    if (chosen->form == DateForm::kYesterday) day = pub_.day() - 1;
    return DaySlots(chosen->text, month.year(), month.month(), day);
  }

  std::string Future(uint64_t story) {
    const absl::CivilDay when = pub_ + 3 + static_cast<int>(Mix(story ^ 11) % 40);
    std::vector<const char*> fitting;
    for (const char* f : t_.future_dates) {
      if (HasSlot(f, "y") || when.year() == pub_.year()) fitting.push_back(f);
    }
    return DaySlots(rng_.Pick(fitting), static_cast<int>(when.year()), when.month(), when.day());
  }

  std::string DaySlots(absl::string_view text, int64_t y, int m, int d) {
    return Fill(text, {{"d", absl::StrCat(d)},
                       {"dd", absl::StrFormat("%02d", d)},
                       {"mm", absl::StrFormat("%02d", m)},
                       {"month", t_.months[m - 1]},
                       {"y", absl::StrCat(y)}});
  }

  const Corpus& c_;
  const Pools& p_;
  const LanguageTemplates& t_;
  uint64_t index_;
  Rng& rng_;
  absl::CivilDay pub_;
  int main_ = 0;
  int others_[2] = {0, 0};
};

absl::StatusOr<std::unique_ptr<Corpus>> Corpus::Create(const CorpusOptions& options) {
  std::optional<absl::string_view> data = extract::EmbeddedLangFile("entities.textproto");
  if (!data.has_value()) {
    return absl::FailedPreconditionError("the gazetteer entities.textproto is not embedded");
  }
  v1::Gazetteer gazetteer;
  if (!google::protobuf::TextFormat::ParseFromString(std::string(*data), &gazetteer)) {
    return absl::FailedPreconditionError(
        "the embedded gazetteer entities.textproto does not parse");
  }

  std::vector<std::string> languages = options.languages;
  if (languages.empty()) {
    for (const LanguageTemplates& t : AllTemplates()) languages.push_back(t.tag);
  }
  std::vector<Pools> all;
  for (const std::string& lang : languages) {
    const LanguageTemplates* templates = nullptr;
    for (const LanguageTemplates& t : AllTemplates()) {
      if (t.tag == lang) templates = &t;
    }
    if (templates == nullptr) {
      std::vector<std::string> tags;
      for (const LanguageTemplates& t : AllTemplates()) tags.push_back(t.tag);
      return absl::InvalidArgumentError(absl::StrCat("the benchmark corpus has no templates for '",
                                                     lang, "' (it writes ",
                                                     absl::StrJoin(tags, ", "), ")"));
    }
    Pools p;
    p.templates = templates;
    p.hot = -1;
    std::vector<std::pair<std::string, std::string>> affiliations;  // (entity id, org id)
    for (const v1::Entity& e : gazetteer.entity()) {
      std::string name = NameFor(e, lang);
      if (name.empty()) continue;
      Named n{e.id(), std::move(name), -1};
      switch (e.type()) {
        case v1::ENTITY_TYPE_ORGANIZATION:
          if (e.id() == options.hot_entity) p.hot = static_cast<int>(p.orgs.size());
          p.orgs.push_back(std::move(n));
          break;
        case v1::ENTITY_TYPE_PERSON:
          affiliations.emplace_back(e.id(), e.affiliation());
          p.persons.push_back(std::move(n));
          break;
        case v1::ENTITY_TYPE_PRODUCT:
          affiliations.emplace_back(e.id(), e.affiliation());
          p.products.push_back(std::move(n));
          break;
        case v1::ENTITY_TYPE_OUTLET:
          p.outlets.push_back(std::move(n));
          break;
        default:
          break;
      }
    }
    if (p.hot < 0) {
      return absl::InvalidArgumentError(absl::StrCat("hot entity '", options.hot_entity,
                                                     "' is not an organization with a name in '",
                                                     lang, "'"));
    }
    auto org_index = [&p](const std::string& id) {
      for (size_t i = 0; i < p.orgs.size(); ++i) {
        if (p.orgs[i].id == id) return static_cast<int>(i);
      }
      return -1;
    };
    p.persons_of_org.resize(p.orgs.size());
    p.products_of_org.resize(p.orgs.size());
    size_t next_person = 0, next_product = 0;
    std::vector<Named> products;
    for (const auto& [id, affiliation] : affiliations) {
      const int org = affiliation.empty() ? -1 : org_index(affiliation);
      if (next_person < p.persons.size() && p.persons[next_person].id == id) {
        p.persons[next_person].maker = org;
        if (org >= 0) p.persons_of_org[org].push_back(static_cast<int>(next_person));
        ++next_person;
      } else if (next_product < p.products.size() && p.products[next_product].id == id) {
        // Only products whose maker the corpus can name are kept.
        if (org >= 0) {
          Named product = p.products[next_product];
          product.maker = org;
          p.products_of_org[org].push_back(static_cast<int>(products.size()));
          products.push_back(std::move(product));
        }
        ++next_product;
      }
    }
    p.products = std::move(products);
    for (size_t org = 0; org < p.orgs.size(); ++org) {
      if (!p.products_of_org[org].empty() && static_cast<int>(org) != p.hot) {
        p.makers.push_back(static_cast<int>(org));
      }
    }
    if (p.persons.empty() || p.makers.size() < 2 || p.orgs.size() < 4) {
      return absl::FailedPreconditionError(
          absl::StrCat("the gazetteer has too few entities named in '", lang, "' for the corpus"));
    }
    all.push_back(std::move(p));
  }
  return std::unique_ptr<Corpus>(new Corpus(options, std::move(languages), std::move(all)));
}

CorpusArticle Corpus::Article(uint64_t index) const {
  Rng rng(Mix(options_.seed) ^ Mix(index + 0x5eed));
  CorpusArticle a;
  const bool duplicate = index > 0 && rng.Unit() < options_.duplicate_share;
  const uint64_t original = duplicate ? rng.Below(index) : index;
  if (duplicate) {
    // The same text as an earlier article, re-published by another source today.
    a = Article(original);
    const uint64_t root = a.duplicate ? a.duplicate_of : original;
    a.duplicate = true;
    a.duplicate_of = root;
  } else {
    a = Fresh(index);
  }
  const absl::CivilDay published =
      options_.first_day + static_cast<int64_t>(index / std::max(options_.articles_per_day, 1));
  a.index = index;
  a.published = absl::FormatCivilTime(published);
  a.source = absl::StrFormat("newswire-%02d.%s.example", rng.Below(24), a.language);
  a.url = absl::StrFormat("https://%s/%04d/%02d/%d", a.source, published.year(), published.month(),
                          index);
  return a;
}

CorpusArticle Corpus::Fresh(uint64_t index) const {
  Rng rng(Mix(options_.seed ^ 0xa5a5a5a5ULL) ^ Mix(index));
  const size_t lang = rng.Below(languages_.size());
  const absl::CivilDay published =
      options_.first_day + static_cast<int64_t>(index / std::max(options_.articles_per_day, 1));
  CorpusArticle a;
  a.language = languages_[lang];
  Writer(*this, pools_[lang], index, rng, published).Write(a);
  return a;
}

}  // namespace claimline::bench
