printf '10K\n2M\n1G\n512\n3k\n1.5M\n' | sort -h; printf 'a 2M\nb 10K\nc 1G\n' | sort -k2,2h; printf '2M\n1G\n10K\n' | sort -hr
