# needs: cat
	cat <<-EOF
	tab stripped
		twice
	EOF
echo done
