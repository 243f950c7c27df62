/* Included into every jq and oniguruma source after config.h (-include):
 * the generated renames (every global becomes wb_jq_NAME) and the libc
 * calls the sandbox needs handled differently, routed to glue.c. */
#ifndef WB_JQ_PORT_H
#define WB_JQ_PORT_H

#include "renames.h"

#include <stdio.h>

#define main wb_jq_main
#define exit wb_jq_exit
#define fclose wb_jq_fclose
#define raise wb_jq_raise
#define realpath wb_jq_realpath
#define isatty wb_jq_isatty

_Noreturn void wb_jq_exit(int status);
int wb_jq_fclose(FILE *fp);
int wb_jq_raise(int sig);
char *wb_jq_realpath(const char *path, char *resolved);
int wb_jq_isatty(int fd);

#endif
