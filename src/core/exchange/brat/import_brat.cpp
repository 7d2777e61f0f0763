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
#include "core/model/covered_text.h"
#include "core/exchange/exchange_formats.h"
#include "core/storage/file_io.h"
#include "core/exchange/import_support.h"
#include "core/text/utf8.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace claimmark {

namespace fs = std::filesystem;

namespace {

using brat::inQuotes;
using brat::Kind;
using brat::parseLine;
using brat::Record;
using brat::splitOn;

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

// Attributes the schema lacks get one definition from all their values in the file (so a
// file whose first value is "4" and a later one "High" makes an enum, not a failing ordinal).
void defineNewAttributes(ImportBuilder& builder, const std::vector<const Record*>& attributeRecords,
                         const std::unordered_map<std::string, std::string>& labelOfTarget, FileImport& fi) {
    struct Seen {
        bool binary = false;
        bool nonInteger = false;
        std::int64_t min = 0, max = 0;
        bool anyInteger = false;
        std::vector<std::string> values;
    };
    std::map<std::pair<std::string, std::string>, Seen> seen;
    std::vector<std::pair<std::string, std::string>> order;
    for (const Record* r : attributeRecords) {
        auto label = labelOfTarget.find(r->target);
        if (label == labelOfTarget.end()) continue;
        const LabelDef* def = builder.set().schema.findLabel(label->second);
        if (!def || def->findAttribute(r->type)) continue;
        auto key = std::make_pair(label->second, r->type);
        auto [it, fresh] = seen.try_emplace(key);
        if (fresh) order.push_back(key);
        Seen& s = it->second;
        if (!r->value) {
            s.binary = true;
            continue;
        }
        if (std::find(s.values.begin(), s.values.end(), *r->value) == s.values.end()) s.values.push_back(*r->value);
        const std::optional<std::size_t> n = brat::parseOffset(*r->value);
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

    // Parse every line.
    std::vector<Record> records;
    std::unordered_map<std::string, std::size_t> byId;  // T/R/E id -> record index
    const std::vector<std::string_view> lines = splitOn(*annBytes, '\n');
    records.reserve(lines.size());
    byId.reserve(lines.size());
    std::size_t lineNumber = 0;
    for (std::string_view line : lines) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // a .ann saved with CRLF
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        Record r;
        r.line = lineNumber;
        if (std::string p = parseLine(line, r); !p.empty()) {
            fi.problem(lineNumber, p);
            continue;
        }
        if (r.kind == Kind::Text || r.kind == Kind::Relation || r.kind == Kind::Event) {
            if (!byId.emplace(r.id, records.size()).second) {
                fi.problem(lineNumber, r.id + ": the id is used twice (first on line " +
                                           std::to_string(records[byId[r.id]].line) + ")");
                continue;
            }
        }
        records.push_back(std::move(r));
    }

    // Resolves an id an A/N/#/E/* line points at to a T id: T itself, or an event's trigger.
    std::unordered_set<std::string> failed;  // ids whose line was a problem
    auto kindOf = [&](const std::string& id) -> const Record* {
        auto it = byId.find(id);
        return it == byId.end() ? nullptr : &records[it->second];
    };
    auto triggerOf = [&](const std::string& id) -> std::string {
        const Record* r = kindOf(id);
        if (!r) return {};
        if (r->kind == Kind::Text) return r->id;
        if (r->kind == Kind::Event) {
            const Record* t = kindOf(r->arguments.front().id);
            return t && t->kind == Kind::Text ? t->id : std::string();
        }
        return {};
    };
    auto refersTo = [&](const Record& r, const std::string& id) {
        const std::string who = r.id.empty() ? "* line" : r.id;
        if (failed.count(id)) return who + ": refers to " + id + ", which was left out (see its line)";
        if (!kindOf(id)) return who + ": refers to " + id + ", which is not in the file";
        return who + ": refers to " + id + ", which cannot be the target here";
    };

    // Events are checked first: attributes and notes may point at them.
    for (const Record& r : records) {
        if (r.kind != Kind::Event) continue;
        const Record* t = kindOf(r.arguments.front().id);
        if (!t || t->kind != Kind::Text) {
            fi.problem(r.line, r.id + ": the trigger " + r.arguments.front().id + " is not a T annotation in the file");
            failed.insert(r.id);
        }
    }

    // T lines: check the spans and the stated text.
    struct Pending {
        const Record* record;
        std::vector<Span> spans;  // sorted
        Attributes attributes;
        std::string note;
        bool event = false;
    };
    std::vector<Pending> pending;
    std::unordered_map<std::string, std::size_t> pendingOf;  // T id -> index
    pending.reserve(records.size());
    pendingOf.reserve(records.size());
    for (const Record& r : records) {
        if (r.kind != Kind::Text) continue;
        std::vector<Span> spans = r.spans;
        std::string p = builder.checkSpans(spans, nullptr);
        if (p.empty() && r.text) {
            // The stated text joins the fragments as listed; accept either that or document order.
            const std::string found = coveredText(document, spans);
            if (found != *r.text && coveredText(document, r.spans) != *r.text) {
                // brat trusts the offsets: a text column with stray white space around it is fine.
                if (sameButSurroundingWhiteSpace(*r.text, found)) builder.countStrayWhiteSpace();
                else p = "expected " + inQuotes(*r.text) + ", found " + inQuotes(found);
            }
        }
        if (!p.empty()) {
            fi.problem(r.line, r.id + ": " + p);
            failed.insert(r.id);
            continue;
        }
        builder.ensureLabel(r.type);
        pendingOf.emplace(r.id, pending.size());
        pending.push_back({&r, std::move(spans), {}, {}, false});
    }
    for (const Record& r : records) {
        if (r.kind != Kind::Event || failed.count(r.id)) continue;
        const std::string t = r.arguments.front().id;
        if (failed.count(t)) {
            fi.problem(r.line, refersTo(r, t));
            failed.insert(r.id);
            continue;
        }
        pending[pendingOf.at(t)].event = true;
    }

    // A/M, N and # lines: attributes and notes of the annotations (relation notes kept aside).
    std::unordered_map<std::string, std::string> labelOfTarget;
    std::vector<const Record*> attributeRecords;
    std::unordered_map<std::string, std::string> relationNotes;  // R id -> note
    for (const Record& r : records) {
        if (r.kind != Kind::Attribute && r.kind != Kind::Normalization && r.kind != Kind::Note) continue;
        const Record* target = kindOf(r.target);
        if (r.kind == Kind::Note && target && target->kind == Kind::Relation) {
            std::string& note = relationNotes[r.target];
            note += (note.empty() ? "" : "\n") + (r.type == "AnnotatorNotes" ? *r.text : r.type + ": " + *r.text);
            continue;
        }
        const std::string t = triggerOf(r.target);
        if (t.empty() || failed.count(r.target) || !pendingOf.count(t)) {
            std::string p = refersTo(r, failed.count(t) ? t : r.target);
            if (target && target->kind == Kind::Relation)
                p = r.id + ": " + (r.kind == Kind::Attribute ? "attributes" : "normalizations") + " on relations (" +
                    r.target + ") are not supported";
            fi.problem(r.line, p);
            continue;
        }
        labelOfTarget[r.target] = pending[pendingOf.at(t)].record->type;
        if (r.kind == Kind::Attribute) attributeRecords.push_back(&r);
    }
    defineNewAttributes(builder, attributeRecords, labelOfTarget, fi);

    std::size_t normalizations = 0;
    for (const Record& r : records) {
        if (r.kind != Kind::Attribute && r.kind != Kind::Normalization && r.kind != Kind::Note) continue;
        if (!labelOfTarget.count(r.target)) continue;  // reported above
        Pending& p = pending[pendingOf.at(triggerOf(r.target))];
        const std::string& label = p.record->type;
        if (r.kind == Kind::Note) {
            p.note += (p.note.empty() ? "" : "\n") + (r.type == "AnnotatorNotes" ? *r.text : r.type + ": " + *r.text);
        } else if (r.kind == Kind::Attribute) {
            if (p.attributes.count(r.type)) {
                fi.problem(r.line, r.id + ": " + r.target + " already has attribute " + inQuotes(r.type));
                continue;
            }
            AttributeValue value;
            const nlohmann::json json = r.value ? nlohmann::json(*r.value) : nlohmann::json(true);
            if (std::string e = builder.ensureAttribute(label, r.type, json, value); !e.empty()) {
                fi.problem(r.line, r.id + ": " + e);
                continue;
            }
            p.attributes[r.type] = std::move(value);
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
            const std::string text = *r.value + (r.text && !r.text->empty() ? " " + *r.text : "");
            if (std::string e = builder.ensureAttribute(label, name, nlohmann::json(text), value); !e.empty()) {
                fi.problem(r.line, r.id + ": " + e);
                continue;
            }
            p.attributes[name] = std::move(value);
            ++normalizations;
        }
    }

    // Annotations, in file order.
    std::unordered_map<std::string, std::string> annotationOf;  // T id -> claimmark id
    annotationOf.reserve(pending.size());
    builder.set().reserve(pending.size(), records.size() - pending.size());
    std::size_t events = 0;
    for (Pending& p : pending) {
        std::string error;
        const std::string id =
            builder.addAnnotation(p.record->type, p.spans, std::move(p.attributes), std::move(p.note), error);
        if (id.empty()) {
            fi.problem(p.record->line, p.record->id + ": " + error);
            failed.insert(p.record->id);
            continue;
        }
        if (p.event) {
            Annotation a = *builder.set().findAnnotation(id);
            a.extra[brat::kEventKey] = true;
            builder.set().replaceAnnotation(std::move(a));
            ++events;
        }
        annotationOf.emplace(p.record->id, id);
    }

    // R, E and * lines become relations, in file order.
    auto addRelation = [&](const Record& r, const std::string& type, const std::string& fromBrat,
                           const std::string& toBrat, bool eventArgument, bool equivalence = false) {
        const std::string fromT = triggerOf(fromBrat), toT = triggerOf(toBrat);
        auto from = annotationOf.find(fromT), to = annotationOf.find(toT);
        if (from == annotationOf.end() || failed.count(fromBrat)) {
            fi.problem(r.line, refersTo(r, fromT.empty() || failed.count(fromBrat) ? fromBrat : fromT));
            return false;
        }
        if (to == annotationOf.end() || failed.count(toBrat)) {
            fi.problem(r.line, refersTo(r, toT.empty() || failed.count(toBrat) ? toBrat : toT));
            return false;
        }
        AnnotationSet& set = builder.set();
        builder.ensureRelation(type, set.findAnnotation(from->second)->label, set.findAnnotation(to->second)->label);
        Relation relation;
        relation.id = set.nextRelationId();
        relation.type = type;
        relation.from = from->second;
        relation.to = to->second;
        if (eventArgument) relation.extra[brat::kEventArgumentKey] = true;
        if (equivalence) relation.extra[brat::kEquivalenceKey] = true;
        if (auto note = relationNotes.find(r.id); !r.id.empty() && note != relationNotes.end())
            relation.extra[brat::kRelationNoteKey] = note->second;
        if (Status s = set.addRelation(std::move(relation)); !s) {
            fi.problem(r.line, (r.id.empty() ? "* line" : r.id) + ": " + s.error);
            return false;
        }
        return true;
    };
    std::size_t equivLines = 0;
    for (const Record& r : records) {
        if (r.kind == Kind::Relation) {
            addRelation(r, r.type, r.arguments[0].id, r.arguments[1].id, false);
        } else if (r.kind == Kind::Event && !failed.count(r.id)) {
            const std::string& trigger = r.arguments.front().id;
            const std::string& label = kindOf(trigger)->type;
            if (r.type != label)
                fi.notices.push_back(fi.file + ": line " + std::to_string(r.line) + ": " + r.id + ": event type " +
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
