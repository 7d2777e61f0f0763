// suggestion_rules.cpp — reading a rules file (every problem with its JSON path), the
// built-in rules, and rule descriptions. See suggestion_rules.h; the format is in the README.
#include "core/suggest/suggestion_rules.h"

#include "core/storage/file_io.h"
#include "core/storage/json_input.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

namespace claimmark {

extern const char* const kBuiltinSuggestionRulesJson;  // generated from samples/rules (CMake)

namespace {

using json = nlohmann::json;

const char* typeName(const json& v) {
    switch (v.type()) {
        case json::value_t::object: return "an object";
        case json::value_t::array: return "an array";
        case json::value_t::string: return "a string";
        case json::value_t::boolean: return "true or false";
        case json::value_t::null: return "null";
        default: return "a number";
    }
}

std::string lowerAscii(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class RulesReader {
public:
    RulesReader(std::string fileName, const Schema& schema) : m_file(std::move(fileName)), m_schema(schema) {}

    Result<SuggestionRules> read(const json& top) {
        SuggestionRules rules;
        if (!top.is_object()) return fail("", std::string("expected an object, got ") + typeName(top));
        const json* format = member(top, "format", "");
        if (!format || !format->is_string() || *format != "claimmark/suggestion-rules")
            return fail("format", "not a claimmark rules file (expected \"format\": \"claimmark/suggestion-rules\")");
        if (const json* v = member(top, "version", ""); !v || !v->is_number_unsigned() || *v != 1)
            problem("version", "expected version 1");
        rules.language = optionalString(top, "language", "", "en");
        rules.description = optionalString(top, "description", "", "");
        std::set<std::string> ids;
        if (const json* cues = arrayMember(top, "cues", "", true)) {
            for (std::size_t i = 0; i < cues->size(); ++i) {
                const std::string path = "cues[" + std::to_string(i) + "]";
                CueRule rule;
                if (readCue((*cues)[i], path, rule)) {
                    if (!ids.insert(rule.id).second) problem(path + ".id", "duplicate rule id \"" + rule.id + "\"");
                    else rules.cues.push_back(std::move(rule));
                }
            }
        }
        if (const json* boosters = arrayMember(top, "boosters", "", false)) {
            for (std::size_t i = 0; i < boosters->size(); ++i) {
                const std::string path = "boosters[" + std::to_string(i) + "]";
                const json& b = (*boosters)[i];
                if (!b.is_object()) {
                    problem(path, std::string("expected an object, got ") + typeName(b));
                    continue;
                }
                BoosterRule booster;
                booster.id = requiredString(b, "id", path);
                booster.description = optionalString(b, "description", path, "");
                booster.phrases = phrases(b, "phrases", path, true);
                booster.notPrecededBy = phrases(b, "not_preceded_by", path, false);
                if (!booster.id.empty() && !ids.insert(booster.id).second)
                    problem(path + ".id", "duplicate rule id \"" + booster.id + "\"");
                rules.boosters.push_back(std::move(booster));
            }
        }
        if (const json* claim = objectMember(top, "claims", "", false)) {
            rules.claim.id = optionalString(*claim, "id", "claims", "claim.assertion");
            rules.claim.description = optionalString(*claim, "description", "claims", "");
            rules.claim.phrases = phrases(*claim, "phrases", "claims", true);
            if (const json* n = member(*claim, "numbers", "claims")) {
                if (n->is_boolean()) rules.claim.numbersCount = n->get<bool>();
                else problem("claims.numbers", std::string("expected true or false, got ") + typeName(*n));
            }
        }
        if (const json* s = objectMember(top, "strength", "", false)) {
            readInt(*s, "plain", "strength", rules.strength.plain);
            readInt(*s, "per_hedge", "strength", rules.strength.perHedge);
            readInt(*s, "per_booster", "strength", rules.strength.perBooster);
            readInt(*s, "min", "strength", rules.strength.minimum);
            readInt(*s, "max", "strength", rules.strength.maximum);
            if (rules.strength.minimum > rules.strength.maximum) problem("strength.min", "min is greater than max");
        }
        for (auto it = top.begin(); it != top.end(); ++it) {
            static const char* known[] = {"format", "version",  "language", "description",
                                          "cues",   "boosters", "claims",   "strength"};
            if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
                problem(it.key(), "unknown key \"" + it.key() + "\"");
        }
        if (!m_errors.empty()) return m_errors;
        return rules;
    }

private:
    std::string m_file;
    const Schema& m_schema;
    Diagnostics m_errors;

    Diagnostics fail(const std::string& path, const std::string& message) {
        problem(path, message);
        return m_errors;
    }
    void problem(const std::string& path, const std::string& message) { m_errors.push_back({m_file, path, message}); }
    static std::string join(const std::string& path, const char* key) {
        return path.empty() ? std::string(key) : path + "." + key;
    }
    const json* member(const json& object, const char* key, const std::string&) {
        auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }
    const json* arrayMember(const json& object, const char* key, const std::string& path, bool required) {
        const json* v = member(object, key, path);
        if (!v) {
            if (required) problem(path, std::string("missing \"") + key + "\" (an array)");
            return nullptr;
        }
        if (!v->is_array()) {
            problem(join(path, key), std::string("expected an array, got ") + typeName(*v));
            return nullptr;
        }
        return v;
    }
    const json* objectMember(const json& object, const char* key, const std::string& path, bool required) {
        const json* v = member(object, key, path);
        if (!v) {
            if (required) problem(path, std::string("missing \"") + key + "\" (an object)");
            return nullptr;
        }
        if (!v->is_object()) {
            problem(join(path, key), std::string("expected an object, got ") + typeName(*v));
            return nullptr;
        }
        return v;
    }
    std::string requiredString(const json& object, const char* key, const std::string& path) {
        const json* v = member(object, key, path);
        if (!v) {
            problem(path, std::string("missing \"") + key + "\"");
            return {};
        }
        if (!v->is_string() || v->get<std::string>().empty()) {
            problem(join(path, key), std::string("expected a non-empty string, got ") + typeName(*v));
            return {};
        }
        return v->get<std::string>();
    }
    std::string optionalString(const json& object, const char* key, const std::string& path, std::string fallback) {
        const json* v = member(object, key, path);
        if (!v) return fallback;
        if (!v->is_string()) {
            problem(join(path, key), std::string("expected a string, got ") + typeName(*v));
            return fallback;
        }
        return v->get<std::string>();
    }
    void readInt(const json& object, const char* key, const std::string& path, int& out) {
        const json* v = member(object, key, path);
        if (!v) return;
        if (!v->is_number_integer() || v->get<std::int64_t>() < -100 || v->get<std::int64_t>() > 100) {
            problem(join(path, key), std::string("expected an integer from -100 to 100, got ") + v->dump());
            return;
        }
        out = v->get<int>();
    }

    std::optional<Phrase> phrase(const std::string& text, const std::string& path) {
        Phrase words;
        std::size_t i = 0;
        while (i < text.size()) {
            while (i < text.size() && text[i] == ' ') ++i;
            std::size_t j = i;
            while (j < text.size() && text[j] != ' ') ++j;
            if (j > i) {
                std::string w = lowerAscii(text.substr(i, j - i));
                PhraseWord word;
                if (w == "#number") word.kind = PhraseWord::Kind::Number;
                else if (w == "#word") word.kind = PhraseWord::Kind::AnyWord;
                else if (w.size() > 1 && w.back() == '*') {
                    word.kind = PhraseWord::Kind::Prefix;
                    word.text = w.substr(0, w.size() - 1);
                } else if (w.find('*') != std::string::npos || w[0] == '#') {
                    problem(path, "\"" + text + "\": \"*\" only ends a word, and \"#\" names only #number or #word");
                    return std::nullopt;
                } else {
                    word.text = w;
                }
                words.push_back(std::move(word));
            }
            i = j;
        }
        if (words.empty()) {
            problem(path, "an empty phrase");
            return std::nullopt;
        }
        if (words.front().kind == PhraseWord::Kind::AnyWord) {
            problem(path, "\"" + text + "\": a phrase cannot start with #word");
            return std::nullopt;
        }
        return words;
    }

    std::vector<Phrase> phrases(const json& object, const char* key, const std::string& path, bool required) {
        std::vector<Phrase> out;
        const json* list = arrayMember(object, key, path, required);
        if (!list) return out;
        if (required && list->empty()) problem(join(path, key), "expected at least one phrase");
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string p = join(path, key) + "[" + std::to_string(i) + "]";
            const json& item = (*list)[i];
            if (!item.is_string()) {
                problem(p, std::string("expected a string, got ") + typeName(item));
                continue;
            }
            if (auto ph = phrase(item.get<std::string>(), p)) out.push_back(std::move(*ph));
        }
        return out;
    }

    bool readCue(const json& item, const std::string& path, CueRule& rule) {
        if (!item.is_object()) {
            problem(path, std::string("expected an object, got ") + typeName(item));
            return false;
        }
        const std::size_t before = m_errors.size();
        rule.id = requiredString(item, "id", path);
        rule.label = requiredString(item, "label", path);
        rule.description = optionalString(item, "description", path, "");
        rule.example = optionalString(item, "example", path, "");
        rule.counterexample = optionalString(item, "counterexample", path, "");
        const LabelDef* label = rule.label.empty() ? nullptr : m_schema.findLabel(rule.label);
        if (!rule.label.empty() && !label)
            problem(join(path, "label"),
                    "label \"" + rule.label + "\" is not in the schema (labels: " + m_schema.labelList() + ")");
        if (const json* attrs = objectMember(item, "attributes", path, false); attrs && label) {
            for (auto it = attrs->begin(); it != attrs->end(); ++it) {
                const std::string p = join(path, "attributes") + "." + it.key();
                const AttributeDef* def = label->findAttribute(it.key());
                if (!def) {
                    problem(p, "label \"" + rule.label + "\" has no attribute \"" + it.key() + "\"");
                    continue;
                }
                AttributeValue value;
                if (it->is_boolean()) value = it->get<bool>();
                else if (it->is_number_integer()) value = it->get<std::int64_t>();
                else if (it->is_string()) value = it->get<std::string>();
                else {
                    problem(p, std::string("expected a string, an integer or true/false, got ") + typeName(*it));
                    continue;
                }
                if (std::string wrong = def->check(value); !wrong.empty()) problem(p, wrong);
                else rule.attributes[it.key()] = value;
            }
        }
        rule.phrases = phrases(item, "phrases", path, true);
        rule.notPrecededBy = phrases(item, "not_preceded_by", path, false);
        rule.notFollowedBy = phrases(item, "not_followed_by", path, false);
        rule.precededBy = phrases(item, "preceded_by", path, false);
        rule.followedBy = phrases(item, "followed_by", path, false);
        if (const json* w = member(item, "window", path)) {
            if (w->is_number_unsigned() && *w >= 1 && *w <= 10) rule.window = w->get<std::size_t>();
            else problem(join(path, "window"), "expected an integer from 1 to 10, got " + w->dump());
        }
        if (const json* c = member(item, "lower_case_only", path)) {
            if (c->is_boolean()) rule.lowerCaseOnly = c->get<bool>();
            else problem(join(path, "lower_case_only"), std::string("expected true or false, got ") + typeName(*c));
        }
        const std::string extent = optionalString(item, "extent", path, "phrase");
        if (extent == "phrase") rule.extent = SuggestionExtent::Phrase;
        else if (extent == "clause") rule.extent = SuggestionExtent::Clause;
        else if (extent == "sentence") rule.extent = SuggestionExtent::Sentence;
        else problem(join(path, "extent"), "\"" + extent + "\" is not an extent (phrase, clause or sentence)");
        for (auto it = item.begin(); it != item.end(); ++it) {
            static const char* known[] = {
                "id",          "label",   "description",     "example",         "counterexample",
                "attributes",  "phrases", "not_preceded_by", "not_followed_by", "preceded_by",
                "followed_by", "window",  "lower_case_only", "extent"};
            if (std::find(std::begin(known), std::end(known), it.key()) == std::end(known))
                problem(join(path, it.key().c_str()), "unknown key \"" + it.key() + "\"");
        }
        return m_errors.size() == before;
    }
};

}  // namespace

const CueRule* SuggestionRules::findCue(std::string_view id) const {
    for (const CueRule& rule : cues)
        if (rule.id == id) return &rule;
    return nullptr;
}

std::string SuggestionRules::describe(std::string_view ruleId) const {
    if (const CueRule* rule = findCue(ruleId)) return rule->description;
    for (const BoosterRule& b : boosters)
        if (b.id == ruleId) return b.description;
    if (ruleId == claim.id) return claim.description;
    if (ruleId == kLinkHedgeRule) return "A hedge weakens the claim of its own sentence.";
    if (ruleId == kLinkEvidenceRule)
        return "Evidence supports the claim of its sentence, or else the claim just before it in the paragraph.";
    if (ruleId == kLinkCaveatRule)
        return "A caveat qualifies the claim of its sentence, or else the claim just before it in the paragraph.";
    return {};
}

Result<SuggestionRules> parseSuggestionRules(std::string_view text, const std::string& fileName, const Schema& schema) {
    Result<json> parsed = parseJsonText(text, fileName);
    if (!parsed) return parsed.errors();
    return RulesReader(fileName, schema).read(*parsed);
}

Result<SuggestionRules> readSuggestionRulesFile(const std::string& path, const Schema& schema) {
    Result<std::string> bytes = readFileBytes(path);
    if (!bytes) return bytes.errors();
    return parseSuggestionRules(*bytes, path, schema);
}

std::string_view builtinSuggestionRulesText() { return kBuiltinSuggestionRulesJson; }

const SuggestionRules& builtinSuggestionRules() {
    static const SuggestionRules rules = [] {
        Result<SuggestionRules> r =
            parseSuggestionRules(kBuiltinSuggestionRulesJson, "<built-in rules>", Schema::claimStrength());
        if (!r) throw std::logic_error("the built-in suggestion rules do not read: " + r.errorText());
        return std::move(*r);
    }();
    return rules;
}

}  // namespace claimmark
