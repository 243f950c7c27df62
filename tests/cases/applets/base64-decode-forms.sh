printf 'YQ==YQ==' | base64 -d; echo
printf 'YWJj\nZGVm\n' | base64 -d; echo
printf 'YQ==\n\n' | base64 -d; echo
printf 'YW*Jj' | base64 -di; echo
printf 'YW Jj\r\n' | base64 -d -i; echo
printf 'YWJj' | base64 --decode; echo
seq 1000 | base64 | base64 -d | md5sum
