printf 'foo foo foo\n' | awk '{n=gsub(/o/, "0"); print n, $0}'
