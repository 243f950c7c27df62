# Sessions, snapshots and fork (src/session/): SQLite for the session
# store, LZ4 for compressed snapshot blobs, zlib for their CRC-32s.
PKGS += libsqlite3-dev liblz4-dev zlib1g-dev sqlite3
LIBS += -lsqlite3 -llz4 -lz

# This file is read before the Makefile's first rule: keep `make` = `make all`.
.DEFAULT_GOAL := all

# The guest's identity (SHA-256 of the metered wasm), compiled into the
# library: saved state from another guest build is refused.
$(G)/guest_id.h: $(G)/guest.metered.wasm
	$(Q)sha256sum $< | cut -c1-64 | sed 's/../0x&,/g; s/^/#define WB__GUEST_ID_BYTES /' > $@.tmp
	$(Q)mv $@.tmp $@
$(H)/session/identity.o: $(G)/guest_id.h

# Files in snapshots: on once the VFS implements its session calls
# (src/vfs/vfs.h: wb__vfs_save/load/clone); until then snapshots hold
# memory and globals only (src/session/vfs_adapter.c).
ifneq ($(shell grep -ls '^int wb__vfs_save' src/vfs/*.c 2>/dev/null),)
$(H)/session/vfs_adapter.o: HOST_CFLAGS += -DWB__SESSION_VFS=1
endif
