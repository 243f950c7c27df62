awk 'BEGIN{printf "%c%c%c\n", 65, "BCD", 97}'
