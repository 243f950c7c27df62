printf 'x\ny\nz\n' | awk '{print NR ": " $0}'
field-sep-F	printf 'a:b:c\n1:2:3\n' | awk -F: '{print $3, $1}'
