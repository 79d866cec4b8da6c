#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/measurement.h"

namespace smsdoc {

/// The kind that marks a records/*.yaml entry as a measurement, not a record.
inline constexpr const char* kMeasurementKind = "measurement";
/// A measurement's fields (YAML keys and CSV columns), required ones first.
const std::vector<std::string>& MeasurementFieldNames();
const std::vector<std::string>& RequiredMeasurementFields();

/// True for a mapping with `kind: measurement`.
bool IsMeasurementEntry(const YamlNode& node);

/// Reads one `kind: measurement` entry; appends it unless a field was bad.
void ReadMeasurement(const YamlNode& node, const std::string& path, Diagnostics& diags,
                     std::vector<Measurement>& out);

/// Reads a records/**/*.csv file whose header row names the columns
/// (MeasurementFieldNames); every bad cell is reported at its position.
std::vector<Measurement> LoadMeasurementsCsv(const std::string& path, std::string_view text,
                                             Diagnostics& diags);

}  // namespace smsdoc
