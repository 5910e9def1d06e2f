#pragma once
// The life-cycle picture of the HTML report: an inline SVG timeline per CA of
// the evidence period, with certificates' validity as bars and their issuance
// and revocation as marks, each CRL's thisUpdate..nextUpdate, and every
// deadline rule's window (start, deadline, fulfilment), late ones in red and
// linked to their findings. Auditors read deadlines faster in a picture.

#include <string>

#include "reports/report_view.h"

namespace cpaudit {

// <section id="timeline">: a legend and one <svg> per CA.
std::string TimelineSection(const ReportView& view);

}  // namespace cpaudit
