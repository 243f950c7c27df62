printf '1\n2\n3\n' | awk '{if ($1 % 2) print $1, "odd"; else print $1, "even"}'
