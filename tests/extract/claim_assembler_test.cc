// Unit tests of ClaimAssembler with a small lexicon written here and hand-built mentions,
// so each rule is tested apart from the recognizers. Texts are ASCII: their normalized
// form (lower case) has the same byte offsets as the original.
#include "extract/claim_assembler.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kKinds[] = R"pb(
  kind {
    name: "release"
    subject_type: ENTITY_TYPE_ORGANIZATION
    object_type: ENTITY_TYPE_PRODUCT
    object_required: true
    untyped_object: true
  }
  kind {
    name: "price_change"
    subject_type: ENTITY_TYPE_ORGANIZATION
    untyped_subject: true
    unit: UNIT_CLASS_PERCENT
    directional: true
    bare { unit: UNIT_CLASS_PERCENT subject_type: ENTITY_TYPE_ORGANIZATION }
  }
  kind {
    name: "market_value_change"
    subject_type: ENTITY_TYPE_ORGANIZATION
    unit: UNIT_CLASS_MONEY
    directional: true
    min_money: 1e6
    bare { unit: UNIT_CLASS_MONEY subject_type: ENTITY_TYPE_ORGANIZATION }
  }
  kind {
    name: "interview"
    subject_type: ENTITY_TYPE_PERSON
    untyped_subject: true
    object_type: ENTITY_TYPE_OUTLET
    object_needs_marker: true
  }
  kind {
    name: "earnings_call"
    subject_type: ENTITY_TYPE_ORGANIZATION
    topic_granularity: GRANULARITY_QUARTER
    distributive: true
  }
  kind {
    name: "spending"
    subject_type: ENTITY_TYPE_ORGANIZATION
    unit: UNIT_CLASS_MONEY
    quantity_required: true
  }
  kind { name: "other_change" silent: true directional: true auxiliary: true }
  cue {
    type: CUE_TYPE_CLAUSE_BREAK
    phrase: [ ",", ";" ]
  }
  cue {
    type: CUE_TYPE_COORDINATION
    phrase: [ "," ]
  }
)pb";

constexpr char kWords[] = R"pb(
  lang: "xx"
  settings { possessive_suffix: "-nya" }
  trigger {
    kind: "release"
    phrase: [ "released" ]
  }
  trigger {
    kind: "price_change"
    phrase: [ "shares" ]
  }
  trigger {
    kind: "market_value_change"
    phrase: [ "market value", "nilai pasar" ]
    allow_suffix: true
  }
  trigger {
    kind: "interview"
    phrase: [ "interview" ]
  }
  trigger {
    kind: "earnings_call"
    phrase: [ "earnings call" ]
  }
  trigger {
    kind: "spending"
    phrase: [ "capex" ]
  }
  trigger {
    kind: "other_change"
    phrase: [ "demand" ]
  }
  direction {
    direction: DIRECTION_DOWN
    phrase: [ "fell", "fall", "lost" ]
  }
  direction {
    direction: DIRECTION_UP
    phrase: [ "rose" ]
  }
  direction {
    direction: DIRECTION_UP
    weak: true
    phrase: [ "up" ]
  }
  modality {
    modality: MODALITY_EXPECTED
    scope: MODALITY_SCOPE_BEFORE
    phrase: [ "will" ]
  }
  modality {
    modality: MODALITY_NEGATED
    scope: MODALITY_SCOPE_BEFORE
    window: 12
    phrase: [ "not" ]
  }
  modality {
    modality: MODALITY_REPORTED
    phrase: [ "reportedly" ]
  }
  modality {
    suppress: true
    phrase: [ "if" ]
  }
  cue {
    type: CUE_TYPE_ANAPHOR
    refers_to: ENTITY_TYPE_ORGANIZATION
    phrase: [ "the company" ]
  }
  cue {
    type: CUE_TYPE_POSSESSIVE
    phrase: [ "its" ]
  }
  cue {
    type: CUE_TYPE_OBJECT_MARKER
    phrase: [ "with" ]
  }
  cue {
    type: CUE_TYPE_CLAUSE_BREAK
    phrase: [ "and" ]
  }
  cue {
    type: CUE_TYPE_COORDINATION
    phrase: [ "and" ]
  }
  cue {
    type: CUE_TYPE_SINCE
    phrase: [ "since" ]
  }
  cue {
    type: CUE_TYPE_LOCATIVE
    phrase: [ "on the" ]
  }
  cue {
    type: CUE_TYPE_ANAPHOR
    refers_to: ENTITY_TYPE_PERSON
    phrase: [ "she" ]
  }
)pb";

v1::ClaimLexicon Lexicon(const char* words = kWords) {
  auto kinds = ParseClaimLexicon(kKinds, "kinds");
  EXPECT_TRUE(kinds.ok()) << kinds.status();
  auto lang = ParseClaimLexicon(words, "xx");
  EXPECT_TRUE(lang.ok()) << lang.status();
  return MergeClaimLexicons(*kinds, *lang);
}

struct Ent {
  std::string surface;
  std::string id;
  v1::EntityType type;
};
struct Qty {
  std::string surface;
  std::string unit;
  std::optional<double> low, high;
};
struct Date {
  std::string surface;
  std::string from, to;
  v1::Granularity granularity = v1::GRANULARITY_DAY;
  bool future = false;
};

// An article of ASCII sentences joined by `separator`, with the mentions found by surface.
class Article {
 public:
  Article(std::vector<std::string> sentences, std::string separator = " ")
      : sentences_(std::move(sentences)) {
    text_ = absl::StrJoin(sentences_, separator);
  }
  Article& With(Ent e) {
    ents_.push_back(std::move(e));
    return *this;
  }
  Article& With(Qty q) {
    qtys_.push_back(std::move(q));
    return *this;
  }
  Article& With(Date d) {
    dates_.push_back(std::move(d));
    return *this;
  }

  std::vector<v1::Claim> Run(const ClaimAssembler& assembler, bool explain = false,
                             absl::CivilDay published = absl::CivilDay(2025, 2, 21)) {
    PhraseMatcherBuilder builder;
    assembler.RegisterPhrases(&builder);
    auto matcher = builder.Build();
    return Run(assembler, *matcher, explain, published);
  }

  std::vector<v1::Claim> Run(const ClaimAssembler& assembler, const PhraseMatcher& matcher,
                             bool explain = false,
                             absl::CivilDay published = absl::CivilDay(2025, 2, 21)) {
    auto norm = Normalize(text_);
    EXPECT_TRUE(norm.ok());
    text_norm_ = *std::move(norm);
    EXPECT_EQ(text_norm_.text.size(), text_.size()) << "tests use ASCII text";
    std::vector<SentenceMentions> mentions;
    size_t at = 0;
    for (const std::string& s : sentences_) {
      size_t b = text_.find(s, at);
      SentenceMentions m;
      m.begin = m.norm_begin = static_cast<uint32_t>(b);
      m.end = m.norm_end = static_cast<uint32_t>(b + s.size());
      at = b + s.size();
      mentions.push_back(std::move(m));
    }
    auto sentence_of = [&](size_t pos) -> SentenceMentions& {
      for (SentenceMentions& m : mentions) {
        if (pos >= m.begin && pos < m.end) return m;
      }
      ADD_FAILURE() << "no sentence at " << pos;
      return mentions[0];
    };
    for (const Ent& e : ents_) {
      for (size_t p = text_.find(e.surface); p != std::string::npos;
           p = text_.find(e.surface, p + 1)) {
        bool taken = false;  // inside a longer name given earlier ("Aurelis" in "Aurelis X")
        for (const SentenceMentions& sm : mentions) {
          for (const EntityMention& o : sm.entities) {
            if (o.begin < p + e.surface.size() && p < o.end) taken = true;
          }
        }
        if (taken) continue;
        EntityMention m;
        m.begin = static_cast<uint32_t>(p);
        m.end = static_cast<uint32_t>(p + e.surface.size());
        m.ref.set_entity(e.id);
        m.ref.set_text(e.surface);
        m.ref.set_type(e.type);
        sentence_of(p).entities.push_back(m);
      }
    }
    for (const Qty& q : qtys_) {
      size_t p = text_.find(q.surface);
      if (p == std::string::npos) {
        ADD_FAILURE() << "no \"" << q.surface << "\" in the text";
        continue;
      }
      QuantityMention m;
      m.begin = static_cast<uint32_t>(p);
      m.end = static_cast<uint32_t>(p + q.surface.size());
      m.quantity.set_unit(q.unit);
      if (q.low) m.quantity.set_low(*q.low);
      if (q.high) m.quantity.set_high(*q.high);
      m.quantity.set_text(q.surface);
      sentence_of(p).quantities.push_back(m);
    }
    for (const Date& d : dates_) {
      size_t p = text_.find(d.surface);
      if (p == std::string::npos) {
        ADD_FAILURE() << "no \"" << d.surface << "\" in the text";
        continue;
      }
      DateMention m;
      m.begin = static_cast<uint32_t>(p);
      m.end = static_cast<uint32_t>(p + d.surface.size());
      m.when.set_from(d.from);
      m.when.set_to(d.to);
      m.when.set_granularity(d.granularity);
      m.when.set_anchor(v1::ANCHOR_PUBLICATION);
      m.when.set_text(d.surface);
      m.future = d.future;
      sentence_of(p).dates.push_back(m);
    }
    for (SentenceMentions& m : mentions) {
      auto by_begin = [](const auto& a, const auto& b) { return a.begin < b.begin; };
      std::sort(m.entities.begin(), m.entities.end(), by_begin);
      std::sort(m.quantities.begin(), m.quantities.end(), by_begin);
      std::sort(m.dates.begin(), m.dates.end(), by_begin);
    }
    std::vector<PhraseHit> hits = matcher.FindAll(text_norm_.text);
    return assembler.Assemble(text_norm_, mentions, hits, published, explain);
  }

  const std::string& text() const { return text_; }

 private:
  std::vector<std::string> sentences_;
  std::string text_;
  NormalizedText text_norm_;
  std::vector<Ent> ents_;
  std::vector<Qty> qtys_;
  std::vector<Date> dates_;
};

const Ent kAcme{"Acme", "acme", v1::ENTITY_TYPE_ORGANIZATION};
const Ent kBolt{"Bolt", "bolt", v1::ENTITY_TYPE_ORGANIZATION};
const Ent kCorex{"Corex", "corex", v1::ENTITY_TYPE_ORGANIZATION};
const Ent kRocket{"Rocket", "rocket", v1::ENTITY_TYPE_PRODUCT};
const Ent kJane{"Jane Doe", "jane_doe", v1::ENTITY_TYPE_PERSON};
const Ent kDaily{"Daily News", "daily_news", v1::ENTITY_TYPE_OUTLET};

class ClaimAssemblerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto assembler = ClaimAssembler::Create("xx", Lexicon(), "xx/lexicon.textproto");
    ASSERT_TRUE(assembler.ok()) << assembler.status();
    assembler_ = *std::move(assembler);
  }
  std::unique_ptr<ClaimAssembler> assembler_;
};

TEST_F(ClaimAssemblerTest, FrameChangeWordFigureAndSubjectMakeAClaim) {
  Article a({"Acme shares fell 5% on Monday."});
  a.With(kAcme)
      .With(Qty{"5%", "percent", 5, 5})
      .With(Date{"on Monday", "2025-02-17", "2025-02-17"});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "price_change");
  EXPECT_EQ(claims[0].subject().entity(), "acme");
  EXPECT_EQ(claims[0].direction(), v1::DIRECTION_DOWN);
  EXPECT_EQ(claims[0].quantity().low(), 5);
  EXPECT_EQ(claims[0].when().from(), "2025-02-17");
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_ASSERTED);
  EXPECT_EQ(claims[0].evidence().begin(), 0u);
  EXPECT_EQ(claims[0].evidence().end(), a.text().size());
}

TEST_F(ClaimAssemblerTest, ClauseBreakSplitsTwoClaimsAndThePossessiveFindsTheOwner) {
  Article a({"Acme shares fell 5%, and its market value lost $2 billion."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5}).With(Qty{"$2 billion", "USD", 2e9, 2e9});
  auto claims = a.Run(*assembler_, /*explain=*/true);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[0].kind(), "price_change");
  EXPECT_EQ(claims[0].quantity().unit(), "percent");
  EXPECT_EQ(claims[1].kind(), "market_value_change");
  EXPECT_EQ(claims[1].subject().entity(), "acme");
  EXPECT_EQ(claims[1].quantity().low(), 2e9);
  EXPECT_EQ(claims[1].direction(), v1::DIRECTION_DOWN);
  EXPECT_THAT(absl::StrJoin(claims[1].explain(), "\n"), HasSubstr("possessive «its»"));
}

TEST_F(ClaimAssemblerTest, PossessiveSuffixGluedToTheFrameFindsTheOwner) {
  Article a({"Acme shares fell 5%, and nilai pasarnya lost $2 billion."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5}).With(Qty{"$2 billion", "USD", 2e9, 2e9});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[1].kind(), "market_value_change");
  EXPECT_EQ(claims[1].subject().entity(), "acme");
}

TEST_F(ClaimAssemblerTest, BareChangeNeedsAFigureAndTakesItsKindFromTheUnit) {
  Article vague({"Acme fell sharply."});
  vague.With(kAcme);
  EXPECT_THAT(vague.Run(*assembler_), IsEmpty());

  Article percent({"Acme fell 5%."});
  percent.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  auto claims = percent.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "price_change");

  Article money({"Acme lost $3 billion."});
  money.With(kAcme).With(Qty{"$3 billion", "USD", 3e9, 3e9});
  claims = money.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "market_value_change");

  Article small({"Acme lost $3 on the day."});
  small.With(kAcme).With(Qty{"$3", "USD", 3, 3});
  EXPECT_THAT(small.Run(*assembler_), IsEmpty()) << "below the kind's min_money";
}

TEST_F(ClaimAssemblerTest, WeakChangeWordMakesNoBareChange) {
  Article a({"Acme was up 5% in the survey."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  EXPECT_THAT(a.Run(*assembler_), IsEmpty());
}

TEST_F(ClaimAssemblerTest, SilentFrameKeepsItsChangeWords) {
  Article a({"Demand for Acme chips rose 30%."});
  a.With(kAcme).With(Qty{"30%", "percent", 30, 30});
  EXPECT_THAT(a.Run(*assembler_), IsEmpty());
}

TEST_F(ClaimAssemblerTest, AnaphorResolvesToTheMostRecentOrganization) {
  Article a({"Bolt sells tools.", "Acme makes chips.", "The company shares rose 3%."});
  a.With(kAcme).With(kBolt).With(Qty{"3%", "percent", 3, 3});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].subject().entity(), "acme");
  EXPECT_EQ(claims[0].direction(), v1::DIRECTION_UP);
}

TEST_F(ClaimAssemblerTest, ChangeDoesNotTakeASubjectFromAnotherSubClause) {
  Article a({"Acme spoke at length; shares fell 5%."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  EXPECT_THAT(a.Run(*assembler_), IsEmpty());
}

TEST_F(ClaimAssemblerTest, ClauseWithoutSubjectContinuesThePreviousChange) {
  Article a({"Acme shares fell 5%, and market value lost $2 billion."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5}).With(Qty{"$2 billion", "USD", 2e9, 2e9});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[1].kind(), "market_value_change");
  EXPECT_EQ(claims[1].subject().entity(), "acme");
}

TEST_F(ClaimAssemblerTest, FarChangeWordOfAnotherClauseIsABareChange) {
  Article a({"Acme fell 2%, and then market value lost $2 billion."});
  a.With(kAcme).With(Qty{"2%", "percent", 2, 2}).With(Qty{"$2 billion", "USD", 2e9, 2e9});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[0].kind(), "price_change");
  EXPECT_EQ(claims[0].quantity().low(), 2);
  EXPECT_EQ(claims[1].kind(), "market_value_change");
  EXPECT_EQ(claims[1].quantity().low(), 2e9);
}

TEST_F(ClaimAssemblerTest, BaselineDateAfterSinceIsNotTheClaimDate) {
  Article a({"Acme shares fell 5%, the most since March 2020."});
  a.With(kAcme)
      .With(Qty{"5%", "percent", 5, 5})
      .With(Date{"March 2020", "2020-03-01", "2020-03-31", v1::GRANULARITY_MONTH});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_FALSE(claims[0].has_when());
}

TEST_F(ClaimAssemblerTest, NameAfterALocativeIsNoSubject) {
  Article a({"Shares fell 5% on the Bolt exchange."});
  a.With(kBolt).With(Qty{"5%", "percent", 5, 5});
  EXPECT_THAT(a.Run(*assembler_), IsEmpty());
}

TEST_F(ClaimAssemblerTest, UnknownNamesMeetAnaphorsByKindAndShape) {
  const Ent aurelis{"Aurelis Semiconductor", "", v1::ENTITY_TYPE_UNSPECIFIED};
  const Ent holt{"Maren Holt", "", v1::ENTITY_TYPE_UNSPECIFIED};
  Article a({"Maren Holt runs Aurelis Semiconductor.", "The company shares fell 5%.",
             "In an interview with Daily News, she spoke."});
  a.With(aurelis).With(holt).With(kDaily).With(Qty{"5%", "percent", 5, 5});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[0].kind(), "price_change");
  EXPECT_EQ(claims[0].subject().text(), "Aurelis Semiconductor") << "the company: the unknown org";
  EXPECT_EQ(claims[1].kind(), "interview");
  EXPECT_EQ(claims[1].subject().text(), "Maren Holt") << "she: the unknown name shaped as a person";
}

TEST_F(ClaimAssemblerTest, UnknownNameToldShortMergesWithItsFullForm) {
  const Ent full{"Aurelis Semiconductor", "", v1::ENTITY_TYPE_UNSPECIFIED};
  const Ent short_form{"Aurelis", "", v1::ENTITY_TYPE_UNSPECIFIED};
  Article a({"Aurelis shares fell 5%.", "Aurelis Semiconductor shares fell 5.0% on Monday."}, "\n");
  a.With(full).With(short_form).With(Date{"on Monday", "2025-02-17", "2025-02-17"});
  a.With(Qty{"5%", "percent", 5, 5}).With(Qty{"5.0%", "percent", 5, 5});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].when().from(), "2025-02-17") << "the dated telling is kept";
}

TEST_F(ClaimAssemblerTest, ReleaseNeedsAnObject) {
  Article report({"Acme released a report."});
  report.With(kAcme);
  EXPECT_THAT(report.Run(*assembler_), IsEmpty());

  Article product({"Acme released Rocket."});
  product.With(kAcme).With(kRocket);
  auto claims = product.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "release");
  EXPECT_EQ(claims[0].subject().entity(), "acme");
  EXPECT_EQ(claims[0].object().entity(), "rocket");
  EXPECT_EQ(claims[0].direction(), v1::DIRECTION_UNSPECIFIED);
}

TEST_F(ClaimAssemblerTest, InterviewObjectComesFromTheMarkerOnly) {
  Article marked({"In an interview with Daily News, Jane Doe spoke about Acme."});
  marked.With(kJane).With(kDaily).With(kAcme);
  auto claims = marked.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "interview");
  EXPECT_EQ(claims[0].subject().entity(), "jane_doe");
  EXPECT_EQ(claims[0].object().entity(), "daily_news");

  Article unmarked({"Jane Doe gave an interview about Daily News."});
  unmarked.With(kJane).With(kDaily);
  claims = unmarked.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_FALSE(claims[0].has_object());
}

TEST_F(ClaimAssemblerTest, DateIsInheritedWithinAParagraphOnly) {
  const Date january{"in January", "2025-01-01", "2025-01-31", v1::GRANULARITY_MONTH};
  Article same({"Acme released Rocket in January.", "Acme shares fell 5%."});
  same.With(kAcme).With(kRocket).With(Qty{"5%", "percent", 5, 5}).With(january);
  auto claims = same.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_EQ(claims[1].when().from(), "2025-01-01");
  EXPECT_EQ(claims[1].when().anchor(), v1::ANCHOR_CONTEXT);

  Article other({"Acme released Rocket in January.", "Acme shares fell 5%."}, "\n\n");
  other.With(kAcme).With(kRocket).With(Qty{"5%", "percent", 5, 5}).With(january);
  claims = other.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(2));
  EXPECT_FALSE(claims[1].has_when());
}

TEST_F(ClaimAssemblerTest, FutureDateOrMarkerMakesItExpected) {
  Article dated({"The Acme earnings call is on March 3."});
  dated.With(kAcme).With(Date{"on March 3", "2025-03-03", "2025-03-03", v1::GRANULARITY_DAY, true});
  auto claims = dated.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_EXPECTED);

  Article marked({"Acme will hold its earnings call soon."});
  marked.With(kAcme);
  claims = marked.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_EXPECTED);
}

TEST_F(ClaimAssemblerTest, NegationHearsayAndHypotheticals) {
  Article negated({"Acme shares did not fall."});
  negated.With(kAcme);
  auto claims = negated.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_NEGATED);

  Article far({"Not a surprise for anyone watching closely: Acme shares fell 5%."});
  far.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  claims = far.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_ASSERTED) << "the negation is out of scope";

  Article reported({"Acme shares reportedly fell 5%."});
  reported.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  claims = reported.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].modality(), v1::MODALITY_REPORTED);

  Article hypothetical({"If Acme shares fell 20%, everyone would notice."});
  hypothetical.With(kAcme).With(Qty{"20%", "percent", 20, 20});
  EXPECT_THAT(hypothetical.Run(*assembler_), IsEmpty());
}

TEST_F(ClaimAssemblerTest, TheSameClaimToldTwiceIsKeptOnceWithTheBestDate) {
  Article a({"Acme released Rocket.", "Acme released Rocket in January."}, "\n");
  a.With(kAcme).With(kRocket).With(
      Date{"in January", "2025-01-01", "2025-01-31", v1::GRANULARITY_MONTH});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].when().from(), "2025-01-01");
}

TEST_F(ClaimAssemblerTest, DifferentFiguresAreDifferentClaims) {
  Article a({"Acme shares fell 5% on Monday.", "Acme shares fell 3% on Tuesday."}, "\n");
  a.With(kAcme)
      .With(Qty{"5%", "percent", 5, 5})
      .With(Qty{"3%", "percent", 3, 3})
      .With(Date{"on Monday", "2025-02-17", "2025-02-17"})
      .With(Date{"on Tuesday", "2025-02-18", "2025-02-18"});
  EXPECT_THAT(a.Run(*assembler_), SizeIs(2));
}

TEST_F(ClaimAssemblerTest, DistributiveKindGivesEachCoordinatedSubjectAClaim) {
  Article a({"Acme, Bolt and Corex praised the model on their earnings call."});
  a.With(kAcme).With(kBolt).With(kCorex);
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(3));
  std::vector<std::string> subjects;
  for (const auto& c : claims) subjects.push_back(c.subject().entity());
  EXPECT_THAT(subjects, ::testing::UnorderedElementsAre("acme", "bolt", "corex"));
}

TEST_F(ClaimAssemblerTest, TopicQuarterIsNotTheEventDate) {
  Article a({"Acme holds its fourth-quarter earnings call on March 3."});
  a.With(kAcme)
      .With(Date{"fourth-quarter", "2024-10-01", "2024-12-31", v1::GRANULARITY_QUARTER})
      .With(Date{"on March 3", "2025-03-03", "2025-03-03", v1::GRANULARITY_DAY, true});
  auto claims = a.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].when().from(), "2025-03-03");
}

TEST_F(ClaimAssemblerTest, QuantityRequiredByTheKind) {
  Article a({"Acme raised capex sharply."});
  a.With(kAcme);
  EXPECT_THAT(a.Run(*assembler_), IsEmpty());
  Article b({"Acme set capex at $40 billion."});
  b.With(kAcme).With(Qty{"$40 billion", "USD", 4e10, 4e10});
  auto claims = b.Run(*assembler_);
  ASSERT_THAT(claims, SizeIs(1));
  EXPECT_EQ(claims[0].kind(), "spending");
  EXPECT_EQ(claims[0].direction(), v1::DIRECTION_UNSPECIFIED);
}

TEST_F(ClaimAssemblerTest, ExplainNamesTheLexiconEntriesAndRules) {
  Article a({"Acme shares fell 5%."});
  a.With(kAcme).With(Qty{"5%", "percent", 5, 5});
  auto claims = a.Run(*assembler_, /*explain=*/true);
  ASSERT_THAT(claims, SizeIs(1));
  std::string explain = absl::StrJoin(claims[0].explain(), "\n");
  EXPECT_THAT(explain, HasSubstr("trigger «shares» (xx/lexicon.textproto) → price_change"));
  EXPECT_THAT(explain, HasSubstr("change word «fell» → down"));
  EXPECT_THAT(explain, HasSubstr("subject «Acme»"));
  EXPECT_THAT(explain, HasSubstr("quantity «5%»"));
  EXPECT_THAT(a.Run(*assembler_, /*explain=*/false)[0].explain(), IsEmpty());
}

TEST_F(ClaimAssemblerTest, AssemblersSharingAMatcherReadOnlyTheirOwnHits) {
  constexpr char kOther[] = R"pb(
    lang: "yy"
    trigger {
      kind: "spending"
      phrase: [ "shares" ]
    }
  )pb";
  auto other = ClaimAssembler::Create("yy", Lexicon(kOther));
  ASSERT_TRUE(other.ok()) << other.status();
  PhraseMatcherBuilder builder;
  assembler_->RegisterPhrases(&builder);
  (*other)->RegisterPhrases(&builder);
  auto matcher = builder.Build();
  Article a({"Acme shares fell $4 billion."});
  a.With(kAcme).With(Qty{"$4 billion", "USD", 4e9, 4e9});
  auto mine = a.Run(*assembler_, *matcher);
  ASSERT_THAT(mine, SizeIs(1));
  EXPECT_EQ(mine[0].kind(), "price_change");
  EXPECT_FALSE(mine[0].has_quantity()) << "money is no share-price figure";
  auto theirs = a.Run(**other, *matcher);
  ASSERT_THAT(theirs, SizeIs(1));
  EXPECT_EQ(theirs[0].kind(), "spending");
}

TEST(ClaimAssemblerCreateTest, RejectsAMalformedLexicon) {
  auto unknown = ClaimAssembler::Create("xx", Lexicon(R"pb(trigger {
                                                             kind: "launch"
                                                             phrase: [ "x" ]
                                                           })pb"),
                                        "xx/lexicon.textproto");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(unknown.status().message(), HasSubstr("xx/lexicon.textproto"));
  EXPECT_THAT(unknown.status().message(), HasSubstr("undeclared kind \"launch\""));

  auto empty = ClaimAssembler::Create("xx", Lexicon(R"pb(direction {
                                                           direction: DIRECTION_UP
                                                           phrase: [ " " ]
                                                         })pb"));
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("empty phrase"));

  auto no_direction =
      ClaimAssembler::Create("xx", Lexicon(R"pb(direction { phrase: [ "up" ] })pb"));
  ASSERT_FALSE(no_direction.ok());
  EXPECT_THAT(no_direction.status().message(), HasSubstr("without a direction"));

  v1::ClaimLexicon twice = Lexicon();
  *twice.add_kind() = twice.kind(0);
  auto dup = ClaimAssembler::Create("xx", twice);
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(dup.status().message(), HasSubstr("declared twice"));
}

TEST(ParseClaimLexiconTest, NamesTheSourceLineAndColumn) {
  auto bad =
      ParseClaimLexicon("kind { name: \"x\" }\ntrigger { knd: \"x\" }\n", "fr/lexicon.textproto");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("fr/lexicon.textproto:2:"));
}

TEST(MergeClaimLexiconsTest, ChildExtendsParent) {
  v1::ClaimLexicon parent, child;
  parent.set_lang("zh");
  parent.add_trigger()->add_phrase("发布");
  parent.mutable_settings()->set_default_window(8);
  child.set_lang("zh-Hant");
  child.set_inherits("zh");
  child.add_trigger()->add_phrase("發布");
  v1::ClaimLexicon merged = MergeClaimLexicons(parent, child);
  EXPECT_EQ(merged.lang(), "zh-Hant");
  EXPECT_EQ(merged.inherits(), "zh");
  ASSERT_EQ(merged.trigger_size(), 2);
  EXPECT_EQ(merged.trigger(0).phrase(0), "发布");
  EXPECT_EQ(merged.trigger(1).phrase(0), "發布");
  EXPECT_EQ(merged.settings().default_window(), 8u);
}

}  // namespace
}  // namespace claimline::extract
