# Vigor: `make run` and `make test` are all a new machine needs (Debian 12).
SHELL := /bin/bash
JOBS ?= 2
LISTEN ?= 127.0.0.1:8080

# ccache keys on paths relative to the checkout, so a fresh clone reuses earlier objects.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: all run test test-sanitizers test-cluster bench lighthouse soak bootstrap build release asan fuzz fuzz-build web clean format

all: build

bootstrap:
	@scripts/bootstrap

release: bootstrap
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j$(JOBS)

asan: bootstrap
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j$(JOBS)

# libFuzzer targets (docs/fuzzing.md): FUZZ_SECONDS per target (60 by default), FUZZ_TARGETS to
# pick some (e.g. FUZZ_TARGETS="gpx fit").
fuzz-build: bootstrap
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j$(JOBS)

fuzz: fuzz-build
	@JOBS=$(JOBS) scripts/fuzz $(FUZZ_TARGETS)

web: bootstrap
	@cd web && npm run --silent build

build: release web

run: build
	@mkdir -p var
	@build/release/vigor migrate --data-dir var >/dev/null
	@exec build/release/vigor serve --listen $(LISTEN) --data-dir var --web-dir web/dist

test: bootstrap
	@scripts/run-tests

# The C++ unit and in-process tests under ASan + UBSan, every one on both databases (make test
# runs the feature suites on SQLite only under the sanitizers; scripts/run-tests says why).
test-sanitizers: asan
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --preset asan -L cpp -j$(JOBS) --timeout 600 --output-on-failure

# The cluster test, long form (3-4 minutes): etcd, three Patroni-managed PostgreSQL nodes,
# three vigor serve and nginx on loopback, things killed under load (docs/scaling.md). make test
# runs its short form.
test-cluster: release
	@/usr/bin/python3 tests/cluster/cluster_test.py --vigor build/release/vigor

bench: build
	@bench/run.sh build/release/vigor

# Lighthouse 12.2.3 (web's devDependencies) on the landing page, sign-in and Today (signed in),
# 3 runs each, medians into bench/RESULTS.md (about 4 minutes on 2 CPUs, so not in bench or test).
lighthouse: build
	@cd web && node scripts/lighthouse.mjs --bin ../build/release/vigor

# A steady mixed load on SQLite, then on PostgreSQL: SOAK_SECONDS each (default 600) after a
# warm-up; memory, descriptors, latency and errors checked; figures into bench/RESULTS.md.
soak: release
	@bench/soak.py build/release/vigor

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
