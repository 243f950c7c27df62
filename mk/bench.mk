# make bench, applets: bench/applets.sh times pipelines in `wasmbox sh`
# (grep, sort | uniq -c, jq) against the same pipelines run natively with
# the GNU tools and jq, on inputs it generates under $(B)/bench/applets.
# jq (the native baseline) and GNU time (CPU times) are needed by the
# benchmark only, so they are installed here, not through PKGS.
BENCH_PKGS := jq time

.PHONY: bench-applets
bench-applets: $(H)/wasmbox
	$(Q)tools/install-deps.sh $(BENCH_PKGS)
	$(Q)bench/applets.sh $(H)/wasmbox $(B)/bench

# A sanitizer build is not timed (bench/bench.mk refuses it with a message).
ifeq ($(filter %/asan,$(H)),)
bench: bench-applets
endif
