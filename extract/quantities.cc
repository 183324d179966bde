#include "extract/quantities.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"

namespace claimline::extract {
namespace {

// A figure before its neighbours are read.
struct Figure {
  size_t begin = 0, end = 0;  // normalized
  double value = 0;
  bool scaled = false;  // an attached scale was read with it ("5bn")
  std::string explain;
};

// A quantity being built.
struct Built {
  size_t begin = 0, end = 0;
  std::optional<double> low, high;
  double scale = 1;     // product of the scale words read after the figure
  bool scaled = false;  // a scale or vague word is part of it
  bool approx = false;
  std::string unit;
  std::vector<std::string> explain;
};

class QuantityScanner {
 public:
  QuantityScanner(const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& dates)
      : v_(view), t_(view.text()), tables_(view.tables()), dates_(dates) {}

  std::vector<QuantityMention> Scan() {
    CollectFigures();
    std::vector<Built> found;
    size_t consumed = v_.begin();
    size_t fi = 0;
    // Figures and vague words, in text order.
    std::vector<const PhraseHit*> vague;
    for (const PhraseHit& h : v_.hits()) {
      if (h.cls == PhraseClass::kVagueMagnitude) vague.push_back(&h);
    }
    size_t vi = 0;
    while (fi < figures_.size() || vi < vague.size()) {
      bool take_figure =
          vi >= vague.size() || (fi < figures_.size() && figures_[fi].begin <= vague[vi]->begin);
      if (take_figure) {
        const Figure& f = figures_[fi++];
        if (f.begin < consumed) continue;
        std::optional<Built> q = FromFigure(f);
        if (q && Keep(*q)) {
          consumed = q->end;
          found.push_back(std::move(*q));
        }
      } else {
        const PhraseHit* h = vague[vi++];
        if (h->begin < consumed || InDate(h->begin)) continue;
        std::optional<Built> q = FromVague(*h);
        if (q && Keep(*q)) {
          consumed = q->end;
          found.push_back(std::move(*q));
        }
      }
    }
    std::vector<QuantityMention> out;
    for (Built& b : found) {
      QuantityMention m;
      m.begin = v_.normalized().OriginalBegin(b.begin);
      m.end = v_.normalized().OriginalEnd(b.end);
      m.quantity.set_unit(b.unit);
      if (b.low) m.quantity.set_low(*b.low);
      if (b.high) m.quantity.set_high(*b.high);
      m.quantity.set_approx(b.approx);
      m.quantity.set_text(std::string(v_.OriginalText(b.begin, b.end)));
      m.explain.push_back(
          absl::StrCat("quantity: ", b.unit, " [", b.low ? absl::StrCat(*b.low) : "null", ", ",
                       b.high ? absl::StrCat(*b.high) : "null", "]", b.approx ? " approx" : ""));
      for (std::string& e : b.explain) m.explain.push_back(std::move(e));
      out.push_back(std::move(m));
    }
    return out;
  }

 private:
  bool InDate(size_t pos) const {
    for (const auto& [b, e] : dates_) {
      if (pos >= b && pos < e) return true;
    }
    return false;
  }

  const NumberWordEntry& Word(const PhraseHit& h) const {
    return tables_.number_words[SentenceView::Index(h)];
  }

  void CollectFigures() {
    const size_t b = v_.begin(), e = v_.end();
    for (size_t p = b; p < e; ++p) {
      if (!IsAsciiDigit(t_[p])) continue;
      if (p > b && IsAsciiDigit(t_[p - 1])) continue;
      // Bounded by the sentence end: a sentence cut inside a long digit run must not scan
      // the rest of the text (quadratic over many such sentences).
      const size_t run_end = DigitRunEnd(t_.substr(0, e), p, tables_.number_style);
      auto skip = [&] { p = run_end - 1; };
      if (InDate(p)) {
        skip();
        continue;
      }
      // Glued to a word: "R1", "GB200", "GPT-4"; inside "10:30", "1/3".
      if (SpacedWordCharBefore(t_, p, b)) {
        skip();
        continue;
      }
      if (p > b + 1 && t_[p - 1] == '-' && SpacedWordCharBefore(t_, p - 1, b)) {
        skip();
        continue;
      }
      if (p > b + 1 && (t_[p - 1] == '/' || t_[p - 1] == ':') && IsAsciiDigit(t_[p - 2])) {
        skip();
        continue;
      }
      std::optional<ParsedNumber> n = ParseNumberAt(t_.substr(0, e), p, tables_.number_style);
      if (!n) {
        skip();
        continue;
      }
      Figure f;
      f.begin = n->begin;
      f.end = n->end;
      f.value = n->value;
      size_t q = n->end;
      if (q + 1 < e && (t_[q] == '/' || t_[q] == ':') && IsAsciiDigit(t_[q + 1])) {
        skip();
        continue;
      }
      if (q < e && IsLatinLetterByte(t_[q])) {
        // Letters glued after the digits: an attached scale ("5bn", "$3m"), or a model
        // name or a unit we do not read ("5G", "3nm").
        size_t r = q;
        while (r < e && IsLatinLetterByte(t_[r]) && r - q < 8) ++r;
        if (r < e && (SpacedLetterAt(t_, r) || IsAsciiDigit(t_[r]))) {
          p = r;
          continue;
        }
        auto it = tables_.attached_scales.find(t_.substr(q, r - q));
        if (it == tables_.attached_scales.end()) {
          const PhraseHit* hs = v_.LongestAt(q, PhraseClass::kScale);
          const PhraseHit* hu = v_.LongestAt(q, PhraseClass::kUnitWord);
          const PhraseHit* hc = v_.LongestAt(q, PhraseClass::kCurrency);
          if (hs == nullptr && hu == nullptr && hc == nullptr) {
            p = r;
            continue;
          }
        } else {
          f.value *= it->second;
          f.scaled = true;
          f.end = r;
          f.explain = absl::StrCat("attached scale '", it->first, "'");
        }
      }
      // A multiplier word glued to the digits: "3千", "5천".
      if (const PhraseHit* m = v_.LongestAt(f.end, PhraseClass::kNumberWord)) {
        if (Word(*m).multiplier) {
          f.value *= Word(*m).value;
          f.end = m->end;
        }
      }
      p = f.end - 1;
      figures_.push_back(std::move(f));
    }
    // Spelled-out numbers: runs of number words ("un", "twenty five", "三十").
    std::vector<Figure> words;
    const auto hits = v_.hits();
    size_t covered = 0;
    for (size_t i = 0; i < hits.size(); ++i) {
      const PhraseHit& h = hits[i];
      if (h.cls != PhraseClass::kNumberWord || h.begin < covered || InDate(h.begin)) continue;
      std::vector<NumberWordPart> parts;
      size_t begin = h.begin, end = h.begin;
      const PhraseHit* cur = v_.LongestAt(h.begin, PhraseClass::kNumberWord);
      while (cur != nullptr && parts.size() < 12) {
        NumberWordPart part{Word(*cur).value, Word(*cur).multiplier};
        if (!parts.empty() && !ContinuesNumberWords(parts.back(), part)) break;
        parts.push_back(part);
        end = cur->end;
        size_t r = end;
        if (r < v_.end() && t_[r] == '-') ++r;
        cur = v_.LongestAt(v_.SkipSpaces(r), PhraseClass::kNumberWord);
      }
      covered = end;
      bool overlaps = false;
      for (const Figure& f : figures_) {
        if (f.begin < end && begin < f.end) overlaps = true;
      }
      if (overlaps) continue;
      Figure f;
      f.begin = begin;
      f.end = end;
      f.value = NumberWordValue(parts);
      f.explain = absl::StrCat("number words '", t_.substr(begin, end - begin), "'");
      words.push_back(std::move(f));
    }
    figures_.insert(figures_.end(), words.begin(), words.end());
    std::sort(figures_.begin(), figures_.end(),
              [](const Figure& a, const Figure& b) { return a.begin < b.begin; });
  }

  // ReadScales: scale words after `pos`; multiplies q.scale. Returns the new end.
  size_t ReadScales(size_t pos, Built* q) const {
    size_t r = pos;
    for (int i = 0; i < 4; ++i) {
      size_t s = v_.SkipSpaces(r);
      const PhraseHit* h = v_.LongestAt(s, PhraseClass::kScale);
      if (h == nullptr) break;
      const ScaleEntry& e = tables_.scales[SentenceView::Index(*h)];
      if (e.attached && s != r) break;
      q->scale *= e.value;
      q->scaled = true;
      q->explain.push_back(absl::StrCat("scale '", e.phrase, "' = ", e.value));
      r = h->end;
    }
    return r;
  }

  // ReadUnitAfter: "%", a unit word, or [connector] a currency after `pos`.
  size_t ReadUnitAfter(size_t pos, Built* q) const {
    size_t s = v_.SkipSpaces(pos);
    if (s < v_.end() && t_[s] == '%') {
      q->unit = "percent";
      return s + 1;
    }
    if (const PhraseHit* h = v_.LongestAt(s, PhraseClass::kUnitWord)) {
      const UnitEntry& u = tables_.units[SentenceView::Index(*h)];
      if (u.position != v1::VALUE_POSITION_BEFORE) {
        q->unit = u.unit;
        q->explain.push_back(absl::StrCat("unit '", u.phrase, "'"));
        return h->end;
      }
    }
    size_t c = s;
    if (q->scaled) {
      if (size_t n = v_.StartsWithAny(s, tables_.quantity_connectors)) c = v_.SkipSpaces(s + n);
    }
    for (size_t at : {s, c}) {
      if (const PhraseHit* h = LongestCurrencyAt(at, /*before=*/false)) {
        const CurrencyEntry& ce = tables_.currencies[SentenceView::Index(*h)];
        q->unit = ce.code;
        q->explain.push_back(absl::StrCat("currency '", ce.phrase, "' = ", ce.code));
        return h->end;
      }
    }
    return pos;
  }

  const PhraseHit* LongestCurrencyAt(size_t pos, bool before) const {
    const PhraseHit* best = nullptr;
    for (const PhraseHit& h : v_.HitsAt(pos)) {
      if (h.cls != PhraseClass::kCurrency) continue;
      const CurrencyEntry& ce = tables_.currencies[SentenceView::Index(h)];
      if (before && ce.position == v1::VALUE_POSITION_AFTER) continue;
      if (!before && ce.position == v1::VALUE_POSITION_BEFORE) continue;
      if (best == nullptr || h.end > best->end) best = &h;
    }
    return best;
  }
  const PhraseHit* LongestCurrencyEndingAt(size_t pos) const {
    const PhraseHit* best = nullptr;
    for (const PhraseHit& h : v_.HitsEndingAt(pos)) {
      if (h.cls != PhraseClass::kCurrency) continue;
      const CurrencyEntry& ce = tables_.currencies[SentenceView::Index(h)];
      if (ce.position == v1::VALUE_POSITION_AFTER) continue;
      if (best == nullptr || h.begin < best->begin) best = &h;
    }
    return best;
  }

  // SkipFillersBack: back over spaces and filler words ("il", "the") before `pos`.
  size_t SkipFillersBack(size_t pos) const {
    size_t l = v_.SkipSpacesBack(pos);
    for (int i = 0; i < 2; ++i) {
      size_t n = v_.EndsWithAny(l, tables_.quantity_fillers);
      if (n == 0) break;
      l = v_.SkipSpacesBack(l - n);
    }
    return l;
  }
  size_t SkipFillers(size_t pos) const {
    size_t r = v_.SkipSpaces(pos);
    for (int i = 0; i < 2; ++i) {
      size_t n = v_.StartsWithAny(r, tables_.quantity_fillers);
      if (n == 0) break;
      r = v_.SkipSpaces(r + n);
    }
    return r;
  }

  // Core: figure + scales + unit after. Sets q.low = q.high = value.
  Built Core(const Figure& f) const {
    Built q;
    q.begin = f.begin;
    q.scaled = f.scaled;
    if (!f.explain.empty()) q.explain.push_back(f.explain);
    size_t r = ReadScales(f.end, &q);
    double v = f.value * q.scale;
    // A compound of decreasing scales: "2兆2000億円", "4조 5000억 원" (each part scaled less
    // than the one before it).
    for (double last = q.scale; last > 1;) {
      const Figure* next = FigureAt(v_.SkipSpaces(r));
      if (next == nullptr || next->scaled) break;
      Built part;
      size_t pr = ReadScales(next->end, &part);
      if (part.scale <= 1 || part.scale >= last) break;
      v += next->value * part.scale;
      for (std::string& e : part.explain) q.explain.push_back(std::move(e));
      last = part.scale;
      r = pr;
    }
    q.low = q.high = v;
    q.end = ReadUnitAfter(r, &q);
    return q;
  }

  const Figure* FigureAt(size_t pos) const {
    for (const Figure& f : figures_) {
      if (f.begin == pos) return &f;
      if (f.begin > pos) break;
    }
    return nullptr;
  }

  std::optional<Built> FromFigure(const Figure& f) {
    Built q = Core(f);
    // Before the figure: a sign (dropped), a currency, a unit word written before.
    size_t b = q.begin;
    size_t l = b;
    if (l > v_.begin() && (t_[l - 1] == '-' || t_[l - 1] == '+')) --l;
    size_t lb = v_.SkipSpacesBack(l);
    if (const PhraseHit* h = LongestCurrencyEndingAt(lb)) {
      if (q.unit.empty() || q.unit == tables_.currencies[SentenceView::Index(*h)].code) {
        const CurrencyEntry& ce = tables_.currencies[SentenceView::Index(*h)];
        q.unit = ce.code;
        q.begin = h->begin;
        q.explain.push_back(absl::StrCat("currency '", ce.phrase, "' = ", ce.code));
      }
    } else if (const PhraseHit* h = v_.LongestEndingAt(lb, PhraseClass::kUnitWord)) {
      const UnitEntry& u = tables_.units[SentenceView::Index(*h)];
      if (q.unit.empty() && u.position == v1::VALUE_POSITION_BEFORE) {
        q.unit = u.unit;
        q.begin = h->begin;
      }
    }
    // A range: FIGURE join FIGURE.
    bool started = false;
    size_t start_begin = 0;
    {
      size_t sl = SkipFillersBack(q.begin);
      for (const PhraseHit& h : v_.HitsEndingAt(sl)) {
        if (h.cls != PhraseClass::kRangeWord) continue;
        if (tables_.range_words[SentenceView::Index(h)].role == v1::RANGE_ROLE_START) {
          started = true;
          start_begin = h.begin;
        }
      }
    }
    TryRange(&q, started);
    if (started && q.low != q.high) q.begin = start_begin;
    // Approximators before and after.
    ApplyApproximators(&q);
    return q;
  }

  void TryRange(Built* q, bool started) {
    size_t r = v_.SkipSpaces(q->end);
    size_t after_join = 0;
    if (r < v_.end() && (t_[r] == '-' || t_[r] == '~')) {
      after_join = r + 1;
    } else {
      for (const PhraseHit& h : v_.HitsAt(r)) {
        if (h.cls != PhraseClass::kRangeWord) continue;
        v1::RangeRole role = tables_.range_words[SentenceView::Index(h)].role;
        if (role == v1::RANGE_ROLE_JOIN || (role == v1::RANGE_ROLE_JOIN_AFTER_START && started)) {
          after_join = std::max<size_t>(after_join, h.end);
        }
      }
    }
    if (after_join == 0) return;
    size_t s = SkipFillers(after_join);
    std::string currency_before;
    if (const PhraseHit* h = LongestCurrencyAt(s, /*before=*/true)) {
      currency_before = tables_.currencies[SentenceView::Index(*h)].code;
      s = v_.SkipSpaces(h->end);
    }
    const Figure* f2 = FigureAt(s);
    if (f2 == nullptr) return;
    Built q2 = Core(*f2);
    if (q2.unit.empty()) q2.unit = currency_before;
    std::string unit = !q2.unit.empty() ? q2.unit : q->unit;
    if (!q->unit.empty() && !q2.unit.empty() && q->unit != q2.unit) return;
    double lo = *q->low;
    if (!q->scaled && q2.scaled) lo *= q2.scale;
    double hi = *q2.high;
    if (lo > hi) return;
    q->low = lo;
    q->high = hi;
    q->unit = unit;
    q->scaled = q->scaled || q2.scaled;
    q->end = q2.end;
    q->explain.push_back("range");
    for (std::string& e : q2.explain) q->explain.push_back(std::move(e));
  }

  void ApplyApproximators(Built* q) const {
    size_t l = SkipFillersBack(q->begin);
    const PhraseHit* before = nullptr;
    for (const PhraseHit& h : v_.HitsEndingAt(l)) {
      if (h.cls != PhraseClass::kApproximator) continue;
      const ApproxEntry& a = tables_.approximators[SentenceView::Index(h)];
      if (a.position == v1::VALUE_POSITION_AFTER) continue;
      if (before == nullptr || h.begin < before->begin) before = &h;
    }
    if (before != nullptr) {
      Apply(tables_.approximators[SentenceView::Index(*before)], q);
      q->begin = before->begin;
    }
    size_t r = v_.SkipSpaces(q->end);
    const PhraseHit* after = nullptr;
    for (const PhraseHit& h : v_.HitsAt(r)) {
      if (h.cls != PhraseClass::kApproximator) continue;
      const ApproxEntry& a = tables_.approximators[SentenceView::Index(h)];
      if (a.position != v1::VALUE_POSITION_AFTER) continue;
      if (after == nullptr || h.end > after->end) after = &h;
    }
    if (after != nullptr) {
      Apply(tables_.approximators[SentenceView::Index(*after)], q);
      q->end = after->end;
    }
  }

  void Apply(const ApproxEntry& a, Built* q) const {
    q->explain.push_back(absl::StrCat("bound '", a.phrase, "'"));
    switch (a.kind) {
      case v1::BOUND_KIND_AT_LEAST:
        q->high.reset();
        break;
      case v1::BOUND_KIND_AT_MOST:
        q->low.reset();
        break;
      case v1::BOUND_KIND_NEARLY:
        if (q->low) q->low = *q->low * tables_.nearly_factor;
        q->approx = true;
        break;
      default:
        q->approx = true;
        break;
    }
  }

  std::optional<Built> FromVague(const PhraseHit& h) {
    const VagueEntry& ve = tables_.vague[SentenceView::Index(h)];
    Built q;
    q.begin = h.begin;
    q.explain.push_back(absl::StrCat("vague '", ve.phrase, "' [", ve.low, ", ", ve.high, "]"));
    if (ve.absolute) {
      q.scaled = true;
      q.low = ve.low;
      q.high = ve.high;
      q.end = ReadUnitAfter(h.end, &q);
      ApplyApproximators(&q);
      return q;
    }
    size_t r = h.end;
    size_t s = v_.SkipSpaces(r);
    if (size_t n = v_.StartsWithAny(s, tables_.quantity_connectors)) s = v_.SkipSpaces(s + n);
    double base = 1;
    // Multiplier words: "数千亿" → 千, "several hundred million" → hundred.
    while (const PhraseHit* m = v_.LongestAt(s, PhraseClass::kNumberWord)) {
      if (!Word(*m).multiplier) break;
      base *= Word(*m).value;
      r = m->end;
      s = v_.SkipSpaces(r);
    }
    Built scales;
    size_t after_scales = ReadScales(base > 1 ? r : s, &scales);
    if (!scales.scaled && base == 1) return std::nullopt;
    if (scales.scaled) r = after_scales;
    base *= scales.scale;
    for (std::string& e : scales.explain) q.explain.push_back(std::move(e));
    q.scaled = true;
    q.low = ve.low * base;
    q.high = ve.high * base;
    q.end = ReadUnitAfter(r, &q);
    // A currency written before: "$ tens of billions" is rare but "Rp puluhan triliun" is not.
    size_t lb = v_.SkipSpacesBack(q.begin);
    if (q.unit.empty()) {
      if (const PhraseHit* c = LongestCurrencyEndingAt(lb)) {
        q.unit = tables_.currencies[SentenceView::Index(*c)].code;
        q.begin = c->begin;
      }
    }
    ApplyApproximators(&q);
    return q;
  }

  bool Keep(Built& q) const {
    if (q.unit.empty()) {
      if (!q.scaled) return false;
      q.unit = "count";
    }
    return true;
  }

  const SentenceView& v_;
  absl::string_view t_;
  const ValueTables& tables_;
  const std::vector<std::pair<size_t, size_t>>& dates_;
  std::vector<Figure> figures_;
};

}  // namespace

std::vector<QuantityMention> FindQuantityMentions(
    const SentenceView& view, const std::vector<std::pair<size_t, size_t>>& date_spans) {
  return QuantityScanner(view, date_spans).Scan();
}

}  // namespace claimline::extract
