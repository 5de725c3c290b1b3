#pragma once
// Helpers shared by the reader tests: reading fixtures, catching the InputError of a bad input.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "loopscore/readers.hpp"
#include "test_support.hpp"

namespace loopscore::testing {

/// All posts of a fixture (path under tests/fixtures), with the summary.
inline std::vector<Post> read_fixture(const std::string& name, ReadSummary* summary = nullptr,
                                      const ReadOptions& options = {}) {
  return read_all_posts(read_file(fixture_path(name)), options, summary);
}

/// The InputError thrown by reading `input`, or a test failure when none is thrown.
inline InputError read_error(std::string_view input, const ReadOptions& options = {}) {
  try {
    read_all_posts(input, options);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an InputError";
  return InputError("none", {});
}

/// The InputError thrown by reading a fixture.
inline InputError fixture_error(const std::string& name, const ReadOptions& options = {}) {
  return read_error(read_file(fixture_path(name)), options);
}

}  // namespace loopscore::testing
