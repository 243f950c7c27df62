/* Status codes: text and names come from the same table as the enum. */
#include "internal.h"

const char *wb_version(void)
{
    return WB_VERSION;
}

const char *wb_strerror(wb_status status)
{
    switch (status) {
#define WB__STATUS_TEXT(name, num, text) case WB_##name: return text;
        WB_STATUS_MAP(WB__STATUS_TEXT)
#undef WB__STATUS_TEXT
    }
    return "unknown status";
}

const char *wb_status_name(wb_status status)
{
    switch (status) {
#define WB__STATUS_NAME(name, num, text) case WB_##name: return #name;
        WB_STATUS_MAP(WB__STATUS_NAME)
#undef WB__STATUS_NAME
    }
    return "UNKNOWN";
}
