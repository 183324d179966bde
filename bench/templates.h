// The sentence templates of the synthetic benchmark corpus (corpus.h), one table per
// language: data only, original sentences written for the benchmark.
//
// A claim template is a sentence with slots the generator fills:
//   {org}      an organization (the claim's subject, unless the template has {person})
//   {org2}     a second organization (an acquisition target, a rival)
//   {person}   a person (subject of net-worth and interview claims)
//   {product}  a product; the sentence's {org} becomes the product's maker
//   {outlet}   a news outlet (object of an interview)
//   {pct}      a percentage, exact or approximate ("16.9%", "nearly 20%")
//   {money}    an amount of money, exact, approximate or vague ("tens of billions")
//   {date}     the event's date in any form the language writes (see DateForm)
//   {future}   a date after publication (scheduled events)
// Each claim template names a story kind; sentences of the same kind about the same
// subject in the same month tell the same story, and give the same figure unless the
// generator makes them disagree (the corpus's conflicts).
//
// Filler sentences carry no claim (they may name {org} or {person}); titles use {org}.
#ifndef CLAIMLINE_BENCH_TEMPLATES_H_
#define CLAIMLINE_BENCH_TEMPLATES_H_

#include <vector>

namespace claimline::bench {

// The story kinds; a figure's range depends on the kind.
enum class StoryKind {
  kPriceChange,   // {pct}: 0.5–25%
  kMarketValue,   // {money}: 5–900 billion
  kNetWorth,      // {pct} or {money}: 2–60 billion
  kRelease,       // {product} {date}
  kInterview,     // {person} {outlet} {date}
  kEarningsCall,  // {future}
  kCost,          // {money}: 1–500 million
  kSpending,      // {money}: 1–100 billion
  kRevenue,       // {pct}
};

struct ClaimTemplate {
  StoryKind kind;
  const char* text;
};

// The forms a date takes; the generator uses a form only where it fits the story's date
// relative to the publication date.
enum class DateForm {
  kDay,          // {d} {month} {y}
  kDayNoYear,    // {d} {month} (the story is in the publication year)
  kNumericDay,   // {dd}/{mm}/{y}
  kMonth,        // {month} {y}
  kMonthNoYear,  // {month} (the publication year)
  kLastMonth,    // the month before publication
  kThisMonth,    // the publication month
  kYesterday,    // the day before publication
  kRecently,     // a vague window before publication
  kYear,         // {y}
};

struct DateTemplate {
  DateForm form;
  const char* text;  // slots {d} {dd} {mm} {month} {y}
};

// MoneyScale: an amount written as `value / scale` with one of `formats` ("{n}" is the
// number): "${n} billion", "{n}亿美元".
struct MoneyScale {
  double scale;
  std::vector<const char*> formats;
};

// VagueMoney: a vague amount for values in [low, high): "tens of billions of dollars".
struct VagueMoney {
  double low;
  double high;
  const char* text;
};

struct LanguageTemplates {
  const char* tag;                  // BCP-47, as Extractor::Languages() names it
  const char* sentence_space;       // between sentences: " ", or "" for Chinese
  char decimal;                     // decimal separator: '.' or ','
  std::vector<const char*> months;  // 12 names, January first
  std::vector<DateTemplate> dates;
  std::vector<const char*> future_dates;  // slots as `dates`; day precision
  std::vector<const char*> pct_exact;     // "{x}" is the number with its % sign
  std::vector<const char*> pct_nearly;    // "nearly {x}": x rounded up
  std::vector<const char*> pct_more;      // "more than {x}": x rounded down
  std::vector<const char*> pct_about;     // "about {x}": x rounded
  const char* pct_format;                 // "{n}%", "{n} %"
  std::vector<MoneyScale> money;          // largest scale first
  std::vector<const char*> money_nearly;  // wrappers around an exact amount
  std::vector<const char*> money_more;
  std::vector<const char*> money_about;
  std::vector<VagueMoney> vague_money;
  std::vector<ClaimTemplate> claims;
  std::vector<const char*> fillers;
  std::vector<const char*> titles;
};

// AllTemplates: one entry per language the corpus can write.
const std::vector<LanguageTemplates>& AllTemplates();

}  // namespace claimline::bench

#endif  // CLAIMLINE_BENCH_TEMPLATES_H_
