printf 'a1\nb2\nc\n' | grep -Ec '[0-9]'
