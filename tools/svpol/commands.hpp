// The subcommands: each adds itself to the app and sets `status` when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace svpol::cli {

void add_tokenize(CLI::App& app, int& status);
void add_eval(CLI::App& app, int& status);
void add_extract(CLI::App& app, int& status);
void add_compare(CLI::App& app, int& status);
void add_query(CLI::App& app, int& status);
void add_rules(CLI::App& app, int& status);
void add_annotate(CLI::App& app, int& status);

}  // namespace svpol::cli
