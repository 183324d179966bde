// main() of store_test: runs the tests, or a child mode (`--store-child MODE DIR`) when
// a test re-executes this binary to act as a second process (see store_test_util.h).
#include <cstring>

#include "gtest/gtest.h"
#include "tests/store/store_test_util.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "--store-child") == 0) {
    return claimline::store::testing::RunChild(argc, argv);
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
