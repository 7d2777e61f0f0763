// arguments.h — the small option parser every subcommand shares.
//
// Accepts `--name VALUE`, `--name=VALUE`, `-o VALUE`, flags, `--` (everything after it is
// positional) and `--help`/`-h` anywhere. Anything else that starts with '-' is an unknown
// option. The first problem is reported; the command turns it into a usage error.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace claimmark::cli {

struct OptionSpec {
    std::string name;       // "--json", "--set"
    std::string shortName;  // "-o" or empty
    bool takesValue = false;
};

struct ParsedArguments {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // by OptionSpec::name
    std::set<std::string> flags;                // by OptionSpec::name
    bool help = false;
    std::string error;  // empty when the command line parsed

    bool has(const std::string& name) const { return flags.count(name) || values.count(name); }
    const std::string* value(const std::string& name) const;
};

ParsedArguments parseArguments(const std::vector<std::string>& arguments, const std::vector<OptionSpec>& options);

// Prints "claimmark CMD: MESSAGE" and "see 'claimmark CMD --help'" to stderr; returns 2.
int usageError(std::string_view command, std::string_view message);

}  // namespace claimmark::cli
