/* Oniguruma's config.h for wasm32-wasi (its regint.h includes "config.h");
 * what its CMake/autoconf would find, written by hand. */
#ifndef WB_ONIG_CONFIG_H
#define WB_ONIG_CONFIG_H

#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_UNISTD_H 1
#define HAVE_ALLOCA 1
#define HAVE_ALLOCA_H 1
#define SIZEOF_INT 4
#define SIZEOF_LONG 4
#define SIZEOF_LONG_LONG 8
#define SIZEOF_VOIDP 4
#define PACKAGE "onig"
#define PACKAGE_VERSION "6.9.9"
#define VERSION "6.9.9"

#endif
