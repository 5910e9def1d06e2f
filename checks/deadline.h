#pragma once
#include "checks/registry.h"

namespace cpaudit {
// deadline: one event (or a certificate's issuance) must be followed, or
// preceded, by another within a time limit. The one primitive behind every
// life-cycle rule of chapters 3 and 4.
//
//   from: {event: TYPE, where: {FIELD: {present|equals|in|not_in: ...}}}
//         (applies_to: certificate: `from: {event: certificate_issued}`, the
//         certificate's own issuance event, found by serial)
//   to:   a requirement, or a list of requirements that must all hold:
//         {event: TYPE|[TYPES], join: FIELD|{from: F, to: F},
//          order: after|before|any, before: {event: TYPE|[TYPES]}}
//         {crl: issued|lists}   a published CRL with thisUpdate at or after
//                               `from` (`lists`: the first CRL issued after it
//                               lists its serial, and the target is the first
//                               published one that does); its time is its
//                               crl_published event; a CRL without one in a log
//                               that records others was never published; with
//                               none recorded, thisUpdate stands in (and says so)
//         {field: FIELD}        a time carried by the `from` event
//   within:   {business_days|calendar_days|hours: N}   the target's latest time:
//             days end at 24:00 local of the N-th (business) day after the day
//             of `from`, whose own day does not count
//   at_least: {business_days: N}   `from` comes by 24:00 local of the N-th
//                                  business day before the target's day
//                                  (counting only days strictly before it)
//   required: true            (false: a missing target is fine)
//   open_until_deadline: false (true: a missing target before the deadline, or
//                               with no deadline, is pending: not_evaluated)
// Events after the evaluation time are not yet known. Placeholders: {detail},
// {key}, {from_time}, {to_time}, {deadline}, {late}.
PrimitiveInfo DeadlinePrimitive();
}  // namespace cpaudit
