#include "extract/claim_json.h"

#include <cmath>
#include <string>

#include "gtest/gtest.h"

namespace claimline::extract {
namespace {

v1::Claim MarketValueClaim() {
  v1::Claim c;
  c.set_kind("market_value_change");
  c.mutable_subject()->set_entity("acme_motors");
  c.mutable_subject()->set_text("Acme \"Motors\"");
  c.mutable_subject()->set_type(v1::ENTITY_TYPE_ORGANIZATION);
  c.set_direction(v1::DIRECTION_DOWN);
  c.mutable_quantity()->set_unit("USD");
  c.mutable_quantity()->set_low(600000000000.0);
  c.mutable_quantity()->set_high(600000000000.0);
  c.mutable_quantity()->set_text("600 miliardi di $");
  c.mutable_when()->set_from("2025-01-01");
  c.mutable_when()->set_to("2025-01-31");
  c.mutable_when()->set_granularity(v1::GRANULARITY_MONTH);
  c.mutable_when()->set_anchor(v1::ANCHOR_CONTEXT);
  c.mutable_when()->set_text("gennaio");
  c.mutable_evidence()->set_begin(12);
  c.mutable_evidence()->set_end(40);
  c.set_confidence(0.8f);
  return c;
}

TEST(ClaimJsonTest, MatchesTheDocumentedShape) {
  EXPECT_EQ(ClaimToJson(MarketValueClaim()),
            "{\"kind\": \"market_value_change\", \"subject\": {\"entity\": \"acme_motors\", "
            "\"text\": \"Acme \\\"Motors\\\"\", \"type\": \"organization\"}, \"direction\": "
            "\"down\", \"quantity\": {\"unit\": \"USD\", \"low\": 600000000000, \"high\": "
            "600000000000, \"approx\": false, \"text\": \"600 miliardi di $\"}, \"when\": "
            "{\"from\": \"2025-01-01\", \"to\": \"2025-01-31\", \"granularity\": \"month\", "
            "\"anchor\": \"context\", \"text\": \"gennaio\"}, \"modality\": \"asserted\", "
            "\"evidence\": {\"begin\": 12, \"end\": 40}, \"confidence\": 0.8}");
}

TEST(ClaimJsonTest, OmitsWhatIsAbsentAndWritesNullBounds) {
  v1::Claim c;
  c.set_kind("net_worth_change");
  c.mutable_subject()->set_text("Ines Duarte");
  c.mutable_quantity()->set_unit("percent");
  c.mutable_quantity()->set_low(20);
  c.set_modality(v1::MODALITY_EXPECTED);
  c.add_explain("trigger \"fortune\"");
  EXPECT_EQ(ClaimToJson(c),
            "{\"kind\": \"net_worth_change\", \"subject\": {\"entity\": null, \"text\": \"Ines "
            "Duarte\"}, \"quantity\": {\"unit\": \"percent\", \"low\": 20, \"high\": null, "
            "\"approx\": false, \"text\": \"\"}, \"modality\": \"expected\", \"evidence\": "
            "{\"begin\": 0, \"end\": 0}, \"confidence\": 0, \"explain\": [\"trigger "
            "\\\"fortune\\\"\"]}");
}

TEST(ClaimJsonTest, NumbersAreExactAndShort) {
  EXPECT_EQ(JsonNumber(600000000000.0), "600000000000");
  EXPECT_EQ(JsonNumber(16.9), "16.9");
  EXPECT_EQ(JsonNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(JsonNumber(1e10), "10000000000");
  EXPECT_EQ(JsonNumber(-3), "-3");
  EXPECT_EQ(JsonNumber(1e300), "1e+300");
  EXPECT_EQ(JsonNumber(std::nan("")), "null");
}

TEST(ClaimJsonTest, StringsEscapeControlCharactersOnly) {
  EXPECT_EQ(JsonString("a\"b\\c\n\x01 黄仁勋"), "\"a\\\"b\\\\c\\n\\u0001 黄仁勋\"");
}

TEST(ClaimJsonTest, DocumentAndText) {
  EXPECT_EQ(ClaimsToJson({}), "{\"claims\": []}\n");
  std::vector<v1::Claim> claims = {MarketValueClaim()};
  std::string json = ClaimsToJson(claims);
  EXPECT_EQ(json.substr(0, 14), "{\"claims\": [\n ");
  EXPECT_EQ(json.substr(json.size() - 4), "\n]}\n");
  const std::string article(12, ' ');
  std::string text = ClaimsToText(claims, article + "Acme lost $600 billion in value.");
  EXPECT_NE(text.find("market_value_change"), std::string::npos);
  EXPECT_NE(text.find("600,000,000,000 USD"), std::string::npos);
  EXPECT_NE(text.find("2025-01-01..2025-01-31 (month, context)"), std::string::npos);
  EXPECT_NE(text.find("\"Acme lost $600 billion in va\""), std::string::npos);
}

}  // namespace
}  // namespace claimline::extract
