// export_writer.cpp — see export_writer.h. The two targets are export_one_file_target.cpp
// and export_folder_target.cpp.
#include "core/exchange/export_writer.h"

#include "core/exchange/export_targets.h"

namespace claimmark {

namespace fs = std::filesystem;

ExportFileSink::ExportFileSink(const fs::path& out, ExportLayout layout, std::size_t chunkSize)
    : ExportSink(chunkSize),
      m_target(layout == ExportLayout::Folder ? makeFolderTarget(out) : makeOneFileTarget(out)) {}

ExportFileSink::~ExportFileSink() { abandon(); }

Status ExportFileSink::openFile(const std::string& relativePath) { return m_target->openFile(relativePath); }
Status ExportFileSink::writeBytes(std::string_view bytes) { return m_target->write(bytes); }
Status ExportFileSink::closeFile() { return m_target->closeFile(); }

Status ExportFileSink::commit() {
    if (m_done) return Status::failure("the export was already put in place or abandoned");
    Status finished = finish();
    if (!finished) {
        abandon();
        return finished;
    }
    m_done = true;
    Status committed = m_target->commit();
    if (!committed) m_target->abandon();
    return committed;
}

void ExportFileSink::abandon() {
    if (m_done) return;
    m_done = true;
    m_target->abandon();
}

Status writeFilesIntoFolder(const fs::path& folder, const std::vector<ExportFile>& files) {
    ExportFileSink sink(folder, ExportLayout::Folder);
    for (const ExportFile& file : files) {
        sink.beginFile(file.relativePath);
        if (sink.failed()) break;
        sink.write(file.content);
    }
    return sink.commit();
}

Status writeExportOutput(const fs::path& out, const ExportOutput& output, ExportLayout layout) {
    if (layout == ExportLayout::Folder) return writeFilesIntoFolder(out, output.files);
    if (output.files.size() != 1 || !output.files.front().relativePath.empty())
        return Status::failure(out.string() + ": the format produced " + std::to_string(output.files.size()) +
                               " files for a one-file output");
    ExportFileSink sink(out, ExportLayout::File);
    sink.beginFile("");
    sink.write(output.files.front().content);
    return sink.commit();
}

}  // namespace claimmark
