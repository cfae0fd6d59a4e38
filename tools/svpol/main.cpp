// svpol: finds commitments, problem statements and stakeholders in Swedish policy text.
// Each subcommand lives in its own cmd_<verb>.cpp; this file only dispatches and maps errors
// to exit codes (0 ok, 1 check failed, 2 usage or input error).
#include <CLI/CLI.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "common.hpp"
#include "svpol/error.hpp"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_DFL);  // `svpol tokenize big.txt | head` ends quietly
  CLI::App app{"svpol: commitments, problem statements and stakeholders in Swedish policy text"};
  app.set_version_flag("--version", std::string("svpol ") + SVPOL_VERSION_STRING);
  app.require_subcommand(1);
  int status = 0;
  svpol::cli::add_tokenize(app, status);
  svpol::cli::add_eval(app, status);
  svpol::cli::add_extract(app, status);
  svpol::cli::add_compare(app, status);
  svpol::cli::add_query(app, status);
  svpol::cli::add_rules(app, status);
  svpol::cli::add_annotate(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return svpol::cli::bad_input;
  } catch (const svpol::input_error& e) {
    // The place first (`file:line:col: `), unless the message names the file already.
    const bool named = e.source.empty() ||
                       (e.line == 0 && std::string(e.what()).find(e.source) != std::string::npos);
    std::cerr << "svpol: " << (named ? "" : e.where() + ": ") << e.what() << '\n';
    return svpol::cli::bad_input;
  } catch (const svpol::error& e) {
    std::cerr << "svpol: " << e.what() << '\n';
    return svpol::cli::bad_input;
  } catch (const std::exception& e) {
    std::cerr << "svpol: internal error: " << e.what() << '\n';
    return 3;
  }
  // A full disk or a closed descriptor must not pass as success (EPIPE has ended us quietly).
  if (!std::cout.flush()) {
    std::cerr << "svpol: cannot write to standard output: " << std::strerror(errno) << '\n';
    return svpol::cli::bad_input;
  }
  return status;
}
