# (Rules here come before the Makefile's own: keep "all" the default goal.)
.DEFAULT_GOAL := all

# The filesystem (src/vfs/, guest/js/fs.c): the JS fs module's source is
# embedded into the guest like the prelude.
$(G)/fs_js.h: guest/js/fs.js tools/embed-js.sh
	$(Q)mkdir -p $(dir $@)
	$(Q)tools/embed-js.sh $@ wb_fs_js=guest/js/fs.js

$(G)/js/fs.o: $(G)/fs_js.h
