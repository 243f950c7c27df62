seq 3 | sed -n '2w out'; cat out
