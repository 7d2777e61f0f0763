// export_brat.cpp — brat standoff export: OUT/<stem>.txt (the article bytes), OUT/<stem>.ann,
// and one OUT/annotation.conf + OUT/visual.conf for all exported sets.
//
// [SECTION] Fragments        spans split at line breaks: the .ann text field is one line
// [SECTION] Configuration    the union of the sets' schemas, as brat's sections
// [SECTION] .ann             T, E, R, *, A, N and # lines for one set
// [SECTION] Entry point
//
// Offsets are code points (brat counts Python str characters; "\r\n" counts two). T ids
// follow document order; E, R, A, N and # are numbered in the order they are written.
// Lines are grouped by kind (all T, then E, R, *, A, N, #) so output is deterministic.
#include "core/exchange/brat/brat_format.h"
#include "core/exchange/brat/brat_overlap.h"
#include "core/exchange/exchange_formats.h"
#include "core/exchange/export_sink.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace claimmark {

namespace {

using brat::inQuotes;

// --- [SECTION] Fragments ------------------------------------------------------------------

// brat refuses a text field with a line break (it would end the .ann line) and, when a
// selection crosses lines, makes one fragment per line. Do the same: cut each span at '\r'
// and '\n', dropping the break characters and empty pieces.
std::vector<Span> splitAtLineBreaks(const Document& document, const std::vector<Span>& spans) {
    std::vector<Span> out;
    for (const Span& span : spans) {
        const std::string_view bytes = document.slice(span.start, span.end);
        std::size_t cp = span.start;
        std::size_t fragmentStart = span.start;
        for (unsigned char c : bytes) {
            if ((c & 0xC0) == 0x80) continue;  // continuation byte: same code point
            if (c == '\n' || c == '\r') {
                if (cp > fragmentStart) out.push_back({fragmentStart, cp});
                fragmentStart = cp + 1;
            }
            ++cp;
        }
        if (span.end > fragmentStart) out.push_back({fragmentStart, span.end});
    }
    return out;
}

std::string withoutLineBreaks(const std::string& text, bool& changed) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += ' ';
            changed = true;
        } else {
            out += c;
        }
    }
    return out;
}

bool flagged(const nlohmann::json& extra, const char* key) {
    if (!extra.is_object()) return false;
    auto it = extra.find(key);
    return it != extra.end() && it->is_boolean() && it->get<bool>();
}

std::string joinIds(const std::vector<std::string>& ids, std::size_t limit = 10) {
    std::string out;
    for (std::size_t i = 0; i < ids.size() && i < limit; ++i) out += (i ? ", " : "") + ids[i];
    if (ids.size() > limit) out += ", ... (" + std::to_string(ids.size()) + " in all)";
    return out;
}

// --- [SECTION] Configuration --------------------------------------------------------------

struct ConfAttribute {
    std::string name;
    bool binary = false;
    bool valued = false;
    std::vector<std::string> labels;
    std::vector<std::string> values;
    void addLabel(const std::string& l) {
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) labels.push_back(l);
    }
    void addValue(const std::string& v) {
        if (std::find(values.begin(), values.end(), v) == values.end()) values.push_back(v);
    }
};

struct ConfRelation {
    std::string type;
    bool anyFrom = false, anyTo = false;
    std::vector<std::string> from, to;
};

struct ConfEventRole {
    std::string role;  // trailing digits removed: "Org-Arg2" is brat's second "Org-Arg"
    std::vector<std::string> targets;
};

struct Configuration {
    std::vector<std::string> labels;                               // first-seen order
    std::map<std::string, std::string> colors;                     // label -> #rrggbb
    std::vector<ConfAttribute> attributes;                         // first-seen order
    std::vector<ConfRelation> relations;                           // first-seen order
    std::set<std::string> eventLabels;                             // labels used as event triggers
    std::map<std::string, std::vector<ConfEventRole>> eventRoles;  // trigger label -> roles
    std::set<std::string> relationTypesInRLines;                   // written as R or '*' lines
    std::set<std::string> relationTypesAsEventRoles;               // written as E arguments
    std::set<std::string> equivalenceTypes;                        // written as '*' lines
    brat::OverlapNeeds overlaps;                                   // nested, equal and crossing spans

    ConfAttribute& attribute(const std::string& name) {
        for (ConfAttribute& a : attributes)
            if (a.name == name) return a;
        ConfAttribute added;
        added.name = name;
        attributes.push_back(std::move(added));
        return attributes.back();
    }
};

void addUnique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

std::string stripRoleNumber(const std::string& role) {
    std::size_t end = role.size();
    while (end > 0 && role[end - 1] >= '0' && role[end - 1] <= '9') --end;
    return end == 0 ? role : role.substr(0, end);
}

// Adds one set's schema to the union; problems (names brat cannot hold, an attribute that
// is binary on one label and valued on another) go to `errors`.
void addSchema(Configuration& conf, const Schema& schema, const std::string& setFile, Diagnostics& errors) {
    for (std::size_t i = 0; i < schema.labels.size(); ++i) {
        const LabelDef& label = schema.labels[i];
        const std::string where = "schema.labels[" + std::to_string(i) + "]";
        if (std::string p = brat::typeNameProblem("label", label.name); !p.empty())
            errors.push_back({setFile, where + ".name", p});
        addUnique(conf.labels, label.name);
        if (label.color.size() == 7 && label.color[0] == '#' && !conf.colors.count(label.name))
            conf.colors[label.name] = label.color;
        for (std::size_t j = 0; j < label.attributes.size(); ++j) {
            const AttributeDef& def = label.attributes[j];
            if (def.kind == AttributeKind::Text && brat::referenceIndex(def.name)) continue;  // N lines
            const std::string at = where + ".attributes[" + std::to_string(j) + "]";
            if (std::string p = brat::typeNameProblem("attribute", def.name); !p.empty())
                errors.push_back({setFile, at + ".name", p});
            ConfAttribute& a = conf.attribute(def.name);
            a.addLabel(label.name);
            switch (def.kind) {
                case AttributeKind::Bool: a.binary = true; break;
                case AttributeKind::Enum:
                    a.valued = true;
                    for (const std::string& v : def.values) {
                        if (!brat::isAttributeValue(v))
                            errors.push_back({setFile, at + ".values",
                                              "value " + inQuotes(v) + " of attribute " + inQuotes(def.name) +
                                                  " cannot be a brat attribute value (no spaces, '|' or ',')"});
                        a.addValue(v);
                    }
                    break;
                case AttributeKind::Ordinal:
                    a.valued = true;
                    for (std::int64_t v = def.min; v <= def.max && v - def.min < 1000; ++v)
                        a.addValue(std::to_string(v));
                    break;
                case AttributeKind::Text: a.valued = true; break;  // values: those in use
            }
            if (a.binary && a.valued)
                errors.push_back({setFile, at + ".type",
                                  "attribute " + inQuotes(def.name) +
                                      " is true/false on one label and valued on another; brat has one "
                                      "definition per attribute name"});
        }
    }
    for (std::size_t i = 0; i < schema.relations.size(); ++i) {
        const RelationDef& def = schema.relations[i];
        if (std::string p = brat::typeNameProblem("relation type", def.type); !p.empty())
            errors.push_back({setFile, "schema.relations[" + std::to_string(i) + "].type", p});
        ConfRelation* r = nullptr;
        for (ConfRelation& existing : conf.relations)
            if (existing.type == def.type) r = &existing;
        if (!r) {
            ConfRelation added;
            added.type = def.type;
            conf.relations.push_back(std::move(added));
            r = &conf.relations.back();
        }
        if (def.from.empty()) r->anyFrom = true;
        if (def.to.empty()) r->anyTo = true;
        for (const std::string& l : def.from) addUnique(r->from, l);
        for (const std::string& l : def.to) addUnique(r->to, l);
    }
}

std::string labelAlternatives(bool any, const std::vector<std::string>& labels) {
    if (any || labels.empty()) return "<ENTITY>";
    std::string out;
    for (const std::string& l : labels) out += (out.empty() ? "" : "|") + l;
    return out;
}

std::string annotationConf(const Configuration& conf) {
    std::string out =
        "# annotation.conf written by claimmark from the exported sets' schemas.\n"
        "# Offsets in the .ann files are Unicode code points (brat's unit).\n\n[entities]\n\n";
    for (const std::string& label : conf.labels)
        if (!conf.eventLabels.count(label)) out += label + "\n";

    out += "\n[relations]\n\n";
    // brat's checker refuses overlapping entities unless a rule admits them: one rule per
    // pair of types that overlap in the data, with only the kinds that occur.
    std::vector<std::string> entityTypes;
    for (const std::string& label : conf.labels)
        if (!conf.eventLabels.count(label)) entityTypes.push_back(label);
    out += conf.overlaps.ruleLines(entityTypes);
    for (const ConfRelation& r : conf.relations) {
        // A type that only ever carries event arguments is an E role, not an R relation.
        if (conf.relationTypesAsEventRoles.count(r.type) && !conf.relationTypesInRLines.count(r.type)) continue;
        out += r.type + "\tArg1:" + labelAlternatives(r.anyFrom, r.from) + ", Arg2:" + labelAlternatives(r.anyTo, r.to);
        if (r.type == "Equiv" || conf.equivalenceTypes.count(r.type)) out += ", <REL-TYPE>:symmetric-transitive";
        out += "\n";
    }

    out += "\n[events]\n\n";
    for (const std::string& label : conf.labels) {
        if (!conf.eventLabels.count(label)) continue;
        out += label;
        auto it = conf.eventRoles.find(label);
        if (it != conf.eventRoles.end()) {
            bool first = true;
            for (const ConfEventRole& role : it->second) {
                std::string targets;
                for (const std::string& t : role.targets) targets += (targets.empty() ? "" : "|") + t;
                out += (first ? "\t" : ", ") + role.role + "*:" + targets;
                first = false;
            }
        }
        out += "\n";
    }

    out += "\n[attributes]\n\n";
    for (const ConfAttribute& a : conf.attributes) {
        std::string args;
        for (const std::string& l : a.labels)
            args += (args.empty() ? "" : "|") + (conf.eventLabels.count(l) ? std::string("<EVENT>") : l);
        out += a.name + "\tArg:" + args;
        if (a.valued) {
            std::string values;
            for (const std::string& v : a.values) values += (values.empty() ? "" : "|") + v;
            if (!values.empty()) out += ", Value:" + values;
        }
        out += "\n";
    }
    return out;
}

// "mostly-accurate" -> "Mostly accurate": what brat shows on a span or an arc.
std::string displayName(const std::string& type) {
    std::string out = type;
    for (char& c : out)
        if (c == '-' || c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = char(out[0] - 'a' + 'A');
    return out;
}

std::string visualConf(const Configuration& conf) {
    std::string out =
        "# visual.conf written by claimmark: label colours from the schema, readable names for\n"
        "# spans and arcs (full name | short form).\n\n[labels]\n\n";
    for (const std::string& label : conf.labels)
        out += label + " | " + displayName(label) + " | " + displayName(label).substr(0, 3) + "\n";
    std::set<std::string> arcs;
    for (const ConfRelation& r : conf.relations)
        if (arcs.insert(r.type).second) out += r.type + " | " + displayName(r.type) + "\n";
    out += "\n[drawing]\n\n";
    for (const std::string& label : conf.labels) {
        auto it = conf.colors.find(label);
        if (it != conf.colors.end()) out += label + "\tbgColor:" + it->second + "\n";
    }
    return out;
}

// --- [SECTION] .ann -----------------------------------------------------------------------

// Union-find over exported annotation positions, for '*' lines.
struct Groups {
    std::vector<std::size_t> parent;
    std::vector<char> used;
    std::size_t find(std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
    void join(std::size_t a, std::size_t b) {
        used[a] = used[b] = 1;
        a = find(a), b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
};

// Writes the .ann lines of one set into `out` (its file begun), kind by kind: each kind is
// worked out from the set before its lines are written, so no section is held as text.
// Returns the notices.
std::vector<std::string> writeAnn(const ExportSource& source, Configuration& conf, Diagnostics& errors,
                                  ExportSink& out) {
    const AnnotationSet& set = source.set;
    const Document& document = source.document;
    const std::string setFile = source.setPath.string();
    std::vector<std::string> notices;

    struct Exported {
        const Annotation* annotation;
        std::string tId;
        std::string eId;  // when the annotation is an event trigger
    };
    std::vector<Exported> exported;
    exported.reserve(set.annotationCount());
    std::unordered_map<std::string, std::size_t> position;  // claimmark id -> index in `exported`
    std::size_t orphaned = 0;
    std::vector<std::string> onlyLineBreaks, split, noteChanged;

    // T lines.
    std::string text;
    std::vector<brat::TextBound> bounds;
    for (const Annotation* a : set.inDocumentOrder()) {
        if (a->orphaned) {
            ++orphaned;
            continue;
        }
        const std::vector<Span> fragments = splitAtLineBreaks(document, a->spans);
        if (fragments.empty()) {
            onlyLineBreaks.push_back(a->id);
            continue;
        }
        if (fragments != a->spans) split.push_back(a->id);
        Exported e{a, "T" + std::to_string(exported.size() + 1), {}};
        position.emplace(a->id, exported.size());
        out += e.tId;
        out += '\t';
        out += a->label;
        text.clear();
        for (std::size_t i = 0; i < fragments.size(); ++i) {
            out += i == 0 ? ' ' : ';';
            out += std::to_string(fragments[i].start);
            out += ' ';
            out += std::to_string(fragments[i].end);
            if (i > 0) text += ' ';
            text += document.slice(fragments[i].start, fragments[i].end);
        }
        out += '\t';
        out += text;
        out += '\n';
        bounds.push_back({a->label, fragments});
        exported.push_back(std::move(e));
    }
    conf.overlaps.addDocument(std::move(bounds));

    // Event triggers get E ids in document order.
    std::size_t eventCount = 0;
    for (Exported& e : exported)
        if (flagged(e.annotation->extra, brat::kEventKey)) {
            e.eId = "E" + std::to_string(++eventCount);
            conf.eventLabels.insert(e.annotation->label);
        }
    auto target = [&](std::size_t i) -> const std::string& {
        return exported[i].eId.empty() ? exported[i].tId : exported[i].eId;
    };

    // Relations: event arguments, '*' groups, R lines.
    std::vector<std::vector<std::pair<std::string, std::size_t>>> eventArguments(exported.size());
    std::map<std::string, Groups> equivalences;  // '*' type -> groups
    struct RLine {
        const Relation* relation;
        std::size_t from, to;  // positions in `exported`
    };
    std::vector<RLine> rLines;
    std::size_t noteCount = 0, droppedRelations = 0;
    auto writeNote = [&](const std::string& targetId, const std::string& note, const std::string& ownerId) {
        bool changed = false;
        const std::string oneLine = withoutLineBreaks(note, changed);
        if (changed) noteChanged.push_back(ownerId);
        out += "#" + std::to_string(++noteCount) + "\tAnnotatorNotes " + targetId + "\t" + oneLine + "\n";
    };
    std::vector<std::pair<std::string, std::string>> relationNotes;  // R id, note
    for (const Relation* r : set.relationsInOrder()) {
        auto from = position.find(r->from), to = position.find(r->to);
        if (from == position.end() || to == position.end()) {
            ++droppedRelations;
            continue;
        }
        const std::string& fromLabel = exported[from->second].annotation->label;
        const std::string& toLabel = exported[to->second].annotation->label;
        if (flagged(r->extra, brat::kEventArgumentKey) && !exported[from->second].eId.empty()) {
            eventArguments[from->second].push_back({r->type, to->second});
            conf.relationTypesAsEventRoles.insert(r->type);
            std::vector<ConfEventRole>& roles = conf.eventRoles[fromLabel];
            const std::string role = stripRoleNumber(r->type);
            auto it = std::find_if(roles.begin(), roles.end(), [&](const ConfEventRole& x) { return x.role == role; });
            if (it == roles.end()) it = roles.insert(roles.end(), ConfEventRole{role, {}});
            addUnique(it->targets, exported[to->second].eId.empty() ? toLabel : "<EVENT>");
            continue;
        }
        conf.relationTypesInRLines.insert(r->type);
        if (r->type == "Equiv" || flagged(r->extra, brat::kEquivalenceKey)) {
            conf.equivalenceTypes.insert(r->type);
            Groups& g = equivalences[r->type];
            if (g.parent.empty()) {
                g.parent.resize(exported.size());
                g.used.assign(exported.size(), 0);
                std::iota(g.parent.begin(), g.parent.end(), std::size_t(0));
            }
            g.join(from->second, to->second);
            continue;
        }
        rLines.push_back(RLine{r, from->second, to->second});
        const std::string rId = "R" + std::to_string(rLines.size());
        if (r->extra.is_object()) {
            auto note = r->extra.find(brat::kRelationNoteKey);
            if (note != r->extra.end() && note->is_string() && !note->get<std::string>().empty())
                relationNotes.push_back({rId, note->get<std::string>()});
        }
    }

    // E lines: the trigger, then each argument in relation order.
    for (std::size_t i = 0; i < exported.size(); ++i) {
        if (exported[i].eId.empty()) continue;
        out += exported[i].eId + "\t" + exported[i].annotation->label + ":" + exported[i].tId;
        for (const auto& [role, argument] : eventArguments[i]) out += " " + role + ":" + target(argument);
        out += "\n";
    }
    for (std::size_t i = 0; i < rLines.size(); ++i)
        out += "R" + std::to_string(i + 1) + "\t" + rLines[i].relation->type + " Arg1:" + target(rLines[i].from) +
               " Arg2:" + target(rLines[i].to) + "\n";
    // '*' lines: one per group of connected members, members in document order.
    for (auto& [type, groups] : equivalences) {
        std::map<std::size_t, std::vector<std::size_t>> members;
        for (std::size_t i = 0; i < exported.size(); ++i)
            if (groups.used[i]) members[groups.find(i)].push_back(i);
        for (const auto& [root, list] : members) {
            if (list.size() < 2) continue;
            out += "*\t" + type;
            for (std::size_t i : list) out += " " + exported[i].tId;
            out += "\n";
        }
    }

    // A lines (and every problem with A and N lines, in attribute order), then N lines.
    std::size_t aCount = 0, nCount = 0, falseBooleans = 0;
    // The "db:id" and text of a reference attribute; false when no N line can hold them.
    auto splitReference = [](const std::string& s, std::string& ref, std::string& str) {
        const std::size_t space = s.find(' ');
        ref = s.substr(0, space);
        str = space == std::string::npos ? "" : s.substr(space + 1);
        return !ref.empty() && ref.find_first_of("\t\r\n") == std::string::npos &&
               str.find_first_of("\r\n") == std::string::npos;
    };
    std::string ref, str;
    bool anyReference = false;
    for (std::size_t i = 0; i < exported.size(); ++i) {
        const Annotation& a = *exported[i].annotation;
        const LabelDef* label = set.schema.findLabel(a.label);
        for (const auto& [name, value] : a.attributes) {
            const AttributeDef* def = label ? label->findAttribute(name) : nullptr;
            const bool isText = def && def->kind == AttributeKind::Text;
            if (isText && brat::referenceIndex(name)) {
                const std::string s = attributeValueToString(value);
                if (!splitReference(s, ref, str)) {
                    errors.push_back({setFile, "annotations[" + a.id + "].attributes." + name,
                                      "reference " + inQuotes(s) +
                                          " cannot be written as a brat N line "
                                          "(expected \"db:id\" or \"db:id text\" on one line)"});
                    continue;
                }
                anyReference = true;
                continue;
            }
            if (const bool* b = std::get_if<bool>(&value)) {
                if (*b) out += "A" + std::to_string(++aCount) + "\t" + name + " " + target(i) + "\n";
                else ++falseBooleans;
                continue;
            }
            const std::string s = attributeValueToString(value);
            if (!brat::isAttributeValue(s)) {
                errors.push_back(
                    {setFile, "annotations[" + a.id + "].attributes." + name,
                     "value " + inQuotes(s) + " cannot be a brat attribute value (no spaces, '|' or ',')"});
                continue;
            }
            if (isText) conf.attribute(name).addValue(s);
            out += "A" + std::to_string(++aCount) + "\t" + name + " " + target(i) + " " + s + "\n";
        }
    }
    for (std::size_t i = 0; i < exported.size() && anyReference; ++i) {
        const Annotation& a = *exported[i].annotation;
        const LabelDef* label = set.schema.findLabel(a.label);
        for (const auto& [name, value] : a.attributes) {
            const AttributeDef* def = label ? label->findAttribute(name) : nullptr;
            if (!def || def->kind != AttributeKind::Text || !brat::referenceIndex(name)) continue;
            if (!splitReference(attributeValueToString(value), ref, str)) continue;
            out += "N" + std::to_string(++nCount) + "\tReference " + target(i) + " " + ref + "\t" + str + "\n";
        }
    }

    // # lines: annotation notes in document order, then relation notes.
    for (std::size_t i = 0; i < exported.size(); ++i)
        if (!exported[i].annotation->note.empty())
            writeNote(target(i), exported[i].annotation->note, exported[i].annotation->id);
    for (const auto& [rId, note] : relationNotes) writeNote(rId, note, rId);

    const std::string prefix = setFile + ": ";
    if (orphaned)
        notices.push_back(prefix + std::to_string(orphaned) +
                          " orphaned annotation(s) left out (their offsets refer to an older text)");
    if (!onlyLineBreaks.empty())
        notices.push_back(prefix + "annotation(s) covering only line breaks left out (brat cannot hold them): " +
                          joinIds(onlyLineBreaks));
    if (droppedRelations)
        notices.push_back(prefix + std::to_string(droppedRelations) +
                          " relation(s) left out because an end was left out");
    if (!split.empty())
        notices.push_back(prefix +
                          "span(s) crossing line breaks written as one fragment per line, as brat "
                          "does: " +
                          joinIds(split));
    if (!noteChanged.empty())
        notices.push_back(prefix +
                          "note(s) with line breaks written with spaces instead (a brat note is "
                          "one line): " +
                          joinIds(noteChanged));
    if (falseBooleans)
        notices.push_back(prefix + std::to_string(falseBooleans) +
                          " false true/false attribute(s) not written (brat marks only true ones)");
    return notices;
}

}  // namespace

// --- [SECTION] Entry point ----------------------------------------------------------------

Result<ExportReport> writeBrat(const std::vector<ExportSource>& sources, const ExportOptions& options,
                               ExportSink& out) {
    ExportReport output;
    Diagnostics errors;
    Configuration conf;
    for (const ExportSource& source : sources) addSchema(conf, source.set.schema, source.setPath.string(), errors);

    for (const ExportSource& source : sources) {
        out.beginFile(source.stem + ".txt");
        out.write(source.document.bytes());
        out.beginFile(source.stem + ".ann");
        for (std::string& n : writeAnn(source, conf, errors, out)) output.notices.push_back(std::move(n));
    }
    if (!errors.empty()) return errors;

    out.beginFile("annotation.conf");
    out.write(annotationConf(conf));
    out.beginFile("visual.conf");
    out.write(visualConf(conf));
    std::string unit = "brat: offsets are Unicode code points (brat's unit; \"\\r\\n\" counts as two)";
    if (options.offsets != OffsetUnit::CodePoint)
        unit += std::string("; --offsets ") + offsetUnitName(options.offsets) + " does not apply to brat";
    output.notices.insert(output.notices.begin(), unit);
    return output;
}

}  // namespace claimmark
