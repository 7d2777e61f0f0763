// bench_suggest.cpp — how good and how fast the suggestions are, as "name: value" lines.
//
//   bench_suggest [--data DIR] [--rules RULES.json] [--megabytes N] [--list]
//
// [SECTION] BioScope   hedge cues against BioScope's speculation cues (CoNLL-2010 Task 1:
//                      a sentence is uncertain when it holds a cue), sentence-level and
//                      cue-level (exact and overlapping) precision, recall and F1, per file
// [SECTION] Kratom     what is suggested on ../shared/reference/kratom-article.txt
// [SECTION] Speed      suggest on a generated article of N MB (default 10), against a
//                      python3 `re` scan of the same text for the rules' cue phrases
//
// DIR is the shared data folder (default: the first "shared/data" found walking up from
// the working folder and from this program's folder). Not run by ctest: the tests must pass
// without ../shared.
#include "bench_support.h"

#include "core/model/annotation_set.h"
#include "core/suggest/suggest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace claimmark;
using namespace claimmark::bench;
namespace fs = std::filesystem;

namespace {

fs::path findUp(const fs::path& from, const fs::path& relative) {
    std::error_code error;
    for (fs::path p = fs::absolute(from, error); !p.empty(); p = p.parent_path()) {
        if (fs::exists(p / relative, error)) return p / relative;
        if (p == p.parent_path()) break;
    }
    return {};
}

fs::path sharedFolder(const std::optional<std::string>& given) {
    if (given) return *given;
    if (fs::path p = findUp(fs::current_path(), "shared/data"); !p.empty()) return p;
    std::error_code error;
    if (fs::path p = findUp(fs::read_symlink("/proc/self/exe", error).parent_path(), "shared/data"); !p.empty())
        return p;
    return {};
}

struct Tally {
    std::size_t tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
    double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

void printTally(const std::string& name, const Tally& t) {
    std::cout << name << "_precision: " << fixed(t.precision()) << '\n'
              << name << "_recall: " << fixed(t.recall()) << '\n'
              << name << "_f1: " << fixed(t.f1()) << '\n';
}

std::vector<Span> suggestedHedges(const std::string& text, const SuggestionRules& rules) {
    Result<Document> document = Document::fromBytes(text);
    if (!document) return {};
    AnnotationSet set;
    set.document.length = document->length();
    SuggestOptions options;
    options.labels = {"hedge"};
    std::vector<Span> spans;
    for (const Annotation& a : suggest(*document, set, rules, options).annotations) spans.push_back(a.spans.front());
    return spans;
}

// [SECTION] BioScope
void evaluateBioScope(const fs::path& file, const std::string& name, const SuggestionRules& rules, bool list) {
    std::ifstream in(file);
    if (!in) {
        std::cout << "bioscope_" << name << ": missing (" << file.string() << ")\n";
        return;
    }
    Tally sentences, exact, overlapPredicted, overlapGold;
    std::map<std::string, std::size_t> falsePositives, falseNegatives;
    std::string line;
    std::size_t count = 0;
    while (std::getline(in, line)) {
        const nlohmann::json record = nlohmann::json::parse(line);
        const std::string text = record["text"].get<std::string>();
        std::vector<Span> gold;
        for (const auto& cue : record["cues"])
            if (cue["type"] == "speculation")
                gold.push_back({cue["start"].get<std::size_t>(), cue["end"].get<std::size_t>()});
        const std::vector<Span> predicted = suggestedHedges(text, rules);
        ++count;
        const bool g = !gold.empty(), p = !predicted.empty();
        sentences.tp += g && p;
        sentences.fp += p && !g;
        sentences.fn += g && !p;
        auto overlapsAny = [](const Span& s, const std::vector<Span>& in) {
            return std::any_of(in.begin(), in.end(), [&](const Span& t) { return s.start < t.end && t.start < s.end; });
        };
        const Document doc = *Document::fromBytes(text);
        for (const Span& s : predicted) {
            const bool same = std::find(gold.begin(), gold.end(), s) != gold.end();
            ++(same ? exact.tp : exact.fp);
            const bool hit = overlapsAny(s, gold);
            ++(hit ? overlapPredicted.tp : overlapPredicted.fp);
            if (!hit) ++falsePositives[std::string(doc.slice(s.start, s.end))];
        }
        for (const Span& s : gold) {
            if (std::find(predicted.begin(), predicted.end(), s) == predicted.end()) ++exact.fn;
            const bool hit = overlapsAny(s, predicted);
            ++(hit ? overlapGold.tp : overlapGold.fn);
            if (!hit) ++falseNegatives[std::string(doc.slice(s.start, s.end))];
        }
    }
    // Overlap: precision over suggested cues, recall over gold cues.
    Tally overlap;
    const std::string prefix = "bioscope_" + name;
    std::cout << prefix << "_sentences: " << count << '\n';
    printTally(prefix + "_sentence", sentences);
    printTally(prefix + "_cue_exact", exact);
    const double p = overlapPredicted.precision(), r = overlapGold.recall();
    std::cout << prefix << "_cue_overlap_precision: " << fixed(p) << '\n'
              << prefix << "_cue_overlap_recall: " << fixed(r) << '\n'
              << prefix << "_cue_overlap_f1: " << fixed(p + r > 0 ? 2 * p * r / (p + r) : 0) << '\n';
    if (list) {
        auto top = [](const std::map<std::string, std::size_t>& m) {
            std::vector<std::pair<std::size_t, std::string>> v;
            for (const auto& [k, n] : m) v.emplace_back(n, k);
            std::sort(v.rbegin(), v.rend());
            std::string out;
            for (std::size_t i = 0; i < v.size() && i < 25; ++i)
                out += v[i].second + " " + std::to_string(v[i].first) + ", ";
            return out;
        };
        std::cout << "# " << name << " false positives: " << top(falsePositives) << '\n';
        std::cout << "# " << name << " missed: " << top(falseNegatives) << '\n';
    }
}

// [SECTION] Kratom
void listKratom(const fs::path& file, const SuggestionRules& rules, bool list) {
    Result<Document> document = Document::loadFile(file);
    if (!document) {
        std::cout << "kratom: missing (" << file.string() << ")\n";
        return;
    }
    AnnotationSet set;
    set.document.length = document->length();
    const SuggestionBatch batch = suggest(*document, set, rules);
    std::map<std::string, std::size_t> perLabel;
    for (const Annotation& a : batch.annotations) ++perLabel[a.label];
    for (const char* label : {"claim", "hedge", "caveat", "evidence"})
        std::cout << "kratom_" << label << "s: " << perLabel[label] << '\n';
    std::cout << "kratom_links: " << batch.relations.size() << '\n';
    if (!list) return;
    for (const Annotation& a : batch.annotations) {
        std::string text = a.text.size() > 90 ? a.text.substr(0, 87) + "..." : a.text;
        std::cout << "# " << a.label << " [" << a.rule << "] " << text << '\n';
    }
}

// [SECTION] Speed
std::string generatedArticle(std::size_t bytes, const fs::path& kratom) {
    std::vector<std::string> sentences;
    if (Result<Document> d = Document::loadFile(kratom)) {
        std::string current;
        for (char c : d->bytes()) {
            current += c;
            if ((c == '.' || c == '\n') && current.size() > 20) {
                sentences.push_back(current);
                current.clear();
            }
        }
    }
    if (sentences.empty()) {
        sentences = {"Kratom may help some users manage chronic pain. ",
                     "Small trials suggest that it reduces cravings, but more research is needed. ",
                     "Consult a healthcare professional before use.\n",
                     "Its alkaloids bind to opioid receptors in the brain. ",
                     "Users often report relief within an hour, according to a survey of 2,000 people. "};
    }
    std::mt19937 random(7);
    std::string text;
    text.reserve(bytes + 1024);
    while (text.size() < bytes) text += sentences[random() % sentences.size()];
    return text;
}

std::string pythonPattern(const SuggestionRules& rules) {
    std::string alternatives;
    std::set<std::string> seen;
    auto escape = [](const std::string& word) {
        std::string out;
        for (char c : word) {
            if (!std::isalnum(static_cast<unsigned char>(c))) out += '\\';
            out += c;
        }
        return out;
    };
    for (const CueRule& rule : rules.cues) {
        for (const Phrase& phrase : rule.phrases) {
            std::string p;
            for (std::size_t i = 0; i < phrase.size(); ++i) {
                if (i) p += "\\s+";
                switch (phrase[i].kind) {
                    case PhraseWord::Kind::Exact: p += escape(phrase[i].text); break;
                    case PhraseWord::Kind::Prefix: p += escape(phrase[i].text) + "\\w*"; break;
                    case PhraseWord::Kind::Number: p += "\\d[\\d.,]*"; break;
                    case PhraseWord::Kind::AnyWord: p += "\\w+"; break;
                }
            }
            if (seen.insert(p).second) alternatives += (alternatives.empty() ? "" : "|") + p;
        }
    }
    return "\\b(?:" + alternatives + ")\\b";
}

void measureSpeed(std::size_t megabytes, const fs::path& kratom, const SuggestionRules& rules) {
    const std::string text = generatedArticle(megabytes << 20, kratom);
    Result<Document> document = Document::fromBytes(text);
    AnnotationSet set;
    set.document.length = document->length();
    const auto start = Clock::now();
    const double cpuStart = cpuSeconds();
    const SuggestionBatch batch = suggest(*document, set, rules);
    const double seconds = secondsSince(start);
    const double cpu = cpuSeconds() - cpuStart;
    std::cout << "article_mb: " << fixed(double(text.size()) / (1 << 20), 1) << '\n'
              << "suggestions: " << batch.annotations.size() << '\n'
              << "suggest_s: " << fixed(seconds) << '\n'
              << "suggest_cpu_s: " << fixed(cpu) << '\n';

    const fs::path dir = fs::temp_directory_path() / ("claimmark-bench-suggest-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        std::ofstream(dir / "article.txt", std::ios::binary) << text;
        std::ofstream(dir / "pattern.txt", std::ios::binary) << pythonPattern(rules);
        std::ofstream(dir / "scan.py") << "import re, sys, time\n"
                                          "text = open(sys.argv[1], encoding='utf-8').read()\n"
                                          "pattern = re.compile(open(sys.argv[2], encoding='utf-8').read(), re.I)\n"
                                          "start = time.perf_counter()\n"
                                          "n = sum(1 for _ in pattern.finditer(text))\n"
                                          "print(time.perf_counter() - start, n)\n";
    }
    const std::string command = "python3 '" + (dir / "scan.py").string() + "' '" + (dir / "article.txt").string() +
                                "' '" + (dir / "pattern.txt").string() + "' > '" + (dir / "out.txt").string() + "'";
    if (std::system(command.c_str()) == 0) {
        std::ifstream out(dir / "out.txt");
        double pythonSeconds = 0;
        std::size_t matches = 0;
        out >> pythonSeconds >> matches;
        std::cout << "python_regex_s: " << fixed(pythonSeconds) << '\n'
                  << "python_regex_matches: " << matches << '\n'
                  << "suggest_vs_python_ratio: " << fixed(pythonSeconds > 0 ? seconds / pythonSeconds : 0) << '\n';
    } else {
        std::cout << "python_regex_s: unavailable (python3 did not run)\n";
    }
    std::error_code error;
    fs::remove_all(dir, error);
}

}  // namespace

int main(int argc, char** argv) {
    std::optional<std::string> data, rulesFile;
    std::size_t megabytes = 10;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--data" && i + 1 < argc) data = argv[++i];
        else if (arg == "--rules" && i + 1 < argc) rulesFile = argv[++i];
        else if (arg == "--megabytes" && i + 1 < argc) megabytes = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--list") list = true;
        else
            exitWithUsage("bench_suggest", "unknown option " + arg,
                          "[--data DIR] [--rules RULES.json] [--megabytes N] [--list]");
    }
    const SuggestionRules* rules = &builtinSuggestionRules();
    Result<SuggestionRules> loaded = SuggestionRules{};
    if (rulesFile) {
        loaded = readSuggestionRulesFile(*rulesFile, Schema::claimStrength());
        if (!loaded) exitWithError("bench_suggest", loaded.errorText());
        rules = &*loaded;
    }
    const fs::path shared = sharedFolder(data);
    std::cout << "cue_rules: " << rules->cues.size() << '\n';
    evaluateBioScope(shared / "bioscope/abstracts.derived.jsonl", "abstracts", *rules, list);
    evaluateBioScope(shared / "bioscope/full_papers.derived.jsonl", "full_papers", *rules, list);
    const fs::path kratom = shared.parent_path() / "reference/kratom-article.txt";
    listKratom(kratom, *rules, list);
    measureSpeed(megabytes, kratom, *rules);
    std::cout << "peak_rss_mb: " << fixed(peakRssMb(), 1) << '\n';
    return 0;
}
