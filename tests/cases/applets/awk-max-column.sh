printf '3\n9\n4\n' | awk 'NR==1||$1>m{m=$1} END{print m}'
