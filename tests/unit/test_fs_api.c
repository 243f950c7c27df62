/* The filesystem through the public API: wb_fs_*, what JS sees of it,
 * persistence across runs, rollback of a run stopped hard, quotas and
 * mounts set on the config, deterministic timestamps. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"

static wb_sandbox *sandbox(wb_config *c)
{
    wb_sandbox *sb = NULL;
    wb_status st = wb_new(c, &sb);
    if (st != WB_OK)
        fprintf(stderr, "wb_new: %s\n", wb_errmsg(sb));
    assert_int_equal(st, WB_OK);
    return sb;
}

static void test_put_get(void **state)
{
    (void)state;
    wb_sandbox *sb = sandbox(NULL);
    assert_int_equal(wb_fs_write(sb, "/workspace/in/data.csv", "a,b\n1,2\n", 8), WB_OK);
    expect_js(sb, "require('fs').readFileSync('in/data.csv', 'utf8')", "\"a,b\\n1,2\\n\"");
    expect_js(sb, "require('fs').writeFileSync('/tmp/out.txt', 'from js'); 1", "1");
    char *data;
    size_t len;
    assert_int_equal(wb_fs_read(sb, "/tmp/out.txt", &data, &len), WB_OK);
    assert_int_equal(len, 7);
    assert_string_equal(data, "from js");
    wb_fs_free(data);
    assert_int_equal(wb_fs_mkdir(sb, "/workspace/x/y"), WB_OK);
    assert_int_equal(wb_fs_mkdir(sb, "/workspace/x/y"), WB_OK);
    char *list;
    assert_int_equal(wb_fs_list(sb, "/workspace", &list, &len), WB_OK);
    assert_string_equal(list, "in/\nx/\n");
    wb_fs_free(list);
    assert_int_equal(wb_fs_remove(sb, "/workspace/x", 0), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "not empty"));
    assert_int_equal(wb_fs_remove(sb, "/workspace/x", 1), WB_OK);
    assert_int_equal(wb_fs_read(sb, "/workspace/x/y", &data, &len), WB_EINVAL);
    assert_null(data);
    assert_non_null(strstr(wb_errmsg(sb), "'/workspace/x/y': no such file or directory"));
    assert_int_equal(wb_fs_write(sb, "relative.txt", "x", 1), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "absolute path"));
    assert_int_equal(wb_fs_write(sb, "/tools/x", "x", 1), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "read-only"));
    assert_int_equal(wb_fs_read(sb, "/workspace", &data, &len), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "is a directory"));
    assert_int_equal(wb_fs_write(sb, NULL, "x", 1), WB_EMISUSE);
    assert_int_equal(wb_fs_read(sb, "/tmp/out.txt", NULL, &len), WB_EMISUSE);
    assert_int_equal(wb_fs_write(NULL, "/tmp/a", "x", 1), WB_EMISUSE);
    /* Empty files and binary data. */
    assert_int_equal(wb_fs_write(sb, "/tmp/empty", NULL, 0), WB_OK);
    assert_int_equal(wb_fs_write(sb, "/tmp/bin", "\0\1\2", 3), WB_OK);
    expect_js(sb, "Array.from(require('fs').readFileSync('/tmp/bin')).join() + '|' + require('fs').statSync('/tmp/empty').size",
              "\"0,1,2|0\"");
    wb_free(sb);
}

static void test_persistence_and_rollback(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    /* Loading the fs module (parsing fs.js) takes about 20M of fuel. */
    assert_int_equal(wb_config_set_fuel_limit(c, 40000000), WB_OK);
    wb_sandbox *sb = sandbox(c);
    /* Files and open fds persist from run to run. */
    expect_js(sb, "const fs = require('fs'); fs.writeFileSync('kept.txt', 'v1'); globalThis.fd = fs.openSync('kept.txt'); 1", "1");
    expect_js(sb, "const b = new Uint8Array(2); require('fs').readSync(fd, b, 0, 2, 0); String.fromCharCode(...b)", "\"v1\"");
    /* A run stopped hard: its file changes go with its memory, so the fd
     * it closed is open again and the file it wrote is gone. */
    run_out o = run_js(sb, "const f2 = require('fs'); f2.writeFileSync('kept.txt', 'v2'); f2.writeFileSync('new.txt', 'n'); "
                           "f2.closeSync(fd); JSON.stringify(new Array(3e6).fill(7)).length");
    assert_int_equal(o.status, WB_EFUEL);
    run_free(&o);
    assert_non_null(strstr(wb_errmsg(sb), "restored to its state before this run"));
    expect_js(sb, "require('fs').readFileSync('kept.txt', 'utf8') + '|' + require('fs').existsSync('new.txt')", "\"v1|false\"");
    expect_js(sb, "const b2 = new Uint8Array(2); require('fs').readSync(fd, b2, 0, 2, 0); String.fromCharCode(...b2)", "\"v1\"");
    /* A graceful stop keeps what the run did. */
    o = run_js(sb, "require('fs').writeFileSync('soft.txt', 's'); for (;;) {}");
    assert_int_equal(o.status, WB_EFUEL);
    run_free(&o);
    expect_js(sb, "require('fs').readFileSync('soft.txt', 'utf8')", "\"s\"");
    /* An exception keeps them too (the script's own failure). */
    o = run_js(sb, "require('fs').writeFileSync('thrown.txt', 't'); throw new Error('x')");
    assert_int_equal(o.exit_code, 1);
    run_free(&o);
    expect_js(sb, "require('fs').existsSync('thrown.txt')", "true");
    wb_free(sb);
    wb_config_free(c);
}

static void test_config(void **state)
{
    (void)state;
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_fs_quota(c, 100, 0), WB_EINVAL);
    assert_non_null(strstr(wb_config_errmsg(c), "out of range"));
    assert_int_equal(wb_config_set_fs_quota(c, 0, 20000000), WB_EINVAL);
    assert_int_equal(wb_config_set_fs_quota(NULL, 0, 0), WB_EMISUSE);
    assert_int_equal(wb_config_set_fs_quota(c, 8192, 3), WB_OK);
    assert_int_equal(wb_config_add_mount(c, "/nonexistent-wasmbox", "/data", 0), WB_EINVAL);
    assert_non_null(strstr(wb_config_errmsg(c), "/nonexistent-wasmbox"));
    assert_int_equal(wb_config_add_mount(c, "/tmp", "data", 0), WB_EINVAL);
    assert_non_null(strstr(wb_config_errmsg(c), "absolute"));
    assert_int_equal(wb_config_add_mount(c, "/tmp", "/workspace", 0), WB_EINVAL);
    char dir[] = "/tmp/wasmbox-fsapi-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char file[64];
    snprintf(file, sizeof file, "%s/hello.txt", dir);
    FILE *f = fopen(file, "w");
    assert_non_null(f);
    fputs("from the host", f);
    fclose(f);
    assert_int_equal(wb_config_add_mount(c, dir, "/data", 0), WB_OK);
    assert_int_equal(wb_config_add_mount(c, dir, "/data/sub", 0), WB_EINVAL);
    assert_non_null(strstr(wb_config_errmsg(c), "overlaps"));
    assert_int_equal(wb_config_set_fixed_clock(c, 1700000000000), WB_OK);
    wb_sandbox *sb = sandbox(c);
    expect_js(sb, "require('fs').readFileSync('/data/hello.txt', 'utf8')", "\"from the host\"");
    expect_js(sb, "try { require('fs').writeFileSync('/data/x', '1') } catch (e) { e.code }", "\"EROFS\"");
    /* quota of 3 files, 8 KiB */
    expect_js(sb, "const fs = require('fs'); const r = []; for (let i = 0; i < 4; i++) { try { fs.writeFileSync('f' + i, ''); r.push('ok'); } "
                  "catch (e) { r.push(e.code); } } r.join()", "\"ok,ok,ok,EDQUOT\"");
    expect_js(sb, "try { require('fs').writeFileSync('f0', 'x'.repeat(9000)) } catch (e) { e.code }", "\"ENOSPC\"");
    /* the fixed clock stamps files */
    expect_js(sb, "require('fs').statSync('f1').mtimeMs", "1700000000000");
    assert_int_equal(wb_fs_write(sb, "/workspace/big", "x", 1), WB_EINVAL);
    assert_non_null(strstr(wb_errmsg(sb), "file quota"));
    wb_free(sb);
    wb_config_free(c);
    unlink(file);
    rmdir(dir);
}

static void test_tools_docs(void **state)
{
    (void)state;
    static const char pol[] = "{\"tools\": {\"weather\": {\"description\": \"Weather for a city\", "
                              "\"provider\": {\"type\": \"builtin\", \"name\": \"echo\"}, \"params\": {\"type\": \"object\", "
                              "\"required\": [\"city\"], \"properties\": {\"city\": {\"type\": \"string\"}}}}}}";
    wb_config *c;
    assert_int_equal(wb_config_new(&c), WB_OK);
    assert_int_equal(wb_config_set_policy(c, pol, sizeof pol - 1, "p.json"), WB_OK);
    wb_sandbox *sb = sandbox(c);
    char *d;
    size_t len;
    assert_int_equal(wb_fs_read(sb, "/tools/tools.d.ts", &d, &len), WB_OK);
    assert_non_null(strstr(d, "weather(args: { city: string }): Promise<any>;"));
    assert_non_null(strstr(d, "/** Weather for a city */"));
    wb_fs_free(d);
    expect_js(sb, "require('fs').readFileSync('/tools/README.md', 'utf8').includes('## weather')", "true");
    wb_free(sb);
    sb = sandbox(NULL);
    expect_js(sb, "require('fs').readFileSync('/tools/README.md', 'utf8').includes('No host tools')", "true");
    wb_free(sb);
    wb_config_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_get),
        cmocka_unit_test(test_persistence_and_rollback),
        cmocka_unit_test(test_config),
        cmocka_unit_test(test_tools_docs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
