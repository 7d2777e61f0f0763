// exchange_formats.h — the entry point of each export and import format (one file per
// format: export_<name>.cpp, import_<name>.cpp), gathered by the registry in exchange.cpp.
// Callers use exchange.h's registry, not these directly; tests may call them (the export<Name>
// forms collect the files in memory).
#pragma once

#include "core/exchange/exchange.h"
#include "core/exchange/export_sink.h"

namespace claimmark {

// Writing entry points: each format writes its files into the sink (export_sink.h).
Result<ExportReport> writeJsonl(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                ExportSink& sink);
Result<ExportReport> writeBrat(const std::vector<ExportSource>& sources, const ExportOptions& options,
                               ExportSink& sink);
Result<ExportReport> writeConll(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                ExportSink& sink);
Result<ExportReport> writeW3c(const std::vector<ExportSource>& sources, const ExportOptions& options, ExportSink& sink);
Result<ExportReport> writeCsv(const std::vector<ExportSource>& sources, const ExportOptions& options, ExportSink& sink);
Result<ExportReport> writeLabelStudio(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                      ExportSink& sink);
Result<ExportReport> writeDoccano(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                  ExportSink& sink);
// UIMA CAS JSON (uima/): one CAS per set, for INCEpTION and DKPro Cassis.
Result<ExportReport> writeUimaJson(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                   ExportSink& sink);
Result<ExportReport> writeClaimReview(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                      ExportSink& sink);
// WebAnno TSV 3.3 (INCEpTION): OUT/<stem>.tsv with OUT/<stem>.txt beside it (webanno/).
Result<ExportReport> writeWebannoTsv(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                     ExportSink& sink);
// Training datasets (dataset/): Hugging Face token classification, sentence rows.
Result<ExportReport> writeHfTokens(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                   ExportSink& sink);
Result<ExportReport> writeSentences(const std::vector<ExportSource>& sources, const ExportOptions& options,
                                    ExportSink& sink);

// The same, collected in memory (for tests).
inline Result<ExportOutput> exportJsonl(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeJsonl, sources, options);
}
inline Result<ExportOutput> exportBrat(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeBrat, sources, options);
}
inline Result<ExportOutput> exportConll(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeConll, sources, options);
}
inline Result<ExportOutput> exportW3c(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeW3c, sources, options);
}
inline Result<ExportOutput> exportCsv(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeCsv, sources, options);
}
inline Result<ExportOutput> exportLabelStudio(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeLabelStudio, sources, options);
}
inline Result<ExportOutput> exportDoccano(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeDoccano, sources, options);
}
inline Result<ExportOutput> exportUimaJson(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeUimaJson, sources, options);
}
inline Result<ExportOutput> exportClaimReview(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeClaimReview, sources, options);
}
inline Result<ExportOutput> exportWebannoTsv(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeWebannoTsv, sources, options);
}
inline Result<ExportOutput> exportHfTokens(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeHfTokens, sources, options);
}
inline Result<ExportOutput> exportSentences(const std::vector<ExportSource>& sources, const ExportOptions& options) {
    return exportIntoMemory(writeSentences, sources, options);
}

Result<ImportOutput> importJsonl(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importBrat(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importLabelStudio(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importDoccano(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importW3c(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importWebannoTsv(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);
Result<ImportOutput> importUimaJson(const std::vector<std::filesystem::path>& inputs, const ImportOptions& options);

}  // namespace claimmark
