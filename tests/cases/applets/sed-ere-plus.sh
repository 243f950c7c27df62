echo 'aaab' | sed -E 's/a+/X/'
