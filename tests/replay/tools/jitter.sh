#!/bin/sh
# An exec tool whose answers differ every time: it sleeps 0-39 ms (so
# calls batched together finish in a different order each run) and answers
# {"i": I, "nonce": N, "ns": NOW} with a fresh random nonce and the host's
# clock.  Arguments {"i": I} on stdin; {"i": 13} fails on purpose.
args=$(cat)
i=$(printf '%s' "$args" | sed -n 's/.*"i":\([0-9]*\).*/\1/p')
r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
sleep "0.0$((r % 40 / 10))$((r % 10))"
if [ "$i" = 13 ]; then
    echo "unlucky $r" >&2
    exit 3
fi
printf '{"i":%s,"nonce":%s,"ns":%s}\n' "${i:-0}" "$r" "$(date +%s%N)"
