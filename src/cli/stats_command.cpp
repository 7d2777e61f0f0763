// stats_command.cpp — `claimmark stats SET.json... [--json]`: counts per label, attribute
// value, relation type and origin.
//
// Every set is loaded before anything is printed, so a bad set gives diagnostics and no
// partial output. With --json one set prints an object, several print an array; each object
// carries "file" as named on the command line.
#include "cli/arguments.h"
#include "cli/cli.h"
#include "cli/commands.h"

#include "core/storage/set_file.h"
#include "core/model/set_stats.h"

#include <iostream>

namespace claimmark::cli {

const char* const kStatsUsage =
    "usage: claimmark stats SET.json... [--json]\n"
    "\n"
    "Counts the annotations of each set: total, relations, orphaned; per label; per label\n"
    "and attribute value; relations per type; per origin (manual, suggested, ...).\n"
    "\n"
    "  --json    print JSON (an object for one set, an array for several) instead of tables\n"
    "\n"
    "Exit status: 0 success, 1 a set could not be read, 2 usage error.\n";

int runStats(const std::vector<std::string>& arguments) {
    ParsedArguments parsed = parseArguments(arguments, {{"--json", "", false}});
    if (parsed.help) {
        std::cout << kStatsUsage;
        return kExitOk;
    }
    if (!parsed.error.empty()) return usageError("stats", parsed.error);
    if (parsed.positional.empty()) return usageError("stats", "no annotation set given");

    std::vector<SetStats> stats;
    bool allLoaded = true;
    for (const std::string& name : parsed.positional) {
        Result<LoadedSet> loaded = loadSetFile(name);
        if (!loaded) {
            printDiagnostics(loaded.errors());
            allLoaded = false;
            continue;
        }
        stats.push_back(computeStats(loaded->set));
    }
    if (!allLoaded) return kExitBadInput;

    if (parsed.has("--json")) {
        nlohmann::json out = nlohmann::json::array();
        for (std::size_t i = 0; i < stats.size(); ++i) {
            nlohmann::json one = nlohmann::json::object();
            one["file"] = parsed.positional[i];
            one.update(statsToJson(stats[i]));
            out.push_back(std::move(one));
        }
        std::cout << (out.size() == 1 ? out[0] : out).dump(2) << '\n';
        return kExitOk;
    }

    for (std::size_t i = 0; i < stats.size(); ++i) {
        if (i > 0) std::cout << '\n';
        if (stats.size() > 1) std::cout << "== " << parsed.positional[i] << " ==\n";
        std::cout << statsToText(stats[i]);
    }
    return kExitOk;
}

}  // namespace claimmark::cli
