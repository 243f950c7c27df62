printf 'a b\nc d\n' | xargs -L1 echo
