/* The guest's side of the filesystem: the working directory every program
 * in the sandbox starts in, and the natives behind the JS fs module
 * (guest/js/fs.js builds node's API on them).
 *
 * The natives go through wasi-libc (open, read, stat, ...), so JS sees
 * exactly the files the shell and the applets see.  They never throw for
 * a filesystem error: they return -errno (wasi-libc's numbers) and fs.js
 * turns that into node's error (code, message, syscall, path). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "quickjs.h"
#include "fs.h"
#include "fs_js.h" /* generated: wb_fs_js[] from guest/js/fs.js */

/* Runs in the reactor's _initialize, at build time (tools/mkimage), after
 * wasi-libc has read the preopens: the image then holds cwd /workspace for
 * every sandbox. */
__attribute__((constructor)) static void wb_fs_start_in_workspace(void)
{
    (void)chdir("/workspace");
}

/* A failure as the natives report it: -errno. */
static JSValue err(int e)
{
    return JS_MKVAL(JS_TAG_INT, -(e ? e : EIO));
}

/* A path argument: a string (node also takes Buffers and URLs; fs.js
 * converts those). */
static const char *path_arg(JSContext *c, JSValueConst v)
{
    return JS_ToCString(c, v);
}

/* Bytes of a string (UTF-8), ArrayBuffer or typed array.  *owned is the
 * C string to free when the bytes came from a string. */
static const uint8_t *bytes_arg(JSContext *c, JSValueConst v, size_t *len, const char **owned)
{
    *owned = NULL;
    if (JS_IsString(v)) {
        *owned = JS_ToCStringLen(c, len, v);
        return (const uint8_t *)*owned;
    }
    size_t off = 0, n = 0, bpe;
    JSValue ab = JS_GetTypedArrayBuffer(c, v, &off, &n, &bpe);
    if (!JS_IsException(ab)) {
        size_t total;
        uint8_t *p = JS_GetArrayBuffer(c, &total, ab);
        JS_FreeValue(c, ab);
        if (!p || off + n > total)
            return NULL;
        *len = n;
        return p + off;
    }
    JS_FreeValue(c, JS_GetException(c));
    uint8_t *p = JS_GetArrayBuffer(c, len, v);
    if (!p)
        JS_FreeValue(c, JS_GetException(c));
    return p;
}

static int flags_of(const char *f)
{
    static const struct {
        const char *name;
        int flags;
    } map[] = {
        { "r", O_RDONLY }, { "rs", O_RDONLY }, { "sr", O_RDONLY }, { "r+", O_RDWR }, { "rs+", O_RDWR },
        { "w", O_WRONLY | O_CREAT | O_TRUNC }, { "wx", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL },
        { "xw", O_WRONLY | O_CREAT | O_TRUNC | O_EXCL }, { "w+", O_RDWR | O_CREAT | O_TRUNC },
        { "wx+", O_RDWR | O_CREAT | O_TRUNC | O_EXCL }, { "a", O_WRONLY | O_CREAT | O_APPEND },
        { "ax", O_WRONLY | O_CREAT | O_APPEND | O_EXCL }, { "a+", O_RDWR | O_CREAT | O_APPEND },
        { "ax+", O_RDWR | O_CREAT | O_APPEND | O_EXCL }, { "as", O_WRONLY | O_CREAT | O_APPEND },
        { "as+", O_RDWR | O_CREAT | O_APPEND },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i].name, f))
            return map[i].flags;
    return -1;
}

/* open(path, flags) -> fd | -errno | -1000 (unknown flags string) */
static JSValue js_open(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    const char *f = JS_ToCString(c, argv[1]);
    JSValue r;
    if (!p || !f) {
        r = JS_EXCEPTION;
    } else {
        int fl = flags_of(f);
        int fd = fl < 0 ? -1 : open(p, fl, 0666);
        r = fl < 0 ? JS_NewInt32(c, -1000) : fd < 0 ? err(errno) : JS_NewInt32(c, fd);
    }
    JS_FreeCString(c, p);
    JS_FreeCString(c, f);
    return r;
}

static JSValue js_close(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    int fd;
    if (JS_ToInt32(c, &fd, argv[0]))
        return JS_EXCEPTION;
    return close(fd) ? err(errno) : JS_NewInt32(c, 0);
}

/* read(fd, typedArrayOrBuffer, offset, length, position|-1) -> n | -errno */
static JSValue js_read(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    int fd;
    int64_t off, len, pos;
    size_t n;
    const char *owned;
    uint8_t *buf = (uint8_t *)bytes_arg(c, argv[1], &n, &owned);
    if (owned)
        JS_FreeCString(c, owned);
    if (!buf || owned || JS_ToInt32(c, &fd, argv[0]) || JS_ToInt64(c, &off, argv[2]) ||
        JS_ToInt64(c, &len, argv[3]) || JS_ToInt64(c, &pos, argv[4]))
        return JS_ThrowTypeError(c, "read: bad arguments");
    if (off < 0 || len < 0 || (uint64_t)off > n || (uint64_t)len > n - (uint64_t)off)
        return JS_ThrowRangeError(c, "read: offset and length must lie inside the buffer");
    ssize_t got = pos >= 0 ? pread(fd, buf + off, (size_t)len, pos) : read(fd, buf + off, (size_t)len);
    return got < 0 ? err(errno) : JS_NewInt64(c, got);
}

/* write(fd, data, position|-1) -> n | -errno (all of data) */
static JSValue js_write(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    int fd;
    int64_t pos;
    size_t n;
    const char *owned;
    const uint8_t *p = bytes_arg(c, argv[1], &n, &owned);
    if (!p || JS_ToInt32(c, &fd, argv[0]) || JS_ToInt64(c, &pos, argv[2])) {
        JS_FreeCString(c, owned);
        return JS_ThrowTypeError(c, "write: data must be a string, Buffer, TypedArray or ArrayBuffer");
    }
    size_t done = 0;
    int e = 0;
    while (done < n) {
        ssize_t w = pos >= 0 ? pwrite(fd, p + done, n - done, pos + (int64_t)done) : write(fd, p + done, n - done);
        if (w <= 0) {
            e = w < 0 ? errno : EIO;
            break;
        }
        done += (size_t)w;
    }
    JS_FreeCString(c, owned);
    return e ? err(e) : JS_NewInt64(c, (int64_t)done);
}

/* readFile(path) -> ArrayBuffer | -errno */
static JSValue js_read_file(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    if (!p)
        return JS_EXCEPTION;
    int fd = open(p, O_RDONLY);
    JS_FreeCString(c, p);
    if (fd < 0)
        return err(errno);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        return err(EISDIR);
    }
    size_t cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096, len = 0;
    uint8_t *buf = malloc(cap);
    int e = 0;
    for (;;) {
        if (!buf) {
            e = ENOMEM;
            break;
        }
        if (len == cap) {
            uint8_t *nb = realloc(buf, cap * 2);
            if (!nb) {
                e = ENOMEM;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + len, cap - len);
        if (r < 0) {
            e = errno;
            break;
        }
        if (r == 0)
            break;
        len += (size_t)r;
    }
    close(fd);
    if (e == ENOMEM) {
        free(buf);
        return JS_ThrowOutOfMemory(c);
    }
    JSValue r = e ? err(e) : JS_NewArrayBufferCopy(c, buf, len);
    free(buf);
    return r;
}

/* writeFile(path, data, flags) -> 0 | -errno */
static JSValue js_write_file(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    const char *f = JS_ToCString(c, argv[2]);
    JSValue r;
    int fl = f ? flags_of(f) : -1;
    JS_FreeCString(c, f);
    if (!p) {
        r = JS_EXCEPTION;
    } else if (fl < 0) {
        r = JS_NewInt32(c, -1000);
    } else {
        int fd = open(p, fl, 0666);
        if (fd < 0) {
            r = err(errno);
        } else {
            JSValue args[3] = { JS_NewInt32(c, fd), JS_DupValue(c, argv[1]), JS_NewInt32(c, -1) };
            r = js_write(c, this_val, 3, args);
            JS_FreeValue(c, args[1]);
            int ce = close(fd) ? errno : 0;
            if (!JS_IsException(r) && ce) {
                JS_FreeValue(c, r);
                r = err(ce);
            }
        }
    }
    JS_FreeCString(c, p);
    return r;
}

/* [type, size, mtimeMs, atimeMs, ctimeMs, ino, nlink, mode] */
static JSValue stat_array(JSContext *c, const struct stat *st)
{
    JSValue a = JS_NewArray(c);
    const char *type = S_ISDIR(st->st_mode) ? "dir" : S_ISREG(st->st_mode) ? "file" : S_ISLNK(st->st_mode) ? "symlink"
                                                                                                          : "other";
    double ms[3] = {
        (double)st->st_mtim.tv_sec * 1e3 + (double)st->st_mtim.tv_nsec / 1e6,
        (double)st->st_atim.tv_sec * 1e3 + (double)st->st_atim.tv_nsec / 1e6,
        (double)st->st_ctim.tv_sec * 1e3 + (double)st->st_ctim.tv_nsec / 1e6,
    };
    JS_SetPropertyUint32(c, a, 0, JS_NewString(c, type));
    JS_SetPropertyUint32(c, a, 1, JS_NewInt64(c, (int64_t)st->st_size));
    for (int i = 0; i < 3; i++)
        JS_SetPropertyUint32(c, a, (uint32_t)(2 + i), JS_NewFloat64(c, ms[i]));
    JS_SetPropertyUint32(c, a, 5, JS_NewInt64(c, (int64_t)st->st_ino));
    JS_SetPropertyUint32(c, a, 6, JS_NewInt64(c, (int64_t)st->st_nlink));
    return a;
}

/* stat(path, follow) -> array | -errno */
static JSValue js_stat(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    if (!p)
        return JS_EXCEPTION;
    struct stat st;
    int r = JS_ToBool(c, argv[1]) ? stat(p, &st) : lstat(p, &st);
    int e = errno;
    JS_FreeCString(c, p);
    return r ? err(e) : stat_array(c, &st);
}

static JSValue js_fstat(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    int fd;
    struct stat st;
    if (JS_ToInt32(c, &fd, argv[0]))
        return JS_EXCEPTION;
    return fstat(fd, &st) ? err(errno) : stat_array(c, &st);
}

/* readdir(path) -> [name, type, name, type, ...] | -errno */
static JSValue js_readdir(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    if (!p)
        return JS_EXCEPTION;
    DIR *d = opendir(p);
    int e = errno;
    JS_FreeCString(c, p);
    if (!d)
        return err(e);
    JSValue a = JS_NewArray(c);
    uint32_t i = 0;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        const char *t = de->d_type == DT_DIR ? "dir" : de->d_type == DT_REG ? "file" : de->d_type == DT_LNK ? "symlink"
                                                                                                         : "other";
        JS_SetPropertyUint32(c, a, i++, JS_NewString(c, de->d_name));
        JS_SetPropertyUint32(c, a, i++, JS_NewString(c, t));
    }
    e = errno;
    closedir(d);
    if (e) {
        JS_FreeValue(c, a);
        return err(e);
    }
    return a;
}

/* One-path calls: mkdir, rmdir, unlink, chdir -> 0 | -errno */
static JSValue js_path1(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv, int magic)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    if (!p)
        return JS_EXCEPTION;
    int r = magic == 0 ? mkdir(p, 0777) : magic == 1 ? rmdir(p) : magic == 2 ? unlink(p) : chdir(p);
    int e = errno;
    JS_FreeCString(c, p);
    return r ? err(e) : JS_NewInt32(c, 0);
}

/* Two-path calls: rename(from, to), symlink(target, path) */
static JSValue js_path2(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv, int magic)
{
    (void)this_val;
    (void)argc;
    const char *a = path_arg(c, argv[0]);
    const char *b = path_arg(c, argv[1]);
    JSValue r;
    if (!a || !b) {
        r = JS_EXCEPTION;
    } else {
        int x = magic == 0 ? rename(a, b) : symlink(a, b);
        r = x ? err(errno) : JS_NewInt32(c, 0);
    }
    JS_FreeCString(c, a);
    JS_FreeCString(c, b);
    return r;
}

static JSValue js_readlink(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    const char *p = path_arg(c, argv[0]);
    if (!p)
        return JS_EXCEPTION;
    char buf[4097];
    ssize_t n = readlink(p, buf, sizeof buf - 1);
    int e = errno;
    JS_FreeCString(c, p);
    return n < 0 ? err(e) : JS_NewStringLen(c, buf, (size_t)n);
}

static JSValue js_ftruncate(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    int fd;
    int64_t len;
    if (JS_ToInt32(c, &fd, argv[0]) || JS_ToInt64(c, &len, argv[1]))
        return JS_EXCEPTION;
    return ftruncate(fd, len) ? err(errno) : JS_NewInt32(c, 0);
}

static JSValue js_cwd(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    (void)argv;
    char buf[4097];
    return getcwd(buf, sizeof buf) ? JS_NewString(c, buf) : err(errno);
}

/* decode(bytes) -> string (UTF-8; bad sequences become U+FFFD) */
static JSValue js_decode(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    size_t n;
    const char *owned;
    const uint8_t *p = bytes_arg(c, argv[0], &n, &owned);
    if (owned) {
        JS_FreeCString(c, owned);
        return JS_DupValue(c, argv[0]);
    }
    if (!p)
        return JS_NewString(c, "");
    return JS_NewStringLen(c, (const char *)p, n);
}

/* encode(string) -> ArrayBuffer of its UTF-8 */
static JSValue js_encode(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv)
{
    (void)this_val;
    (void)argc;
    size_t n;
    const char *s = JS_ToCStringLen(c, &n, argv[0]);
    if (!s)
        return JS_EXCEPTION;
    JSValue r = JS_NewArrayBufferCopy(c, (const uint8_t *)s, n);
    JS_FreeCString(c, s);
    return r;
}

static const JSCFunctionListEntry natives[] = {
    JS_CFUNC_DEF("open", 2, js_open),
    JS_CFUNC_DEF("close", 1, js_close),
    JS_CFUNC_DEF("read", 5, js_read),
    JS_CFUNC_DEF("write", 3, js_write),
    JS_CFUNC_DEF("readFile", 1, js_read_file),
    JS_CFUNC_DEF("writeFile", 3, js_write_file),
    JS_CFUNC_DEF("stat", 2, js_stat),
    JS_CFUNC_DEF("fstat", 1, js_fstat),
    JS_CFUNC_DEF("readdir", 1, js_readdir),
    JS_CFUNC_MAGIC_DEF("mkdir", 1, js_path1, 0),
    JS_CFUNC_MAGIC_DEF("rmdir", 1, js_path1, 1),
    JS_CFUNC_MAGIC_DEF("unlink", 1, js_path1, 2),
    JS_CFUNC_MAGIC_DEF("chdir", 1, js_path1, 3),
    JS_CFUNC_MAGIC_DEF("rename", 2, js_path2, 0),
    JS_CFUNC_MAGIC_DEF("symlink", 2, js_path2, 1),
    JS_CFUNC_DEF("readlink", 1, js_readlink),
    JS_CFUNC_DEF("ftruncate", 2, js_ftruncate),
    JS_CFUNC_DEF("cwd", 0, js_cwd),
    JS_CFUNC_DEF("decode", 1, js_decode),
    JS_CFUNC_DEF("encode", 1, js_encode),
};

/* What fs.js returned: { require, fs }, kept for the lazy accessors (the
 * one context lives as long as the guest). */
static JSValue loaded = JS_UNDEFINED;

/* Evaluates fs.js with the natives: it defines require and fs on the
 * global object (replacing the lazy accessors, when it can). */
static int load_fs_js(JSContext *c)
{
    if (!JS_IsUndefined(loaded))
        return 0;
    JSValue fn = JS_Eval(c, (const char *)wb_fs_js, wb_fs_js_len, "fs.js", JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_STRICT);
    if (JS_IsException(fn))
        return -1;
    JSValue nat = JS_NewObject(c);
    JS_SetPropertyFunctionList(c, nat, natives, sizeof natives / sizeof natives[0]);
    JSValue r = JS_Call(c, fn, JS_UNDEFINED, 1, (JSValueConst *)&nat);
    JS_FreeValue(c, fn);
    JS_FreeValue(c, nat);
    if (JS_IsException(r))
        return -1;
    loaded = r;
    return 0;
}

static const char *const lazy_names[] = { "require", "fs" };

/* The first touch of one of the globals loads the module.  Until then it
 * costs nothing: every sandbox's initial memory (and the heap a script
 * can fill) stays as it was without it. */
static JSValue js_lazy_get(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv, int magic)
{
    (void)this_val;
    (void)argc;
    (void)argv;
    return load_fs_js(c) ? JS_EXCEPTION : JS_GetPropertyStr(c, loaded, lazy_names[magic]);
}

/* Assigning to one of them before use: a plain data property. */
static JSValue js_lazy_set(JSContext *c, JSValueConst this_val, int argc, JSValueConst *argv, int magic)
{
    (void)this_val;
    (void)argc;
    JSValue g = JS_GetGlobalObject(c);
    JS_DefinePropertyValueStr(c, g, lazy_names[magic], JS_DupValue(c, argv[0]),
                              JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
    JS_FreeValue(c, g);
    return JS_UNDEFINED;
}

int wb_fs_install(JSContext *c)
{
    JSValue g = JS_GetGlobalObject(c);
    int rc = 0;
    for (int i = 0; i < (int)(sizeof lazy_names / sizeof lazy_names[0]) && rc == 0; i++) {
        JSAtom a = JS_NewAtom(c, lazy_names[i]);
        JSValue get = JS_NewCFunctionMagic(c, js_lazy_get, lazy_names[i], 0, JS_CFUNC_generic_magic, i);
        JSValue set = JS_NewCFunctionMagic(c, js_lazy_set, lazy_names[i], 1, JS_CFUNC_generic_magic, i);
        rc = JS_DefineProperty(c, g, a, JS_UNDEFINED, get, set,
                               JS_PROP_HAS_GET | JS_PROP_HAS_SET | JS_PROP_HAS_CONFIGURABLE | JS_PROP_CONFIGURABLE) < 0;
        JS_FreeValue(c, get);
        JS_FreeValue(c, set);
        JS_FreeAtom(c, a);
    }
    JS_FreeValue(c, g);
    return rc ? -1 : 0;
}
