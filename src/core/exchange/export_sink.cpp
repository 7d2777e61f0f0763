// export_sink.cpp — see export_sink.h.
#include "core/exchange/export_sink.h"

namespace claimmark {

ExportSink::ExportSink(std::size_t chunkSize) : m_chunkSize(chunkSize == 0 ? 1 : chunkSize) {
    m_buffer.reserve(m_chunkSize);
}

void ExportSink::beginFile(const std::string& relativePath) {
    closeCurrent();
    ++m_fileCount;
    if (failed()) return;
    recordFailure(openFile(relativePath));
    m_open = !failed();
}

void ExportSink::write(std::string_view bytes) {
    if (m_buffer.size() + bytes.size() <= m_chunkSize) {
        m_buffer.append(bytes);
        if (m_buffer.size() > m_largestBuffer) m_largestBuffer = m_buffer.size();
        return;
    }
    flush();
    if (bytes.size() >= m_chunkSize) {
        // Already in memory as one piece: passed on as it is, not copied.
        if (m_open && !failed()) recordFailure(writeBytes(bytes));
        return;
    }
    m_buffer.append(bytes);
    if (m_buffer.size() > m_largestBuffer) m_largestBuffer = m_buffer.size();
}

void ExportSink::flush() {
    if (!m_buffer.empty() && m_open && !failed()) recordFailure(writeBytes(m_buffer));
    m_buffer.clear();
}

void ExportSink::closeCurrent() {
    flush();
    if (m_open && !failed()) recordFailure(closeFile());
    m_open = false;
}

Status ExportSink::finish() {
    closeCurrent();
    return failed() ? Status::failure(m_error) : Status::success();
}

Status MemoryExportSink::openFile(const std::string& relativePath) {
    m_files.push_back(ExportFile{relativePath, {}});
    return Status::success();
}

Status MemoryExportSink::writeBytes(std::string_view bytes) {
    m_files.back().content.append(bytes);
    return Status::success();
}

Result<ExportOutput> exportIntoMemory(ExportWriteFunction write, const std::vector<ExportSource>& sources,
                                      const ExportOptions& options) {
    MemoryExportSink sink;
    Result<ExportReport> report = write(sources, options, sink);
    if (!report) return report.errors();
    sink.finish();
    ExportOutput output;
    output.files = std::move(sink.files());
    output.notices = std::move(report->notices);
    output.besideFiles = std::move(report->besideFiles);
    return output;
}

}  // namespace claimmark
