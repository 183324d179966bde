// Cldr: harvests the value knowledge CLDR already has for a locale, through ICU, into the
// same schema as the hand-written data (v1::ValueLexicon), so both go through one loader.
//
// What is harvested (each once, at ValueRecognizer::Create, never per character):
//   - month names (format and standalone; wide and abbreviated), weekday names (wide, and
//     abbreviated ones as a separate list), quarter names (icu::DateFormatSymbols);
//   - relative date phrases: yesterday/today/tomorrow, last/this/next week, month, quarter,
//     year (icu::RelativeDateTimeFormatter) as FIXED date phrases; "3 days ago" / "in 3
//     days" templates as RelativeNumberTemplates; the word "last"/"scorso"/"上" read off
//     "last Monday" as MODIFIER phrases;
//   - scale words from compact decimal formats, long ("miliar", "milliards", "अरब") and short
//     ("亿", "万", "Mrd."; single Latin letters like "B" become `attached`);
//   - the percent unit's full name ("per cento", "pour cent", "प्रतिशत");
//   - currency symbols, narrow symbols, ISO codes, display names and plural names for the
//     currencies news writes about;
//   - the decimal and grouping symbols and the numeric date order of the short date pattern.
// Phrases are returned as ICU writes them (not normalized). Nothing here is language
// specific: any ICU locale works.
#ifndef CLAIMLINE_EXTRACT_CLDR_H_
#define CLAIMLINE_EXTRACT_CLDR_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "claimline/v1/values.pb.h"

namespace claimline::extract {

struct CldrExtras {
  // Abbreviated weekday names (used only when the lexicon says use_abbreviated_weekdays).
  std::vector<v1::WeekdayName> abbreviated_weekdays;
  // The grouping symbol is a space (fr, ru, …).
  bool space_grouping = false;
};

struct CldrHarvest {
  v1::ValueLexicon lexicon;
  CldrExtras extras;
};

// HarvestCldr: everything above for `icu_locale` ("it", "zh_Hant", "hi"). Fails with
// InvalidArgument only when ICU has no data at all for the locale's language; a missing
// piece (a locale without compact forms) is simply left out.
absl::StatusOr<CldrHarvest> HarvestCldr(absl::string_view icu_locale);

// IcuLocaleFor: the ICU locale id for a BCP-47 tag: "zh-Hant" → "zh_Hant", "pt-BR" → "pt_BR".
std::string IcuLocaleFor(absl::string_view bcp47);

}  // namespace claimline::extract

#endif  // CLAIMLINE_EXTRACT_CLDR_H_
