# Thin wrapper over CMake. `make demo` and `make test` do all set-up on a fresh Debian machine.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
TEST_BUILD ?= build-asan

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= fuzz_tokenize fuzz_rules fuzz_jsonl fuzz_brat fuzz_conllu

.PHONY: all deps build demo test fuzz clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DSVPOL_BUILD_TESTS=OFF >/dev/null

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)/bin/svpol

# The tests run on a build with AddressSanitizer and UBSan.
$(TEST_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(TEST_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSVPOL_BUILD_TESTS=ON \
	      -DSVPOL_SANITIZE=ON -DSVPOL_WERROR=ON >/dev/null

test: deps $(TEST_BUILD)/CMakeCache.txt
	cmake --build $(TEST_BUILD) -j $(JOBS)
	ctest --test-dir $(TEST_BUILD) --output-on-failure -j $(JOBS)

# libFuzzer targets (clang; optional, not part of `make test`): each runs FUZZ_SECONDS on its
# seed corpus tests/fuzz/corpus/<target>/ plus what it finds in $(FUZZ_BUILD)/corpus/<target>/.
# A crash stops the run and leaves $(FUZZ_BUILD)/crash-*: make it a test in tests/unit/.
$(FUZZ_BUILD)/CMakeCache.txt: | deps
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang libclang-rt-14-dev" >&2; exit 2; }
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	      -DSVPOL_FUZZ=ON -DSVPOL_BUILD_TESTS=OFF >/dev/null

fuzz: deps $(FUZZ_BUILD)/CMakeCache.txt
	@command -v clang++ >/dev/null || { echo "make fuzz needs clang: apt-get install -y clang libclang-rt-14-dev" >&2; exit 2; }
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_targets
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "== $$t ($(FUZZ_SECONDS) s)"; \
	  $(FUZZ_BUILD)/bin/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 \
	    -rss_limit_mb=4096 -artifact_prefix=$(FUZZ_BUILD)/ -print_final_stats=1 \
	    $(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t; \
	done

clean:
	rm -rf $(BUILD) $(TEST_BUILD) $(FUZZ_BUILD)
