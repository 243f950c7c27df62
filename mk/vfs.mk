# (Rules here come before the Makefile's own: keep "all" the default goal.)
.DEFAULT_GOAL := all

# The filesystem (src/vfs/, guest/js/fs.c): the JS fs module's source is
# embedded into the guest like the prelude, without its whole-line
# comments and padded with blanks to a fixed size, so that editing fs.js
# does not move the guest's heap: the out-of-memory cases of tests/security
# (a script fills the heap, the next run must still work) pass or fail
# with where the heap starts.
WB_FS_JS_SIZE := 23432
$(G)/fs_js.h: guest/js/fs.js tools/embed-js.sh mk/vfs.mk
	$(Q)mkdir -p $(dir $@)
	$(Q)perl -e 'my $$s = join "", grep { !m{^\s*//} } <STDIN>; my $$n = $(WB_FS_JS_SIZE) - length($$s); die "guest/js/fs.js is over $(WB_FS_JS_SIZE) bytes without comments: raise WB_FS_JS_SIZE in mk/vfs.mk\n" if $$n < 0; print $$s, " " x $$n' < guest/js/fs.js > $(G)/fs.packed.js
	$(Q)tools/embed-js.sh $@ wb_fs_js=$(G)/fs.packed.js

$(G)/js/fs.o: $(G)/fs_js.h
