// import_brat.cpp — brat standoff import: each .ann (with the .txt of the same stem beside it)
// becomes one set; a folder input means every .ann inside it, sorted by name.
//
// [SECTION] Inputs        which .ann files, unique stems
// [SECTION] Building      T -> annotations (spans checked against the .txt), A/M and N ->
//                         attributes, # -> notes, R / E / * -> relations (see brat_format.h)
// [SECTION] Entry point
//
// Each line is parsed into one Record (brat_ann_parser.h); a malformed line is a diagnostic
// with its line number.
//
// Problems are collected for every line. Without `lenient` any problem fails the import and
// all of them are returned; with it the line is skipped and listed, and so is everything
// that refers to it (an R line whose T was skipped, ...).
#include "core/exchange/brat/brat_format.h"
#include "core/exchange/brat/brat_ann_parser.h"
#include "core/exchange/brat/brat_id_index.h"
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "core/storage/file_io.h"
#include "core/exchange/import_support.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

using brat::inQuotes;
using brat::Kind;
using brat::parseLine;
using brat::Record;

// --- [SECTION] Inputs ---------------------------------------------------------------------

struct AnnInput {
    fs::path ann;
    fs::path txt;
    std::string stem;
};

void collectInputs(const std::vector<fs::path>& inputs, std::vector<AnnInput>& out, Diagnostics& errors) {
    std::set<std::string> stems;
    auto add = [&](const fs::path& ann) {
        AnnInput in{ann, fs::path(ann).replace_extension(".txt"), ann.stem().string()};
        // Two folders may hold the same name; the stem names the output files, so keep it unique.
        std::string stem = in.stem.empty() ? "document" : in.stem;
        for (int n = 2; !stems.insert(stem).second; ++n) stem = in.stem + "-" + std::to_string(n);
        in.stem = stem;
        out.push_back(std::move(in));
    };
    for (const fs::path& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::directory_iterator(input, ec))
                if (entry.path().extension() == ".ann" && !entry.is_directory()) found.push_back(entry.path());
            if (ec) {
                errors.push_back({input.string(), "", "cannot list the folder: " + ec.message()});
                continue;
            }
            if (found.empty()) errors.push_back({input.string(), "", "the folder holds no .ann file"});
            std::sort(found.begin(), found.end());
            for (const fs::path& p : found) add(p);
        } else if (!fs::exists(input, ec)) {
            errors.push_back({input.string(), "", "no such file or folder"});
        } else if (input.extension() == ".ann") {
            add(input);
        } else if (input.extension() == ".txt" && fs::exists(fs::path(input).replace_extension(".ann"), ec)) {
            add(fs::path(input).replace_extension(".ann"));
        } else {
            errors.push_back({input.string(), "", "expected a brat .ann file (with its .txt beside it) or a folder"});
        }
    }
}

// --- [SECTION] Building -------------------------------------------------------------------

struct FileImport {
    const AnnInput& input;
    const ImportOptions& options;
    std::string file;  // the .ann as named, for messages
    Diagnostics problems;
    std::vector<std::string> notices;

    void problem(std::size_t line, std::string message) {
        problems.push_back({file, line ? "line " + std::to_string(line) : "", std::move(message)});
    }
};

// A T line that passed its checks, on its way to becoming an annotation.
struct Pending {
    const Record* record;
    std::vector<Span> spans;  // sorted
    Attributes attributes;
    std::string note;
    bool event = false;
    std::string addedId;  // the claimmark id, once added
};

// What the lines of one file refer to: ids resolved through the index, per-record state in
// arrays beside the records (no map keyed by strings on the way).
struct Lines {
    std::vector<Record> records;
    brat::IdIndex byId;                    // T/R/E id -> record index
    std::vector<char> failed;              // per record: its line was a problem
    std::vector<std::uint32_t> pendingOf;  // per record: index into `pending`, or kNone
    std::vector<Pending> pending;

    explicit Lines(std::size_t lineCount) : byId(lineCount) { records.reserve(lineCount); }

    const Record* find(std::string_view id) const {
        const std::uint32_t at = byId.find(id);
        return at == brat::IdIndex::kNone ? nullptr : &records[at];
    }
    std::size_t indexOf(const Record& r) const { return std::size_t(&r - records.data()); }
    bool hasFailed(std::string_view id) const {
        const std::uint32_t at = byId.find(id);
        return at != brat::IdIndex::kNone && failed[at];
    }
    // The T record an A/N/#/E/* line's id stands for: T itself, or an event's trigger.
    const Record* triggerOf(std::string_view id) const {
        const Record* r = find(id);
        if (!r) return nullptr;
        if (r->kind == Kind::Text) return r;
        if (r->kind == Kind::Event) {
            const Record* t = find(r->arguments.front().id);
            return t && t->kind == Kind::Text ? t : nullptr;
        }
        return nullptr;
    }
    // The pending annotation of a T record (or of the trigger `id` stands for), or null.
    Pending* pendingOfId(std::string_view id) {
        const Record* t = triggerOf(id);
        if (!t) return nullptr;
        const std::uint32_t at = pendingOf[indexOf(*t)];
        return at == brat::IdIndex::kNone ? nullptr : &pending[at];
    }
};

// The text a # line gives its annotation or relation: the note, prefixed by its type unless
// it is brat's own AnnotatorNotes.
std::string noteText(const Record& r) {
    return r.type == "AnnotatorNotes" ? std::string(r.text) : std::string(r.type) + ": " + std::string(r.text);
}
std::string str(std::string_view text) { return std::string(text); }

// Attributes the schema lacks get one definition from all their values in the file (so a
// file whose first value is "4" and a later one "High" makes an enum, not a failing ordinal).
void defineNewAttributes(ImportBuilder& builder,
                         const std::vector<std::pair<const Record*, const Pending*>>& attributes, FileImport& fi) {
    struct Seen {
        bool binary = false;
        bool nonInteger = false;
        std::int64_t min = 0, max = 0;
        bool anyInteger = false;
        std::vector<std::string> values;
    };
    std::map<std::pair<std::string, std::string>, Seen> seen;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& [r, p] : attributes) {
        const std::string label = str(p->record->type);
        const LabelDef* def = builder.set().schema.findLabel(label);
        if (!def || def->findAttribute(str(r->type))) continue;
        auto key = std::make_pair(label, str(r->type));
        auto [it, fresh] = seen.try_emplace(key);
        if (fresh) order.push_back(key);
        Seen& s = it->second;
        if (!r->hasValue) {
            s.binary = true;
            continue;
        }
        if (std::find(s.values.begin(), s.values.end(), r->value) == s.values.end()) s.values.push_back(str(r->value));
        const std::optional<std::size_t> n = brat::parseOffset(r->value);
        if (!n) {
            s.nonInteger = true;
            continue;
        }
        const auto v = static_cast<std::int64_t>(*n);
        if (!s.anyInteger) s.min = s.max = v;
        s.min = std::min(s.min, v), s.max = std::max(s.max, v), s.anyInteger = true;
    }
    for (const auto& key : order) {
        const Seen& s = seen[key];
        AttributeDef def;
        def.name = key.second;
        def.description = "added on import from " + fi.file;
        if (s.values.empty()) {
            def.kind = AttributeKind::Bool;
        } else if (!s.binary && !s.nonInteger) {
            def.kind = AttributeKind::Ordinal, def.min = s.min, def.max = s.max;
        } else {
            def.kind = AttributeKind::Enum;
            def.values = s.values;
            if (s.binary) def.values.push_back("true");
        }
        for (LabelDef& label : builder.set().schema.labels)
            if (label.name == key.first) label.attributes.push_back(def);
        fi.notices.push_back(fi.file + ": attribute " + inQuotes(key.second) + " of label " + inQuotes(key.first) +
                             " is not in the schema; added it as " + attributeKindName(def.kind));
    }
}

// Every line into a Record; ids of T, R and E lines indexed.
void parseLines(std::string_view ann, Lines& lines, FileImport& fi) {
    std::size_t lineNumber = 0;
    for (std::size_t from = 0; from <= ann.size();) {
        const std::size_t newline = std::min(ann.find('\n', from), ann.size());
        std::string_view line = ann.substr(from, newline - from);
        from = newline + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // a .ann saved with CRLF
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        Record& r = lines.records.emplace_back();
        r.line = lineNumber;
        std::string p = parseLine(line, r);
        if (p.empty() && (r.kind == Kind::Text || r.kind == Kind::Relation || r.kind == Kind::Event) &&
            !lines.byId.insert(r.id, std::uint32_t(lines.records.size() - 1)))
            p = str(r.id) + ": the id is used twice (first on line " + std::to_string(lines.find(r.id)->line) + ")";
        if (!p.empty()) {
            fi.problem(lineNumber, p);
            lines.records.pop_back();
        }
    }
    lines.failed.assign(lines.records.size(), 0);
    lines.pendingOf.assign(lines.records.size(), brat::IdIndex::kNone);
}

std::optional<ImportedDocument> importOne(const AnnInput& input, const ImportOptions& options, FileImport& fi) {
    Result<std::string> annBytes = readFileBytes(input.ann);
    if (!annBytes) {
        fi.problems.insert(fi.problems.end(), annBytes.errors().begin(), annBytes.errors().end());
        return std::nullopt;
    }
    if (auto bad = utf8::findInvalid(*annBytes)) {
        fi.problems.push_back(
            {fi.file, "byte " + std::to_string(bad->byteOffset), std::string("not valid UTF-8 (") + bad->reason + ")"});
        return std::nullopt;
    }
    Result<std::string> txtBytes = readFileBytes(input.txt);
    if (!txtBytes) {
        for (Diagnostic d : txtBytes.errors()) {
            d.message += " (the text of " + fi.file + ")";
            fi.problems.push_back(std::move(d));
        }
        return std::nullopt;
    }
    // Named after the .ann so schema notices point at it; text problems name the .txt.
    Result<ImportBuilder> created = ImportBuilder::create(std::move(*txtBytes), input.stem, fi.file, options);
    if (!created) {
        for (Diagnostic d : created.errors()) {
            if (d.file == fi.file) d.file = input.txt.string();
            fi.problems.push_back(std::move(d));
        }
        return std::nullopt;
    }
    ImportBuilder& builder = *created;
    const Document& document = builder.document();

    Lines lines(std::size_t(std::count(annBytes->begin(), annBytes->end(), '\n')) + 1);
    parseLines(*annBytes, lines, fi);
    std::vector<Record>& records = lines.records;

    auto refersTo = [&](const Record& r, std::string_view id) {
        const std::string who = r.id.empty() ? "* line" : str(r.id);
        if (lines.hasFailed(id)) return who + ": refers to " + str(id) + ", which was left out (see its line)";
        if (!lines.find(id)) return who + ": refers to " + str(id) + ", which is not in the file";
        return who + ": refers to " + str(id) + ", which cannot be the target here";
    };

    // Events are checked first: attributes and notes may point at them.
    for (const Record& r : records) {
        if (r.kind != Kind::Event) continue;
        const Record* t = lines.find(r.arguments.front().id);
        if (!t || t->kind != Kind::Text) {
            fi.problem(r.line, str(r.id) + ": the trigger " + str(r.arguments.front().id) +
                                   " is not a T annotation in the file");
            lines.failed[lines.indexOf(r)] = 1;
        }
    }

    // T lines: check the spans and the stated text.
    std::vector<Pending>& pending = lines.pending;
    pending.reserve(records.size());
    auto byStart = [](const Span& x, const Span& y) { return x.start < y.start; };
    for (Record& r : records) {
        if (r.kind != Kind::Text) continue;
        // The stated text joins the fragments as listed; accept either that or document order.
        std::vector<Span> listed;
        if (r.hasText && !std::is_sorted(r.spans.begin(), r.spans.end(), byStart)) listed = r.spans;
        std::string p = builder.checkSpans(r.spans, nullptr);
        if (p.empty() && r.hasText) {
            const std::string found = coveredText(document, r.spans);
            if (found != r.text && (listed.empty() || coveredText(document, listed) != r.text)) {
                // brat trusts the offsets: a text column with stray white space around it is fine.
                if (sameButSurroundingWhiteSpace(r.text, found)) builder.countStrayWhiteSpace();
                else p = "expected " + inQuotes(r.text) + ", found " + inQuotes(found);
            }
        }
        if (!p.empty()) {
            fi.problem(r.line, str(r.id) + ": " + p);
            lines.failed[lines.indexOf(r)] = 1;
            continue;
        }
        builder.ensureLabel(str(r.type));
        lines.pendingOf[lines.indexOf(r)] = std::uint32_t(pending.size());
        pending.push_back({&r, std::move(r.spans), {}, {}, false, {}});
    }
    for (const Record& r : records) {
        if (r.kind != Kind::Event || lines.failed[lines.indexOf(r)]) continue;
        const std::string_view t = r.arguments.front().id;
        if (lines.hasFailed(t)) {
            fi.problem(r.line, refersTo(r, t));
            lines.failed[lines.indexOf(r)] = 1;
            continue;
        }
        lines.pendingOfId(t)->event = true;
    }

    // A/M, N and # lines: attributes and notes of the annotations (relation notes kept aside).
    std::vector<std::pair<const Record*, Pending*>> annotating;       // A/M/N/# line -> its annotation
    std::unordered_map<std::string_view, std::string> relationNotes;  // R id -> note
    for (const Record& r : records) {
        if (r.kind != Kind::Attribute && r.kind != Kind::Normalization && r.kind != Kind::Note) continue;
        const Record* target = lines.find(r.target);
        if (r.kind == Kind::Note && target && target->kind == Kind::Relation) {
            std::string& note = relationNotes[r.target];
            note += (note.empty() ? "" : "\n") + noteText(r);
            continue;
        }
        const Record* t = lines.triggerOf(r.target);
        Pending* p = lines.hasFailed(r.target) ? nullptr : lines.pendingOfId(r.target);
        if (!p) {
            std::string problem = refersTo(r, t && lines.hasFailed(t->id) ? t->id : r.target);
            if (target && target->kind == Kind::Relation)
                problem = str(r.id) + ": " + (r.kind == Kind::Attribute ? "attributes" : "normalizations") +
                          " on relations (" + str(r.target) + ") are not supported";
            fi.problem(r.line, problem);
            continue;
        }
        annotating.emplace_back(&r, p);
    }
    {
        std::vector<std::pair<const Record*, const Pending*>> attributeLines;
        for (const auto& [r, p] : annotating)
            if (r->kind == Kind::Attribute) attributeLines.emplace_back(r, p);
        defineNewAttributes(builder, attributeLines, fi);
    }

    std::size_t normalizations = 0;
    for (const auto& [rp, pp] : annotating) {
        const Record& r = *rp;
        Pending& p = *pp;
        const std::string label = str(p.record->type);
        if (r.kind == Kind::Note) {
            p.note += (p.note.empty() ? "" : "\n") + noteText(r);
        } else if (r.kind == Kind::Attribute) {
            const std::string name = str(r.type);
            if (p.attributes.count(name)) {
                fi.problem(r.line, str(r.id) + ": " + str(r.target) + " already has attribute " + inQuotes(r.type));
                continue;
            }
            AttributeValue value;
            const nlohmann::json json = r.hasValue ? nlohmann::json(str(r.value)) : nlohmann::json(true);
            if (std::string e = builder.ensureAttribute(label, name, json, value); !e.empty()) {
                fi.problem(r.line, str(r.id) + ": " + e);
                continue;
            }
            p.attributes[name] = std::move(value);
        } else {
            // N: text attribute "reference", "reference-2", ... holding "db:id[ string]".
            int index = 1;
            while (p.attributes.count(brat::referenceAttributeName(index))) ++index;
            const std::string name = brat::referenceAttributeName(index);
            for (LabelDef& def : builder.set().schema.labels) {
                if (def.name != label || def.findAttribute(name)) continue;
                AttributeDef added;
                added.name = name;
                added.kind = AttributeKind::Text;
                added.description = "brat normalization (N line): DB:ID, then the entry's text";
                def.attributes.push_back(std::move(added));
                fi.notices.push_back(fi.file + ": attribute " + inQuotes(name) + " of label " + inQuotes(label) +
                                     " is not in the schema; added it as text (it holds brat N lines)");
            }
            AttributeValue value;
            const std::string text = str(r.value) + (r.hasText && !r.text.empty() ? " " + str(r.text) : "");
            if (std::string e = builder.ensureAttribute(label, name, nlohmann::json(text), value); !e.empty()) {
                fi.problem(r.line, str(r.id) + ": " + e);
                continue;
            }
            p.attributes[name] = std::move(value);
            ++normalizations;
        }
    }

    // Annotations, in file order.
    builder.set().reserve(pending.size(), records.size() - pending.size());
    std::size_t events = 0;
    for (Pending& p : pending) {
        std::string error;
        p.addedId = builder.addAnnotation(str(p.record->type), std::move(p.spans), std::move(p.attributes),
                                          std::move(p.note), error);
        if (p.addedId.empty()) {
            fi.problem(p.record->line, str(p.record->id) + ": " + error);
            lines.failed[lines.indexOf(*p.record)] = 1;
            continue;
        }
        if (p.event) {
            Annotation a = *builder.set().findAnnotation(p.addedId);
            a.extra[brat::kEventKey] = true;
            builder.set().replaceAnnotation(std::move(a));
            ++events;
        }
    }

    // R, E and * lines become relations, in file order.
    auto addRelation = [&](const Record& r, std::string_view type, std::string_view fromBrat, std::string_view toBrat,
                           bool eventArgument, bool equivalence = false) {
        const Pending* from = lines.pendingOfId(fromBrat);
        const Pending* to = lines.pendingOfId(toBrat);
        for (const auto& [end, bratId] : {std::pair{from, fromBrat}, std::pair{to, toBrat}}) {
            if (end && !end->addedId.empty() && !lines.hasFailed(bratId)) continue;
            const Record* t = lines.triggerOf(bratId);
            fi.problem(r.line, refersTo(r, !t || lines.hasFailed(bratId) ? bratId : t->id));
            return false;
        }
        AnnotationSet& set = builder.set();
        Relation relation;
        relation.type = str(type);
        builder.ensureRelation(relation.type, str(from->record->type), str(to->record->type));
        relation.id = set.nextRelationId();
        relation.from = from->addedId;
        relation.to = to->addedId;
        if (eventArgument) relation.extra[brat::kEventArgumentKey] = true;
        if (equivalence) relation.extra[brat::kEquivalenceKey] = true;
        if (auto note = relationNotes.find(r.id); !r.id.empty() && note != relationNotes.end())
            relation.extra[brat::kRelationNoteKey] = note->second;
        if (Status s = set.addRelation(std::move(relation)); !s) {
            fi.problem(r.line, (r.id.empty() ? "* line" : str(r.id)) + ": " + s.error);
            return false;
        }
        return true;
    };
    std::size_t equivLines = 0;
    for (const Record& r : records) {
        if (r.kind == Kind::Relation) {
            addRelation(r, r.type, r.arguments[0].id, r.arguments[1].id, false);
        } else if (r.kind == Kind::Event && !lines.failed[lines.indexOf(r)]) {
            const std::string_view label = lines.find(r.arguments.front().id)->type;
            if (r.type != label)
                fi.notices.push_back(fi.file + ": line " + std::to_string(r.line) + ": " + str(r.id) + ": event type " +
                                     inQuotes(r.type) + " differs from its trigger's label " + inQuotes(label) +
                                     "; kept the trigger's label");
            for (std::size_t i = 1; i < r.arguments.size(); ++i)
                addRelation(r, r.arguments[i].role, r.id, r.arguments[i].id, true);
        } else if (r.kind == Kind::Equiv) {
            ++equivLines;
            for (std::size_t i = 1; i < r.arguments.size(); ++i)
                addRelation(r, r.type, r.arguments[i - 1].id, r.arguments[i].id, false, true);
        }
    }

    if (events)
        fi.notices.push_back(fi.file + ": " + std::to_string(events) +
                             " event(s) (E lines) kept as their trigger annotation plus one relation per argument, "
                             "typed by role");
    if (equivLines)
        fi.notices.push_back(fi.file + ": " + std::to_string(equivLines) +
                             " '*' line(s) kept as relations between consecutive members");
    if (normalizations)
        fi.notices.push_back(fi.file + ": " + std::to_string(normalizations) +
                             " normalization(s) (N lines) kept as text attributes \"reference\"");
    const std::vector<std::string> builderNotices = builder.notices();
    fi.notices.insert(fi.notices.begin(), builderNotices.begin(), builderNotices.end());

    ImportedDocument imported = std::move(builder).finish();
    imported.articlePath = input.txt;
    return imported;
}

}  // namespace

// --- [SECTION] Entry point ----------------------------------------------------------------

Result<ImportOutput> importBrat(const std::vector<fs::path>& inputs, const ImportOptions& options) {
    std::vector<AnnInput> files;
    Diagnostics errors;
    collectInputs(inputs, files, errors);
    if (!errors.empty()) return errors;

    ImportOutput output;
    for (const AnnInput& input : files) {
        FileImport fi{input, options, input.ann.string(), {}, {}};
        std::optional<ImportedDocument> imported = importOne(input, options, fi);
        if (!imported) {
            // The file as a whole could not be read: nothing of it to keep, even when lenient.
            errors.insert(errors.end(), fi.problems.begin(), fi.problems.end());
            continue;
        }
        if (options.lenient) {
            output.skipped.insert(output.skipped.end(), fi.problems.begin(), fi.problems.end());
        } else {
            errors.insert(errors.end(), fi.problems.begin(), fi.problems.end());
        }
        for (std::string& n : fi.notices) output.notices.push_back(std::move(n));
        output.documents.push_back(std::move(*imported));
    }
    if (!errors.empty()) return errors;
    return output;
}

}  // namespace claimmark
