// wasmbox fs module: node's fs API (the common part) on the natives of
// guest/js/fs.c, which go through wasi-libc to the sandbox's files, so JS
// and the shell see the same files.  Evaluated once at guest init with the
// natives on the first use of the globals require or fs (guest/js/fs.c);
// require() also gives path, and buffer and process in part.
// Errors look like node's: "ENOENT: no such file or directory, open 'x'"
// with code, errno (Linux numbers, negative), syscall and path.
(function (N) {
  "use strict";

  // wasi-libc errno -> [code, Linux errno, node's text]
  const ERRNO = {
    1: ["E2BIG", 7, "argument list too long"],
    2: ["EACCES", 13, "permission denied"],
    8: ["EBADF", 9, "bad file descriptor"],
    10: ["EBUSY", 16, "resource busy or locked"],
    19: ["EDQUOT", 122, "disk quota exceeded"],
    20: ["EEXIST", 17, "file already exists"],
    21: ["EFAULT", 14, "bad address in system call argument"],
    22: ["EFBIG", 27, "file too large"],
    28: ["EINVAL", 22, "invalid argument"],
    29: ["EIO", 5, "i/o error"],
    31: ["EISDIR", 21, "illegal operation on a directory"],
    32: ["ELOOP", 40, "too many symbolic links encountered"],
    33: ["EMFILE", 24, "too many open files"],
    34: ["EMLINK", 31, "too many links"],
    37: ["ENAMETOOLONG", 36, "name too long"],
    44: ["ENOENT", 2, "no such file or directory"],
    48: ["ENOMEM", 12, "not enough memory"],
    51: ["ENOSPC", 28, "no space left on device"],
    52: ["ENOSYS", 38, "function not implemented"],
    54: ["ENOTDIR", 20, "not a directory"],
    55: ["ENOTEMPTY", 39, "directory not empty"],
    58: ["ENOTSUP", 95, "operation not supported on socket"],
    61: ["EOVERFLOW", 75, "value too large for defined data type"],
    63: ["EPERM", 1, "operation not permitted"],
    69: ["EROFS", 30, "read-only file system"],
    70: ["ESPIPE", 29, "invalid seek"],
    75: ["EXDEV", 18, "cross-device link not permitted"],
    76: ["EACCES", 13, "permission denied"],
  };
  // What the sandbox adds to node's text: where the limit comes from.
  const HINT = {
    ENOSPC: " (the sandbox's filesystem quota is full: remove files, or ask for a larger --fs-quota)",
    EDQUOT: " (the sandbox's limit on the number of files is reached: remove some, or ask for a larger --fs-quota)",
    EROFS: " (/tools and read-only mounts cannot change; write under /workspace or /tmp)",
  };

  function sysError(rc, syscall, path, dest) {
    const [code, errno, text] = ERRNO[-rc] || ["EIO", 5, "i/o error"];
    let msg = code + ": " + text + ", " + syscall;
    if (path !== undefined) msg += " '" + path + "'";
    if (dest !== undefined) msg += " -> '" + dest + "'";
    const e = new Error(msg + (HINT[code] || ""));
    e.errno = -errno;
    e.code = code;
    e.syscall = syscall;
    if (path !== undefined) e.path = path;
    if (dest !== undefined) e.dest = dest;
    return e;
  }
  function check(rc, syscall, path, dest) {
    if (typeof rc === "number" && rc < 0) throw sysError(rc, syscall, path, dest);
    return rc;
  }
  function typeError(code, msg) {
    const e = new TypeError(msg);
    e.code = code;
    return e;
  }
  function received(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    if (typeof v === "function") return "function " + (v.name || "anonymous");
    if (typeof v === "object") {
      const name = v.constructor && v.constructor.name;
      return name ? "an instance of " + name : "an instance of Object";
    }
    let s = String(v);
    if (typeof v === "string") s = "'" + (s.length > 28 ? s.slice(0, 25) + "..." : s) + "'";
    return "type " + typeof v + " (" + s + ")";
  }
  function toPath(p, name) {
    if (typeof p === "string") {
      if (p.indexOf("\u0000") >= 0)
        throw typeError("ERR_INVALID_ARG_VALUE", "The argument '" + (name || "path") +
          "' must be a string, Uint8Array, or URL without null bytes. Received " + JSON.stringify(p));
      return p;
    }
    if (p instanceof Uint8Array) return N.decode(p);
    throw typeError("ERR_INVALID_ARG_TYPE", 'The "' + (name || "path") +
      '" argument must be of type string or an instance of Buffer or URL. Received ' + received(p));
  }
  function checkFd(fd) {
    if (typeof fd !== "number" || !Number.isInteger(fd) || fd < 0 || fd > 2147483647)
      throw typeError("ERR_INVALID_ARG_TYPE", 'The "fd" argument must be of type number. Received ' + received(fd));
    return fd;
  }

  // ------------------------------------------------------------ bytes
  const HEX = "0123456789abcdef";
  const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  function decode(bytes, enc) {
    enc = enc ? String(enc).toLowerCase() : "utf8";
    const u = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    switch (enc) {
    case "utf8": case "utf-8": return N.decode(u);
    case "hex": { let s = ""; for (const b of u) s += HEX[b >> 4] + HEX[b & 15]; return s; }
    case "latin1": case "binary": case "ascii": {
      let s = "";
      for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode.apply(null, u.subarray(i, i + 8192));
      return enc === "ascii" ? s.replace(/[\u0080-\u00ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 127)) : s;
    }
    case "base64": {
      let s = "";
      for (let i = 0; i < u.length; i += 3) {
        const n = (u[i] << 16) | ((u[i + 1] || 0) << 8) | (u[i + 2] || 0);
        s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < u.length ? B64[(n >> 6) & 63] : "=") +
          (i + 2 < u.length ? B64[n & 63] : "=");
      }
      return s;
    }
    default:
      throw typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + enc);
    }
  }
  // Data to write: strings are UTF-8 (the natives take them as they are).
  function toData(data, enc) {
    if (typeof data === "string") {
      if (enc && !/^utf-?8$/i.test(enc)) throw typeError("ERR_UNKNOWN_ENCODING", "Unknown encoding: " + enc + " (wasmbox writes strings as utf8)");
      return data;
    }
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw typeError("ERR_INVALID_ARG_TYPE", 'The "data" argument must be of type string or an instance of ' +
      "Buffer, TypedArray, or DataView. Received " + received(data));
  }

  // A Uint8Array that prints its text with toString(), like node's Buffer
  // does for the common uses (JSON.parse(readFileSync(p)), String(buf)).
  class Buffer extends Uint8Array {
    toString(enc, start, end) {
      return decode(this.subarray(start || 0, end === undefined ? this.length : end), enc);
    }
    toJSON() { return { type: "Buffer", data: Array.from(this) }; }
    static from(v, enc) {
      if (typeof v === "string") return new Buffer(N.encode(v));
      if (v instanceof ArrayBuffer) return new Buffer(v);
      return new Buffer(Uint8Array.from(v));
    }
    static isBuffer(v) { return v instanceof Buffer; }
  }

  function optsOf(o, defaults) {
    if (o === undefined || o === null) return Object.assign({}, defaults);
    if (typeof o === "string") return Object.assign({}, defaults, { encoding: o });
    if (typeof o !== "object")
      throw typeError("ERR_INVALID_ARG_TYPE", 'The "options" argument must be of type object. Received ' + received(o));
    return Object.assign({}, defaults, o);
  }

  // ------------------------------------------------------------ path
  function normalizeParts(parts, abs) {
    const out = [];
    for (const p of parts) {
      if (p === "" || p === ".") continue;
      if (p === "..") { if (out.length && out[out.length - 1] !== "..") out.pop(); else if (!abs) out.push(".."); continue; }
      out.push(p);
    }
    return out;
  }
  const path = {
    sep: "/",
    delimiter: ":",
    isAbsolute: (p) => toPath(p).startsWith("/"),
    normalize(p) {
      p = toPath(p);
      if (p === "") return ".";
      const abs = p.startsWith("/"), trail = p.endsWith("/");
      let s = normalizeParts(p.split("/"), abs).join("/");
      if (!s && !abs) s = ".";
      if (s && trail) s += "/";
      return (abs ? "/" : "") + s;
    },
    join(...a) {
      const parts = a.map((x) => toPath(x)).filter((x) => x !== "");
      return parts.length ? path.normalize(parts.join("/")) : ".";
    },
    resolve(...a) {
      let r = "";
      for (let i = a.length - 1; i >= 0 && !r.startsWith("/"); i--) {
        const x = toPath(a[i]);
        if (x) r = x + (r ? "/" + r : "");
      }
      if (!r.startsWith("/")) r = N.cwd() + (r ? "/" + r : "");
      return "/" + normalizeParts(r.split("/"), true).join("/");
    },
    dirname(p) {
      p = toPath(p);
      if (!p) return ".";
      const s = p.replace(/\/+$/, "");
      if (!s) return "/";
      const i = s.lastIndexOf("/");
      return i < 0 ? "." : i === 0 ? "/" : s.slice(0, i).replace(/\/+$/, "") || "/";
    },
    basename(p, ext) {
      p = toPath(p);
      let b = p.replace(/\/+$/, "");
      b = b.slice(b.lastIndexOf("/") + 1);
      if (ext !== undefined && ext === p) return ""; // node compares with the whole path first
      if (ext !== undefined && b.endsWith(ext) && b !== ext) b = b.slice(0, b.length - ext.length);
      return b;
    },
    extname(p) {
      const b = path.basename(p);
      const i = b.lastIndexOf(".");
      return i <= 0 ? "" : b.slice(i);
    },
    relative(from, to) {
      const f = path.resolve(from).split("/").filter(Boolean), t = path.resolve(to).split("/").filter(Boolean);
      let i = 0;
      while (i < f.length && i < t.length && f[i] === t[i]) i++;
      return f.slice(i).map(() => "..").concat(t.slice(i)).join("/");
    },
    parse(p) {
      const base = path.basename(p), ext = path.extname(p), dir = path.dirname(p);
      return { root: toPath(p).startsWith("/") ? "/" : "", dir: dir === "." && !p.includes("/") ? "" : dir, base,
        ext, name: ext ? base.slice(0, -ext.length) : base };
    },
  };
  path.posix = path;

  // ------------------------------------------------------------ Stats
  const MODE = { file: 0o100644, dir: 0o40755, symlink: 0o120777, other: 0o20666 };
  class Stats {
    constructor(a) {
      this.dev = 1;
      this.mode = MODE[a[0]];
      this.nlink = a[6];
      this.uid = 0;
      this.gid = 0;
      this.rdev = 0;
      this.blksize = 4096;
      this.ino = a[5];
      this.size = a[1];
      this.blocks = Math.ceil(a[1] / 512);
      this.atimeMs = a[3];
      this.mtimeMs = a[2];
      this.ctimeMs = a[4];
      this.birthtimeMs = a[4];
      this.atime = new Date(a[3]);
      this.mtime = new Date(a[2]);
      this.ctime = new Date(a[4]);
      this.birthtime = new Date(a[4]);
      Object.defineProperty(this, "_t", { value: a[0] });
    }
    isFile() { return this._t === "file"; }
    isDirectory() { return this._t === "dir"; }
    isSymbolicLink() { return this._t === "symlink"; }
    isFIFO() { return false; }
    isSocket() { return false; }
    isBlockDevice() { return false; }
    isCharacterDevice() { return false; }
  }
  class Dirent {
    constructor(name, type, dir) {
      this.name = name;
      this.path = dir;
      Object.defineProperty(this, "_t", { value: type });
    }
    isFile() { return this._t === "file"; }
    isDirectory() { return this._t === "dir"; }
    isSymbolicLink() { return this._t === "symlink"; }
    isFIFO() { return false; }
    isSocket() { return false; }
    isBlockDevice() { return false; }
    isCharacterDevice() { return false; }
  }

  // ------------------------------------------------------------ sync API
  const fs = {};
  fs.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2 };
  Object.assign(fs, fs.constants);
  const badFlags = (f) => typeError("ERR_INVALID_ARG_VALUE", "The argument 'flags' is invalid. Received " +
    (typeof f === "string" ? "'" + f + "'" : String(f)));

  fs.readFileSync = function readFileSync(p, options) {
    const o = optsOf(options, { encoding: null, flag: "r" });
    let bytes;
    if (typeof p === "number") {
      const chunks = [];
      let total = 0;
      for (;;) {
        const b = new Uint8Array(65536);
        const n = check(N.read(checkFd(p), b, 0, b.length, -1), "read");
        if (n === 0) break;
        chunks.push(b.subarray(0, n));
        total += n;
      }
      bytes = new Uint8Array(total);
      let at = 0;
      for (const c of chunks) { bytes.set(c, at); at += c.length; }
      bytes = bytes.buffer;
    } else {
      const path_ = toPath(p);
      bytes = N.readFile(path_);
      if (typeof bytes === "number") throw sysError(bytes, bytes === -31 ? "read" : "open", bytes === -31 ? undefined : path_);
    }
    return o.encoding ? decode(new Uint8Array(bytes), o.encoding) : new Buffer(bytes);
  };
  function writeWith(defFlag) {
    return function (p, data, options) {
      const o = optsOf(options, { encoding: "utf8", flag: defFlag });
      const d = toData(data, o.encoding);
      if (typeof p === "number") {
        check(N.write(checkFd(p), d, -1), "write");
        return undefined;
      }
      const path_ = toPath(p);
      const rc = N.writeFile(path_, d, String(o.flag));
      if (rc === -1000) throw badFlags(o.flag);
      check(rc, "open", path_);
      return undefined;
    };
  }
  fs.writeFileSync = writeWith("w");
  fs.appendFileSync = writeWith("a");

  fs.existsSync = function existsSync(p) {
    try { return typeof N.stat(toPath(p), true) !== "number"; } catch (e) { return false; }
  };
  function statWith(follow, syscall) {
    return function (p, options) {
      const path_ = toPath(p);
      const r = N.stat(path_, follow);
      if (typeof r === "number") {
        if (options && options.throwIfNoEntry === false && r === -44) return undefined;
        throw sysError(r, syscall, path_);
      }
      return new Stats(r);
    };
  }
  fs.statSync = statWith(true, "stat");
  fs.lstatSync = statWith(false, "lstat");
  fs.fstatSync = (fd) => new Stats(check(N.fstat(checkFd(fd)), "fstat"));
  fs.accessSync = function accessSync(p, mode) {
    const path_ = toPath(p);
    const r = N.stat(path_, true);
    if (typeof r === "number") throw sysError(r, "access", path_);
    if ((mode & 2) && path.resolve(path_).startsWith("/tools/")) throw sysError(-69, "access", path_);
  };

  fs.readdirSync = function readdirSync(p, options) {
    const o = optsOf(options, { encoding: "utf8", withFileTypes: false });
    const path_ = toPath(p);
    const r = check(N.readdir(path_), "scandir", path_);
    const items = [];
    for (let i = 0; i < r.length; i += 2) items.push([r[i], r[i + 1]]);
    // Sorted, so listings do not depend on the order files were made in.
    items.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (o.recursive) {
      const out = [];
      for (const [name, type] of items) {
        out.push(o.withFileTypes ? new Dirent(name, type, path_) : name);
        if (type === "dir") {
          const sub = readdirSync(path_ + "/" + name, o);
          for (const s of sub) out.push(o.withFileTypes ? s : name + "/" + s);
        }
      }
      return out;
    }
    return items.map(([name, type]) => (o.withFileTypes ? new Dirent(name, type, path_) : name));
  };

  fs.mkdirSync = function mkdirSync(p, options) {
    const o = typeof options === "object" && options !== null ? options : {};
    const path_ = toPath(p);
    if (!o.recursive) {
      check(N.mkdir(path_), "mkdir", path_);
      return undefined;
    }
    // Node returns the first folder it created, spelled as the caller's path.
    const parts = path_.split("/");
    let cur = path_.startsWith("/") ? "/" : "", first;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (!part) continue;
      cur += (cur && !cur.endsWith("/") ? "/" : "") + part;
      const st = N.stat(cur, true);
      if (typeof st !== "number") {
        if (st[0] !== "dir") throw sysError(parts.slice(i + 1).some(Boolean) ? -54 : -20, "mkdir", path_);
        continue;
      }
      const rc = N.mkdir(cur);
      if (rc < 0 && rc !== -20) throw sysError(rc, "mkdir", path_);
      if (rc === 0 && first === undefined) first = cur;
    }
    return first;
  };

  fs.rmdirSync = function rmdirSync(p, options) {
    const path_ = toPath(p);
    if (options && options.recursive) return fs.rmSync(path_, { recursive: true, force: true });
    check(N.rmdir(path_), "rmdir", path_);
  };

  function removeTree(p) {
    const st = check(N.stat(p, false), "lstat", p);
    if (st[0] !== "dir") {
      check(N.unlink(p), "unlink", p);
      return;
    }
    const r = check(N.readdir(p), "scandir", p);
    for (let i = 0; i < r.length; i += 2) removeTree(p + "/" + r[i]);
    check(N.rmdir(p), "rmdir", p);
  }
  fs.rmSync = function rmSync(p, options) {
    const o = optsOf(options, { recursive: false, force: false });
    const path_ = toPath(p);
    const st = N.stat(path_, false);
    if (typeof st === "number") {
      if (o.force && st === -44) return undefined;
      throw sysError(st, "lstat", path_);
    }
    if (st[0] === "dir" && !o.recursive) {
      const e = new Error("Path is a directory: rm returned EISDIR (is a directory) " + path_);
      e.name = "SystemError";
      e.code = "ERR_FS_EISDIR";
      e.errno = 21;
      e.syscall = "rm";
      e.path = path_;
      throw e;
    }
    removeTree(path_);
    return undefined;
  };

  fs.unlinkSync = function unlinkSync(p) {
    const path_ = toPath(p);
    check(N.unlink(path_), "unlink", path_);
  };
  fs.renameSync = function renameSync(a, b) {
    const from = toPath(a, "oldPath"), to = toPath(b, "newPath");
    check(N.rename(from, to), "rename", from, to);
  };
  fs.copyFileSync = function copyFileSync(a, b, mode) {
    const from = toPath(a, "src"), to = toPath(b, "dest");
    const bytes = N.readFile(from);
    if (typeof bytes === "number") throw sysError(bytes, "copyfile", from, to);
    const rc = N.writeFile(to, new Uint8Array(bytes), (mode & 1) ? "wx" : "w");
    check(rc, "copyfile", from, to);
  };
  fs.cpSync = function cpSync(a, b, options) {
    const o = optsOf(options, { recursive: false });
    const from = toPath(a, "src"), to = toPath(b, "dest");
    const st = check(N.stat(from, true), "stat", from);
    if (st[0] !== "dir") return fs.copyFileSync(from, to);
    if (!o.recursive) {
      const e = new Error("Recursive option is required to copy a directory: " + from);
      e.code = "ERR_FS_EISDIR";
      throw e;
    }
    fs.mkdirSync(to, { recursive: true });
    for (const name of fs.readdirSync(from)) cpSync(from + "/" + name, to + "/" + name, o);
  };
  fs.symlinkSync = function symlinkSync(target, p) {
    const t = toPath(target, "target"), path_ = toPath(p);
    check(N.symlink(t, path_), "symlink", t, path_);
  };
  fs.readlinkSync = function readlinkSync(p) {
    const path_ = toPath(p);
    return check(N.readlink(path_), "readlink", path_);
  };
  fs.realpathSync = function realpathSync(p) {
    const path_ = toPath(p);
    let parts = path.resolve(path_).split("/").filter(Boolean);
    let done = "";
    for (let hops = 0; parts.length; ) {
      const part = parts.shift();
      if (part === ".") continue;
      if (part === "..") { done = done.slice(0, done.lastIndexOf("/")); continue; }
      const cur = done + "/" + part;
      const st = N.stat(cur, false);
      if (typeof st === "number") throw sysError(st, "lstat", cur);
      if (st[0] === "symlink") {
        if (++hops > 40) throw sysError(-32, "realpath", path_);
        const t = N.readlink(cur);
        if (t.startsWith("/")) done = "";
        parts = t.split("/").filter(Boolean).concat(parts);
        continue;
      }
      done = cur;
    }
    return done || "/";
  };
  fs.openSync = function openSync(p, flags, mode) {
    const path_ = toPath(p);
    const f = flags === undefined ? "r" : flags;
    if (typeof f !== "string") throw badFlags(f);
    const fd = N.open(path_, f);
    if (fd === -1000) throw badFlags(f);
    return check(fd, "open", path_);
  };
  fs.closeSync = (fd) => { check(N.close(checkFd(fd)), "close"); };
  fs.readSync = function readSync(fd, buffer, offset, length, position) {
    if (offset !== null && typeof offset === "object") ({ offset, length, position } = offset);
    offset = offset || 0;
    if (length === undefined) length = buffer.byteLength - offset;
    return check(N.read(checkFd(fd), buffer, offset, length, position == null ? -1 : position), "read");
  };
  fs.writeSync = function writeSync(fd, data, a, b, c) {
    checkFd(fd);
    if (typeof data === "string") return check(N.write(fd, data, a == null ? -1 : a), "write");
    const u = toData(data);
    const off = a || 0, len = b === undefined ? u.length - off : b;
    return check(N.write(fd, u.subarray(off, off + len), c == null ? -1 : c), "write");
  };
  fs.ftruncateSync = (fd, len) => { check(N.ftruncate(checkFd(fd), len || 0), "ftruncate"); };
  fs.truncateSync = function truncateSync(p, len) {
    const path_ = toPath(p);
    const fd = check(N.open(path_, "r+"), "open", path_);
    const rc = N.ftruncate(fd, len || 0);
    N.close(fd);
    check(rc, "ftruncate");
  };

  // ------------------------------------------------------------ callbacks, promises
  const ASYNC = ["readFile", "writeFile", "appendFile", "readdir", "stat", "lstat", "fstat", "mkdir", "rm", "rmdir",
    "unlink", "rename", "copyFile", "cp", "symlink", "readlink", "realpath", "access", "open", "close", "truncate",
    "ftruncate"];
  fs.promises = {};
  for (const name of ASYNC) {
    const sync = fs[name + "Sync"];
    fs[name] = function (...args) {
      const cb = args.pop();
      if (typeof cb !== "function")
        throw typeError("ERR_INVALID_ARG_TYPE", 'The "cb" argument must be of type function. Received ' + received(cb));
      Promise.resolve().then(() => {
        let r;
        try { r = sync.apply(fs, args); } catch (e) { cb(e); return; }
        cb(null, r);
      });
    };
    Object.defineProperty(fs[name], "name", { value: name });
    if (name !== "close" && name !== "open" && name !== "fstat" && name !== "ftruncate")
      fs.promises[name] = async function (...args) { return sync.apply(fs, args); };
  }
  fs.exists = function exists(p, cb) { Promise.resolve().then(() => cb(fs.existsSync(p))); };
  fs.promises.constants = fs.constants;
  fs.Stats = Stats;
  fs.Dirent = Dirent;

  // ------------------------------------------------------------ install
  // process.cwd() and chdir(); no global process (scripts see no host).
  const proc = {
    cwd: () => check(N.cwd(), "uv_cwd"),
    chdir: (d) => { const p = toPath(d, "directory"); check(N.chdir(p), "chdir", p); },
  };
  const modules = {
    fs, "node:fs": fs, "fs/promises": fs.promises, "node:fs/promises": fs.promises,
    path, "node:path": path, "path/posix": path, "node:path/posix": path,
    // Not node's whole modules: the parts that make sense in the sandbox.
    buffer: { Buffer }, "node:buffer": { Buffer },
    process: proc, "node:process": proc,
  };
  function require(name) {
    if (typeof name !== "string")
      throw typeError("ERR_INVALID_ARG_TYPE", 'The "id" argument must be of type string. Received ' + received(name));
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    const e = new Error("Cannot find module '" + name + "': the sandbox provides fs, fs/promises and path " +
      "(and buffer, process in part; host tools are on the tools object)");
    e.code = "MODULE_NOT_FOUND";
    throw e;
  }
  // Plain data properties from now on, unless a script froze the global
  // object first: then the lazy accessors stay and serve these values.
  const hidden = (v) => ({ value: v, writable: true, configurable: true, enumerable: false });
  try {
    Object.defineProperty(globalThis, "require", hidden(require));
    Object.defineProperty(globalThis, "fs", hidden(fs));
  } catch (e) {}
  return { require, fs };
})
