#pragma once
// The library's version and the report schema it writes.

namespace loopscore {

/// Library version, printed by `loopscore --version` and written into every report.
inline constexpr const char* kVersion = "0.1.0";

/// Report schema identifier; bump the number on any incompatible change to the report layout.
inline constexpr const char* kReportSchema = "loopscore/1";

}  // namespace loopscore
