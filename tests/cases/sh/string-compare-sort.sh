# needs: sort
words=(pear apple fig)
sorted=($(printf '%s\n' "${words[@]}" | sort))
echo "${sorted[@]}"
