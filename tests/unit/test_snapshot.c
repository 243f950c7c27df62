/* Snapshots, restore, fork and snapshot blobs (src/session/). */
#include "unit.h"

#include <unistd.h>

/* Resident and virtual size of this process, in KiB (/proc/self/statm). */
static void mem_kib(long *rss, long *vsz)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages_v = 0, pages_r = 0;
    assert_non_null(f);
    assert_int_equal(fscanf(f, "%ld %ld", &pages_v, &pages_r), 2);
    fclose(f);
    long k = sysconf(_SC_PAGESIZE) / 1024;
    *rss = pages_r * k;
    *vsz = pages_v * k;
}

static void test_round_trip(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "var x = 41; globalThis.big = 'ab'.repeat(300000); function f(a) { return a + x; } f(1)", "42");
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_take(sb, &snap), WB_OK);
    assert_non_null(snap);
    expect_js(sb, "x = 7; big = null; f = null; x", "7");
    assert_int_equal(wb_restore(sb, snap), WB_OK);
    expect_js(sb, "[x, big.length, f(1)]", "[41,600000,42]");
    /* Restoring twice, after more changes, gives the same state again. */
    expect_js(sb, "x = 100; var y = 5; x", "100");
    assert_int_equal(wb_restore(sb, snap), WB_OK);
    expect_js(sb, "[x, typeof y]", "[41,\"undefined\"]");
    /* And a fresh sandbox takes it too. */
    wb_sandbox *other = new_sandbox(NULL);
    assert_int_equal(wb_restore(other, snap), WB_OK);
    expect_js(other, "[x, big.length, f(2)]", "[41,600000,43]");
    wb_free(other);
    wb_snapshot_free(snap);
    /* A snapshot of a fresh sandbox puts back a fresh sandbox. */
    other = new_sandbox(NULL);
    assert_int_equal(wb_snapshot_take(other, &snap), WB_OK);
    assert_int_equal(wb_restore(sb, snap), WB_OK);
    expect_js(sb, "typeof x", "\"undefined\"");
    wb_snapshot_free(snap);
    wb_free(other);
    wb_free(sb);
}

static void test_grown_memory(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    /* 24 MiB of typed array: memory grows far past the template. */
    expect_js(sb, "var a = new Uint8Array(24 << 20); for (let i = 0; i < a.length; i += 4096) a[i] = i % 251; 1", "1");
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_take(sb, &snap), WB_OK);
    wb_sandbox *other = new_sandbox(NULL);
    assert_int_equal(wb_restore(other, snap), WB_OK);
    expect_js(other, "let ok = a.length === (24 << 20); for (let i = 0; i < a.length; i += 4096) ok = ok && a[i] === i % 251; ok",
              "true");
    wb_free(other);
    wb_snapshot_free(snap);
    wb_free(sb);
}

static void test_fork_isolation(void **state)
{
    (void)state;
    wb_sandbox *parent = new_sandbox(NULL);
    expect_js(parent, "var n = 1; var log = []; class C { constructor() { this.v = n } }; n", "1");
    wb_sandbox *child = NULL;
    assert_int_equal(wb_fork(parent, &child), WB_OK);
    assert_non_null(child);
    expect_js(child, "n += 1; log.push('child'); new C().v", "2");
    expect_js(parent, "n += 10; log.push('parent'); new C().v", "11");
    expect_js(child, "[n, log]", "[2,[\"child\"]]");
    expect_js(parent, "[n, log]", "[11,[\"parent\"]]");
    /* A fork of a fork; then the middle one goes away. */
    wb_sandbox *grandchild = NULL;
    assert_int_equal(wb_fork(child, &grandchild), WB_OK);
    wb_free(child);
    expect_js(grandchild, "n * 100 + log.length", "201");
    expect_js(grandchild, "await Promise.resolve(n)", "2");
    expect_js(parent, "n", "11");
    wb_free(grandchild);
    wb_free(parent);
}

/* Children map their parent's state from a fork image: a snapshot or a
 * fork of a child must still see those pages as changed. */
static void test_fork_layers(void **state)
{
    (void)state;
    wb_sandbox *parent = new_sandbox(NULL);
    expect_js(parent, "var big = new Uint8Array(8 << 20); big[5 << 20] = 42; var tag = 'p'; 1", "1");
    wb_sandbox *a = NULL, *b = NULL;
    assert_int_equal(wb_fork(parent, &a), WB_OK);
    assert_int_equal(wb_fork(parent, &b), WB_OK); /* the same image again */
    expect_js(parent, "tag = 'p2'; big[5 << 20] = 1; 1", "1");
    wb_free(b);
    assert_int_equal(wb_fork(parent, &b), WB_OK); /* a new state: a new image */
    expect_js(b, "[tag, big[5 << 20]]", "[\"p2\",1]");
    expect_js(a, "[tag, big[5 << 20]]", "[\"p\",42]");
    /* A snapshot of a child that has not written a page since the fork
     * (the first fork of a state copies, the second maps an image). */
    wb_sandbox *c = NULL;
    assert_int_equal(wb_fork(a, &c), WB_OK);
    wb_free(c);
    assert_int_equal(wb_fork(a, &c), WB_OK);
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_take(c, &snap), WB_OK);
    wb_sandbox *fresh = new_sandbox(NULL);
    assert_int_equal(wb_restore(fresh, snap), WB_OK);
    expect_js(fresh, "[tag, big[5 << 20], big.length]", "[\"p\",42,8388608]");
    /* Restoring over a layered child. */
    assert_int_equal(wb_restore(b, snap), WB_OK);
    expect_js(b, "[tag, big[5 << 20]]", "[\"p\",42]");
    wb_snapshot_free(snap);
    /* A fork of that child (its own image from layered pages). */
    wb_sandbox *d = NULL, *e = NULL;
    assert_int_equal(wb_fork(c, &d), WB_OK);
    assert_int_equal(wb_fork(c, &e), WB_OK);
    expect_js(e, "[tag, big[5 << 20]]", "[\"p\",42]");
    wb_free(d);
    wb_free(e);
    /* Growth in a child past what the image covers. */
    expect_js(c, "var more = new Uint8Array(16 << 20); more[1] = 3; [more[1], big[5 << 20]]", "[3,42]");
    expect_js(a, "typeof more", "\"undefined\"");
    wb_free(fresh);
    wb_free(c);
    wb_free(b);
    wb_free(a);
    wb_free(parent);
}

static void test_thousand_forks(void **state)
{
    (void)state;
    wb_sandbox *parent = new_sandbox(NULL);
    expect_js(parent, "var s = 'x'.repeat(200000); var k = 0; 1", "1");
    long rss0, vsz0, rss1, vsz1;
    /* Warm up (thread stacks, shadow regions, malloc arenas). */
    for (int i = 0; i < 20; i++) {
        wb_sandbox *c = NULL;
        assert_int_equal(wb_fork(parent, &c), WB_OK);
        expect_js(c, "k += 1", "1");
        wb_free(c);
    }
    mem_kib(&rss0, &vsz0);
    for (int i = 0; i < 1000; i++) {
        wb_sandbox *c = NULL;
        assert_int_equal(wb_fork(parent, &c), WB_OK);
        if (i % 100 == 0)
            expect_js(c, "k += s.length", "200000");
        wb_free(c);
    }
    mem_kib(&rss1, &vsz1);
    fprintf(stderr, "1000 forks: rss %ld -> %ld KiB, vsz %ld -> %ld KiB\n", rss0, rss1, vsz0, vsz1);
#ifndef __SANITIZE_ADDRESS__ /* ASan's quarantine keeps freed blocks resident */
    assert_true(rss1 - rss0 < 8 * 1024);
#endif
    assert_true(vsz1 - vsz0 < 64 * 1024); /* each leaked reservation would be 8 GiB */
    expect_js(parent, "k", "0");
    wb_free(parent);
}

static void *save(wb_sandbox *sb, size_t *len)
{
    wb_snapshot *snap = NULL;
    void *buf = NULL;
    assert_int_equal(wb_snapshot_take(sb, &snap), WB_OK);
    assert_int_equal(wb_snapshot_save(snap, &buf, len), WB_OK);
    wb_snapshot_free(snap);
    return buf;
}

static void test_blob_round_trip(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "var obj = {a: [1, 2, 3], s: 'é'.repeat(1000)}; var m = new Map([[1, 'one']]); 1", "1");
    size_t len;
    void *buf = save(sb, &len);
    assert_true(len > 64);
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_load(buf, len, &snap), WB_OK);
    wb_sandbox *other = new_sandbox(NULL);
    assert_int_equal(wb_restore(other, snap), WB_OK);
    /* The same state saves to the same bytes. */
    size_t len2;
    void *buf2 = save(other, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(buf, buf2, len);
    wb_snapshot_buffer_free(buf2);
    expect_js(other, "[obj.a, obj.s.length, m.get(1)]", "[[1,2,3],1000,\"one\"]");
    wb_snapshot_free(snap);
    wb_snapshot_buffer_free(buf);
    wb_free(other);
    wb_free(sb);
}

/* Internal (src/session/snapshot.h): a save that reuses an earlier blob's
 * compressed chunks. */
wb_status wb__snapshot_save_reuse(const wb_snapshot *snap, const wb_snapshot *prev, const void *prev_blob,
                                  size_t prev_len, wb_snapshot *record, void **buf, size_t *len);

/* Reusing chunks gives exactly the bytes a full save gives. */
static void test_blob_reuse(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "var rows = Array.from({length: 5000}, (_, i) => ({i, s: 'row ' + i})); 1", "1");
    wb_snapshot *s1 = NULL, *s2 = NULL, *back = NULL;
    void *b1, *b2, *full;
    size_t l1, l2, lfull;
    assert_int_equal(wb_snapshot_take(sb, &s1), WB_OK);
    assert_int_equal(wb__snapshot_save_reuse(s1, NULL, NULL, 0, s1, &b1, &l1), WB_OK);
    expect_js(sb, "rows[4000].s = 'changed'; rows.push({i: -1}); rows.length", "5001");
    assert_int_equal(wb_snapshot_take(sb, &s2), WB_OK);
    assert_int_equal(wb__snapshot_save_reuse(s2, s1, b1, l1, s2, &b2, &l2), WB_OK);
    assert_int_equal(wb_snapshot_save(s2, &full, &lfull), WB_OK);
    assert_int_equal(l2, lfull);
    assert_memory_equal(b2, full, l2);
    /* A loaded snapshot serves as prev as well. */
    wb_snapshot *s1l = NULL;
    void *b3;
    size_t l3;
    assert_int_equal(wb_snapshot_load(b1, l1, &s1l), WB_OK);
    assert_int_equal(wb__snapshot_save_reuse(s2, s1l, b1, l1, NULL, &b3, &l3), WB_OK);
    assert_int_equal(l3, lfull);
    assert_memory_equal(b3, full, l3);
    assert_int_equal(wb_snapshot_load(b2, l2, &back), WB_OK);
    wb_sandbox *other = new_sandbox(NULL);
    assert_int_equal(wb_restore(other, back), WB_OK);
    expect_js(other, "[rows.length, rows[4000].s, rows[3999].s]", "[5001,\"changed\",\"row 3999\"]");
    wb_free(other);
    wb_snapshot_free(back);
    wb_snapshot_free(s1l);
    wb_snapshot_buffer_free(b3);
    wb_snapshot_buffer_free(full);
    wb_snapshot_buffer_free(b2);
    wb_snapshot_buffer_free(b1);
    wb_snapshot_free(s2);
    wb_snapshot_free(s1);
    wb_free(sb);
}

static void test_blob_corrupt(void **state)
{
    (void)state;
    wb_sandbox *sb = new_sandbox(NULL);
    expect_js(sb, "var z = Array.from({length: 5000}, (_, i) => i * i); 1", "1");
    size_t len;
    unsigned char *buf = save(sb, &len);
    wb_snapshot *snap = NULL;
    /* Truncated anywhere: refused with a message. */
    size_t cuts[] = { 0, 1, 8, 63, 64, 65, 100, len / 2, len - 5, len - 1 };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        assert_int_equal(wb_snapshot_load(buf, cuts[i], &snap), WB_EINVAL);
        assert_null(snap);
        assert_true(strlen(wb_snapshot_errmsg()) > 10);
    }
    /* Any one bit changed: refused (the header's fields are checked, the
     * table and each compressed chunk carry a CRC-32).  Should one ever
     * get through, it must at least load exactly the original contents. */
    size_t rejected = 0, tried = 0;
    for (size_t off = 0; off < len; off += off < 128 ? 1 : 37) {
        unsigned char old = buf[off];
        for (unsigned bit = 1; bit < 256; bit <<= 3) {
            buf[off] = (unsigned char)(old ^ bit);
            wb_status st = wb_snapshot_load(buf, len, &snap);
            tried++;
            if (st == WB_OK) {
                void *again;
                size_t alen;
                assert_int_equal(wb_snapshot_save(snap, &again, &alen), WB_OK);
                buf[off] = old;
                assert_int_equal(alen, len);
                assert_memory_equal(again, buf, len);
                wb_snapshot_buffer_free(again);
                wb_snapshot_free(snap);
                snap = NULL;
            } else {
                rejected++;
                assert_int_equal(st, WB_EINVAL);
            }
        }
        buf[off] = old;
    }
    fprintf(stderr, "%zu of %zu one-bit changes rejected, the rest decompress to the same state\n", rejected, tried);
    assert_int_equal(rejected, tried);
    /* A foreign guest build: the identity differs. */
    buf[20] ^= 0xff;
    assert_int_equal(wb_snapshot_load(buf, len, &snap), WB_EINVAL);
    assert_non_null(strstr(wb_snapshot_errmsg(), "different guest build"));
    buf[20] ^= 0xff;
    /* Garbage of every small size. */
    unsigned char junk[300];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 131 + 7);
    memcpy(junk, "WBSNAPv1", 8);
    for (size_t n = 0; n <= sizeof junk; n++)
        assert_int_not_equal(wb_snapshot_load(junk, n, &snap), WB_OK);
    /* Still good after all that. */
    assert_int_equal(wb_snapshot_load(buf, len, &snap), WB_OK);
    wb_snapshot_free(snap);
    assert_int_equal(wb_snapshot_load(NULL, 0, &snap), WB_EINVAL);
    assert_int_equal(wb_snapshot_load(buf, len, NULL), WB_EMISUSE);
    wb_snapshot_buffer_free(buf);
    wb_free(sb);
}

static void test_restore_other_config(void **state)
{
    (void)state;
    wb_sandbox *big = new_sandbox(NULL);
    expect_js(big, "var a = new Uint8Array(40 << 20); a[a.length - 1] = 9; 1", "1");
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_take(big, &snap), WB_OK);
    wb_free(big);

    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_memory_limit(cfg, 16 << 20), WB_OK);
    assert_int_equal(wb_config_set_fixed_clock(cfg, 86400000), WB_OK);
    wb_sandbox *small = new_sandbox(cfg);
    expect_js(small, "var mine = 'kept'; 1", "1");
    assert_int_equal(wb_restore(small, snap), WB_EMEMLIMIT);
    assert_non_null(strstr(wb_errmsg(small), "memory limit"));
    expect_js(small, "mine", "\"kept\""); /* unchanged */
    wb_snapshot_free(snap);

    /* A snapshot that fits: the state comes along, the limits and clock
     * stay the restoring sandbox's. */
    wb_sandbox *src = new_sandbox(NULL);
    expect_js(src, "var t = 'from src'; 1", "1");
    assert_int_equal(wb_snapshot_take(src, &snap), WB_OK);
    assert_int_equal(wb_restore(small, snap), WB_OK);
    expect_js(small, "[t, typeof mine, Date.now()]", "[\"from src\",\"undefined\",86400000]");
    run_out o = run_js(small, "new Uint8Array(32 << 20).length");
    assert_int_equal(o.status, WB_EMEMLIMIT);
    run_free(&o);
    wb_snapshot_free(snap);
    wb_free(src);
    wb_free(small);
    wb_config_free(cfg);
}

static void test_misuse(void **state)
{
    (void)state;
    wb_snapshot *snap = NULL;
    wb_sandbox *child = NULL;
    assert_int_equal(wb_snapshot_take(NULL, &snap), WB_EMISUSE);
    assert_int_equal(wb_fork(NULL, &child), WB_EMISUSE);
    wb_sandbox *sb = new_sandbox(NULL);
    assert_int_equal(wb_snapshot_take(sb, NULL), WB_EMISUSE);
    assert_int_equal(wb_fork(sb, NULL), WB_EMISUSE);
    assert_int_equal(wb_restore(sb, NULL), WB_EMISUSE);
    assert_non_null(strstr(wb_errmsg(sb), "not a live snapshot"));
    void *buf;
    size_t len;
    assert_int_equal(wb_snapshot_save(NULL, &buf, &len), WB_EMISUSE);
    wb_snapshot_free(NULL);
    wb_free(sb);
}

/* A trap after a restore rolls back to the restored state, not to the
 * template: the undo log and restored pages agree. */
static void test_trap_after_restore(void **state)
{
    (void)state;
    wb_config *cfg;
    assert_int_equal(wb_config_new(&cfg), WB_OK);
    assert_int_equal(wb_config_set_fuel_limit(cfg, 2000000), WB_OK);
    wb_sandbox *sb = new_sandbox(cfg);
    expect_js(sb, "var v = 'restored'; 1", "1");
    wb_snapshot *snap = NULL;
    assert_int_equal(wb_snapshot_take(sb, &snap), WB_OK);
    expect_js(sb, "v = 'changed'; 1", "1");
    assert_int_equal(wb_restore(sb, snap), WB_OK);
    run_out o = run_js(sb, "v = 'lost'; JSON.stringify(new Array(3e6).fill(7)).length");
    assert_int_equal(o.status, WB_EFUEL);
    run_free(&o);
    expect_js(sb, "v", "\"restored\"");
    wb_snapshot_free(snap);
    wb_free(sb);
    wb_config_free(cfg);
}

/* The C API of sessions: restore, commit, conflicts, remove. */
static void test_session_api(void **state)
{
    (void)state;
    char dir[] = "/tmp/wb-session-test.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], junk[256];
    snprintf(path, sizeof path, "%s/s.db", dir);
    snprintf(junk, sizeof junk, "%s/junk.db", dir);

    wb_session_db *db = NULL, *db2 = NULL;
    assert_int_equal(wb_session_db_open(path, &db), WB_OK);
    wb_sandbox *sb = new_sandbox(NULL);
    int found = -1;
    assert_int_equal(wb_session_restore(db, "work", sb, &found), WB_OK);
    assert_int_equal(found, 0);
    expect_js(sb, "var items = ['a']; items.length", "1");
    assert_int_equal(wb_session_commit(db, "work", sb), WB_OK);
    expect_js(sb, "items.push('b')", "2");
    assert_int_equal(wb_session_commit(db, "work", sb), WB_OK); /* again, same handle */
    wb_free(sb);

    /* Another handle (as another process would) sees it. */
    assert_int_equal(wb_session_db_open(path, &db2), WB_OK);
    wb_sandbox *a = new_sandbox(NULL), *b = new_sandbox(NULL);
    assert_int_equal(wb_session_restore(db2, "work", a, &found), WB_OK);
    assert_int_equal(found, 1);
    expect_js(a, "items.join()", "\"a,b\"");
    /* Both restore; the first commit wins, the second is refused. */
    assert_int_equal(wb_session_restore(db, "work", b, &found), WB_OK);
    expect_js(a, "items.push('from a')", "3");
    expect_js(b, "items.push('from b')", "3");
    assert_int_equal(wb_session_commit(db2, "work", a), WB_OK);
    assert_int_equal(wb_session_commit(db, "work", b), WB_ESTATE);
    assert_non_null(strstr(wb_session_db_errmsg(db), "another process"));
    assert_int_equal(wb_session_restore(db, "work", b, &found), WB_OK);
    expect_js(b, "items[2]", "\"from a\"");

    assert_int_equal(wb_session_restore(db, "bad/name", b, &found), WB_EINVAL);
    assert_non_null(strstr(wb_session_db_errmsg(db), "not valid"));
    assert_int_equal(wb_session_remove(db, "work", &found), WB_OK);
    assert_int_equal(found, 1);
    assert_int_equal(wb_session_remove(db, "work", &found), WB_OK);
    assert_int_equal(found, 0);
    assert_int_equal(wb_session_commit(NULL, "x", b), WB_EMISUSE);
    wb_free(a);
    wb_free(b);
    wb_session_db_close(db2);
    wb_session_db_close(db);

    FILE *f = fopen(junk, "w");
    assert_non_null(f);
    fputs("this is not a database, it is text that goes on for a while....", f);
    fclose(f);
    assert_int_equal(wb_session_db_open(junk, &db), WB_EINVAL);
    assert_non_null(strstr(wb_session_db_errmsg(db), "not a SQLite database"));
    wb_session_db_close(db);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_grown_memory),
        cmocka_unit_test(test_fork_isolation),
        cmocka_unit_test(test_fork_layers),
        cmocka_unit_test(test_thousand_forks),
        cmocka_unit_test(test_blob_round_trip),
        cmocka_unit_test(test_blob_reuse),
        cmocka_unit_test(test_blob_corrupt),
        cmocka_unit_test(test_restore_other_config),
        cmocka_unit_test(test_misuse),
        cmocka_unit_test(test_trap_after_restore),
        cmocka_unit_test(test_session_api),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
