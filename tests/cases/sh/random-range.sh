r=$RANDOM; [ $r -ge 0 ] && [ $r -le 32767 ] && echo in-range
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM; [ $a = $b ] && echo seeded
