#!/bin/sh
# patch-toybox.sh DIR — the few edits toybox needs where no define or
# wrapper header can reach, applied to the build-time copy in DIR (never to
# third_party/src).  Each edit must match exactly once; if upstream text
# changed, the build stops here.
#
# The sandbox has no processes: a command that runs another one does it
# through wb_run_command (the shell runs it in-process and returns its exit
# status), see guest/applets/toybox/spawn.c.
# 1. lib/xwrap.c xpopen_setup (behind xrun, xpopen, xpopen_both: find -exec,
#    tar's compressors): hand the whole call to wbtb_popen, which
#    runs the command now and returns a pseudo pid for xwaitpid.
# 2. toys/posix/env.c: the execve of COMMAND becomes wbtb_env_exec, which
#    runs it with the environment env built and ends env with its status.
# 3. main.c show_help: CMD --help prints the command's help only, without
#    the "Toybox 0.8.9 multicall binary (see toybox --help)" banner: the
#    sandbox has no toybox multiplexer to point at.
# 4. lib/lib.c tempfile_handler (sed -i's cleanup): xexit() calls every
#    sigatexit handler as void (*)(int); this one is declared (void), and
#    wasm traps on a call through a pointer of another type.
# 5. toys/posix/sed.c s///N: the text before the Nth match is copied only
#    if the output buffer already exists, and it does not before the first
#    replacement, so `echo aaaa | sed s/a/b/3` gave "\0\0ba" (upstream bug,
#    on every libc).  Allocate it first, as the replacement path does.
# 6. lib/lib.c copy_tempfile registers its cleanup only while the static
#    tempfile2zap is unset, i.e. once per process; here every command is a
#    fresh start of the exit-handler list, so register it every time.
# 7. lib/dirtree.c: a directory entry's type becomes a mode as d_type<<12,
#    Linux's encoding; WASI numbers its d_type values differently (a file
#    came out as a directory: ls -F, ls -R, find -delete).  wbtb_dttoif
#    (guest/applets/toybox/stubs.c) maps them.
# 8. toys/posix/sort.c: the qsort of the lines becomes wbtb_sort_lines
#    (guest/applets/toybox/own_sort_fast.c): when the only key is the whole
#    line and no flag but -n/-r/-s/-u changes the order, a sort on
#    precomputed keys instead of compare_keys at every comparison (the
#    cost of `sort | uniq -c | sort -rn` on large inputs); with keys a
#    stable merge sort (fewer comparisons than musl's qsort); with -V
#    (whose comparison is not a consistent order) qsort as before.
set -eu
dir=${1:?usage: patch-toybox.sh DIR}

perl -0777 -e '
    my $dir = shift;
    my @edits = (
      [ "lib/xwrap.c",
        "pid_t xpopen_setup(char **argv, int *pipes, void (*callback)(char **argv))\n{\n",
        "pid_t xpopen_setup(char **argv, int *pipes, void (*callback)(char **argv))\n{\n  if (1) return wbtb_popen(argv, pipes, callback);\n" ],
      [ "toys/posix/env.c",
        "      if (!strchr(*ev, \x27/\x27) && path) {\n",
        "      wbtb_env_exec(ev, ee);\n      if (!strchr(*ev, \x27/\x27) && path) {\n" ],
      [ "main.c",
        "  if (!(full&2))\n    fprintf(out, \"Toybox %s\"",
        "  if (0)\n    fprintf(out, \"Toybox %s\"" ],
      [ "lib/lib.c",
        "static void tempfile_handler(void)\n{\n",
        "static void tempfile_handler(int sig)\n{\n" ],
      [ "toys/posix/sed.c",
        "        if (off && off != ++count) {\n          if (l2) memcpy(l2+l2used, rline, match[0].rm_eo);\n",
        "        if (off && off != ++count) {\n          if ((l2l|0xfff) > l2old) l2 = xrealloc(l2, l2old = (l2l|0xfff)+1);\n          memcpy(l2+l2used, rline, match[0].rm_eo);\n" ],
      [ "lib/lib.c",
        "  if (!tempfile2zap) sigatexit(tempfile_handler);\n",
        "  sigatexit(tempfile_handler);\n" ],
      [ "lib/dirtree.c",
        "      new->st.st_mode = entry->d_type<<12;\n",
        "      new->st.st_mode = wbtb_dttoif(entry->d_type);\n" ],
      [ "toys/posix/sort.c",
        "  qsort(TT.lines, TT.linecount, sizeof(char *), compare_keys);\n",
        "  {\n    void wbtb_sort_lines(char **lines, unsigned n, int (*cmp)(const void *, const void *),\n" .
        "                         int mode, int reverse, int stable);\n" .
        "    struct sort_key *wbk = TT.key_list, *k;\n" .
        "    int whole = !wbk->next_key && !wbk->flags && wbk->range[0]==1 && !wbk->range[1]\n" .
        "      && !wbk->range[2] && !wbk->range[3]\n" .
        "      && !(toys.optflags&(FLAG_g|FLAG_M|FLAG_x|FLAG_V|FLAG_b|FLAG_bb|FLAG_d|FLAG_f|FLAG_i));\n" .
        "    long long v = toys.optflags&FLAG_V;\n\n" .
        "    for (k = wbk; k; k = k->next_key) v |= k->flags&FLAG_V;\n" .
        "    // 0: qsort as before (-V compares inconsistently), 1: a stable merge sort\n" .
        "    // calling compare_keys, 2: whole lines, 3: whole lines -n\n" .
        "    wbtb_sort_lines(TT.lines, TT.linecount, compare_keys,\n" .
        "      v ? 0 : !whole ? 1 : FLAG(n) ? 3 : 2, !!FLAG(r), !!FLAG(s));\n  }\n" ],
    );
    for my $e (@edits) {
        my ($f, $old, $new) = @$e;
        my $p = "$dir/$f";
        open(my $in, "<", $p) or die "patch-toybox: cannot read $p: $!\n";
        local $/; my $t = <$in>; close $in;
        my $n = () = $t =~ /\Q$old\E/g;
        $n == 1 or die "patch-toybox: $f: expected text found $n times (upstream changed?):\n$old\n";
        $t =~ s/\Q$old\E/$new/;
        open(my $out, ">", $p) or die "patch-toybox: cannot write $p: $!\n";
        print $out $t; close $out;
    }
' "$dir"
