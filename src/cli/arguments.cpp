// arguments.cpp — see arguments.h.
#include "cli/arguments.h"

#include "cli/cli.h"

#include <iostream>
#include <optional>

namespace claimmark::cli {

const std::string* ParsedArguments::value(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? nullptr : &it->second;
}

namespace {

const OptionSpec* findOption(const std::vector<OptionSpec>& options, std::string_view name) {
    for (const OptionSpec& option : options)
        if (option.name == name || (!option.shortName.empty() && option.shortName == name)) return &option;
    return nullptr;
}

}  // namespace

ParsedArguments parseArguments(const std::vector<std::string>& arguments, const std::vector<OptionSpec>& options) {
    ParsedArguments parsed;
    bool onlyPositional = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        // A lone "-" conventionally means stdin/stdout; treat it as a name, not an option.
        if (onlyPositional || argument.size() < 2 || argument[0] != '-') {
            parsed.positional.push_back(argument);
            continue;
        }
        if (argument == "--") {
            onlyPositional = true;
            continue;
        }
        if (argument == "--help" || argument == "-h") {
            parsed.help = true;
            continue;
        }
        std::string name = argument;
        std::optional<std::string> inlineValue;
        if (std::size_t eq = argument.find('='); argument.rfind("--", 0) == 0 && eq != std::string::npos) {
            name = argument.substr(0, eq);
            inlineValue = argument.substr(eq + 1);
        }
        const OptionSpec* option = findOption(options, name);
        if (!option) {
            if (parsed.error.empty()) parsed.error = "unknown option '" + name + "'";
            continue;
        }
        if (!option->takesValue) {
            if (inlineValue && parsed.error.empty()) parsed.error = "option '" + option->name + "' takes no value";
            parsed.flags.insert(option->name);
            continue;
        }
        std::string value;
        if (inlineValue) {
            value = *inlineValue;
        } else if (i + 1 < arguments.size()) {
            value = arguments[++i];
        } else {
            if (parsed.error.empty()) parsed.error = "option '" + name + "' needs an argument";
            continue;
        }
        if (parsed.values.count(option->name) && parsed.error.empty())
            parsed.error = "option '" + option->name + "' given more than once";
        parsed.values[option->name] = value;
    }
    return parsed;
}

int usageError(std::string_view command, std::string_view message) {
    std::cerr << "claimmark " << command << ": " << message << '\n' << "see 'claimmark " << command << " --help'\n";
    return kExitUsage;
}

}  // namespace claimmark::cli
