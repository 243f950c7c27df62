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
# 8.-10. toys/lsb/md5sum.c (md5sum, sha*sum): -c goes to wbtb_sum_check
#    (guest/applets/toybox/own_sumcheck.c), GNU's output and exit status,
#    given the command's own hash function; GNU's --quiet, --strict,
#    -w/--warn and --ignore-missing are added to the options (long-only
#    ones first: toybox's mkflags names them only there).
# T1-T9 (GNU-compatible text tools; helpers in guest/applets/toybox/
#    own_textext.c, declared in include/wbtb_ext.h):
# T1. toys/posix/sed.c: GNU's long options (--expression, --file,
#     --in-place, --quiet/--silent, --regexp-extended, --separate).
# T2. sed: each command gets a step[2] for GNU's first~step address;
#     such an address is lmatch[0] == LONG_MIN, and 0,/re/ is
#     LONG_MIN+1 (a range already open before line 1, so /re/ may end it on
#     line 1; only while there is a line: d makes sed look at the address
#     again with none).  Line numbers are decimal (GNU reads 010 as 10).
# T3. sed s///: \U \L \u \l \E in the replacement (GNU); the output grows
#     by what was copied (mlen), not by the precomputed newlen, which
#     counts a case command as one character.
# T4. sed s///Ng: with g, N means "the Nth match and every one after".
# T5. sed exits 2 when an input file cannot be read (GNU), after doing
#     the others.
# T6. toys/posix/nl.c: -i N, the line number increment.
# T7. toys/posix/head.c: -n -N and -c -N print all but the last N.
# T8. toys/posix/sort.c: -h (human-readable sizes, 2K < 1M), also as a
#     key flag (-k2h).  -n compares decimals and negatives as GNU
#     (upstream: integers only, then the text, so -1.5 > -1.2); -V orders
#     as GNU's filevercmp (upstream sorted foo-1.0-rc1 before foo-1.0).
# T9. toys/posix/cut.c: --complement; -f prints a line without the
#     delimiter whole, or not at all with -s (upstream checked this only
#     when the first field asked for was not field 1).
# L1. toys/posix/sort.c get_key_data: a key field keeps its leading blanks
#     unless -b (POSIX, GNU: `sort -k2,2` of "added   zod" sorts on
#     "   zod"); upstream stripped them whenever there was no -t and no end
#     character offset, which reordered columns aligned with spaces.
# P1. toys/posix/sort.c: the qsort of the lines becomes wbtb_sort_lines
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
      [ "toys/lsb/md5sum.c",
        "\"bc(check)s(status)[!bc]\"",
        "\"(quiet)(strict)(ignore-missing)bc(check)s(status)w(warn)[!bc]\"" ],
      [ "toys/lsb/md5sum.c",
        "void md5sum_main(void)\n{\n",
        "int wbtb_sum_check(const char *prog, void (*hash)(int, char *), char **files, int flags);\n"
        . "static void wbtb_sum_hash(int fd, char *hex)\n{\n  do_hash(fd, 0);\n  strcpy(hex, toybuf);\n}\n\n"
        . "void md5sum_main(void)\n{\n" ],
      [ "toys/lsb/md5sum.c",
        "  if (FLAG(c)) for (i = 0; toys.optargs[i]; i++) do_c_file(toys.optargs[i]);\n",
        "  if (FLAG(c)) toys.exitval = wbtb_sum_check(toys.which->name, wbtb_sum_hash, toys.optargs,\n"
        . "    !!FLAG(s) | 2*!!FLAG(quiet) | 4*!!FLAG(strict) | 8*!!FLAG(w) | 16*!!FLAG(ignore_missing));\n" ],
      [ "toys/posix/sed.c",
        "e*f*i:;nErz(null-data)s[+Er]",
        "e(expression)*f(file)*i(in-place):;n(quiet)(silent)E(regexp-extended)rz(null-data)s(separate)[+Er]" ],
      [ "toys/posix/sed.c",
        "#include \"toys.h\"\n",
        "#include \"toys.h\"\n#include \"wbtb_ext.h\"\n" ],
      [ "toys/posix/sed.c",
        "  unsigned not, hit;\n",
        "  unsigned not, hit;\n  long step[2];\n" ],
      [ "toys/posix/sed.c",
        "      } else if (isdigit(*line)) command->lmatch[i] = strtol(line, &line, 0);\n",
        "      } else if (isdigit(*line)) {\n        command->lmatch[i] = strtol(line, &line, 10);\n        if (!i && *line == \x27~\x27 && isdigit(line[1])) {\n          command->step[0] = command->lmatch[0];\n          command->step[1] = strtol(line+1, &line, 10);\n          command->lmatch[0] = LONG_MIN;\n        } else if (!i && !command->lmatch[0]) command->lmatch[0] = LONG_MIN+1;\n      }\n" ],
      [ "toys/posix/sed.c",
        "        if (!(lm = *command->lmatch)) {\n          void *rm = get_regex(command, *command->rmatch);\n",
        "        if (*command->lmatch == LONG_MIN) {\n          if (wbtb_sed_step(command->step[0], command->step[1], TT.count))\n            command->hit = TT.count;\n        } else if (*command->lmatch == LONG_MIN+1) {\n          if (TT.count == 1 && line && command->rmatch[1]) {\n            command->hit = 1;\n            if (line && !regexec0(get_regex(command, command->rmatch[1]), line, len, 0, 0, 0))\n              miss = 1;\n          }\n        } else if (!(lm = *command->lmatch)) {\n          void *rm = get_regex(command, *command->rmatch);\n" ],
      [ "toys/posix/sed.c",
        "      regex_t *reg = get_regex(command, command->arg1);\n",
        "      regex_t *reg = get_regex(command, command->arg1);\n      struct wbtb_case wbcs;\n" ],
      [ "toys/posix/sed.c",
        "        for (off = mlen = 0; new[off]; off++) {\n          int cc = 0, ll;\n\n          if (new[off] == \x27\\\\\x27) {\n",
        "        for (off = mlen = 0, wbtb_sed_case_reset(&wbcs); new[off]; wbtb_sed_case_apply(&wbcs, l2+l2used, mlen), off++) {\n          int cc = 0, ll;\n\n          wbcs.from = mlen;\n          if (new[off] == 92 && wbtb_sed_case_cmd(&wbcs, new[off+1])) {\n            off++;\n            continue;\n          }\n          if (new[off] == \x27\\\\\x27) {\n" ],
      [ "toys/posix/sed.c",
        "        l2used += newlen;\n",
        "        l2used += mlen;\n" ],
      [ "toys/posix/sed.c",
        "        if (off && off != ++count) {\n",
        "        if (off && ((command->sflags & SFLAG_g) ? ++count < off : off != ++count)) {\n" ],
      [ "toys/posix/sed.c",
        "  loopfiles_rw(args, O_RDONLY|WARN_ONLY, 0, do_sed_file);\n",
        "  int wbmissing = wbtb_sed_missing(args);\n  loopfiles_rw(args, O_RDONLY|WARN_ONLY, 0, do_sed_file);\n" ],
      [ "toys/posix/sed.c",
        "  // todo: need to close fd when done for TOYBOX_FREE?\n",
        "  if (wbmissing) toys.exitval = 2;\n" ],
      [ "toys/posix/nl.c",
        "NEWTOY(nl, \"v#=1l#",
        "NEWTOY(nl, \"i#=1v#=1l#" ],
      [ "toys/posix/nl.c",
        "  long w, l, v;\n",
        "  long w, l, v, i;\n" ],
      [ "toys/posix/nl.c",
        "TT.v++",
        "(TT.v += TT.i) - TT.i" ],
      [ "toys/posix/head.c",
        "n(lines)#<0=10c(bytes)#<0",
        "n(lines)#=10c(bytes)#" ],
      [ "toys/posix/head.c",
        "#include \"toys.h\"\n",
        "#include \"toys.h\"\n#include \"wbtb_ext.h\"\n" ],
      [ "toys/posix/head.c",
        "  while (FLAG(c) ? bytes : lines) {\n",
        "  if (FLAG(c) ? bytes < 0 : lines < 0) {\n    wbtb_head_but_last(fd, name, FLAG(c), FLAG(c) ? -bytes : -lines);\n    TT.file_no++;\n    return;\n  }\n  while (FLAG(c) ? bytes : lines) {\n" ],
      [ "toys/posix/sort.c",
        "\"xVbMCcszdfirun\"",
        "\"xhVbMCcszdfirun\"" ],
      [ "toys/posix/sort.c",
        "#include \"toys.h\"\n",
        "#include \"toys.h\"\n#include \"wbtb_ext.h\"\n" ],
      [ "toys/posix/sort.c",
        "  } else if (flags & FLAG_x) return strtol(x, NULL, 16)-strtol(y, NULL, 16);\n",
        "  } else if (flags & FLAG_x) return strtol(x, NULL, 16)-strtol(y, NULL, 16);\n  else if (flags & FLAG_h) return wbtb_sort_human(x, y);\n" ],
      [ "toys/posix/cut.c",
        "NEWTOY(cut, \"b*|",
        "NEWTOY(cut, \"(complement)b*|" ],
      [ "toys/posix/cut.c",
        "#include \"toys.h\"\n",
        "#include \"toys.h\"\n#include \"wbtb_ext.h\"\n" ],
      [ "toys/posix/cut.c",
        "    TT.pairs = (to/2)+1;\n  }\n",
        "    TT.pairs = (to/2)+1;\n  }\n  if (FLAG(complement)) TT.pairs = wbtb_cut_complement((void *)toybuf, TT.pairs);\n" ],
      [ "toys/posix/cut.c",
        "  TT.line++;\n",
        "  TT.line++;\n  if (FLAG(f) && *TT.d != 10 && !strpbrk(line, TT.d)) {\n    if (FLAG(s)) return;\n    fwrite(line, len, 1, stdout);\n    xputc(10);\n    return;\n  }\n" ],
      [ "toys/posix/sort.c",
        "    long long dx = atoll(x), dy = atoll(y);\n\n    return dx<dy ? -1 : dx>dy;\n",
        "    return wbtb_sort_numeric(x, y);\n" ],
      [ "toys/posix/sort.c",
        "  else if (flags & FLAG_V) {\n",
        "  else if (flags & FLAG_V) return wbtb_sort_version(x, y);\n  else if (0) {\n" ],
      [ "toys/posix/sort.c",
        "  qsort(TT.lines, TT.linecount, sizeof(char *), compare_keys);\n",
        "  {\n    void wbtb_sort_lines(char **lines, unsigned n, int (*cmp)(const void *, const void *),\n" .
        "                         int mode, int reverse, int stable);\n" .
        "    struct sort_key *wbk = TT.key_list, *k;\n" .
        "    int whole = !wbk->next_key && !wbk->flags && wbk->range[0]==1 && !wbk->range[1]\n" .
        "      && !wbk->range[2] && !wbk->range[3]\n" .
        "      && !(toys.optflags&(FLAG_g|FLAG_M|FLAG_x|FLAG_V|FLAG_b|FLAG_bb|FLAG_d|FLAG_f|FLAG_i|FLAG_h));\n" .
        "    long long v = toys.optflags&FLAG_V;\n\n" .
        "    for (k = wbk; k; k = k->next_key) v |= k->flags&FLAG_V;\n" .
        "    // 0: qsort as before (-V compares inconsistently), 1: a stable merge sort\n" .
        "    // calling compare_keys, 2: whole lines, 3: whole lines -n\n" .
        "    wbtb_sort_lines(TT.lines, TT.linecount, compare_keys,\n" .
        "      v ? 0 : !whole ? 1 : FLAG(n) ? 3 : 2, !!FLAG(r), !!FLAG(s));\n  }\n" ],
      [ "toys/posix/sort.c",
        "  if ((flags&FLAG_b) || (!TT.t && !key->range[3]))\n",
        "  if (flags&FLAG_b)\n" ],
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
