#pragma once
// SARIF 2.1.0 for code-scanning views: the pack's rules with their CP text as
// help, one result per failing or waived finding with the evidence file as its
// artifactLocation (relative to the EVIDENCE base) and the issuer/serial or log
// line as its logical location, stable partialFingerprints, baselineState when
// compared with a baseline (absent for fixed findings), and suppressions for
// waivers.

#include <nlohmann/json.hpp>

#include "reports/report_view.h"

namespace cpaudit {

nlohmann::json SarifReport(const ReportView& view);

}  // namespace cpaudit
