#!/bin/sh
# A host-side tool for the demo: reads its JSON arguments on stdin and
# writes a JSON result on stdout, as every exec provider does.
args=$(cat)
city=$(printf '%s' "$args" | sed -n 's/.*"city":"\([^"]*\)".*/\1/p')
case "$city" in
    Paris) t=14 ;; Berlin) t=9 ;; Tokyo) t=17 ;; *) echo "unknown city: $city" >&2; exit 2 ;;
esac
printf '{"city":"%s","temp_c":%s,"sky":"clear"}\n' "$city" "$t"
