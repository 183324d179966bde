#include "extract/cldr.h"

#include <cmath>
#include <memory>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "unicode/compactdecimalformat.h"
#include "unicode/datefmt.h"
#include "unicode/dtfmtsym.h"
#include "unicode/locid.h"
#include "unicode/measunit.h"
#include "unicode/numberformatter.h"
#include "unicode/reldatefmt.h"
#include "unicode/smpdtfmt.h"
#include "unicode/ucurr.h"
#include "unicode/unistr.h"

namespace claimline::extract {
namespace {

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// Trim: drops ASCII and Unicode spaces (NBSP, narrow NBSP) at both ends.
std::string Trim(const icu::UnicodeString& in) {
  icu::UnicodeString s(in);
  int32_t b = 0, e = s.length();
  auto space = [](UChar32 c) { return u_isUWhiteSpace(c) || c == 0x00A0 || c == 0x202F; };
  while (b < e && space(s.char32At(b))) b = s.moveIndex32(b, 1);
  while (e > b && space(s.char32At(s.moveIndex32(e, -1)))) e = s.moveIndex32(e, -1);
  return ToUtf8(s.tempSubStringBetween(b, e));
}

// SplitAroundNumber: splits `s` around its (single) run of decimal digits and the
// separators inside it. Returns false when there is no digit, or more than one run.
bool SplitAroundNumber(const icu::UnicodeString& s, icu::UnicodeString* prefix,
                       icu::UnicodeString* number, icu::UnicodeString* suffix) {
  int32_t first = -1, last = -1;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    UChar32 c = s.char32At(i);
    if (u_isdigit(c)) {
      if (first < 0) first = i;
      last = s.moveIndex32(i, 1);
    }
  }
  if (first < 0) return false;
  // Anything between the first and last digit must be a separator, not a letter.
  for (int32_t i = first; i < last; i = s.moveIndex32(i, 1)) {
    if (u_isalpha(s.char32At(i))) return false;
  }
  *prefix = s.tempSubStringBetween(0, first);
  *number = s.tempSubStringBetween(first, last);
  *suffix = s.tempSubStringBetween(last);
  return true;
}

// DigitsValue: the integer written by the digits of `number` (separators skipped).
double DigitsValue(const icu::UnicodeString& number) {
  double v = 0;
  for (int32_t i = 0; i < number.length(); i = number.moveIndex32(i, 1)) {
    UChar32 c = number.char32At(i);
    if (u_isdigit(c)) v = v * 10 + u_charDigitValue(c);
  }
  return v;
}

bool HasLetter(const std::string& utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    if (u_isalpha(s.char32At(i))) return true;
  }
  return false;
}

int LetterCount(const std::string& utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(utf8);
  int n = 0;
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    if (u_isalpha(s.char32At(i))) ++n;
  }
  return n;
}

bool IsLatinOnly(const std::string& utf8) {
  for (unsigned char c : utf8) {
    if (c >= 0x80) return false;
  }
  return true;
}

void HarvestNames(const icu::Locale& loc, v1::ValueLexicon* lex, CldrExtras* extras) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols dfs(loc, status);
  if (U_FAILURE(status)) return;
  absl::flat_hash_set<std::string> seen;
  for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      int32_t count = 0;
      const icu::UnicodeString* months = dfs.getMonths(count, context, width);
      for (int32_t i = 0; i < count && i < 12; ++i) {
        std::string name = Trim(months[i]);
        if (name.empty() || !seen.insert(absl::StrCat(name, "|", i)).second) continue;
        v1::MonthName* m = lex->add_months();
        m->set_phrase(name);
        m->set_month(i + 1);
        m->set_abbreviated(width == icu::DateFormatSymbols::ABBREVIATED);
      }
      count = 0;
      const icu::UnicodeString* days = dfs.getWeekdays(count, context, width);
      // getWeekdays: index 1 = Sunday … 7 = Saturday (index 0 is empty).
      for (int32_t i = 1; i < count && i <= 7; ++i) {
        std::string name = Trim(days[i]);
        if (name.empty()) continue;
        int weekday = i == 1 ? 7 : i - 1;
        if (width == icu::DateFormatSymbols::WIDE) {
          if (!seen.insert(absl::StrCat("w", name, "|", weekday)).second) continue;
          v1::WeekdayName* w = lex->add_weekdays();
          w->set_phrase(name);
          w->set_weekday(weekday);
        } else {
          if (!seen.insert(absl::StrCat("a", name, "|", weekday)).second) continue;
          v1::WeekdayName w;
          w.set_phrase(name);
          w.set_weekday(weekday);
          extras->abbreviated_weekdays.push_back(w);
        }
      }
      count = 0;
      const icu::UnicodeString* quarters = dfs.getQuarters(count, context, width);
      for (int32_t i = 0; i < count && i < 4; ++i) {
        std::string name = Trim(quarters[i]);
        if (name.empty() || !seen.insert(absl::StrCat("q", name, "|", i)).second) continue;
        v1::QuarterName* q = lex->add_quarters();
        q->set_phrase(name);
        q->set_quarter(i + 1);
      }
    }
  }
}

void AddFixed(v1::ValueLexicon* lex, const icu::UnicodeString& text, v1::Granularity unit,
              int offset) {
  std::string phrase = Trim(text);
  if (phrase.empty()) return;
  // A phrase with a digit is a template, not a fixed phrase ("in 1 day" in some locales).
  for (char c : phrase) {
    if (c >= '0' && c <= '9') return;
  }
  v1::DatePhrase* p = lex->add_date_phrases();
  p->set_phrase(phrase);
  p->set_kind(v1::DATE_PHRASE_KIND_FIXED);
  p->set_unit(unit);
  p->set_offset(offset);
}

void HarvestRelative(const icu::Locale& loc, v1::ValueLexicon* lex) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RelativeDateTimeFormatter fmt(loc, nullptr, UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_NONE,
                                     status);
  if (U_FAILURE(status)) return;
  struct Dir {
    UDateDirection dir;
    int offset;
  };
  const Dir kDayDirs[] = {{UDAT_DIRECTION_LAST, -1},
                          {UDAT_DIRECTION_LAST_2, -2},
                          {UDAT_DIRECTION_THIS, 0},
                          {UDAT_DIRECTION_NEXT, 1},
                          {UDAT_DIRECTION_NEXT_2, 2}};
  for (const Dir& d : kDayDirs) {
    icu::UnicodeString out;
    status = U_ZERO_ERROR;
    fmt.format(d.dir, UDAT_ABSOLUTE_DAY, out, status);
    if (U_SUCCESS(status)) AddFixed(lex, out, v1::GRANULARITY_DAY, d.offset);
  }
  struct Unit {
    UDateAbsoluteUnit abs;
    v1::Granularity g;
  };
  const Unit kUnits[] = {{UDAT_ABSOLUTE_WEEK, v1::GRANULARITY_WEEK},
                         {UDAT_ABSOLUTE_MONTH, v1::GRANULARITY_MONTH},
                         {UDAT_ABSOLUTE_QUARTER, v1::GRANULARITY_QUARTER},
                         {UDAT_ABSOLUTE_YEAR, v1::GRANULARITY_YEAR}};
  const Dir kDirs[] = {
      {UDAT_DIRECTION_LAST, -1}, {UDAT_DIRECTION_THIS, 0}, {UDAT_DIRECTION_NEXT, 1}};
  for (const Unit& u : kUnits) {
    for (const Dir& d : kDirs) {
      icu::UnicodeString out;
      status = U_ZERO_ERROR;
      fmt.format(d.dir, u.abs, out, status);
      if (U_SUCCESS(status)) AddFixed(lex, out, u.g, d.offset);
    }
  }

  // Templates: "3 days ago" → prefix "", suffix "days ago". Several counts catch the plural
  // forms of every language (one, few, many, other).
  struct RelUnit {
    URelativeDateTimeUnit rel;
    v1::Granularity g;
  };
  const RelUnit kRelUnits[] = {{UDAT_REL_UNIT_DAY, v1::GRANULARITY_DAY},
                               {UDAT_REL_UNIT_WEEK, v1::GRANULARITY_WEEK},
                               {UDAT_REL_UNIT_MONTH, v1::GRANULARITY_MONTH},
                               {UDAT_REL_UNIT_QUARTER, v1::GRANULARITY_QUARTER},
                               {UDAT_REL_UNIT_YEAR, v1::GRANULARITY_YEAR}};
  absl::flat_hash_set<std::string> seen;
  for (const RelUnit& u : kRelUnits) {
    for (int sign : {-1, 1}) {
      for (int n : {1, 2, 3, 5, 11, 21, 100}) {
        icu::UnicodeString out;
        status = U_ZERO_ERROR;
        fmt.formatNumeric(sign * n, u.rel, out, status);
        if (U_FAILURE(status)) continue;
        icu::UnicodeString prefix, number, suffix;
        if (!SplitAroundNumber(out, &prefix, &number, &suffix)) continue;
        std::string p = Trim(prefix), s = Trim(suffix);
        if (s.empty() && p.empty()) continue;
        if (!seen.insert(absl::StrCat(p, "|", s, "|", sign, "|", u.g)).second) continue;
        v1::RelativeNumberTemplate* t = lex->add_relative_templates();
        t->set_prefix(p);
        t->set_suffix(s);
        t->set_unit(u.g);
        t->set_sign(sign);
      }
    }
  }

  // Modifiers: "last Monday" minus the weekday name leaves "last", before the name.
  icu::DateFormatSymbols dfs(loc, status = U_ZERO_ERROR);
  if (U_FAILURE(status)) return;
  std::vector<icu::UnicodeString> monday_names;
  for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      int32_t count = 0;
      const icu::UnicodeString* days = dfs.getWeekdays(count, context, width);
      if (count > 2) monday_names.push_back(days[2]);
    }
  }
  absl::flat_hash_set<std::string> seen_mod;
  for (const Dir& d : kDirs) {
    icu::UnicodeString out;
    status = U_ZERO_ERROR;
    fmt.format(d.dir, UDAT_ABSOLUTE_MONDAY, out, status);
    if (U_FAILURE(status)) continue;
    icu::UnicodeString folded(out);
    folded.foldCase();
    for (const icu::UnicodeString& name : monday_names) {
      icu::UnicodeString n(name);
      n.foldCase();
      int32_t at = folded.indexOf(n);
      if (at < 0 || n.isEmpty()) continue;
      icu::UnicodeString before = out.tempSubStringBetween(0, at);
      icu::UnicodeString after = out.tempSubStringBetween(at + n.length());
      std::string b = Trim(before), a = Trim(after);
      if (!b.empty() == !a.empty()) break;  // on both sides or none: not a simple modifier
      std::string phrase = b.empty() ? a : b;
      if (!seen_mod.insert(absl::StrCat(phrase, "|", d.offset)).second) break;
      v1::DatePhrase* p = lex->add_date_phrases();
      p->set_phrase(phrase);
      p->set_kind(v1::DATE_PHRASE_KIND_MODIFIER);
      p->set_offset(d.offset);
      p->set_position(b.empty() ? v1::VALUE_POSITION_AFTER : v1::VALUE_POSITION_BEFORE);
      break;
    }
  }
}

void HarvestScales(const icu::Locale& loc, v1::ValueLexicon* lex) {
  absl::flat_hash_map<std::string, double> found;   // phrase → value; 0 = conflicting
  std::vector<std::pair<std::string, bool>> order;  // phrase, attached
  for (UNumberCompactStyle style : {UNUM_LONG, UNUM_SHORT}) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::CompactDecimalFormat> fmt(
        icu::CompactDecimalFormat::createInstance(loc, style, status));
    if (U_FAILURE(status) || fmt == nullptr) continue;
    for (int exp = 3; exp <= 15; ++exp) {
      for (double mantissa : {1.0, 2.0, 5.0}) {
        double value = mantissa * std::pow(10.0, exp);
        icu::UnicodeString out;
        fmt->format(value, out);
        icu::UnicodeString prefix, number, suffix;
        if (!SplitAroundNumber(out, &prefix, &number, &suffix)) continue;
        std::string p = Trim(prefix), s = Trim(suffix);
        if (!p.empty() && !s.empty()) continue;
        std::string word = p.empty() ? s : p;
        if (word.empty() || !HasLetter(word)) continue;
        double shown = DigitsValue(number);
        if (shown <= 0) continue;
        double scale = value / shown;
        double lg = std::log10(scale);
        if (std::fabs(lg - std::round(lg)) > 1e-9 || lg < 3 - 1e-9) continue;
        scale = std::pow(10.0, std::round(lg));
        bool attached = style == UNUM_SHORT && IsLatinOnly(word) && LetterCount(word) <= 1;
        auto it = found.find(word);
        if (it == found.end()) {
          found[word] = scale;
          order.push_back({word, attached});
        } else if (it->second != scale) {
          it->second = 0;  // the same word for two scales: ambiguous, dropped
        }
      }
    }
  }
  for (const auto& [word, attached] : order) {
    double scale = found[word];
    if (scale == 0) continue;
    v1::ScaleWord* s = lex->add_scales();
    s->set_phrase(word);
    s->set_value(scale);
    s->set_attached(attached);
  }
}

void HarvestPercent(const icu::Locale& loc, v1::ValueLexicon* lex) {
  absl::flat_hash_set<std::string> seen;
  for (double n : {1.0, 2.0, 5.0, 21.0}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = icu::number::NumberFormatter::withLocale(loc)
                                 .unit(icu::MeasureUnit::getPercent())
                                 .unitWidth(UNUM_UNIT_WIDTH_FULL_NAME)
                                 .formatDouble(n, status)
                                 .toString(status);
    if (U_FAILURE(status)) continue;
    icu::UnicodeString prefix, number, suffix;
    if (!SplitAroundNumber(out, &prefix, &number, &suffix)) continue;
    std::string p = Trim(prefix), s = Trim(suffix);
    if (!p.empty() && !s.empty()) continue;
    std::string word = p.empty() ? s : p;
    if (word.empty() || !HasLetter(word) || !seen.insert(word).second) continue;
    v1::UnitWord* u = lex->add_units();
    u->set_phrase(word);
    u->set_unit("percent");
    u->set_position(p.empty() ? v1::VALUE_POSITION_AFTER : v1::VALUE_POSITION_BEFORE);
  }
}

// The currencies news writes about. Codes that are also words ("TRY", "PHP", "ALL") are not
// registered as codes.
constexpr const char* kCurrencies[] = {
    "USD", "EUR", "CNY", "JPY", "GBP", "INR", "IDR", "KRW", "CHF", "CAD", "AUD",
    "HKD", "TWD", "SGD", "BRL", "MXN", "RUB", "SEK", "NOK", "DKK", "PLN", "ZAR",
    "SAR", "AED", "THB", "MYR", "VND", "NZD", "ARS", "CLP", "COP", "TRY", "PHP"};
constexpr const char* kCodeIsWord[] = {"TRY", "PHP"};

void HarvestCurrencies(const icu::Locale& loc, v1::ValueLexicon* lex) {
  // Order: USD and EUR first (a bare "$" is the US dollar in news everywhere), then the
  // locale's own currency (its "¥", "₹", "Rp"), then the rest. The first claim on a phrase
  // wins (ValueRecognizer keeps the first entry of a phrase).
  std::vector<std::string> codes = {"USD", "EUR"};
  UErrorCode status = U_ZERO_ERROR;
  UChar local[4] = {0};
  ucurr_forLocale(loc.getName(), local, 4, &status);
  if (U_SUCCESS(status) && local[0] != 0) {
    codes.push_back(ToUtf8(icu::UnicodeString(local, 3)));
  }
  for (const char* c : kCurrencies) codes.push_back(c);
  absl::flat_hash_set<std::string> done;
  for (const std::string& code : codes) {
    if (!done.insert(code).second) continue;
    icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(code);
    UChar iso[4] = {ucode[0], ucode[1], ucode[2], 0};
    auto add = [&](const std::string& phrase, v1::ValuePosition pos) {
      if (phrase.empty()) return;
      v1::CurrencyName* c = lex->add_currencies();
      c->set_phrase(phrase);
      c->set_code(code);
      c->set_position(pos);
    };
    bool is_word = false;
    for (const char* w : kCodeIsWord) is_word |= code == w;
    if (!is_word) add(code, v1::VALUE_POSITION_UNSPECIFIED);
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_NARROW_SYMBOL_NAME}) {
      UBool is_choice = false;
      int32_t len = 0;
      status = U_ZERO_ERROR;
      const UChar* name = ucurr_getName(iso, loc.getName(), style, &is_choice, &len, &status);
      if (U_FAILURE(status) || name == nullptr) continue;
      std::string symbol = Trim(icu::UnicodeString(name, len));
      if (symbol == code) continue;
      // A symbol made only of letters ("Rp", "kr", "zł") is a word; it still may precede.
      add(symbol, v1::VALUE_POSITION_UNSPECIFIED);
    }
    {
      UBool is_choice = false;
      int32_t len = 0;
      status = U_ZERO_ERROR;
      const UChar* name =
          ucurr_getName(iso, loc.getName(), UCURR_LONG_NAME, &is_choice, &len, &status);
      if (U_SUCCESS(status) && name != nullptr) {
        add(Trim(icu::UnicodeString(name, len)), v1::VALUE_POSITION_AFTER);
      }
    }
    for (const char* plural : {"one", "other", "few", "many"}) {
      UBool is_choice = false;
      int32_t len = 0;
      status = U_ZERO_ERROR;
      const UChar* name =
          ucurr_getPluralName(iso, loc.getName(), &is_choice, plural, &len, &status);
      if (U_SUCCESS(status) && name != nullptr) {
        add(Trim(icu::UnicodeString(name, len)), v1::VALUE_POSITION_AFTER);
      }
    }
  }
}

void HarvestNumberSymbols(const icu::Locale& loc, v1::ValueLexicon* lex, CldrExtras* extras) {
  UErrorCode status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols symbols(loc, status);
  if (U_FAILURE(status)) return;
  std::string decimal =
      ToUtf8(symbols.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol));
  if (decimal == "," || decimal == ".") lex->set_decimal_separator(decimal);
  icu::UnicodeString group = symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol);
  if (group.length() == 1 &&
      (u_isUWhiteSpace(group[0]) || group[0] == 0x00A0 || group[0] == 0x202F)) {
    extras->space_grouping = true;
  }
}

void HarvestDateOrder(const icu::Locale& loc, v1::ValueLexicon* lex) {
  std::unique_ptr<icu::DateFormat> fmt(
      icu::DateFormat::createDateInstance(icu::DateFormat::kShort, loc));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(fmt.get());
  if (simple == nullptr) return;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  int32_t d = pattern.indexOf(u'd'), m = pattern.indexOf(u'M'), y = pattern.indexOf(u'y');
  if (d < 0 || m < 0) return;
  v1::NumericDateOrder order = v1::NUMERIC_DATE_ORDER_DMY;
  if (y >= 0 && y < m && m < d) {
    order = v1::NUMERIC_DATE_ORDER_YMD;
  } else if (m < d) {
    order = v1::NUMERIC_DATE_ORDER_MDY;
  }
  lex->mutable_date_markers()->set_numeric_order(order);
}

}  // namespace

std::string IcuLocaleFor(absl::string_view bcp47) {
  return absl::StrReplaceAll(bcp47, {{"-", "_"}});
}

absl::StatusOr<CldrHarvest> HarvestCldr(absl::string_view icu_locale) {
  icu::Locale loc(std::string(icu_locale).c_str());
  if (loc.isBogus() || std::string(loc.getLanguage()).empty()) {
    return absl::InvalidArgumentError(absl::StrCat("no ICU locale for \"", icu_locale, "\""));
  }
  CldrHarvest h;
  h.lexicon.set_language(std::string(icu_locale));
  HarvestNames(loc, &h.lexicon, &h.extras);
  HarvestRelative(loc, &h.lexicon);
  HarvestScales(loc, &h.lexicon);
  HarvestPercent(loc, &h.lexicon);
  HarvestCurrencies(loc, &h.lexicon);
  HarvestNumberSymbols(loc, &h.lexicon, &h.extras);
  HarvestDateOrder(loc, &h.lexicon);
  return h;
}

}  // namespace claimline::extract
