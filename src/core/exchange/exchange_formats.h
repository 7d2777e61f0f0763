// exchange_formats.h — the entry point of each export and import format (one file per
// format: export_<name>.cpp, import_<name>.cpp), gathered by the registry in exchange.cpp.
// Callers use exchange.h's registry, not these directly; tests may call them.
#pragma once

#include "core/exchange/exchange.h"

namespace claimmark {

Result<ExportOutput> exportJsonl(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportBrat(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportConll(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportW3c(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportCsv(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportLabelStudio(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportDoccano(const std::vector<ExportSource>& sources, const ExportOptions& options);
Result<ExportOutput> exportClaimReview(const std::vector<ExportSource>& sources, const ExportOptions& options);

Result<ImportOutput> importJsonl(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importBrat(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importLabelStudio(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importDoccano(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importW3c(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);

}  // namespace claimmark
