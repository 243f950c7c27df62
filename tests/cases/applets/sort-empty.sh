printf '' | sort; echo done
