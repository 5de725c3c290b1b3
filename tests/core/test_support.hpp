#pragma once
// Helpers shared by the core tests: fixture paths and running the built CLI.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>

#include "loopscore/analysis.hpp"

namespace loopscore::testing {

/// Path of a file under tests/fixtures.
inline std::string fixture_path(const std::string& name) { return std::string(LOOPSCORE_FIXTURES) + "/" + name; }

/// Whole content of a file.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Result of running the CLI: exit code, stdout, stderr.
struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

/// Runs `loopscore ARGS` through the shell, capturing both streams in temporary files.
inline CliRun run_cli(const std::string& args, const std::string& stdin_file = "") {
  static int counter = 0;
  // ctest runs tests in parallel processes: the pid keeps their files apart.
  const std::string base =
      ::testing::TempDir() + "cli_run_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  std::string command = std::string("'") + LOOPSCORE_CLI + "' " + args + " >" + base + ".out 2>" + base + ".err";
  if (!stdin_file.empty()) command += " <" + stdin_file;
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = read_file(base + ".out");
  run.err = read_file(base + ".err");
  std::remove((base + ".out").c_str());
  std::remove((base + ".err").c_str());
  return run;
}

/// The message parse_options_json refuses `text` with, or "no error".
inline std::string option_error(std::string_view text) {
  try {
    parse_options_json(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace loopscore::testing
