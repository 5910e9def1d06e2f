#include "harness/model/artifact_kind.h"

#include <gtest/gtest.h>

namespace cpaudit {
namespace {

TEST(ArtifactKind, OneTableNamesReadsAndCountsEachKind) {
  ASSERT_EQ(ArtifactKinds().size(), kArtifactKinds + 1);  // and the corpus
  for (const ArtifactKindInfo& k : ArtifactKinds()) {
    EXPECT_EQ(&InfoOf(k.kind), &k);
    EXPECT_EQ(ParseArtifactKind(k.name), k.kind);
  }
  EXPECT_EQ(ParseArtifactKind("ocsp"), std::nullopt);
  EXPECT_EQ(KindOfPemLabel("X509 CRL"), ArtifactKind::kCrl);
  EXPECT_EQ(KindOfPemLabel("NEW CERTIFICATE REQUEST"), ArtifactKind::kCsr);
  EXPECT_EQ(KindOfPemLabel("PRIVATE KEY"), std::nullopt);
  EXPECT_EQ(KindOfFolder("crls"), ArtifactKind::kCrl);
  EXPECT_EQ(KindOfFolder("repository"), ArtifactKind::kCertificate);
  EXPECT_EQ(KindOfFolder("anything-else"), ArtifactKind::kCertificate);
  EXPECT_EQ(InfoOf(ArtifactKind::kCsr).plural, "CSRs");
}

}  // namespace
}  // namespace cpaudit
