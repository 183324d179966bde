#include "extract/dates.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/civil_date.h"
#include "unicode/uchar.h"
#include "unicode/utf8.h"

namespace claimline::extract {
namespace {

using v1::Granularity;

int WeekdayNumber(absl::CivilDay d) {  // 1 = Monday .. 7 = Sunday
  return static_cast<int>(absl::GetWeekday(d)) + 1;
}

int64_t Distance(const DateInterval& iv, absl::CivilDay anchor) {
  if (anchor < iv.from) return iv.from - anchor;
  if (anchor > iv.to) return anchor - iv.to;
  return 0;
}

bool YearOk(int64_t y) { return y >= 1 && y <= 9999; }

// A date candidate found in the text, before resolution.
struct Cand {
  size_t begin = 0, end = 0;  // normalized
  v1::RelativeTime rel;
  Granularity g = v1::GRANULARITY_DAY;
  bool weekday_only = false;  // a bare weekday, which a following date absorbs
  bool from_weekday = false;  // loses ties against other readings of the same span
  bool invalid = false;       // "30 February": takes its span, yields no date
  std::string rule;
  std::vector<std::string> phrases;
};

class DateScanner {
 public:
  explicit DateScanner(const SentenceView& view)
      : v_(view), t_(view.text()), tables_(view.tables()) {}

  std::vector<Cand> Scan() {
    ScanDigits();
    ScanNumberWordTemplates();
    for (const PhraseHit& h : v_.hits()) {
      switch (h.cls) {
        case PhraseClass::kMonth:
          MonthAt(h);
          break;
        case PhraseClass::kWeekday:
          WeekdayAt(h);
          break;
        case PhraseClass::kDatePhrase: {
          const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
          if (e.type == DateEntry::Type::kFixed) FixedAt(h, e);
          if (e.type == DateEntry::Type::kQuarter) QuarterAt(h, e);
          break;
        }
        default:
          break;
      }
    }
    return Select();
  }

 private:
  // ReadDigits: the digit run at pos (at most max_len digits, else 0), its value in *value.
  size_t ReadDigits(size_t pos, size_t max_len, int* value) const {
    size_t i = pos;
    int v = 0;
    while (i < v_.end() && IsAsciiDigit(t_[i])) {
      if (i - pos >= max_len) return 0;
      v = v * 10 + (t_[i] - '0');
      ++i;
    }
    *value = v;
    return i - pos;
  }
  bool DigitAt(size_t pos) const { return pos < v_.end() && IsAsciiDigit(t_[pos]); }

  // A four-digit year at pos, not glued to more digits.
  bool YearAt(size_t pos, int* year, size_t* end) const {
    int y = 0;
    size_t n = ReadDigits(pos, 4, &y);
    if (n != 4 || DigitAt(pos + 4) || y < 1000 || y > 2999) return false;
    if (pos > v_.begin() && (IsAsciiDigit(t_[pos - 1]) || IsLatinLetterByte(t_[pos - 1]))) {
      return false;
    }
    *year = y;
    *end = pos + 4;
    return true;
  }

  // YearAfter: an explicit year after `pos`: [","] [connector] YYYY.
  bool YearAfter(size_t pos, int* year, size_t* end) const {
    size_t r = v_.SkipSpaces(pos);
    if (r < v_.end() && t_[r] == ',') r = v_.SkipSpaces(r + 1);
    if (size_t c = v_.StartsWithAny(r, tables_.date_connectors)) r = v_.SkipSpaces(r + c);
    if (!YearAt(r, year, end)) return false;
    if (size_t s = v_.StartsWithAny(*end, tables_.year_suffix)) *end += s;
    return true;
  }

  // RelativeYearAround: a FIXED year phrase ("tahun ini", "去年", "this year") right after
  // `end` or right before `begin` (a connector may stand between). Returns the hit.
  const PhraseHit* RelativeYearAround(size_t begin, size_t end) const {
    size_t r = v_.SkipSpaces(end);
    if (size_t c = v_.StartsWithAny(r, tables_.date_connectors)) r = v_.SkipSpaces(r + c);
    for (const PhraseHit& h : v_.HitsAt(r)) {
      if (IsFixedYear(h)) return &h;
    }
    size_t l = v_.SkipSpacesBack(begin);
    if (size_t c = v_.EndsWithAny(l, tables_.date_connectors)) l = v_.SkipSpacesBack(l - c);
    const PhraseHit* h = v_.LongestEndingAt(l, PhraseClass::kDatePhrase);
    if (h != nullptr && IsFixedYear(*h)) return h;
    return nullptr;
  }
  bool IsFixedYear(const PhraseHit& h) const {
    if (h.cls != PhraseClass::kDatePhrase) return false;
    const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
    return e.type == DateEntry::Type::kFixed && e.unit == v1::GRANULARITY_YEAR;
  }

  // ModifierAround: a MODIFIER ("scorso", "last", "上") on its side of [begin, end).
  const PhraseHit* ModifierAround(size_t begin, size_t end) const {
    size_t r = v_.SkipSpaces(end);
    for (const PhraseHit& h : v_.HitsAt(r)) {
      if (h.cls != PhraseClass::kDatePhrase) continue;
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
      if (e.type == DateEntry::Type::kModifier && e.position == v1::VALUE_POSITION_AFTER) {
        return &h;
      }
    }
    size_t l = v_.SkipSpacesBack(begin);
    for (const PhraseHit& h : v_.HitsEndingAt(l)) {
      if (h.cls != PhraseClass::kDatePhrase) continue;
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
      if (e.type == DateEntry::Type::kModifier && e.position != v1::VALUE_POSITION_AFTER) {
        return &h;
      }
    }
    return nullptr;
  }

  void AddInvalid(size_t begin, size_t end) {
    Cand c;
    c.begin = begin;
    c.end = end;
    c.invalid = true;
    Add(std::move(c));
  }

  void Add(Cand c) {
    if (c.end <= c.begin) return;
    cands_.push_back(std::move(c));
  }

  // A month (and maybe a day) without a written year: the year comes from an adjacent
  // relative year phrase, a modifier, or the nearest-year rule.
  void AddYearless(size_t begin, size_t end, int month, int day, Granularity g,
                   const std::string& rule) {
    Cand c;
    c.begin = begin;
    c.end = end;
    c.g = g;
    c.rule = rule;
    c.rel.set_month(month);
    if (day > 0) c.rel.set_day(day);
    if (const PhraseHit* y = RelativeYearAround(begin, end)) {
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(*y)];
      c.rel.set_unit(v1::GRANULARITY_YEAR);
      c.rel.set_offset(e.offset);
      c.begin = std::min<size_t>(c.begin, y->begin);
      c.end = std::max<size_t>(c.end, y->end);
      c.phrases.push_back(e.phrase);
    } else if (const PhraseHit* m = day == 0 ? ModifierAround(begin, end) : nullptr) {
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(*m)];
      c.rel.set_unit(g == v1::GRANULARITY_QUARTER ? v1::GRANULARITY_QUARTER
                                                  : v1::GRANULARITY_MONTH);
      c.rel.set_offset(e.offset);
      c.begin = std::min<size_t>(c.begin, m->begin);
      c.end = std::max<size_t>(c.end, m->end);
      c.phrases.push_back(e.phrase);
    } else {
      c.rel.set_unit(g);
      c.rel.set_nearest_year(true);
    }
    Add(std::move(c));
  }

  void AddAbsolute(size_t begin, size_t end, int year, int month, int day, Granularity g,
                   const std::string& rule) {
    Cand c;
    // "30 February": the span is a date, but not a valid one.
    c.invalid = month > 0 && day > 0 && !IsValidDate(year, month, day);
    c.begin = begin;
    c.end = end;
    c.g = g;
    c.rule = rule;
    c.rel.set_year(year);
    if (month > 0) c.rel.set_month(month);
    if (day > 0) c.rel.set_day(day);
    c.rel.set_unit(g);
    Add(std::move(c));
  }

  // DayMonthYear: a day and month (in either order), then maybe a year.
  void DayMonth(size_t begin, size_t end, int day, int month, const std::string& rule) {
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    int year = 0;
    size_t yend = 0;
    if (YearAfter(end, &year, &yend)) {
      AddAbsolute(begin, yend, year, month, day, v1::GRANULARITY_DAY, rule);
      return;
    }
    if (!IsValidDate(2024, month, day)) {  // exists in no year (2024 is a leap year)
      AddInvalid(begin, end);
      return;
    }
    AddYearless(begin, end, month, day, v1::GRANULARITY_DAY, rule);
  }

  void ScanDigits() {
    for (size_t p = v_.begin(); p < v_.end(); ++p) {
      if (!IsAsciiDigit(t_[p])) continue;
      if (p > v_.begin() && IsAsciiDigit(t_[p - 1])) continue;
      // Inside another figure ("16.9", "2025-01-27", "10:30") or glued to a word ("A4").
      if (p > v_.begin() + 1 && IsAsciiDigit(t_[p - 2]) &&
          (t_[p - 1] == '.' || t_[p - 1] == ',' || t_[p - 1] == '-' || t_[p - 1] == '/' ||
           t_[p - 1] == ':')) {
        continue;
      }
      if (SpacedWordCharBefore(t_, p, v_.begin())) continue;
      int n1 = 0;
      size_t len = ReadDigits(p, 4, &n1);
      if (len == 0) continue;  // more than four digits
      size_t q = p + len;
      Iso(p, q, len, n1);
      Numeric(p, q, len, n1);
      CjkSuffix(p, q, len, n1);
      DayThenMonthName(p, q, len, n1);
      YearCue(p, q, len, n1);
      Template(p, q, n1);
    }
  }

  void Iso(size_t p, size_t q, size_t len, int year) {
    if (len != 4 || q >= v_.end()) return;
    char sep = t_[q];
    if (sep != '-' && sep != '/' && sep != '.') return;
    int month = 0, day = 0;
    size_t ml = ReadDigits(q + 1, 2, &month);
    if (ml == 0 || q + 1 + ml >= v_.end() || t_[q + 1 + ml] != sep) return;
    size_t ds = q + 2 + ml;
    size_t dl = ReadDigits(ds, 2, &day);
    if (dl == 0 || DigitAt(ds + dl)) return;
    if (month < 1 || month > 12) return;
    AddAbsolute(p, ds + dl, year, month, day, v1::GRANULARITY_DAY, "iso-date");
  }

  void Numeric(size_t p, size_t q, size_t len, int a) {
    if (len > 2 || q + 1 >= v_.end()) return;
    char sep = t_[q];
    if (sep != '/' && sep != '.' && sep != '-') return;
    int b = 0;
    size_t bl = ReadDigits(q + 1, 2, &b);
    if (bl == 0) return;
    size_t r = q + 1 + bl;
    int year = 0;
    size_t end = r;
    if (r + 1 < v_.end() && t_[r] == sep && IsAsciiDigit(t_[r + 1])) {
      int y = 0;
      size_t yl = ReadDigits(r + 1, 4, &y);
      if ((yl != 2 && yl != 4) || DigitAt(r + 1 + yl)) return;
      year = yl == 2 ? 2000 + y : y;
      end = r + 1 + yl;
    } else {
      // Without a year only "27/1": "16.9" is a decimal, "3-5" a range.
      if (sep != '/') return;
      if (r < v_.end() && (IsAsciiDigit(t_[r]) || t_[r] == '/' || t_[r] == '%')) return;
      if (a < b && b <= 4) return;  // 1/2, 1/3, 3/4: fractions
    }
    if (end < v_.end() && (t_[end] == '%' || IsLatinLetterByte(t_[end]))) return;
    int day = a, month = b;
    if (tables_.numeric_order != v1::NUMERIC_DATE_ORDER_DMY) std::swap(day, month);
    if (month > 12 || day > 31 || month < 1 || day < 1) std::swap(day, month);
    if (month > 12 || day > 31 || month < 1 || day < 1) return;
    if (year > 0) {
      AddAbsolute(p, end, year, month, day, v1::GRANULARITY_DAY, "numeric-date");
    } else if (IsValidDate(2024, month, day)) {
      AddYearless(p, end, month, day, v1::GRANULARITY_DAY, "numeric-date");
    }
  }

  // "2025年1月27日", "1月27日", "2025年1月", "1 月份", "2025년 1월 27일", "2024年第四季度".
  void CjkSuffix(size_t p, size_t q, size_t len, int n) {
    size_t r = v_.SkipSpaces(q);
    int year = 0;
    if (len == 4) {
      size_t s = v_.StartsWithAny(r, tables_.year_suffix);
      if (s == 0) return;
      year = n;
      r += s;
      size_t after_year = r;
      r = v_.SkipSpaces(r);
      int month = 0;
      size_t ml = ReadDigits(r, 2, &month);
      size_t ms = ml > 0 ? v_.StartsWithAny(v_.SkipSpaces(r + ml), tables_.month_suffix) : 0;
      if (ml > 0 && ms > 0) {
        size_t mend = v_.SkipSpaces(r + ml) + ms;
        int day = 0;
        size_t dr = v_.SkipSpaces(mend);
        size_t dl = ReadDigits(dr, 2, &day);
        size_t ds = dl > 0 ? v_.StartsWithAny(v_.SkipSpaces(dr + dl), tables_.day_suffix) : 0;
        if (dl > 0 && ds > 0) {
          AddAbsolute(p, v_.SkipSpaces(dr + dl) + ds, year, month, day, v1::GRANULARITY_DAY,
                      "cjk-date");
        } else if (month >= 1 && month <= 12) {
          AddAbsolute(p, mend, year, month, 0, v1::GRANULARITY_MONTH, "cjk-month");
        }
        return;
      }
      // A month name or a quarter name right after the year.
      const PhraseHit* mh = v_.LongestAt(r, PhraseClass::kMonth);
      if (mh != nullptr) {
        AddAbsolute(p, mh->end, year, tables_.months[SentenceView::Index(*mh)].month, 0,
                    v1::GRANULARITY_MONTH, "cjk-month");
        return;
      }
      for (const PhraseHit& h : v_.HitsAt(r)) {
        if (h.cls != PhraseClass::kDatePhrase) continue;
        const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
        if (e.type != DateEntry::Type::kQuarter) continue;
        AddAbsolute(p, h.end, year, (e.quarter - 1) * 3 + 1, 0, v1::GRANULARITY_QUARTER,
                    "cjk-quarter");
        return;
      }
      if (year >= 1900 && year <= 2100) {
        AddAbsolute(p, after_year, year, 0, 0, v1::GRANULARITY_YEAR, "cjk-year");
      }
      return;
    }
    if (len > 2 || n < 1) return;
    size_t s = n <= 12 ? v_.StartsWithAny(r, tables_.month_suffix) : 0;
    if (s == 0) {
      BareDay(p, r, n);
      return;
    }
    size_t mend = r + s;
    int day = 0;
    size_t dr = v_.SkipSpaces(mend);
    size_t dl = ReadDigits(dr, 2, &day);
    size_t ds = dl > 0 ? v_.StartsWithAny(v_.SkipSpaces(dr + dl), tables_.day_suffix) : 0;
    if (dl > 0 && ds > 0) {
      if (day < 1 || !IsValidDate(2024, n, day)) {
        AddInvalid(p, v_.SkipSpaces(dr + dl) + ds);
        return;
      }
      AddYearless(p, v_.SkipSpaces(dr + dl) + ds, n, day, v1::GRANULARITY_DAY, "cjk-date");
    } else {
      AddYearless(p, mend, n, 0, v1::GRANULARITY_MONTH, "cjk-month");
    }
  }

  // BareDay: a day of the month alone with its suffix ("13日", "24일"), not after a month
  // ("1月27日" is read from the month) nor glued to more digits: the nearest such day.
  void BareDay(size_t p, size_t r, int day) {
    if (day > 31) return;
    size_t ds = v_.StartsWithAny(r, tables_.day_suffix);
    if (ds == 0 || DigitAt(r + ds)) return;
    const size_t before = v_.SkipSpacesBack(p);
    for (const std::string& suffix : tables_.month_suffix) {
      if (before >= v_.begin() + suffix.size() &&
          t_.substr(before - suffix.size(), suffix.size()) == suffix) {
        return;
      }
    }
    Cand c;
    c.begin = p;
    c.end = r + ds;
    c.g = v1::GRANULARITY_DAY;
    c.rule = "cjk-day";
    c.rel.set_day(day);
    c.rel.set_unit(v1::GRANULARITY_DAY);
    c.rel.set_nearest_year(true);
    if (const PhraseHit* m = ModifierAround(c.begin, c.end)) {
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(*m)];
      c.rel.set_offset(e.offset < 0 ? -1 : e.offset > 0 ? 1 : 0);
      c.begin = std::min<size_t>(c.begin, m->begin);
      c.end = std::max<size_t>(c.end, m->end);
      c.phrases.push_back(e.phrase);
    }
    Add(std::move(c));
  }

  void DayThenMonthName(size_t p, size_t q, size_t len, int day) {
    if (len > 2 || day < 1 || day > 31) return;
    size_t r = q;
    if (size_t o = v_.StartsWithAny(r, tables_.ordinal_suffix)) r += o;
    r = v_.SkipSpaces(r);
    if (size_t c = v_.StartsWithAny(r, tables_.date_connectors)) r = v_.SkipSpaces(r + c);
    const PhraseHit* mh = v_.LongestAt(r, PhraseClass::kMonth);
    if (mh == nullptr) return;
    DayMonth(p, mh->end, day, tables_.months[SentenceView::Index(*mh)].month, "day-month-name");
  }

  void YearCue(size_t p, size_t q, size_t len, int year) {
    if (len != 4 || year < 1900 || year > 2100 || DigitAt(q)) return;
    size_t l = v_.SkipSpacesBack(p);
    for (const PhraseHit& h : v_.HitsEndingAt(l)) {
      if (h.cls != PhraseClass::kDatePhrase) continue;
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
      if (e.type != DateEntry::Type::kYearCue) continue;
      // The cue is context, not part of the date: the span is the year.
      AddAbsolute(p, q, year, 0, 0, v1::GRANULARITY_YEAR, "year-after-cue");
      return;
    }
  }

  // Template: "3 days ago", "il y a 3 jours", "三天前" with the count in [b, q).
  void Template(size_t b, size_t q, int count) {
    if (count <= 0 || count > 1000) return;
    size_t r = v_.SkipSpaces(q);
    for (const PhraseHit& h : v_.HitsAt(r)) {
      if (h.cls != PhraseClass::kDatePhrase) continue;
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(h)];
      if (e.type != DateEntry::Type::kTemplateSuffix) continue;
      for (int ti : e.templates) {
        const TemplateEntry& te = tables_.templates[ti];
        size_t begin = b;
        if (!te.prefix.empty()) {
          size_t l = v_.SkipSpacesBack(b);
          bool found = false;
          for (const PhraseHit& ph : v_.HitsEndingAt(l)) {
            if (ph.cls != PhraseClass::kDatePhrase) continue;
            if (tables_.date_phrases[SentenceView::Index(ph)].phrase == te.prefix) {
              begin = ph.begin;
              found = true;
              break;
            }
          }
          if (!found) continue;
        }
        Cand c;
        c.begin = begin;
        c.end = h.end;
        c.g = te.unit;
        c.rel.set_unit(te.unit);
        c.rel.set_offset(te.sign * count);
        c.rule = "relative-count";
        c.phrases.push_back(e.phrase);
        Add(std::move(c));
        return;
      }
    }
  }

  void ScanNumberWordTemplates() {
    const auto& hits = v_.hits();
    for (size_t i = 0; i < hits.size(); ++i) {
      if (hits[i].cls != PhraseClass::kNumberWord) continue;
      // A run of number words: "tre", "twenty five", "三".
      std::vector<NumberWordPart> parts;
      size_t b = hits[i].begin, e = hits[i].end;
      const PhraseHit* cur = &hits[i];
      while (cur != nullptr) {
        const NumberWordEntry& ne = tables_.number_words[SentenceView::Index(*cur)];
        NumberWordPart part{ne.value, ne.multiplier};
        if (!parts.empty() && !ContinuesNumberWords(parts.back(), part)) break;
        parts.push_back(part);
        e = cur->end;
        size_t r = e;
        if (r < v_.end() && t_[r] == '-') ++r;
        cur = v_.LongestAt(v_.SkipSpaces(r), PhraseClass::kNumberWord);
        if (parts.size() > 8) break;
      }
      double value = NumberWordValue(parts);
      if (value >= 1 && value <= 1000 && value == static_cast<int>(value)) {
        Template(b, e, static_cast<int>(value));
      }
    }
  }

  void MonthAt(const PhraseHit& h) {
    const MonthEntry& me = tables_.months[SentenceView::Index(h)];
    size_t r = v_.SkipSpaces(h.end);
    // "January 27[, 2025]": a day after the name.
    int day = 0;
    size_t dl = ReadDigits(r, 2, &day);
    if (dl > 0 && !DigitAt(r + dl) && day >= 1 && day <= 31 &&
        !(r + dl < v_.end() &&
          (t_[r + dl] == '%' || IsLatinLetterByte(t_[r + dl]) ||
           ((t_[r + dl] == '.' || t_[r + dl] == ',') && DigitAt(r + dl + 1))) &&
          !v_.StartsWithAny(r + dl, tables_.ordinal_suffix))) {
      size_t e = r + dl;
      if (size_t o = v_.StartsWithAny(e, tables_.ordinal_suffix)) e += o;
      DayMonth(h.begin, e, day, me.month, "month-name-day");
    }
    int year = 0;
    size_t yend = 0;
    if (YearAfter(h.end, &year, &yend)) {
      AddAbsolute(h.begin, yend, year, me.month, 0, v1::GRANULARITY_MONTH, "month-name-year");
      return;
    }
    if (me.abbreviated) return;
    if (me.ambiguous && !CapitalizedAt(h.begin)) return;
    AddYearless(h.begin, h.end, me.month, 0, v1::GRANULARITY_MONTH, "month-name");
  }

  bool CapitalizedAt(size_t pos) const {
    absl::string_view orig = v_.normalized().original;
    size_t o = v_.normalized().OriginalBegin(pos);
    if (o >= orig.size()) return false;
    UChar32 c;
    int32_t i = static_cast<int32_t>(o);
    U8_NEXT(orig.data(), i, static_cast<int32_t>(orig.size()), c);
    return c >= 0 && u_isupper(c);
  }

  void WeekdayAt(const PhraseHit& h) {
    const WeekdayEntry& we = tables_.weekdays[SentenceView::Index(h)];
    if (we.ambiguous && !CapitalizedAt(h.begin)) return;
    Cand c;
    c.begin = h.begin;
    c.end = h.end;
    c.g = v1::GRANULARITY_DAY;
    c.rule = "weekday";
    c.weekday_only = true;
    c.from_weekday = true;
    c.rel.set_unit(v1::GRANULARITY_DAY);
    c.rel.set_weekday(we.weekday);
    if (const PhraseHit* m = ModifierAround(h.begin, h.end)) {
      const DateEntry& e = tables_.date_phrases[SentenceView::Index(*m)];
      c.rel.set_offset(e.offset);
      // A modifier that names the week ("上" of "上周四"): that weekday of the week before.
      if (e.unit == v1::GRANULARITY_WEEK) c.rel.set_unit(v1::GRANULARITY_WEEK);
      c.begin = std::min<size_t>(c.begin, m->begin);
      c.end = std::max<size_t>(c.end, m->end);
      c.phrases.push_back(e.phrase);
      c.weekday_only = false;
    }
    // The day of the month in parentheses after the weekday ("segunda-feira (12)"): that
    // day, nearest the anchor, on the side the modifier says.
    size_t r = v_.SkipSpaces(h.end);
    int day = 0;
    size_t dl = r < v_.end() && t_[r] == '(' ? ReadDigits(r + 1, 2, &day) : 0;
    if (dl > 0 && r + 1 + dl < v_.end() && t_[r + 1 + dl] == ')' && day >= 1 && day <= 31) {
      c.rel.clear_weekday();
      c.rel.set_day(day);
      c.rel.set_nearest_year(true);
      c.rel.set_offset(c.rel.offset() < 0 ? -1 : c.rel.offset() > 0 ? 1 : 0);
      c.end = r + 2 + dl;
      c.weekday_only = false;
      c.rule = "weekday-day";
    }
    Add(std::move(c));
  }

  void FixedAt(const PhraseHit& h, const DateEntry& e) {
    Cand c;
    c.begin = h.begin;
    c.end = h.end;
    c.rule = e.ambiguous ? "relative-phrase (ambiguous)" : "relative-phrase";
    c.phrases.push_back(e.phrase);
    if (e.unit == v1::GRANULARITY_VAGUE) {
      c.g = v1::GRANULARITY_VAGUE;
      c.rel.set_unit(v1::GRANULARITY_VAGUE);
      c.rel.set_vague_days(e.vague_days > 0 ? e.vague_days : tables_.default_vague_days);
    } else {
      c.g = e.unit;
      c.rel.set_unit(e.unit);
      c.rel.set_offset(e.offset);
    }
    Add(std::move(c));
  }

  void QuarterAt(const PhraseHit& h, const DateEntry& e) {
    int month = (e.quarter - 1) * 3 + 1;
    int year = 0;
    size_t yend = 0;
    if (YearAfter(h.end, &year, &yend)) {
      AddAbsolute(h.begin, yend, year, month, 0, v1::GRANULARITY_QUARTER, "quarter-year");
      return;
    }
    size_t l = v_.SkipSpacesBack(h.begin);
    if (l >= v_.begin() + 4 && YearAt(l - 4, &year, &yend) && yend == l) {
      AddAbsolute(l - 4, h.end, year, month, 0, v1::GRANULARITY_QUARTER, "year-quarter");
      return;
    }
    AddYearless(h.begin, h.end, month, 0, v1::GRANULARITY_QUARTER, "quarter");
  }

  std::vector<Cand> Select() {
    std::stable_sort(cands_.begin(), cands_.end(), [](const Cand& a, const Cand& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;
      return !a.from_weekday && b.from_weekday;  // "minggu lalu": the week, not Sunday
    });
    std::vector<Cand> out;
    size_t covered = 0;
    for (Cand& c : cands_) {
      if (c.begin < covered) {
        // Overlaps the previous pick: keep the longer of the two.
        if (!out.empty() && c.end - c.begin > out.back().end - out.back().begin &&
            c.begin >= out.back().begin) {
          // Only when it does not also overlap the pick before.
          size_t prev_end = out.size() >= 2 ? out[out.size() - 2].end : 0;
          if (c.begin >= prev_end) {
            out.back() = std::move(c);
            covered = out.back().end;
          }
        }
        continue;
      }
      covered = c.end;
      out.push_back(std::move(c));
    }
    // A weekday right before a full date is part of it ("Monday, January 27").
    std::vector<Cand> merged;
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].weekday_only && i + 1 < out.size() && out[i + 1].g == v1::GRANULARITY_DAY &&
          !out[i + 1].weekday_only) {
        size_t r = out[i].end;
        while (r < out[i + 1].begin && (t_[r] == ' ' || t_[r] == ',')) ++r;
        if (r == out[i + 1].begin) {
          out[i + 1].begin = out[i].begin;
          continue;
        }
      }
      merged.push_back(std::move(out[i]));
    }
    return merged;
  }

  const SentenceView& v_;
  absl::string_view t_;
  const ValueTables& tables_;
  std::vector<Cand> cands_;
};

const char* GranularityName(Granularity g) {
  switch (g) {
    case v1::GRANULARITY_DAY:
      return "day";
    case v1::GRANULARITY_WEEK:
      return "week";
    case v1::GRANULARITY_MONTH:
      return "month";
    case v1::GRANULARITY_QUARTER:
      return "quarter";
    case v1::GRANULARITY_YEAR:
      return "year";
    case v1::GRANULARITY_VAGUE:
      return "vague";
    default:
      return "unspecified";
  }
}

}  // namespace

DateInterval IntervalOf(absl::CivilDay d, Granularity g) {
  switch (g) {
    case v1::GRANULARITY_WEEK: {
      absl::CivilDay monday = d - (WeekdayNumber(d) - 1);
      return {monday, monday + 6};
    }
    case v1::GRANULARITY_MONTH: {
      absl::CivilMonth m(d);
      return {absl::CivilDay(m), absl::CivilDay(m + 1) - 1};
    }
    case v1::GRANULARITY_QUARTER: {
      absl::CivilDay first(d.year(), (d.month() - 1) / 3 * 3 + 1, 1);
      return {first, absl::CivilDay(absl::CivilMonth(first) + 3) - 1};
    }
    case v1::GRANULARITY_YEAR:
      return {absl::CivilDay(d.year(), 1, 1), absl::CivilDay(d.year(), 12, 31)};
    default:
      return {d, d};
  }
}

absl::StatusOr<DateInterval> ResolveRelativeTime(const v1::RelativeTime& rel, Granularity g,
                                                 absl::CivilDay anchor) {
  if (rel.vague_days() > 0) {
    return DateInterval{anchor - rel.vague_days(), anchor};
  }
  const int64_t ay = anchor.year();
  const int am = anchor.month();
  const int month = rel.month(), day = rel.day();
  if (month < 0 || month > 12 || day < 0 || day > 31 || rel.weekday() < 0 || rel.weekday() > 7) {
    return absl::InvalidArgumentError("relative time: field out of range");
  }
  if (month == 0 && day > 0 && rel.nearest_year()) {
    // A day of the month alone ("13日", "지난 24일"): that day in the month nearest the
    // anchor (the previous, the same or the next month).
    absl::StatusOr<DateInterval> best =
        absl::InvalidArgumentError(absl::StrCat("relative time: day ", day, " near no month"));
    int64_t best_distance = 0;
    for (int k = -1; k <= 1; ++k) {
      absl::CivilMonth m = absl::CivilMonth(anchor) + k;
      if (!YearOk(m.year())) continue;
      auto d = MakeDate(m.year(), m.month(), day);
      if (!d.ok()) continue;
      DateInterval iv = IntervalOf(*d, g);
      // "지난 24일": a past modifier keeps the day at or before the anchor, and vice versa.
      if ((rel.offset() < 0 && iv.from > anchor) || (rel.offset() > 0 && iv.to < anchor)) {
        continue;
      }
      int64_t dist = Distance(iv, anchor);
      if (!best.ok() || dist < best_distance) {
        best = iv;
        best_distance = dist;
      }
    }
    return best;
  }
  if (month > 0) {
    auto at = [&](int64_t y) -> absl::StatusOr<DateInterval> {
      if (!YearOk(y)) return absl::InvalidArgumentError("relative time: year out of range");
      if (day > 0) {
        auto d = MakeDate(y, month, day);
        if (!d.ok()) return d.status();
        return IntervalOf(*d, g);
      }
      return IntervalOf(absl::CivilDay(y, month, 1), g);
    };
    if (rel.year() > 0) return at(rel.year());
    if (rel.nearest_year()) {
      absl::StatusOr<DateInterval> best = absl::InvalidArgumentError(absl::StrCat(
          "relative time: ", month, "/", day, " exists in no year near ", FormatIsoDate(anchor)));
      int64_t best_distance = 0;
      for (int64_t y = ay - 1; y <= ay + 1; ++y) {
        auto iv = at(y);
        if (!iv.ok()) continue;
        int64_t dist = Distance(*iv, anchor);
        if (!best.ok() || dist < best_distance) {
          best = iv;
          best_distance = dist;
        }
      }
      return best;
    }
    const int k = rel.offset();
    switch (rel.unit()) {
      case v1::GRANULARITY_YEAR:
        return at(ay + k);
      case v1::GRANULARITY_QUARTER: {
        int q = (month - 1) / 3, aq = (am - 1) / 3;
        if (k == 0) return at(ay);
        if (k < 0) return at((q < aq ? ay : ay - 1) + k + 1);
        return at((q > aq ? ay : ay + 1) + k - 1);
      }
      case v1::GRANULARITY_MONTH:
      default:
        if (k == 0) return at(ay);
        if (k < 0) return at((month < am ? ay : ay - 1) + k + 1);
        return at((month > am ? ay : ay + 1) + k - 1);
    }
  }
  if (rel.weekday() > 0) {
    const int wd = rel.weekday(), awd = WeekdayNumber(anchor), k = rel.offset();
    absl::CivilDay d;
    if (rel.unit() == v1::GRANULARITY_WEEK) {
      d = anchor - (awd - 1) + 7 * k + (wd - 1);
    } else if (k == 0) {
      d = anchor - (awd - wd + 7) % 7;
    } else if (k < 0) {
      int back = (awd - wd + 7) % 7;
      if (back == 0) back = 7;
      d = anchor - back - 7 * (-k - 1);
    } else {
      int fwd = (wd - awd + 7) % 7;
      if (fwd == 0) fwd = 7;
      d = anchor + fwd + 7 * (k - 1);
    }
    return IntervalOf(d, g);
  }
  if (rel.year() > 0) {
    if (!YearOk(rel.year())) return absl::InvalidArgumentError("relative time: bad year");
    return IntervalOf(absl::CivilDay(rel.year(), 1, 1), g);
  }
  const int k = rel.offset();
  absl::CivilDay d = anchor;
  switch (rel.unit()) {
    case v1::GRANULARITY_DAY:
      d = anchor + k;
      break;
    case v1::GRANULARITY_WEEK:
      d = anchor + 7 * k;
      break;
    case v1::GRANULARITY_MONTH:
      d = absl::CivilDay(absl::CivilMonth(anchor) + k);
      break;
    case v1::GRANULARITY_QUARTER:
      d = absl::CivilDay(absl::CivilMonth(anchor) + 3 * k);
      break;
    case v1::GRANULARITY_YEAR:
      d = absl::CivilDay(absl::CivilYear(anchor) + k);
      break;
    default:
      break;
  }
  if (!YearOk(d.year())) return absl::InvalidArgumentError("relative time: year out of range");
  return IntervalOf(d, g);
}

DateScan ScanDates(const SentenceView& view, absl::CivilDay reference) {
  DateScan out;
  for (Cand& c : DateScanner(view).Scan()) {
    out.spans.push_back({c.begin, c.end});
    if (c.invalid) continue;
    auto iv = ResolveRelativeTime(c.rel, c.g, reference);
    if (!iv.ok()) continue;
    DateMention m;
    m.begin = view.normalized().OriginalBegin(c.begin);
    m.end = view.normalized().OriginalEnd(c.end);
    m.when.set_from(FormatIsoDate(iv->from));
    m.when.set_to(FormatIsoDate(iv->to));
    m.when.set_granularity(c.g);
    m.when.set_anchor(c.rel.year() > 0 ? v1::ANCHOR_ABSOLUTE : v1::ANCHOR_PUBLICATION);
    m.when.set_text(std::string(view.OriginalText(c.begin, c.end)));
    *m.when.mutable_relative() = c.rel;
    m.future = iv->from > reference;
    std::string line = absl::StrCat("date: ", c.rule, " -> ", m.when.from(), "..", m.when.to(),
                                    " (", GranularityName(c.g), ")");
    for (const std::string& p : c.phrases) absl::StrAppend(&line, " [", p, "]");
    m.explain.push_back(std::move(line));
    out.mentions.push_back(std::move(m));
  }
  return out;
}

}  // namespace claimline::extract
