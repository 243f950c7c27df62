printf '1\n2\n3\n' | xargs -P2 -n1 echo | sort
