// export_sink.h — where an export format writes its files: a sink that holds at most one
// chunk of text at a time and hands each full chunk on, so no whole file (a 200 MB article's
// CoNLL table, a JSON document) is ever held in memory.
//
// A format calls beginFile() for each file of its output, in order (the previous file is
// then complete), and appends text with write() / += (json strings and numbers through
// export_json_text.h). Text up to the chunk size is gathered in the buffer; a piece that
// would overflow it first sends the buffer on, and a piece of a chunk or more goes on as it
// is, so the buffer never grows past the chunk size. The first failure of the destination
// (a full disk, a bad path) is kept, and later text is dropped: finish() reports it.
//
// Destinations: MemoryExportSink (below: the files as strings, for tests and callers that
// want them in memory) and ExportFileSink (export_writer.h: straight to the temporary file
// or staging folder, moved into place only when the whole output is there).
#pragma once

#include "core/diagnostic.h"
#include "core/exchange/exchange.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark {

class ExportSink {
public:
    static constexpr std::size_t kDefaultChunkSize = std::size_t(1) << 20;  // 1 MiB

    explicit ExportSink(std::size_t chunkSize = kDefaultChunkSize);
    virtual ~ExportSink() = default;
    ExportSink(const ExportSink&) = delete;
    ExportSink& operator=(const ExportSink&) = delete;

    // Starts the next file: an empty path for a one-file output, else a path relative to
    // the output folder ('/' separators). The file before it is complete.
    void beginFile(const std::string& relativePath);
    void write(std::string_view bytes);
    void put(char c) {
        if (m_buffer.size() >= m_chunkSize) flush();
        m_buffer.push_back(c);
        if (m_buffer.size() > m_largestBuffer) m_largestBuffer = m_buffer.size();
    }
    ExportSink& operator+=(std::string_view bytes) {
        write(bytes);
        return *this;
    }
    ExportSink& operator+=(char c) {
        put(c);
        return *this;
    }

    // Hands on what is buffered and closes the last file; the first failure, if any.
    Status finish();

    bool failed() const { return !m_error.empty(); }
    std::size_t fileCount() const { return m_fileCount; }
    std::size_t chunkSize() const { return m_chunkSize; }
    // The most bytes the buffer ever held (never more than chunkSize()).
    std::size_t largestBuffer() const { return m_largestBuffer; }

protected:
    // The destination's side: each is called only while no failure has been recorded.
    virtual Status openFile(const std::string& relativePath) = 0;
    virtual Status writeBytes(std::string_view bytes) = 0;
    virtual Status closeFile() = 0;

    // The first failure (kept; the ones after it are consequences).
    const std::string& error() const { return m_error; }
    void recordFailure(const Status& status) {
        if (!status && m_error.empty()) m_error = status.error;
    }

private:
    void flush();
    void closeCurrent();

    std::string m_buffer;
    std::size_t m_chunkSize;
    std::size_t m_largestBuffer = 0;
    std::size_t m_fileCount = 0;
    bool m_open = false;
    std::string m_error;
};

// The files as strings, in the order begun.
class MemoryExportSink : public ExportSink {
public:
    using ExportSink::ExportSink;
    std::vector<ExportFile>& files() { return m_files; }

protected:
    Status openFile(const std::string& relativePath) override;
    Status writeBytes(std::string_view bytes) override;
    Status closeFile() override { return Status::success(); }

private:
    std::vector<ExportFile> m_files;
};

// Runs a format's writing entry point into a MemoryExportSink: its files and notices.
using ExportWriteFunction = Result<ExportReport> (*)(const std::vector<ExportSource>& sources,
                                                     const ExportOptions& options, ExportSink& sink);
Result<ExportOutput> exportIntoMemory(ExportWriteFunction write, const std::vector<ExportSource>& sources,
                                      const ExportOptions& options);

}  // namespace claimmark
